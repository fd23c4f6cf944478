import { setImmediate as nextTurn } from "node:timers/promises";
import type { ExpiredRows, InteractionStore } from "./interaction-store.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often old rows are looked for after the first sweep at start-up. */
export const RETENTION_SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** Rows deleted per transaction: answers wait at most one batch's delete, not a year's. */
const BATCH_ROWS = 1000;

export interface AnswerLogRetention {
  /** Deletes what is older than the retention now (a sweep under way is joined, not doubled). */
  sweep(): Promise<ExpiredRows>;
  /** No more sweeps; one under way stops after its current batch. */
  stop(): void;
}

export interface AnswerLogRetentionOptions {
  days: number;
  now?: () => number;
  intervalMs?: number;
  log?: (event: string, fields: Record<string, unknown>) => void;
}

/**
 * Keeps the answer log to its last `days` days: answers older than that go, with their feedback, and
 * so do hand-off tickets closed before then. Sweeps at once, then hourly, on a timer that never
 * keeps the process alive; a sweep that fails (a busy or full disk) is logged and tried again at the
 * next one.
 */
export function startAnswerLogRetention(
  store: Pick<InteractionStore, "deleteOlderThan">,
  options: AnswerLogRetentionOptions,
): AnswerLogRetention {
  const { days, now = Date.now, intervalMs = RETENTION_SWEEP_INTERVAL_MS, log } = options;
  let stopped = false;
  let running: Promise<ExpiredRows> | undefined;

  async function deleteExpired(): Promise<ExpiredRows> {
    const cutoff = new Date(now() - days * DAY_MS).toISOString();
    const deleted = { answers: 0, handoffs: 0 };
    try {
      while (!stopped) {
        const batch = await store.deleteOlderThan(cutoff, BATCH_ROWS);
        deleted.answers += batch.answers;
        deleted.handoffs += batch.handoffs;
        if (batch.answers < BATCH_ROWS && batch.handoffs < BATCH_ROWS) break;
        // Questions are answered between batches.
        await nextTurn();
      }
    } catch (error) {
      log?.("answer_log_retention_failed", { reason: (error as Error).message });
    }
    if (deleted.answers + deleted.handoffs > 0) log?.("answer_log_pruned", { ...deleted, before: cutoff });
    return deleted;
  }

  const sweep = (): Promise<ExpiredRows> => {
    running ??= deleteExpired().finally(() => {
      running = undefined;
    });
    return running;
  };

  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  void sweep();
  return {
    sweep,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
