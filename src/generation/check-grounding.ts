import { contentWeights, MIN_SUPPORT, readClaim, supportOf } from "../retrieval/passage-support.js";
import type { Passage } from "../retrieval/retrieve-passages.js";
import { literalCoverage } from "../retrieval/term-weights.js";
import { INTRODUCES_WHAT_FOLLOWS } from "../text/line-kinds.js";
import { splitSentences } from "../text/sentences.js";
import { analyzeText } from "../text/tokenize.js";
import { type Equivalents, noEquivalents } from "../text/vocabulary.js";

// [1], [1,2], [1-2], 【1】 (full-width brackets and digits are folded first: see foldMarkers).
const MARKER = /[[【](\d+(?:\s*[,，、-]\s*\d+)*)[\]】]/g;
const MARKERS = /(?:\s*[[【]\d+(?:\s*[,，、-]\s*\d+)*[\]】])+/g;
const LEADING_MARKERS = /^(?:\s*[[【]\d+(?:\s*[,，、-]\s*\d+)*[\]】])+/;
// "…五點。[1]", "…週五。」[1]": markers are moved before the full stop (and closing quotes), where a
// sentence splitter keeps them with their sentence.
const MARKERS_AFTER_SENTENCE_END = /([。！？.!?][」』）)"'’”]*)((?:\s*[[【]\d+(?:\s*[,，、-]\s*\d+)*[\]】])+)/g;
// "1. ", "- ", "• ", "**": list and emphasis markup, not content.
const LIST_MARKUP = /^\s*(?:[-*•·]|\d{1,3}[.)、]|[a-zA-Z][.)])\s+|\*\*|__/g;

/** One sentence of a generated answer after the check: its text and the passages it cites. */
export interface CheckedSentence {
  text: string;
  /** 1-based passage numbers, as in the prompt. */
  cites: number[];
  /** The model started it on a new line (a list item, a new paragraph). */
  startsLine: boolean;
}

/** A sentence of generated text, with the markers written after it. */
export interface GeneratedSentence {
  text: string;
  startsLine: boolean;
}

/**
 * Keeps a generated sentence only where a passage supports it: markers that point to no passage
 * are removed; a sentence whose cited passages do not hold its content terms and every number it
 * states is re-cited to the passage that does, or dropped. Only a lead-in ending in a colon stands
 * without a citation: a bare "可以。" or "No." is a claim no passage can be checked for.
 *
 * A word-overlap check cannot see negation: "押金不退還" overlaps "押金無息退還" well. It catches
 * answers from outside the passages and wrong numbers, not every wrong reading of a right passage.
 */
export function checkSentence(
  sentence: GeneratedSentence,
  passages: readonly Passage[],
  /** Translations of a sentence's words, for a sentence written in the other language than its passages. */
  equivalents: Equivalents = noEquivalents,
): CheckedSentence | undefined {
  const normalized = foldMarkers(sentence.text);
  const markers = [...normalized.matchAll(MARKER)].flatMap((match) => citedNumbers(match[1] ?? ""));
  const text = normalized
    .replace(MARKERS, "")
    .replace(/ {2,}/g, " ")
    .replace(/\s+([。！？，；：.!?,;:])/g, "$1")
    .trim();
  const claim = text.replace(LIST_MARKUP, "").trim();
  if (claim === "") return undefined;
  const { startsLine } = sentence;
  if (INTRODUCES_WHAT_FOLLOWS.test(claim)) return { text, cites: [], startsLine };

  const checked = readClaim(claim);
  // Support of each passage (1-based n), or 0 when it lacks a number the sentence states.
  const supportByPassage = passages.map((passage) => supportOf(checked, passage, equivalents));
  const supports = (n: number) => (supportByPassage[n - 1] ?? 0) >= MIN_SUPPORT;
  const supported = [...new Set(markers)].filter(supports);
  if (supported.length > 0) return { text, cites: supported, startsLine };
  const best = supportByPassage.reduce(
    (leader, value, index) => (value > (supportByPassage[leader] ?? 0) ? index : leader),
    0,
  );
  return supports(best + 1) ? { text, cites: [best + 1], startsLine } : undefined;
}

/**
 * Splits generated text into sentences, each with the markers written after it (a model often
 * puts "[1]" after the full stop, where a sentence splitter starts the next sentence).
 */
export function splitGeneratedSentences(text: string): GeneratedSentence[] {
  const sentences: GeneratedSentence[] = [];
  const normalized = foldMarkers(text).replace(MARKERS_AFTER_SENTENCE_END, "$2$1");
  let previousEnd = 0;
  for (const span of splitSentences(normalized)) {
    const startsLine = normalized.slice(previousEnd, span.start).includes("\n");
    previousEnd = span.end;
    const leading = LEADING_MARKERS.exec(span.text)?.[0] ?? "";
    const last = sentences.at(-1);
    if (leading && last) last.text = `${last.text}${leading.trim()}`;
    const rest = span.text.slice(leading.length).trim();
    if (rest) sentences.push({ text: rest, startsLine });
  }
  return sentences;
}

/** Writes a checked sentence back with its markers, as the answer shows it. */
export function renderSentence({ text, cites }: Pick<CheckedSentence, "text" | "cites">): string {
  return `${text}${cites.map((n) => `[${n}]`).join("")}`;
}

/** Checked sentences as one answer: line breaks where the model had them, spaces between English sentences. */
export function joinSentences(sentences: readonly CheckedSentence[], language: "en" | "zh-Hant" | "zh-Hans"): string {
  return sentences
    .map((sentence, index) => `${index === 0 ? "" : separatorBefore(sentence, language)}${renderSentence(sentence)}`)
    .join("");
}

export function separatorBefore(sentence: Pick<CheckedSentence, "startsLine">, language: string): string {
  if (sentence.startsLine) return "\n";
  return language === "en" ? " " : "";
}

/**
 * The part of a passage that supports the given answer sentences: from the first to the last of
 * the passage sentences that best support each of them, as offsets into the passage.
 */
export function quoteSpan(
  passageText: string,
  answerSentences: readonly string[],
  equivalents: Equivalents = noEquivalents,
): { start: number; end: number } {
  const passageSentences = splitSentences(passageText).map((span) => ({
    span,
    terms: new Set(analyzeText(span.text)),
  }));
  const supporting = answerSentences.flatMap((sentence) => {
    const weights = contentWeights(foldMarkers(sentence).replace(MARKERS, ""));
    let best: { start: number; end: number; coverage: number } | undefined;
    for (const { span, terms } of passageSentences) {
      const coverage = literalCoverage(weights, terms, equivalents);
      if (coverage > (best?.coverage ?? 0)) best = { start: span.start, end: span.end, coverage };
    }
    return best ? [best] : [];
  });
  if (supporting.length === 0) return { start: 0, end: passageText.length };
  return {
    start: Math.min(...supporting.map((span) => span.start)),
    end: Math.max(...supporting.map((span) => span.end)),
  };
}

/** ［１］ → [1]; the rest of the text keeps the model's own punctuation. */
function foldMarkers(text: string): string {
  return text
    .replace(/［/g, "[")
    .replace(/］/g, "]")
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

function citedNumbers(list: string): number[] {
  return list.split(/\s*[,，、]\s*/).flatMap((item) => {
    const [from, to] = item.split(/\s*-\s*/).map(Number);
    if (from === undefined || Number.isNaN(from)) return [];
    if (to === undefined || Number.isNaN(to) || to < from || to - from > 10) return [from];
    return Array.from({ length: to - from + 1 }, (_, index) => from + index);
  });
}
