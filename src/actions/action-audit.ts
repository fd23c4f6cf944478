import type { Kysely } from "kysely";
import type { EditorialTables } from "../database/editorial-tables.js";

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
 * editorial database beside the answer log. A write that fails (a full disk, a database down) does
 * not fail the student's answer; `onError` hears of it.
 */
export class ActionAudit {
  constructor(
    private readonly db: Kysely<EditorialTables>,
    private readonly options: { now?: () => Date; onError?: (error: Error) => void } = {},
  ) {}

  /** Never rejects: a failed write goes to `onError`. */
  async record(call: ActionCall): Promise<void> {
    try {
      const at = (this.options.now?.() ?? new Date()).toISOString();
      // No id given: the database assigns it, in the order the calls were written.
      await this.db
        .insertInto("action_calls")
        .values({
          action_id: call.actionId,
          student_id: call.studentId,
          at,
          outcome: call.outcome,
          http_status: call.httpStatus ?? null,
          latency_ms: call.latencyMs,
        })
        .execute();
    } catch (error) {
      try {
        this.options.onError?.(error as Error);
      } catch {
        // A listener that throws does not make the write's failure the student's.
      }
    }
  }

  /** The latest calls, newest first. */
  async latest(limit: number): Promise<AuditedActionCall[]> {
    const rows = await this.db
      .selectFrom("action_calls")
      .select(["action_id", "student_id", "at", "outcome", "http_status", "latency_ms"])
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      actionId: row.action_id,
      studentId: row.student_id,
      at: row.at,
      outcome: row.outcome,
      ...(row.http_status === null ? {} : { httpStatus: Number(row.http_status) }),
      latencyMs: Number(row.latency_ms),
    }));
  }
}
