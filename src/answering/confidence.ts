import { type ConfidenceModel, type ConfidenceSignals, confidenceSignalNames } from "../config/confidence-model.js";
import { isSupportedBy, readClaim } from "../retrieval/passage-support.js";
import type { Passage } from "../retrieval/retrieve-passages.js";
import { quotedNames } from "../text/quoted-names.js";
import { analyzeText } from "../text/tokenize.js";
import { withoutCitationMarkers } from "./citations.js";
import type { ExtractiveAnswer } from "./compose-extractive-answer.js";

/**
 * Share of its confidence an answer lacking the kind of answer asked for keeps, and so the most it
 * can be trusted: below the confidence shown as sure (0.8, evals' CONFIDENT). A middling one falls
 * under the default abstention threshold too: a quote that neither states the kind asked nor is
 * sure of its passage is most often about something near an unanswered question
 * (「大安院有兒童遊戲區嗎」 quoted the branch's dentists). Chosen on the tuning parts and DRCD dev:
 * 0.6 lost DRCD more right answers for one more abstention. A weight on answerTypeMissing pulled
 * middling answers under the threshold long before sure-looking ones below "sure" (-4 refused 10%
 * of the tuning part's answerable questions and left every confidently wrong answer as it was).
 */
const WRONG_TYPE_SHARE = 0.7;
/**
 * The most an answer can be trusted when the question asks only for figures and the quoted text
 * states none: below the default abstention threshold, so that it is abstained on. Figures are
 * stated in few ways (digits, dates, "free"), so their absence can be trusted as the kind of answer
 * in words cannot.
 */
const FIGURE_MISSING_CEILING = 0.15;
/**
 * The most an answer can be trusted when its quote shares none of the question's words: it was
 * found through its page's title or headings, and picked among the page's sentences by the kind of
 * answer asked alone, which several of them state (「資源回收哪幾天」 quoted the new-year closure of
 * a page whose table of collection days names no 資源回收). Below "sure" (0.8) only, not below the
 * abstention threshold: a page's title may be all that a right quote shares with a short question.
 */
const UNMATCHED_QUOTE_CEILING = 0.7;

export function estimateConfidence(signals: ConfidenceSignals, model: ConfidenceModel): number {
  const logit = confidenceSignalNames.reduce(
    (sum, name) => sum + (model.weights[name] ?? 0) * signals[name],
    model.intercept,
  );
  const confidence = 1 / (1 + Math.exp(-logit));
  const ofKindAsked = signals.answerTypeMissing ? confidence * WRONG_TYPE_SHARE : confidence;
  const ofWordsAsked = signals.sentenceCoverage === 0 ? Math.min(ofKindAsked, UNMATCHED_QUOTE_CEILING) : ofKindAsked;
  return signals.figureMissing ? Math.min(ofWordsAsked, FIGURE_MISSING_CEILING) : ofWordsAsked;
}

/**
 * The signals of an extractive answer: about the passage it quotes (`passages[0]` when it does not
 * say), its margins over other documents that say something else, how much of the question its
 * sentences cover, and whether they state the kind of answer asked for.
 */
export function measureConfidenceSignals(
  queryWeights: ReadonlyMap<string, number>,
  passages: Passage[],
  quoted: Pick<ExtractiveAnswer, "answer" | "sentenceCoverage" | "answerTypeFound" | "figureMissing" | "quotedPassage">,
): ConfidenceSignals | undefined {
  // About the passage quoted, which need not be the best ranked: its margins are over other documents.
  const best = quoted.quotedPassage ?? passages[0];
  if (!best) return undefined;
  // Another document that states the same figures about the same thing (an FAQ sheet and the page
  // it summarises) agrees with the answer: it is not a rival that makes it less certain. Without a
  // figure, word overlap cannot tell agreement from a passage about something else.
  const answerText = withoutCitationMarkers(quoted.answer);
  const answer = readClaim(answerText);
  // So does one that states the same names in quotation marks (the network "Gangbei-Free"): like a
  // figure, a quoted name is stated word for word or not at all.
  const names = quotedNames(answerText);
  const agrees = (passage: Passage) =>
    (answer.numbers.size > 0 || names.length > 0) &&
    isSupportedBy(answer, passage) &&
    names.every((name) => passage.chunk.text.includes(name));
  const others = passages.filter((passage) => passage.document.docId !== best.document.docId && !agrees(passage));
  const { coverage } = best;
  const titleTerms = new Set(analyzeText(best.document.title));
  const questionTerms = [...queryWeights.keys()];
  return {
    passageCoverage: coverage,
    sentenceCoverage: quoted.sentenceCoverage,
    coverageMargin: coverage * (coverage - Math.max(0, ...others.map((passage) => passage.coverage))),
    // A passage found by meaning only has no lexical score to stand out with.
    scoreMargin:
      best.score > 0
        ? coverage ** 2 * (1 - Math.min(1, Math.max(0, ...others.map((passage) => passage.score)) / best.score))
        : 0,
    subjectNamed: shareOf([...titleTerms], (term) => queryWeights.has(term)),
    termOverlap: shareOf(questionTerms, (term) => best.terms.has(term)),
    answerTypeMissing: quoted.answerTypeFound === false ? 1 : 0,
    figureMissing: quoted.figureMissing ? 1 : 0,
  };
}

function shareOf(terms: string[], isCounted: (term: string) => boolean): number {
  return terms.length === 0 ? 0 : terms.filter(isCounted).length / terms.length;
}
