import pg from "pg";
import { CHANGES_CHANNEL } from "./sql-dialect.js";

export interface ChangeListener {
  close(): Promise<void>;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/**
 * Listens on PostgreSQL for the audit events other replicas commit (migration 0002's trigger) on a
 * connection of its own: `onEvent` hears each event's id, `onConnected` each (re)connection, after
 * which a listener must catch up on what it missed while away. A lost connection is opened again,
 * waiting longer each time up to 30 s.
 */
export function listenForChanges(
  url: string,
  handlers: { onEvent(id: number): void; onConnected(): void; onLost(reason: string): void },
): ChangeListener {
  let client: pg.Client | undefined;
  let closed = false;
  let retryMs = FIRST_RETRY_MS;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (closed) return;
    const attempt = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true });
    let failed = false;
    // Once per connection, however many of its events report the loss.
    const fail = (reason: string) => {
      if (failed) return;
      failed = true;
      attempt.removeAllListeners();
      attempt.on("error", () => {});
      void attempt.end().catch(() => {});
      if (client === attempt) client = undefined;
      if (closed) return;
      handlers.onLost(reason);
      retry = setTimeout(connect, retryMs);
      retry.unref();
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    };
    attempt.on("error", (error) => fail(error.message));
    attempt.on("end", () => fail("the connection ended"));
    attempt.on("notification", (message) => {
      const id = Number(message.payload);
      if (Number.isSafeInteger(id)) handlers.onEvent(id);
    });
    try {
      await attempt.connect();
      await attempt.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      fail((error as Error).message);
      return;
    }
    if (failed || closed) return;
    client = attempt;
    retryMs = FIRST_RETRY_MS;
    handlers.onConnected();
  };

  void connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const last = client;
      client = undefined;
      last?.removeAllListeners();
      last?.on("error", () => {});
      await last?.end().catch(() => {});
    },
  };
}
