import { englishTermOf } from "./english-term.js";
import {
  convertToTraditional,
  isWrittenInSimplified,
  normalizeForMatching,
  withChineseQuestionWordsWritten,
} from "./normalize.js";
import { romanisedName } from "./romanised-names.js";
import { chineseStopWords, englishStopWords } from "./stop-words.js";
import { generalIdfOf, isKnownWord } from "./word-specificity.js";

const chineseWordSegmenter = new Intl.Segmenter("zh-Hant", { granularity: "word" });

// A run of Han characters, or a run of other letters and digits (Latin words, numbers, codes).
const TOKEN_RUN = /(\p{Script=Han}+)|([[\p{L}\p{N}]--\p{Script=Han}]+)/gv;
// "1,200" is one number; the comma would otherwise split it.
export const THOUSANDS_SEPARATOR = /(?<=\d),(?=\d{3}(?!\d))/g;
// "Wi-Fi", "e-mail": people also write them as one word, so the joined form is a term too.
const HYPHENATED_WORD = /\b([a-z]{1,8})-([a-z]{1,8})\b/g;
// 星期日, 禮拜天, 週日 and 周日 name the same day; terms use one spelling (display text is untouched).
const WEEKDAY = /(?:星期|禮拜|礼拜|週|周)([一二三四五六日天])/g;
// Question forms, in the matching script (幾點, 幾本, 多久, 哪一, 何時, 為何, 什麼樣): never a topic of their own.
export const INTERROGATIVE_PREFIX =
  /^(?:几[个点次天年岁本号月位张门周间名条项种份]?|多(?:久|长|大|远|少钱?)|哪[一个些里位种边年国样]?|何(?:年|时|处|人|种|者|事|地)|为(?:何|甚么|什么)|什么(?:东西|样|人|地方)?|甚么|怎么样?)/u;
// A number or 每 before a measure word (一本, 兩張, 每份): what is counted is the measure word, which a
// document writes with another number ("一本多少錢" and 「每本規費 30 元」).
const COUNTED_MEASURE = /^[一二两三四五六七八九十半每](?=[本张份个次位名件台部间条项种堂门]$)/u;
const WEEK_WORD = /^(?:星期|礼拜|周)$/u;
// 哪 and 幾 written apart from what they count (哪/支/電話, 幾/包): the one character after them is
// a measure word or a unit, part of the question form.
const COUNTING_QUESTION_WORD = /^(?:哪|几)$/u;
// "How long", "how often": the question form, like 多久; what it asks about is elsewhere.
const HOW_QUESTION = /\bhow (?:long|often|soon|far)\b/g;
// "CS-101", "CS 101": a course code (capitals, then digits) whose parts were written apart.
const SPLIT_COURSE_CODE = /\b([A-Z]{2,5})[\s-](\d{3,4}[A-Z]?)\b/g;
// A number with its unit typed on ("1200cc", "5kg", "30min"): documents set the unit apart ("1,200 cc").
const NUMBER_WITH_UNIT = /^(\d+)(\p{L}{1,4})$/u;

/**
 * Share of a term's weight that counts when judging how much of a question a passage covers. A
 * Chinese word and the bigrams inside it name one thing, so they split one word's share between
 * them (a long name would otherwise count several times over); bigrams across words count less.
 */
const WORD_SHARE = 1;
const WORD_SHARE_OF_LONG_WORD = 0.5;
const BOUNDARY_BIGRAM_SHARE = 0.25;

/** Receives each term with its coverage share, and whether it is a bigram across two words. */
type TermSink = (term: string, share: number, acrossWords: boolean) => void;

/** A distinct term of a query. */
export interface QueryTerm {
  /** Share of the term's weight that counts for coverage. */
  share: number;
  /** Only ever a bigram across two words: it names nothing unless the documents happen to hold it. */
  acrossWords: boolean;
}

/**
 * Turns text into index terms: Latin words stemmed without stop words, numbers and course codes
 * whole, and for Chinese both dictionary words (Intl.Segmenter) and overlapping character bigrams,
 * so that a query matches whether or not its words were segmented the same way as the document.
 * A name the segmenter does not know is also a term as English writes it in Pinyin, marked (北礁
 * as 拼beijiao), which an English question's "Beijiao" is searched as, a translation; a question's
 * own terms have no such term (analyzeQueryTerms), as sounds alike would find other words (時間 and
 * 事件). Terms repeat as often as they occur.
 */
export function analyzeText(text: string): string[] {
  const terms: string[] = [];
  collectTerms(text, (term) => terms.push(term), { romaniseNames: true });
  return terms;
}

/** Whether a text has a word a search can use: not only punctuation, spaces or common function words. */
export function hasSearchableWord(text: string): boolean {
  return analyzeQuery(text).length > 0;
}
export const NO_SEARCHABLE_WORD = "has no word that can be searched for (only punctuation or common function words)";

/** The distinct terms of a query, in first-seen order. */
export function analyzeQuery(text: string): string[] {
  return [...analyzeQueryTerms(text).keys()];
}

