// The package ships no types: the two tables read from it, as its sources define them.
declare module "wink-lexicon/src/wn-verb-exceptions.js" {
  /** WordNet's irregular verb forms and their base ("stolen" → "steal", "paid" → "pay"). */
  const verbExceptions: Record<string, string>;
  export default verbExceptions;
}
declare module "wink-lexicon/src/wn-noun-exceptions.js" {
  /** WordNet's irregular noun forms and their base ("children" → "child", "leaves" → "leaf"). */
  const nounExceptions: Record<string, string>;
  export default nounExceptions;
}
