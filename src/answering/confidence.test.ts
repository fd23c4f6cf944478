import { describe, expect, it } from "vitest";
import { confidenceModelSchema, defaultConfidenceModel } from "../config/confidence-model.js";
import type { Passage } from "../retrieval/retrieve-passages.js";
import { evenlyWeighted } from "../test-support/evenly-weighted.js";
import { analyzeText } from "../text/tokenize.js";
import { estimateConfidence, measureConfidenceSignals } from "./confidence.js";

function passage(docId: string, title: string, text: string, coverage: number, score: number): Passage {
  return {
    chunk: { chunkId: `${docId}#0`, docId, position: 0, text, headingPath: [], start: 0, end: text.length },
    document: { docId, title, collection: "test" },
    score,
    terms: new Set(analyzeText(`${title} ${text}`)),
    relevance: 1,
    coverage,
  };
}

describe("measureConfidenceSignals", () => {
  const question = "史特拉斯堡的人口有多少";
  const strasbourg = passage("a", "史特拉斯堡", "史特拉斯堡位於法國東部，人口約二十七萬。", 0.9, 10);
  const parliament = passage("b", "歐洲議會", "歐洲議會在史特拉斯堡舉行全體會議。", 0.5, 6);
  const aboutStrasbourg = "史特拉斯堡位於法國東部，人口約二十七萬。[1]";
  const aboutParliament = "歐洲議會在史特拉斯堡舉行全體會議。[1]";

  it("says whether the question names the best document's subject", () => {
    const named = measureConfidenceSignals(evenlyWeighted(question), [strasbourg, parliament], {
      answer: aboutStrasbourg,
      sentenceCoverage: 0.8,
    });
    const inPassing = measureConfidenceSignals(evenlyWeighted(question), [parliament, strasbourg], {
      answer: aboutParliament,
      sentenceCoverage: 0.8,
    });
    expect(named?.subjectNamed).toBe(1);
    expect(inPassing?.subjectNamed).toBe(0);
  });

  it("counts the question's terms the best passage holds, unweighted", () => {
    const weights = evenlyWeighted("人口 議會");
    const signals = measureConfidenceSignals(weights, [strasbourg, parliament], {
      answer: aboutStrasbourg,
      sentenceCoverage: 0.5,
    });
    expect(signals?.termOverlap).toBe(0.5);
  });

  it("measures margins against the best passage of another document", () => {
    const signals = measureConfidenceSignals(evenlyWeighted(question), [strasbourg, parliament], {
      answer: aboutStrasbourg,
      sentenceCoverage: 0.8,
    });
    expect(signals?.coverageMargin).toBeCloseTo(0.9 * (0.9 - 0.5));
    expect(signals?.scoreMargin).toBeCloseTo(0.9 ** 2 * (1 - 6 / 10));
    expect(measureConfidenceSignals(evenlyWeighted(question), [], { answer: "", sentenceCoverage: 0 })).toBeUndefined();
  });

  it("does not count another document that states the same answer as a rival", () => {
    const summary = passage("c", "城市簡介", "史特拉斯堡在法國東部，人口約二十七萬。", 0.85, 9);
    const signals = measureConfidenceSignals(evenlyWeighted(question), [strasbourg, summary, parliament], {
      answer: aboutStrasbourg,
      sentenceCoverage: 0.8,
    });
    expect(signals?.coverageMargin).toBeCloseTo(0.9 * (0.9 - 0.5));
    // Stating another number, it disagrees: it is a rival again.
    const otherCount = passage("d", "城市簡介", "史特拉斯堡在法國東部，人口約三十萬。", 0.85, 9);
    const rivalled = measureConfidenceSignals(evenlyWeighted(question), [strasbourg, otherCount, parliament], {
      answer: aboutStrasbourg,
      sentenceCoverage: 0.8,
    });
    expect(rivalled?.coverageMargin).toBeCloseTo(0.9 * (0.9 - 0.85));
  });

  it("counts another document stating the same quoted name as agreeing, and one naming another as a rival", () => {
    const wifi = "What is the Wi-Fi network called";
    const guide = passage(
      "guide",
      "Visitor guide",
      'The Wi-Fi network is called "Harbour-Free"; no password.',
      0.9,
      10,
    );
    const faq = passage("faq", "Resident FAQ", 'Free Wi-Fi network in the hall: "Harbour-Free", no password.', 0.85, 9);
    const other = passage(
      "faq",
      "Resident FAQ",
      'Free Wi-Fi network in the hall: "Harbour-Guest", no password.',
      0.85,
      9,
    );
    const quoted = { answer: 'The Wi-Fi network is called "Harbour-Free"; no password.[1]', sentenceCoverage: 0.8 };
    expect(measureConfidenceSignals(evenlyWeighted(wifi), [guide, faq], quoted)?.coverageMargin).toBeCloseTo(0.9 * 0.9);
    expect(measureConfidenceSignals(evenlyWeighted(wifi), [guide, other], quoted)?.coverageMargin).toBeCloseTo(
      0.9 * (0.9 - 0.85),
    );
  });
  it("is about the passage quoted, which need not be the best ranked", () => {
    const signals = measureConfidenceSignals(evenlyWeighted(question), [strasbourg, parliament], {
      answer: aboutParliament,
      sentenceCoverage: 0.5,
      quotedPassage: parliament,
    });
    expect(signals?.passageCoverage).toBe(0.5);
    expect(signals?.coverageMargin).toBeCloseTo(0.5 * (0.5 - 0.9));
    expect(signals?.subjectNamed).toBe(0);
  });

  it("says when the quoted text lacks the kind of answer asked for, or the only figures asked for, and only then", () => {
    const measure = (quoted: { answerTypeFound?: boolean; figureMissing?: boolean }) => {
      const signals = measureConfidenceSignals(evenlyWeighted(question), [strasbourg], {
        answer: aboutStrasbourg,
        sentenceCoverage: 0.8,
        ...quoted,
      });
      return [signals?.answerTypeMissing, signals?.figureMissing];
    };
    expect(measure({ answerTypeFound: false })).toEqual([1, 0]);
    expect(measure({ answerTypeFound: true })).toEqual([0, 0]);
    expect(measure({})).toEqual([0, 0]);
    expect(measure({ answerTypeFound: false, figureMissing: true })).toEqual([1, 1]);
    expect(measure({ answerTypeFound: true, figureMissing: false })).toEqual([0, 0]);
  });
});

