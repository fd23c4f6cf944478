import { englishTermOf } from "./english-term.js";
import { normalizeForMatching } from "./normalize.js";
import { withNumbersInDigits } from "./numbers.js";

/**
 * Units a quantity is measured in, as both languages write them after a number (simplified, as text
 * is folded for matching): the words of measurement, not a deployment's. Longest first, so that
 * 公分 is read before 分 would be.
 */
const UNITS = [
  "公分",
  "厘米",
  "公尺",
  "公里",
  "公斤",
  "个小时",
  "小时",
  "分钟",
  "个月",
  "岁",
  "楼",
  "层",
  "度",
  "米",
  "克",
  "人",
  "位",
  "天",
  "晚",
  "周",
  // A year counted (「住滿 3 年」), not a school year (年級) or a fiscal one (年度).
  "年(?![级度])",
  "次",
  "件",
  "坪",
  "吋",
  "元",
  "kwh",
  "cc",
  "kg",
  "km",
  "cm",
  "gb",
  "mb",
  "minutes?",
  "hours?",
  "days?",
  "nights?",
  "weeks?",
  "months?",
  "years?(?: old)?",
  "people",
  "persons?",
  "guests?",
  "floors?",
  "units?",
];
const UNIT = `(?:${UNITS.join("|")})(?![a-z])`;
/**
 * A number, not a calendar year: 「2027 年」 and the Republic's 「115 年」 are dates, not years' worth of
 * something.
 */
const NUMBER = "(?<![\\d.])(?!\\d{3,4}\\s*年)\\d+(?:\\.\\d+)?";
/** A number and its unit, or a price after its currency: NT$ 10000 is 10000 元. */
const QUANTITY = `(?:(?:nt\\$|\\$)\\s*(${NUMBER})|(${NUMBER})\\s*(${UNIT}))`;

/** What a question says of the quantity it states: at least, more than, or just it. */
const MORE_THAN = "(?:超过|超出|多于|大于|高于|逾|\\b(?:over|more than|above|exceeding)\\b)";
const LESS_THAN = "(?:未满|不满|未达|不足|不到|少于|低于|\\b(?:under|below|less than|fewer than)\\b)";

/** A quantity a question states of its asker's case: 「用了 120 度」, 「超過 100 度」, "a 120 cm child". */
export interface StatedQuantity {
  value: number;
  unit: string;
  /** The number as the question's terms write it ("100" of 「超過 100 度」, whose value is 101). */
  number: string;
}

/** A range a text states of a quantity: 「第 41–100 度」, 「110–140 公分」, 「101 度以上」, "up to 250cc". */
export interface StatedRange {
  low: number;
  high: number;
  unit: string;
}

const QUESTION_QUANTITY = new RegExp(`(${MORE_THAN}|${LESS_THAN})?\\s*${QUANTITY}`, "gu");

/**
 * The quantities a question states, each as the whole number it means: more than 100 is 101 and
 * fewer than 18 is 17, as a table's bands are written (「第 101 度以上」, 「未滿 18 歲」).
 */
export function quantitiesStatedIn(question: string): StatedQuantity[] {
  const folded = normalizeForMatching(question);
  const text = withNumbersInDigits(folded);
  // Days before numerals become digits: 「週六日」 is two days, not 6 日.
  const days = [...folded.matchAll(DAY_OF_WEEK)].map((match) => {
    const { day, term } = dayOf(match[0]);
    return { value: day, unit: WEEKDAY_UNIT, number: term };
  });
  return [
    ...days,
    ...[...text.matchAll(QUESTION_QUANTITY)].flatMap((match) => {
      const [, comparison, price, number, unit] = match;
      const value = Number(price ?? number);
      const step = Number.isInteger(value) ? 1 : 0;
      const stated =
        comparison === undefined ? value : new RegExp(MORE_THAN).test(comparison) ? value + step : value - step;
      return [{ value: stated, unit: unitOf(price === undefined ? unit : "元"), number: String(value) }];
    }),
  ];
}

