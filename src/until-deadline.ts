/** Aborts when the caller gives up (`signal`, e.g. the client went away) or the time is up, whichever comes first. */
export function untilDeadline(signal: AbortSignal | undefined, deadline: AbortSignal): AbortSignal {
  return signal ? AbortSignal.any([signal, deadline]) : deadline;
}