/** The distinct terms of a query with the share of their weight that counts for coverage. */
export function analyzeQueryTerms(text: string): Map<string, QueryTerm> {
  const terms = new Map<string, QueryTerm>();
  collectTerms(text, (term, share, acrossWords) => {
    const seen = terms.get(term);
    terms.set(term, {
      share: Math.max(seen?.share ?? 0, share),
      acrossWords: (seen?.acrossWords ?? true) && acrossWords,
    });
  });
  return terms;
}

interface Reading {
  /** Whether names the segmenter does not know are also terms in Pinyin (see analyzeText). */
  romaniseNames: boolean;
}

function collectTerms(text: string, onTerm: TermSink, reading: Reading = { romaniseNames: false }): void {
  const written = text.normalize("NFKC").toLowerCase();
  // 啥時候 is a question form as 什麼時候 is, never a topic.
  const folded = withChineseQuestionWordsWritten(written)
    .replace(THOUSANDS_SEPARATOR, "")
    .replace(WEEKDAY, (_, day: string) => `週${day === "天" ? "日" : day}`)
    .replace(HOW_QUESTION, "how");
  // The whole text decides its script, not a run of it: a Traditional text's run of characters both
  // scripts share (八卦台地) is not guessed into Traditional (八卦臺地 splits worse).
  const inSimplified = isWrittenInSimplified(written);
  for (const match of folded.matchAll(TOKEN_RUN)) {
    if (match[1] !== undefined) collectChineseTerms(match[1], inSimplified, onTerm, reading);
    else collectWordTerm(match[2] ?? "", onTerm);
  }
  for (const code of text.normalize("NFKC").matchAll(SPLIT_COURSE_CODE)) {
    onTerm(`${code[1]}${code[2]}`.toLowerCase(), WORD_SHARE, false);
  }
  // Stemmed as the word typed whole is: "E-bikes" is found by "ebike".
  for (const word of folded.matchAll(HYPHENATED_WORD)) onTerm(englishTermOf(`${word[1]}${word[2]}`), WORD_SHARE, false);
}

/**
 * A word the language at large does not know as one, glued from a stop word and a word ("掉了",
 * "舊的", "被罰"), stands for the word: the particle would make it a term no document holds, weighed
 * as the rarest. Words that hold a stop word as part of them (目的, 了解, 為了) are known words.
 * Returns where the word lies in `characters`, past the question form's first `questionFormLength`.
 */
function withoutEdgeParticles(characters: string[], questionFormLength: number): { start: number; end: number } {
  let start = questionFormLength;
  let end = characters.length;
  if (end - start < 2 || isKnownWord(characters.slice(start).join(""))) return { start, end };
  while (start < end - 1 && chineseStopWords.has(characters[start] ?? "")) start++;
  while (end - 1 > start && chineseStopWords.has(characters[end - 1] ?? "")) end--;
  return { start, end };
}

function collectWordTerm(written: string, onTerm: TermSink): void {
  const word = withoutAccents(written);
  const withUnit = NUMBER_WITH_UNIT.exec(word);
  if (withUnit) {
    // The unit even when it is a function word alone ("3D" and its "d"): written on, it is a unit.
    onTerm(withUnit[1] ?? "", WORD_SHARE, false);
    onTerm(englishTermOf(withUnit[2] ?? ""), WORD_SHARE, false);
  } else if (/\d/.test(word)) onTerm(word, WORD_SHARE, false);
  else if (!englishStopWords.has(word)) onTerm(englishTermOf(word), WORD_SHARE, false);
}

