import { ConflictError } from "../errors.js";
import type { ChunkRecord, DocumentFormat } from "../store/index-store.js";
import type { Caller } from "./api-keys.js";
import type { EditorialDatabase } from "./editorial-database.js";

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

type SummaryRow = {
  doc_id: string;
  version: number;
  state: VersionState;
  metadata: string;
  source_name: string;
  byte_size: number;
  content_hash: string;
  created_at: string;
  created_by: string;
};
type VersionRow = SummaryRow & { text: string; chunks: string };
type AuditRow = {
  action: AuditAction;
  version: number | null;
  actor: string;
  actor_key_id: string;
  at: string;
  detail: string | null;
};

const SUMMARY_COLUMNS =
  "doc_id, version, state, metadata, source_name, byte_size, content_hash, created_at, created_by";

/** Every version of every uploaded document, and the audit trail of who changed what, when. */
export class DocumentVersionStore {
  private readonly statements;

  constructor(private readonly database: EditorialDatabase) {
    this.statements = {
      insert: database.prepare<[VersionRow]>(
        `INSERT INTO document_versions (${SUMMARY_COLUMNS}, text, chunks)
         VALUES (@doc_id, @version, @state, @metadata, @source_name, @byte_size, @content_hash, @created_at,
           @created_by, @text, @chunks)`,
      ),
      lastVersion: database.prepare<[string], { version: number | null }>(
        "SELECT max(version) AS version FROM document_versions WHERE doc_id = ?",
      ),
      versions: database.prepare<[string], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM document_versions WHERE doc_id = ? ORDER BY version DESC`,
      ),
      version: database.prepare<[string, number], VersionRow>(
        "SELECT * FROM document_versions WHERE doc_id = ? AND version = ?",
      ),
      inState: database.prepare<[VersionState], VersionRow>(
        "SELECT * FROM document_versions WHERE state = ? ORDER BY doc_id, version",
      ),
      summaries: database.prepare<[], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM document_versions ORDER BY doc_id, version DESC`,
      ),
      // Phrasings are taught on any document, another replica's uploads too: they never make one this file's.
      known: database.prepare<[string], { found: number }>(
        "SELECT EXISTS (SELECT 1 FROM audit_events WHERE doc_id = ? AND action NOT LIKE 'phrasing_%') AS found",
      ),
      discardDraft: database.prepare<[string]>(
        "UPDATE document_versions SET state = 'discarded' WHERE doc_id = ? AND state = 'draft'",
      ),
      // Only from the state it was read in: a version changed meanwhile is not overwritten.
      moveVersion: database.prepare<[VersionState, string, number, VersionState]>(
        "UPDATE document_versions SET state = ? WHERE doc_id = ? AND version = ? AND state = ?",
      ),
      supersedeOthers: database.prepare<[string, number]>(
        "UPDATE document_versions SET state = 'superseded' WHERE doc_id = ? AND state = 'published' AND version != ?",
      ),
      deleteVersions: database.prepare<[string]>("DELETE FROM document_versions WHERE doc_id = ?"),
      audit: database.prepare<[string, AuditAction, number | null, string, string, string]>(
        "INSERT INTO audit_events (doc_id, action, version, actor, actor_key_id, at) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      auditTrail: database.prepare<[string], AuditRow>(
        "SELECT action, version, actor, actor_key_id, at, detail FROM audit_events WHERE doc_id = ? ORDER BY id",
      ),
    };
  }

  /**
   * Stores a new draft version (a newer draft discards the older one) and records who added it.
   * An upload never takes an id that was ever used: it would become another document's version.
   */
  addDraft(input: NewVersion, action: "uploaded" | "replaced", actor: Actor): DocumentVersion {
    return this.database.transaction((): DocumentVersion => {
      if (action === "uploaded" && this.knows(input.docId)) {
        throw new ConflictError("document_id_taken", `"${input.docId}" is taken; upload again.`);
      }
      const version = (this.statements.lastVersion.get(input.docId)?.version ?? 0) + 1;
      const createdAt = new Date().toISOString();
      const stored: DocumentVersion = { ...input, version, state: "draft", createdAt, createdBy: actor.name };
      this.statements.discardDraft.run(input.docId);
      this.statements.insert.run(toRow(stored));
      this.record(input.docId, action, version, actor, createdAt);
      return stored;
    })();
  }

  /** Whether this file has ever held the document: another replica's uploads are not its to change. */
  knows(docId: string): boolean {
    return this.statements.known.get(docId)?.found === 1;
  }

  /** All versions of a document without their text and chunks, newest first; empty when there is no such document. */
  versions(docId: string): VersionSummary[] {
    return this.statements.versions.all(docId).map(fromSummaryRow);
  }

  /** One version with its text and chunks. */
  version(docId: string, version: number): DocumentVersion | undefined {
    const row = this.statements.version.get(docId, version);
    return row && fromRow(row);
  }

  /** Every version of every document without text or chunks, by document, newest first. */
  summaries(): Map<string, VersionSummary[]> {
    const byDocument = new Map<string, VersionSummary[]>();
    for (const row of this.statements.summaries.all()) {
      const versions = byDocument.get(row.doc_id) ?? [];
      versions.push(fromSummaryRow(row));
      byDocument.set(row.doc_id, versions);
    }
    return byDocument;
  }

  /** The versions in one state across documents: the published ones are what the index must hold. */
  inState(state: VersionState): DocumentVersion[] {
    return this.statements.inState.all(state).map(fromRow);
  }

  /** Makes `version`, still in the state `from`, the published one; the one published before is superseded. */
  markPublished(docId: string, version: number, from: VersionState, actor: Actor): void {
    this.database.transaction(() => {
      if (this.statements.moveVersion.run("published", docId, version, from).changes === 0) {
        throw new VersionConflictError(docId);
      }
      this.statements.supersedeOthers.run(docId, version);
      this.record(docId, "published", version, actor);
    })();
  }

  /** Takes the published `version` down. */
  markWithdrawn(docId: string, version: number, actor: Actor): void {
    this.database.transaction(() => {
      if (this.statements.moveVersion.run("withdrawn", docId, version, "published").changes === 0) {
        throw new VersionConflictError(docId);
      }
      this.record(docId, "unpublished", version, actor);
    })();
  }

  /** Removes every version; the audit trail is kept, ending with who deleted it. */
  delete(docId: string, actor: Actor): void {
    this.database.transaction(() => {
      if (this.statements.deleteVersions.run(docId).changes === 0) throw new VersionConflictError(docId);
      this.record(docId, "deleted", null, actor);
    })();
  }

  auditTrail(docId: string): AuditEvent[] {
    return this.statements.auditTrail.all(docId).map((row) => ({
      action: row.action,
      actor: row.actor,
      actorKeyId: row.actor_key_id,
      at: row.at,
      ...(row.version ? { version: row.version } : {}),
      ...(row.detail === null ? {} : { detail: row.detail }),
    }));
  }

  private record(docId: string, action: AuditAction, version: number | null, actor: Actor, at?: string): void {
    this.statements.audit.run(docId, action, version, actor.name, actor.keyId, at ?? new Date().toISOString());
  }
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
    state: row.state,
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
