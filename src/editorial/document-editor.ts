import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { type ChunkingOptions, defaultChunkingOptions } from "../../ingest/chunk-document.js";
import { embedChunks } from "../../ingest/embed-chunks.js";
import {
  type AttachPhrasings,
  hashContent,
  hashIndexedVersion,
  recordsOfPrepared,
  titleFromFileName,
} from "../../ingest/index-document.js";
import { parseInWorker } from "../../ingest/parse-in-worker.js";
import type { ParseLimits } from "../config.js";
import { ConflictError, NotFoundError, StoreUnavailableError } from "../errors.js";
import { KeyedQueue } from "../keyed-queue.js";
import type { Embedder } from "../models/embedder.js";
import {
  type ChunkRecord,
  type DocumentRecord,
  type IndexStore,
  type StoredDocument,
  UPLOADED_SOURCE,
} from "../store/index-store.js";
import {
  type Actor,
  type AuditEvent,
  type DocumentVersion,
  type DocumentVersionStore,
  VersionConflictError,
  type VersionMetadata,
  type VersionSummary,
} from "./document-versions.js";

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
  versions: VersionSummary[];
  /** The version shown: the draft if there is one, else the published or latest one. */
  shownVersion?: number;
  text?: string;
  chunks: ChunkRecord[];
  audit: AuditEvent[];
}

class FolderDocumentError extends ConflictError {
  constructor(docId: string) {
    super(
      "folder_document",
      `"${docId}" comes from the knowledge folder: change or remove the file there, and the next sync follows.`,
    );
  }
}

/** Failures of a reconcile: one document that cannot be written does not stop the others. */
export interface ReconcileSummary {
  written: number;
  removed: number;
  failures: { docId: string; reason: string }[];
}

/**
 * The editors' workflow over uploaded documents: an upload or a replacement lands as a draft
 * version; publishing writes that version into the search index, where the published version
 * keeps answering until then. The version store is the record; the index is made to follow it.
 * Changes to one document are made one at a time.
 */
export class DocumentEditor {
  /** Changes to one document run one after another, so that two requests never interleave. */
  private readonly changes: KeyedQueue;
  /**
   * The drafts' preview index, kept between previews and brought up to date only where drafts
   * changed since: a preview costs a search, not an indexing of every draft.
   */
  private preview?: PreviewIndex;
  /** Documents whose drafts changed since the preview index was last brought up to date. */
  private readonly previewOutdated = new Set<string>();

  constructor(
    private readonly store: IndexStore,
    private readonly versions: DocumentVersionStore,
    private readonly options: {
      parseLimits: ParseLimits;
      embedder?: Embedder;
      chunking?: ChunkingOptions;
      /** An empty in-memory index, for trying questions on drafts. */
      openScratchIndex: () => IndexStore;
      /** The phrasings editors taught, written with each version indexed (and each draft previewed). */
      attachPhrasings?: AttachPhrasings;
      /** Shared with whatever else writes documents (their taught phrasings), so that the two never interleave. */
      changes?: KeyedQueue;
    },
  ) {
    this.changes = options.changes ?? new KeyedQueue();
  }

  /** Parses and chunks a new document and keeps it as a draft. Nothing is stored if parsing fails. */
  async upload(upload: Upload, actor: Actor): Promise<DocumentVersion> {
    // 64 random bits: ids never collide in practice, and the store refuses one that was ever used.
    const docId = `uploads/${slugOf(upload.fileName, upload.metadata.title)}-${randomBytes(8).toString("hex")}`;
    return this.addDraft(docId, upload, actor, "uploaded");
  }

  /**
   * A new version of an uploaded document, as a draft; the published version keeps answering.
   * Metadata not given again is carried over from the latest version.
   */
  async replace(docId: string, upload: Upload, actor: Actor): Promise<DocumentVersion> {
    return this.changes.run(docId, async () => {
      const [latest] = await this.requireUploaded(docId);
      const { format: _format, ...previous } = latest?.metadata ?? { format: undefined };
      return this.addDraft(docId, { ...upload, metadata: { ...previous, ...upload.metadata } }, actor, "replaced");
    });
  }

