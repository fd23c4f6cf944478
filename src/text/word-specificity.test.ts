import { describe, expect, it } from "vitest";
import { BilingualDictionary } from "./bilingual-dictionary.js";
import { specificityThroughTranslations, wordSpecificity } from "./word-specificity.js";

describe("wordSpecificity", () => {
  it("weighs everyday words little and topical words fully", () => {
    expect(wordSpecificity("知道")).toBeLessThan(0.2);
    expect(wordSpecificity("大概")).toBeLessThan(0.7);
    expect(wordSpecificity("健身房")).toBe(1);
    expect(wordSpecificity("宿舍")).toBeGreaterThan(0.9);
  });

  it("counts terms it does not know fully", () => {
    expect(wordSpecificity("deadlin")).toBe(1);
    expect(wordSpecificity("2026")).toBe(1);
  });
});

describe("specificityThroughTranslations", () => {
  it("is as topical as the most everyday translation, never below the floor kept for other senses", () => {
    expect(specificityThroughTranslations([["沙发"]])).toBeGreaterThan(0.9);
    const need = specificityThroughTranslations([["需要"], ["务必"]]);
    expect(need).toBeCloseTo(0.3 + 0.7 * Math.min(wordSpecificity("需要"), wordSpecificity("务必")));
    expect(need).toBeLessThan(0.4);
  });

  it("counts a word fully when none of its translations is a word the table knows", () => {
    expect(specificityThroughTranslations([])).toBe(1);
    expect(specificityThroughTranslations([["信用", "卡"]])).toBe(1);
  });

  it("reads everyday English words as everyday through the dictionary", async () => {
    const dictionary = await BilingualDictionary.load();
    const specificityOf = (term: string) => specificityThroughTranslations(dictionary.translationsOf(term));
    expect(specificityOf("throw")).toBeLessThan(specificityOf("sofa"));
    expect(specificityOf("need")).toBeLessThan(specificityOf("tuition"));
    expect(specificityOf("sofa")).toBeGreaterThan(0.9);
  });
});
