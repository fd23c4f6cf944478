import { QdrantClient } from "@qdrant/js-client-rest";
import { v5 as uuidv5 } from "uuid";
import { DocumentConflictError, StoreUnavailableError } from "../../errors.js";
import { RecentValue } from "../../recent-value.js";
import { analyzeText } from "../../text/tokenize.js";
import { chunkFields } from "../chunk-fields.js";
import {
  type ChunkHit,
  type ChunkRecord,
  type ChunkVectors,
  type DocumentRecord,
  type EmbeddingSpace,
  type IndexStore,
  queryFitsSpace,
  ReindexRequiredError,
  type ReplaceOptions,
  RRF_K,
  type SearchRequest,
  type StoredDocument,
  type TermStatistics,
  vectorsInSpace,
} from "../index-store.js";
import { encodeFields, encodeQuery } from "./sparse-vector.js";

/** Names of the collection's vectors. */
const SPARSE_VECTOR = "bm25";
const DENSE_VECTOR = "dense";
/** Fields filtered on, each with a keyword payload index. */
const INDEXED_FIELDS = ["kind", "doc_id", "chunk_id", "collection", "status", "lang", "terms"] as const;
/** Namespace of the deterministic point ids (UUID v5 of "chunk:<chunk_id>", "document:<doc_id>"). */
const POINT_ID_NAMESPACE = "6f1c3a52-8d0e-4b7a-9c3e-2a5d7f9e1b04";
const SETTINGS_POINT = "settings:embedding-space";
const UPSERT_BATCH = 256;
const REQUEST_TIMEOUT_MS = 10_000;
const MAX_COLLECTIONS = 10_000;

/** What a Qdrant point's payload holds: a document, one of its chunks, or the index's settings. */
type Payload = Record<string, unknown> & { kind: "document" | "chunk" | "settings" };

export interface QdrantSettings {
  url: string;
  apiKey?: string;
  collection: string;
}

/** The deterministic id of a point: re-syncing the same chunk overwrites it instead of adding one. */
export function pointId(key: string): string {
  return uuidv5(key, POINT_ID_NAMESPACE);
}

/**
 * The production index: one Qdrant collection with a sparse BM25 vector (our tokenizer's terms,
 * Qdrant's IDF) and, once embeddings are configured, a dense vector. Documents, chunks and the
 * embedding space are points told apart by `kind`. Qdrant has no multi-point transactions, so a
 * replaced document's new chunks are written before its old ones are removed: a reader sees the
 * old or the new text, at worst both for a moment, never neither.
 */
export class QdrantIndexStore implements IndexStore {
  readonly isShared = true;
  private readonly client: QdrantClient;
  private readonly collection: string;
  private readonly collections = new RecentValue<string[]>(RECENT_MS);
  /** The space searches check query vectors against; writes read it fresh. */
  private readonly searchedSpace = new RecentValue<EmbeddingSpace | undefined>(RECENT_MS);

  /** Connects lazily: nothing is sent until `prepare` or a first use. */
  constructor(settings: QdrantSettings) {
    // Read as a URL means: no port is the scheme's default (the client would pick 6333), and a path
    // is a prefix (behind a proxy; the client would drop it).
    const url = new URL(settings.url);
    const prefix = url.pathname.replace(/\/+$/, "");
    this.client = new QdrantClient({
      url: url.origin,
      port: null,
      ...(prefix ? { prefix } : {}),
      apiKey: settings.apiKey,
      checkCompatibility: false,
      // A Qdrant that stops answering must give a 503, not a request hanging for the default 5 minutes.
      timeout: REQUEST_TIMEOUT_MS,
    });
    this.collection = settings.collection;
  }

  /** Creates the collection and its payload indexes if they do not exist; safe to run at every start. */
  async prepare(): Promise<void> {
    await this.call("create the collection", () => this.ensureCollection());
  }

  async listDocuments(): Promise<Map<string, StoredDocument>> {
    // A document point holds nothing but the document's fields.
    const points = await this.scrollAll({ must: [match("kind", "document")] }, true);
    return new Map(points.map((payload) => [String(payload.doc_id), toStoredDocument(payload)]));
  }

