import { createHash, randomUUID } from "node:crypto";
import type { ExpressionBuilder, Kysely, Transaction } from "kysely";
import type { AttachPhrasings } from "../../ingest/index-document.js";
import type { EditorialTables } from "../database/editorial-tables.js";
import { isUniqueViolation } from "../database/unique-violation.js";
import { ConflictError, InvalidRequestError, NotFoundError } from "../errors.js";
import { KeyedQueue } from "../keyed-queue.js";
import type { ChunkRecord, IndexStore } from "../store/index-store.js";
import { cleanLabel } from "../text/clean-label.js";
import { normalizeForMatching } from "../text/normalize.js";
import type { Actor, PhrasingAction } from "./document-versions.js";

/** As long as a question may be: a phrasing is a question worded as people ask it. */
export const MAX_PHRASING_CHARS = 1000;

/**
 * `proposed`: a student's 👍 offered the question as a wording of the passage its answer cited;
 * it is never searched until an editor accepts it. `accepted`: searched with the passage.
 */
export type PhrasingState = "proposed" | "accepted";
/** Who put it forward: an editor (taught, or accepted from a proposal) or a student's 👍. */
export type PhrasingSource = "editor" | "feedback";

export interface Phrasing {
  id: string;
  docId: string;
  /** The passage as it read when the phrasing was taught: how it is found again after re-indexing. */
  passageText: string;
  text: string;
  state: PhrasingState;
  source: PhrasingSource;
  /** The rated answer a proposal came from. */
  answerId?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** A phrasing with the chunk its passage is in now; none when the document no longer has that text (detached). */
export interface PlacedPhrasing extends Phrasing {
  chunkId?: string;
}

/** Who a 👍's proposal is recorded as: a student, who has no key. */
const FEEDBACK_ACTOR: Actor = { name: "student feedback", keyId: "" };

type PhrasingRow = EditorialTables["passage_phrasings"];

/** The changes to phrasings that touch the index: a document with any of them in its trail is reconciled. */
const INDEXED_ACTIONS: PhrasingAction[] = [
  "phrasing_taught",
  "phrasing_accepted",
  "phrasing_edited",
  "phrasing_removed",
];

/** The phrasing changed between reading it and writing it (an editor on another replica, at the same moment). */
export class PhrasingChangedError extends ConflictError {
  constructor(id: string) {
    super("phrasing_changed", `Phrasing "${id}" was changed by someone else meanwhile; reload it and try again.`);
  }
}

/**
 * Other wordings of what a passage answers, taught by editors from the questions students asked:
 * the accepted ones are written into the passage's chunk as a field of its own (ChunkRecord
 * `phrasings`), so that later questions worded like them find it. They are kept in the editorial
 * file with every change in the document's audit trail, and are written into the index again
 * whenever the document is (`attach`).
 *
 * A passage is known by its document and its text, not by its chunk id, which re-chunking changes:
 * after the document changes, a phrasing follows its passage to the chunk that holds that text,
 * and is kept, listed as detached and unsearched, while no chunk does.
 */
export class PassagePhrasings {
  private readonly now: () => Date;
  private readonly changes: KeyedQueue;

