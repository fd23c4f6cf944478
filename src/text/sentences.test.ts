import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.js";

describe("splitSentences", () => {
  it("splits Chinese at 。！？ and ；, keeping offsets into the original text", () => {
    const text = "本校學生得申請轉系；轉系以一次為限。申請期間為3月1日至3月15日！有問題嗎？";
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      "本校學生得申請轉系；",
      "轉系以一次為限。",
      "申請期間為3月1日至3月15日！",
      "有問題嗎？",
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it("keeps the number of an ordered list item with its text", () => {
    const text = "得申請停修：\n1. 申請期限為第十二週週五。\n2. 每學期以一科為限。";
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      "得申請停修：",
      "1. 申請期限為第十二週週五。",
      "2. 每學期以一科為限。",
    ]);
  });

  it("splits English sentences and list lines, trimming white space", () => {
    const text = "Quiet hours start at 11 p.m. sharp. Guests must leave!\n- first item\n- second item";
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      "Quiet hours start at 11 p.m. sharp.",
      "Guests must leave!",
      "- first item",
      "- second item",
    ]);
  });
});
