/** What the answer's confidence is estimated from. */
export interface ConfidenceSignals {
  /** Share of the question's weight covered by the best passage (its title, headings and text). */
  passageCoverage: number;
  /** Share of the question's weight covered by the quoted sentences. */
  sentenceCoverage: number;
  /**
   * Coverage of the best passage minus that of the best passage from another document, times its
   * coverage: standing out only counts when the passage covers the question.
   */
  coverageMargin: number;
  /**
   * How far the best passage's BM25 score stands above the best one from another document (0–1),
   * times its coverage squared: the only passage that mentions a gym, covering half of "when does
   * the gym's weight room open", is still not about the weight room.
   */
  scoreMargin: number;
}

/**
 * Logistic model over the signals, fitted with `npm run eval -- --squad <DRCD> --calibrate` (label:
 * the answer cites a document that answers the question), so that confidence reads as the
 * probability that the answer is supported, not as a raw BM25 score.
 */
export const confidenceModel: { intercept: number; weights: ConfidenceSignals } = {
  intercept: -4.42,
  weights: { passageCoverage: 4.53, sentenceCoverage: 0.7, coverageMargin: 5.25, scoreMargin: 8.13 },
};

export const confidenceSignalNames = Object.keys(confidenceModel.weights) as (keyof ConfidenceSignals)[];

export function estimateConfidence(signals: ConfidenceSignals): number {
  const logit = confidenceSignalNames.reduce(
    (sum, name) => sum + confidenceModel.weights[name] * signals[name],
    confidenceModel.intercept,
  );
  return 1 / (1 + Math.exp(-logit));
}
