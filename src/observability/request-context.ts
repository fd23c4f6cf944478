import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "pino";

/**
 * The logger of the request being handled, bound to its `request_id`. It follows the request's
 * async work (the answer service, a stream that outlives the handler) without being passed
 * through every call, so domain code keeps its plain `EventLog`.
 */
const requestLoggers = new AsyncLocalStorage<Logger>();

/** Runs `handle` (and everything it starts) with `logger` as the request's logger. */
export function runWithRequestLogger<T>(logger: Logger, handle: () => T): T {
  return requestLoggers.run(logger, handle);
}

/** The logger of the request being handled, or nothing outside a request. */
export function requestLogger(): Logger | undefined {
  return requestLoggers.getStore();
}