  async getDocument(docId: string): Promise<{ document: StoredDocument; chunks: ChunkRecord[] } | undefined> {
    const payload = await this.retrievePayload(pointId(`document:${docId}`));
    if (!payload) return undefined;
    const chunks = await this.scrollAll({ must: [match("kind", "chunk"), match("doc_id", docId)] }, CHUNK_FIELDS);
    return {
      document: toStoredDocument(payload),
      chunks: chunks.map(toChunkRecord).sort((left, right) => left.position - right.position),
    };
  }

  /** Asked on every answer (is the collection known?): read again at most every few seconds, and after this store's writes. */
  async listCollections(): Promise<string[]> {
    return this.collections.get(async () => {
      // A facet counts values from the payload index, without reading every document.
      const response = await this.call("list collections", () =>
        this.client.facet(this.collection, {
          key: "collection",
          filter: { must: [match("kind", "document"), match("status", "published")] },
          limit: MAX_COLLECTIONS,
        }),
      );
      return response.hits.map((hit) => String(hit.value)).sort();
    });
  }

  async replaceDocument(document: DocumentRecord, chunks: ChunkRecord[], options: ReplaceOptions = {}): Promise<void> {
    this.collections.forget();
    // Read just before the write: Qdrant has no transaction to check it in (SQLite does).
    const [ownerPayload, space] = await Promise.all([
      this.retrievePayload(pointId(`document:${document.docId}`), ["source_root"]),
      this.embeddingSpace(),
    ]);
    const owner = ownerPayload?.source_root;
    if (owner !== undefined && owner !== document.sourceRoot && owner !== options.takeOverFrom) {
      throw new DocumentConflictError(document.docId, String(owner));
    }
    const vectors = vectorsInSpace(options.vectors, space);
    const published = document.status === "published";
    const titleTerms = analyzeText(document.title);
    const chunkPoints = chunks.map((chunk) => {
      const fields = chunkFields(titleTerms, chunk);
      const dense = published ? vectors?.get(chunk.chunkId) : undefined;
      return {
        id: pointId(`chunk:${chunk.chunkId}`),
        vector: {
          // A draft is stored for editors but has no vectors: it can never be found.
          ...(published ? { [SPARSE_VECTOR]: encodeFields(fields) } : {}),
          ...(dense ? { [DENSE_VECTOR]: dense } : {}),
        },
        payload: chunkPayload(document, chunk, new Set(fields.flatMap(([terms]) => terms))),
      };
    });
    for (let start = 0; start < chunkPoints.length; start += UPSERT_BATCH) {
      const batch = chunkPoints.slice(start, start + UPSERT_BATCH);
      await this.call("write a document", () => this.client.upsert(this.collection, { wait: true, points: batch }));
    }
    // Then the chunks the new version no longer has.
    await this.call("remove old chunks", () =>
      this.client.delete(this.collection, {
        wait: true,
        filter: {
          must: [match("kind", "chunk"), match("doc_id", document.docId)],
          ...(chunks.length > 0
            ? { must_not: [{ key: "chunk_id", match: { any: chunks.map((chunk) => chunk.chunkId) } }] }
            : {}),
        },
      }),
    );
    // The document point, with its content hash, goes last: if anything before failed, the next
    // sync still sees the file as changed and writes it again.
    await this.call("write a document", () =>
      this.client.upsert(this.collection, {
        wait: true,
        points: [{ id: pointId(`document:${document.docId}`), vector: {}, payload: documentPayload(document) }],
      }),
    );
  }

  /**
   * Re-writes only what phrasings change in each chunk point whose phrasings differ: the sparse
   * vector (a published chunk's) and the `phrasings` and `terms` payload. The dense vector and the
   * rest of the payload stay, in one batch of updates.
   */
  async setChunkPhrasings(docId: string, phrasings: ReadonlyMap<string, readonly string[]>): Promise<void> {
    const documentPoint = await this.retrievePayload(pointId(`document:${docId}`), ["title", "status"]);
    if (!documentPoint) return;
    const published = documentPoint.status === "published";
    const titleTerms = analyzeText(String(documentPoint.title));
    const stored = await this.scrollAll({ must: [match("kind", "chunk"), match("doc_id", docId)] }, CHUNK_FIELDS);
    const changed = stored
      .map(toChunkRecord)
      .filter((chunk) => !samePhrasings(chunk.phrasings, phrasings.get(chunk.chunkId)))
      .map((chunk) => {
        const taught = { ...chunk, phrasings: [...(phrasings.get(chunk.chunkId) ?? [])] };
        return { id: pointId(`chunk:${chunk.chunkId}`), chunk: taught, fields: chunkFields(titleTerms, taught) };
      });
    if (changed.length === 0) return;
    const operations = [
      ...changed.map(({ id, chunk, fields }) => ({
        set_payload: {
          payload: { phrasings: chunk.phrasings, terms: [...new Set(fields.flatMap(([terms]) => terms))] },
          points: [id],
        },
      })),
      // A draft has no sparse vector: it is never searched.
      ...(published
        ? [
            {
              update_vectors: {
                points: changed.map(({ id, fields }) => ({ id, vector: { [SPARSE_VECTOR]: encodeFields(fields) } })),
              },
            },
          ]
        : []),
    ];
    await this.call("write phrasings", () => this.client.batchUpdate(this.collection, { wait: true, operations }));
  }

