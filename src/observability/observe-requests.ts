import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { Logger } from "./logger.js";
import type { ServiceMetrics } from "./metrics.js";
import { runWithRequestLogger } from "./request-context.js";

/** The logger and metrics the HTTP layer reports to; built once at start-up. */
export interface HttpObservability {
  logger: Logger;
  metrics?: ServiceMetrics;
}

/** Probes and scrapes come every few seconds: their access lines are written at debug only. */
const QUIET_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * Requests that bring a document from an editor, by method and path: by path, not by the route that
 * answered, since one refused before its route (no key, too large) is counted as well.
 */
const UPLOAD_REQUESTS =
  /^(?:POST \/v1\/documents\/?|PUT \/v1\/documents\/.+|POST \/editor\/upload|POST \/editor\/documents\/.+\/replace)$/;

/**
 * After Hono's `requestId()`: gives the request a child logger bound to its `request_id` (on the
 * context, and for code below HTTP through request-context.ts), writes one access line when the
 * response is ready, and counts the request by route pattern.
 */
export function observeRequests({ logger, metrics }: HttpObservability): MiddlewareHandler {
  return async (context, next) => {
    const startedAt = performance.now();
    const requestLogger = logger.child({ request_id: context.get("requestId") });
    await runWithRequestLogger(requestLogger, next);
    const { method, path } = context.req;
    const { status } = context.res;
    // The pattern of the handler that answered ("/v1/documents/:id{.+}"): ids never become labels.
    const route = routePath(context);
    if (metrics) {
      metrics.requested(method, route, status);
      if (context.error) metrics.failed(context.error);
      if (UPLOAD_REQUESTS.test(`${method} ${path}`))
        metrics.uploaded(status >= 500 ? "failed" : status >= 400 ? "refused" : "accepted");
    }
    // The path without its query string, which may hold what a person typed.
    requestLogger[QUIET_PATHS.has(path) ? "debug" : "info"]({
      event: "request",
      method,
      path,
      route,
      status,
      duration_ms: Math.round((performance.now() - startedAt) * 100) / 100,
    });
  };
}
