import { z } from "zod";

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
  /**
   * Share of the best document's title terms that the question holds (with the words a follow-up
   * carries over from its conversation, as for coverage): a question that names what a document
   * is about ("史特拉斯堡的人口") is more likely answered by it than by one that mentions the name
   * in passing.
   */
  subjectNamed: number;
  /**
   * Share of the question's distinct terms the best passage holds, unweighted: where questions are
   * written from the documents' own wording, common words shared count too.
   */
  termOverlap: number;
  /**
   * 1 when the question asks for a kind of answer (a date, an amount, steps) that the quoted text
   * does not state, else 0: the right document quoted at the wrong sentence is not an answer.
   */
  answerTypeMissing: number;
  /**
   * 1 when the question asks only for figures (an amount, a date, a count…) and the quoted text
   * states none of them, else 0: the quote cannot be the answer, whatever the words it shares.
   */
  figureMissing: number;
}

// Every signal, each once: the compiler refuses a signal missing here or one that does not exist.
const everySignal = {
  passageCoverage: true,
  sentenceCoverage: true,
  coverageMargin: true,
  scoreMargin: true,
  subjectNamed: true,
  termOverlap: true,
  answerTypeMissing: true,
  figureMissing: true,
} as const satisfies Record<keyof ConfidenceSignals, true>;

type SignalName = keyof typeof everySignal;
export const confidenceSignalNames = Object.keys(everySignal) as [SignalName, ...SignalName[]];

/** A logistic model over the signals; a signal without a weight does not count. */
export const confidenceModelSchema = z
  .object({
    intercept: z.number(),
    weights: z.partialRecord(z.enum(confidenceSignalNames), z.number(), {
      // A misspelt signal is reported as an unrecognized key (zod's types omit that issue here).
      error: (issue) =>
        "keys" in issue && Array.isArray(issue.keys)
          ? `unknown signal ${issue.keys.join(", ")}; the signals are ${confidenceSignalNames.join(", ")}`
          : undefined,
    }),
  })
  .strict();

export type ConfidenceModel = z.infer<typeof confidenceModelSchema>;

/**
 * Fitted on DRCD by `npm run eval -- --squad <DRCD> --calibrate` (label: the answer cites a document
 * that answers the question) when it had only the first four signals, so that confidence reads as
 * the probability that the answer is supported, not as a raw BM25 score. subjectNamed and
 * termOverlap are left out: they separate DRCD's questions, written from their paragraphs, but
 * students word theirs their own way, and with them the golden set's abstention fell (see README,
 * "Calibrating confidence for your documents").
 */
export const defaultConfidenceModel: ConfidenceModel = {
  intercept: -4.42,
  weights: { passageCoverage: 4.53, sentenceCoverage: 0.7, coverageMargin: 5.25, scoreMargin: 8.13 },
};