  async deleteDocument(docId: string): Promise<void> {
    this.collections.forget();
    await this.call("delete a document", () =>
      this.client.delete(this.collection, { wait: true, filter: { must: [match("doc_id", docId)] } }),
    );
  }

  /**
   * BM25 by the sparse vector; with a fitting query embedding, one Query API call whose sparse and
   * dense prefetches are fused by RRF in Qdrant. The same batch repeats the sparse prefetch on its
   * own, because fusion replaces the scores and answering needs each hit's BM25 score.
   */
  async searchChunks(request: SearchRequest): Promise<ChunkHit[]> {
    const filter = publishedChunks(request.collection);
    const sparse =
      request.terms.length > 0
        ? { query: encodeQuery(request.terms), using: SPARSE_VECTOR, filter, limit: request.limit }
        : undefined;
    const dense =
      request.dense && queryFitsSpace(request.dense, await this.searchedSpace.get(() => this.embeddingSpace()))
        ? { query: request.dense.vector, using: DENSE_VECTOR, filter, limit: request.limit }
        : undefined;
    if (!dense) {
      if (!sparse) return [];
      const response = await this.call("search", () =>
        this.client.query(this.collection, { ...sparse, with_payload: true }),
      );
      return response.points.map((point) => toChunkHit(point.payload as Payload, point.score));
    }
    const hybrid = {
      prefetch: sparse ? [sparse, dense] : [dense],
      query: { rrf: { k: RRF_K } },
      filter,
      limit: request.limit,
      with_payload: true,
    };
    const [fused, lexical] = await this.call("search", () =>
      this.client.queryBatch(this.collection, {
        searches: sparse ? [hybrid, { ...sparse, with_payload: false }] : [hybrid],
      }),
    );
    const lexicalScores = new Map((lexical?.points ?? []).map((point) => [String(point.id), point.score]));
    return (fused?.points ?? []).map((point) => ({
      ...toChunkHit(point.payload as Payload, lexicalScores.get(String(point.id)) ?? 0),
      fused: point.score,
    }));
  }

  async termStatistics(terms: string[]): Promise<TermStatistics> {
    const count = (filter: object) =>
      this.call("count chunks", () => this.client.count(this.collection, { filter, exact: true })).then(
        (result) => result.count,
      );
    const [chunkCount, ...frequencies] = await Promise.all([
      count(publishedChunks()),
      ...terms.map((term) => count({ must: [...publishedChunks().must, match("terms", term)] })),
    ]);
    return {
      chunkCount: chunkCount ?? 0,
      chunkFrequency: new Map(
        terms.flatMap((term, index) => ((frequencies[index] ?? 0) > 0 ? [[term, frequencies[index] ?? 0]] : [])),
      ),
    };
  }

  async embeddingSpace(): Promise<EmbeddingSpace | undefined> {
    const payload = await this.retrievePayload(pointId(SETTINGS_POINT));
    if (!payload) return undefined;
    return { model: String(payload.model), dimensions: Number(payload.dimensions) };
  }

