import { afterAll, describe, expect, it } from "vitest";
import type { Passage } from "../retrieval/retrieve-passages.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { evenlyWeighted } from "../test-support/evenly-weighted.js";
import { analyzeText } from "../text/tokenize.js";
import { defaultFaqMatchThreshold } from "./answer-question.js";
import { findMatchingFaq } from "./match-faq.js";

function faqPassage(question: string, answer: string): Passage {
  return {
    chunk: {
      chunkId: `faq#${question}`,
      docId: "faq.csv",
      position: 0,
      text: answer,
      headingPath: [],
      start: 0,
      end: answer.length,
      faqQuestion: question,
    },
    document: { docId: "faq.csv", title: "FAQ", collection: "test" },
    score: 1,
    terms: new Set(analyzeText(`${question} ${answer}`)),
    relevance: 1,
    coverage: 1,
  };
}

// Every term equally rare: the similarity then rests on the terms alone.
const emptyIndex = new SqliteIndexStore(":memory:");
afterAll(() => emptyIndex.close());

describe("findMatchingFaq", () => {
  const deposit = faqPassage("宿舍押金是多少錢？", "押金為新臺幣3,000元。");
  const summer = faqPassage("暑假可以住宿嗎？", "可以，須於6月1日前申請。");

  it("matches a rewording of a curated question closely", async () => {
    const match = await findMatchingFaq(emptyIndex, evenlyWeighted("宿舍押金多少錢"), [summer, deposit]);
    expect(match?.passage).toBe(deposit);
    expect(match?.similarity).toBeGreaterThan(0.8);
    expect(match?.similarity).toBeGreaterThanOrEqual(defaultFaqMatchThreshold);
  });

  it("scores a question that only shares the topic low", async () => {
    const match = await findMatchingFaq(emptyIndex, evenlyWeighted("宿舍押金退費要多久才會入帳，需要準備什麼文件"), [
      deposit,
    ]);
    expect(match?.similarity).toBeLessThan(defaultFaqMatchThreshold);
  });

  it("finds nothing among passages that are not FAQ pairs", async () => {
    const plain = { ...deposit, chunk: { ...deposit.chunk, faqQuestion: undefined } };
    expect(await findMatchingFaq(emptyIndex, evenlyWeighted("宿舍押金多少錢"), [plain])).toBeUndefined();
  });
});
