import { describe, expect, it } from "vitest";
import { analyzeQueryTerms, analyzeText } from "../text/tokenize.js";
import { Vocabulary } from "../text/vocabulary.js";
import { addedCoverage, MAX_QUERY_TERMS, mostTellingTerms, weighTerms, weightedCoverage } from "./term-weights.js";

describe("weighTerms", () => {
  it("gives no weight to a bigram across two words that no chunk holds", () => {
    const terms = analyzeQueryTerms("研究生加到第幾週");
    expect(terms.get("生加")?.acrossWords).toBe(true);
    const statistics = { chunkCount: 100, chunkFrequency: new Map([["研究生", 5]]) };
    const weights = weighTerms(terms, statistics);
    expect(weights.get("生加")).toBe(0);
    // A word the documents never use still weighs the most: it may be what they do not cover.
    expect(weights.get("加到")).toBeGreaterThan(weights.get("研究生") ?? Number.POSITIVE_INFINITY);
  });
});

describe("weightedCoverage", () => {
  const evenly = (question: string) => new Map([...analyzeQueryTerms(question).keys()].map((term) => [term, 1]));
  const termsOf = (text: string) => new Set(analyzeText(text));

  it("covers a one-character word with a longer word that holds it", () => {
    expect(weightedCoverage(evenly("退"), termsOf("學費退還標準"))).toBe(1);
    expect(weightedCoverage(evenly("退"), termsOf("學費繳納標準"))).toBe(0);
  });

  it("covers a word with another way of writing it from the deployment's vocabulary", () => {
    const { equivalentsOf } = new Vocabulary(
      [
        ["押金", "保證金"],
        ["dorm", "residence hall"],
      ],
      [],
    );
    expect(weightedCoverage(evenly("押金"), termsOf("入住時須繳交保證金新臺幣3,000元"), equivalentsOf)).toBe(1);
    expect(weightedCoverage(evenly("dorm"), termsOf("Quiet hours apply in every residence hall."), equivalentsOf)).toBe(
      1,
    );
    // A member of several words must be there whole: "hall" alone is not a residence hall.
    expect(weightedCoverage(evenly("dorm"), termsOf("The exam hall opens at 9."), equivalentsOf)).toBe(0);
    // Without the vocabulary, the other word is not the question's.
    expect(weightedCoverage(evenly("押金"), termsOf("入住時須繳交保證金新臺幣3,000元"))).toBe(0);
  });

  it("counts an equivalent for its share of the word's weight only", () => {
    const halfway = () => [{ terms: ["deposit"], share: 0.5 }];
    const weights = new Map([
      ["押金", 2],
      ["宿舍", 2],
    ]);
    expect(weightedCoverage(weights, termsOf("宿舍 deposit"), halfway)).toBeCloseTo(0.75);
    // The word itself always counts whole, whatever its equivalents.
    expect(weightedCoverage(weights, termsOf("宿舍押金"), halfway)).toBe(1);
  });
});

describe("addedCoverage", () => {
  const evenly = (question: string) => new Map([...analyzeQueryTerms(question).keys()].map((term) => [term, 1]));
  const termsOf = (text: string) => new Set(analyzeText(text));

  it("counts only what a heading covers beyond its sentence, in the sentence's words or others", () => {
    const { equivalentsOf } = new Vocabulary([["宿舍", "寢室"]], []);
    const question = evenly("宿舍門禁");
    // 宿舍 is said by the sentence as 寢室: the heading adds 門禁 only.
    const sentence = termsOf("寢室內不得喧嘩");
    const heading = termsOf("宿舍門禁");
    expect(addedCoverage(question, sentence, heading, equivalentsOf)).toBeCloseTo(
      weightedCoverage(question, heading, equivalentsOf) - weightedCoverage(question, sentence, equivalentsOf),
    );
    expect(addedCoverage(question, sentence, heading, equivalentsOf)).toBeLessThan(
      weightedCoverage(question, heading, equivalentsOf),
    );
    // A heading saying nothing the sentence does not adds nothing.
    expect(addedCoverage(question, termsOf("宿舍門禁時間為23:00"), heading, equivalentsOf)).toBe(0);
  });
});

describe("mostTellingTerms", () => {
  it("leaves a question of ordinary length as it is", () => {
    const terms = analyzeQueryTerms("大學部加退選通常是開學後第幾週截止？");
    expect(mostTellingTerms(terms)).toEqual(terms);
  });

  it("keeps at most MAX_QUERY_TERMS of a long string of distinct characters, in their order", () => {
    const noise = Array.from({ length: 1000 }, (_, index) => String.fromCodePoint(0x4e00 + index * 7)).join("");
    const terms = analyzeQueryTerms(noise);
    expect(terms.size).toBeGreaterThan(1000);
    const kept = [...mostTellingTerms(terms).keys()];
    expect(kept).toHaveLength(MAX_QUERY_TERMS);
    expect(kept).toEqual([...terms.keys()].filter((term) => kept.includes(term)));
  });

  it("drops everyday words and bigrams across words before topical words", () => {
    // 我們 and 可以 are everyday words (jieba's IDF); 研究生 and 宿舍 are topical.
    const terms = analyzeQueryTerms("我們可以知道研究生宿舍");
    const kept = mostTellingTerms(terms, 2);
    expect([...kept.keys()]).toEqual(["研究生", "宿舍"]);
  });
});
