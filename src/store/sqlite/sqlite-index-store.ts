import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import * as sqliteVec from "sqlite-vec";
import { DocumentConflictError, isCorruptDatabaseError, StoreUnavailableError } from "../../errors.js";
import { analyzeText } from "../../text/tokenize.js";
import { chunkFields, FIELD_WEIGHTS } from "../chunk-fields.js";
import {
  type ChunkHit,
  type ChunkRecord,
  type ChunkVectors,
  type DocumentFormat,
  type DocumentRecord,
  type DocumentStatus,
  type EmbeddingSpace,
  type IndexStore,
  queryFitsSpace,
  type ReplaceOptions,
  RRF_K,
  type SearchRequest,
  type StoredDocument,
  type TermStatistics,
  vectorsInSpace,
} from "../index-store.js";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    url TEXT,
    collection TEXT NOT NULL,
    tags TEXT NOT NULL,
    lang TEXT,
    status TEXT NOT NULL,
    effective_date TEXT,
    format TEXT NOT NULL,
    source_root TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY,
    chunk_id TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    heading_path TEXT NOT NULL,
    page INTEGER,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    faq_question TEXT,
    phrasings TEXT
  );
  CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks(doc_id);
  -- Terms are produced by our own analyzer and stored space-separated; unicode61 only splits them.
  CREATE VIRTUAL TABLE IF NOT EXISTS chunk_terms USING fts5(
    title, heading, question, body, phrasing, tokenize = 'unicode61 remove_diacritics 0'
  );
  CREATE VIRTUAL TABLE IF NOT EXISTS chunk_term_counts USING fts5vocab(chunk_terms, row);
  CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/**
 * The layout of the tables above, kept in the file's `user_version`. A file of an older layout is
 * emptied and laid out anew when opened: everything in it is refilled by the first sync (the
 * knowledge folder) and the reconcile of editorial.sqlite (published uploads, taught phrasings).
 * 1: chunks have taught phrasings, searched as a column of their own.
 */
const SCHEMA_VERSION = 1;

/** Every table of the index, dropped when an older layout is replaced (the vector table too: its rows point to chunks). */
const TABLES = ["chunk_vectors", "chunk_term_counts", "chunk_terms", "chunks", "documents", "settings"];

const EMBEDDING_SPACE_KEY = "embedding_space";

const DOCUMENT_COLUMNS =
  "doc_id, title, url, collection, tags, lang, status, effective_date, format, source_root, content_hash";

interface DocumentRow {
  doc_id: string;
  title: string;
  url: string | null;
  collection: string;
  tags: string;
  lang: string | null;
  status: DocumentStatus;
  effective_date: string | null;
  format: DocumentFormat;
  source_root: string;
  content_hash: string;
}

function toStoredDocument(row: DocumentRow): StoredDocument {
  return {
    docId: row.doc_id,
    title: row.title,
    ...(row.url ? { url: row.url } : {}),
    collection: row.collection,
    tags: JSON.parse(row.tags) as string[],
    ...(row.lang ? { lang: row.lang } : {}),
    status: row.status,
    ...(row.effective_date ? { effectiveDate: row.effective_date } : {}),
    format: row.format,
    sourceRoot: row.source_root,
    contentHash: row.content_hash,
  };
}

interface ChunkRow {
  id: number;
  chunk_id: string;
  doc_id: string;
  position: number;
  text: string;
  heading_path: string;
  page: number | null;
  start_offset: number;
  end_offset: number;
  faq_question: string | null;
  /** JSON array, or NULL when the chunk has none. */
  phrasings: string | null;
}

interface SearchRow extends ChunkRow {
  title: string;
  url: string | null;
  collection: string;
  lang: string | null;
  relevance: number;
  title_terms: string;
  heading_terms: string;
  question_terms: string;
  body_terms: string;
  phrasing_terms: string;
}

