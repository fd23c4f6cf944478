import { extractText, getDocumentProxy, getMeta } from "unpdf";
import type { PdfLimits } from "../../src/config.js";
import { DocumentParseError } from "../../src/errors.js";
import { blockText, type DocumentBlock, type ParsedDocument } from "../parsed-document.js";
import { isHeading, looksLikeHeading, visualWidth } from "./heading-lines.js";
import { joinLinesIntoParagraphs, looksWrapped } from "./join-wrapped-lines.js";
import { paragraphBlocks } from "./labelled-clause.js";
import { renderTableRows } from "./table-rows.js";
import { findTextTables } from "./text-tables.js";

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
    // A line that ends a sentence, or is clearly shorter than the page's full lines (a title, a
    // table row), ends a paragraph; other lines continue it.
    const paragraphs = joinLinesIntoParagraphs(proseLines, (line) => looksWrapped(line, fullLineWidth));
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
