import { ENDS_A_SENTENCE, LIST_ITEM } from "../../src/text/line-kinds.js";
import type { DocumentBlock, ParsedDocument } from "../parsed-document.js";
import { isHeading, looksLikeHeading, visualWidth } from "./heading-lines.js";
import { breaksChineseSentence, joinLinesIntoParagraphs, looksWrapped } from "./join-wrapped-lines.js";
import { paragraphBlocks } from "./labelled-clause.js";

const MAX_TITLE_CHARS = 80;
/** The text's full line width is that of its longer lines, not its longest (a web address, a table's row). */
const FULL_LINE_PERCENTILE = 0.9;
/** A Chinese line at least this share as wide as the text's full lines was wrapped, not ended. */
const CHINESE_FULL_LINE_SHARE = 0.9;
/** Narrower full lines are no wrapping width: a short text's lines are statements of their own. */
const MIN_WRAP_WIDTH = 40;
/** How a wrapped English line's next line goes on: in lower case, a figure or a bracket ("gifts) are…"). */
const GOES_ON = /^[\p{Ll}\d(（]/u;
/** A line's own columns: a tab, a bar or a run of spaces between words (a text table's row), which no wrap joins. */
const COLUMN_GAP = /\S(?:\t| {2,}|\s[|｜]\s)\S/u;
/**
 * A plain-text page's own address, written under its title as text files have no metadata: alone, or
 * after a label or the site's name (「網址：https://…」, "Customer Service | https://…").
 */
const ADDRESS_LINE = /^(?:[^:：|｜]{0,40}[:：|｜]\s*)?(https?:\/\/\S+?)[。，、.,;；)）]*$/iu;

/** An official notice's subject line (公文's 主旨), which says what the notice is about: what follows its label. */
const NOTICE_SUBJECT_LINE = /^[ \t　]*主[ \t　]*旨[ \t　]*[：:][ \t　]*(.*)$/mu;
/** The request a notice's subject closes on, to note it or to act, not what it is about (「，請查照。」, 「，請飼主踴躍參加。」). */
const CLOSING_REQUEST = /[，,][\s　]*請[^，,]*$/u;

/**
 * Paragraphs are separated by blank lines; a short first line is taken as the title, or an official
 * notice's subject (主旨) when it has one: its first line is only who issued it (「某某大學　公告」). When it stands
 * alone and ends no sentence, it heads the text, as a Markdown file's first heading does, rather than
 * being a paragraph that an answer could quote on its own.
 */
export function parsePlainText(source: string): ParsedDocument {
  const paragraphs = source
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const unwrap = paragraphUnwrapper(paragraphs);
  const firstLine = paragraphs[0]?.split("\n")[0] ?? "";
  const titleLine = firstLine.length > 0 && firstLine.length <= MAX_TITLE_CHARS ? firstLine : undefined;
  const title = noticeSubject(paragraphs, unwrap) ?? titleLine;
  let url: string | undefined;
  const blocks: DocumentBlock[] = paragraphs.flatMap((text, index): DocumentBlock[] => {
    const [first = "", ...rest] = text.split("\n");
    // A line that ends a sentence is text, not a title ("Items are kept 30 days."); one with lines under
    // it heads them when the first is the page's address or text it names.
    const headsText =
      index === 0 &&
      first === titleLine &&
      !ENDS_A_SENTENCE.test(first) &&
      (rest[0] === undefined || ADDRESS_LINE.test(rest[0].trim()) || isSectionName(first, rest[0]));
    if (headsText) {
      // The title, over the page's address and other lines about the page.
      const address = rest.findIndex((line) => ADDRESS_LINE.test(line.trim()));
      if (address >= 0) url = ADDRESS_LINE.exec(rest.splice(address, 1)[0]?.trim() ?? "")?.[1];
      return [{ kind: "heading", level: 1, text: first.trim() }, ...textBlocks(rest, unwrap)];
    }
    // A section's name heads the lines under it, or the paragraphs after it when it stands alone.
    const next = rest[0] ?? paragraphs[index + 1]?.split("\n")[0];
    if (!isSectionName(first, next)) return paragraphBlocks(unwrap(text));
    return [{ kind: "heading", level: 2, text: first.trim() }, ...textBlocks(rest, unwrap)];
  });
  return url ? { format: "text", title, url, blocks } : { format: "text", title, blocks };
}

