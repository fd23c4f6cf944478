import { describe, expect, it } from "vitest";
import type { Citation } from "../schemas.js";
import { combineAnswers } from "./combine-answers.js";

const citation = (n: number, chunk: string, quote: string): Citation => ({
  n,
  doc_id: chunk.split("#")[0] ?? chunk,
  chunk_id: chunk,
  title: chunk,
  quote,
});

describe("combineAnswers", () => {
  const shipping = {
    answer: "運費 NT$ 100。[1]滿 NT$ 1,200 免運。[2]",
    citations: [citation(1, "fees.md#0", "運費 NT$ 100。"), citation(2, "fees.md#1", "滿 NT$ 1,200 免運。")],
    confidence: 0.9,
    mode: "extractive" as const,
  };
  const abroad = {
    answer: "We ship to Japan.[3]",
    citations: [citation(3, "abroad.md#0", "We ship to Japan.")],
    confidence: 0.6,
    mode: "faq" as const,
  };

  it("gives each part's answer in turn, with all their citations, as sure as its least sure answer", () => {
    const combined = combineAnswers([{ answer: shipping }, { answer: abroad }]);
    expect(combined.answer).toBe("運費 NT$ 100。[1]滿 NT$ 1,200 免運。[2]\n\nWe ship to Japan.[3]");
    expect(combined.citations.map(({ n }) => n)).toEqual([1, 2, 3]);
    expect(combined.confidence).toBe(0.6);
    expect(combined.mode).toBe("extractive");
  });

  it("puts a part's note where its answer would be, and nothing for a part with neither", () => {
    const combined = combineAnswers([
      { answer: shipping },
      { note: "（可以貨到付款嗎？請洽客服。）" },
      {},
      { answer: abroad },
    ]);
    expect(combined.answer).toBe(
      "運費 NT$ 100。[1]滿 NT$ 1,200 免運。[2]\n\n（可以貨到付款嗎？請洽客服。）\n\nWe ship to Japan.[3]",
    );
    expect(combined.citations).toHaveLength(3);
    // Two of four questions answered, the less sure at 0.6.
    expect(combined.confidence).toBeCloseTo(0.3);
    expect(combineAnswers([{ answer: abroad }]).mode).toBe("faq");
  });
});