describe("estimateConfidence", () => {
  const signals = {
    passageCoverage: 0.6,
    sentenceCoverage: 0.5,
    coverageMargin: 0.1,
    scoreMargin: 0.1,
    subjectNamed: 1,
    termOverlap: 0.8,
    answerTypeMissing: 0,
    figureMissing: 0,
  };

  it("keeps an answer lacking the kind asked for below sure, and one lacking the figure asked for below the threshold", () => {
    const sure = { ...signals, passageCoverage: 1, sentenceCoverage: 1, coverageMargin: 0.8, scoreMargin: 0.8 };
    expect(estimateConfidence(sure, defaultConfidenceModel)).toBeGreaterThan(0.9);
    const lacksKind = estimateConfidence({ ...sure, answerTypeMissing: 1 }, defaultConfidenceModel);
    expect(lacksKind).toBeLessThan(0.8);
    expect(lacksKind).toBeGreaterThan(0.25);
    const lacksFigure = estimateConfidence({ ...sure, answerTypeMissing: 1, figureMissing: 1 }, defaultConfidenceModel);
    expect(lacksFigure).toBeLessThan(0.25);
  });

  it("keeps a quote sharing none of the question's words below sure, found through its page's title alone", () => {
    const titleOnly = { ...signals, passageCoverage: 1, sentenceCoverage: 0, coverageMargin: 1, scoreMargin: 1 };
    const confidence = estimateConfidence(titleOnly, defaultConfidenceModel);
    expect(confidence).toBeLessThan(0.8);
    expect(confidence).toBeGreaterThan(0.25);
    expect(estimateConfidence({ ...titleOnly, sentenceCoverage: 0.2 }, defaultConfidenceModel)).toBeGreaterThan(0.9);
  });

  it("takes an answer lacking the kind asked for below the threshold when it is not sure of its passage either", () => {
    const unsure = { ...signals, passageCoverage: 0.55, coverageMargin: 0.05, scoreMargin: 0.05 };
    const middling = estimateConfidence(unsure, defaultConfidenceModel);
    expect(middling).toBeGreaterThan(0.25);
    expect(middling).toBeLessThan(0.4);
    expect(estimateConfidence({ ...unsure, answerTypeMissing: 1 }, defaultConfidenceModel)).toBeLessThan(0.25);
  });

  it("leaves out signals the model gives no weight", () => {
    const withoutNewSignals = estimateConfidence(
      { ...signals, subjectNamed: 0, termOverlap: 0 },
      defaultConfidenceModel,
    );
    expect(estimateConfidence(signals, defaultConfidenceModel)).toBe(withoutNewSignals);
  });

  it("reads a calibrated model's weights", () => {
    const model = confidenceModelSchema.parse({ intercept: -2, weights: { subjectNamed: 4 } });
    expect(estimateConfidence(signals, model)).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(estimateConfidence({ ...signals, subjectNamed: 0 }, model)).toBeCloseTo(1 / (1 + Math.exp(2)));
  });

  it("refuses a model naming a signal that does not exist", () => {
    expect(confidenceModelSchema.safeParse({ intercept: 0, weights: { titleMatch: 1 } }).success).toBe(false);
    expect(confidenceModelSchema.safeParse({ intercept: "0", weights: {} }).success).toBe(false);
  });
});