  /**
   * Starts a new embedding space. An empty collection, or one without dense vectors (embeddings
   * newly turned on), is recreated with a dense vector of the new size: Qdrant 1.17 cannot add one
   * in place, and the sync that asked writes every document again. A collection that holds another
   * model's vectors is refused, with the steps to re-index: in a scaled-out deployment, one replica
   * configured with another model must not wipe the vectors every other replica searches.
   */
  async resetEmbeddingSpace(space: EmbeddingSpace): Promise<void> {
    this.searchedSpace.forget();
    const info = await this.call("read the collection", () => this.client.getCollection(this.collection));
    const vectors = info.config.params.vectors as Record<string, { size?: number }> | undefined;
    const currentSize = vectors?.[DENSE_VECTOR]?.size;
    const current = await this.embeddingSpace();
    const points = await this.call("count points", () =>
      this.client.count(this.collection, { filter: { must_not: [match("kind", "settings")] }, exact: true }),
    );
    if (points.count > 0 && currentSize !== undefined) {
      const holds = current
        ? `${current.model} vectors (${currentSize} dimensions)`
        : `${currentSize}-dimension vectors`;
      throw new ReindexRequiredError(
        `Qdrant collection "${this.collection}" holds ${holds}, but EMBEDDING_MODEL is ${space.model} (${space.dimensions} dimensions). To keep the old model, set EMBEDDING_MODEL back. To re-index with the new one, delete the collection (curl -X DELETE <QDRANT_URL>/collections/${this.collection}, with -H "api-key: <QDRANT_API_KEY>" if Qdrant requires one) or set QDRANT_COLLECTION to a new name, then start again: the documents are synced into it anew.`,
      );
    }
    await this.call("recreate the collection", async () => {
      await this.client.deleteCollection(this.collection);
      await this.ensureCollection(space.dimensions);
    });
    await this.call("save the embedding space", () =>
      this.client.upsert(this.collection, {
        wait: true,
        points: [{ id: pointId(SETTINGS_POINT), vector: {}, payload: { kind: "settings", ...space } }],
      }),
    );
  }

  async chunksWithoutVectors(limit: number): Promise<Pick<ChunkRecord, "chunkId" | "text">[]> {
    if (!(await this.embeddingSpace())) return [];
    const response = await this.call("find chunks without vectors", () =>
      this.client.scroll(this.collection, {
        filter: { must: publishedChunks().must, must_not: [{ has_vector: DENSE_VECTOR }] },
        limit,
        with_payload: ["chunk_id", "text"],
      }),
    );
    return response.points.map((point) => ({
      chunkId: String(point.payload?.chunk_id),
      text: String(point.payload?.text),
    }));
  }

  async setChunkVectors(vectors: ChunkVectors): Promise<void> {
    const fitting = vectorsInSpace(vectors, await this.embeddingSpace());
    if (!fitting || fitting.size === 0) return;
    const points = [...fitting].map(([chunkId, vector]) => ({
      id: pointId(`chunk:${chunkId}`),
      vector: { [DENSE_VECTOR]: vector },
    }));
    await this.call("store vectors", () => this.client.updateVectors(this.collection, { wait: true, points }));
  }

  async close(): Promise<void> {}

  private async ensureCollection(denseSize?: number): Promise<void> {
    const { exists } = await this.client.collectionExists(this.collection);
    if (!exists) {
      await this.client.createCollection(this.collection, {
        vectors: denseSize ? { [DENSE_VECTOR]: { size: denseSize, distance: "Cosine" } } : {},
        sparse_vectors: { [SPARSE_VECTOR]: { modifier: "idf" } },
      });
    }
    for (const field of INDEXED_FIELDS) {
      await this.client.createPayloadIndex(this.collection, { wait: true, field_name: field, field_schema: "keyword" });
    }
  }

  private async retrievePayload(id: string, fields?: string[]): Promise<Payload | undefined> {
    const [point] = await this.call("read a point", () =>
      this.client.retrieve(this.collection, { ids: [id], with_payload: fields ?? true, with_vector: false }),
    );
    return (point?.payload as Payload | undefined) ?? undefined;
  }

  private async scrollAll(filter: object, fields: string[] | true): Promise<Record<string, unknown>[]> {
    const payloads: Record<string, unknown>[] = [];
    let offset: string | number | undefined;
    do {
      const page = await this.call("list points", () =>
        this.client.scroll(this.collection, { filter, limit: 1000, with_payload: fields, offset }),
      );
      payloads.push(...page.points.map((point) => point.payload ?? {}));
      offset = (page.next_page_offset as string | number | null | undefined) ?? undefined;
    } while (offset !== undefined);
    return payloads;
  }

