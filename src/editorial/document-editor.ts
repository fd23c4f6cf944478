import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { type ChunkingOptions, defaultChunkingOptions } from "../../ingest/chunk-document.js";
import { embedChunks } from "../../ingest/embed-chunks.js";
import { buildDocumentRecords, hashContent } from "../../ingest/index-document.js";
import { parseUpload } from "../../ingest/parse-upload.js";
import type { PdfLimits } from "../../ingest/parsers/pdf.js";
import type { TextEmbedder } from "../embedding/text-embedder.js";
import { AppError, NotFoundError } from "../errors.js";
import {
  type ChunkRecord,
  type DocumentRecord,
  type IndexStore,
  type StoredDocument,
  UPLOADED_SOURCE,
} from "../store/index-store.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import type { Caller } from "./api-keys.js";
import type { AuditEvent, DocumentVersion, DocumentVersionStore, VersionMetadata } from "./document-versions.js";

/** Metadata an editor may give with an upload; what is left out comes from the file. */
export interface UploadMetadata {
  title?: string;
  url?: string;
  collection?: string;
  tags?: string[];
  lang?: string;
  effectiveDate?: string;
}

export interface Upload {
  /** The file's name as the browser sent it: a label, never a path. */
  fileName: string;
  bytes: Uint8Array;
  metadata: UploadMetadata;
}

/** A document as editors see it in a list, whether it was uploaded or comes from the folder. */
export interface DocumentSummary {
  docId: string;
  title: string;
  collection: string;
  url?: string;
  tags: string[];
  lang?: string;
  effectiveDate?: string;
  format: StoredDocument["format"];
  source: "upload" | "folder";
  /** `published`: answerable; `draft`: never published; `unpublished`: taken down. */
  status: "published" | "draft" | "unpublished";
  publishedVersion?: number;
  /** A newer version waiting for review, while the published one keeps answering. */
  draftVersion?: number;
  updatedAt?: string;
}

export interface DocumentDetail {
  summary: DocumentSummary;
  /** Newest first; empty for a folder document. */
  versions: Omit<DocumentVersion, "text" | "chunks">[];
  /** The version shown: the draft if there is one, else the published or latest one. */
  shownVersion?: number;
  text?: string;
  chunks: ChunkRecord[];
  audit: AuditEvent[];
}

export class FolderDocumentError extends AppError {
  constructor(docId: string) {
    super(
      "folder_document",
      409,
      `"${docId}" comes from the knowledge folder: change or remove the file there, and the next sync follows.`,
    );
  }
}

/**
 * The editors' workflow over uploaded documents: an upload or a replacement lands as a draft
 * version; publishing writes that version into the search index, where the published version
 * keeps answering until then. The version store is the record; the index is made to follow it.
 */
export class DocumentEditor {
  constructor(
    private readonly store: IndexStore,
    private readonly versions: DocumentVersionStore,
    private readonly options: { pdfLimits: PdfLimits; embedder?: TextEmbedder; chunking?: ChunkingOptions },
  ) {}

  /** Parses and chunks a new document and keeps it as a draft. Nothing is stored if parsing fails. */
  async upload(upload: Upload, caller: Caller): Promise<DocumentVersion> {
    const docId = `uploads/${slugOf(upload.fileName, upload.metadata.title)}-${randomBytes(3).toString("hex")}`;
    return this.addDraft(docId, upload, caller, "uploaded");
  }

  /** A new version of an uploaded document, as a draft; the published version keeps answering. */
  async replace(docId: string, upload: Upload, caller: Caller): Promise<DocumentVersion> {
    await this.requireUploaded(docId);
    return this.addDraft(docId, upload, caller, "replaced");
  }

