/**
 * Endings that make one English word of another, each with how the base word ends once it is taken
 * off and how long the base must be: "monthly" is made of "month", "payment" of "pay", "renewal" of
 * "renew", "arrival" of "arrive", "inspection" of "inspect", "cancellation" of "cancel". A
 * dictionary glosses the base more often than the word made of it ("pay" reaches 繳費, "payment"
 * does not). Not -ing or -s, which stemming takes off already, nor -er, which makes few words of
 * others that people ask with ("number" is no "numb", "center" no "cent").
 */
const DERIVATIONS: readonly (readonly [ending: string, baseEndings: readonly string[], minBase: number])[] = [
  ["ily", ["y"], 3],
  ["ment", [""], 3],
  ["ly", [""], 4],
  ["ness", [""], 4],
  ["ation", ["", "e"], 4],
  ["ion", ["", "e"], 4],
  ["ance", ["", "e"], 4],
  ["ence", ["", "e"], 4],
  ["al", ["", "e"], 4],
];

/**
 * The words `word` is made of by one ending, that `isWord` knows: ["pay"] for "payment", ["cancel"]
 * for "cancellation" (a doubled last letter is written once), none for a word made of none.
 */
export function derivationalBases(written: string, isWord: (candidate: string) => boolean): string[] {
  // A plural's ending comes off first: "payments" is made of "pay" as "payment" is.
  const word = /(?:ment|ness|ion|ance|ence|al)s$/.test(written) ? written.slice(0, -1) : written;
  const bases = new Set<string>();
  // A base shorter than the ending allows is a coincidence of letters: "reply" is no "rep" + "ly".
  for (const [ending, baseEndings, minBase] of DERIVATIONS) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    for (const baseEnding of baseEndings) {
      const base = stem + baseEnding;
      const undoubled = /(.)\1$/.test(stem) ? stem.slice(0, -1) + baseEnding : undefined;
      for (const candidate of [base, undoubled]) {
        if (candidate && candidate.length >= minBase && candidate !== word && isWord(candidate)) bases.add(candidate);
      }
    }
    if (bases.size > 0) break;
  }
  return [...bases];
}
