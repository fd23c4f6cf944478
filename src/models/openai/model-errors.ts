import { ModelCallError } from "../model-call-error.js";

/** Statuses worth another try: a timeout, too many requests, the server's own failures. */
const RETRYABLE_STATUSES = new Set([408, 429]);

/**
 * A failure of the OpenAI client (through LangChain) as a `ModelCallError`, deciding here, where
 * the failure is seen, whether another try may help: not for a request the server refused (4xx
 * other than 408 and 429), an exhausted quota, or a call that was stopped on purpose.
 */
export function toModelCallError(error: unknown, signal?: AbortSignal): ModelCallError {
  if (error instanceof ModelCallError) return error;
  const { status, code, name, message } = (error ?? {}) as {
    status?: unknown;
    code?: unknown;
    name?: unknown;
    message?: unknown;
  };
  const statusCode = typeof status === "number" ? status : undefined;
  const stopped = signal?.aborted === true || name === "AbortError" || /^(Cancel|AbortError)/.test(String(message));
  const isRetryable =
    !stopped &&
    code !== "insufficient_quota" &&
    (statusCode === undefined || statusCode >= 500 || RETRYABLE_STATUSES.has(statusCode));
  return new ModelCallError(`The model call failed: ${String(message ?? error)}`, {
    isRetryable,
    statusCode: statusCode ?? (typeof name === "string" && /RateLimit/i.test(name) ? 429 : undefined),
    cause: error,
  });
}