  /** Publishes the draft (or republishes the latest version of an unpublished document). */
  async publish(docId: string, caller: Caller): Promise<DocumentVersion> {
    const versions = await this.requireUploaded(docId);
    const hasPublished = versions.some((version) => version.state === "published");
    const target =
      versions.find((version) => version.state === "draft") ??
      (hasPublished ? undefined : versions.find((version) => version.state === "withdrawn"));
    if (!target) {
      throw new AppError("nothing_to_publish", 409, `"${docId}" has no new version to publish; upload one first.`);
    }
    await this.writeToIndex(target);
    this.versions.markPublished(docId, target.version, caller.name);
    return { ...target, state: "published" };
  }

  /** Takes the published version out of search and answers; its versions are kept. */
  async unpublish(docId: string, caller: Caller): Promise<void> {
    const versions = await this.requireUploaded(docId);
    const published = versions.find((version) => version.state === "published");
    if (!published) throw new AppError("not_published", 409, `"${docId}" is not published.`);
    await this.store.deleteDocument(docId);
    this.versions.markWithdrawn(docId, published.version, caller.name);
  }

  async delete(docId: string, caller: Caller): Promise<void> {
    await this.requireUploaded(docId);
    await this.store.deleteDocument(docId);
    this.versions.delete(docId, caller.name);
  }

  /** Uploaded and folder documents, sorted by id. */
  async list(): Promise<DocumentSummary[]> {
    const uploaded = this.versions.docIds().flatMap((docId) => {
      const summary = summarizeUpload(this.versions.versions(docId));
      return summary ? [summary] : [];
    });
    const fromFolders = [...(await this.store.listDocuments()).values()]
      .filter((document) => document.sourceRoot !== UPLOADED_SOURCE)
      .map(summarizeFolderDocument);
    return [...uploaded, ...fromFolders].sort((left, right) => left.docId.localeCompare(right.docId));
  }

  async get(docId: string, versionNumber?: number): Promise<DocumentDetail> {
    const versions = this.versions.versions(docId);
    const summary = summarizeUpload(versions);
    if (summary) {
      const shown =
        versionNumber === undefined
          ? (versions.find((version) => version.state === "draft") ??
            versions.find((version) => version.state === "published") ??
            versions[0])
          : versions.find((version) => version.version === versionNumber);
      if (!shown) throw new NotFoundError(`"${docId}" has no version ${versionNumber}.`);
      return {
        summary,
        versions: versions.map(({ text: _text, chunks: _chunks, ...version }) => version),
        shownVersion: shown.version,
        text: shown.text,
        chunks: shown.chunks,
        audit: this.versions.auditTrail(docId),
      };
    }
    const stored = await this.store.getDocument(docId);
    if (!stored || stored.document.sourceRoot === UPLOADED_SOURCE) throw documentNotFound(docId);
    return { summary: summarizeFolderDocument(stored.document), versions: [], chunks: stored.chunks, audit: [] };
  }

  /**
   * An in-memory index of the draft versions alone, as if they were published: editors try
   * questions on it beside the live answers before publishing. The caller closes it.
   */
  async draftIndex(): Promise<IndexStore> {
    const drafts = new SqliteIndexStore(":memory:");
    for (const docId of this.versions.docIds()) {
      const draft = this.versions.versions(docId).find((version) => version.state === "draft");
      if (draft) await drafts.replaceDocument(indexRecordOf(draft), draft.chunks);
    }
    return drafts;
  }

  /**
   * Makes the index hold exactly the published uploads: after a crash between the two writes, or
   * for a new index (another Qdrant collection). Run at start, after the folder sync.
   */
  async reconcile(): Promise<{ written: number; removed: number }> {
    const stored = await this.store.listDocuments();
    const published = this.versions.publishedVersions();
    let written = 0;
    for (const version of published) {
      if (stored.get(version.docId)?.contentHash === version.contentHash) continue;
      await this.writeToIndex(version);
      written++;
    }
    const publishedIds = new Set(published.map((version) => version.docId));
    let removed = 0;
    for (const [docId, document] of stored) {
      if (document.sourceRoot === UPLOADED_SOURCE && !publishedIds.has(docId)) {
        await this.store.deleteDocument(docId);
        removed++;
      }
    }
    return { written, removed };
  }

