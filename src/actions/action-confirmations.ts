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
  }

  /** Whether this call is the one to run the change: false when the key was claimed before. */
  claim(key: string, actionId: string, studentId: string): boolean {
    return this.insert.run(key, actionId, studentId, this.now().toISOString()).changes === 1;
  }

  finish(key: string, outcome: string): void {
    this.update.run(outcome, key);
  }

  /** What the change claimed under `key` came to; undefined while it runs (or when never claimed). */
  outcomeOf(key: string): string | undefined {
    return this.select.get(key)?.outcome ?? undefined;
  }
}
