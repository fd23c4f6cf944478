import fs from "node:fs/promises";
import path from "node:path";
import { defaultParseLimits, type ParseLimits } from "../src/config.js";
import type { CachedEmbedder } from "../src/embedding/cached-embedder.js";
import { DocumentConflictError, StoreUnavailableError } from "../src/errors.js";
import { type IndexStore, ReindexRequiredError } from "../src/store/index-store.js";
import { type ChunkingOptions, defaultChunkingOptions } from "./chunk-document.js";
import { embedChunks, fillMissingVectors, prepareEmbeddingSpace } from "./embed-chunks.js";
import { type AttachPhrasings, hashContent, recordsOfPrepared } from "./index-document.js";
import { parseInWorker } from "./parse-in-worker.js";

export interface SyncFailure {
  path: string;
  reason: string;
}

export interface SyncSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** Chunks written by this sync (of added and updated documents). */
  chunks: number;
  /** Texts sent to the embedding model (cached ones are not); 0 without one. */
  embedded: number;
  seconds: number;
  failures: SyncFailure[];
}

export class FolderNotFoundError extends Error {}

export interface SyncOptions {
  embedder?: CachedEmbedder;
  /** MAX_PDF_PAGES, PARSE_TIMEOUT_MS and the other parsing limits; their defaults when absent. */
  parseLimits?: ParseLimits;
  /** The phrasings editors taught, written with each document (re-)indexed; none without it. */
  attachPhrasings?: AttachPhrasings;
}

/** The failure path under which a sync reports that the embedding model failed (documents are still indexed). */
export const EMBEDDINGS_FAILURE = "(embeddings)";

/** Larger files are refused before they are read: the sync runs inside the service. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

async function isFolder(folder: string): Promise<boolean> {
  return (await fs.stat(folder).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * Makes the index hold the folder's documents: new and changed files are (re)indexed,
 * one document at a time, files gone from the folder are removed, unchanged files are skipped by
 * content hash. A file that fails keeps its previously indexed version and is reported.
 */
export async function syncFolder(
  store: IndexStore,
  folder: string,
  chunking: ChunkingOptions = defaultChunkingOptions,
  options: SyncOptions = {},
): Promise<SyncSummary> {
  const startedAt = performance.now();
  const embeddedBefore = options.embedder?.embeddedTexts ?? 0;
  const sourceRoot = path.resolve(folder);
  const files = await listDocumentFiles(sourceRoot);
  const summary: SyncSummary = {
    added: 0,
    updated: 0,
    removed: 0,
    unchanged: 0,
    chunks: 0,
    embedded: 0,
    seconds: 0,
    failures: [],
  };
  // An embedding model that fails does not stop the sync: documents are indexed for lexical
  // search, and their vectors are filled in by a later sync.
  let embedder = options.embedder;
  const stopEmbedding = (error: unknown): undefined => {
    if (error instanceof ReindexRequiredError) throw error;
    summary.failures.push({
      path: EMBEDDINGS_FAILURE,
      reason: `${(error as Error).message}; vectors are filled in by the next sync`,
    });
    embedder = undefined;
  };
  // Before listing what is stored: a new embedding space may start the index afresh.
  if (embedder) await prepareEmbeddingSpace(store, embedder).catch(stopEmbedding);
  const stored = await store.listDocuments();
  // A folder that no longer exists (moved, or another path in a container) gives up its documents;
  // not with a shared index, where another machine's folder merely cannot be seen from here.
  const vanishedRoots = new Set<string>();
  if (!store.isShared) {
    for (const root of new Set([...stored.values()].map((document) => document.sourceRoot))) {
      // Only folders vanish: uploads (UPLOADED_SOURCE) are never a sync's to take.
      if (root !== sourceRoot && path.isAbsolute(root) && !(await isFolder(root))) vanishedRoots.add(root);
    }
  }
  const ownedHere = (root: string) => root === sourceRoot || vanishedRoots.has(root);

  for (const docId of files) {
    try {
      const owner = stored.get(docId)?.sourceRoot;
      if (owner !== undefined && !ownedHere(owner)) throw new DocumentConflictError(docId, owner);
      // The store checks ownership again inside its write, in case another sync got there first.
      const takeOverFrom = owner !== undefined && vanishedRoots.has(owner) ? owner : undefined;
      const file = path.join(sourceRoot, docId);
      if ((await fs.stat(file)).size > MAX_FILE_BYTES) {
        throw new Error(`the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
      }
      const bytes = new Uint8Array(await fs.readFile(file));
      const contentHash = hashContent(bytes, chunking);
      const storedHash = stored.get(docId)?.contentHash;
      if (storedHash === contentHash && owner === sourceRoot) {
        summary.unchanged++;
        continue;
      }
      const prepared = await parseInWorker({
        origin: "folder",
        fileName: docId,
        docId,
        bytes,
        limits: options.parseLimits ?? defaultParseLimits,
        chunking,
      });
      const { document, chunks: parsedChunks } = recordsOfPrepared(prepared, { docId, sourceRoot, contentHash });
      // An unchanged file was skipped above: its chunks keep the phrasings they were written with.
      const chunks = (await options.attachPhrasings?.(docId, parsedChunks)) ?? parsedChunks;
      const vectors =
        embedder && (await embedChunks(embedder, chunks, document.status === "published").catch(stopEmbedding));
      await store.replaceDocument(document, chunks, { takeOverFrom, vectors });
      summary.chunks += chunks.length;
      if (storedHash === undefined) summary.added++;
      else summary.updated++;
    } catch (error) {
      // An index that stops answering fails the sync, not file after file.
      if (error instanceof StoreUnavailableError) throw error;
      summary.failures.push({ path: docId, reason: (error as Error).message });
    }
  }

  const present = new Set(files);
  for (const [docId, document] of stored) {
    if (ownedHere(document.sourceRoot) && !present.has(docId)) {
      await store.deleteDocument(docId);
      summary.removed++;
    }
  }
  if (embedder) await fillMissingVectors(store, embedder).catch(stopEmbedding);
  summary.embedded = (options.embedder?.embeddedTexts ?? 0) - embeddedBefore;
  summary.seconds = (performance.now() - startedAt) / 1000;
  return summary;
}

/**
 * Paths relative to the folder, with `/` separators, sorted; hidden files and folders are skipped,
 * and so are files whose names start with `_`: they are the deployment's settings
 * (`_help-desk.yml`), never documents to quote.
 */
async function listDocumentFiles(folder: string): Promise<string[]> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  } catch (error) {
    const isFile = (error as NodeJS.ErrnoException).code === "ENOTDIR";
    throw new FolderNotFoundError(
      isFile
        ? `${folder} is a file; give the folder that holds the documents`
        : `cannot read the folder ${folder}: does it exist?`,
    );
  }
  return (
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .filter((relativePath) => !relativePath.split("/").some((part) => part.startsWith(".")))
      // `_vocabulary.yml`, `_actions/…`: a `_` name marks settings, never documents to quote.
      .filter((relativePath) => !relativePath.split("/").some((part) => part.startsWith("_")))
      .sort()
  );
}
