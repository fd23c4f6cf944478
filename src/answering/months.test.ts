import { describe, expect, it } from "vitest";
import { monthsIn } from "./months.js";

describe("monthsIn", () => {
  it("reads the months a text names, in figures, Chinese numerals or English", () => {
    expect([...monthsIn("12 月新埔里還有哪幾天會停電？")]).toEqual([12]);
    expect([...monthsIn("停電時間：114年11月18日上午9時")]).toEqual([11]);
    expect([...monthsIn("十二月底前繳清")]).toEqual([12]);
    expect([...monthsIn("The deadline is 15 March 2027, or Dec. 5 for late fees.")]).toEqual([3, 12]);
    expect([...monthsIn("due 3 May")]).toEqual([5]);
  });

  it("reads no month in a number of months, a monthly fee, a date written with a slash, or the verb may", () => {
    for (const text of ["3個月內", "月費 300 元", "11/18", "You may apply online"]) expect(monthsIn(text).size).toBe(0);
  });
});