  /**
   * Any failure to reach or use Qdrant is the index being unavailable: a 503, never a crash. A
   * refused key is said as such, and is not worth retrying until someone fixes QDRANT_API_KEY.
   */
  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const { status } = error as { status?: number };
      if (status === 401 || status === 403) {
        throw new StoreUnavailableError(
          `Qdrant refused the request to ${what} (HTTP ${status}): check QDRANT_API_KEY against the server's key.`,
          false,
        );
      }
      throw new StoreUnavailableError(`Qdrant could not ${what}: ${(error as Error).message}`);
    }
  }
}

/** How long a value read from Qdrant for every request is reused; another replica's change shows within it. */
const RECENT_MS = 5000;

function match(key: string, value: string) {
  return { key, match: { value } };
}

function publishedChunks(collection?: string) {
  return {
    must: [
      match("kind", "chunk"),
      match("status", "published"),
      ...(collection === undefined ? [] : [match("collection", collection)]),
    ],
  };
}

/** The document fields a chunk point copies too, so that a search needs no second lookup. */
function sharedDocumentFields(document: DocumentRecord) {
  return {
    doc_id: document.docId,
    title: document.title,
    url: document.url ?? null,
    collection: document.collection,
    lang: document.lang ?? null,
    status: document.status,
  };
}

function documentPayload(document: DocumentRecord): Payload {
  return {
    kind: "document",
    ...sharedDocumentFields(document),
    tags: document.tags,
    effective_date: document.effectiveDate ?? null,
    format: document.format,
    source_root: document.sourceRoot,
    content_hash: document.contentHash,
  };
}

function chunkPayload(document: DocumentRecord, chunk: ChunkRecord, terms: ReadonlySet<string>): Payload {
  return {
    kind: "chunk",
    ...sharedDocumentFields(document),
    chunk_id: chunk.chunkId,
    position: chunk.position,
    text: chunk.text,
    heading_path: chunk.headingPath,
    page: chunk.page ?? null,
    start: chunk.start,
    end: chunk.end,
    faq_question: chunk.faqQuestion ?? null,
    phrasings: chunk.phrasings ?? [],
    terms: [...terms],
  };
}

/** A chunk point's fields without its index terms, which only searches read. */
const CHUNK_FIELDS = [
  "chunk_id",
  "doc_id",
  "position",
  "text",
  "heading_path",
  "page",
  "start",
  "end",
  "faq_question",
  "phrasings",
];

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function toStoredDocument(payload: Record<string, unknown>): StoredDocument {
  return {
    docId: String(payload.doc_id),
    title: String(payload.title),
    url: optionalString(payload.url),
    collection: String(payload.collection),
    tags: (payload.tags as string[] | undefined) ?? [],
    lang: optionalString(payload.lang),
    status: payload.status === "draft" ? "draft" : "published",
    effectiveDate: optionalString(payload.effective_date),
    format: payload.format as StoredDocument["format"],
    sourceRoot: String(payload.source_root),
    contentHash: String(payload.content_hash),
  };
}

function toChunkRecord(payload: Record<string, unknown>): ChunkRecord {
  return {
    chunkId: String(payload.chunk_id),
    docId: String(payload.doc_id),
    position: Number(payload.position),
    text: String(payload.text),
    headingPath: (payload.heading_path as string[] | undefined) ?? [],
    page: typeof payload.page === "number" ? payload.page : undefined,
    start: Number(payload.start),
    end: Number(payload.end),
    faqQuestion: optionalString(payload.faq_question),
    // Points written before phrasings existed have none.
    ...(Array.isArray(payload.phrasings) && payload.phrasings.length > 0
      ? { phrasings: payload.phrasings.map(String) }
      : {}),
  };
}

function samePhrasings(left: readonly string[] = [], right: readonly string[] = []): boolean {
  return left.length === right.length && left.every((phrasing, index) => phrasing === right[index]);
}

function toChunkHit(payload: Payload, score: number): ChunkHit {
  return {
    chunk: toChunkRecord(payload),
    document: {
      docId: String(payload.doc_id),
      title: String(payload.title),
      url: optionalString(payload.url),
      collection: String(payload.collection),
      lang: optionalString(payload.lang),
    },
    score,
    terms: new Set((payload.terms as string[] | undefined) ?? []),
  };
}