const LATIN_WITH_MARKS = /^[\p{Script=Latin}\p{M}\d'-]+$/u;

/** A Latin word without its accents: "Café" is asked as "cafe", "résumé" as "resume". */
function withoutAccents(word: string): string {
  return LATIN_WITH_MARKS.test(word) && /\P{ASCII}/u.test(word) ? word.normalize("NFD").replace(/\p{M}/gu, "") : word;
}

/**
 * A text's words as the segmenter finds them, but for a two-character stop word it cut in half to
 * make a far rarer word of its second character and the next one (大概要 as 大 and 概要, "summary",
 * where 大概 要 is "about, it takes"): the stop word is taken whole, which the language uses far more
 * (FAR_MORE_COMMON) than the word it was cut into.
 */
export function segmentWords(text: string): { segment: string; isWordLike: boolean }[] {
  // Array.from maps as it goes: each segment object holds the whole input, which spread first would keep.
  const words = Array.from(chineseWordSegmenter.segment(text), ({ segment, isWordLike }) => ({
    segment,
    isWordLike: isWordLike ?? false,
  }));
  for (let index = 0; index + 1 < words.length; index++) {
    const before = words[index]?.segment ?? "";
    const [first = "", ...rest] = [...(words[index + 1]?.segment ?? "")];
    // Only a character the segmenter left alone before a word whose rest is a stop word too (大 | 概要
    // leaves 要): 還有 | 點數 and 有點 | 數 are both words, and 點數 is the one meant.
    if ([...before].length !== 1 || rest.length === 0) continue;
    const [whole, remainder] = [`${before}${first}`, rest.join("")];
    if (!chineseStopWords.has(normalizeForMatching(remainder))) continue;
    const stopWord = normalizeForMatching(whole);
    if (!chineseStopWords.has(stopWord)) continue;
    const cutIdf = generalIdfOf(normalizeForMatching(`${first}${remainder}`));
    const wholeIdf = generalIdfOf(stopWord);
    if (cutIdf === undefined || wholeIdf === undefined || cutIdf - wholeIdf < FAR_MORE_COMMON) continue;
    words.splice(index, 2, { segment: whole, isWordLike: true }, { segment: remainder, isWordLike: true });
  }
  return words;
}
/** How much lower a stop word's general-language IDF is than the word it was cut into, to be taken whole. */
const FAR_MORE_COMMON = 2;

function collectChineseTerms(run: string, inSimplified: boolean, onTerm: TermSink, reading: Reading): void {
  // Words are found in Traditional, which the segmenter knows better (马来西亚 and 区公所 fall
  // apart in Simplified, 馬來西亞 and 區公所 do not), then folded to the matching script character
  // by character. A Simplified text is written in Traditional to be segmented.
  const foldedRun = normalizeForMatching(run);
  const folded = [...foldedRun];
  const inTraditional = inSimplified ? convertToTraditional(run) : run;
  // OpenCC's tables map each character to one; were a guess to change the length, the words
  // could not be laid over the folded characters, so the folded run is segmented instead.
  const sameLength = folded.length === [...inTraditional].length;
  // Bigrams that touch a stop word ("選的", "是什") would only add noise, so those characters are
  // masked; each character remembers its word, to tell bigrams inside a word from those across two.
  const wordOfCharacter: number[] = [];
  const bigramShareOfWord: number[] = [];
  const lengthOfWord: number[] = [];
  let wordIndex = 0;
  let previousWord = "";
  const segments = segmentWords(sameLength ? inTraditional : foldedRun);
  for (const [index, { segment }] of segments.entries()) {
    const length = [...segment].length;
    const characters = folded.slice(wordOfCharacter.length, wordOfCharacter.length + length);
    const word = characters.join("");
    // The segmenter joins some runs of stop words ("是在", "是誰") into one word; 禮拜 of 禮拜幾 is
    // part of the question form, as 幾 is: it asks which day, which a document names (週三).
    const isStopWord =
      chineseStopWords.has(word) ||
      characters.every((character) => chineseStopWords.has(character)) ||
      (WEEK_WORD.test(word) && normalizeForMatching(segments[index + 1]?.segment ?? "") === "几");
    // 哪一條 as much as 哪條: the number and the measure word after 哪 or 幾 are the question form.
    const countedByQuestion = COUNTING_QUESTION_WORD.test(previousWord) && (length === 1 || COUNTED_MEASURE.test(word));
    previousWord = word;
    // "幾點", "幾本書", "多久": the question form is masked like a stop word; what it asks about stays.
    const questionFormLength =
      isStopWord || countedByQuestion
        ? length
        : (INTERROGATIVE_PREFIX.exec(word)?.[0].length ?? COUNTED_MEASURE.exec(word)?.[0].length ?? 0);
    const { start, end } = withoutEdgeParticles(characters, questionFormLength);
    const rest = characters.slice(start, end).join("");
    const restLength = end - start;
    if (rest !== "") onTerm(rest, restLength > 2 ? WORD_SHARE_OF_LONG_WORD : WORD_SHARE, false);
    bigramShareOfWord.push(restLength > 2 ? (WORD_SHARE - WORD_SHARE_OF_LONG_WORD) / (restLength - 1) : WORD_SHARE);
    lengthOfWord.push(restLength);
    wordIndex++;
    for (let index = 0; index < length; index++) wordOfCharacter.push(index < start || index >= end ? -1 : wordIndex);
  }
  for (let index = 0; index + 1 < folded.length; index++) {
    const firstWord = wordOfCharacter[index] ?? -1;
    const secondWord = wordOfCharacter[index + 1] ?? -1;
    if (firstWord < 0 || secondWord < 0) continue;
    const acrossWords = firstWord !== secondWord;
    const share = acrossWords ? BOUNDARY_BIGRAM_SHARE : (bigramShareOfWord[firstWord - 1] ?? WORD_SHARE);
    const bigram = `${folded[index]}${folded[index + 1]}`;
    onTerm(bigram, share, acrossWords);
    // Two characters of which the segmenter left one alone, together no word the language knows: a
    // name's (北 | 礁 | 島, 西 | 屯; 往北 | 礁 | 島, as it cuts a name it does not know by its neighbours).
    const lone = acrossWords && (lengthOfWord[firstWord - 1] === 1 || lengthOfWord[secondWord - 1] === 1);
    const romanised = reading.romaniseNames && lone && !isKnownWord(bigram) ? romanisedName(bigram) : undefined;
    if (romanised) onTerm(romanised, share, acrossWords);
  }
}