/** Days of the week are a quantity too: Wednesday is in 「週一至週四」 and in "weekdays", not in 「週六」. */
const WEEKDAY_UNIT = "weekday";
const CHINESE_DAYS = "一二三四五六日天";
const ENGLISH_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const CHINESE_DAY = `(?:星期|礼拜|周)([${CHINESE_DAYS}])(?![天次个])`;
/** A day named in full, or its plural ("Mondays"). */
const ENGLISH_DAY = "\\b(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)s?\\b";
/** Or shortened ("Mon.–Fri.", "Thurs to Sun"), which is a day only where a span of days is written. */
const ENGLISH_DAY_IN_SPAN = "\\b(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|rs|r)?s?\\b\\.?";
const DAY_OF_WEEK = new RegExp(`${CHINESE_DAY}|${ENGLISH_DAY}`, "gu");
const DAY_TO_DAY = new RegExp(
  `(?:${CHINESE_DAY}|${ENGLISH_DAY_IN_SPAN})\\s*(?:至|到|~|～|–|—|-|\\bto\\b|\\bthrough\\b|\\bthru\\b)\\s*(?:${CHINESE_DAY}|${ENGLISH_DAY_IN_SPAN}|([${CHINESE_DAYS}]))`,
  "gu",
);
/** 「每週一、二、四」 and 「週六日」 (Saturday and Sunday; not 「每週三天」, three days a week). */
const DAY_LIST = new RegExp(
  `${CHINESE_DAY}(?:[、,，及和与]\\s*[${CHINESE_DAYS}](?![${CHINESE_DAYS}]))+|(?:星期|礼拜|周)六[日天]`,
  "gu",
);
/** Words for several days at once: 平日 and "weekdays" are Monday to Friday, 週末 and "weekends" the two after. */
const WORKING_DAYS = /平日|工作日|\bweekdays\b/u;
const WEEKEND_DAYS = /周末|\bweekends?\b/u;

/** A day's number (Monday 1, Sunday 7) and its term as questions are read (周三, "wednesdai"). */
function dayOf(written: string): { day: number; term: string } {
  const chinese = new RegExp(CHINESE_DAY, "u").exec(written);
  if (chinese) {
    const index = CHINESE_DAYS.indexOf(chinese[1] ?? "");
    return { day: Math.min(index + 1, 7), term: `周${index >= 6 ? "日" : chinese[1]}` };
  }
  const english = new RegExp(ENGLISH_DAY_IN_SPAN, "u").exec(written);
  return { day: ENGLISH_DAYS.indexOf(english?.[1] ?? "") + 1, term: englishTermOf(written.replace(/s$/u, "")) };
}

/** The spans of days a text states: 「週一至週四」, "Monday to Friday", 「週六」, 平日. */
function daysStatedIn(text: string): StatedRange[] {
  const ranges: StatedRange[] = [];
  const spanned = text.replace(DAY_TO_DAY, (whole, ...groups: (string | undefined)[]) => {
    const [fromChinese, fromEnglish, toChinese, toEnglish, toBare] = groups;
    const from = dayOf(fromChinese !== undefined ? `周${fromChinese}` : (fromEnglish ?? ""));
    const to = dayOf(toChinese !== undefined || toBare !== undefined ? `周${toChinese ?? toBare}` : (toEnglish ?? ""));
    if (from.day > 0 && to.day >= from.day) ranges.push({ low: from.day, high: to.day, unit: WEEKDAY_UNIT });
    // Across the week's end: "Sunday to Thursday".
    else if (from.day > 0 && to.day > 0) {
      ranges.push({ low: from.day, high: 7, unit: WEEKDAY_UNIT }, { low: 1, high: to.day, unit: WEEKDAY_UNIT });
    }
    return " ".repeat(whole.length);
  });
  // 「每週一、二、四」 lists days after one 週.
  for (const match of spanned.matchAll(DAY_LIST)) {
    for (const character of match[0].replace(/^(?:星期|礼拜|周)/u, "")) {
      const index = CHINESE_DAYS.indexOf(character);
      if (index >= 0) ranges.push({ low: Math.min(index + 1, 7), high: Math.min(index + 1, 7), unit: WEEKDAY_UNIT });
    }
  }
  for (const match of spanned.replace(DAY_LIST, (list) => " ".repeat(list.length)).matchAll(DAY_OF_WEEK)) {
    const { day } = dayOf(match[0]);
    if (day > 0) ranges.push({ low: day, high: day, unit: WEEKDAY_UNIT });
  }
  if (WORKING_DAYS.test(text)) ranges.push({ low: 1, high: 5, unit: WEEKDAY_UNIT });
  if (WEEKEND_DAYS.test(text)) ranges.push({ low: 6, high: 7, unit: WEEKDAY_UNIT });
  return ranges;
}

