import { randomUUID } from "node:crypto";
import type { Caller } from "../editorial/api-keys.js";
import type { EditorialDatabase } from "../editorial/editorial-database.js";
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

/** How many rows one pass of the retention deleted. */
export interface ExpiredRows {
  answers: number;
  handoffs: number;
}

export type HandoffDelivery = "not_configured" | "pending" | "delivered" | "failed";

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
 * A row as SQLite returns it, columns aliased to the field names: absent fields are NULL and
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

const ANSWER_SELECT = `SELECT answer_log.id, answer_log.at, question, answer, status, mode, confidence,
  latency_ms AS latencyMs, collection, conversation_id AS conversationId, citations, feedback.rating, feedback.comment
  FROM answer_log LEFT JOIN feedback ON feedback.answer_id = answer_log.id`;

const HANDOFF_SELECT = `SELECT id, at, status, collection, conversation_id AS conversationId, answer_id AS answerId,
  name, contact, message, transcript, delivery, delivery_attempts AS deliveryAttempts, closed_at AS closedAt,
  closed_by AS closedBy FROM handoffs`;

/** The answer log, students' feedback on answers, and hand-off tickets: what the weekly review reads. */
export class InteractionStore {
  private readonly statements;
  private readonly personalData: PersonalDataMask;
  private readonly now: () => Date;
  /**
   * Deletes at most `limit` answers logged before `cutoff` (an ISO time), with their feedback, and
   * as many hand-off tickets closed before it; called again until it deletes fewer than `limit`.
   */
  readonly deleteOlderThan: (cutoff: string, limit: number) => ExpiredRows;

  /**
   * `personalData`: what is masked before storage, the built-in patterns by default; `now`: the
   * clock rows are stamped with.
   */
  constructor(database: EditorialDatabase, options: { personalData?: PersonalDataMask; now?: () => Date } = {}) {
    this.personalData = options.personalData ?? defaultPersonalDataMask;
    this.now = options.now ?? (() => new Date());
    this.statements = {
      insertAnswer: database.prepare(
        `INSERT INTO answer_log (id, at, question, answer, status, mode, confidence, latency_ms, collection, conversation_id, citations)
         VALUES (@id, @at, @question, @answer, @status, @mode, @confidence, @latency_ms, @collection, @conversation_id, @citations)`,
      ),
      answer: database.prepare<[string], AnswerRow>(`${ANSWER_SELECT} WHERE answer_log.id = ?`),
      // The latest 50 turns, oldest first.
      conversation: database.prepare<[string], AnswerRow>(
        `SELECT * FROM (${ANSWER_SELECT} WHERE answer_log.conversation_id = ? ORDER BY answer_log.at DESC LIMIT 50)
         ORDER BY at`,
      ),
      answersBetween: database.prepare<[string, string], AnswerRow>(
        `${ANSWER_SELECT} WHERE answer_log.at >= ? AND answer_log.at < ? ORDER BY answer_log.at`,
      ),
      upsertFeedback: database.prepare<[string, string, string | null, string]>(
        `INSERT INTO feedback (answer_id, rating, comment, at) VALUES (?, ?, ?, ?)
         ON CONFLICT(answer_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, at = excluded.at`,
      ),
      commentOnFeedback: database.prepare<[string, string, string]>(
        "UPDATE feedback SET comment = ?, at = ? WHERE answer_id = ?",
      ),
      insertHandoff: database.prepare(
        `INSERT INTO handoffs (id, at, status, collection, conversation_id, answer_id, name, contact, message, transcript, delivery)
         VALUES (@id, @at, 'open', @collection, @conversation_id, @answer_id, @name, @contact, @message, @transcript, @delivery)`,
      ),
      handoff: database.prepare<[string], HandoffRow>(`${HANDOFF_SELECT} WHERE id = ?`),
      handoffs: database.prepare<[{ status: string | null }], HandoffRow>(
        `${HANDOFF_SELECT} WHERE (@status IS NULL OR status = @status) ORDER BY at DESC LIMIT 500`,
      ),
      handoffTimesBetween: database.prepare<[string, string], { at: string; collection: string | null }>(
        "SELECT at, collection FROM handoffs WHERE at >= ? AND at < ? ORDER BY at",
      ),
      // All of them, open or closed: a ticket closed while its delivery was under way is still owed one.
      pendingHandoffs: database.prepare<[], HandoffRow>(`${HANDOFF_SELECT} WHERE delivery = 'pending' ORDER BY at`),
      setDelivery: database.prepare<[HandoffDelivery, number, string]>(
        "UPDATE handoffs SET delivery = ?, delivery_attempts = ? WHERE id = ?",
      ),
      close: database.prepare<[string, string, string]>(
        "UPDATE handoffs SET status = 'closed', closed_at = ?, closed_by = ? WHERE id = ? AND status = 'open'",
      ),
    };
    const expired = {
      answerIds: database
        .prepare<[string, number], string>("SELECT id FROM answer_log WHERE at < ? ORDER BY at LIMIT ?")
        .pluck(),
      // A rating is the student's word on one answer: it goes with it (and must, for the foreign key).
      feedback: database.prepare<[string]>("DELETE FROM feedback WHERE answer_id IN (SELECT value FROM json_each(?))"),
      answers: database.prepare<[string]>("DELETE FROM answer_log WHERE id IN (SELECT value FROM json_each(?))"),
      // An open ticket, or one still owed a delivery, is someone's unfinished business: kept.
      handoffs: database.prepare<[string, number]>(
        `DELETE FROM handoffs WHERE id IN (SELECT id FROM handoffs
           WHERE status = 'closed' AND closed_at < ? AND delivery != 'pending' ORDER BY closed_at LIMIT ?)`,
      ),
    };
    this.deleteOlderThan = database.transaction((cutoff: string, limit: number): ExpiredRows => {
      const ids = JSON.stringify(expired.answerIds.all(cutoff, limit));
      expired.feedback.run(ids);
      return { answers: expired.answers.run(ids).changes, handoffs: expired.handoffs.run(cutoff, limit).changes };
    });
  }

