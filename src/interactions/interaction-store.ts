import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { EditorialTables } from "../database/editorial-tables.js";
import type { Caller } from "../editorial/api-keys.js";
import { ConflictError, NotFoundError } from "../errors.js";
import type { AnswerResponse } from "../schemas.js";
import { defaultPersonalDataMask, type PersonalDataMask } from "../text/mask-personal-data.js";

export interface LoggedAnswer {
  id: string;
  at: string;
  /** Masked: personal data never reaches storage. */
  question: string;
  answer: string;
  status: AnswerResponse["status"];
  /** The answer's mode, or PICKED_TOPIC_MODE for a topic the asker picked from the choices offered. */
  mode: string;
  confidence: number;
  latencyMs: number;
  collection?: string;
  conversationId?: string;
  /** `chunkId` names the passage cited (absent in answers logged before it was kept). */
  citations: { n: number; docId: string; title: string; chunkId?: string }[];
  /** The student's rating, if they gave one. */
  rating?: "up" | "down";
  comment?: string;
}

/**
 * The mode logged for a topic picked from the choices offered: its section was shown, not a
 * question answered, so it is neither counted in the answer rate nor proposed as a wording.
 */
export const PICKED_TOPIC_MODE = "picked_topic";

/** How many rows one pass of the retention deleted. */
export interface ExpiredRows {
  answers: number;
  handoffs: number;
}

export type HandoffDelivery = "not_configured" | "pending" | "delivered" | "failed";

/** A replica's claim on sending a ticket lasts this long after its last attempt: far longer than one attempt. */
export const DELIVERY_LEASE_MS = 5 * 60 * 1000;

export interface HandoffTicket {
  id: string;
  at: string;
  status: "open" | "closed";
  collection?: string;
  conversationId?: string;
  answerId?: string;
  /** Given by the student on purpose, so that a person can reach them: not masked. */
  name?: string;
  contact?: string;
  message?: string;
  /** The conversation so far, from the (masked) answer log. */
  transcript: { question: string; answer: string; status: string; at: string }[];
  delivery: HandoffDelivery;
  deliveryAttempts: number;
  closedAt?: string;
  closedBy?: string;
}

/**
 * A row as the database returns it, columns aliased to the field names: absent fields are NULL and
 * `Json` fields are JSON text.
 */
type StoredRow<T, Json extends keyof T> = {
  [K in keyof T]-?: K extends Json ? string : undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K];
};
type AnswerRow = StoredRow<LoggedAnswer, "citations">;
type HandoffRow = StoredRow<HandoffTicket, "transcript">;

/** The record a row holds: NULL columns left out, the JSON one parsed. */
function fromRow<T, Json extends keyof T>(row: StoredRow<T, Json>, json: Json): T {
  const fields = Object.entries(row).filter(([, value]) => value !== null);
  return { ...Object.fromEntries(fields), [json]: JSON.parse(row[json] as string) } as T;
}

const ANSWER_COLUMNS = [
  "answer_log.id",
  "answer_log.at",
  "answer_log.question",
  "answer_log.answer",
  "answer_log.status",
  "answer_log.mode",
  "answer_log.confidence",
  "answer_log.latency_ms as latencyMs",
  "answer_log.collection",
  "answer_log.conversation_id as conversationId",
  "answer_log.citations",
  "feedback.rating",
  "feedback.comment",
] as const;

const HANDOFF_COLUMNS = [
  "id",
  "at",
  "status",
  "collection",
  "conversation_id as conversationId",
  "answer_id as answerId",
  "name",
  "contact",
  "message",
  "transcript",
  "delivery",
  "delivery_attempts as deliveryAttempts",
  "closed_at as closedAt",
  "closed_by as closedBy",
] as const;

/** The answer log, students' feedback on answers, and hand-off tickets: what the weekly review reads. */
export class InteractionStore {
  private readonly personalData: PersonalDataMask;
  private readonly now: () => Date;

