import { parseChineseNumber } from "../text/numbers.js";

/** Months as a text names them: 12 月, 十二月, "December", "Dec". */
const CHINESE_MONTH = /(?<![\d.個个/])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?![費费])/gu;
const ENGLISH_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ENGLISH_MONTH =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/giu;

/** The months a text names, 1 to 12. "May" counts only beside a figure or at the end: "you may apply" names none. */
export function monthsIn(text: string): Set<number> {
  const months = new Set<number>();
  for (const [, month = ""] of text.matchAll(CHINESE_MONTH)) {
    const number = /\d/.test(month) ? Number(month) : parseChineseNumber(month);
    if (number >= 1 && number <= 12) months.add(number);
  }
  for (const [, name = ""] of text.toLowerCase().matchAll(ENGLISH_MONTH)) {
    if (name === "may" && !/\bmay\s*\d|\d\s*may\b/u.test(text.toLowerCase())) continue;
    months.add(ENGLISH_MONTHS.indexOf(name.slice(0, 3)) + 1);
  }
  return months;
}
