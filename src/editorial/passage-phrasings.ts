import { createHash, randomUUID } from "node:crypto";
import type { AttachPhrasings } from "../../ingest/index-document.js";
import { ConflictError, InvalidRequestError, NotFoundError } from "../errors.js";
import { KeyedQueue } from "../keyed-queue.js";
import type { ChunkRecord, IndexStore } from "../store/index-store.js";
import { cleanLabel } from "../text/clean-label.js";
import { normalizeForMatching } from "../text/normalize.js";
import type { Actor, PhrasingAction } from "./document-versions.js";
import type { EditorialDatabase } from "./editorial-database.js";

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

type PhrasingRow = {
  id: string;
  doc_id: string;
  passage_key: string;
  passage_text: string;
  text: string;
  state: PhrasingState;
  source: PhrasingSource;
  answer_id: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
};

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
  private readonly statements;
  private readonly now: () => Date;
  private readonly changes: KeyedQueue;

  constructor(
    private readonly database: EditorialDatabase,
    private readonly store: IndexStore,
    /** `changes`: the queue the document editor writes documents in, so that the two never interleave. */
    options: { changes?: KeyedQueue; now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.changes = options.changes ?? new KeyedQueue();
    this.statements = {
      insert: database.prepare<[PhrasingRow]>(
        `INSERT INTO passage_phrasings (id, doc_id, passage_key, passage_text, text, state, source, answer_id,
           created_at, created_by, updated_at, updated_by)
         VALUES (@id, @doc_id, @passage_key, @passage_text, @text, @state, @source, @answer_id, @created_at,
           @created_by, @updated_at, @updated_by)`,
      ),
      byId: database.prepare<[string], PhrasingRow>("SELECT * FROM passage_phrasings WHERE id = ?"),
      ofDocument: database.prepare<[string], PhrasingRow>(
        "SELECT * FROM passage_phrasings WHERE doc_id = ? ORDER BY created_at, id",
      ),
      inState: database.prepare<[PhrasingState, number], PhrasingRow>(
        "SELECT * FROM passage_phrasings WHERE state = ? ORDER BY created_at DESC, id LIMIT ?",
      ),
      all: database.prepare<[number], PhrasingRow>(
        "SELECT * FROM passage_phrasings ORDER BY created_at DESC, id LIMIT ?",
      ),
      // Every change that touched the index is in the audit trail, written with it and never pruned:
      // a document whose last phrasing was removed is still there.
      documentsWithPhrasingHistory: database
        .prepare<[], string>(
          `SELECT DISTINCT doc_id FROM audit_events
           WHERE action IN ('phrasing_taught', 'phrasing_accepted', 'phrasing_edited', 'phrasing_removed')
           ORDER BY doc_id`,
        )
        .pluck(),
      fromAnswer: database.prepare<[string], { found: number }>(
        "SELECT EXISTS (SELECT 1 FROM passage_phrasings WHERE answer_id = ?) AS found",
      ),
      update: database.prepare<[PhrasingState, string, string, string, string]>(
        "UPDATE passage_phrasings SET state = ?, text = ?, updated_at = ?, updated_by = ? WHERE id = ?",
      ),
      delete: database.prepare<[string]>("DELETE FROM passage_phrasings WHERE id = ?"),
      audit: database.prepare<[string, PhrasingAction, string, string, string, string]>(
        "INSERT INTO audit_events (doc_id, action, version, actor, actor_key_id, at, detail) VALUES (?, ?, NULL, ?, ?, ?, ?)",
      ),
      forgetAudit: database.prepare<[number | bigint]>("DELETE FROM audit_events WHERE id = ?"),
    };
  }

  /** A phrasing by its id, or NotFoundError. */
  get(id: string): Phrasing {
    const phrasing = this.find(id);
    if (!phrasing) throw new NotFoundError(`No phrasing with id "${id}".`);
    return phrasing;
  }

  find(id: string): Phrasing | undefined {
    const row = this.statements.byId.get(id);
    return row && fromRow(row);
  }

  /** Every phrasing of a document, proposed and accepted, oldest first, each with the chunk it is in now. */
  async ofDocument(docId: string): Promise<PlacedPhrasing[]> {
    return this.placed(this.statements.ofDocument.all(docId).map(fromRow));
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
  list(state?: PhrasingState, limit = 500): Phrasing[] {
    const rows = state ? this.statements.inState.all(state, limit) : this.statements.all.all(limit);
    return rows.map(fromRow);
  }

  /**
   * `chunks` with the accepted phrasings of their document in the `phrasings` field of the chunk
   * that holds each one's passage: what a document is written into the index with, however it
   * came (a folder sync, a publish, a reconcile). Chunks of a document without any are returned as they are.
   */
  readonly attach: AttachPhrasings = (docId, chunks) => {
    const byChunk = this.placeAccepted(this.recorded(docId), chunks);
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
      const same = this.sameWording(input.docId, passage.text, text);
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
        () => {
          this.statements.insert.run(toRow(phrasing));
          return this.record(input.docId, "phrasing_taught", actor, text, phrasing.createdAt);
        },
        () => this.statements.delete.run(phrasing.id),
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
    if (!text || this.statements.fromAnswer.get(input.answerId)?.found) return undefined;
    const passage = (await this.store.getDocument(input.docId))?.chunks.find(
      (chunk) => chunk.chunkId === input.chunkId,
    );
    if (!passage || this.sameWording(input.docId, passage.text, text)) return undefined;
    const phrasing = {
      ...this.newPhrasing({ docId: input.docId, passageText: passage.text, text }, "proposed", FEEDBACK_ACTOR),
      answerId: input.answerId,
    };
    const at = phrasing.createdAt;
    // Checked again inside the write: two 👍 for one answer may both have got this far.
    const inserted = this.database.transaction(() => {
      if (this.statements.fromAnswer.get(input.answerId)?.found) return false;
      this.statements.insert.run(toRow(phrasing));
      this.record(input.docId, "phrasing_proposed", FEEDBACK_ACTOR, text, at);
      return true;
    })();
    return inserted ? phrasing : undefined;
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
    const { docId } = this.get(id);
    return this.changes.run(docId, async () => {
      const phrasing = this.get(id);
      if (phrasing.state !== "proposed") {
        throw new ConflictError("not_proposed", `Phrasing "${id}" is already accepted.`);
      }
      return this.acceptNow(phrasing, phrasing.text, actor);
    });
  }

  /** Turns a proposed phrasing down: it is deleted, and its audit event kept. */
  async reject(id: string, actor: Actor): Promise<void> {
    const { docId } = this.get(id);
    await this.changes.run(docId, async () => {
      const phrasing = this.get(id);
      if (phrasing.state !== "proposed") {
        throw new ConflictError("not_proposed", `Phrasing "${id}" is accepted: remove it instead.`);
      }
      this.database.transaction(() => {
        this.statements.delete.run(id);
        this.record(docId, "phrasing_rejected", actor, phrasing.text);
      })();
    });
  }

  /** Rewords a phrasing; an accepted one is searched in its new words from the next question on. */
  async edit(id: string, newText: string, actor: Actor): Promise<Phrasing> {
    const text = phrasingText(newText);
    const { docId } = this.get(id);
    return this.changes.run(docId, async () => {
      const phrasing = this.get(id);
      const same = this.sameWording(docId, phrasing.passageText, text);
      if (same && same.id !== id) {
        throw new ConflictError("phrasing_exists", `The passage already has that wording (phrasing "${same.id}").`);
      }
      const edited = { ...phrasing, text, updatedAt: this.now().toISOString(), updatedBy: actor.name };
      const write = () => {
        this.statements.update.run(edited.state, text, edited.updatedAt, actor.name, id);
        return this.record(docId, "phrasing_edited", actor, `${phrasing.text} → ${text}`, edited.updatedAt);
      };
      if (phrasing.state === "accepted") await this.recordThenIndex(docId, write, () => this.restore(phrasing));
      else this.database.transaction(write)();
      return edited;
    });
  }

  /** Removes a phrasing: an accepted one no longer finds its passage from the next question on. */
  async remove(id: string, actor: Actor): Promise<void> {
    const { docId } = this.get(id);
    await this.changes.run(docId, async () => {
      const phrasing = this.get(id);
      const write = () => {
        this.statements.delete.run(id);
        return this.record(docId, "phrasing_removed", actor, phrasing.text);
      };
      if (phrasing.state === "accepted") {
        await this.recordThenIndex(docId, write, () => this.statements.insert.run(toRow(phrasing)));
      } else this.database.transaction(write)();
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
    for (const docId of this.statements.documentsWithPhrasingHistory.all()) {
      await this.changes.run(docId, async () => {
        const stored = await this.store.getDocument(docId);
        if (!stored) return;
        const expected = this.attach(docId, stored.chunks);
        const differs = expected.some(
          (chunk, index) =>
            JSON.stringify(chunk.phrasings ?? []) !== JSON.stringify(stored.chunks[index]?.phrasings ?? []),
        );
        if (!differs) return;
        await this.store.setChunkPhrasings(docId, phrasingsByChunk(expected));
        written++;
      });
    }
    return written;
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
      () => {
        this.statements.update.run("accepted", text, accepted.updatedAt, actor.name, phrasing.id);
        return this.record(phrasing.docId, "phrasing_accepted", actor, text, accepted.updatedAt);
      },
      () => this.restore(phrasing),
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
  private sameWording(docId: string, passageText: string, text: string): Phrasing | undefined {
    const key = passageKey(passageText);
    const words = normalizeForMatching(text);
    const row = this.statements.ofDocument
      .all(docId)
      .find((candidate) => candidate.passage_key === key && normalizeForMatching(candidate.text) === words);
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
   * puts it right.
   */
  private async recordThenIndex(docId: string, write: () => number | bigint, undo: () => void): Promise<void> {
    const auditId = this.database.transaction(write)();
    try {
      await this.reindex(docId);
    } catch (error) {
      this.database.transaction(() => {
        undo();
        this.statements.forgetAudit.run(auditId);
      })();
      await this.reindex(docId).catch(() => undefined);
      throw error;
    }
  }

  /** Puts a phrasing's row back as `phrasing` was. */
  private restore(phrasing: Phrasing): void {
    this.statements.update.run(phrasing.state, phrasing.text, phrasing.updatedAt, phrasing.updatedBy, phrasing.id);
  }

  /** Writes the document's accepted phrasings, as the record has them, into its chunks in the index (their phrasings only). */
  private async reindex(docId: string): Promise<void> {
    const stored = await this.store.getDocument(docId);
    if (!stored) return;
    await this.store.setChunkPhrasings(docId, this.placeAccepted(this.recorded(docId), stored.chunks));
  }

  /** Every phrasing of the document in the record, oldest first. */
  private recorded(docId: string): Phrasing[] {
    return this.statements.ofDocument.all(docId).map(fromRow);
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
  private record(docId: string, action: PhrasingAction, actor: Actor, detail: string, at?: string): number | bigint {
    return this.statements.audit.run(docId, action, actor.name, actor.keyId, at ?? this.now().toISOString(), detail)
      .lastInsertRowid;
  }
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
    state: row.state,
    source: row.source,
    ...(row.answer_id === null ? {} : { answerId: row.answer_id }),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
