import { THOUSANDS_SEPARATOR } from "./tokenize.js";

const DIGIT_VALUES: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  兩: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT_VALUES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const MYRIAD_VALUES: Record<string, number> = { 萬: 10_000, 万: 10_000, 億: 100_000_000, 亿: 100_000_000 };

// A run of Chinese numerals that counts something: after 第, or before a counter (週, 年, 元, 學分…).
// "一般", "統一" and "唯一" are words, not numbers, so a lone numeral needs one of those neighbours.
const CHINESE_NUMBER =
  /(?<=第)[零〇一二兩两三四五六七八九十百千萬万億亿]+|[零〇一二兩两三四五六七八九十百千萬万億亿]+(?=[週周年月日天次個个學学分元塊块點点時时小人冊册期成倍頁页級级樓楼號号項项條条位名]|分鐘|分钟)|[一二兩两三四五六七八九][十百千萬万億亿][零〇一二兩两三四五六七八九十百千萬万億亿]*|十[零〇一二兩两三四五六七八九]/g;

const ENGLISH_NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  hundred: 100,
  thousand: 1000,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};
const ENGLISH_NUMBER = new RegExp(`\\b(?:${Object.keys(ENGLISH_NUMBER_WORDS).join("|")})\\b`, "gi");

/**
 * The numbers a text states, whichever way they are written: "3,000", "三千", "第三週" and "third"
 * all count, so that a sentence and its source can be compared number for number.
 */
export function numbersIn(text: string): Set<string> {
  return new Set([...withNumbersInDigits(text).matchAll(/\d+(?:\.\d+)?/g)].map((match) => String(Number(match[0]))));
}

/** A text with its numbers written in digits, without thousands separators: 「三千元」 → 「 3000 元」. */
export function withNumbersInDigits(text: string): string {
  return text
    .normalize("NFKC")
    .replace(THOUSANDS_SEPARATOR, "")
    .replace(CHINESE_NUMBER, (numeral) => ` ${parseChineseNumber(numeral)} `)
    .replace(ENGLISH_NUMBER, (word) => ` ${ENGLISH_NUMBER_WORDS[word.toLowerCase()]} `);
}

/** "三千五百" → 3500, "十二" → 12, "一萬" → 10000, "二〇二六" → 2026 (digit by digit). */
export function parseChineseNumber(numeral: string): number {
  const characters = [...numeral];
  if (characters.every((character) => character in DIGIT_VALUES)) {
    return Number(characters.map((character) => DIGIT_VALUES[character]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const character of characters) {
    if (character in DIGIT_VALUES) digit = DIGIT_VALUES[character] ?? 0;
    else if (character in UNIT_VALUES) {
      section += (digit || 1) * (UNIT_VALUES[character] ?? 1);
      digit = 0;
    } else if (character in MYRIAD_VALUES) {
      total += (section + digit || 1) * (MYRIAD_VALUES[character] ?? 1);
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}
