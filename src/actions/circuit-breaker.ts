/** Failures in a row after which a system is left alone. */
const FAILURES_TO_OPEN = 3;
/** How long it is left alone before one call tries it again. */
const OPEN_MS = 30_000;

/**
 * Stops calling a system that keeps failing: after a few failures in a row, calls are refused at
 * once for a while, then one is let through; its success closes the breaker, its failure opens it
 * again. A student then hears "not answering right now" at once instead of after every timeout.
 */
export class CircuitBreaker {
  private failuresInARow = 0;
  private openUntil = 0;
  private trying = false;
  private readonly now: () => number;
  private readonly failuresToOpen: number;
  private readonly openMs: number;

  constructor(options: { now: () => number; failuresToOpen?: number; openMs?: number }) {
    this.now = options.now;
    this.failuresToOpen = options.failuresToOpen ?? FAILURES_TO_OPEN;
    this.openMs = options.openMs ?? OPEN_MS;
  }

  allows(): boolean {
    if (this.failuresInARow < this.failuresToOpen) return true;
    if (this.now() < this.openUntil || this.trying) return false;
    // Half open: this one call tries the system.
    this.trying = true;
    return true;
  }

  succeeded(): void {
    this.failuresInARow = 0;
    this.trying = false;
  }

  failed(): void {
    this.failuresInARow += 1;
    this.trying = false;
    if (this.failuresInARow >= this.failuresToOpen) this.openUntil = this.now() + this.openMs;
  }
}
