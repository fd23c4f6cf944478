import type { Kysely } from "kysely";
import type { EditorialTables } from "../database/editorial-tables.js";

/**
 * Events whose ids were handed out before this many later ones may still commit after them (ids
 * come in the order transactions insert, not the order they commit): each catch-up reads back
 * this far and skips what it has applied.
 */
const OVERLAP = 1000;
/** Applied event ids remembered, for the overlap; a little more than it. */
const REMEMBERED = 4 * OVERLAP;

/**
 * Follows the audit trail, where every change to what a document answers is recorded (a publish,
 * an unpublish, a delete, a taught phrasing, a vocabulary save), so that this replica applies what
 * the others changed: `apply` is told each document changed since the last catch-up, once per
 * catch-up. A catch-up runs at start-up (from the trail's end when this replica started), when
 * PostgreSQL announces an event, after a lost connection, and now and then in case an
 * announcement was missed. A document whose `apply` fails is tried again at the next catch-up.
 */
export class ChangeFollower {
  private lastId = 0;
  private readonly applied = new Set<number>();
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly db: Kysely<EditorialTables>,
    private readonly apply: (docId: string) => Promise<void>,
    private readonly onFailure: (docId: string, error: unknown) => void = () => {},
  ) {}

  /**
   * Starts after the events that exist now, which count as applied: call it before bringing the
   * index up to date with the record at start-up.
   */
  async startFromNow(): Promise<void> {
    const row = await this.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.max("id").as("last"))
      .executeTakeFirst();
    this.lastId = Number(row?.last ?? 0);
    const recent = await this.db
      .selectFrom("audit_events")
      .select("id")
      .where("id", ">", this.lastId - OVERLAP)
      .execute();
    for (const { id } of recent) this.remember(id);
  }

  /** Applies what changed since the last catch-up; calls made while one runs run it once more after it. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.applyNewEvents();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async applyNewEvents(): Promise<void> {
    const events = await this.db
      .selectFrom("audit_events")
      .select(["id", "doc_id"])
      .where("id", ">", this.lastId - OVERLAP)
      .orderBy("id")
      .execute();
    const fresh = events.filter((event) => !this.applied.has(event.id));
    const byDocument = new Map<string, number[]>();
    for (const event of fresh) byDocument.set(event.doc_id, [...(byDocument.get(event.doc_id) ?? []), event.id]);
    for (const [docId, ids] of byDocument) {
      try {
        await this.apply(docId);
        for (const id of ids) this.remember(id);
      } catch (error) {
        this.onFailure(docId, error);
      }
    }
    for (const event of fresh) this.lastId = Math.max(this.lastId, event.id);
  }

  private remember(id: number): void {
    this.applied.add(id);
    if (this.applied.size <= REMEMBERED) return;
    // Sets iterate in insertion order: the oldest go first.
    for (const old of this.applied) {
      this.applied.delete(old);
      if (this.applied.size <= REMEMBERED) break;
    }
  }
}