  private async addDraft(
    docId: string,
    upload: Upload,
    caller: Caller,
    action: "uploaded" | "replaced",
  ): Promise<DocumentVersion> {
    const chunking = this.options.chunking ?? defaultChunkingOptions;
    const parsed = await parseUpload(upload.fileName, upload.bytes, this.options.pdfLimits);
    const given = upload.metadata;
    const metadata: VersionMetadata = {
      title: given.title ?? parsed.title ?? titleOf(upload.fileName),
      url: given.url ?? parsed.url,
      collection: given.collection ?? parsed.collection ?? "general",
      tags: given.tags ?? parsed.tags ?? [],
      lang: given.lang ?? parsed.lang,
      effectiveDate: given.effectiveDate ?? parsed.effectiveDate,
      format: parsed.format,
    };
    // The hash covers the metadata too: a new title is a change to publish.
    const contentHash = createHash("sha256")
      .update(hashContent(upload.bytes, chunking))
      .update(JSON.stringify(metadata))
      .digest("hex");
    const { document, chunks } = buildDocumentRecords(
      { ...parsed, ...metadata },
      { docId, sourceRoot: UPLOADED_SOURCE, contentHash },
      chunking,
    );
    return this.versions.addDraft(
      {
        docId,
        metadata,
        sourceName: path.basename(upload.fileName),
        byteSize: upload.bytes.length,
        text: document.text,
        chunks,
        contentHash,
        createdBy: caller.name,
      },
      action,
    );
  }

  private async writeToIndex(version: DocumentVersion): Promise<void> {
    const { embedder } = this.options;
    // An embedding server that fails leaves the document searchable lexically; a sync fills its vectors in.
    const vectors = embedder && (await embedChunks(embedder, version.chunks, true).catch(() => undefined));
    await this.store.replaceDocument(indexRecordOf(version), version.chunks, { vectors });
  }

  private async requireUploaded(docId: string): Promise<DocumentVersion[]> {
    const versions = this.versions.versions(docId);
    if (versions.length > 0) return versions;
    const stored = await this.store.getDocument(docId);
    if (stored && stored.document.sourceRoot !== UPLOADED_SOURCE) throw new FolderDocumentError(docId);
    throw documentNotFound(docId);
  }
}

/** A version as the index stores it: published, from uploads. */
function indexRecordOf(version: DocumentVersion): DocumentRecord {
  return {
    docId: version.docId,
    ...version.metadata,
    status: "published",
    sourceRoot: UPLOADED_SOURCE,
    contentHash: version.contentHash,
    text: version.text,
  };
}

function documentNotFound(docId: string): NotFoundError {
  return new NotFoundError(`No document "${docId}".`);
}

function summarizeUpload(versions: DocumentVersion[]): DocumentSummary | undefined {
  const latest = versions[0];
  if (!latest) return undefined;
  const published = versions.find((version) => version.state === "published");
  const draft = versions.find((version) => version.state === "draft");
  const shown = draft ?? published ?? latest;
  return {
    docId: latest.docId,
    ...shown.metadata,
    source: "upload",
    status: published ? "published" : draft ? "draft" : "unpublished",
    ...(published ? { publishedVersion: published.version } : {}),
    ...(draft ? { draftVersion: draft.version } : {}),
    updatedAt: latest.createdAt,
  };
}

function summarizeFolderDocument(document: StoredDocument): DocumentSummary {
  const { docId, title, collection, url, tags, lang, effectiveDate, format, status } = document;
  return { docId, title, collection, url, tags, lang, effectiveDate, format, source: "folder", status };
}

/** "宿舍規定 2026.pdf" → "宿舍規定-2026": letters and digits of any script, nothing that could be a path. */
function slugOf(fileName: string, title?: string): string {
  const base = title ?? path.basename(fileName).replace(/\.[^.]+$/, "");
  const slug = base
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug || "document";
}

function titleOf(fileName: string): string {
  return (
    path
      .basename(fileName)
      .replace(/\.[^.]+$/, "")
      .replace(/[-_]+/g, " ")
      .trim() || "Untitled document"
  );
}
