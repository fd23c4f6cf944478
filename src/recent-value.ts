import { LRUCache } from "lru-cache";

/**
 * A value read again only once it is older than `maxAgeMs`, or after `forget`. Callers that arrive
 * while a read is under way share it; a failed read is not kept, so the next caller tries again.
 */
export class RecentValue<T> {
  // One entry, boxed so that an undefined value is a value; `read` travels as the fetch's context.
  private readonly held: LRUCache<"value", { value: T }, () => Promise<T>>;

  constructor(maxAgeMs: number) {
    this.held = new LRUCache({
      max: 1,
      ttl: maxAgeMs,
      // A `forget` during a read leaves the callers already waiting with what it reads (it is not kept).
      ignoreFetchAbort: true,
      fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }),
    });
  }

  async get(read: () => Promise<T>): Promise<T> {
    const held = await this.held.fetch("value", { context: read });
    return (held as { value: T }).value;
  }

  forget(): void {
    this.held.delete("value");
  }
}
