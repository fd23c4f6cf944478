import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { DocumentParseError } from "../../src/errors.js";
import type { DocumentBlock, ParsedDocument } from "../parsed-document.js";
import { appendWrappedLine } from "./join-wrapped-lines.js";

const SENTENCE_END = /[.!?。！？:：;；]["'」』）)]*$/;
const WIDE_CHARACTER = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Text of every page, with its page number kept for citations. */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedDocument> {
  let pages: string[];
  let title: string | undefined;
  try {
    const pdf = await getDocumentProxy(bytes);
    ({ text: pages } = await extractText(pdf, { mergePages: false }));
    const metadata = await getMeta(pdf);
    const infoTitle = (metadata.info as Record<string, unknown>).Title;
    title = typeof infoTitle === "string" && infoTitle.trim() ? infoTitle.trim() : undefined;
  } catch (error) {
    throw new DocumentParseError(`not a readable PDF (${(error as Error).message})`);
  }
  const blocks = pages.flatMap((pageText, index) =>
    joinLinesIntoParagraphs(pageText).map((text): DocumentBlock => ({ kind: "paragraph", text, page: index + 1 })),
  );
  const firstParagraph = pages.flatMap(joinLinesIntoParagraphs)[0];
  if (firstParagraph === undefined) {
    throw new DocumentParseError("no extractable text (a scanned or image-only PDF needs OCR first)");
  }
  return { format: "pdf", title: title ?? firstParagraph.slice(0, 80), blocks };
}

/**
 * PDF text comes as layout lines. A line that ends a sentence, or is clearly shorter than the
 * page's full lines (a title, a table row), ends a paragraph; other lines continue it.
 */
export function joinLinesIntoParagraphs(pageText: string): string[] {
  const lines = pageText
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const fullLineWidth = Math.max(0, ...lines.map(visualWidth));
  const paragraphs: string[] = [];
  let current = "";
  for (const line of lines) {
    current = appendWrappedLine(current, line);
    if (SENTENCE_END.test(line) || visualWidth(line) < fullLineWidth * 0.7) {
      paragraphs.push(current);
      current = "";
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** Width in half-width units: a Chinese character takes the room of two Latin ones on the page. */
function visualWidth(line: string): number {
  let width = 0;
  for (const character of line) width += WIDE_CHARACTER.test(character) ? 2 : 1;
  return width;
}
