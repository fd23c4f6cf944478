/** Kinds of line in extracted text, which chunking and answer composition both respect. */

/**
 * A line ending in a colon introduces what follows ("應符合下列條件之一："), and so does one that
 * says so ("開放時間如下表。", "詳見下表", "The fees are as follows.", "listed below."), also before a
 * note in brackets ("收費如下（單位：新臺幣元）。").
 */
export const INTRODUCES_WHAT_FOLLOWS =
  /(?:[:：]|(?:如下(?:表|列|圖)?|[見詳]下表|下列各項|as follows|(?:listed|shown|set out) below)(?:\s*[（(][^（()）]{1,30}[)）])?[。.]?)$/iu;
/** A list item as parsers write it: "- ", "• ", "1. ". */
export const LIST_ITEM = /^(?:[-•*]|\d{1,2}[.)])\s+/;
/** A numbered list item, a step of a procedure: "1. ", "2) ". */
export const NUMBERED_LIST_ITEM = /^\d{1,2}[.)]\s+/;
/** A line that ends a sentence, or introduces what follows, and so may run on into the next one. */
export const ENDS_A_SENTENCE = /[。！？.!?；;：:]$/u;
