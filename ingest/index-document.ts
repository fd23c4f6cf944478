import { createHash } from "node:crypto";
import path from "node:path";
import type { ChunkRecord, DocumentRecord } from "../src/store/index-store.js";
import { type ChunkedDocument, type ChunkingOptions, chunkDocument, defaultChunkingOptions } from "./chunk-document.js";
import type { ParsedDocument } from "./parsed-document.js";

/** Bump when parsing, chunking or tokenising changes, so that a sync re-indexes unchanged files. */
const PIPELINE_VERSION = "34";

/** Identifies a file's content together with the pipeline that indexes it. */
export function hashContent(bytes: Uint8Array, chunking: ChunkingOptions = defaultChunkingOptions): string {
  return createHash("sha256")
    .update(`${PIPELINE_VERSION}:${JSON.stringify(chunking)}:`)
    .update(bytes)
    .digest("hex");
}

/**
 * What the index records as the content of an uploaded version: its content with the pipeline that
 * tokenises it. An upload's chunks are kept as they were parsed, but their terms are written anew
 * with each index write, so a tokenising change has uploads written again too.
 */
export function hashIndexedVersion(versionHash: string): string {
  return createHash("sha256").update(`${PIPELINE_VERSION}:`).update(versionHash).digest("hex");
}

export interface DocumentOrigin {
  docId: string;
  sourceRoot: string;
  contentHash: string;
}

/**
 * Adds to a document's chunks what editors taught about it (the other wordings of its passages,
 * src/editorial/passage-phrasings.ts) before they are written into the index.
 */
export type AttachPhrasings = (docId: string, chunks: ChunkRecord[]) => Promise<ChunkRecord[]>;

/** A parsed document cut into chunks: its metadata, its text and its chunks (the blocks are spent). */
export type PreparedDocument = Omit<ParsedDocument, "blocks"> & ChunkedDocument;

/** The stored form of a parsed document: metadata with defaults filled in, and its chunks. */
export function buildDocumentRecords(
  parsed: ParsedDocument,
  origin: DocumentOrigin,
  chunking: ChunkingOptions = defaultChunkingOptions,
): { document: DocumentRecord; chunks: ChunkRecord[] } {
  const { blocks, ...metadata } = parsed;
  return recordsOfPrepared({ ...metadata, ...chunkDocument(origin.docId, blocks, chunking) }, origin);
}

/** The stored form of a document already chunked (by the parsing thread). */
export function recordsOfPrepared(
  prepared: PreparedDocument,
  origin: DocumentOrigin,
): { document: DocumentRecord; chunks: ChunkRecord[] } {
  const document: DocumentRecord = {
    ...origin,
    title: prepared.title ?? titleFromFileName(origin.docId),
    url: webAddress(prepared.url),
    // A file in `registrar/` belongs to the registrar collection unless it says otherwise.
    collection: prepared.collection ?? (origin.docId.includes("/") ? (origin.docId.split("/")[0] ?? "") : "general"),
    tags: prepared.tags ?? [],
    lang: prepared.lang,
    status: prepared.status ?? "published",
    effectiveDate: prepared.effectiveDate,
    format: prepared.format,
    text: prepared.text,
  };
  return { document, chunks: prepared.chunks };
}

/** Only http(s) links are kept: a `javascript:` or `data:` URL from a file would run wherever it is shown as a link. */
export function webAddress(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\//i.test(url.trim()) ? url.trim() : undefined;
}

/** "it/it-helpdesk-faq.csv" → "it helpdesk faq": a readable title for a file that has none. */
export function titleFromFileName(docId: string): string {
  return path.posix
    .basename(docId)
    .replace(/\.[^.]+$/, "")
    .replace(/[-_]+/g, " ")
    .trim();
}
