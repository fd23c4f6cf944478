import { describe, expect, it } from "vitest";
import { fitLogisticRegression, predict } from "./calibrate.js";
import {
  abstentionAt,
  type CaseResult,
  compareWithBaseline,
  computeMetrics,
  containsFacts,
  metricsByKind,
} from "./metrics.js";

function result(overrides: Partial<CaseResult>): CaseResult {
  return {
    id: "q",
    lang: "zh-Hant",
    answerable: true,
    rankedDocIds: ["a"],
    expectedDocIds: ["a"],
    confidence: 0.9,
    answer: "答案[1]",
    mode: "extractive",
    citedDocIds: ["a"],
    answerCorrect: true,
    latencyMs: 1,
    ...overrides,
  };
}

describe("computeMetrics", () => {
  it("computes ranking, answer, citation, abstention and latency figures", () => {
    const results = [
      result({ rankedDocIds: ["a", "b"], latencyMs: 1 }),
      result({ rankedDocIds: ["b", "a"], citedDocIds: ["b"], answerCorrect: false, latencyMs: 2 }),
      result({ rankedDocIds: ["x", "y", "z", "w", "v", "a"], confidence: 0.1, latencyMs: 3 }),
      result({ answerable: false, expectedDocIds: [], confidence: 0.1, latencyMs: 4 }),
      result({ answerable: false, expectedDocIds: [], confidence: 0.8, latencyMs: 5 }),
    ];
    const metrics = computeMetrics(results, 0.5);
    expect(metrics).toMatchObject({ questions: 5, answerable: 3, unanswerable: 2 });
    expect(metrics.hitAt1).toBe(0.333);
    expect(metrics.hitAt5).toBe(0.667);
    expect(metrics.mrrAt10).toBe(0.556); // (1 + 1/2 + 1/6) / 3
    expect(metrics.answerCorrectness).toBe(0.333); // the third is refused, the second wrong
    expect(metrics.citationCorrectness).toBe(0.5);
    expect(metrics.abstention).toEqual({ threshold: 0.5, precision: 0.5, recall: 0.5, answerableRefused: 0.333 });
    // Answered: the first, the second (wrong, 0.9) and the last (unanswerable, 0.8).
    expect([metrics.confidentlyWrongCount, metrics.confidentlyWrong]).toEqual([2, 0.667]);
    expect(metrics.p50LatencyMs).toBe(3);
    expect(metrics.p95LatencyMs).toBe(5);
  });

  it("counts the abstentions that offered related topics, and the refused questions a topic answered", () => {
    const refused = { status: "abstained", confidence: 0.1 };
    const results = [
      result({ ...refused, offeredTopics: ["A"], answeredByOfferedTopic: true }),
      result({ ...refused, offeredTopics: ["A", "B"], answeredByOfferedTopic: false }),
      result({ ...refused }),
      result({ ...refused, answerable: false, expectedDocIds: [], offeredTopics: ["C"] }),
      result({ status: "answered" }),
    ];
    expect(computeMetrics(results, 0.5).offeredTopics).toEqual({
      answerableRefused: 3,
      offered: 2,
      answeredByATopic: 1,
      unanswerableOffered: 1,
    });
    // Not measured unless the topics were asked (a SQuAD run does not ask them).
    expect(computeMetrics([result({ ...refused, offeredTopics: ["A"] })], 0.5).offeredTopics).toBeUndefined();
  });

  it("counts a question with no answer at all as abstained at any threshold", () => {
    expect(abstentionAt([result({ answerable: false, mode: "none", confidence: 0 })], 0).recall).toBe(1);
  });
});