  /**
   * `personalData`: what is masked before storage, the built-in patterns by default; `now`: the
   * clock rows are stamped with.
   */
  constructor(
    private readonly db: Kysely<EditorialTables>,
    options: { personalData?: PersonalDataMask; now?: () => Date } = {},
  ) {
    this.personalData = options.personalData ?? defaultPersonalDataMask;
    this.now = options.now ?? (() => new Date());
  }

  /** Logs an answer under a new id, with the question and answer masked. */
  async logAnswer(entry: Omit<LoggedAnswer, "id" | "at" | "rating" | "comment">): Promise<LoggedAnswer> {
    const logged: LoggedAnswer = {
      ...entry,
      id: randomUUID(),
      at: this.now().toISOString(),
      question: this.personalData.mask(entry.question),
      answer: this.personalData.mask(entry.answer),
    };
    await this.db
      .insertInto("answer_log")
      .values({
        id: logged.id,
        at: logged.at,
        question: logged.question,
        answer: logged.answer,
        status: logged.status,
        mode: logged.mode,
        confidence: logged.confidence,
        latency_ms: logged.latencyMs,
        collection: logged.collection ?? null,
        conversation_id: logged.conversationId ?? null,
        citations: JSON.stringify(logged.citations),
      })
      .execute();
    return logged;
  }

  async answer(id: string): Promise<LoggedAnswer | undefined> {
    const row = await this.answers().where("answer_log.id", "=", id).executeTakeFirst();
    return row && toLoggedAnswer(row as AnswerRow);
  }

  /** A student's 👍 or 👎 on an answer, with an optional comment (masked); a second rating replaces the first. */
  async recordFeedback(answerId: string, rating: "up" | "down", comment?: string): Promise<void> {
    const masked = comment?.trim() ? this.personalData.mask(comment.trim()) : null;
    // One statement that rates only a logged answer, with no check beforehand to go stale; two
    // ratings at once (two replicas) leave one row, the later rating.
    const rated = await this.db
      .insertInto("feedback")
      .columns(["answer_id", "rating", "comment", "at"])
      .expression((eb) =>
        eb
          .selectFrom("answer_log")
          .select([
            "id",
            eb.val(rating).as("rating"),
            eb.val(masked).as("comment"),
            eb.val(this.now().toISOString()).as("at"),
          ])
          .where("id", "=", answerId),
      )
      .onConflict((conflict) =>
        conflict.column("answer_id").doUpdateSet((eb) => ({
          rating: eb.ref("excluded.rating"),
          comment: eb.ref("excluded.comment"),
          at: eb.ref("excluded.at"),
        })),
      )
      .returning("answer_id")
      .executeTakeFirst()
      // The answer deleted by the retention (on another replica) while this was written.
      .catch((error: unknown) => {
        if (isForeignKeyViolation(error)) return undefined;
        throw error;
      });
    if (!rated) throw new NotFoundError(`No answer with id "${answerId}".`);
  }

  /**
   * A comment (masked) on a rating already given: the rating stays one, however late the comment
   * comes. Returns the rating commented on.
   */
  async commentOnFeedback(answerId: string, comment: string): Promise<"up" | "down"> {
    // Only an existing rating is updated, in one statement: none is made by a comment.
    const rated = await this.db
      .updateTable("feedback")
      .set({ comment: this.personalData.mask(comment.trim()), at: this.now().toISOString() })
      .where("answer_id", "=", answerId)
      .returning("rating")
      .executeTakeFirst();
    if (!rated) throw new NotFoundError(`No rating on an answer with id "${answerId}": rate it first.`);
    return rated.rating as "up" | "down";
  }

  async answersBetween(from: string, to: string): Promise<LoggedAnswer[]> {
    const rows = await this.answers()
      .where("answer_log.at", ">=", from)
      .where("answer_log.at", "<", to)
      .orderBy("answer_log.at")
      .execute();
    return rows.map((row) => toLoggedAnswer(row as AnswerRow));
  }

