import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { NotReadyError } from "../../errors.js";
import { errorResponseSchema } from "../../schemas.js";
import type { AppDependencies } from "../app-dependencies.js";

const statusSchema = z.object({ status: z.string() });

const livenessRoute = createRoute({
  method: "get",
  path: "/healthz",
  summary: "The process is alive",
  responses: { 200: { description: "Alive", content: { "application/json": { schema: statusSchema } } } },
});

const readinessRoute = createRoute({
  method: "get",
  path: "/readyz",
  summary: "The first sync has finished and the index answers",
  responses: {
    200: { description: "Ready", content: { "application/json": { schema: statusSchema } } },
    503: {
      description: "Not ready, with the reason",
      content: { "application/json": { schema: errorResponseSchema } },
    },
  },
});

export function registerHealthRoutes(app: OpenAPIHono, { readiness, store }: AppDependencies): void {
  app.openapi(livenessRoute, (context) => context.json({ status: "ok" }, 200));
  app.openapi(readinessRoute, async (context) => {
    if (!readiness.ready) throw new NotReadyError(readiness.reason);
    await store.listCollections(); // throws store_unavailable when the index does not answer
    return context.json({ status: "ready" }, 200);
  });
}