  /**
   * Publishes the draft (or republishes the latest version of an unpublished document). Returns the
   * document as the publish left it, read before any change queued behind it (a delete) is made.
   */
  async publish(docId: string, actor: Actor): Promise<DocumentDetail> {
    return this.changes.run(docId, async () => {
      const versions = await this.requireUploaded(docId);
      const hasPublished = versions.some((version) => version.state === "published");
      const target =
        versions.find((version) => version.state === "draft") ??
        (hasPublished ? undefined : versions.find((version) => version.state === "withdrawn"));
      if (!target) {
        throw new ConflictError("nothing_to_publish", `"${docId}" has no new version to publish; upload one first.`);
      }
      // Index first: if the record cannot be written after it, the next reconcile puts the index back.
      await this.writeToIndex(await this.fullVersion(docId, target.version));
      await this.versions.markPublished(docId, target.version, target.state, actor);
      this.previewOutdated.add(docId);
      return this.get(docId);
    });
  }

  /** Takes the published version out of search and answers; its versions are kept. Returns the document as it left it. */
  async unpublish(docId: string, actor: Actor): Promise<DocumentDetail> {
    return this.changes.run(docId, async () => {
      const versions = await this.requireUploaded(docId);
      const published = versions.find((version) => version.state === "published");
      if (!published) throw new ConflictError("not_published", `"${docId}" is not published.`);
      // Record first: if the index cannot be changed after it, the next reconcile takes the document out.
      await this.versions.markWithdrawn(docId, published.version, actor);
      this.previewOutdated.add(docId);
      await this.store.deleteDocument(docId);
      return this.get(docId);
    });
  }

  async delete(docId: string, actor: Actor): Promise<void> {
    return this.changes.run(docId, async () => {
      await this.requireUploaded(docId);
      await this.versions.delete(docId, actor);
      this.previewOutdated.add(docId);
      await this.store.deleteDocument(docId);
    });
  }

  /** Uploaded and folder documents, sorted by id. */
  async list(): Promise<DocumentSummary[]> {
    const uploaded = [...(await this.versions.summaries()).values()].flatMap((versions) => {
      const summary = summarizeUpload(versions);
      return summary ? [summary] : [];
    });
    const fromFolders = [...(await this.store.listDocuments()).values()]
      .filter((document) => document.sourceRoot !== UPLOADED_SOURCE)
      .map(summarizeFolderDocument);
    return [...uploaded, ...fromFolders].sort((left, right) => left.docId.localeCompare(right.docId));
  }

  async get(docId: string, versionNumber?: number): Promise<DocumentDetail> {
    const versions = await this.versions.versions(docId);
    const summary = summarizeUpload(versions);
    if (summary) {
      const shownNumber =
        versionNumber ?? summary.draftVersion ?? summary.publishedVersion ?? versions[0]?.version ?? 0;
      const shown = await this.versions.version(docId, shownNumber);
      if (!shown) throw new NotFoundError(`"${docId}" has no version ${versionNumber}.`);
      return {
        summary,
        versions,
        shownVersion: shown.version,
        text: shown.text,
        chunks: shown.chunks,
        audit: await this.versions.auditTrail(docId),
      };
    }
    const stored = await this.store.getDocument(docId);
    if (!stored || stored.document.sourceRoot === UPLOADED_SOURCE) throw documentNotFound(docId);
    if (versionNumber !== undefined) {
      throw new NotFoundError(`"${docId}" comes from the knowledge folder, which keeps no versions.`);
    }
    // A folder document's trail holds only what editors did to it here: its taught phrasings.
    return {
      summary: summarizeFolderDocument(stored.document),
      versions: [],
      chunks: stored.chunks,
      audit: await this.versions.auditTrail(docId),
    };
  }

