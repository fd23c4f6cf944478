import { describe, expect, it } from "vitest";
import { numbersIn, parseChineseNumber } from "./numbers.js";

describe("numbersIn", () => {
  it("reads digits, Chinese numerals and English number words alike", () => {
    expect(numbersIn("押金 NT$ 3,000 元")).toEqual(new Set(["3000"]));
    expect(numbersIn("押金三千元，第三週週五")).toEqual(new Set(["3000", "3"]));
    expect(numbersIn("after the first year, within ten days")).toEqual(new Set(["1", "10"]));
  });

  it("leaves words that merely contain a numeral alone", () => {
    expect(numbersIn("一般生統一辦理，唯一的例外")).toEqual(new Set());
  });
});

describe("parseChineseNumber", () => {
  it.each([
    ["十二", 12],
    ["三千五百", 3500],
    ["一萬", 10_000],
    ["兩萬三千", 23_000],
    ["二〇二六", 2026],
  ])("reads %s as %d", (numeral, value) => {
    expect(parseChineseNumber(numeral)).toBe(value);
  });
});