  /** Opens a ticket with the conversation so far (or the one answer it is about). */
  async openHandoff(
    input: Pick<
      HandoffTicket,
      "collection" | "conversationId" | "answerId" | "name" | "contact" | "message" | "delivery"
    >,
  ): Promise<HandoffTicket> {
    const answer = input.answerId === undefined ? undefined : await this.answer(input.answerId);
    if (input.answerId && !answer) throw new NotFoundError(`No answer with id "${input.answerId}".`);
    const turns = input.conversationId ? await this.conversation(input.conversationId) : answer ? [answer] : [];
    const transcript = turns.map((turn) => ({
      question: turn.question,
      answer: turn.answer,
      status: turn.status,
      at: turn.at,
    }));
    const row = await this.db
      .insertInto("handoffs")
      .values({
        id: randomUUID(),
        at: this.now().toISOString(),
        status: "open",
        collection: input.collection ?? turns.at(-1)?.collection ?? null,
        conversation_id: input.conversationId ?? null,
        answer_id: input.answerId ?? null,
        name: input.name ?? null,
        contact: input.contact ?? null,
        message: input.message ?? null,
        transcript: JSON.stringify(transcript),
        delivery: input.delivery,
      })
      .returning(HANDOFF_COLUMNS)
      .executeTakeFirstOrThrow();
    return toTicket(row as HandoffRow);
  }

  async handoff(id: string): Promise<HandoffTicket | undefined> {
    const row = await this.db.selectFrom("handoffs").select(HANDOFF_COLUMNS).where("id", "=", id).executeTakeFirst();
    return row && toTicket(row as HandoffRow);
  }

  async handoffs(status?: "open" | "closed"): Promise<HandoffTicket[]> {
    const rows = await this.db
      .selectFrom("handoffs")
      .select(HANDOFF_COLUMNS)
      .$if(status !== undefined, (query) => query.where("status", "=", status as string))
      .orderBy("at", "desc")
      .limit(500)
      .execute();
    return rows.map((row) => toTicket(row as HandoffRow));
  }

  /** When and in which collection hand-offs were opened: all the weekly report needs of them. */
  async handoffTimesBetween(from: string, to: string): Promise<Pick<HandoffTicket, "at" | "collection">[]> {
    const rows = await this.db
      .selectFrom("handoffs")
      .select(["at", "collection"])
      .where("at", ">=", from)
      .where("at", "<", to)
      .orderBy("at")
      .execute();
    return rows.map(({ at, collection }) => (collection === null ? { at } : { at, collection }));
  }

  /** Tickets whose delivery a restart cut short. */
  async pendingHandoffs(): Promise<HandoffTicket[]> {
    // All of them, open or closed: a ticket closed while its delivery was under way is still owed one.
    const rows = await this.db
      .selectFrom("handoffs")
      .select(HANDOFF_COLUMNS)
      .where("delivery", "=", "pending")
      .orderBy("at")
      .execute();
    return rows.map((row) => toTicket(row as HandoffRow));
  }

  /**
   * Takes the delivery of a pending ticket for this replica, unless another one holds it: true when
   * this one may send it. The claim lapses DELIVERY_LEASE_MS after its last renewal, so that a
   * ticket whose replica died is sent by another.
   */
  async claimDelivery(id: string): Promise<boolean> {
    const now = this.now();
    const claimed = await this.db
      .updateTable("handoffs")
      .set({ delivery_lease_until: new Date(now.getTime() + DELIVERY_LEASE_MS).toISOString() })
      .where("id", "=", id)
      .where("delivery", "=", "pending")
      .where((eb) =>
        eb.or([eb("delivery_lease_until", "is", null), eb("delivery_lease_until", "<", now.toISOString())]),
      )
      .returning("id")
      .executeTakeFirst();
    return claimed !== undefined;
  }

