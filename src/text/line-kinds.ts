/** Kinds of line in extracted text, which chunking and answer composition both respect. */

/** A line ending in a colon introduces what follows ("應符合下列條件之一："). */
export const INTRODUCES_WHAT_FOLLOWS = /[:：]$/;
/** A list item as parsers write it: "- ", "• ", "1. ". */
export const LIST_ITEM = /^(?:[-•*]|\d{1,2}[.)])\s+/;
/**
 * A table row as parsers wrote it until pipeline 7, cells joined with " | ". Parsers now write each
 * row as one self-describing line ("工學院：學費 24,310，雜費 6,020"), which this does not match:
 * kept only until answer composition stops looking for header rows.
 */
export const TABLE_ROW = / \| /;