const TO = "(?:–|—|-|~|～|至|到|\\bto\\b)";
const BETWEEN = new RegExp(`(?:(?:nt\\$|\\$)\\s*)?(${NUMBER})\\s*(${UNIT})?\\s*${TO}\\s*${QUANTITY}`, "gu");
/** Both ends of one band: 「滿 6 歲未滿 12 歲」, 「6 歲至未滿 12 歲」. */
const FROM_TO_UNDER = new RegExp(
  `(?:年?满\\s*(${NUMBER})\\s*(${UNIT})?\\s*(?:以上)?\\s*(?:${TO}|、|，|,)?|(${NUMBER})\\s*(${UNIT})?\\s*(?:以上)?\\s*${TO})\\s*${LESS_THAN}\\s*${QUANTITY}`,
  "gu",
);
/** A bound that leaves its own figure out: 「6 歲以下（不含 6 歲）」. */
const NOT_INCLUDED = "\\s*[（(]\\s*不含";
const AT_LEAST_AFTER = new RegExp(
  `${QUANTITY}\\s*(?:\\(含\\)|（含）)?\\s*(?:以上|或以上|\\bor more\\b|\\band (?:over|above|up)\\b|\\+)(${NOT_INCLUDED})?`,
  "gu",
);
const AT_MOST_AFTER = new RegExp(
  `${QUANTITY}\\s*(?:\\(含\\)|（含）)?\\s*(?:以下|以内|或以下|\\bor (?:less|under|fewer|younger)\\b)(${NOT_INCLUDED})?`,
  "gu",
);
/** Within a time: 「30 天內」, 「4 小時內」; 「5 樓內科」 is no band of floors. */
const WITHIN_TIME = new RegExp(`(${NUMBER})\\s*(天|小时|个小时|分钟|周|个月|年|晚)\\s*内`, "gu");
const AT_LEAST_BEFORE = new RegExp(`(?:年满|(?<![未不])满|至少|at least)\\s*${QUANTITY}`, "gu");
const MORE_THAN_BEFORE = new RegExp(`${MORE_THAN}\\s*${QUANTITY}`, "gu");
const AT_MOST_BEFORE = new RegExp(`(?:up to|at most|最多)\\s*${QUANTITY}`, "gu");
const LESS_THAN_BEFORE = new RegExp(`${LESS_THAN}\\s*${QUANTITY}`, "gu");

/** The ranges of quantities a text states (its bands), each with the unit it is in. */
export function rangesStatedIn(text: string): StatedRange[] {
  const words = normalizeForMatching(text);
  const ranges: StatedRange[] = daysStatedIn(words);
  const quantity = (match: RegExpMatchArray, at: number) => {
    const price = match[at];
    return { value: Number(price ?? match[at + 1]), unit: unitOf(price === undefined ? match[at + 2] : "元") };
  };
  const below = (value: number) => value - (Number.isInteger(value) ? 1 : 0);
  const above = (value: number) => value + (Number.isInteger(value) ? 1 : 0);
  // A band with both ends is read whole, and not again as its two halves.
  const folded = withNumbersInDigits(words).replace(FROM_TO_UNDER, (whole, ...groups: (string | undefined)[]) => {
    const [fromAtLeast, atLeastUnit, fromNumber, numberUnit, price, number, unit] = groups;
    const lowUnit = atLeastUnit ?? numberUnit;
    const high = { value: Number(price ?? number), unit: unitOf(price === undefined ? unit : "元") };
    if (lowUnit !== undefined && unitOf(lowUnit) !== high.unit) return whole;
    ranges.push({ low: Number(fromAtLeast ?? fromNumber), high: below(high.value), unit: high.unit });
    return " ".repeat(whole.length);
  });
  for (const match of folded.matchAll(BETWEEN)) {
    const high = quantity(match, 3);
    // "5 minutes to 1 hour" is no band of hours from 5.
    if (match[2] === undefined || unitOf(match[2]) === high.unit)
      ranges.push({ low: Number(match[1]), high: high.value, unit: high.unit });
  }
  const bound = (pattern: RegExp, toRange: (value: number, excluded: boolean) => [number, number]) => {
    for (const match of folded.matchAll(pattern)) {
      const { value, unit } = quantity(match, 1);
      const [low, high] = toRange(value, match[4] !== undefined);
      ranges.push({ low, high, unit });
    }
  };
  bound(AT_LEAST_AFTER, (value, excluded) => [excluded ? above(value) : value, Number.POSITIVE_INFINITY]);
  bound(AT_LEAST_BEFORE, (value) => [value, Number.POSITIVE_INFINITY]);
  bound(MORE_THAN_BEFORE, (value) => [above(value), Number.POSITIVE_INFINITY]);
  bound(AT_MOST_AFTER, (value, excluded) => [Number.NEGATIVE_INFINITY, excluded ? below(value) : value]);
  bound(AT_MOST_BEFORE, (value) => [Number.NEGATIVE_INFINITY, value]);
  bound(LESS_THAN_BEFORE, (value) => [Number.NEGATIVE_INFINITY, below(value)]);
  for (const match of folded.matchAll(WITHIN_TIME))
    ranges.push({ low: Number.NEGATIVE_INFINITY, high: Number(match[1]), unit: unitOf(match[2]) });
  return ranges;
}

