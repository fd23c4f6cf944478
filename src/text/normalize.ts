import * as OpenCC from "opencc-js";

// Simplified → Taiwan Traditional. Applied to documents and queries alike, so any
// imperfect conversion is symmetric and matching still works.
const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

const HAN = /\p{Script=Han}/u;

/** Folds width (NFKC), case and Chinese script so that equal words compare equal. */
export function normalizeForMatching(text: string): string {
  const folded = text.normalize("NFKC").toLowerCase();
  return HAN.test(folded) ? toTraditional(folded) : folded;
}

export function convertToSimplified(text: string): string {
  return toSimplified(text);
}
