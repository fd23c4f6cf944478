// The package ships no types: the two lookups used, as its README describes them.
declare module "american-english" {
  const spelling: {
    /** The American spelling of a British one ("colour" → "color"), else the string "word_not_found". */
    toUS(word: string): string;
    hasUSDifference(word: string): boolean;
  };
  export default spelling;
}
