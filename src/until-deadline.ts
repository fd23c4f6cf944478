/** Aborts when the caller gives up (`signal`, e.g. the client went away) or the time is up, whichever comes first. */
export function untilDeadline(signal: AbortSignal | undefined, deadline: AbortSignal): AbortSignal {
  return signal ? AbortSignal.any([signal, deadline]) : deadline;
}

/**
 * What `work` settles to, or a rejection saying `what` took longer than `ms`, for work that takes
 * no signal (a database query, a close). Settled late, `work` is not an unhandled rejection.
 */
export function settleWithin<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  work.catch(() => {});
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
