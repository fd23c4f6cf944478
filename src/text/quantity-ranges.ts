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
  "年",
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
const NUMBER = "\\d+(?:\\.\\d+)?";
/** A number and its unit, or a price after its currency: NT$ 10000 is 10000 元. */
const QUANTITY = `(?:(?:nt\\$|\\$)\\s*(${NUMBER})|(${NUMBER})\\s*(${UNIT}))`;

/** What a question says of the quantity it states: at least, more than, or just it. */
const MORE_THAN = "(?:超过|超出|多于|大于|高于|逾|over|more than|above|exceeding)";
const LESS_THAN = "(?:未满|不满|不到|少于|低于|under|below|less than|fewer than)";

/** A quantity a question states of its asker's case: 「用了 120 度」, 「超過 100 度」, "a 120 cm child". */
export interface StatedQuantity {
  value: number;
  unit: string;
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
  const text = readable(question);
  return [...text.matchAll(QUESTION_QUANTITY)].flatMap((match) => {
    const [, comparison, price, number, unit] = match;
    const value = Number(price ?? number);
    const step = Number.isInteger(value) ? 1 : 0;
    const stated =
      comparison === undefined ? value : new RegExp(MORE_THAN).test(comparison) ? value + step : value - step;
    return [{ value: stated, unit: unitOf(price === undefined ? unit : "元") }];
  });
}

const TO = "(?:–|—|-|~|～|至|到|to)";
const BETWEEN = new RegExp(`(?:(?:nt\\$|\\$)\\s*)?(${NUMBER})\\s*(${UNIT})?\\s*${TO}\\s*${QUANTITY}`, "gu");
const AT_LEAST_AFTER = new RegExp(
  `${QUANTITY}\\s*(?:\\(含\\)|（含）)?\\s*(?:以上|或以上|or more|and (?:over|above|up)|\\+)`,
  "gu",
);
const AT_MOST_AFTER = new RegExp(
  `${QUANTITY}\\s*(?:\\(含\\)|（含）)?\\s*(?:以下|以内|或以下|or (?:less|under|fewer|younger))`,
  "gu",
);
const AT_LEAST_BEFORE = new RegExp(`(?:年满|(?<![未不])满|至少|at least)\\s*${QUANTITY}`, "gu");
const MORE_THAN_BEFORE = new RegExp(`${MORE_THAN}\\s*${QUANTITY}`, "gu");
const AT_MOST_BEFORE = new RegExp(`(?:up to|at most|最多)\\s*${QUANTITY}`, "gu");
const LESS_THAN_BEFORE = new RegExp(`${LESS_THAN}\\s*${QUANTITY}`, "gu");

/** The ranges of quantities a text states (its bands), each with the unit it is in. */
export function rangesStatedIn(text: string): StatedRange[] {
  const folded = readable(text);
  const ranges: StatedRange[] = [];
  const quantity = (match: RegExpMatchArray, at: number) => {
    const price = match[at];
    return { value: Number(price ?? match[at + 1]), unit: unitOf(price === undefined ? match[at + 2] : "元") };
  };
  for (const match of folded.matchAll(BETWEEN)) {
    const high = quantity(match, 3);
    ranges.push({ low: Number(match[1]), high: high.value, unit: high.unit });
  }
  const bound = (pattern: RegExp, toRange: (value: number) => [number, number]) => {
    for (const match of folded.matchAll(pattern)) {
      const { value, unit } = quantity(match, 1);
      const [low, high] = toRange(value);
      ranges.push({ low, high, unit });
    }
  };
  bound(AT_LEAST_AFTER, (value) => [value, Number.POSITIVE_INFINITY]);
  bound(AT_LEAST_BEFORE, (value) => [value, Number.POSITIVE_INFINITY]);
  bound(MORE_THAN_BEFORE, (value) => [value + (Number.isInteger(value) ? 1 : 0), Number.POSITIVE_INFINITY]);
  bound(AT_MOST_AFTER, (value) => [Number.NEGATIVE_INFINITY, value]);
  bound(AT_MOST_BEFORE, (value) => [Number.NEGATIVE_INFINITY, value]);
  bound(LESS_THAN_BEFORE, (value) => [Number.NEGATIVE_INFINITY, value - (Number.isInteger(value) ? 1 : 0)]);
  return ranges;
}

/**
 * Whether a text states a range holding a quantity the question states, in the same unit (the band
 * of a table the asker's case falls in: 「第 101 度以上」 for 「用了超過 100 度」, 「身高 110–140 公分」 for
 * a child of 120 公分), only ranges in its units that exclude it, or neither.
 */
export function quantityFit(text: string, quantities: readonly StatedQuantity[]): "holds" | "excludes" | undefined {
  const ranges = rangesStatedIn(text).filter((range) => quantities.some((quantity) => quantity.unit === range.unit));
  if (ranges.length === 0) return undefined;
  const holds = ranges.some((range) =>
    quantities.some(
      (quantity) => quantity.unit === range.unit && quantity.value >= range.low && quantity.value <= range.high,
    ),
  );
  return holds ? "holds" : "excludes";
}

function readable(text: string): string {
  return withNumbersInDigits(normalizeForMatching(text));
}

/** A unit as one spelling: "nights" and "night", "years old" and "year". */
function unitOf(unit: string | undefined): string {
  const word = (unit ?? "").replace(/ old$/u, "");
  return /^[a-z]+s$/u.test(word) && word !== "people" ? word.slice(0, -1) : word;
}
