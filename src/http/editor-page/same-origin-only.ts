import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { ForbiddenError } from "../../errors.js";

/** Methods that change nothing: neither checked here nor, on the editors' page, kept from visitors who are not signed in. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses every state-changing request that a browser says comes from another site, whatever its
 * content type (a cross-site `fetch` can send text/plain or JSON with the editor's cookie as well
 * as a form). The browser's own word decides: `Sec-Fetch-Site` when it sends one, else `Origin`.
 * A request with neither is not from a current browser; it is refused only when it carries the
 * session cookie, which is the one thing another site could make a browser send.
 */
export function sameOriginOnly(sessionCookie: string) {
  return createMiddleware(async (context, next) => {
    if (!SAFE_METHODS.has(context.req.method) && !fromThisSite(context, sessionCookie)) {
      throw new ForbiddenError("Requests from another site are refused: use the editors' page on this server.");
    }
    await next();
  });
}

function fromThisSite(context: Context, sessionCookie: string): boolean {
  // Set by browsers themselves (no page can forge it); "same-site" would let a sibling subdomain in.
  const site = context.req.header("sec-fetch-site");
  if (site !== undefined) return site === "same-origin";
  const origin = context.req.header("origin");
  if (origin !== undefined) return origin === ownOrigin(context);
  return getCookie(context, sessionCookie) === undefined;
}

/** This server's origin as the browser sees it: behind a TLS proxy, the scheme it was reached by. */
function ownOrigin(context: Context): string {
  const url = new URL(context.req.url);
  const forwarded = context.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded === "https" || forwarded === "http" ? `${forwarded}://${url.host}` : url.origin;
}
