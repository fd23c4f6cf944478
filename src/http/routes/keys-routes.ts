import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiKeyRecord } from "../../editorial/api-keys.js";
import { NotFoundError } from "../../errors.js";
import type { AppDependencies } from "../app-dependencies.js";
import { type CallerEnv, requireRole } from "../authorize.js";
import { apiKeyListSchema, apiKeySchema, newApiKeySchema, newKeySchema } from "./editorial-schemas.js";
import { errorBody, idParamsSchema, json, keyErrorResponses, keySecurity, newRouteGroup } from "./shared.js";

const adminErrors = {
  ...keyErrorResponses,
  403: errorBody("forbidden: the key's role is not admin"),
};
const common = { tags: ["keys"], security: keySecurity };

const createKeyRoute = createRoute({
  ...common,
  method: "post",
  path: "/v1/keys",
  summary: "Create an API key (shown once)",
  request: { body: { required: true, content: json(newKeySchema) } },
  responses: { 201: { description: "The new key, in `key`", content: json(newApiKeySchema) }, ...adminErrors },
});

const listKeysRoute = createRoute({
  ...common,
  method: "get",
  path: "/v1/keys",
  summary: "List API keys (never the keys themselves)",
  responses: { 200: { description: "Keys", content: json(apiKeyListSchema) }, ...adminErrors },
});

const revokeKeyRoute = createRoute({
  ...common,
  method: "delete",
  path: "/v1/keys/{id}",
  summary: "Revoke an API key",
  request: { params: idParamsSchema },
  responses: {
    200: { description: "The revoked key", content: json(apiKeySchema) },
    404: errorBody("not_found"),
    ...adminErrors,
  },
});

/** Admins create, list and revoke API keys; the key itself is shown once, at creation. */
export function keysRoutes({ editorial: { keys } }: Pick<AppDependencies, "editorial">): OpenAPIHono<CallerEnv> {
  const routes = newRouteGroup<CallerEnv>();
  const adminsOnly = { middleware: requireRole(keys, "admin") } as const;

  routes.openapi({ ...createKeyRoute, ...adminsOnly }, async (context) => {
    const input = context.req.valid("json");
    const { key, record } = await keys.create({ ...input, createdBy: context.get("caller").name });
    return context.json({ key, ...toKeyBody(record) }, 201);
  });

  routes.openapi({ ...listKeysRoute, ...adminsOnly }, async (context) =>
    context.json({ keys: (await keys.list()).map(toKeyBody) }, 200),
  );

  routes.openapi({ ...revokeKeyRoute, ...adminsOnly }, async (context) => {
    const { id } = context.req.valid("param");
    const revoked = await keys.revoke(id);
    if (!revoked) throw new NotFoundError(`No API key with id "${id}".`);
    return context.json(toKeyBody(revoked), 200);
  });

  return routes;
}

function toKeyBody(record: ApiKeyRecord) {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    key_prefix: record.keyPrefix,
    created_at: record.createdAt,
    created_by: record.createdBy,
    ...(record.revokedAt ? { revoked_at: record.revokedAt } : {}),
  };
}
