import type { Kysely } from "kysely";
import type { EditorialTables } from "../database/editorial-tables.js";

/**
 * Confirmed changes, each claimed once by its confirmation's key in the editorial database: a
 * confirmation sent twice (a retried request, a double click, two replicas) runs the change once.
 * What the change came to is kept by key too (`ok` or why not), never the record.
 */
export class ActionConfirmations {
  constructor(
    private readonly db: Kysely<EditorialTables>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whether this call is the one to run the change: false when the key was claimed before. */
  async claim(key: string, actionId: string, studentId: string): Promise<boolean> {
    // One statement, not a look then an insert: of racing claims (two replicas) the database lets
    // exactly one row in, and the others insert nothing.
    const inserted = await this.db
      .insertInto("action_confirmations")
      .values({ key, action_id: actionId, student_id: studentId, claimed_at: this.now().toISOString() })
      .onConflict((conflict) => conflict.column("key").doNothing())
      .returning("key")
      .execute();
    return inserted.length === 1;
  }

  async finish(key: string, outcome: string): Promise<void> {
    await this.db.updateTable("action_confirmations").set({ outcome }).where("key", "=", key).execute();
  }

  /**
   * Gives up a claim whose change never reached the system, or may not have (it timed out, the
   * system was down): the same confirmation may then run it, with the same key, which tells the
   * system it is the same change.
   */
  async release(key: string): Promise<void> {
    // A finished change is never given up: its outcome stands.
    await this.db.deleteFrom("action_confirmations").where("key", "=", key).where("outcome", "is", null).execute();
  }

  /** Whether `key` was claimed, and what its change came to (`ok`, `refused`…; undefined while it runs). */
  async stateOf(key: string): Promise<{ claimed: false } | { claimed: true; outcome?: string }> {
    const row = await this.db
      .selectFrom("action_confirmations")
      .select("outcome")
      .where("key", "=", key)
      .executeTakeFirst();
    if (!row) return { claimed: false };
    return row.outcome === null ? { claimed: true } : { claimed: true, outcome: row.outcome };
  }
}
