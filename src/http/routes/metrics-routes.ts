import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServiceMetrics } from "../../observability/index.js";
import { newRouteGroup } from "./shared.js";

const metricsRoute = createRoute({
  method: "get",
  path: "/metrics",
  tags: ["health"],
  summary: "Prometheus metrics: answers, latencies, model and store errors, syncs, uploads, requests",
  description: "Open like /healthz: serve it on the internal network only (see docs/operations.md).",
  responses: {
    200: {
      description: "The Prometheus text exposition format",
      content: { "text/plain": { schema: z.string() } },
    },
  },
});

/** `GET /metrics`, for Prometheus to scrape. */
export function metricsRoutes(metrics: Pick<ServiceMetrics, "exposition">): OpenAPIHono {
  const routes = newRouteGroup();
  routes.openapi(metricsRoute, async (context) => {
    const { contentType, body } = await metrics.exposition();
    return context.text(body, 200, { "Content-Type": contentType });
  });
  return routes;
}
