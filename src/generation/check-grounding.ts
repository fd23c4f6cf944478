import type { Passage } from "../retrieval/retrieve-passages.js";
import { weightedCoverage } from "../retrieval/term-weights.js";
import { splitSentences } from "../text/sentences.js";
import { analyzeQueryTerms, analyzeText } from "../text/tokenize.js";
import { wordSpecificity } from "../text/word-specificity.js";

/** Share of a sentence's content weight its cited passage must hold for the sentence to stand. */
export const MIN_SUPPORT = 0.5;

const CITATION_MARKERS = /\s*(?:\[\d+(?:\s*,\s*\d+)*\]\s*)+/g;
const LEADING_MARKERS = /^\s*(?:\[\d+(?:\s*,\s*\d+)*\]\s*)+/;
const HAS_A_DIGIT = /\d/;
// "…五點。[1]": the markers are moved before the full stop, where a sentence splitter keeps them.
const MARKERS_AFTER_SENTENCE_END = /([。！？.!?])((?:\s*\[\d+(?:\s*,\s*\d+)*\])+)/g;
/** Below this content weight (less than one topical word) a sentence is a connective ("以下說明："), not a claim. */
const MIN_CLAIM_WEIGHT = 1;

/** One sentence of a generated answer after the check: its text and the passages it cites. */
export interface CheckedSentence {
  text: string;
  /** 1-based passage numbers, as in the prompt. */
  cites: number[];
}

/**
 * Keeps a generated sentence only where a passage supports it: markers that point to no passage
 * are removed; a sentence whose cited passages do not hold its content terms (and every number it
 * states) is re-cited to the passage that does, or dropped. A connective with no claim of its own
 * ("以下說明：") stands without a citation.
 */
export function checkSentence(sentence: string, passages: readonly Passage[]): CheckedSentence | undefined {
  const markers = [...sentence.matchAll(/\[(\d+(?:\s*,\s*\d+)*)\]/g)].flatMap((match) =>
    (match[1] ?? "").split(",").map((number) => Number(number.trim())),
  );
  const text = sentence
    .replace(CITATION_MARKERS, " ")
    .replace(/\s+([。！？，；：.!?,;:])/g, "$1")
    .trim();
  const contentWeights = sentenceWeights(text);
  if (text === "") return undefined;
  const claimWeight = [...contentWeights.values()].reduce((sum, weight) => sum + weight, 0);
  if (claimWeight < MIN_CLAIM_WEIGHT && !HAS_A_DIGIT.test(text)) return { text, cites: [] };

  const valid = [...new Set(markers)].filter((n) => n >= 1 && n <= passages.length);
  const supported = valid.filter((n) => supports(passages[n - 1], contentWeights));
  if (supported.length > 0) return { text, cites: supported };
  const best = passages
    .map((passage, index) => ({ n: index + 1, support: support(passage, contentWeights) }))
    .filter(({ n }) => supports(passages[n - 1], contentWeights))
    .sort((left, right) => right.support - left.support)[0];
  return best ? { text, cites: [best.n] } : undefined;
}

/**
 * Splits generated text into sentences, each with the markers written after it (a model often
 * puts "[1]" after the full stop, where a sentence splitter starts the next sentence).
 */
export function splitGeneratedSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const span of splitSentences(text.replace(MARKERS_AFTER_SENTENCE_END, "$2$1"))) {
    const leading = LEADING_MARKERS.exec(span.text)?.[0] ?? "";
    const last = sentences.length - 1;
    if (leading && last >= 0) sentences[last] = `${sentences[last]}${leading.trim()}`;
    const rest = span.text.slice(leading.length).trim();
    if (rest) sentences.push(rest);
  }
  return sentences;
}

/** Writes a checked sentence back with its markers, as the answer shows it. */
export function renderSentence({ text, cites }: CheckedSentence): string {
  return `${text}${cites.map((n) => `[${n}]`).join("")}`;
}

/** Content terms of a sentence, weighed by how topical they are in the language at large. */
function sentenceWeights(text: string): Map<string, number> {
  return new Map([...analyzeQueryTerms(text)].map(([term, share]) => [term, share * wordSpecificity(term)] as const));
}

function support(passage: Passage | undefined, weights: ReadonlyMap<string, number>): number {
  return passage ? weightedCoverage(weights, passage.terms) : 0;
}

function supports(passage: Passage | undefined, weights: ReadonlyMap<string, number>): boolean {
  if (!passage) return false;
  // A number the passage does not state is the commonest way a fluent answer goes wrong.
  const numbersStated = [...weights.keys()].every((term) => !HAS_A_DIGIT.test(term) || passage.terms.has(term));
  return numbersStated && support(passage, weights) >= MIN_SUPPORT;
}

/** The sentence of a passage that best supports the given answer text, as offsets into the passage. */
export function quoteSpan(passageText: string, answerText: string): { start: number; end: number } {
  const weights = sentenceWeights(answerText.replace(CITATION_MARKERS, " "));
  let best = { start: 0, end: passageText.length, coverage: 0 };
  for (const span of splitSentences(passageText)) {
    const coverage = weightedCoverage(weights, new Set(analyzeText(span.text)));
    if (coverage > best.coverage) best = { start: span.start, end: span.end, coverage };
  }
  return { start: best.start, end: best.end };
}
