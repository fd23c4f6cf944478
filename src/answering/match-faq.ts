import type { Passage } from "../retrieval/retrieve-passages.js";
import { type AskedStatistics, chunkFrequencyOf, statisticsFor } from "../retrieval/term-statistics.js";
import { holdsTerm, weighTerms, weightedAgreement } from "../retrieval/term-weights.js";
import type { IndexStore } from "../store/index-store.js";
import { analyzeQueryTerms } from "../text/tokenize.js";
import { type Equivalents, noEquivalents } from "../text/vocabulary.js";

/** FAQ candidates considered among the top passages. */
const FAQ_CANDIDATES = 5;
/**
 * The least similarity at which a taught phrasing answers with its whole passage. In the eval's
 * review round, tuning questions not taught matched taught wordings at 0.455 (an unanswerable one),
 * 0.523 and 0.699; the extractive answer does at least as well for each (evaluation.md).
 */
const PHRASING_MATCH = 0.7;
/** A word of the question weighing at least this share of its heaviest is what it is about. */
const TOPIC_WORD_SHARE = 0.5;

export interface FaqMatch {
  passage: Passage;
  /** Weighted F1 of the question's and the curated question's terms (0–1). */
  similarity: number;
}

/**
 * The curated FAQ pair whose question says the same as the user's: the terms of each must
 * cover most of the other's weight, so "宿舍押金多少" matches "宿舍押金是多少錢?" but a longer
 * question that merely mentions the same topic does not. Both sides are weighed alike.
 */
export async function findMatchingFaq(
  store: IndexStore,
  queryWeights: ReadonlyMap<string, number>,
  passages: Passage[],
  /** Statistics retrieval already read: only the curated questions' other terms are looked up. */
  known?: AskedStatistics,
  /** Other ways of writing either question's terms (retrieval's). */
  equivalents: Equivalents = noEquivalents,
): Promise<FaqMatch | undefined> {
  // A wording editors taught for a passage is a curated question too (they said the passage answers
  // it), but one matched only when the question says nearly the same: the passage was not written for it.
  const curated = passages
    .slice(0, FAQ_CANDIDATES)
    .flatMap((passage) => [
      ...(passage.chunk.faqQuestion === undefined
        ? []
        : [{ passage, minimum: 0, question: passage.chunk.faqQuestion }]),
      ...(passage.chunk.phrasings ?? []).map((question) => ({ passage, minimum: PHRASING_MATCH, question })),
    ]);
  if (curated.length === 0) return undefined;
  const read = curated.map((candidate) => ({ ...candidate, shares: analyzeQueryTerms(candidate.question) }));
  const statistics = await statisticsFor(
    store,
    read.flatMap(({ shares }) => [...shares.keys()]),
    known,
  );
  // What the question is most about, of the words the documents use: a curated pair that says
  // nothing of it, in its question or its answer, does not answer it ("寢室可以用電鍋嗎" and
  // 「寢室裡有哪些設備？」, which share only 寢室).
  // So is any word that weighs about as much ("預付卡可以漫遊嗎" and 「預付卡怎麼儲值？」, "可以寄到香港嗎"
  // and 「可以寄到公司或學校嗎？」): the pair is about another thing of the same topic.
  const used = [...queryWeights].filter(([term]) => chunkFrequencyOf(statistics, term) > 0);
  const heaviest = Math.max(0, ...used.map(([, weight]) => weight));
  const topicWords = used.filter(([, weight]) => weight >= TOPIC_WORD_SHARE * heaviest).map(([term]) => term);
  let best: FaqMatch | undefined;
  for (const { passage, shares, minimum } of read) {
    if (!topicWords.every((term) => holdsTerm(passage.terms, term, equivalents))) continue;
    const faqWeights = weighTerms(shares, statistics);
    const similarity = weightedAgreement(queryWeights, faqWeights, equivalents).f1;
    if (similarity >= minimum && (!best || similarity > best.similarity)) best = { passage, similarity };
  }
  return best;
}
