import type { TermStatistics } from "../store/index-store.js";

/** BM25-style inverse chunk frequency; a term the index has never seen weighs the most. */
export function inverseChunkFrequency(term: string, statistics: TermStatistics): number {
  const frequency = statistics.chunkFrequency.get(term) ?? 0;
  return Math.log(1 + (statistics.chunkCount - frequency + 0.5) / (frequency + 0.5));
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
