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

  it("numbers each part's citations on from the last, and is as sure as its least sure part", () => {
    const abroad = {
      answer: "We ship to Japan.[1]",
      citations: [citation(1, "abroad.md#0", "We ship to Japan.")],
      confidence: 0.6,
      mode: "faq" as const,
    };
    const combined = combineAnswers(
      [
        { question: "運費多少？", answer: shipping },
        { question: "可以寄到日本嗎？", answer: abroad },
      ],
      () => "unused",
    );
    expect(combined.answer).toBe("運費 NT$ 100。[1]滿 NT$ 1,200 免運。[2]\n\nWe ship to Japan.[3]");
    expect(combined.citations.map(({ n, chunk_id }) => [n, chunk_id])).toEqual([
      [1, "fees.md#0"],
      [2, "fees.md#1"],
      [3, "abroad.md#0"],
    ]);
    expect(combined.confidence).toBe(0.6);
    expect(combined.mode).toBe("extractive");
  });

  it("cites a quote two parts share once, and gives an answer only repeating an earlier one once", async () => {
    const fee = {
      ...shipping,
      answer: "免運門檻滿 NT$ 1,200。[1]",
      citations: [citation(1, "fees.md#1", "滿 NT$ 1,200 免運。")],
    };
    const repeated = { ...shipping, answer: "運費 NT$ 100。[1]", citations: [citation(1, "fees.md#0", "NT$ 100")] };
    const combined = combineAnswers(
      [
        { question: "運費多少？", answer: shipping },
        { question: "運費要錢嗎？", answer: repeated },
        { question: "免運門檻？", answer: fee },
      ],
      () => "unused",
    );
    expect(combined.answer).toBe("運費 NT$ 100。[1]滿 NT$ 1,200 免運。[2]");
    expect(combined.citations).toHaveLength(2);
  });

  it("says where to ask for a part the documents do not cover", () => {
    const combined = combineAnswers(
      [{ question: "運費多少？", answer: shipping }, { question: "可以貨到付款嗎？" }],
      (question) => `（${question}：請洽客服。）`,
    );
    expect(combined.answer).toBe("運費 NT$ 100。[1]滿 NT$ 1,200 免運。[2]\n\n（可以貨到付款嗎？：請洽客服。）");
    expect(combined.citations).toHaveLength(2);
  });
});
