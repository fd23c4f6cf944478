import { type ConfidenceModel, type ConfidenceSignals, confidenceSignalNames } from "../config/confidence-model.js";
import type { Passage } from "../retrieval/retrieve-passages.js";
import { analyzeText } from "../text/tokenize.js";

export function estimateConfidence(signals: ConfidenceSignals, model: ConfidenceModel): number {
  const logit = confidenceSignalNames.reduce(
    (sum, name) => sum + (model.weights[name] ?? 0) * signals[name],
    model.intercept,
  );
  return 1 / (1 + Math.exp(-logit));
}

/**
 * The signals of an extractive answer quoting `sentenceCoverage` of the question from the best
 * passage, `passages[0]`.
 */
export function measureConfidenceSignals(
  queryWeights: ReadonlyMap<string, number>,
  passages: Passage[],
  sentenceCoverage: number,
): ConfidenceSignals | undefined {
  const [best] = passages;
  if (!best) return undefined;
  const others = passages.filter((passage) => passage.document.docId !== best.document.docId);
  const { coverage } = best;
  const titleTerms = new Set(analyzeText(best.document.title));
  const questionTerms = [...queryWeights.keys()];
  return {
    passageCoverage: coverage,
    sentenceCoverage,
    coverageMargin: coverage * (coverage - Math.max(0, ...others.map((passage) => passage.coverage))),
    // A passage found by meaning only has no lexical score to stand out with.
    scoreMargin:
      best.score > 0
        ? coverage ** 2 * (1 - Math.min(1, Math.max(0, ...others.map((passage) => passage.score)) / best.score))
        : 0,
    subjectNamed: shareOf([...titleTerms], (term) => queryWeights.has(term)),
    termOverlap: shareOf(questionTerms, (term) => best.terms.has(term)),
  };
}

function shareOf(terms: string[], isCounted: (term: string) => boolean): number {
  return terms.length === 0 ? 0 : terms.filter(isCounted).length / terms.length;
}
