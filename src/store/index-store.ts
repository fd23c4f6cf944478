/** The index port: where documents and their chunks are kept and searched. Vendor-free. */

export type DocumentStatus = "published" | "draft";
export type DocumentFormat = "markdown" | "text" | "html" | "pdf" | "faq";

export interface DocumentRecord {
  /** Path relative to the synced folder, with `/` separators. */
  docId: string;
  title: string;
  url?: string;
  collection: string;
  tags: string[];
  lang?: string;
  status: DocumentStatus;
  effectiveDate?: string;
  format: DocumentFormat;
  /** The folder the document was synced from; a sync removes only what came from its own folder. */
  sourceRoot: string;
  /** Hash of the file and the pipeline that indexed it: equal hash, nothing to redo. */
  contentHash: string;
  /** The extracted text that chunk offsets point into. */
  text: string;
}

/** What the index keeps of a document, apart from its text. */
export type StoredDocument = Omit<DocumentRecord, "text">;

/** The document point of a stored copy that came from uploads rather than a folder. */
export const UPLOADED_SOURCE = "(uploaded)";

export interface ChunkRecord {
  chunkId: string;
  docId: string;
  position: number;
  /** Verbatim slice `text.slice(start, end)` of the document's extracted text. */
  text: string;
  headingPath: string[];
  page?: number;
  start: number;
  end: number;
  /** Set on a curated FAQ pair: `text` is then its answer. */
  faqQuestion?: string;
  /**
   * Other wordings of what the passage answers, taught by editors (src/editorial/passage-phrasings.ts):
   * searched as a field of their own and counted in `ChunkHit.terms`, never quoted.
   */
  phrasings?: string[];
}

export interface SearchRequest {
  /** Query terms from `analyzeQuery`; adapters must not re-tokenise. */
  terms: string[];
  /**
   * The query's embedding. When it fits the index's space, the search is hybrid: up to `limit`
   * chunks by BM25 and up to `limit` by meaning, fused by reciprocal rank.
   */
  dense?: QueryVector;
  collection?: string;
  limit: number;
}

/** A query's vector and the model that made it: another model's space is never searched with it. */
export interface QueryVector {
  model: string;
  vector: number[];
}

/**
 * Reciprocal-rank fusion constant, in Qdrant's form 1/(k + rank from 0): 61 is the usual 60 of
 * 1/(60 + rank from 1), which keeps the top few of each list close together.
 */
export const RRF_K = 61;

export interface ChunkHit {
  chunk: ChunkRecord;
  document: Pick<DocumentRecord, "docId" | "title" | "url" | "collection" | "lang">;
  /** BM25 relevance, higher is better, comparable only within one search; 0 when found by meaning only. */
  score: number;
  /** Set by a hybrid search: the reciprocal-rank fusion score the hits are ordered by. */
  fused?: number;
  /** The distinct index terms of the chunk (title, heading, FAQ question, body and taught phrasings). */
  terms: ReadonlySet<string>;
}

export interface TermStatistics {
  /** Number of indexed chunks. */
  chunkCount: number;
  /** In how many chunks each asked term occurs (absent terms are missing). */
  chunkFrequency: ReadonlyMap<string, number>;
}

export interface ReplaceOptions {
  /** A source folder that no longer exists, whose copy of this document may be replaced. */
  takeOverFrom?: string;
  /** Embeddings of the document's chunks; stored only if their model is the index's. */
  vectors?: ChunkVectors;
}

/** Vectors by chunkId, and the model that made them. */
export interface ChunkVectors {
  model: string;
  byChunk: ReadonlyMap<string, number[]>;
}

/** The model whose vectors the index holds; vectors of two models are never mixed. */
export interface EmbeddingSpace {
  model: string;
  dimensions: number;
}

/** The index cannot take the new embedding space in place; the message says how to re-index. */
export class ReindexRequiredError extends Error {}

export interface IndexStore {
  /**
   * Whether other machines write to it too (Qdrant): a source folder this machine cannot see may
   * then be another machine's, not one that vanished.
   */
  readonly isShared: boolean;
  /** Every stored document (published or draft), by docId. */
  listDocuments(): Promise<Map<string, StoredDocument>>;
  /** One stored document and its chunks in reading order, or nothing. */
  getDocument(docId: string): Promise<{ document: StoredDocument; chunks: ChunkRecord[] } | undefined>;
  /**
   * Replaces a document and all its chunks: readers never see it missing. SQLite does it in one
   * transaction (old or new, never a mix); Qdrant writes the new chunks before pruning the old.
   * Throws DocumentConflictError when the stored copy came from another source folder than
   * `document.sourceRoot` (and not from `options.takeOverFrom`): checked inside the write in SQLite,
   * just before it in Qdrant.
   */
  replaceDocument(document: DocumentRecord, chunks: ChunkRecord[], options?: ReplaceOptions): Promise<void>;
  deleteDocument(docId: string): Promise<void>;
  /**
   * Sets the taught phrasings of a document's chunks, by chunkId (a chunk left out gets none),
   * re-writing only that field and the chunks' terms: their text, vectors and the other documents
   * stay as they are. A draft keeps them unsearched; an unknown document is left alone.
   */
  setChunkPhrasings(docId: string, phrasings: ReadonlyMap<string, readonly string[]>): Promise<void>;
  /** Collections that have at least one published document, sorted. */
  listCollections(): Promise<string[]>;
  /** Published chunks only, best first: by BM25, or by fused rank when the request has a fitting `dense` vector. */
  searchChunks(request: SearchRequest): Promise<ChunkHit[]>;
  termStatistics(terms: string[]): Promise<TermStatistics>;
  /** The embedding space of the stored vectors, if any. */
  embeddingSpace(): Promise<EmbeddingSpace | undefined>;
  /**
   * Starts a new space (another model or size). SQLite drops its vectors and keeps the chunks, to be
   * filled in; Qdrant rebuilds a collection without vectors and refuses, with ReindexRequiredError,
   * one that holds another model's.
   */
  resetEmbeddingSpace(space: EmbeddingSpace): Promise<void>;
  /** Published chunks that have no vector yet (after a reset, or before embeddings were enabled). */
  chunksWithoutVectors(limit: number): Promise<Pick<ChunkRecord, "chunkId" | "text">[]>;
  /** Stores vectors of published chunks; vectors of another model than the space's are ignored. */
  setChunkVectors(vectors: ChunkVectors): Promise<void>;
  close(): Promise<void>;
}

/** A vector that can be compared: numbers only, not all zero. */
export function isUsableVector(vector: readonly number[]): boolean {
  return vector.length > 0 && vector.every(Number.isFinite) && vector.some((value) => value !== 0);
}

/**
 * The vectors an index in `space` may store: those of its model, of its size and usable. Vectors of
 * another model are never mixed in; a vector that would rank by accident is left out.
 */
export function vectorsInSpace(
  vectors: ChunkVectors | undefined,
  space: EmbeddingSpace | undefined,
): Map<string, number[]> | undefined {
  if (!vectors || !space || vectors.model !== space.model) return undefined;
  return new Map(
    [...vectors.byChunk].filter(([, vector]) => vector.length === space.dimensions && isUsableVector(vector)),
  );
}

/** Whether a query vector can be searched in `space`. */
export function queryFitsSpace(query: QueryVector, space: EmbeddingSpace | undefined): boolean {
  return space?.model === query.model && query.vector.length === space.dimensions && isUsableVector(query.vector);
}
