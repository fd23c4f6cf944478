import { extractText, getDocumentProxy, getMeta } from "unpdf";
import type { PdfLimits } from "../../src/config.js";
import { DocumentParseError } from "../../src/errors.js";
import { LIST_ITEM, NUMBERED_LIST_ITEM } from "../../src/text/line-kinds.js";
import { blockText, type DocumentBlock, type ParsedDocument } from "../parsed-document.js";
import { joinWrappedLines } from "./join-wrapped-lines.js";
import { paragraphBlocks } from "./labelled-clause.js";
import { renderTableRows } from "./table-rows.js";
import { findTextTables } from "./text-tables.js";

const SENTENCE_END = /[.!?。！？:：;；]["'」』）)]*$/;
const WIDE_CHARACTER = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Text of every page, with its page number kept for citations. */
export async function parsePdf(bytes: Uint8Array, limits: PdfLimits): Promise<ParsedDocument> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let abandoned = false;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandoned = true;
      reject(new DocumentParseError(`reading the PDF took over ${limits.timeoutMs / 1000} s`, "parse_timeout"));
    }, limits.timeoutMs);
  });
  const read = async () => {
    try {
      // pdf.js takes over (detaches) the buffer it is given: a copy keeps the caller's bytes whole.
      pdf = await getDocumentProxy(bytes.slice());
    } catch (error) {
      if ((error as Error).name === "PasswordException") {
        throw new DocumentParseError(
          "no extractable text: the PDF is encrypted with a password; upload an unprotected copy",
          "pdf_encrypted",
        );
      }
      throw new DocumentParseError(`not a readable PDF (${(error as Error).message})`, "corrupt_pdf");
    }
    // A document that opens after the time is up is closed at once, not read.
    if (abandoned) {
      void pdf.destroy().catch(() => {});
      throw new DocumentParseError("abandoned", "parse_timeout");
    }
    if (pdf.numPages > limits.maxPages) {
      throw new DocumentParseError(
        `the PDF has ${pdf.numPages} pages; at most ${limits.maxPages} are accepted`,
        "too_many_pages",
      );
    }
    try {
      const { text } = await extractText(pdf, { mergePages: false });
      const infoTitle = ((await getMeta(pdf)).info as Record<string, unknown>).Title;
      return { pages: text, title: typeof infoTitle === "string" && infoTitle.trim() ? infoTitle.trim() : undefined };
    } catch (error) {
      throw new DocumentParseError(`not a readable PDF (${(error as Error).message})`, "corrupt_pdf");
    }
  };
  let pages: string[];
  let title: string | undefined;
  const reading = read();
  // Once timed out, a later failure of the abandoned read is nobody's to handle.
  reading.catch(() => {});
  try {
    ({ pages, title } = await Promise.race([reading, timedOut]));
  } finally {
    clearTimeout(timer);
    // Frees the document, and stops pdf.js's remaining work on one that timed out. pdf.js parses on
    // this thread between awaits, so the limit bounds the wait, not a single synchronous step.
    void pdf?.destroy().catch(() => {});
  }
  const blocks = pages.flatMap((pageText, index) => readPageBlocks(pageText, index + 1));
  const firstBlock = blocks[0];
  if (firstBlock === undefined) {
    throw new DocumentParseError(
      "no extractable text (a scanned or image-only PDF needs OCR first)",
      "no_extractable_text",
    );
  }
  return { format: "pdf", title: title ?? blockText(firstBlock).slice(0, 80), blocks };
}

/** A page's paragraphs, and its tables with their header folded into every row. */
export function readPageBlocks(pageText: string, page: number): DocumentBlock[] {
  const lines = pageText
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  // A reduce, not Math.max(...): a page of a hundred thousand lines would overflow the call stack.
  const fullLineWidth = lines.reduce((widest, line) => Math.max(widest, visualWidth(line)), 0);
  const blocks: DocumentBlock[] = [];
  const addParagraphs = (proseLines: string[], beforeTable: boolean) => {
    const paragraphs = joinLinesIntoParagraphs(proseLines, fullLineWidth);
    paragraphs.forEach((text, index) => {
      const [previous, next] = [paragraphs[index - 1], paragraphs[index + 1]];
      const heading =
        next === undefined ? beforeTable && looksLikeHeading(text, previous) : isHeading(text, previous, next);
      blocks.push(...(heading ? [{ kind: "heading", level: 2, text } as const] : paragraphBlocks(text, page)));
    });
  };
  let proseStart = 0;
  for (const table of findTextTables(lines)) {
    addParagraphs(lines.slice(proseStart, table.start), true);
    blocks.push({ kind: "table", rows: renderTableRows(table), page });
    proseStart = table.end;
  }
  addParagraphs(lines.slice(proseStart), false);
  return blocks;
}

/**
 * PDF text comes as layout lines. A line that ends a sentence, or is clearly shorter than the
 * page's full lines (a title, a table row), ends a paragraph; other lines continue it.
 */
function joinLinesIntoParagraphs(lines: readonly string[], fullLineWidth: number): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    current.push(line);
    if (SENTENCE_END.test(line) || visualWidth(line) < fullLineWidth * 0.7) {
      paragraphs.push(joinWrappedLines(current));
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(joinWrappedLines(current));
  return paragraphs;
}

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
function isHeading(text: string, previous: string | undefined, next: string): boolean {
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
function looksLikeHeading(text: string, previous: string | undefined): boolean {
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
function visualWidth(line: string): number {
  let width = 0;
  for (const character of line) width += WIDE_CHARACTER.test(character) ? 2 : 1;
  return width;
}
