/**
 * Runs tasks for one key one after another, so that two requests about the same thing never
 * interleave; tasks for different keys run at once. A failed task does not fail the ones after it.
 */
export class KeyedQueue {
  private readonly pending = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.pending.get(key) ?? Promise.resolve();
    const current = previous.catch(() => {}).then(task);
    this.pending.set(key, current);
    try {
      return await current;
    } finally {
      if (this.pending.get(key) === current) this.pending.delete(key);
    }
  }
}
