import { LIST_ITEM, NUMBERED_LIST_ITEM } from "../../src/text/line-kinds.js";

/**
 * Headings in text that keeps none, only their lines (a PDF's, a plain-text file's): a short line
 * that ends no sentence before the longer text it names.
 */

export const SENTENCE_END = /[.!?。！？:：;；]["'」』）)]*$/;
const WIDE_CHARACTER = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** At most this wide (in half-width units, see visualWidth), a line may be a heading: "Quiet hours", 「一、收費標準」. */
const MAX_HEADING_WIDTH = 48;
/**
 * A line ending in a figure, with or without its unit, or in "free" is a row of a table the page's
 * layout did not show as one ("椅子 100 元", "Single room NT$ 9,800").
 */
const ENDS_IN_A_VALUE = /(?:\p{Nd}[\p{Nd},.]*(?:\s*\S{1,3})?|免費|free)$/iu;
/** What follows a heading is its text, much longer than it: "Pets are not allowed" before "Guide dogs are welcome." is no heading. */
const NEXT_WIDTH_FACTOR = 1.5;
/** A comma runs on a statement or joins names; a heading names one thing. */
const HAS_A_COMMA = /[，,]/;

/**
 * A PDF keeps no headings, only their lines: a short line that ends no sentence and is followed by
 * a much longer paragraph that does is one ("Quiet hours" before "Quiet hours are from 23:00…"). Read
 * as a heading, it names the section its text is chunked and cited under, and is not quoted.
 */
export function isHeading(text: string, previous: string | undefined, next: string): boolean {
  return (
    looksLikeHeading(text, previous) &&
    visualWidth(next) >= NEXT_WIDTH_FACTOR * visualWidth(text) &&
    (SENTENCE_END.test(next) || visualWidth(next) > MAX_HEADING_WIDTH) &&
    // A numbered line is a step of a list unless it stands between paragraphs ("3. Guests").
    !LIST_ITEM.test(next)
  );
}

/**
 * Short, ending no sentence, with no comma, not a row of values, and not a bulleted item nor a
 * numbered one after another item: a heading if what follows is its text (or a table).
 */
export function looksLikeHeading(text: string, previous: string | undefined): boolean {
  const listItem = LIST_ITEM.test(text) && (!NUMBERED_LIST_ITEM.test(text) || LIST_ITEM.test(previous ?? ""));
  return (
    visualWidth(text) <= MAX_HEADING_WIDTH &&
    !SENTENCE_END.test(text) &&
    !HAS_A_COMMA.test(text) &&
    !listItem &&
    !ENDS_IN_A_VALUE.test(text) &&
    /\p{L}/u.test(text)
  );
}

/** Width in half-width units: a Chinese character takes the room of two Latin ones on the page. */
export function visualWidth(line: string): number {
  let width = 0;
  for (const character of line) width += WIDE_CHARACTER.test(character) ? 2 : 1;
  return width;
}
