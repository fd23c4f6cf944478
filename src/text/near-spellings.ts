import { englishTermOf } from "./english-term.js";
import { soundAlikes } from "./sound-alike.js";
import { englishStopWords } from "./stop-words.js";
import { analyzeQuery } from "./tokenize.js";

/** Shorter words are left alone: "teh" may be "the", "ten" or "tech", and a short code is exact. */
const MIN_CORRECTED_LENGTH = 5;
/**
 * Longer "words" are pasted codes or links, not slips: a word has about 53 times its length in
 * spellings one slip away, so a 4,000-letter one would take seconds and overflow a string.
 */
const MAX_CORRECTED_LENGTH = 24;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
/** The longest function word's length and one: "because" typed "becuase", "themselves" with a letter more. */
const MAX_FUNCTION_WORD_SLIP = 11;
/** The letters a hurried typist leaves out most ("plce", "bcause"). */
const VOWELS = "aeiou";
const LOWERCASE_WORD = /^[a-z]+$/;

/**
 * The words one typing slip away from a question's term. In English, a letter left out, added,
 * changed, or two swapped: "conect" → "connect", "recieve" → "receive"; none for short words,
 * numbers or codes, and one slip only (two would make hundreds of thousands of candidates). In
 * Chinese, a two-character word with one character of the same sound, as a Zhuyin or Pinyin
 * keyboard offers it: "时简" → "时间".
 */
export function nearSpellings(
  term: string,
  /**
   * Whether an English spelling is a word of the language: a slip is put right to a word, not to a
   * string that only stems like one ("adress" is no "ades", stemmed "ad" as "added" is). A spelling
   * that is its own stem (a name or a code the documents use) is taken whatever this says.
   */
  isWord: (word: string) => boolean = () => true,
): string[] {
  const alike = soundAlikes(term);
  if (alike.length > 0) return alike;
  if (!LOWERCASE_WORD.test(term) || term.length > MAX_CORRECTED_LENGTH) return [];
  // Four letters only with two swapped ("tkae") or a letter left out that people often leave out
  // (a vowel, one of a doubled letter, the c of ck or the h of ch, sh, th: "plce", "aply", "chek"),
  // the slips that rarely make another word; shorter ones not at all.
  const near =
    term.length >= MIN_CORRECTED_LENGTH
      ? oneSlipAway(term)
      : term.length >= 4
        ? [...swaps(term), ...withLetterPutBack(term)]
        : [];
  // The index holds stems: "registraton" is near "registration", whose stem is "registr".
  const stems = new Set(
    [...near].flatMap((word) => {
      const stem = englishTermOf(word);
      return stem === word || isWord(word) ? [stem] : [];
    }),
  );
  stems.delete(term);
  return [...stems];
}

/**
 * Whether a term no document uses is a function word or question form typed with a slip: then it
 * is left out like one, rather than weighing as a rare word the documents do not cover.
 */
export function isSlipForFunctionWord(
  term: string,
  /** Whether the term is a word of the language: "whole" is one slip from "whose", and a word of its own. */
  isWord: (term: string) => boolean = () => false,
): boolean {
  return isMisspeltStopWord(term, isWord) || soundAlikes(term).some((alike) => analyzeQuery(alike).length === 0);
}

/**
 * Whether an English word is a function word typed with a slip. A short one only with two letters
 * swapped ("teh", "adn", "waht"), a question word without its h ("wat", "wen", "wich") or its vowels
 * ("hw", "wht"), or a vowel left out ("evry", "frm"), not any other letter changed or left out: a
 * name one letter from a function word (Chen, then) is a name, and
 * "cat" is no "can't". A longer one with any slip ("shoud", "thier", "becuase"), as nearSpellings
 * reads a word: few words of five letters or more are one slip from a function word.
 */
function isMisspeltStopWord(word: string, isWord: (word: string) => boolean): boolean {
  if (!LOWERCASE_WORD.test(word) || englishStopWords.has(word)) return false;
  if (QUESTION_WORDS_WITHOUT_VOWELS.has(word)) return true;
  if (word.length < 3 || word.length > MAX_FUNCTION_WORD_SLIP) return false;
  if (word.length < MIN_CORRECTED_LENGTH)
    return (
      [...swaps(word), ...withLeftOutH(word)].some((typed) => englishStopWords.has(typed)) ||
      // A vowel left out only of what is no word of its own: "sort" is no "sorta".
      (!isWord(word) && withVowelPutBack(word).some((typed) => englishStopWords.has(typed)))
    );
  return !isWord(word) && [...oneSlipAway(word)].some((typed) => englishStopWords.has(typed));
}