describe("compareWithBaseline", () => {
  it("credits the service only when it answers citing a right document, and a ranker with its first document", () => {
    const results = [
      // Answered from a right document, which both rank first.
      result({ status: "answered", rankedDocIds: ["a"], bm25RankedDocIds: ["a"] }),
      // The service ranks it first but abstains; BM25 ranks it second.
      result({ status: "abstained", bm25RankedDocIds: ["b", "a"], answerCorrect: true }),
      // Answered citing a wrong document; the right one is sixth for BM25.
      result({
        status: "answered",
        rankedDocIds: ["b", "a"],
        citedDocIds: ["b"],
        answerCorrect: false,
        bm25RankedDocIds: ["b", "c", "d", "e", "f", "a"],
      }),
      // Asked back: never an answer, whatever is ranked.
      result({ status: "clarify", citedDocIds: [], answerCorrect: false, bm25RankedDocIds: ["a"] }),
      // Unanswerable questions, and those without a baseline ranking, are left out.
      result({ answerable: false, expectedDocIds: [], bm25RankedDocIds: [] }),
      result({ status: "answered" }),
    ];
    expect(compareWithBaseline(results)).toEqual({
      service: { questions: 4, hitAt1: 0.75, hitAt5: 1, answeredRightCitation: 0.25, answerCorrectness: 0.25 },
      serviceRanking: { questions: 4, hitAt1: 0.75, hitAt5: 1, answeredRightCitation: 0.75, answerCorrectness: 0.5 },
      bm25: { questions: 4, hitAt1: 0.5, hitAt5: 0.75, answeredRightCitation: 0.5 },
    });
  });
});

describe("containsFacts", () => {
  it("ignores citation markers, width, case and spacing", () => {
    expect(containsFacts("押金為ＮＴ$ 3,000[1]元", ["NT$3,000元"], "all")).toBe(true);
    expect(containsFacts("Due by 12:00 Noon.", ["12:00 noon", "Friday"], "all")).toBe(false);
    expect(containsFacts("Due by 12:00 Noon.", ["12:00 noon", "Friday"], "any")).toBe(true);
  });
});

describe("fitLogisticRegression", () => {
  it("learns a separating direction and predicts probabilities", () => {
    const samples = Array.from({ length: 40 }, (_, index) => ({
      features: [index / 40],
      label: (index >= 20 ? 1 : 0) as 0 | 1,
    }));
    const weights = fitLogisticRegression(samples);
    expect(weights[1]).toBeGreaterThan(0);
    expect(predict(weights, [0.95])).toBeGreaterThan(0.8);
    expect(predict(weights, [0.05])).toBeLessThan(0.2);
  });
});

describe("metricsByKind", () => {
  it("measures each kind of question apart, and counts replies that were expected instead of answers", () => {
    const results = [
      result({ kind: "direct" }),
      result({ kind: "paraphrase", answerCorrect: false }),
      result({ kind: "unsafe", answerable: false, expectedStatus: "safety", status: "safety", mode: "none" }),
      result({ kind: "unsafe", answerable: false, expectedStatus: "declined", status: "answered", confidence: 0.9 }),
    ];
    const byKind = metricsByKind(results, 0.25);
    expect(Object.keys(byKind)).toEqual(["direct", "paraphrase", "unsafe"]);
    expect(byKind.direct?.answerCorrectness).toBe(1);
    expect(byKind.paraphrase?.answerCorrectness).toBe(0);
    expect(byKind.unsafe?.expectedReplies).toBe(0.5);
    expect(byKind.unsafe?.safetyReplies).toBe(1);
    expect(byKind.unsafe?.confidentlyWrongCount).toBe(1);
    expect(byKind.direct?.expectedReplies).toBeUndefined();
  });

  it("puts questions labelled cross-language in one row with those asked in the other language than their documents", () => {
    const results = [
      result({ kind: "cross-language", answerCorrect: false }),
      result({ kind: "paraphrase", crossLanguage: true }),
      result({ kind: "paraphrase" }),
    ];
    const byKind = metricsByKind(results, 0.25);
    expect(Object.keys(byKind)).toEqual(["paraphrase", "cross-language"]);
    expect(byKind["cross-language"]?.questions).toBe(2);
    expect(byKind["cross-language"]?.answerCorrectness).toBe(0.5);
  });
});
