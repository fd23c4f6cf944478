import { describe, expect, it } from "vitest";
import { quantitiesStatedIn, quantityFit, rangesStatedIn } from "./quantity-ranges.js";

describe("quantitiesStatedIn", () => {
  it("reads the quantities a question states, as the whole numbers a table's bands are written in", () => {
    expect(quantitiesStatedIn("一期用超過100度，多出來的每度多少錢？")).toEqual([{ value: 101, unit: "度" }]);
    expect(quantitiesStatedIn("兩個小孩，一個 120 公分、一個 100 公分")).toEqual([
      { value: 120, unit: "公分" },
      { value: 100, unit: "公分" },
    ]);
    expect(quantitiesStatedIn("我家住五樓沒有電梯")).toEqual([{ value: 5, unit: "楼" }]);
    expect(quantitiesStatedIn("Is it free for children under 6 years old?")).toEqual([{ value: 5, unit: "year" }]);
    expect(quantitiesStatedIn("訂單超過 NT$ 1,000 運費多少")).toEqual([{ value: 1001, unit: "元" }]);
  });

  it("reads none where a number has no unit", () => {
    expect(quantitiesStatedIn("608 號房")).toEqual([]);
  });
});

describe("rangesStatedIn and quantityFit", () => {
  it("reads a table's bands in each way they are written", () => {
    expect(rangesStatedIn("第 41–100 度：每度單價 NT$ 13.85")).toEqual([{ low: 41, high: 100, unit: "度" }]);
    expect(rangesStatedIn("第 101 度以上")).toEqual([{ low: 101, high: Number.POSITIVE_INFINITY, unit: "度" }]);
    expect(rangesStatedIn("兒童（身高 110～140 公分）")).toEqual([{ low: 110, high: 140, unit: "公分" }]);
    expect(rangesStatedIn("NT$ 10,000 以下")).toEqual([{ low: Number.NEGATIVE_INFINITY, high: 10000, unit: "元" }]);
    expect(rangesStatedIn("up to 250cc")).toEqual([{ low: Number.NEGATIVE_INFINITY, high: 250, unit: "cc" }]);
    expect(rangesStatedIn("未滿 18 歲")).toEqual([{ low: Number.NEGATIVE_INFINITY, high: 17, unit: "岁" }]);
  });

  it("tells the band holding the asker's quantity from those excluding it, in its unit only", () => {
    const used = quantitiesStatedIn("用超過 100 度");
    expect(quantityFit("第 101 度以上：NT$ 14.50", used)).toBe("holds");
    expect(quantityFit("第 41–100 度：NT$ 13.85", used)).toBe("excludes");
    // A range in another unit says nothing of it.
    expect(quantityFit("3–5 天送達", used)).toBeUndefined();
    expect(quantityFit("每度 NT$ 13.85", used)).toBeUndefined();
  });
});