/** The bands of a text, read once for what they say of the question's quantities (see quantityFit, numbersHeld). */
export interface Bands {
  fit: "holds" | "excludes" | undefined;
  held: string[];
}

/** A text's bands read for the question's quantities: whether one holds them, and the numbers they cover. */
export function bandsOf(text: string, quantities: readonly StatedQuantity[]): Bands {
  const ranges = quantities.length === 0 ? [] : rangesStatedIn(text);
  const inUnits = ranges.filter((range) => quantities.some((quantity) => quantity.unit === range.unit));
  const fit =
    inUnits.length === 0
      ? undefined
      : inUnits.some((range) => quantities.some((quantity) => holds(range, quantity)))
        ? "holds"
        : "excludes";
  const held = quantities
    .filter((quantity) => NAMING_UNITS.has(quantity.unit) && inUnits.some((range) => holds(range, quantity)))
    .map((quantity) => quantity.number);
  return { fit, held };
}

/**
 * Whether a text states a range holding a quantity the question states, in the same unit (the band
 * of a table the asker's case falls in: 「第 101 度以上」 for 「用了超過 100 度」, 「身高 110–140 公分」 for
 * a child of 120 公分), only ranges in its units that exclude it, or neither.
 */
export function quantityFit(text: string, quantities: readonly StatedQuantity[]): Bands["fit"] {
  return bandsOf(text, quantities).fit;
}

/**
 * Units that say what they measure: an age (歲), a height (公分), a floor, a meter's units (度). A span
 * of days or months may be of anything (a stay of 「三個月以上」 holds no baby's five months), and
 * every page of hours spans the weekdays whatever a question about a Tuesday asks, so a band in those
 * units is preferred (quantityFit) but covers no number.
 */
const NAMING_UNITS = new Set(["岁", "公分", "公斤", "楼", "层", "floor", "度", "kwh", "cc", "坪"]);

/**
 * The numbers of the question's quantities that a text's bands hold, in units that say what they
 * measure (NAMING_UNITS): 「未滿 12 歲」 covers the 10 of 「我女兒 10 歲」 as fully as writing it would.
 * A text is read only when the question states such a quantity.
 */
export function numbersHeld(text: string, quantities: readonly StatedQuantity[]): string[] {
  const named = quantities.filter((quantity) => NAMING_UNITS.has(quantity.unit));
  return named.length === 0 ? [] : bandsOf(text, named).held;
}

/** A text's terms with the numbers its bands hold (see numbersHeld); the terms themselves when none. */
export function withQuantitiesHeld(
  terms: ReadonlySet<string>,
  text: string,
  quantities: readonly StatedQuantity[],
): ReadonlySet<string> {
  const held = numbersHeld(text, quantities);
  return held.length === 0 ? terms : new Set([...terms, ...held]);
}

function holds(range: StatedRange, quantity: StatedQuantity): boolean {
  return range.unit === quantity.unit && quantity.value >= range.low && quantity.value <= range.high;
}

/** A unit as one spelling: "nights" and "night", "years old" and "year". */
function unitOf(unit: string | undefined): string {
  // An age in English is an age in Chinese: "6 years old" and 「6 歲」.
  if (/ old$/u.test(unit ?? "")) return "岁";
  const word = (unit ?? "").replace(/^个(?=小时)/u, "");
  const singular = /^[a-z]+s$/u.test(word) && word !== "people" ? word.slice(0, -1) : word;
  return SAME_UNIT[singular] ?? singular;
}

/** One unit written in either language's way: 120cm is 120 公分. */
const SAME_UNIT: Record<string, string> = { cm: "公分", 厘米: "公分", kg: "公斤", km: "公里" };
