import { type ClientRateLimitInfo, type HonoConfigType, MemoryStore, RedisStore, type Store } from "hono-rate-limiter";
import { Redis } from "ioredis";

/** Where the rate limits count: in Redis for every replica, or in this process while Redis is away. */
export type RateCountsState = "shared" | "local_fallback";

/** A Redis command that has not answered by then counts locally instead: a request waits on Redis no longer. */
const REDIS_TIMEOUT_MS = 250;
/** After a failure Redis is left alone this long: no request waits on its timeout meanwhile. */
const RECENT_FAILURE_MS = 5000;

/**
 * Rate-limit counts kept in Redis, so that every replica spends one budget per client and key.
 * While Redis does not answer, each replica counts in memory (requests are served, never refused
 * for Redis's sake) and `state()` says so for /readyz; counting moves back once Redis answers.
 */
export class SharedRateCounts {
  private readonly redis: Redis;
  private lastFailure: number | undefined;

  /** `prefix` starts every key, so that deployments (or test runs) sharing a Redis keep apart. */
  constructor(
    url: string,
    private readonly prefix = "grounded-faq:rate",
  ) {
    this.redis = new Redis(url, {
      // Fail at once while disconnected instead of queueing, and keep reconnecting in the background.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      commandTimeout: REDIS_TIMEOUT_MS,
      lazyConnect: false,
    });
    // Connection errors are seen in state(); without a listener ioredis would print each one.
    this.redis.on("error", () => {});
  }

  /** A store for one limiter, its keys under `prefix`. */
  storeFor(prefix: string): Store {
    const redis = this.redis;
    const shared = new RedisStore({
      prefix: `${this.prefix}:${prefix}:`,
      client: {
        scriptLoad: (script) => redis.script("LOAD", script) as Promise<string>,
        evalsha: (sha, keys, args) => redis.evalsha(sha, keys.length, ...keys, ...(args as string[])) as never,
        decr: (key) => redis.decr(key),
        del: (key) => redis.del(key),
      },
    });
    const local = new MemoryStore();
    const counts = this;
    return {
      init(options: HonoConfigType) {
        shared.init(options);
        local.init(options);
      },
      async increment(key: string): Promise<ClientRateLimitInfo> {
        return counts.either(
          () => shared.increment(key),
          () => local.increment(key),
        );
      },
      async decrement(key: string): Promise<void> {
        await counts.either(
          () => shared.decrement(key),
          () => local.decrement(key),
        );
      },
      async resetKey(key: string): Promise<void> {
        await counts.either(
          () => shared.resetKey(key),
          () => local.resetKey(key),
        );
      },
    };
  }

  private async either<T>(inRedis: () => Promise<T>, inMemory: () => T): Promise<T> {
    // After a failure Redis is left alone for a few seconds: no request waits on its timeout twice.
    if (this.redis.status !== "ready" || this.failedLately()) return inMemory();
    try {
      return await inRedis();
    } catch {
      this.lastFailure = Date.now();
      return inMemory();
    }
  }

  /** Shared while Redis is connected and its last failure, if any, is older than a few seconds. */
  state(): RateCountsState {
    return this.redis.status === "ready" && !this.failedLately() ? "shared" : "local_fallback";
  }

  private failedLately(): boolean {
    return this.lastFailure !== undefined && Date.now() - this.lastFailure < RECENT_FAILURE_MS;
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
