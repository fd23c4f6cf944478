import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiKeyRecord } from "../../editorial/api-keys.js";
import { NotFoundError } from "../../errors.js";
import type { AppDependencies } from "../app-dependencies.js";
import { authorize } from "../authorize.js";
import { apiKeySchema, newKeySchema } from "./editorial-schemas.js";
import { json, keyErrorResponses, keySecurity, parseInput, readJsonBody, refuseOtherMethods } from "./shared.js";

/** Admins create, list and revoke API keys; the key itself is shown once, at creation. */
export function registerKeysRoutes(app: OpenAPIHono, { editorial: { keys } }: AppDependencies): void {
  app.post("/v1/keys", async (context) => {
    const caller = authorize(context, keys, "admin");
    const input = parseInput(newKeySchema, await readJsonBody(context));
    const { key, record } = keys.create({ ...input, createdBy: caller.name });
    return context.json({ key, ...toKeyBody(record) }, 201);
  });

  app.get("/v1/keys", (context) => {
    authorize(context, keys, "admin");
    return context.json({ keys: keys.list().map(toKeyBody) });
  });

  app.delete("/v1/keys/:id", (context) => {
    authorize(context, keys, "admin");
    const revoked = keys.revoke(context.req.param("id"));
    if (!revoked) throw new NotFoundError(`No API key with id "${context.req.param("id")}".`);
    return context.json(toKeyBody(revoked));
  });

  refuseOtherMethods(app, "/v1/keys", ["GET", "POST"]);
  refuseOtherMethods(app, "/v1/keys/:id", ["DELETE"]);

  const adminErrors = { ...keyErrorResponses, 403: { description: "forbidden: the key's role is not admin" } };
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/v1/keys",
    summary: "Create an API key (shown once)",
    tags: ["keys"],
    security: keySecurity,
    request: { body: { required: true, content: json(newKeySchema) } },
    responses: {
      201: { description: "The new key, in `key`", content: json(apiKeySchema.extend({ key: apiKeySchema.shape.id })) },
      ...adminErrors,
    },
  });
  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/v1/keys",
    summary: "List API keys (never the keys themselves)",
    tags: ["keys"],
    security: keySecurity,
    responses: {
      200: { description: "Keys", content: json(z.object({ keys: apiKeySchema.array() })) },
      ...adminErrors,
    },
  });
  app.openAPIRegistry.registerPath({
    method: "delete",
    path: "/v1/keys/{id}",
    summary: "Revoke an API key",
    parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
    tags: ["keys"],
    security: keySecurity,
    responses: {
      200: { description: "The revoked key", content: json(apiKeySchema) },
      404: { description: "not_found" },
      ...adminErrors,
    },
  });
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