  /**
   * An in-memory index in which the drafts are published, for trying a question on them before
   * publishing: it holds the drafts and the published documents the question finds, so that the
   * answer and its confidence are close to what students would get. It is kept for the next
   * preview: the caller must not close it. Only drafts changed since the last preview, and
   * published documents it does not hold yet (or holds in an older version), are written to it.
   */
  async previewIndex(queryTerms: string[]): Promise<IndexStore> {
    return this.changes.run(PREVIEW_QUEUE, async () => {
      const preview = await this.upToDatePreview();
      const hits = await this.store.searchChunks({ terms: queryTerms, limit: PREVIEW_NEIGHBOURS });
      const live = await this.store.listDocuments();
      // Published documents changed or removed since they were brought in are taken out again.
      for (const [docId, contentHash] of preview.neighbours) {
        if (live.get(docId)?.contentHash === contentHash) continue;
        await preview.index.deleteDocument(docId);
        preview.neighbours.delete(docId);
      }
      for (const docId of new Set(hits.map((hit) => hit.document.docId))) {
        if (preview.drafts.has(docId) || preview.neighbours.has(docId)) continue;
        const stored = await this.store.getDocument(docId);
        if (stored?.document.status !== "published") continue;
        await preview.index.replaceDocument({ ...stored.document, text: "" }, stored.chunks);
        preview.neighbours.set(docId, stored.document.contentHash);
      }
      return preview.index;
    });
  }

  /** The preview index with every current draft in it: all of them the first time, then the changed ones. */
  private async upToDatePreview(): Promise<PreviewIndex> {
    if (!this.preview) {
      const index = this.options.openScratchIndex();
      const drafts = await this.versions.inState("draft");
      for (const draft of drafts) await index.replaceDocument(indexRecordOf(draft), await this.taught(draft));
      this.previewOutdated.clear();
      this.preview = { index, drafts: new Set(drafts.map((draft) => draft.docId)), neighbours: new Map() };
      return this.preview;
    }
    const preview = this.preview;
    for (const docId of [...this.previewOutdated]) {
      this.previewOutdated.delete(docId);
      const draftNumber = (await this.versions.versions(docId)).find((version) => version.state === "draft")?.version;
      const draft = draftNumber === undefined ? undefined : await this.versions.version(docId, draftNumber);
      preview.neighbours.delete(docId);
      if (draft) {
        await preview.index.replaceDocument(indexRecordOf(draft), await this.taught(draft));
        preview.drafts.add(docId);
      } else {
        await preview.index.deleteDocument(docId);
        preview.drafts.delete(docId);
      }
    }
    return preview;
  }

  /**
   * Makes the index hold exactly the published uploads of this editorial file: after a crash
   * between the two writes, or for a new index (another Qdrant collection). Uploads this file never
   * held (another replica's, in a shared index) are left alone. Run at start, after the folder sync.
   */
  async reconcile(): Promise<ReconcileSummary> {
    const summary: ReconcileSummary = { written: 0, removed: 0, failures: [] };
    const stored = await this.store.listDocuments();
    const published = await this.versions.inState("published");
    const attempt = async (docId: string, change: () => Promise<void>) => {
      try {
        await change();
      } catch (error) {
        if (error instanceof StoreUnavailableError) throw error;
        summary.failures.push({ docId, reason: (error as Error).message });
      }
    };
    for (const version of published) {
      if (stored.get(version.docId)?.contentHash === hashIndexedVersion(version.contentHash)) continue;
      await attempt(version.docId, async () => {
        await this.writeToIndex(version);
        summary.written++;
      });
    }
    const publishedIds = new Set(published.map((version) => version.docId));
    for (const [docId, document] of stored) {
      if (document.sourceRoot !== UPLOADED_SOURCE || publishedIds.has(docId) || !(await this.versions.knows(docId))) {
        continue;
      }
      await attempt(docId, async () => {
        await this.store.deleteDocument(docId);
        summary.removed++;
      });
    }
    return summary;
  }

  /**
   * Brings the index in step with the record for one uploaded document that another replica
   * changed: its published version is written (unless the index holds it already), or the
   * document is taken out when none is published any more. Folder documents are the folder sync's.
   */
  async follow(docId: string): Promise<void> {
    return this.changes.run(docId, async () => {
      this.previewOutdated.add(docId);
      const published = (await this.versions.versions(docId)).find((version) => version.state === "published");
      const stored = (await this.store.getDocument(docId))?.document;
      if (published) {
        if (stored?.contentHash === hashIndexedVersion(published.contentHash)) return;
        await this.writeToIndex(await this.fullVersion(docId, published.version));
      } else if (stored?.sourceRoot === UPLOADED_SOURCE) {
        await this.store.deleteDocument(docId);
      }
    });
  }

