import { stemmer } from "stemmer";
import { normalizeForMatching } from "./normalize.js";
import { chineseStopWords, englishStopWords } from "./stop-words.js";

const chineseWordSegmenter = new Intl.Segmenter("zh-Hant", { granularity: "word" });

// A run of Han characters, or a run of other letters and digits (Latin words, numbers, codes).
const TOKEN_RUN = /(\p{Script=Han}+)|([[\p{L}\p{N}]--\p{Script=Han}]+)/gv;
// "1,200" is one number; the comma would otherwise split it.
const THOUSANDS_SEPARATOR = /(?<=\d),(?=\d{3}(?!\d))/g;
// "CS-101", "CS 101": a course code (capitals, then digits) whose parts were written apart.
const SPLIT_COURSE_CODE = /\b([A-Z]{2,5})[\s-](\d{3,4}[A-Z]?)\b/g;
const DIGITS = /^\d+$/;

/**
 * Turns text into index terms: Latin words stemmed without stop words, numbers and course codes
 * whole, and for Chinese both dictionary words (Intl.Segmenter) and overlapping character bigrams,
 * so that a query matches whether or not its words were segmented the same way as the document.
 * The same function serves documents and queries; terms repeat as often as they occur.
 */
export function analyzeText(text: string): string[] {
  const normalized = normalizeForMatching(text).replace(THOUSANDS_SEPARATOR, "");
  const terms: string[] = [];
  for (const match of normalized.matchAll(TOKEN_RUN)) {
    if (match[1] !== undefined) addChineseTerms(match[1], terms);
    else addWordTerm(match[2] ?? "", terms);
  }
  for (const code of text.normalize("NFKC").matchAll(SPLIT_COURSE_CODE)) {
    terms.push(`${code[1]}${code[2]}`.toLowerCase());
  }
  return terms;
}

/** The distinct terms of a query, in first-seen order. */
export function analyzeQuery(text: string): string[] {
  return [...new Set(analyzeText(text))];
}

function addWordTerm(word: string, terms: string[]): void {
  if (DIGITS.test(word) || /\d/.test(word)) {
    terms.push(word);
    return;
  }
  if (englishStopWords.has(word)) return;
  terms.push(word.length > 2 ? stemmer(word) : word);
}

function addChineseTerms(run: string, terms: string[]): void {
  // Bigrams that touch a stop word ("選的", "是什") would only add noise, so those characters are masked.
  const characters: (string | undefined)[] = [];
  for (const { segment } of chineseWordSegmenter.segment(run)) {
    const isStopWord = chineseStopWords.has(segment);
    if (!isStopWord) terms.push(segment);
    for (const character of segment) characters.push(isStopWord ? undefined : character);
  }
  for (let index = 0; index + 1 < characters.length; index++) {
    const first = characters[index];
    const second = characters[index + 1];
    if (first !== undefined && second !== undefined) terms.push(first + second);
  }
}
