const HAN_AT_END = /\p{Script=Han}[，、]?$/u;
const HAN_AT_START = /^\p{Script=Han}/u;

/**
 * Joins a line that continues the text before it: with no space between Chinese characters (a
 * line break inside a Chinese sentence is only layout), with one space otherwise.
 */
export function appendWrappedLine(text: string, line: string): string {
  if (!text) return line;
  return HAN_AT_END.test(text) && HAN_AT_START.test(line) ? text + line : `${text} ${line}`;
}

/** A soft-wrapped paragraph as one line. */
export function unwrapLines(text: string): string {
  return text
    .split(/\s*\n\s*/)
    .filter(Boolean)
    .reduce(appendWrappedLine, "");
}
