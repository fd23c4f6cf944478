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

/** What retrieval read for the question's terms: in how many of ten chunks each appears. */
function statisticsOf(weights: ReadonlyMap<string, number>, chunkFrequency: [string, number][]) {
  return { chunkCount: 10, chunkFrequency: new Map(chunkFrequency), asked: new Set(weights.keys()) };
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

  it("passes over a pair that says nothing of the question's heaviest word the documents use", async () => {
    const weights = new Map([
      ["寝室", 1],
      ["设备", 1],
      ["电锅", 2],
    ]);
    const known = statisticsOf(weights, [
      ["寝室", 5],
      ["设备", 5],
      ["电锅", 1],
    ]);
    const equipment = faqPassage("寢室裡有哪些設備？", "每間寢室有書桌、椅子與冷氣。");
    expect(await findMatchingFaq(emptyIndex, weights, [equipment], known)).toBeUndefined();
    // The same curated question, answered about the rice cooker, answers it.
    const cooker = faqPassage("寢室裡有哪些設備？", "每間寢室有書桌與冷氣；電鍋不得使用。");
    expect((await findMatchingFaq(emptyIndex, weights, [cooker], known))?.passage).toBe(cooker);
    // A word no document uses is the asker's own, and asks nothing of the pair.
    const unseen = { ...known, chunkFrequency: new Map([...known.chunkFrequency].filter(([term]) => term !== "电锅")) };
    expect((await findMatchingFaq(emptyIndex, weights, [equipment], unseen))?.passage).toBe(equipment);
  });

  it("passes over a pair that says nothing of a word weighing about as much as the heaviest", async () => {
    const weights = new Map([
      ["预付", 2],
      ["漫游", 1.5],
      ["卡", 0.2],
    ]);
    const known = statisticsOf(weights, [
      ["预付", 1],
      ["漫游", 2],
      ["卡", 8],
    ]);
    const topUp = faqPassage("預付卡怎麼儲值？", "預付卡可在便利商店購買儲值卡。");
    expect(await findMatchingFaq(emptyIndex, weights, [topUp], known)).toBeUndefined();
    const roaming = faqPassage("預付卡可以漫遊嗎？", "預付卡只能在國外接聽電話。");
    expect((await findMatchingFaq(emptyIndex, weights, [topUp, roaming], known))?.passage).toBe(roaming);
  });

  it("finds nothing among passages that are not FAQ pairs", async () => {
    const plain = { ...deposit, chunk: { ...deposit.chunk, faqQuestion: undefined } };
    expect(await findMatchingFaq(emptyIndex, evenlyWeighted("宿舍押金多少錢"), [plain])).toBeUndefined();
  });
});
