import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { type ApiKeyStore, type Caller, type Role, roleAllows } from "../editorial/api-keys.js";
import { ForbiddenError, UnauthorizedError } from "../errors.js";

/** What routes behind `requireRole` find in their context: the caller, for audit trails and tickets. */
export type CallerEnv = { Variables: { caller: Caller } };

/** The key a request carries: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function presentedKey(context: Context): string | undefined {
  const authorization = context.req.header("authorization");
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? context.req.header("x-api-key")?.trim() ?? undefined;
}

/**
 * Lets the request through only with a key that has `role`, and keeps its caller in the context
 * (`context.get("caller")`); otherwise a 401 or 403 that says what to send.
 */
export function requireRole(keys: ApiKeyStore, role: Role) {
  return createMiddleware<CallerEnv>(async (context, next) => {
    context.set("caller", await callerPresenting(context, keys, role));
    await next();
  });
}

/** The caller whose key the request carries, if it has `role`; otherwise a 401 or 403 that says why. */
export function callerPresenting(context: Context, keys: ApiKeyStore, role: Role): Promise<Caller> {
  return callerWithRole(keys, presentedKey(context), role);
}

/** The caller a key belongs to, if it has the role; otherwise a 401 or 403 that says why. */
export async function callerWithRole(keys: ApiKeyStore, key: string | undefined, role: Role): Promise<Caller> {
  if (!key) {
    throw new UnauthorizedError(`This needs an API key with the ${role} role: send it as Authorization: Bearer <key>.`);
  }
  const caller = await keys.verify(key);
  if (!caller) throw new UnauthorizedError("The API key is unknown or has been revoked.");
  if (!roleAllows(caller.role, role)) {
    throw new ForbiddenError(`The key "${caller.name}" has the ${caller.role} role; this needs ${role}.`);
  }
  return caller;
}
