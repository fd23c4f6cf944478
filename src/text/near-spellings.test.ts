import { describe, expect, it } from "vitest";
import { isSlipForFunctionWord, nearSpellings } from "./near-spellings.js";

describe("nearSpellings", () => {
  it("gives the words one letter left out, added, changed or swapped away", () => {
    // As the index holds them: stemmed.
    const near = nearSpellings("conect");
    expect(near).toContain("connect");
    expect(nearSpellings("reciev")).toContain("receiv");
    expect(nearSpellings("attachmnt")).toContain("attach");
    expect(nearSpellings("registraton")).toContain("registr");
    expect(near).not.toContain("conect");
    expect(near).not.toContain("connectss");
  });

  it("gives the word with two letters swapped across the one between them", () => {
    expect(nearSpellings("desicion")).toContain("decis");
    expect(nearSpellings("recieve")).toContain("receiv");
  });

  it("keeps the first letter, which people seldom get wrong", () => {
    expect(nearSpellings("ebike")).not.toContain("bike");
    expect(nearSpellings("abroad")).not.toContain("broad");
    expect(nearSpellings("evning")).toContain("even");
    // The first two letters swapped are still a slip.
    expect(nearSpellings("atken")).toContain("take");
  });

  it("gives a two-character Chinese word with one character of the same sound, tones aside", () => {
    expect(nearSpellings("时简")).toContain("时间");
    expect(nearSpellings("底免")).toContain("抵免");
    // Only words the language knows.
    expect(nearSpellings("时简").every((word) => word.length === 2)).toBe(true);
    expect(nearSpellings("时简")).not.toContain("时笕");
    expect(nearSpellings("时简")).not.toContain("时简");
    // A word the language knows is not a slip.
    expect(nearSpellings("累积")).toEqual([]);
    // Both characters changed is two slips.
    expect(nearSpellings("时简")).not.toContain("事件");
  });

  it("puts a slip right to a word of the language, not to a string that only stems like one", () => {
    const isWord = (word: string) => ["address", "added"].includes(word);
    // "ades" (one letter left out) stems to "ad", as "added" does.
    expect(nearSpellings("adress")).toContain("ad");
    expect(nearSpellings("adress", isWord)).not.toContain("ad");
    expect(nearSpellings("adress", isWord)).toContain("address");
    // A spelling that is its own stem is taken: a name or a code the documents may use.
    expect(nearSpellings("eduraom", () => false)).toContain("eduroam");
  });

  it("leaves short words, numbers and codes alone", () => {
    expect(nearSpellings("vpn")).toEqual([]);
    // Four letters: only two swapped, or one left out (a vowel, a letter written twice, the c of ck).
    expect(nearSpellings("tkae")).toContain("take");
    expect(nearSpellings("plce")).toContain("place");
    expect(nearSpellings("aply")).toContain("appli");
    expect(nearSpellings("chek")).toContain("check");
    // Not one changed, nor any letter added: "aply" is no "ally", "fees" no "feet" and no "free".
    expect(nearSpellings("aply")).not.toContain("alli");
    expect(nearSpellings("fees")).not.toContain("feet");
    expect(nearSpellings("fees")).not.toContain("free");
    expect(nearSpellings("bil")).toEqual([]);
    expect(nearSpellings("12345")).toEqual([]);
    expect(nearSpellings("cs101")).toEqual([]);
  });

  it("leaves a word longer than any word people misspell alone: a pasted code or link", () => {
    expect(nearSpellings("internationalisaton")).toContain("internationalis");
    expect(nearSpellings("a".repeat(25))).toEqual([]);
    expect(nearSpellings("x".repeat(4000))).toEqual([]);
  });
});

describe("isSlipForFunctionWord", () => {
  it("knows a function word typed with two letters swapped", () => {
    expect(isSlipForFunctionWord("teh")).toBe(true);
    expect(isSlipForFunctionWord("adn")).toBe(true);
    expect(isSlipForFunctionWord("waht")).toBe(true);
    // A question word typed without its h; not a word one letter from a function word.
    expect(isSlipForFunctionWord("wat")).toBe(true);
    expect(isSlipForFunctionWord("wen")).toBe(true);
    expect(isSlipForFunctionWord("wit")).toBe(false);
    expect(isSlipForFunctionWord("ten")).toBe(false);
  });

  it("knows a question word texted without its vowels, and a short function word without one", () => {
    for (const typed of ["hw", "wht", "whn", "evry", "frm", "wth"])
      expect(isSlipForFunctionWord(typed), typed).toBe(true);
    // Not a word of its own ("sort" is no "sorta"), nor a short code no vowel turns into a function word.
    expect(isSlipForFunctionWord("sort", (word) => word === "sort")).toBe(false);
    for (const typed of ["hr", "cn", "pm", "st"]) expect(isSlipForFunctionWord(typed), typed).toBe(false);
  });

  it("knows a longer function word typed with any one slip, unless it is a word of its own", () => {
    const isWord = (word: string) => ["whole", "north"].includes(word);
    expect(isSlipForFunctionWord("shoud", isWord)).toBe(true);
    expect(isSlipForFunctionWord("thier", isWord)).toBe(true);
    expect(isSlipForFunctionWord("becuase", isWord)).toBe(true);
    // "whole" is one slip from "whose", and a word.
    expect(isSlipForFunctionWord("whole", isWord)).toBe(false);
    expect(isSlipForFunctionWord("north", isWord)).toBe(false);
  });

  it("takes names and function words as written", () => {
    expect(isSlipForFunctionWord("chen")).toBe(false);
    expect(isSlipForFunctionWord("lin")).toBe(false);
    expect(isSlipForFunctionWord("the")).toBe(false);
    expect(isSlipForFunctionWord("vpn")).toBe(false);
  });

  it("knows a question form typed by sound", () => {
    // 幾點 ("what time") typed as 機點.
    expect(isSlipForFunctionWord("机点")).toBe(true);
    expect(isSlipForFunctionWord("宿舍")).toBe(false);
  });
});
