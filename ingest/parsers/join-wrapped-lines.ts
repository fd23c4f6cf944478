import { SENTENCE_END, visualWidth } from "./heading-lines.js";

/** A line at least this share as wide as a text's full lines, ending no sentence, was wrapped: it goes on in the next. */
const WRAPPED_LINE_SHARE = 0.7;
// Chinese text: a character, or the brackets and quotation marks written with it; or a Chinese
// comma or semicolon after anything (「每日09:00至18:00，」), which ends no sentence.
const HAN_AT_END = /(?:[\p{Script=Han}）」』]|[，、；])$/u;
const HAN_AT_START = /^[\p{Script=Han}（「『]/u;
/** A figure opening a line, which goes on a Chinese line without a space (「於114年」 / 「10月17日前」). */
const DIGIT_AT_START = /^\d/u;
/**
 * A figure ending a line of Chinese, whose unit or the rest of whose date the next line may open
 * with (「延長至114」 / 「年3月16日」); not one ending English ("see rule 3").
 */
const FIGURE_AT_END = /\p{Script=Han}\d{1,8}$/u;
/** A Chinese line opening an item or a field: 「二、」, 「第3條」, a short label and its colon (not a time's, 07:00). */
const OPENS_ITEM_OR_FIELD =
  /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百\d]+[條章節項款]|[^，。：:\s]{1,8}(?:：|(?<!\d):|:(?!\d)))/u;
// All HAN_AT_END and FIGURE_AT_END look at: a Han character (two UTF-16 units outside the BMP) and up to eight digits.
const DECIDING_END_LENGTH = 10;

/**
 * Joins the lines of a soft-wrapped paragraph: with no space between Chinese characters, or between
 * one and a figure (a line break inside a Chinese sentence is only layout), with one space otherwise.
 */
export function joinWrappedLines(lines: readonly string[]): string {
  const pieces: string[] = [];
  // Only the end of the text so far decides the next join: testing the whole text per line was quadratic.
  let end = "";
  for (const line of lines) {
    const piece =
      !end || (goesOnInChinese(end, line) && (HAN_AT_START.test(line) || DIGIT_AT_START.test(line)))
        ? line
        : ` ${line}`;
    pieces.push(piece);
    end = (piece.length >= DECIDING_END_LENGTH ? piece : end + piece).slice(-DECIDING_END_LENGTH);
  }
  return pieces.join("");
}

/** A soft-wrapped paragraph as one line. */
export function unwrapLines(text: string): string {
  return joinWrappedLines(text.split(/\s*\n\s*/).filter(Boolean));
}

/** Whether a line ends no sentence and is about as wide as the text's full lines: the layout wrapped it. */
export function looksWrapped(line: string, fullLineWidth: number): boolean {
  return !SENTENCE_END.test(line) && visualWidth(line) >= fullLineWidth * WRAPPED_LINE_SHARE;
}

/**
 * Whether a line breaks a Chinese sentence that the next line goes on with: the line ends on a
 * character or a comma, or on a figure whose unit the next opens with, and the next opens no item
 * or field of its own (「二、…」, 「第3條」, 「電話：…」).
 * Chinese is wrapped anywhere, not between words, so the next line may open with anything else
 * (「眾配合辦理。」, "NT$150。").
 */
export function breaksChineseSentence(line: string, next: string): boolean {
  return goesOnInChinese(line, next) && !OPENS_ITEM_OR_FIELD.test(next);
}

/** Whether text ends where Chinese goes on: on a character or a comma, or on a figure whose unit the next line opens with. */
function goesOnInChinese(text: string, next: string): boolean {
  return HAN_AT_END.test(text) || (FIGURE_AT_END.test(text) && HAN_AT_START.test(next));
}

/**
 * Layout lines as paragraphs: a line goes on in the next when `goesOn` says so (a PDF's wrapped
 * line, a text file's, asked with the lines as laid out), and each paragraph's lines are joined as
 * one (joinWrappedLines), without their indentation.
 */
export function joinLinesIntoParagraphs(
  lines: readonly string[],
  goesOn: (line: string, next: string | undefined) => boolean,
): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  lines.forEach((line, index) => {
    current.push(line.trim());
    if (goesOn(line, lines[index + 1])) return;
    paragraphs.push(joinWrappedLines(current));
    current = [];
  });
  if (current.length > 0) paragraphs.push(joinWrappedLines(current));
  return paragraphs;
}
