import type { ChunkHit, IndexStore } from "../store/index-store.js";
import { analyzeQueryTerms } from "../text/tokenize.js";
import { wordSpecificity } from "../text/word-specificity.js";
import { inverseChunkFrequency, weightedCoverage } from "./term-weights.js";

/** How many lexical candidates are reranked. */
const CANDIDATE_COUNT = 40;
/** Share of the rerank score that comes from query coverage rather than BM25. Tuned on DRCD. */
const COVERAGE_SHARE = 0.5;

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

export interface RetrievalOptions {
  collection?: string;
  limit: number;
}

/** Lexical candidates from the index, reranked so that passages covering the whole question win. */
export async function retrievePassages(
  store: IndexStore,
  query: string,
  options: RetrievalOptions,
): Promise<RetrievedPassages> {
  const coverageShares = analyzeQueryTerms(query);
  const terms = [...coverageShares.keys()];
  const [statistics, hits] = await Promise.all([
    store.termStatistics(terms),
    store.searchChunks({ terms, collection: options.collection, limit: Math.max(CANDIDATE_COUNT, options.limit) }),
  ]);
  const queryWeights = new Map(
    terms.map((term) => [
      term,
      inverseChunkFrequency(term, statistics) * (coverageShares.get(term) ?? 1) * wordSpecificity(term),
    ]),
  );
  const bestScore = Math.max(...hits.map((hit) => hit.score), Number.EPSILON);
  const passages = hits.map((hit): Passage => {
    const coverage = weightedCoverage(queryWeights, hit.terms);
    const relevance = (1 - COVERAGE_SHARE) * (hit.score / bestScore) + COVERAGE_SHARE * coverage;
    return { ...hit, coverage, relevance };
  });
  passages.sort((left, right) => right.relevance - left.relevance);
  return { queryWeights, passages: passages.slice(0, options.limit) };
}
