import type { IndexStore, TermStatistics } from "../store/index-store.js";

/** Term statistics, with the terms they were read for (a term in no chunk is absent from `chunkFrequency`). */
export interface AskedStatistics extends TermStatistics {
  asked: ReadonlySet<string>;
}

/** Statistics for `terms`, reading from the index only those `known` was not read for. */
export async function statisticsFor(
  store: IndexStore,
  terms: Iterable<string>,
  known?: AskedStatistics,
): Promise<AskedStatistics> {
  const missing = [...new Set(terms)].filter((term) => !known?.asked.has(term));
  if (known && missing.length === 0) return known;
  const read = await store.termStatistics(missing);
  return {
    chunkCount: known?.chunkCount ?? read.chunkCount,
    chunkFrequency: new Map([...(known?.chunkFrequency ?? []), ...read.chunkFrequency]),
    asked: new Set([...(known?.asked ?? []), ...missing]),
  };
}

/** In how many chunks `term` is: 0 for a term the index has never seen, or was not asked about. */
export function chunkFrequencyOf(statistics: TermStatistics, term: string): number {
  return statistics.chunkFrequency.get(term) ?? 0;
}
