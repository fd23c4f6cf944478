import type { Kysely, Selectable, Transaction } from "kysely";
import type { EditorialTables } from "../database/editorial-tables.js";
import { isUniqueViolation } from "../database/unique-violation.js";
import { ConflictError } from "../errors.js";
import type { ChunkRecord, DocumentFormat } from "../store/index-store.js";
import type { Caller } from "./api-keys.js";

/**
 * A version's place in its document's life: at most one `draft` (a newer upload discards it) and
 * at most one `published`; a published version that is replaced is `superseded`, one taken down
 * is `withdrawn`.
 */
export type VersionState = "draft" | "published" | "superseded" | "withdrawn" | "discarded";

export interface VersionMetadata {
  title: string;
  url?: string;
  collection: string;
  tags: string[];
  lang?: string;
  effectiveDate?: string;
  format: DocumentFormat;
}

export interface DocumentVersion {
  docId: string;
  version: number;
  state: VersionState;
  metadata: VersionMetadata;
  /** The uploaded file's name, shown to editors only: never used as a path. */
  sourceName: string;
  byteSize: number;
  /** The extracted text that chunk offsets point into. */
  text: string;
  chunks: ChunkRecord[];
  contentHash: string;
  createdAt: string;
  createdBy: string;
}

/** A version without its text and chunks, for lists. */
export type VersionSummary = Omit<DocumentVersion, "text" | "chunks">;

export type AuditAction = "uploaded" | "replaced" | "published" | "unpublished" | "deleted" | PhrasingAction;

/** What happens to a taught phrasing (passage-phrasings.ts), in its document's audit trail. */
export const PHRASING_ACTIONS = [
  "phrasing_taught",
  "phrasing_proposed",
  "phrasing_accepted",
  "phrasing_rejected",
  "phrasing_edited",
  "phrasing_removed",
] as const;
export type PhrasingAction = (typeof PHRASING_ACTIONS)[number];

export interface AuditEvent {
  action: AuditAction;
  version?: number;
  /** The phrasing a phrasing event is about. */
  detail?: string;
  /** The name of the key that made the change, and its id (names need not be unique). */
  actor: string;
  actorKeyId: string;
  at: string;
}

/** Who changes a document: the key behind the request. */
export type Actor = Pick<Caller, "name" | "keyId">;

type NewVersion = Omit<DocumentVersion, "version" | "state" | "createdAt" | "createdBy">;

/** The document changed between reading it and writing it (another editor, at the same moment). */
export class VersionConflictError extends ConflictError {
  constructor(docId: string) {
    super("document_changed", `"${docId}" was changed by someone else meanwhile; reload it and try again.`);
  }
}

type SummaryRow = Omit<Selectable<EditorialTables["document_versions"]>, "text" | "chunks">;
type VersionRow = SummaryRow & { text: string; chunks: string };

const SUMMARY_COLUMNS = [
  "doc_id",
  "version",
  "state",
  "metadata",
  "source_name",
  "byte_size",
  "content_hash",
  "created_at",
  "created_by",
] as const;

/** The database, or the transaction a change runs in. */
type Executor = Kysely<EditorialTables> | Transaction<EditorialTables>;

/**
 * Every version of every uploaded document, and the audit trail of who changed what, when. Replicas
 * may change one document at the same moment: each change first locks the document (see
 * `lockDocument`), and two that would add the same version collide on the primary key.
 */
export class DocumentVersionStore {
  constructor(private readonly db: Kysely<EditorialTables>) {}

