import type { ChunkHit, IndexStore, TermStatistics } from "../store/index-store.js";
import { analyzeQueryTerms } from "../text/tokenize.js";
import { weighTerms, weightedCoverage } from "./term-weights.js";

/** How many lexical candidates are reranked. */
const CANDIDATE_COUNT = 40;
/** Terms in more than this share of chunks, and more than a few, are not matched on (they still count for coverage). */
const COMMON_TERM_SHARE = 0.25;
const COMMON_TERM_MIN_CHUNKS = 50;
const MIN_MATCH_TERMS = 3;
/** Share of the rerank score that comes from query coverage rather than BM25; 0.5 measured best of 0.3–0.7 on both evals. */
const COVERAGE_SHARE = 0.5;
/** Share of their weight that words carried over from earlier in a conversation count for. */
const CONTEXT_SHARE = 0.5;
/** Reciprocal-rank fusion constant: the usual 60 keeps the top few of each list close together. */
const RRF_K = 60;

export interface Passage extends ChunkHit {
  /** Rerank score: BM25 relative to the best candidate, blended with query coverage. */
  relevance: number;
  /** Share of the query's weight that the chunk's terms cover (0–1). */
  coverage: number;
}

export interface RetrievedPassages {
  /** The query's distinct terms with their weights: inverse chunk frequency, less for boundary bigrams and everyday words. */
  queryWeights: Map<string, number>;
  passages: Passage[];
}

/** A query's vector and the model that made it. */
export interface QueryEmbedding {
  model: string;
  vector: number[];
}

export interface RetrievalOptions {
  collection?: string;
  limit: number;
  /** The query's embedding: dense results are then fused with the lexical ones. */
  queryEmbedding?: QueryEmbedding;
  /** Words carried over from earlier in a conversation: they count, for less than the query's own. */
  context?: string;
}

/**
 * The terms worth matching on: one found in most chunks adds almost nothing to BM25 but makes the
 * index score nearly every chunk. The rarest few are always kept so that a query never matches nothing.
 */
function selectiveTerms(terms: string[], statistics: TermStatistics): string[] {
  const frequency = (term: string) => statistics.chunkFrequency.get(term) ?? 0;
  const ceiling = Math.max(statistics.chunkCount * COMMON_TERM_SHARE, COMMON_TERM_MIN_CHUNKS);
  const selective = terms.filter((term) => frequency(term) <= ceiling);
  if (selective.length >= MIN_MATCH_TERMS) return selective;
  return [...terms].sort((left, right) => frequency(left) - frequency(right)).slice(0, MIN_MATCH_TERMS);
}

/** Lexical candidates from the index, reranked so that passages covering the whole question win. */
export async function retrievePassages(
  store: IndexStore,
  query: string,
  options: RetrievalOptions,
): Promise<RetrievedPassages> {
  const coverageShares = analyzeQueryTerms(query);
  for (const [term, share] of analyzeQueryTerms(options.context ?? "")) {
    if (!coverageShares.has(term)) coverageShares.set(term, share * CONTEXT_SHARE);
  }
  const terms = [...coverageShares.keys()];
  const statistics = await store.termStatistics(terms);
  const hits = await store.searchChunks({
    terms: selectiveTerms(terms, statistics),
    collection: options.collection,
    limit: Math.max(CANDIDATE_COUNT, options.limit),
  });
  const queryWeights = weighTerms(coverageShares, statistics);
  const bestScore = Math.max(...hits.map((hit) => hit.score), Number.EPSILON);
  const passages = hits.map((hit): Passage => {
    const coverage = weightedCoverage(queryWeights, hit.terms);
    const relevance = (1 - COVERAGE_SHARE) * (hit.score / bestScore) + COVERAGE_SHARE * coverage;
    return { ...hit, coverage, relevance };
  });
  passages.sort((left, right) => right.relevance - left.relevance);
  if (!options.queryEmbedding) return { queryWeights, passages: passages.slice(0, options.limit) };

  const similar = await store.searchSimilar({
    ...options.queryEmbedding,
    collection: options.collection,
    limit: Math.max(CANDIDATE_COUNT, options.limit),
  });
  const fused = fuseRankings(passages, similar, (hit) => ({
    ...hit,
    // Found by meaning only: no lexical score to compare with the others.
    score: 0,
    coverage: weightedCoverage(queryWeights, hit.terms),
    relevance: 0,
  }));
  return { queryWeights, passages: fused.slice(0, options.limit) };
}

/**
 * Reciprocal-rank fusion of the lexical ranking and the dense one: each list adds 1/(k + rank), so
 * a passage near the top of both wins; relevance becomes the fused score scaled to 0–1.
 */
function fuseRankings(lexical: Passage[], similar: ChunkHit[], toPassage: (hit: ChunkHit) => Passage): Passage[] {
  const fused = new Map<string, { passage: Passage; score: number }>();
  const add = (passage: Passage, rank: number) => {
    const entry = fused.get(passage.chunk.chunkId) ?? { passage, score: 0 };
    entry.score += 1 / (RRF_K + rank + 1);
    fused.set(passage.chunk.chunkId, entry);
  };
  for (const [rank, passage] of lexical.entries()) add(passage, rank);
  for (const [rank, hit] of similar.entries()) add(fused.get(hit.chunk.chunkId)?.passage ?? toPassage(hit), rank);
  const best = 2 / (RRF_K + 1);
  return [...fused.values()]
    .sort((left, right) => right.score - left.score)
    .map(({ passage, score }) => ({ ...passage, relevance: score / best }));
}
