import { describe, expect, it } from "vitest";
import { namesSpelledAs, romanizedTerm } from "./romanization.js";

describe("romanizedTerm", () => {
  it("spells a Chinese name in Pinyin run together, as an index term", () => {
    expect(romanizedTerm("天池")).toBe("tianchi");
    expect(romanizedTerm("枫谷")).toBe("fenggu");
    expect(romanizedTerm("绿岛")).toBe("ludao");
  });

  it("spells no single character, nor a run longer than a name", () => {
    expect(romanizedTerm("山")).toBeUndefined();
    expect(romanizedTerm("国家公园管理处")).toBeUndefined();
    expect(romanizedTerm("ABC")).toBeUndefined();
  });
});

describe("namesSpelledAs", () => {
  it("reads a place spelt in Pinyin as the names it may be", () => {
    expect(namesSpelledAs("tianchi")).toEqual(["天池"]);
    expect(namesSpelledAs("shanlin")).toEqual(expect.arrayContaining(["杉林"]));
  });

  it("reads no English word as a name", () => {
    for (const word of ["change", "china", "shine", "line", "banana", "panda"]) {
      expect(namesSpelledAs(word)).toEqual([]);
    }
  });
});