  private async addDraft(
    docId: string,
    upload: Upload,
    actor: Actor,
    action: "uploaded" | "replaced",
  ): Promise<DocumentVersion> {
    const chunking = this.options.chunking ?? defaultChunkingOptions;
    const fileHash = hashContent(upload.bytes, chunking);
    const byteSize = upload.bytes.length;
    const parsed = await parseInWorker({
      origin: "upload",
      fileName: upload.fileName,
      docId,
      bytes: upload.bytes,
      limits: this.options.parseLimits,
      chunking,
    });
    // What the editor gave wins over what the file says; the rest is filled in as for folder files,
    // except the title and collection, which an upload's id cannot suggest.
    const { document, chunks } = recordsOfPrepared(
      {
        ...parsed,
        ...upload.metadata,
        title: upload.metadata.title ?? parsed.title ?? (titleFromFileName(upload.fileName) || "Untitled document"),
        collection: upload.metadata.collection ?? parsed.collection ?? "general",
      },
      { docId, sourceRoot: UPLOADED_SOURCE, contentHash: "" },
    );
    const { title, url, collection, tags, lang, effectiveDate, format } = document;
    const metadata: VersionMetadata = { title, url, collection, tags, lang, effectiveDate, format };
    // The hash covers the metadata too: a new title is a change to publish.
    const contentHash = createHash("sha256").update(fileHash).update(JSON.stringify(metadata)).digest("hex");
    const draft = await this.versions.addDraft(
      {
        docId,
        metadata,
        sourceName: path.basename(upload.fileName),
        byteSize,
        text: document.text,
        chunks,
        contentHash,
      },
      action,
      actor,
    );
    this.previewOutdated.add(docId);
    return draft;
  }

  private async writeToIndex(version: DocumentVersion): Promise<void> {
    const { embedder } = this.options;
    // An embedding server that fails leaves the document searchable lexically; a sync fills its vectors in.
    const vectors = embedder && (await embedChunks(embedder, version.chunks, true).catch(() => undefined));
    await this.store.replaceDocument(indexRecordOf(version), await this.taught(version), { vectors });
  }

  /** A version's chunks with the phrasings editors taught for its passages. */
  private async taught(version: DocumentVersion): Promise<ChunkRecord[]> {
    return (await this.options.attachPhrasings?.(version.docId, version.chunks)) ?? version.chunks;
  }

  private async fullVersion(docId: string, version: number): Promise<DocumentVersion> {
    const full = await this.versions.version(docId, version);
    if (!full) throw new VersionConflictError(docId);
    return full;
  }

  private async requireUploaded(docId: string): Promise<VersionSummary[]> {
    const versions = await this.versions.versions(docId);
    if (versions.length > 0) return versions;
    const stored = await this.store.getDocument(docId);
    if (stored && stored.document.sourceRoot !== UPLOADED_SOURCE) throw new FolderDocumentError(docId);
    throw documentNotFound(docId);
  }
}

/** How many passages of the live index the draft preview brings along, with their documents. */
const PREVIEW_NEIGHBOURS = 20;
/** The queue key previews take turns on; no document id has parentheses. */
const PREVIEW_QUEUE = "(preview)";

interface PreviewIndex {
  index: IndexStore;
  /** Documents whose draft it holds. */
  drafts: Set<string>;
  /** Published documents it holds, with the content hash they were brought in with. */
  neighbours: Map<string, string>;
}

/** A version as the index stores it: published, from uploads. */
function indexRecordOf(version: DocumentVersion): DocumentRecord {
  return {
    docId: version.docId,
    ...version.metadata,
    status: "published",
    sourceRoot: UPLOADED_SOURCE,
    contentHash: hashIndexedVersion(version.contentHash),
    text: version.text,
  };
}

function documentNotFound(docId: string): NotFoundError {
  return new NotFoundError(`No document "${docId}".`);
}

function summarizeUpload(versions: VersionSummary[]): DocumentSummary | undefined {
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