/** The embedded index: one SQLite file, BM25 through FTS5, dense vectors through sqlite-vec. */
export class SqliteIndexStore implements IndexStore {
  readonly isShared = false;
  private readonly database: Database.Database;
  private readonly statements;
  /**
   * Vector statements exist only while a space does, and are prepared again when another process
   * (`npm run ingest`) starts a new one: the space is read from the file at every use.
   */
  private vectorStatements:
    | {
        /** The stored setting these were prepared for. */
        stored: string;
        space: EmbeddingSpace;
        statements: ReturnType<SqliteIndexStore["prepareVectorStatements"]>;
      }
    | undefined;

  constructor(databaseFile: string) {
    if (databaseFile !== ":memory:") fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
    try {
      this.database = new Database(databaseFile);
      this.database.pragma("journal_mode = WAL");
      this.database.pragma("foreign_keys = ON");
      // Before the layout is checked: an older one's vector table can be dropped only with its module.
      sqliteVec.load(this.database);
      this.layOut(databaseFile);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(`Cannot open the index at ${databaseFile}: ${(error as Error).message}`);
    }
    const weights = Object.values(FIELD_WEIGHTS).join(", ");
    this.statements = {
      documents: this.database.prepare<[], DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY doc_id`),
      document: this.database.prepare<[string], DocumentRow>(
        `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE doc_id = ?`,
      ),
      chunksOfDocument: this.database.prepare<[string], ChunkRow>(
        "SELECT * FROM chunks WHERE doc_id = ? ORDER BY position",
      ),
      documentOwner: this.database.prepare<[string], { source_root: string }>(
        "SELECT source_root FROM documents WHERE doc_id = ?",
      ),
      collections: this.database.prepare<[], { collection: string }>(
        "SELECT DISTINCT collection FROM documents WHERE status = 'published' ORDER BY collection",
      ),
      deleteChunkTerms: this.database.prepare<[string]>(
        "DELETE FROM chunk_terms WHERE rowid IN (SELECT id FROM chunks WHERE doc_id = ?)",
      ),
      deleteChunks: this.database.prepare<[string]>("DELETE FROM chunks WHERE doc_id = ?"),
      deleteDocument: this.database.prepare<[string]>("DELETE FROM documents WHERE doc_id = ?"),
      upsertDocument: this.database.prepare(
        `INSERT INTO documents (doc_id, title, url, collection, tags, lang, status, effective_date, format,
           source_root, content_hash, text, updated_at)
         VALUES (@docId, @title, @url, @collection, @tags, @lang, @status, @effectiveDate, @format,
           @sourceRoot, @contentHash, @text, @updatedAt)
         ON CONFLICT(doc_id) DO UPDATE SET title = excluded.title, url = excluded.url,
           collection = excluded.collection, tags = excluded.tags, lang = excluded.lang,
           status = excluded.status, effective_date = excluded.effective_date, format = excluded.format,
           source_root = excluded.source_root, content_hash = excluded.content_hash, text = excluded.text,
           updated_at = excluded.updated_at`,
      ),
      insertChunk: this.database.prepare(
        `INSERT INTO chunks (chunk_id, doc_id, position, text, heading_path, page, start_offset, end_offset,
           faq_question, phrasings)
         VALUES (@chunkId, @docId, @position, @text, @headingPath, @page, @start, @end, @faqQuestion, @phrasings)`,
      ),
      insertChunkTerms: this.database.prepare(
        "INSERT INTO chunk_terms (rowid, title, heading, question, body, phrasing) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      deleteTermsOfChunk: this.database.prepare<[number]>("DELETE FROM chunk_terms WHERE rowid = ?"),
      setPhrasings: this.database.prepare<[string | null, number]>("UPDATE chunks SET phrasings = ? WHERE id = ?"),
      titleAndStatus: this.database.prepare<[string], { title: string; status: DocumentStatus }>(
        "SELECT title, status FROM documents WHERE doc_id = ?",
      ),
      search: this.database.prepare<[{ match: string; collection: string | null; limit: number }], SearchRow>(
        `SELECT chunks.*, documents.title, documents.url, documents.collection, documents.lang,
           -bm25(chunk_terms, ${weights}) AS relevance,
           chunk_terms.title AS title_terms, chunk_terms.heading AS heading_terms,
           chunk_terms.question AS question_terms, chunk_terms.body AS body_terms,
           chunk_terms.phrasing AS phrasing_terms
         FROM chunk_terms
         JOIN chunks ON chunks.id = chunk_terms.rowid
         JOIN documents ON documents.doc_id = chunks.doc_id
         WHERE chunk_terms MATCH @match AND documents.status = 'published'
           AND (@collection IS NULL OR documents.collection = @collection)
         ORDER BY relevance DESC
         LIMIT @limit`,
      ),
      // Only published chunks have terms, so drafts never sway the statistics.
      // FTS5 keeps one `_docsize` row per indexed chunk; counting the virtual table itself scans it.
      chunkCount: this.database.prepare<[], { count: number }>("SELECT count(*) AS count FROM chunk_terms_docsize"),
      chunkFrequencies: this.database.prepare<[string], { term: string; doc: number }>(
        "SELECT term, doc FROM chunk_term_counts WHERE term IN (SELECT value FROM json_each(?))",
      ),
      setting: this.database.prepare<[string], { value: string }>("SELECT value FROM settings WHERE key = ?"),
      saveSetting: this.database.prepare<[string, string]>(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ),
      chunksByIds: this.database.prepare<[string], SearchRow>(
        `SELECT chunks.*, documents.title, documents.url, documents.collection, documents.lang, 0 AS relevance,
           chunk_terms.title AS title_terms, chunk_terms.heading AS heading_terms,
           chunk_terms.question AS question_terms, chunk_terms.body AS body_terms,
           chunk_terms.phrasing AS phrasing_terms
         FROM chunks
         JOIN documents ON documents.doc_id = chunks.doc_id
         JOIN chunk_terms ON chunk_terms.rowid = chunks.id
         WHERE chunks.id IN (SELECT value FROM json_each(?)) AND documents.status = 'published'`,
      ),
      chunkForVector: this.database.prepare<[string], { id: number; collection: string }>(
        `SELECT chunks.id, documents.collection FROM chunks JOIN documents ON documents.doc_id = chunks.doc_id
         WHERE chunks.chunk_id = ? AND documents.status = 'published'`,
      ),
    };
  }

  async listDocuments(): Promise<Map<string, StoredDocument>> {
    const rows = this.read(() => this.statements.documents.all());
    return new Map(rows.map((row) => [row.doc_id, toStoredDocument(row)]));
  }

  async getDocument(docId: string): Promise<{ document: StoredDocument; chunks: ChunkRecord[] } | undefined> {
    return this.read(() => {
      const row = this.statements.document.get(docId);
      if (!row) return undefined;
      return {
        document: toStoredDocument(row),
        chunks: this.statements.chunksOfDocument.all(docId).map(toChunkRecord),
      };
    });
  }

  async listCollections(): Promise<string[]> {
    return this.read(() => this.statements.collections.all().map((row) => row.collection));
  }

  async replaceDocument(document: DocumentRecord, chunks: ChunkRecord[], options: ReplaceOptions = {}): Promise<void> {
    const titleTerms = analyzeText(document.title);
    // IMMEDIATE takes the write lock first, so two syncs cannot both pass the owner check.
    this.database
      .transaction(() => {
        // Vectors of another model than the index's (a sync that raced a model change) are left
        // out, never mixed in: the chunks are then embedded again by the next sync.
        const target = this.vectorSpace();
        const insertVector = target?.statements.insert;
        const vectors = target && vectorsInSpace(options.vectors, target.space);
        const owner = this.statements.documentOwner.get(document.docId)?.source_root;
        if (owner !== undefined && owner !== document.sourceRoot && owner !== options.takeOverFrom) {
          throw new DocumentConflictError(document.docId, owner);
        }
        this.removeDocumentRows(document.docId, target);
        this.statements.upsertDocument.run({
          ...document,
          url: document.url ?? null,
          lang: document.lang ?? null,
          effectiveDate: document.effectiveDate ?? null,
          tags: JSON.stringify(document.tags),
          updatedAt: new Date().toISOString(),
        });
        for (const chunk of chunks) {
          const { lastInsertRowid } = this.statements.insertChunk.run({
            ...chunk,
            headingPath: JSON.stringify(chunk.headingPath),
            page: chunk.page ?? null,
            faqQuestion: chunk.faqQuestion ?? null,
            phrasings: phrasingsColumn(chunk.phrasings),
          });
          // A draft is stored (editors will preview it) but has no terms: it cannot be found or cited.
          if (document.status !== "published") continue;
          const vector = vectors?.get(chunk.chunkId);
          if (vector) insertVector?.run(BigInt(lastInsertRowid), new Float32Array(vector), document.collection);
          const fields = chunkFields(titleTerms, chunk).map(([terms]) => terms.join(" "));
          this.statements.insertChunkTerms.run(lastInsertRowid, ...fields);
        }
      })
      .immediate();
  }

  async deleteDocument(docId: string): Promise<void> {
    this.database.transaction(() => this.removeDocumentRows(docId, this.vectorSpace()))();
  }

  async setChunkPhrasings(docId: string, phrasings: ReadonlyMap<string, readonly string[]>): Promise<void> {
    this.database
      .transaction(() => {
        const document = this.statements.titleAndStatus.get(docId);
        if (!document) return;
        const titleTerms = analyzeText(document.title);
        for (const row of this.statements.chunksOfDocument.all(docId)) {
          const column = phrasingsColumn(phrasings.get(row.chunk_id));
          if (column === row.phrasings) continue;
          this.statements.setPhrasings.run(column, row.id);
          // A draft's chunks have no terms to re-write.
          if (document.status !== "published") continue;
          const chunk = { ...toChunkRecord(row), phrasings: [...(phrasings.get(row.chunk_id) ?? [])] };
          this.statements.deleteTermsOfChunk.run(row.id);
          this.statements.insertChunkTerms.run(
            row.id,
            ...chunkFields(titleTerms, chunk).map(([terms]) => terms.join(" ")),
          );
        }
      })
      .immediate();
  }

  async searchChunks(request: SearchRequest): Promise<ChunkHit[]> {
    return this.read(() => {
      const lexical = this.lexicalHits(request);
      const target = this.vectorSpace();
      if (!request.dense || !target || !queryFitsSpace(request.dense, target.space)) return lexical;
      const { statements } = target;
      const vector = new Float32Array(request.dense.vector);
      const nearest =
        request.collection === undefined
          ? statements.nearest.all(vector, request.limit)
          : statements.nearestInCollection.all(vector, request.limit, request.collection);
      const rank = new Map(nearest.map((row, index) => [row.rowid, index]));
      const similar = this.statements.chunksByIds
        .all(JSON.stringify(nearest.map((row) => row.rowid)))
        .sort((left, right) => (rank.get(left.id) ?? 0) - (rank.get(right.id) ?? 0))
        // Found by meaning: its BM25 score, if it has one, comes from the lexical list.
        .map((row) => ({ ...toChunkHit(row), score: 0 }));
      return fuseByReciprocalRank(lexical, similar, request.limit);
    });
  }

  private lexicalHits(request: SearchRequest): ChunkHit[] {
    if (request.terms.length === 0) return [];
    const matchExpression = request.terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(" OR ");
    return this.statements.search
      .all({ match: matchExpression, collection: request.collection ?? null, limit: request.limit })
      .map(toChunkHit);
  }

  async termStatistics(terms: string[]): Promise<TermStatistics> {
    return this.read(() => {
      const rows = this.statements.chunkFrequencies.all(JSON.stringify(terms));
      return {
        chunkCount: this.statements.chunkCount.get()?.count ?? 0,
        chunkFrequency: new Map(rows.map((row) => [row.term, row.doc])),
      };
    });
  }

  async embeddingSpace(): Promise<EmbeddingSpace | undefined> {
    return this.read(() => this.vectorSpace()?.space);
  }

  async resetEmbeddingSpace(space: EmbeddingSpace): Promise<void> {
    if (!Number.isInteger(space.dimensions) || space.dimensions < 1 || space.dimensions > 8192) {
      throw new Error(`embedding size ${space.dimensions} is not a usable vector size`);
    }
    this.database.transaction(() => {
      this.vectorStatements = undefined;
      this.database.exec("DROP TABLE IF EXISTS chunk_vectors");
      this.database.exec(
        `CREATE VIRTUAL TABLE chunk_vectors USING vec0(embedding float[${space.dimensions}] distance_metric=cosine, collection text)`,
      );
      this.statements.saveSetting.run(EMBEDDING_SPACE_KEY, JSON.stringify(space));
    })();
  }

  async chunksWithoutVectors(limit: number): Promise<Pick<ChunkRecord, "chunkId" | "text">[]> {
    return this.read(
      () =>
        this.vectorSpace()
          ?.statements.missing.all(limit)
          .map((row) => ({ chunkId: row.chunk_id, text: row.text })) ?? [],
    );
  }

  async setChunkVectors(vectors: ChunkVectors): Promise<void> {
    this.database.transaction(() => {
      const target = this.vectorSpace();
      if (!target) return;
      for (const [chunkId, vector] of vectorsInSpace(vectors, target.space) ?? []) {
        const chunk = this.statements.chunkForVector.get(chunkId);
        if (!chunk) continue;
        target.statements.deleteOne.run(BigInt(chunk.id));
        target.statements.insert.run(BigInt(chunk.id), new Float32Array(vector), chunk.collection);
      }
    })();
  }

  async close(): Promise<void> {
    this.database.close();
  }

  /**
   * The index's embedding space and the statements for its vectors, or nothing before a space
   * exists. Read from the file at every use; statements are prepared again when it changed.
   */
  private vectorSpace() {
    const stored = this.statements.setting.get(EMBEDDING_SPACE_KEY)?.value;
    if (stored === undefined) return undefined;
    if (this.vectorStatements?.stored === stored) return this.vectorStatements;
    this.vectorStatements = {
      stored,
      space: JSON.parse(stored) as EmbeddingSpace,
      statements: this.prepareVectorStatements(),
    };
    return this.vectorStatements;
  }

  private prepareVectorStatements() {
    type Nearest = { rowid: number; distance: number };
    return {
      insert: this.database.prepare<[bigint, Float32Array, string]>(
        "INSERT INTO chunk_vectors (rowid, embedding, collection) VALUES (?, ?, ?)",
      ),
      deleteForDocument: this.database.prepare<[string]>(
        "DELETE FROM chunk_vectors WHERE rowid IN (SELECT id FROM chunks WHERE doc_id = ?)",
      ),
      deleteOne: this.database.prepare<[bigint]>("DELETE FROM chunk_vectors WHERE rowid = ?"),
      nearest: this.database.prepare<[Float32Array, number], Nearest>(
        "SELECT rowid, distance FROM chunk_vectors WHERE embedding MATCH ? AND k = ? ORDER BY distance",
      ),
      nearestInCollection: this.database.prepare<[Float32Array, number, string], Nearest>(
        "SELECT rowid, distance FROM chunk_vectors WHERE embedding MATCH ? AND k = ? AND collection = ? ORDER BY distance",
      ),
      missing: this.database.prepare<[number], { chunk_id: string; text: string }>(
        `SELECT chunks.chunk_id, chunks.text FROM chunks JOIN documents ON documents.doc_id = chunks.doc_id
         WHERE documents.status = 'published' AND chunks.id NOT IN (SELECT rowid FROM chunk_vectors)
         ORDER BY chunks.id LIMIT ?`,
      ),
    };
  }

  /**
   * Creates the tables, or brings an older layout's file to this one by emptying it: in one write
   * transaction, so that the service and `npm run ingest` opening it together do it once. A file
   * of a newer layout (a newer release's) is refused rather than emptied.
   */
  private layOut(databaseFile: string): void {
    this.database
      .transaction(() => {
        const version = Number(this.database.pragma("user_version", { simple: true }));
        if (version > SCHEMA_VERSION) {
          throw new StoreUnavailableError(
            `The index at ${databaseFile} was laid out by a newer release (layout ${version}, this one knows ${SCHEMA_VERSION}): run that release, or delete the file to rebuild it.`,
            false,
          );
        }
        if (version < SCHEMA_VERSION) {
          for (const table of TABLES) this.database.exec(`DROP TABLE IF EXISTS ${table}`);
        }
        this.database.exec(SCHEMA);
        this.database.pragma(`user_version = ${SCHEMA_VERSION}`);
      })
      .immediate();
  }

  /** Any failure to read is the index being unavailable, never a 500 with SQLite's words. */
  private read<T>(query: () => T): T {
    try {
      return query();
    } catch (error) {
      // Waiting does not mend a corrupted file; the check at start-up moves it aside and rebuilds.
      if (isCorruptDatabaseError(error)) {
        throw new StoreUnavailableError(
          `The index file is corrupted (${(error as Error).message}); restart the service to set it aside and rebuild it.`,
          false,
        );
      }
      throw new StoreUnavailableError(`The index could not be read: ${(error as Error).message}`);
    }
  }

  private removeDocumentRows(docId: string, vectors: ReturnType<SqliteIndexStore["vectorSpace"]>): void {
    vectors?.statements.deleteForDocument.run(docId);
    this.statements.deleteChunkTerms.run(docId);
    this.statements.deleteChunks.run(docId);
    this.statements.deleteDocument.run(docId);
  }
}

/**
 * Reciprocal-rank fusion, as Qdrant's Query API does it: each list adds 1/(RRF_K + rank), so a
 * chunk near the top of both wins. A chunk in both keeps its lexical score.
 */
function fuseByReciprocalRank(lexical: ChunkHit[], similar: ChunkHit[], limit: number): ChunkHit[] {
  const fused = new Map<string, ChunkHit & { fused: number }>();
  for (const list of [lexical, similar]) {
    for (const [rank, hit] of list.entries()) {
      const entry = fused.get(hit.chunk.chunkId) ?? { ...hit, fused: 0 };
      entry.fused += 1 / (RRF_K + rank);
      fused.set(hit.chunk.chunkId, entry);
    }
  }
  return [...fused.values()].sort((left, right) => right.fused - left.fused).slice(0, limit);
}

function toChunkHit(row: SearchRow): ChunkHit {
  return {
    chunk: toChunkRecord(row),
    document: {
      docId: row.doc_id,
      title: row.title,
      url: row.url ?? undefined,
      collection: row.collection,
      lang: row.lang ?? undefined,
    },
    score: row.relevance,
    terms: new Set(
      `${row.title_terms} ${row.heading_terms} ${row.question_terms} ${row.body_terms} ${row.phrasing_terms}`.split(
        " ",
      ),
    ),
  };
}

function toChunkRecord(row: ChunkRow): ChunkRecord {
  return {
    chunkId: row.chunk_id,
    docId: row.doc_id,
    position: row.position,
    text: row.text,
    headingPath: JSON.parse(row.heading_path) as string[],
    page: row.page ?? undefined,
    start: row.start_offset,
    end: row.end_offset,
    faqQuestion: row.faq_question ?? undefined,
    ...(row.phrasings ? { phrasings: JSON.parse(row.phrasings) as string[] } : {}),
  };
}

/** A chunk's phrasings as stored: a JSON array, NULL for none. */
function phrasingsColumn(phrasings: readonly string[] | undefined): string | null {
  return phrasings && phrasings.length > 0 ? JSON.stringify(phrasings) : null;
}
