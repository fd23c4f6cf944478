import type { EditorialDatabase } from "../editorial/editorial-database.js";

/**
 * Confirmed changes, each claimed once by its confirmation's key in the editorial file: a
 * confirmation sent twice (a retried request, a double click, two replicas) runs the change once.
 * What the change came to is kept by key too (`ok` or why not), never the record.
 */
export class ActionConfirmations {
  private readonly insert;
  private readonly update;
  private readonly select;
  private readonly remove;

  constructor(
    database: EditorialDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insert = database.prepare(
      "INSERT OR IGNORE INTO action_confirmations (key, action_id, student_id, claimed_at) VALUES (?, ?, ?, ?)",
    );
    this.update = database.prepare("UPDATE action_confirmations SET outcome = ? WHERE key = ?");
    this.select = database.prepare<[string], { outcome: string | null }>(
      "SELECT outcome FROM action_confirmations WHERE key = ?",
    );
    this.remove = database.prepare("DELETE FROM action_confirmations WHERE key = ? AND outcome IS NULL");
  }

  /** Whether this call is the one to run the change: false when the key was claimed before. */
  claim(key: string, actionId: string, studentId: string): boolean {
    return this.insert.run(key, actionId, studentId, this.now().toISOString()).changes === 1;
  }

  finish(key: string, outcome: string): void {
    this.update.run(outcome, key);
  }

  /**
   * Gives up a claim whose change never reached the system, or may not have (it timed out, the
   * system was down): the same confirmation may then run it, with the same key, which tells the
   * system it is the same change.
   */
  release(key: string): void {
    this.remove.run(key);
  }

  /** Whether `key` was claimed, and what its change came to (`ok`, `refused`…; undefined while it runs). */
  stateOf(key: string): { claimed: false } | { claimed: true; outcome?: string } {
    const row = this.select.get(key);
    if (!row) return { claimed: false };
    return row.outcome === null ? { claimed: true } : { claimed: true, outcome: row.outcome };
  }
}
