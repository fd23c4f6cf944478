// The package ships no types: the table it looks words up in, as its source defines it.
declare module "american-english" {
  const spelling: {
    /** British spellings and their American ones ("colour" → "color"). */
    us_spelling: Record<string, string>;
  };
  export default spelling;
}
