import { describe, expect, it } from "vitest";
import type { Passage } from "../retrieval/retrieve-passages.js";
import { quoteSection } from "./section-quote.js";

function section(text: string): Passage {
  return {
    chunk: { chunkId: "a.md#0", docId: "a.md", position: 0, text, headingPath: ["A", "B"], start: 0, end: text.length },
    document: { docId: "a.md", title: "A", collection: "c" },
    score: 1,
    terms: new Set(),
    relevance: 1,
    coverage: 1,
  };
}

describe("quoteSection", () => {
  it("quotes whole sentences from the start up to an answer's length, numbered as asked", () => {
    const sentence = (n: number) => `第 ${n} 條規定的內容說明在這裡，請詳細閱讀並遵守${"。".padStart(40, "喔")}`;
    const text = Array.from({ length: 12 }, (_, index) => sentence(index + 1)).join("");
    const { answer, citations } = quoteSection(section(text), 3);
    expect(answer.startsWith(sentence(1))).toBe(true);
    expect(answer.endsWith("。[3]")).toBe(true);
    expect(answer.length).toBeLessThanOrEqual(300 + "[3]".length);
    expect(answer).not.toContain("第 12 條");
    expect(citations).toEqual([expect.objectContaining({ n: 3, doc_id: "a.md", quote: answer.replace("[3]", "") })]);
  });

  it("quotes a first sentence longer than that whole, and keeps steps on lines of their own", () => {
    const long = `${"很長的句子".repeat(70)}。`;
    expect(quoteSection(section(long), 1).answer).toBe(`${long}[1]`);
    const steps = "1. 填寫申請書。\n2. 繳交規費。\n3. 領取證明。";
    expect(quoteSection(section(steps), 1).answer).toBe("1. 填寫申請書。\n2. 繳交規費。\n3. 領取證明。[1]");
  });
});
