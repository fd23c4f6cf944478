/** Line breaks and tabs: a label has one line, so each becomes a space rather than gluing words together. */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/**
 * What no label should hold: the other C0 and C1 control characters (NUL included), DEL, and the
 * bidi marks, embeddings, overrides and isolates that can make a name read backwards on screen
 * (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069).
 */
const INVISIBLE_CONTROLS = /[\p{Cc}\p{Bidi_Control}]/gu;

/**
 * A label people typed (a key's name, a file name, a title, a tag), with control and bidi
 * characters removed and its ends trimmed; it may come out empty, which its caller refuses.
 */
export function cleanLabel(text: string): string {
  return text.replace(LINE_BREAKS, " ").replace(INVISIBLE_CONTROLS, "").trim();
}