  /** Logs an answer under a new id, with the question and answer masked. */
  logAnswer(entry: Omit<LoggedAnswer, "id" | "at" | "rating" | "comment">): LoggedAnswer {
    const logged: LoggedAnswer = {
      ...entry,
      id: randomUUID(),
      at: this.now().toISOString(),
      question: this.personalData.mask(entry.question),
      answer: this.personalData.mask(entry.answer),
    };
    this.statements.insertAnswer.run({
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
    });
    return logged;
  }

  answer(id: string): LoggedAnswer | undefined {
    const row = this.statements.answer.get(id);
    return row && toLoggedAnswer(row);
  }

  /** A student's 👍 or 👎 on an answer, with an optional comment (masked); a second rating replaces the first. */
  recordFeedback(answerId: string, rating: "up" | "down", comment?: string): void {
    if (!this.statements.answer.get(answerId)) throw new NotFoundError(`No answer with id "${answerId}".`);
    const masked = comment?.trim() ? this.personalData.mask(comment.trim()) : null;
    this.statements.upsertFeedback.run(answerId, rating, masked, this.now().toISOString());
  }

  /**
   * A comment (masked) on a rating already given: the rating stays one, however late the comment
   * comes. Returns the rating commented on.
   */
  commentOnFeedback(answerId: string, comment: string): "up" | "down" {
    const rating = this.statements.answer.get(answerId)?.rating;
    if (!rating) throw new NotFoundError(`No rating on an answer with id "${answerId}": rate it first.`);
    this.statements.commentOnFeedback.run(this.personalData.mask(comment.trim()), this.now().toISOString(), answerId);
    return rating;
  }

  answersBetween(from: string, to: string): LoggedAnswer[] {
    return this.statements.answersBetween.all(from, to).map(toLoggedAnswer);
  }

  /** Opens a ticket with the conversation so far (or the one answer it is about). */
  openHandoff(
    input: Pick<
      HandoffTicket,
      "collection" | "conversationId" | "answerId" | "name" | "contact" | "message" | "delivery"
    >,
  ): HandoffTicket {
    const answer = input.answerId === undefined ? undefined : this.statements.answer.get(input.answerId);
    if (input.answerId && !answer) throw new NotFoundError(`No answer with id "${input.answerId}".`);
    const turns = input.conversationId
      ? this.statements.conversation.all(input.conversationId)
      : answer
        ? [answer]
        : [];
    const transcript = turns.map((row) => ({
      question: row.question,
      answer: row.answer,
      status: row.status,
      at: row.at,
    }));
    const id = randomUUID();
    this.statements.insertHandoff.run({
      id,
      at: this.now().toISOString(),
      collection: input.collection ?? turns.at(-1)?.collection ?? null,
      conversation_id: input.conversationId ?? null,
      answer_id: input.answerId ?? null,
      name: input.name ?? null,
      contact: input.contact ?? null,
      message: input.message ?? null,
      transcript: JSON.stringify(transcript),
      delivery: input.delivery,
    });
    return this.handoff(id) as HandoffTicket;
  }

  handoff(id: string): HandoffTicket | undefined {
    const row = this.statements.handoff.get(id);
    return row && toTicket(row);
  }

  handoffs(status?: "open" | "closed"): HandoffTicket[] {
    return this.statements.handoffs.all({ status: status ?? null }).map(toTicket);
  }

  /** When and in which collection hand-offs were opened: all the weekly report needs of them. */
  handoffTimesBetween(from: string, to: string): Pick<HandoffTicket, "at" | "collection">[] {
    return this.statements.handoffTimesBetween
      .all(from, to)
      .map(({ at, collection }) => (collection === null ? { at } : { at, collection }));
  }

  /** Tickets whose delivery a restart cut short. */
  pendingHandoffs(): HandoffTicket[] {
    return this.statements.pendingHandoffs.all().map(toTicket);
  }

  setDelivery(id: string, delivery: HandoffDelivery, attempts: number): void {
    this.statements.setDelivery.run(delivery, attempts, id);
  }

  closeHandoff(id: string, closedBy: Pick<Caller, "name">): HandoffTicket {
    const ticket = this.handoff(id);
    if (!ticket) throw new NotFoundError(`No hand-off ticket with id "${id}".`);
    if (ticket.status === "closed") throw new ConflictError("already_closed", `Ticket "${id}" is already closed.`);
    this.statements.close.run(this.now().toISOString(), closedBy.name, id);
    return this.handoff(id) as HandoffTicket;
  }
}

function toLoggedAnswer(row: AnswerRow): LoggedAnswer {
  return fromRow(row, "citations");
}

function toTicket(row: HandoffRow): HandoffTicket {
  return fromRow(row, "transcript");
}
