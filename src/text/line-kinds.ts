/** Kinds of line in extracted text, which chunking and answer composition both respect. */

/** A line ending in a colon introduces what follows ("應符合下列條件之一："). */
export const INTRODUCES_WHAT_FOLLOWS = /[:：]$/;
/** A list item as parsers write it: "- ", "• ", "1. ". */
export const LIST_ITEM = /^(?:[-•*]|\d{1,2}[.)])\s+/;
/** A numbered list item, a step of a procedure: "1. ", "2) ". */
export const NUMBERED_LIST_ITEM = /^\d{1,2}[.)]\s+/;