  constructor(
    private readonly db: Kysely<EditorialTables>,
    private readonly store: IndexStore,
    /** `changes`: the queue the document editor writes documents in, so that the two never interleave. */
    options: { changes?: KeyedQueue; now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.changes = options.changes ?? new KeyedQueue();
  }

  /** A phrasing by its id, or NotFoundError. */
  async get(id: string): Promise<Phrasing> {
    const phrasing = await this.find(id);
    if (!phrasing) throw new NotFoundError(`No phrasing with id "${id}".`);
    return phrasing;
  }

  async find(id: string): Promise<Phrasing | undefined> {
    const row = await this.db.selectFrom("passage_phrasings").selectAll().where("id", "=", id).executeTakeFirst();
    return row && fromRow(row);
  }

  /** Every phrasing of a document, proposed and accepted, oldest first, each with the chunk it is in now. */
  async ofDocument(docId: string): Promise<PlacedPhrasing[]> {
    return this.placed(await this.recorded(docId));
  }

  /** `phrasings` with the chunk each one's passage is in now (none: detached), reading each document once. */
  async placed(phrasings: Phrasing[]): Promise<PlacedPhrasing[]> {
    const passagesByDocument = new Map<string, ReturnType<typeof passagesOf>>();
    for (const docId of new Set(phrasings.map((phrasing) => phrasing.docId))) {
      passagesByDocument.set(docId, passagesOf((await this.store.getDocument(docId))?.chunks ?? []));
    }
    return phrasings.map((phrasing) => {
      const chunk = passagesByDocument.get(phrasing.docId)?.holding(phrasing.passageText);
      return chunk ? { ...phrasing, chunkId: chunk.chunkId } : phrasing;
    });
  }

  /** Phrasings in one state across documents (or all), newest first: the proposals awaiting review. */
  async list(state?: PhrasingState, limit = 500): Promise<Phrasing[]> {
    let query = this.db.selectFrom("passage_phrasings").selectAll();
    if (state) query = query.where("state", "=", state);
    const rows = await query.orderBy("created_at", "desc").orderBy("id").limit(limit).execute();
    return rows.map(fromRow);
  }

  /**
   * `chunks` with the accepted phrasings of their document in the `phrasings` field of the chunk
   * that holds each one's passage: what a document is written into the index with, however it
   * came (a folder sync, a publish, a reconcile). Chunks of a document without any are returned as they are.
   */
  readonly attach: AttachPhrasings = async (docId, chunks) => {
    const byChunk = this.placeAccepted(await this.recorded(docId), chunks);
    if (byChunk.size === 0) return chunks.map(({ phrasings: _phrasings, ...chunk }) => chunk);
    return chunks.map(({ phrasings: _phrasings, ...chunk }) => {
      const taught = byChunk.get(chunk.chunkId);
      return taught ? { ...chunk, phrasings: [...taught] } : chunk;
    });
  };

  /**
   * Teaches `text` as a wording of the passage in chunk `chunkId` of the indexed `docId`: accepted
   * at once and searched from the next question on. The same wording already proposed for the
   * passage is accepted instead; one already taught is a ConflictError.
   */
  async teach(input: { docId: string; chunkId: string; text: string }, actor: Actor): Promise<Phrasing> {
    const text = phrasingText(input.text);
    return this.changes.run(input.docId, async () => {
      const passage = await this.passage(input.docId, input.chunkId);
      const same = await this.sameWording(input.docId, passage.text, text);
      if (same?.state === "accepted") {
        throw new ConflictError(
          "phrasing_exists",
          `That wording is already taught for this passage (phrasing "${same.id}").`,
        );
      }
      if (same) return this.acceptNow(same, text, actor);
      const phrasing = this.newPhrasing({ docId: input.docId, passageText: passage.text, text }, "accepted", actor);
      await this.recordThenIndex(
        input.docId,
        async (trx) => {
          await trx.insertInto("passage_phrasings").values(toRow(phrasing)).execute();
          return this.record(trx, input.docId, "phrasing_taught", actor, text, phrasing.createdAt);
        },
        async (trx) => {
          await trx.deleteFrom("passage_phrasings").where("id", "=", phrasing.id).execute();
        },
      );
      return phrasing;
    });
  }

  /**
   * A student's 👍 on an answer: its question (masked when it was logged) is proposed as a wording
   * of the passage the answer cited first. Never searched until an editor accepts it, so that a
   * public endpoint cannot change what the index matches. Nothing is proposed twice for an answer,
   * nor a wording the passage already has; undefined then, or when the passage is no longer indexed.
   */
  async propose(input: {
    answerId: string;
    docId: string;
    chunkId: string;
    question: string;
  }): Promise<Phrasing | undefined> {
    const text = cleanLabel(input.question).slice(0, MAX_PHRASING_CHARS);
    if (!text || (await this.proposedFrom(this.db, input.answerId))) return undefined;
    const passage = (await this.store.getDocument(input.docId))?.chunks.find(
      (chunk) => chunk.chunkId === input.chunkId,
    );
    if (!passage || (await this.sameWording(input.docId, passage.text, text))) return undefined;
    const phrasing = {
      ...this.newPhrasing({ docId: input.docId, passageText: passage.text, text }, "proposed", FEEDBACK_ACTOR),
      answerId: input.answerId,
    };
    const at = phrasing.createdAt;
    try {
      // Checked again inside the write: two 👍 for one answer may both have got this far.
      const inserted = await this.db.transaction().execute(async (trx) => {
        if (await this.proposedFrom(trx, input.answerId)) return false;
        await trx.insertInto("passage_phrasings").values(toRow(phrasing)).execute();
        await this.record(trx, input.docId, "phrasing_proposed", FEEDBACK_ACTOR, text, at);
        return true;
      });
      return inserted ? phrasing : undefined;
    } catch (error) {
      // Two replicas' 👍 for one answer at the same moment: its unique answer_id keeps the first.
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  /** A phrasing made now by `actor`: taught by an editor (accepted), or proposed by a 👍. */
  private newPhrasing(
    wording: Pick<Phrasing, "docId" | "passageText" | "text">,
    state: Phrasing["state"],
    actor: Pick<Actor, "name">,
  ): Phrasing {
    const at = this.now().toISOString();
    return {
      id: randomUUID(),
      ...wording,
      state,
      source: state === "accepted" ? "editor" : "feedback",
      createdAt: at,
      createdBy: actor.name,
      updatedAt: at,
      updatedBy: actor.name,
    };
  }

  /** Accepts a proposed phrasing: from the next question on, it finds its passage. */
  async accept(id: string, actor: Actor): Promise<Phrasing> {
    const { docId } = await this.get(id);
    return this.changes.run(docId, async () => {
      const phrasing = await this.get(id);
      if (phrasing.state !== "proposed") {
        throw new ConflictError("not_proposed", `Phrasing "${id}" is already accepted.`);
      }
      return this.acceptNow(phrasing, phrasing.text, actor);
    });
  }

  /** Turns a proposed phrasing down: it is deleted, and its audit event kept. */
  async reject(id: string, actor: Actor): Promise<void> {
    const { docId } = await this.get(id);
    await this.changes.run(docId, async () => {
      const phrasing = await this.get(id);
      if (phrasing.state !== "proposed") {
        throw new ConflictError("not_proposed", `Phrasing "${id}" is accepted: remove it instead.`);
      }
      await this.db.transaction().execute(async (trx) => {
        await deleteAsRead(trx, phrasing);
        await this.record(trx, docId, "phrasing_rejected", actor, phrasing.text);
      });
    });
  }

  /** Rewords a phrasing; an accepted one is searched in its new words from the next question on. */
  async edit(id: string, newText: string, actor: Actor): Promise<Phrasing> {
    const text = phrasingText(newText);
    const { docId } = await this.get(id);
    return this.changes.run(docId, async () => {
      const phrasing = await this.get(id);
      const same = await this.sameWording(docId, phrasing.passageText, text);
      if (same && same.id !== id) {
        throw new ConflictError("phrasing_exists", `The passage already has that wording (phrasing "${same.id}").`);
      }
      const edited = { ...phrasing, text, updatedAt: this.now().toISOString(), updatedBy: actor.name };
      const write = async (trx: Transaction<EditorialTables>) => {
        await updateAsRead(trx, phrasing, edited);
        return this.record(trx, docId, "phrasing_edited", actor, `${phrasing.text} → ${text}`, edited.updatedAt);
      };
      if (phrasing.state === "accepted") {
        await this.recordThenIndex(docId, write, (trx) => restore(trx, phrasing));
      } else await this.db.transaction().execute(write);
      return edited;
    });
  }

  /** Removes a phrasing: an accepted one no longer finds its passage from the next question on. */
  async remove(id: string, actor: Actor): Promise<void> {
    const { docId } = await this.get(id);
    await this.changes.run(docId, async () => {
      const phrasing = await this.get(id);
      const write = async (trx: Transaction<EditorialTables>) => {
        await deleteAsRead(trx, phrasing);
        return this.record(trx, docId, "phrasing_removed", actor, phrasing.text);
      };
      if (phrasing.state === "accepted") {
        await this.recordThenIndex(docId, write, async (trx) => {
          await trx.insertInto("passage_phrasings").values(toRow(phrasing)).execute();
        });
      } else await this.db.transaction().execute(write);
    });
  }

  /**
   * Makes the index hold the accepted phrasings of every document whose phrasings were ever changed,
   * after a crash between the two writes or for a new index: those it has, and none it lost (a
   * removal recorded but not indexed leaves a wording no editor can see, which this clears). Run at
   * start, after the sync and the uploads' reconcile. Returns how many documents were written.
   */
  async reconcile(): Promise<number> {
    let written = 0;
    for (const docId of await this.documentsWithPhrasingHistory()) if (await this.follow(docId)) written++;
    return written;
  }

  /**
   * Writes the document's accepted phrasings into its chunks in the index where they differ from
   * the record's (another replica taught or removed one); returns whether anything was written.
   */
  async follow(docId: string): Promise<boolean> {
    return this.changes.run(docId, async () => {
      const stored = await this.store.getDocument(docId);
      if (!stored) return false;
      const expected = await this.attach(docId, stored.chunks);
      const differs = expected.some(
        (chunk, index) =>
          JSON.stringify(chunk.phrasings ?? []) !== JSON.stringify(stored.chunks[index]?.phrasings ?? []),
      );
      if (!differs) return false;
      await this.store.setChunkPhrasings(docId, phrasingsByChunk(expected));
      return true;
    });
  }

  /**
   * Every change that touched the index is in the audit trail, written with it and never pruned:
   * a document whose last phrasing was removed is still there.
   */
  private async documentsWithPhrasingHistory(): Promise<string[]> {
    const rows = await this.db
      .selectFrom("audit_events")
      .select("doc_id")
      .distinct()
      .where("action", "in", INDEXED_ACTIONS)
      .orderBy("doc_id")
      .execute();
    return rows.map((row) => row.doc_id);
  }

  /** Whether a 👍 on the answer already proposed a phrasing. */
  private async proposedFrom(executor: Kysely<EditorialTables>, answerId: string): Promise<boolean> {
    const found = await executor
      .selectFrom("passage_phrasings")
      .select("id")
      .where("answer_id", "=", answerId)
      .executeTakeFirst();
    return found !== undefined;
  }

  private async acceptNow(phrasing: Phrasing, text: string, actor: Actor): Promise<Phrasing> {
    const accepted: Phrasing = {
      ...phrasing,
      text,
      state: "accepted",
      updatedAt: this.now().toISOString(),
      updatedBy: actor.name,
    };
    await this.recordThenIndex(
      phrasing.docId,
      async (trx) => {
        await updateAsRead(trx, phrasing, accepted);
        return this.record(trx, phrasing.docId, "phrasing_accepted", actor, text, accepted.updatedAt);
      },
      (trx) => restore(trx, phrasing),
    );
    return accepted;
  }

  /** The indexed chunk `chunkId` of `docId`, or NotFoundError saying what to do. */
  private async passage(docId: string, chunkId: string): Promise<ChunkRecord> {
    const stored = await this.store.getDocument(docId);
    const chunk = stored?.chunks.find((candidate) => candidate.chunkId === chunkId);
    if (!stored) {
      throw new NotFoundError(`No indexed document "${docId}": a phrasing is taught for a published document.`);
    }
    if (!chunk) {
      throw new NotFoundError(
        `"${docId}" has no passage "${chunkId}" now: search for the passage again and teach the phrasing for it.`,
      );
    }
    return chunk;
  }

  /** A phrasing of the same passage with the same words (case, width and script aside), if there is one. */
  private async sameWording(docId: string, passageText: string, text: string): Promise<Phrasing | undefined> {
    const key = passageKey(passageText);
    const words = normalizeForMatching(text);
    const rows = await this.db
      .selectFrom("passage_phrasings")
      .selectAll()
      .where("doc_id", "=", docId)
      .where("passage_key", "=", key)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const row = rows.find((candidate) => normalizeForMatching(candidate.text) === words);
    return row && fromRow(row);
  }

  /**
   * Writes a change to the record, then the document's accepted phrasings as the record now has them
   * into the index. The record goes first, so that it always says what the index should hold: a
   * crash between the two leaves an index behind its record (a wording taught but not yet searched,
   * or removed but still searched), which the reconcile at start puts right for every document whose
   * phrasings were ever changed. When the index cannot be written, `undo` and the forgotten audit
   * event leave the record as it was, and the error goes on. The index is then written again from
   * that record, in case the failed write (a timeout) or a folder sync meanwhile put the change there
   * after all; if that fails too, the next change to the document's phrasings or the next reconcile
   * puts it right. `write` returns the id of the audit event it added.
   */
  private async recordThenIndex(
    docId: string,
    write: (trx: Transaction<EditorialTables>) => Promise<number>,
    undo: (trx: Transaction<EditorialTables>) => Promise<void>,
  ): Promise<void> {
    const auditId = await this.db.transaction().execute(write);
    try {
      await this.reindex(docId);
    } catch (error) {
      await this.db.transaction().execute(async (trx) => {
        await undo(trx);
        await trx.deleteFrom("audit_events").where("id", "=", auditId).execute();
      });
      await this.reindex(docId).catch(() => undefined);
      throw error;
    }
  }

  /** Writes the document's accepted phrasings, as the record has them, into its chunks in the index (their phrasings only). */
  private async reindex(docId: string): Promise<void> {
    const stored = await this.store.getDocument(docId);
    if (!stored) return;
    await this.store.setChunkPhrasings(docId, this.placeAccepted(await this.recorded(docId), stored.chunks));
  }

  /** Every phrasing of the document in the record, oldest first. */
  private async recorded(docId: string): Promise<Phrasing[]> {
    const rows = await this.db
      .selectFrom("passage_phrasings")
      .selectAll()
      .where("doc_id", "=", docId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(fromRow);
  }

  /** The accepted phrasings' texts by the chunk that holds each one's passage; detached ones are left out. */
  private placeAccepted(phrasings: Phrasing[], chunks: ChunkRecord[]): Map<string, string[]> {
    const byChunk = new Map<string, string[]>();
    const passages = passagesOf(chunks);
    for (const phrasing of phrasings) {
      if (phrasing.state !== "accepted") continue;
      const chunk = passages.holding(phrasing.passageText);
      if (!chunk) continue;
      const texts = byChunk.get(chunk.chunkId) ?? [];
      if (!texts.includes(phrasing.text)) texts.push(phrasing.text);
      byChunk.set(chunk.chunkId, texts);
    }
    return byChunk;
  }

  /** Adds an event to the document's audit trail; returns its id. */
  private async record(
    trx: Transaction<EditorialTables>,
    docId: string,
    action: PhrasingAction,
    actor: Actor,
    detail: string,
    at?: string,
  ): Promise<number> {
    const { id } = await trx
      .insertInto("audit_events")
      .values({
        doc_id: docId,
        action,
        version: null,
        actor: actor.name,
        actor_key_id: actor.keyId,
        at: at ?? this.now().toISOString(),
        detail,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return id;
  }
}

/**
 * Writes `changed` over the phrasing only if it is still as `read` (PhrasingChangedError if not):
 * an editor on another replica may have changed or removed it meanwhile.
 */
async function updateAsRead(trx: Transaction<EditorialTables>, read: Phrasing, changed: Phrasing): Promise<void> {
  const updated = await trx
    .updateTable("passage_phrasings")
    .set({ state: changed.state, text: changed.text, updated_at: changed.updatedAt, updated_by: changed.updatedBy })
    .where((eb) => asRead(eb, read))
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new PhrasingChangedError(read.id);
}

/** Deletes the phrasing only if it is still as `read` (PhrasingChangedError if not). */
async function deleteAsRead(trx: Transaction<EditorialTables>, read: Phrasing): Promise<void> {
  const deleted = await trx
    .deleteFrom("passage_phrasings")
    .where((eb) => asRead(eb, read))
    .executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw new PhrasingChangedError(read.id);
}

/** The row of the phrasing, only while it is still as it was read. */
function asRead(eb: ExpressionBuilder<EditorialTables, "passage_phrasings">, read: Phrasing) {
  return eb.and([
    eb("id", "=", read.id),
    eb("state", "=", read.state),
    eb("text", "=", read.text),
    eb("updated_at", "=", read.updatedAt),
  ]);
}

/** Puts a phrasing's row back as `phrasing` was. */
async function restore(trx: Transaction<EditorialTables>, phrasing: Phrasing): Promise<void> {
  await trx
    .updateTable("passage_phrasings")
    .set({
      state: phrasing.state,
      text: phrasing.text,
      updated_at: phrasing.updatedAt,
      updated_by: phrasing.updatedBy,
    })
    .where("id", "=", phrasing.id)
    .execute();
}

/** A phrasing as an editor typed it: one line, without control characters, 1–1000 characters. */
function phrasingText(text: string): string {
  const cleaned = cleanLabel(text);
  if (!cleaned) throw new InvalidRequestError("text: a phrasing needs words (control characters are removed).");
  if (cleaned.length > MAX_PHRASING_CHARS) {
    throw new InvalidRequestError(`text: use at most ${MAX_PHRASING_CHARS} characters.`);
  }
  return cleaned;
}

/** The chunks' phrasings by chunkId, as the index takes them. */
function phrasingsByChunk(chunks: ChunkRecord[]): Map<string, string[]> {
  return new Map(chunks.flatMap((chunk) => (chunk.phrasings?.length ? [[chunk.chunkId, chunk.phrasings]] : [])));
}

/** A passage's text with its spacing evened out: re-chunking may change the breaks around it, never its words. */
function evenSpacing(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** What identifies a passage within its document, whatever chunk holds it. */
function passageKey(text: string): string {
  return createHash("sha256").update(evenSpacing(text)).digest("hex");
}

/**
 * Finds passages among a document's chunks: `holding(text)` is the chunk with that very text, else
 * the first whose text contains it (re-chunking joined it to a neighbour), else none (the document
 * no longer says it).
 */
function passagesOf(chunks: readonly ChunkRecord[]) {
  const byKey = new Map<string, ChunkRecord>();
  for (const chunk of chunks) if (!byKey.has(passageKey(chunk.text))) byKey.set(passageKey(chunk.text), chunk);
  return {
    holding(passageText: string): ChunkRecord | undefined {
      const passage = evenSpacing(passageText);
      return (
        byKey.get(passageKey(passageText)) ??
        (passage ? chunks.find((chunk) => evenSpacing(chunk.text).includes(passage)) : undefined)
      );
    },
  };
}

function toRow(phrasing: Phrasing): PhrasingRow {
  return {
    id: phrasing.id,
    doc_id: phrasing.docId,
    passage_key: passageKey(phrasing.passageText),
    passage_text: phrasing.passageText,
    text: phrasing.text,
    state: phrasing.state,
    source: phrasing.source,
    answer_id: phrasing.answerId ?? null,
    created_at: phrasing.createdAt,
    created_by: phrasing.createdBy,
    updated_at: phrasing.updatedAt,
    updated_by: phrasing.updatedBy,
  };
}

function fromRow(row: PhrasingRow): Phrasing {
  return {
    id: row.id,
    docId: row.doc_id,
    passageText: row.passage_text,
    text: row.text,
    state: row.state as PhrasingState,
    source: row.source as PhrasingSource,
    ...(row.answer_id === null ? {} : { answerId: row.answer_id }),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