/** The subject of an official notice, without its label and closing formula; undefined when the text has none that fits a title. */
function noticeSubject(paragraphs: string[], unwrap: (text: string) => string): string | undefined {
  // Only the paragraph holding it is unwrapped here: each is unwrapped again for its blocks.
  const paragraph = paragraphs.find((text) => NOTICE_SUBJECT_LINE.test(text));
  if (paragraph === undefined) return undefined;
  // The subject is a paragraph of its own, or the first lines of one ending at the next label (說明：).
  const subject = NOTICE_SUBJECT_LINE.exec(unwrap(paragraph))?.[1]?.replace(CLOSING_REQUEST, "").trim();
  return subject && subject.length <= MAX_TITLE_CHARS ? subject : undefined;
}

function textBlocks(lines: string[], unwrap: (text: string) => string): DocumentBlock[] {
  const body = lines.join("\n").trim();
  return body ? paragraphBlocks(unwrap(body)) : [];
}

/**
 * Joins the lines a text file wraps at a fixed width ("…sign-up" / "gifts) are not…", 「…請登山民」 /
 * 「眾配合辦理。」): a line as wide as the text's full lines that ends no sentence goes on in the next
 * when that one carries on in lower case, as a PDF's does, or when it breaks a Chinese sentence.
 * A list item, or a row of columns, starts a line of its own.
 */
function paragraphUnwrapper(paragraphs: string[]): (text: string) => string {
  const lines = paragraphs.flatMap((paragraph) => paragraph.split("\n")).map(asLaidOut);
  const fullLineWidth = fullLine(lines.map(visualWidth));
  // Chinese is often wrapped at a count of characters, half-width digits or not (「114年5月20日」).
  const fullLineCharacters = fullLine(lines.map(characterCount));
  // Chinese is wrapped at the width itself: a line that stops short of it ended there.
  const fillsLine = (laidOut: string) =>
    visualWidth(laidOut) >= fullLineWidth * CHINESE_FULL_LINE_SHARE ||
    characterCount(laidOut) >= fullLineCharacters * CHINESE_FULL_LINE_SHARE;
  const goesOn = (line: string, next = "") => {
    const [text, nextText, laidOut] = [line.trim(), next.trim(), asLaidOut(line)];
    return (
      fullLineWidth >= MIN_WRAP_WIDTH &&
      looksWrapped(laidOut, fullLineWidth) &&
      (GOES_ON.test(nextText) || (breaksChineseSentence(text, nextText) && fillsLine(laidOut))) &&
      !LIST_ITEM.test(nextText) &&
      !COLUMN_GAP.test(text) &&
      !COLUMN_GAP.test(nextText)
    );
  };
  return (text) =>
    joinLinesIntoParagraphs(
      text.split("\n").filter((line) => line.trim()),
      goesOn,
    ).join("\n");
}

/**
 * A line as wide as the layout made it: an item's indentation is part of its width, as the layout
 * wraps the line it starts; a line pushed far right (a signature, an address block) counts its text only.
 */
function asLaidOut(line: string): string {
  const laidOut = line.trimEnd();
  const text = laidOut.trimStart();
  return visualWidth(laidOut.slice(0, laidOut.length - text.length)) <= MAX_ITEM_INDENT ? laidOut : text;
}

/** The widest indentation of an item's lines: four full-width spaces. */
const MAX_ITEM_INDENT = 8;

/** The width of a text's full lines: that of its longer lines, not its longest (a web address, a table's row). */
function fullLine(widths: number[]): number {
  const sorted = widths.filter((width) => width > 0).sort((left, right) => left - right);
  return sorted[Math.floor(FULL_LINE_PERCENTILE * (sorted.length - 1))] ?? 0;
}

function characterCount(line: string): number {
  return [...line].length;
}

/**
 * Whether a paragraph's first line names what follows it (「一、一般病房探病時間」, "Opening hours"), as a
 * Markdown heading would: by the rule for a PDF's lines, or a short line before a list. No line comes
 * before it in its paragraph: a blank line ends any list above ("4. No update" after a list is no
 * fourth item).
 */
function isSectionName(line: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  const [name, following] = [line.trim(), next.trim()];
  return isHeading(name, undefined, following) || (LIST_ITEM.test(following) && looksLikeHeading(name, undefined));
}