  /**
   * Stores a new draft version (a newer draft discards the older one) and records who added it.
   * An upload never takes an id that was ever used: it would become another document's version.
   */
  async addDraft(input: NewVersion, action: "uploaded" | "replaced", actor: Actor): Promise<DocumentVersion> {
    try {
      return await this.db.transaction().execute(async (trx): Promise<DocumentVersion> => {
        if (action === "uploaded" && (await this.knowsIn(trx, input.docId))) throw documentIdTaken(input.docId);
        // A replacement of a document deleted meanwhile would bring it back as a lone draft.
        if (action === "replaced" && !(await lockDocument(trx, input.docId))) {
          throw new VersionConflictError(input.docId);
        }
        const last = await trx
          .selectFrom("document_versions")
          .select((eb) => eb.fn.max("version").as("version"))
          .where("doc_id", "=", input.docId)
          .executeTakeFirst();
        const version = (last?.version ?? 0) + 1;
        const createdAt = new Date().toISOString();
        const stored: DocumentVersion = { ...input, version, state: "draft", createdAt, createdBy: actor.name };
        await trx
          .updateTable("document_versions")
          .set({ state: "discarded" })
          .where("doc_id", "=", input.docId)
          .where("state", "=", "draft")
          .execute();
        await trx.insertInto("document_versions").values(toRow(stored)).execute();
        await record(trx, input.docId, action, version, actor, createdAt);
        return stored;
      });
    } catch (error) {
      // Another replica added a version (or took the id) between our read and our write.
      if (!isUniqueViolation(error)) throw error;
      throw action === "uploaded" ? documentIdTaken(input.docId) : new VersionConflictError(input.docId);
    }
  }

  /** Whether this database has ever held the document: another replica's uploads are not its to change. */
  knows(docId: string): Promise<boolean> {
    return this.knowsIn(this.db, docId);
  }

  /** All versions of a document without their text and chunks, newest first; empty when there is no such document. */
  async versions(docId: string): Promise<VersionSummary[]> {
    const rows = await this.db
      .selectFrom("document_versions")
      .select(SUMMARY_COLUMNS)
      .where("doc_id", "=", docId)
      .orderBy("version", "desc")
      .execute();
    return rows.map(fromSummaryRow);
  }

  /** One version with its text and chunks. */
  async version(docId: string, version: number): Promise<DocumentVersion | undefined> {
    const row = await this.db
      .selectFrom("document_versions")
      .selectAll()
      .where("doc_id", "=", docId)
      .where("version", "=", version)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /** Every version of every document without text or chunks, by document, newest first. */
  async summaries(): Promise<Map<string, VersionSummary[]>> {
    const rows = await this.db
      .selectFrom("document_versions")
      .select(SUMMARY_COLUMNS)
      .orderBy("doc_id")
      .orderBy("version", "desc")
      .execute();
    const byDocument = new Map<string, VersionSummary[]>();
    for (const row of rows) {
      const versions = byDocument.get(row.doc_id) ?? [];
      versions.push(fromSummaryRow(row));
      byDocument.set(row.doc_id, versions);
    }
    return byDocument;
  }

  /** The versions in one state across documents: the published ones are what the index must hold. */
  async inState(state: VersionState): Promise<DocumentVersion[]> {
    const rows = await this.db
      .selectFrom("document_versions")
      .selectAll()
      .where("state", "=", state)
      .orderBy("doc_id")
      .orderBy("version")
      .execute();
    return rows.map(fromRow);
  }

  /** Makes `version`, still in the state `from`, the published one; the one published before is superseded. */
  async markPublished(docId: string, version: number, from: VersionState, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // Locked first: two replicas publishing two versions at once would each supersede only what it saw.
      await lockDocument(trx, docId);
      if (!(await moveVersion(trx, docId, version, from, "published"))) throw new VersionConflictError(docId);
      await trx
        .updateTable("document_versions")
        .set({ state: "superseded" })
        .where("doc_id", "=", docId)
        .where("state", "=", "published")
        .where("version", "!=", version)
        .execute();
      await record(trx, docId, "published", version, actor);
    });
  }

  /** Takes the published `version` down. */
  async markWithdrawn(docId: string, version: number, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await lockDocument(trx, docId);
      if (!(await moveVersion(trx, docId, version, "published", "withdrawn"))) throw new VersionConflictError(docId);
      await record(trx, docId, "unpublished", version, actor);
    });
  }

  /** Removes every version; the audit trail is kept, ending with who deleted it. */
  async delete(docId: string, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await lockDocument(trx, docId);
      const deleted = await trx.deleteFrom("document_versions").where("doc_id", "=", docId).executeTakeFirst();
      if (deleted.numDeletedRows === 0n) throw new VersionConflictError(docId);
      await record(trx, docId, "deleted", null, actor);
    });
  }

  async auditTrail(docId: string): Promise<AuditEvent[]> {
    const rows = await this.db
      .selectFrom("audit_events")
      .select(["action", "version", "actor", "actor_key_id", "at", "detail"])
      .where("doc_id", "=", docId)
      .orderBy("id")
      .execute();
    return rows.map((row) => ({
      action: row.action as AuditAction,
      actor: row.actor,
      actorKeyId: row.actor_key_id,
      at: row.at,
      ...(row.version ? { version: row.version } : {}),
      ...(row.detail === null ? {} : { detail: row.detail }),
    }));
  }

  /** Phrasings are taught on any document, another replica's uploads too: they never make one this database's. */
  private async knowsIn(executor: Executor, docId: string): Promise<boolean> {
    const found = await executor
      .selectFrom("audit_events")
      .select("id")
      .where("doc_id", "=", docId)
      .where("action", "not like", "phrasing_%")
      .limit(1)
      .executeTakeFirst();
    return found !== undefined;
  }
}

