import pRetry from "p-retry";

/** Whether trying again may help, as decided where the error was raised (`isRetryable: true` on it). */
export function isRetryable(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { isRetryable?: unknown }).isRetryable === true;
}

export interface RetrySettings {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The wait before the second attempt; each later wait doubles. Tests make it 0. */
  firstDelayMs: number;
  /** Waits of one to two times their length, so that callers that failed together do not retry together. */
  randomize?: boolean;
}

/**
 * Calls `attempt` until it succeeds, fails with an error that is not retryable, the attempts run
 * out or `signal` aborts; then rejects with the last error (or the signal's reason).
 */
export function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  settings: RetrySettings & { signal?: AbortSignal },
): Promise<T> {
  return pRetry(attempt, {
    retries: Math.max(0, settings.attempts - 1),
    minTimeout: settings.firstDelayMs,
    factor: 2,
    randomize: settings.randomize ?? false,
    signal: settings.signal,
    shouldRetry: ({ error }) => isRetryable(error),
  });
}
