import type { EditorialDatabase } from "../editorial/editorial-database.js";

/** One call an action made: never the record it returned. */
export interface ActionCall {
  actionId: string;
  studentId: string;
  /** `ok`, or why no record was read (timeout, unreachable, http_error, unreadable, circuit_open, not_configured). */
  outcome: string;
  httpStatus?: number;
  latencyMs: number;
}

export interface AuditedActionCall extends ActionCall {
  at: string;
}

/**
 * The audit trail of actions: which student's look-up ran when, and how it went, kept in the
 * editorial file beside the answer log. A write that fails (a full disk) does not fail the student's
 * answer; `onError` hears of it.
 */
export class ActionAudit {
  private readonly insert;
  private readonly recent;

  constructor(
    database: EditorialDatabase,
    private readonly options: { now?: () => Date; onError?: (error: Error) => void } = {},
  ) {
    this.insert = database.prepare(
      "INSERT INTO action_calls (action_id, student_id, at, outcome, http_status, latency_ms) VALUES (?, ?, ?, ?, ?, ?)",
    );
    this.recent = database.prepare<[number], Record<string, string | number | null>>(
      "SELECT action_id, student_id, at, outcome, http_status, latency_ms FROM action_calls ORDER BY id DESC LIMIT ?",
    );
  }

  record(call: ActionCall): void {
    const at = (this.options.now?.() ?? new Date()).toISOString();
    try {
      this.insert.run(call.actionId, call.studentId, at, call.outcome, call.httpStatus ?? null, call.latencyMs);
    } catch (error) {
      this.options.onError?.(error as Error);
    }
  }

  /** The latest calls, newest first. */
  latest(limit: number): AuditedActionCall[] {
    return this.recent.all(limit).map((row) => ({
      actionId: String(row.action_id),
      studentId: String(row.student_id),
      at: String(row.at),
      outcome: String(row.outcome),
      ...(row.http_status === null ? {} : { httpStatus: Number(row.http_status) }),
      latencyMs: Number(row.latency_ms),
    }));
  }
}
