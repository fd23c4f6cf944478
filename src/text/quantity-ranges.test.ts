import { describe, expect, it } from "vitest";
import { numbersHeld, quantitiesStatedIn, quantityFit, rangesStatedIn } from "./quantity-ranges.js";

describe("quantitiesStatedIn", () => {
  it("reads the quantities a question states, as the whole numbers a table's bands are written in", () => {
    expect(quantitiesStatedIn("一期用超過100度，多出來的每度多少錢？")).toEqual([
      { value: 101, unit: "度", number: "100" },
    ]);
    expect(quantitiesStatedIn("兩個小孩，一個 120 公分、一個 100 公分")).toEqual([
      { value: 120, unit: "公分", number: "120" },
      { value: 100, unit: "公分", number: "100" },
    ]);
    expect(quantitiesStatedIn("我家住五樓沒有電梯")).toEqual([{ value: 5, unit: "楼", number: "5" }]);
    // An age in English is one in Chinese.
    expect(quantitiesStatedIn("Is it free for children under 6 years old?")).toEqual([
      { value: 5, unit: "岁", number: "6" },
    ]);
    expect(quantitiesStatedIn("訂單超過 NT$ 1,000 運費多少")).toEqual([{ value: 1001, unit: "元", number: "1000" }]);
    expect(quantitiesStatedIn("星期三晚上去吃")).toEqual([{ value: 3, unit: "weekday", number: "周三" }]);
  });

  it("reads none where a number has no unit, or is a calendar year", () => {
    expect(quantitiesStatedIn("608 號房")).toEqual([]);
    expect(quantitiesStatedIn("turnover 5 days")).toEqual([{ value: 5, unit: "day", number: "5" }]);
    // One unit whichever way it is written.
    expect(quantitiesStatedIn("小孩 120cm")).toEqual([{ value: 120, unit: "公分", number: "120" }]);
    expect(quantitiesStatedIn("2027年暑期班最多能修幾個學分")).toEqual([]);
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
    expect(rangesStatedIn("1–4 年級")).toEqual([]);
    // Both ends of one band, a bound that leaves its figure out, and bands no quantity is in.
    expect(rangesStatedIn("滿 6 歲未滿 12 歲")).toEqual([{ low: 6, high: 11, unit: "岁" }]);
    expect(rangesStatedIn("6 歲至未滿 12 歲")).toEqual([{ low: 6, high: 11, unit: "岁" }]);
    expect(rangesStatedIn("6歲以下（不含6歲）")).toEqual([{ low: Number.NEGATIVE_INFINITY, high: 5, unit: "岁" }]);
    expect(rangesStatedIn("未達 18 歲")).toEqual([{ low: Number.NEGATIVE_INFINITY, high: 17, unit: "岁" }]);
    expect(rangesStatedIn("30 天內")).toEqual([{ low: Number.NEGATIVE_INFINITY, high: 30, unit: "天" }]);
    expect(rangesStatedIn("5 樓內科")).toEqual([]);
    expect(rangesStatedIn("5 minutes to 1 hour")).toEqual([]);
    expect(rangesStatedIn("民國 115 年起實施")).toEqual([]);
  });

  it("reads the days of the week a text spans", () => {
    expect(rangesStatedIn("晚餐（週一至週四）")).toEqual([{ low: 1, high: 4, unit: "weekday" }]);
    expect(rangesStatedIn("Open Monday to Friday; Saturday 10:00–14:00")).toEqual([
      { low: 1, high: 5, unit: "weekday" },
      { low: 6, high: 6, unit: "weekday" },
    ]);
    expect(rangesStatedIn("平日每小時 600 元")).toContainEqual({ low: 1, high: 5, unit: "weekday" });
    expect(rangesStatedIn("Sunday to Thursday: 18:00–24:00")).toEqual([
      { low: 7, high: 7, unit: "weekday" },
      { low: 1, high: 4, unit: "weekday" },
    ]);
    expect(rangesStatedIn("每週一、二、四晚間收運，每週三及週日停收").map((range) => range.low)).toEqual([
      1, 2, 4, 3, 7,
    ]);
    expect(rangesStatedIn("週六日公休").map((range) => range.low)).toEqual([6, 7]);
    expect(rangesStatedIn("Open Mon.–Fri., 9:00–17:00")).toEqual([{ low: 1, high: 5, unit: "weekday" }]);
    expect(rangesStatedIn("Closed on Mondays")).toEqual([{ low: 1, high: 1, unit: "weekday" }]);
    // Words that only look like days: a lake, a past tense, three days a week.
    expect(rangesStatedIn("How do I get to Sun Moon Lake? I sat the exam.")).toEqual([]);
    expect(quantitiesStatedIn("每週三天要上課")).toEqual([{ value: 3, unit: "天", number: "3" }]);
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

describe("numbersHeld", () => {
  it("covers the asker's number with a band that holds it, in a unit that says what it measures", () => {
    expect(numbersHeld("未滿 12 歲兒童須由成人陪同下水", quantitiesStatedIn("我女兒 10 歲可以自己游泳嗎"))).toEqual([
      "10",
    ]);
    // A day of the week picks its band but covers nothing: every page of hours spans the weekdays.
    expect(numbersHeld("晚餐（週一至週四）：成人 NT$ 1,180", quantitiesStatedIn("星期三晚餐多少"))).toEqual([]);
    expect(numbersHeld("未滿 12 歲兒童須由成人陪同下水", quantitiesStatedIn("我女兒 13 歲可以自己游泳嗎"))).toEqual([]);
  });

  it("covers none with a span of time, which may be of anything", () => {
    expect(
      numbersHeld(
        "Within 30 days of moving in, if you plan to live at the new address for three months or more.",
        quantitiesStatedIn("she is 5 months old"),
      ),
    ).toEqual([]);
  });
});