const QUESTION_WORDS = ["how", "what", "when", "where", "which", "who", "whose", "why"];
/**
 * Question words as people text them, without their vowels ("hw much", "wht time", "whn"), by that
 * form: not "wh", with which most of them begin.
 */
const QUESTION_WORDS_WITHOUT_VOWELS = new Map(
  QUESTION_WORDS.map((word) => [word.replace(/[aeiou]/g, ""), word] as const).filter(
    ([texted, word]) => texted !== word && texted !== "wh",
  ),
);
const TEXTED_QUESTION_WORD = /\b(?:wh|w|h)[a-z]{0,4}s?\b/g;

/**
 * A question with the question words people text put back as written: without a vowel or the h
 * ("hw", "wht", "wat", "wen") or with their "is" run on ("wheres", "whats"), so that what it asks
 * is read as from "where is", "what".
 */
export function withQuestionWordsWritten(text: string): string {
  return text.replace(TEXTED_QUESTION_WORD, (word) => questionWordTyped(word) ?? word);
}

function questionWordTyped(word: string): string | undefined {
  if (QUESTION_WORDS.includes(word)) return undefined;
  const withoutIs = word.endsWith("s") && QUESTION_WORDS.includes(word.slice(0, -1)) ? word.slice(0, -1) : undefined;
  if (withoutIs) return `${withoutIs} is`;
  const withVowels = QUESTION_WORDS_WITHOUT_VOWELS.get(word);
  if (withVowels) return withVowels;
  const [withH] = withLeftOutH(word);
  return withH !== undefined && QUESTION_WORDS.includes(withH) ? withH : undefined;
}

/** `word` with a vowel put back after its first letter: "evry" → "every", "frm" → "from". */
function withVowelPutBack(word: string): string[] {
  return withLetterAdded(word, () => VOWELS);
}

/** A question word with the h after its w put back: "wat" → "what", "wen" → "when". */
function withLeftOutH(word: string): string[] {
  return word.startsWith("w") && word.charAt(1) !== "h" ? [`wh${word.slice(1)}`] : [];
}

/** `word` with each pair of neighbouring letters swapped, or of letters `apart` places apart. */
function swaps(word: string, apart = 1): string[] {
  const swapped = new Set<string>();
  for (let index = 0; index + apart < word.length; index++) {
    const [first, second] = [word.charAt(index), word.charAt(index + apart)];
    swapped.add(
      word.slice(0, index) + second + word.slice(index + 1, index + apart) + first + word.slice(index + apart + 1),
    );
  }
  swapped.delete(word);
  return [...swapped];
}

/**
 * `word` with a letter people leave out put back: a vowel, the letter before it again, the c of ck,
 * the h of ch, sh, th, wh, ph, gh ("plce", "aply", "chek").
 */
function withLetterPutBack(word: string): string[] {
  return withLetterAdded(
    word,
    (before, after) => `${VOWELS}${before}${after === "k" ? "c" : ""}${"cstwpg".includes(before) ? "h" : ""}`,
  );
}

/**
 * `word` with one of the letters `lettersAt` gives for a place, between the letters before and after
 * it, added there: at every place but before its first letter, which people seldom leave out.
 */
function withLetterAdded(word: string, lettersAt: (before: string, after: string) => string): string[] {
  const near = new Set<string>();
  for (let index = 1; index <= word.length; index++) {
    for (const letter of lettersAt(word.charAt(index - 1), word.charAt(index)))
      near.add(word.slice(0, index) + letter + word.slice(index));
  }
  near.delete(word);
  return [...near];
}

/**
 * `word` with a letter left out, added, changed, or two letters swapped, side by side or across
 * one. Not its first letter, which people seldom get wrong: "ebike" is no slip for "bike", nor
 * "abroad" for "broad".
 */
function oneSlipAway(word: string): Set<string> {
  // Two letters swapped across the one between them, as "desicion" is typed for "decision".
  const near = new Set<string>([...swaps(word), ...swaps(word, 2)]);
  // One pass for every kind of slip at each place: the order is the one ties between words the
  // documents use equally often are broken in.
  for (let index = 1; index <= word.length; index++) {
    const before = word.slice(0, index);
    const after = word.slice(index);
    if (after.length > 0) near.add(before + after.slice(1));
    for (const letter of LETTERS) {
      near.add(before + letter + after);
      if (after.length > 0) near.add(before + letter + after.slice(1));
    }
  }
  near.delete(word);
  return near;
}
