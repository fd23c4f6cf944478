/** One observation for calibration: the signals and whether the answer was right (1) or not (0). */
export interface CalibrationSample {
  features: number[];
  label: 0 | 1;
}

/**
 * Fits a logistic regression by gradient descent (a few features, a few thousand samples:
 * plain batch descent converges well within a second). Returns the intercept then one weight per feature.
 */
export function fitLogisticRegression(samples: CalibrationSample[], iterations = 4000, learningRate = 0.5): number[] {
  const featureCount = samples[0]?.features.length ?? 0;
  const weights = new Array<number>(featureCount + 1).fill(0);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = new Array<number>(featureCount + 1).fill(0);
    for (const sample of samples) {
      const error = predict(weights, sample.features) - sample.label;
      gradient[0] = (gradient[0] ?? 0) + error;
      sample.features.forEach((value, index) => {
        gradient[index + 1] = (gradient[index + 1] ?? 0) + error * value;
      });
    }
    for (let index = 0; index < weights.length; index++) {
      weights[index] = (weights[index] ?? 0) - (learningRate * (gradient[index] ?? 0)) / samples.length;
    }
  }
  return weights;
}

export function predict(weights: number[], features: number[]): number {
  const logit = features.reduce((sum, value, index) => sum + value * (weights[index + 1] ?? 0), weights[0] ?? 0);
  return 1 / (1 + Math.exp(-logit));
}
