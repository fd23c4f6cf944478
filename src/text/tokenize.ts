import { stemmer } from "stemmer";
import { normalizeForMatching } from "./normalize.js";
import { chineseStopWords, englishStopWords } from "./stop-words.js";

const chineseWordSegmenter = new Intl.Segmenter("zh-Hant", { granularity: "word" });

// A run of Han characters, or a run of other letters and digits (Latin words, numbers, codes).
const TOKEN_RUN = /(\p{Script=Han}+)|([[\p{L}\p{N}]--\p{Script=Han}]+)/gv;
// "1,200" is one number; the comma would otherwise split it.
const THOUSANDS_SEPARATOR = /(?<=\d),(?=\d{3}(?!\d))/g;
// "Wi-Fi", "e-mail": people also write them as one word, so the joined form is a term too.
const HYPHENATED_WORD = /\b([a-z]{1,8})-([a-z]{1,8})\b/g;
// 星期日, 禮拜天, 週日 and 周日 name the same day; terms use one spelling (display text is untouched).
const WEEKDAY = /(?:星期|禮拜|礼拜|週|周)([一二三四五六日天])/g;
// "CS-101", "CS 101": a course code (capitals, then digits) whose parts were written apart.
const SPLIT_COURSE_CODE = /\b([A-Z]{2,5})[\s-](\d{3,4}[A-Z]?)\b/g;

/** How a term was found; bigrams across word boundaries matter less when judging coverage. */
export type TermKind = "word" | "bigram" | "boundary-bigram";

/** Share of a term's weight that counts when judging how much of a question a passage covers. */
const COVERAGE_WEIGHT_BY_KIND: Record<TermKind, number> = { word: 1, bigram: 1, "boundary-bigram": 0.25 };

/**
 * Turns text into index terms: Latin words stemmed without stop words, numbers and course codes
 * whole, and for Chinese both dictionary words (Intl.Segmenter) and overlapping character bigrams,
 * so that a query matches whether or not its words were segmented the same way as the document.
 * The same function serves documents and queries; terms repeat as often as they occur.
 */
export function analyzeText(text: string): string[] {
  const terms: string[] = [];
  collectTerms(text, (term) => terms.push(term));
  return terms;
}

/** The distinct terms of a query, in first-seen order. */
export function analyzeQuery(text: string): string[] {
  return [...analyzeQueryTerms(text).keys()];
}

/** The distinct terms of a query with the share of their weight that counts for coverage. */
export function analyzeQueryTerms(text: string): Map<string, number> {
  const terms = new Map<string, number>();
  collectTerms(text, (term, kind) => {
    terms.set(term, Math.max(terms.get(term) ?? 0, COVERAGE_WEIGHT_BY_KIND[kind]));
  });
  return terms;
}

function collectTerms(text: string, onTerm: (term: string, kind: TermKind) => void): void {
  const folded = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(THOUSANDS_SEPARATOR, "")
    .replace(WEEKDAY, (_, day: string) => `週${day === "天" ? "日" : day}`);
  for (const match of folded.matchAll(TOKEN_RUN)) {
    if (match[1] !== undefined) collectChineseTerms(match[1], onTerm);
    else collectWordTerm(match[2] ?? "", onTerm);
  }
  for (const code of text.normalize("NFKC").matchAll(SPLIT_COURSE_CODE)) {
    onTerm(`${code[1]}${code[2]}`.toLowerCase(), "word");
  }
  for (const word of folded.matchAll(HYPHENATED_WORD)) onTerm(`${word[1]}${word[2]}`, "word");
}

function collectWordTerm(word: string, onTerm: (term: string, kind: TermKind) => void): void {
  if (/\d/.test(word)) onTerm(word, "word");
  else if (!englishStopWords.has(word)) onTerm(word.length > 2 ? stemmer(word) : word, "word");
}

function collectChineseTerms(run: string, onTerm: (term: string, kind: TermKind) => void): void {
  // Words are found in the script the text was written in (the segmenter knows Traditional words
  // better in Traditional), then folded to the matching script character by character.
  const folded = [...normalizeForMatching(run)];
  const sameLength = folded.length === [...run].length;
  // Bigrams that touch a stop word ("選的", "是什") would only add noise, so those characters are
  // masked; each character remembers its word, to tell bigrams inside a word from those across two.
  const wordOfCharacter: number[] = [];
  let wordIndex = 0;
  for (const { segment } of chineseWordSegmenter.segment(sameLength ? run : folded.join(""))) {
    const length = [...segment].length;
    const word = folded.slice(wordOfCharacter.length, wordOfCharacter.length + length).join("");
    const isStopWord = chineseStopWords.has(word);
    if (!isStopWord) onTerm(word, "word");
    wordIndex++;
    for (let index = 0; index < length; index++) wordOfCharacter.push(isStopWord ? -1 : wordIndex);
  }
  for (let index = 0; index + 1 < folded.length; index++) {
    const firstWord = wordOfCharacter[index] ?? -1;
    const secondWord = wordOfCharacter[index + 1] ?? -1;
    if (firstWord < 0 || secondWord < 0) continue;
    onTerm(`${folded[index]}${folded[index + 1]}`, firstWord === secondWord ? "bigram" : "boundary-bigram");
  }
}
