import type { Passage } from "../retrieval/retrieve-passages.js";
import { inverseChunkFrequency, weightedCoverage } from "../retrieval/term-weights.js";
import type { TermStatistics } from "../store/index-store.js";
import { analyzeQuery } from "../text/tokenize.js";

/** FAQ candidates considered among the top passages. */
const FAQ_CANDIDATES = 5;

export interface FaqMatch {
  passage: Passage;
  /** Weighted F1 of the question's and the curated question's terms (0–1). */
  similarity: number;
}

/**
 * The curated FAQ pair whose question says the same as the user's: the terms of each must
 * cover most of the other's weight, so "宿舍押金多少" matches "宿舍押金是多少錢?" but a longer
 * question that merely mentions the same topic does not.
 */
export function findMatchingFaq(
  queryWeights: ReadonlyMap<string, number>,
  passages: Passage[],
  statistics: TermStatistics,
): FaqMatch | undefined {
  let best: FaqMatch | undefined;
  for (const passage of passages.slice(0, FAQ_CANDIDATES)) {
    if (passage.chunk.faqQuestion === undefined) continue;
    const faqTerms = analyzeQuery(passage.chunk.faqQuestion);
    const faqWeights = new Map(faqTerms.map((term) => [term, inverseChunkFrequency(term, statistics)]));
    const recall = weightedCoverage(queryWeights, new Set(faqTerms));
    const precision = weightedCoverage(faqWeights, queryWeights);
    const similarity = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
    if (!best || similarity > best.similarity) best = { passage, similarity };
  }
  return best;
}

/** Terms of the curated questions among the top passages, whose weights a match needs. */
export function faqQuestionTerms(passages: Passage[]): string[] {
  return passages
    .slice(0, FAQ_CANDIDATES)
    .flatMap((passage) => (passage.chunk.faqQuestion === undefined ? [] : analyzeQuery(passage.chunk.faqQuestion)));
}
