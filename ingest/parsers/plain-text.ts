import { ENDS_A_SENTENCE } from "../../src/text/line-kinds.js";
import type { DocumentBlock, ParsedDocument } from "../parsed-document.js";
import { paragraphBlocks } from "./labelled-clause.js";

const MAX_TITLE_CHARS = 80;

/**
 * Paragraphs are separated by blank lines; a short first line is taken as the title. When it stands
 * alone and ends no sentence, it heads the text, as a Markdown file's first heading does, rather than
 * being a paragraph that an answer could quote on its own.
 */
export function parsePlainText(source: string): ParsedDocument {
  const paragraphs = source
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const firstLine = paragraphs[0]?.split("\n")[0] ?? "";
  const title = firstLine.length > 0 && firstLine.length <= MAX_TITLE_CHARS ? firstLine : undefined;
  // A line that ends a sentence is text, not a title ("Items are kept 30 days.").
  const headsText = title !== undefined && paragraphs[0] === title && !ENDS_A_SENTENCE.test(title);
  const blocks: DocumentBlock[] = paragraphs.flatMap((text, index) =>
    index === 0 && headsText ? [{ kind: "heading", level: 1, text }] : paragraphBlocks(text),
  );
  return { format: "text", title, blocks };
}
