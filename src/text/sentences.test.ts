import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.js";

describe("splitSentences", () => {
  /** Expects `text` split into `expected`, each sentence's offsets pointing at it in `text`. */
  function expectSentences(text: string, expected: string[]) {
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual(expected);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  }

  it("splits Chinese at 。！？ and ；, keeping offsets into the original text", () => {
    expectSentences("本校學生得申請轉系；轉系以一次為限。申請期間為3月1日至3月15日！有問題嗎？", [
      "本校學生得申請轉系；",
      "轉系以一次為限。",
      "申請期間為3月1日至3月15日！",
      "有問題嗎？",
    ]);
  });

  it("begins a sentence with the quotation mark or title mark that opens it", () => {
    expectSentences("申請請上網。「港北e櫃台」網站全天開放。《消費者保護法》另有規定。（附表）見下頁。", [
      "申請請上網。",
      "「港北e櫃台」網站全天開放。",
      "《消費者保護法》另有規定。",
      "（附表）見下頁。",
    ]);
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

  it("never ends a sentence inside a web address", () => {
    const text =
      "Book at https://housing.example.edu/booking?hall=east&term=1;a=b, not by phone! 網址：https://a.example.edu/x?y=1。下一句。";
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      "Book at https://housing.example.edu/booking?hall=east&term=1;a=b, not by phone!",
      "網址：https://a.example.edu/x?y=1。",
      "下一句。",
    ]);
  });

  it("does not end a sentence at an abbreviation before a number or a name", () => {
    const text =
      "The tax office is on the 4th floor (ext. 401). See Dr. Lin at No. 5 Main Road. The answer is no. Ask again.";
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      "The tax office is on the 4th floor (ext. 401).",
      "See Dr. Lin at No. 5 Main Road.",
      "The answer is no.",
      "Ask again.",
    ]);
    // Nor before a code: a notice's number.
    expect(
      splitSentences("Notice no. HF-2026-004 replaces notice no. A12. The answer is no. HF staff will call.").map(
        (sentence) => sentence.text,
      ),
    ).toEqual(["Notice no. HF-2026-004 replaces notice no. A12.", "The answer is no.", "HF staff will call."]);
  });

  it("keeps an address whole: a section, a district, a compass point before a road", () => {
    const text =
      "Da'an: Address 2F, No. 150, Sec. 1, Fuxing S. Rd, Da'an Dist., Taipei, Hours Open 24 hours\nThe office is in Building A. It opens at 9.";
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      "Da'an: Address 2F, No. 150, Sec. 1, Fuxing S. Rd, Da'an Dist., Taipei, Hours Open 24 hours",
      "The office is in Building A.",
      "It opens at 9.",
    ]);
  });

  it("splits a text of many thousands of sentences into each of them, with their offsets", () => {
    const sentences = [
      "學生每次可借十本書。",
      "Loans last four weeks, e.g. until the 3rd.",
      "續借可在網路上辦理兩次！",
    ];
    const text = Array.from({ length: 6000 }, (_, index) => sentences[index % 3]).join(" ");
    const spans = splitSentences(text);
    expect(spans.map((span) => span.text)).toEqual(Array.from({ length: 6000 }, (_, index) => sentences[index % 3]));
    expect(spans.every((span) => text.slice(span.start, span.end) === span.text)).toBe(true);
  });

  it("splits a long text without sentence ends into pieces that cover it", () => {
    const text = "𠀀".repeat(10_000);
    const spans = splitSentences(text);
    expect(spans.map((span) => span.text).join("")).toBe(text);
    expect(spans[0]?.start).toBe(0);
  });
});
