import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "../config.js";
import { requestLogger } from "./request-context.js";

export type { Logger };

/**
 * What code below the HTTP layer writes: one line per event, named by `event` (operators grep for
 * `"event":"answer"`), never a question or personal data. Vendor-free, so domain code needs no pino.
 */
export type EventLog = (event: string, fields: Record<string, unknown>) => void;

/**
 * The service's one logger, created at start-up: JSON lines with an ISO `time` and a `level` name
 * (`"level":"info"`, not pino's number), errors under `err` with their stack. Tests pass a
 * `destination` to read the lines.
 */
export function createLogger(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
    },
    options.destination,
  );
}

/** Events of domain code worse than routine; every other event is written at info. */
const EVENT_LEVELS: Record<string, "warn" | "error"> = {
  handoff_delivery_error: "error",
  answer_log_failed: "error",
  answer_log_retention_failed: "error",
};

/**
 * The `EventLog` handed to domain code. A line written while a request is handled goes through
 * that request's logger (see request-context.ts), so it carries the request's `request_id`.
 */
export function eventLogOf(logger: Logger): EventLog {
  return (event, fields) => {
    (requestLogger() ?? logger)[EVENT_LEVELS[event] ?? "info"]({ event, ...fields });
  };
}
