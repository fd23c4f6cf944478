/** Logs (pino) and metrics (prom-client) for operators; neither library is imported outside this folder. */
export { createLogger, type EventLog, eventLogOf, type Logger } from "./logger.js";
export { type AnswerOutcome, createMetrics, ServiceMetrics, type SyncOutcome } from "./metrics.js";
export { type HttpObservability, observeRequests } from "./observe-requests.js";
export { requestLogger } from "./request-context.js";
