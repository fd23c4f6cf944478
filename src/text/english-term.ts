import spelling from "american-english";
import { stemmer } from "stemmer";

/**
 * An English word as the index holds it: in American spelling, so that "cheque" and "check",
 * "centre" and "center", "licence" and "license" meet, then stemmed when longer than two letters.
 * Documents and questions are read alike, so either spelling finds the other.
 */
export function englishTermOf(word: string): string {
  const american = spelling.hasUSDifference(word) ? spelling.toUS(word) : word;
  return american.length > 2 ? stemmer(american) : american;
}
