import type { TermStatistics } from "../store/index-store.js";
import { wordSpecificity } from "../text/word-specificity.js";

/** BM25-style inverse chunk frequency; a term the index has never seen weighs the most. */
export function inverseChunkFrequency(term: string, statistics: TermStatistics): number {
  const frequency = statistics.chunkFrequency.get(term) ?? 0;
  return Math.log(1 + (statistics.chunkCount - frequency + 0.5) / (frequency + 0.5));
}

/**
 * The weight of each term of a question: inverse chunk frequency, times the share of it that counts
 * (less for bigrams across words) and its general-language specificity (less for everyday words).
 */
export function weighTerms(shares: ReadonlyMap<string, number>, statistics: TermStatistics): Map<string, number> {
  return new Map(
    [...shares].map(([term, share]) => [term, inverseChunkFrequency(term, statistics) * share * wordSpecificity(term)]),
  );
}

/** How much of the query's weight a set of terms covers, from 0 to 1. */
export function weightedCoverage(
  queryWeights: ReadonlyMap<string, number>,
  terms: { has(term: string): boolean },
): number {
  let total = 0;
  let covered = 0;
  for (const [term, weight] of queryWeights) {
    total += weight;
    if (terms.has(term)) covered += weight;
  }
  return total === 0 ? 0 : covered / total;
}