/**
 * Locks the document against other replicas' changes until the transaction ends, by writing its
 * first version's row unchanged: the same row for every change, so two never wait on each other
 * in opposite orders. False when the document has no versions (deleted meanwhile, or new).
 */
async function lockDocument(trx: Transaction<EditorialTables>, docId: string): Promise<boolean> {
  const locked = await trx
    .updateTable("document_versions")
    .set((eb) => ({ state: eb.ref("state") }))
    .where("doc_id", "=", docId)
    .where("version", "=", (eb) =>
      eb
        .selectFrom("document_versions")
        .select((inner) => inner.fn.min("version").as("first"))
        .where("doc_id", "=", docId),
    )
    .executeTakeFirst();
  return locked.numUpdatedRows > 0n;
}

/** Moves a version to `to` only from the state it was read in: a version changed meanwhile is not overwritten. */
async function moveVersion(
  trx: Transaction<EditorialTables>,
  docId: string,
  version: number,
  from: VersionState,
  to: VersionState,
): Promise<boolean> {
  const moved = await trx
    .updateTable("document_versions")
    .set({ state: to })
    .where("doc_id", "=", docId)
    .where("version", "=", version)
    .where("state", "=", from)
    .executeTakeFirst();
  return moved.numUpdatedRows > 0n;
}

async function record(
  executor: Executor,
  docId: string,
  action: AuditAction,
  version: number | null,
  actor: Actor,
  at?: string,
): Promise<void> {
  await executor
    .insertInto("audit_events")
    .values({
      doc_id: docId,
      action,
      version,
      actor: actor.name,
      actor_key_id: actor.keyId,
      at: at ?? new Date().toISOString(),
    })
    .execute();
}

function documentIdTaken(docId: string): ConflictError {
  return new ConflictError("document_id_taken", `"${docId}" is taken; upload again.`);
}

function toRow(version: DocumentVersion): VersionRow {
  return {
    doc_id: version.docId,
    version: version.version,
    state: version.state,
    metadata: JSON.stringify(version.metadata),
    source_name: version.sourceName,
    byte_size: version.byteSize,
    content_hash: version.contentHash,
    created_at: version.createdAt,
    created_by: version.createdBy,
    text: version.text,
    chunks: JSON.stringify(version.chunks),
  };
}

function fromSummaryRow(row: SummaryRow): VersionSummary {
  return {
    docId: row.doc_id,
    version: row.version,
    state: row.state as VersionState,
    metadata: JSON.parse(row.metadata) as VersionMetadata,
    sourceName: row.source_name,
    byteSize: row.byte_size,
    contentHash: row.content_hash,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

function fromRow(row: VersionRow): DocumentVersion {
  return { ...fromSummaryRow(row), text: row.text, chunks: JSON.parse(row.chunks) as ChunkRecord[] };
}
