import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { NotReadyError } from "../../errors.js";
import type { AppDependencies } from "../app-dependencies.js";
import { errorBody, newRouteGroup } from "./shared.js";

const statusSchema = z.object({ status: z.string() });

const readinessSchema = z.object({
  status: z.literal("ready"),
  index: z.literal("ok").openapi({ description: "The index answers (when it does not, /readyz is 503)" }),
  database: z.enum(["ok", "unavailable"]).openapi({
    description:
      "The editorial database (editorial.sqlite or PostgreSQL); `unavailable`: answers go on, editors' features and the answer log fail (see `warnings`)",
  }),
  rate_limits: z.enum(["shared", "local", "local_fallback", "off"]).openapi({
    description:
      "`shared`: counted in Redis for every replica; `local`: per replica (no REDIS_URL); `local_fallback`: Redis does not answer, so each replica counts on its own meanwhile",
  }),
  editorial: z
    .enum(["ok", "unavailable"])
    .openapi({ description: "`unavailable`: the editors' store cannot be used; answers go on (see `warnings`)" }),
  storage: z.enum(["ok", "full"]).optional().openapi({
    description:
      "`full`: little free space under DATA_DIR, or a write failed for lack of it lately; answers go on, uploads and the answer log may fail",
  }),
  warnings: z.array(z.string()).openapi({ description: "What is degraded, and how an operator recovers" }),
});

const livenessRoute = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["health"],
  summary: "The process is alive",
  responses: { 200: { description: "Alive", content: { "application/json": { schema: statusSchema } } } },
});

const readinessRoute = createRoute({
  method: "get",
  path: "/readyz",
  tags: ["health"],
  summary: "The first sync has finished and the index answers",
  responses: {
    200: {
      description: "Ready to answer; parts that are degraded but do not stop answers are reported",
      content: { "application/json": { schema: readinessSchema } },
    },
    503: errorBody("Not ready, with the reason"),
  },
});

const DISK_FULL_WARNING =
  "The disk under DATA_DIR is (nearly) full: answers go on, but uploads are refused (507 storage_full) and answers may not be logged. Free space there (MIN_FREE_DISK_MB sets the threshold).";

const REDIS_FALLBACK_WARNING =
  "Redis (REDIS_URL) does not answer: requests are served, and each replica counts its own rate limits until it does again.";

/** `GET /healthz` and `GET /readyz`, for load balancers and orchestrators. */
export function healthRoutes({
  readiness,
  store,
  storage,
  rateLimits,
}: Pick<AppDependencies, "readiness" | "store" | "storage" | "rateLimits">): OpenAPIHono {
  const routes = newRouteGroup();
  routes.openapi(livenessRoute, (context) => context.json({ status: "ok" }, 200));
  routes.openapi(readinessRoute, async (context) => {
    if (!readiness.ready) throw new NotReadyError(readiness.reason);
    if (readiness.stopping) throw new NotReadyError("shutting down");
    await store.listCollections(); // throws store_unavailable when the index does not answer
    // Degraded parts are reported, not failed: a load balancer that took the service out would stop answers too.
    const storageState = await storage?.state();
    const databaseProblem = await readiness.databaseProblem?.();
    const rateLimitState = !rateLimits ? "off" : (rateLimits.sharedCounts?.state() ?? "local");
    const warnings = [
      ...(databaseProblem ? [databaseProblem] : []),
      ...(storageState === "full" ? [DISK_FULL_WARNING] : []),
      ...(rateLimitState === "local_fallback" ? [REDIS_FALLBACK_WARNING] : []),
    ];
    return context.json(
      {
        status: "ready" as const,
        index: "ok" as const,
        database: databaseProblem ? ("unavailable" as const) : ("ok" as const),
        rate_limits: rateLimitState,
        editorial: databaseProblem ? ("unavailable" as const) : ("ok" as const),
        ...(storageState ? { storage: storageState } : {}),
        warnings,
      },
      200,
    );
  });
  return routes;
}