  /** How delivery stands; while it is pending, the claim is renewed, and once it ends, released. */
  async setDelivery(id: string, delivery: HandoffDelivery, attempts: number): Promise<void> {
    const lease = delivery === "pending" ? new Date(this.now().getTime() + DELIVERY_LEASE_MS).toISOString() : null;
    await this.db
      .updateTable("handoffs")
      .set({ delivery, delivery_attempts: attempts, delivery_lease_until: lease })
      .where("id", "=", id)
      .execute();
  }

  async closeHandoff(id: string, closedBy: Pick<Caller, "name">): Promise<HandoffTicket> {
    // Closed only while open, in one statement: of two editors (or replicas) closing it at once,
    // one closes it and the other is told it is already closed.
    const closed = await this.db
      .updateTable("handoffs")
      .set({ status: "closed", closed_at: this.now().toISOString(), closed_by: closedBy.name })
      .where("id", "=", id)
      .where("status", "=", "open")
      .returning(HANDOFF_COLUMNS)
      .executeTakeFirst();
    if (closed) return toTicket(closed as HandoffRow);
    if (!(await this.handoff(id))) throw new NotFoundError(`No hand-off ticket with id "${id}".`);
    throw new ConflictError("already_closed", `Ticket "${id}" is already closed.`);
  }

  /**
   * Deletes at most `limit` answers logged before `cutoff` (an ISO time), with their feedback, and
   * as many hand-off tickets closed before it; called again until it deletes fewer than `limit`.
   */
  deleteOlderThan(cutoff: string, limit: number): Promise<ExpiredRows> {
    return this.db.transaction().execute(async (trx) => {
      const expired = await trx
        .selectFrom("answer_log")
        .select("id")
        .where("at", "<", cutoff)
        .orderBy("at")
        .limit(limit)
        .execute();
      const ids = expired.map((row) => row.id);
      let answers = 0;
      if (ids.length > 0) {
        // A rating is the student's word on one answer: it goes with it (and must, for the foreign key).
        await trx.deleteFrom("feedback").where("answer_id", "in", ids).execute();
        const deleted = await trx.deleteFrom("answer_log").where("id", "in", ids).executeTakeFirst();
        answers = Number(deleted.numDeletedRows);
      }
      // An open ticket, or one still owed a delivery, is someone's unfinished business: kept.
      const handoffs = await trx
        .deleteFrom("handoffs")
        .where("id", "in", (eb) =>
          eb
            .selectFrom("handoffs")
            .select("id")
            .where("status", "=", "closed")
            .where("closed_at", "<", cutoff)
            .where("delivery", "!=", "pending")
            .orderBy("closed_at")
            .limit(limit),
        )
        .executeTakeFirst();
      return { answers, handoffs: Number(handoffs.numDeletedRows) };
    });
  }

  /** Answers with their feedback, if any. */
  private answers() {
    return this.db
      .selectFrom("answer_log")
      .leftJoin("feedback", "feedback.answer_id", "answer_log.id")
      .select(ANSWER_COLUMNS);
  }

  /** The latest 50 turns of a conversation, oldest first. */
  private async conversation(conversationId: string): Promise<LoggedAnswer[]> {
    const latest = await this.answers()
      .where("answer_log.conversation_id", "=", conversationId)
      .orderBy("answer_log.at", "desc")
      .limit(50)
      .execute();
    return latest.reverse().map((row) => toLoggedAnswer(row as AnswerRow));
  }
}

/** Whether a write referred to a row that is not there, in SQLite's words or PostgreSQL's. */
function isForeignKeyViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}

function toLoggedAnswer(row: AnswerRow): LoggedAnswer {
  return fromRow(row, "citations");
}

function toTicket(row: HandoffRow): HandoffTicket {
  return fromRow(row, "transcript");
}
