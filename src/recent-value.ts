/**
 * A value read again only once it is older than `maxAgeMs`, or after `forget`. Callers that arrive
 * while a read is under way share it; a failed read is not kept, so the next caller tries again.
 */
export class RecentValue<T> {
  private held?: { value: Promise<T>; at: number };

  constructor(private readonly maxAgeMs: number) {}

  get(read: () => Promise<T>): Promise<T> {
    if (!this.held || Date.now() - this.held.at > this.maxAgeMs) {
      const value = read();
      this.held = { value, at: Date.now() };
      value.catch(() => {
        if (this.held?.value === value) this.forget();
      });
    }
    return this.held.value;
  }

  forget(): void {
    this.held = undefined;
  }
}
