import type { Passage } from "../retrieval/retrieve-passages.js";
import { literalCoverage } from "../retrieval/term-weights.js";
import type { Equivalents } from "../text/vocabulary.js";
import { subjectTermsOf } from "./candidate-sentence.js";
import { choiceFor, firstOfEachTopic } from "./clarifying-choices.js";

/** Share of a question a passage must cover to be about it: one that shares little with it is about something else. */
const RELATED_COVERAGE = 0.2;
const MAX_RELATED = 3;

/**
 * Topics the documents do cover near a question they are not found to answer, offered beside the
 * abstention as choices ("Did you mean…"): the right page is first for most questions refused in
 * the asker's own words, and one sent back as a choice is quoted (see pickedSection).
 */
export function relatedTopics(
  passages: Passage[],
  queryWeights: ReadonlyMap<string, number>,
  equivalents: Equivalents,
): string[] {
  const near = passages.filter((passage) => isAboutTheQuestion(passage, queryWeights, equivalents));
  return firstOfEachTopic(near).slice(0, MAX_RELATED).map(choiceFor);
}

/**
 * Whether a passage is about what a question asks: it covers a fifth of the question, and its
 * title, headings or curated question name something the question asks about (宿舍 in 「宿舍可以
 * 養貓嗎」, 學雜費 for 學費), word for word. One that only shares a word with the question (開 of
 * 學餐幾點開, inside 開放 in the computer rooms' hours) is not.
 */
export function isAboutTheQuestion(
  passage: Passage,
  queryWeights: ReadonlyMap<string, number>,
  equivalents: Equivalents,
): boolean {
  return (
    passage.coverage >= RELATED_COVERAGE && literalCoverage(queryWeights, subjectTermsOf(passage), equivalents) > 0
  );
}
