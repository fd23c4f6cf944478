import { ENDS_A_SENTENCE } from "../../src/text/line-kinds.js";
import type { DocumentBlock, ParsedDocument } from "../parsed-document.js";
import { paragraphBlocks } from "./labelled-clause.js";

const MAX_TITLE_CHARS = 80;
/** The longest line read as a section's name: a heading names, it does not say. */
const MAX_HEADING_CHARS = 30;
/** A list or clause number a heading may open on: 「一、」, 「（二）」, "3.", "第四條". */
const HEADING_NUMBER =
  /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、]|第[一二三四五六七八九十百]{1,4}[條条章節节])\s*/u;
/**
 * A line that cannot be a heading: one with a figure (a time, a fee), a label and its value, or one
 * that ends on a comma and so runs on.
 */
const NOT_A_HEADING = /[\d:：]|[，,、；;]$/u;
/** A line a hard-wrapped sentence runs on into: it opens in lower case. */
const RUNS_ON = /^[a-z]/;
/** A plain-text page's own address, written under its title as text files have no metadata: 「網址：https://…」. */
const ADDRESS_LINE = /^(?:網址|网址|連結|链接|url|link|web(?:site|page)?)\s*[:：]\s*(https?:\/\/\S+)$/iu;

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
  let url: string | undefined;
  const blocks: DocumentBlock[] = paragraphs.flatMap((text, index): DocumentBlock[] => {
    if (index === 0 && headsText) return [{ kind: "heading", level: 1, text }];
    const [first = "", ...rest] = text.split("\n");
    if (!isSectionName(first, rest[0])) return paragraphBlocks(text);
    // The title over the page's address and other lines about the page, or a section's name over its text.
    const level = index === 0 && first === title ? 1 : 2;
    const address = level === 1 ? rest.findIndex((line) => ADDRESS_LINE.test(line.trim())) : -1;
    if (address >= 0) url = ADDRESS_LINE.exec(rest.splice(address, 1)[0]?.trim() ?? "")?.[1];
    const body = rest.join("\n").trim();
    return [{ kind: "heading", level, text: first.trim() }, ...(body ? paragraphBlocks(body) : [])];
  });
  return url ? { format: "text", title, url, blocks } : { format: "text", title, blocks };
}

/**
 * Whether a paragraph's first line names what the lines under it say (「一、一般病房探病時間」,
 * "Opening hours"), as a Markdown heading would: short, stating no figure and ending no sentence,
 * with a next line that does not carry on a hard-wrapped sentence.
 */
function isSectionName(line: string, next: string | undefined): boolean {
  const name = line.trim().replace(HEADING_NUMBER, "");
  return (
    next !== undefined &&
    name.length > 0 &&
    line.trim().length <= MAX_HEADING_CHARS &&
    !ENDS_A_SENTENCE.test(name) &&
    !NOT_A_HEADING.test(name) &&
    !RUNS_ON.test(next.trim())
  );
}
