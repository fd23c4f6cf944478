import type { ChunkRecord, DocumentFormat } from "../store/index-store.js";
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

export type AuditAction = "uploaded" | "replaced" | "published" | "unpublished" | "deleted";

export interface AuditEvent {
  action: AuditAction;
  version?: number;
  actor: string;
  at: string;
}

export type NewVersion = Omit<DocumentVersion, "version" | "state" | "createdAt">;

interface VersionRow {
  doc_id: string;
  version: number;
  state: VersionState;
  metadata: string;
  source_name: string;
  byte_size: number;
  text: string;
  chunks: string;
  content_hash: string;
  created_at: string;
  created_by: string;
}

/** Every version of every uploaded document, and the audit trail of who changed what, when. */
export class DocumentVersionStore {
  private readonly statements;

  constructor(private readonly database: EditorialDatabase) {
    this.statements = {
      insert: database.prepare(
        `INSERT INTO document_versions
           (doc_id, version, state, metadata, source_name, byte_size, text, chunks, content_hash, created_at, created_by)
         VALUES (@doc_id, @version, @state, @metadata, @source_name, @byte_size, @text, @chunks, @content_hash, @created_at, @created_by)`,
      ),
      lastVersion: database.prepare<[string], { version: number | null }>(
        "SELECT max(version) AS version FROM document_versions WHERE doc_id = ?",
      ),
      versions: database.prepare<[string], VersionRow>(
        "SELECT * FROM document_versions WHERE doc_id = ? ORDER BY version DESC",
      ),
      version: database.prepare<[string, number], VersionRow>(
        "SELECT * FROM document_versions WHERE doc_id = ? AND version = ?",
      ),
      inState: database.prepare<[string], VersionRow>(
        "SELECT * FROM document_versions WHERE state = ? ORDER BY doc_id, version",
      ),
      docIds: database.prepare<[], { doc_id: string }>("SELECT DISTINCT doc_id FROM document_versions ORDER BY doc_id"),
      setState: database.prepare<[VersionState, string, VersionState]>(
        "UPDATE document_versions SET state = ? WHERE doc_id = ? AND state = ?",
      ),
      setVersionState: database.prepare<[VersionState, string, number]>(
        "UPDATE document_versions SET state = ? WHERE doc_id = ? AND version = ?",
      ),
      deleteVersions: database.prepare<[string]>("DELETE FROM document_versions WHERE doc_id = ?"),
      audit: database.prepare<[string, string, number | null, string, string]>(
        "INSERT INTO audit_events (doc_id, action, version, actor, at) VALUES (?, ?, ?, ?, ?)",
      ),
      auditTrail: database.prepare<
        [string],
        { action: AuditAction; version: number | null; actor: string; at: string }
      >("SELECT action, version, actor, at FROM audit_events WHERE doc_id = ? ORDER BY id"),
    };
  }

  /** Stores a new draft version (a newer draft discards the older one) and records who added it. */
  addDraft(input: NewVersion, action: "uploaded" | "replaced"): DocumentVersion {
    return this.database.transaction((): DocumentVersion => {
      const version = (this.statements.lastVersion.get(input.docId)?.version ?? 0) + 1;
      const stored: DocumentVersion = { ...input, version, state: "draft", createdAt: new Date().toISOString() };
      this.statements.setState.run("discarded", input.docId, "draft");
      this.statements.insert.run(toRow(stored));
      this.record(input.docId, action, version, input.createdBy, stored.createdAt);
      return stored;
    })();
  }

  /** All versions of a document, newest first; empty when there is no such document. */
  versions(docId: string): DocumentVersion[] {
    return this.statements.versions.all(docId).map(fromRow);
  }

  version(docId: string, version: number): DocumentVersion | undefined {
    const row = this.statements.version.get(docId, version);
    return row && fromRow(row);
  }

  docIds(): string[] {
    return this.statements.docIds.all().map((row) => row.doc_id);
  }

  /** The published version of every document: what the index must hold. */
  publishedVersions(): DocumentVersion[] {
    return this.statements.inState.all("published").map(fromRow);
  }

  /** Makes `version` the published one; the one published before is superseded. */
  markPublished(docId: string, version: number, actor: string): void {
    this.database.transaction(() => {
      this.statements.setState.run("superseded", docId, "published");
      this.statements.setVersionState.run("published", docId, version);
      this.record(docId, "published", version, actor);
    })();
  }

  markWithdrawn(docId: string, version: number, actor: string): void {
    this.database.transaction(() => {
      this.statements.setVersionState.run("withdrawn", docId, version);
      this.record(docId, "unpublished", version, actor);
    })();
  }

  /** Removes every version; the audit trail is kept, ending with who deleted it. */
  delete(docId: string, actor: string): void {
    this.database.transaction(() => {
      this.statements.deleteVersions.run(docId);
      this.record(docId, "deleted", null, actor);
    })();
  }

  auditTrail(docId: string): AuditEvent[] {
    return this.statements.auditTrail.all(docId).map((row) => ({
      action: row.action,
      actor: row.actor,
      at: row.at,
      ...(row.version ? { version: row.version } : {}),
    }));
  }

  private record(
    docId: string,
    action: AuditAction,
    version: number | null,
    actor: string,
    at = new Date().toISOString(),
  ) {
    this.statements.audit.run(docId, action, version, actor, at);
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
    text: version.text,
    chunks: JSON.stringify(version.chunks),
    content_hash: version.contentHash,
    created_at: version.createdAt,
    created_by: version.createdBy,
  };
}

function fromRow(row: VersionRow): DocumentVersion {
  return {
    docId: row.doc_id,
    version: row.version,
    state: row.state,
    metadata: JSON.parse(row.metadata) as VersionMetadata,
    sourceName: row.source_name,
    byteSize: row.byte_size,
    text: row.text,
    chunks: JSON.parse(row.chunks) as ChunkRecord[],
    contentHash: row.content_hash,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
