import type { Cheerio, CheerioAPI } from "cheerio";
import * as cheerio from "cheerio";
import { languageTag } from "../../src/text/document-metadata.js";
import type { DocumentBlock, ParsedDocument } from "../parsed-document.js";
import { collapseWhitespace, type Element, isLayoutTable, readHtmlTable } from "./html-table.js";
import { paragraphBlocks } from "./labelled-clause.js";
import { refuseDeepHtml } from "./nesting-depth.js";
import { renderTableRows } from "./table-rows.js";

// Only the page's own header and footer are boilerplate; an article's <header> holds its title, and
// so does the page's own when it holds the page's <h1> (read below, before <main>).
const BOILERPLATE =
  "script, style, noscript, template, nav, body > header:not(:has(h1)), body > footer, aside, form, iframe, svg";
const BLOCK_ELEMENTS = "h1, h2, h3, h4, h5, h6, p, ul, ol, dl, table, pre, blockquote";

/** Main text of a page (`<main>`, `<article>` or `<body>`), without navigation and footers. */
export function parseHtml(source: string): ParsedDocument {
  refuseDeepHtml(source);
  const page = cheerio.load(source);
  page(BOILERPLATE).remove();
  // A line break parts words: "Logistics Center<br>No. 25" is not "CenterNo. 25". Inside a block it
  // becomes a space; on a page of <div>s, read line by line, it parts the lines.
  page("br").replaceWith("\n");
  const root = [page("main").first(), page("article").first(), page("body").first()].find(
    (candidate) => candidate.length > 0,
  );
  const blocks: DocumentBlock[] = [];
  // The page's title heading, set in its header above <main> ("<header><h1>Campus Services</h1>"):
  // the sections of <main> are its sections, as a Markdown file's are its "# title"'s.
  const pageHeading =
    root?.is("main, article") && root.find("h1").length === 0 ? page("body > header h1").first() : undefined;
  if (pageHeading?.length) blocks.push({ kind: "heading", level: 1, text: collapseWhitespace(pageHeading.text()) });
  const layoutTables = new Set(
    root
      ?.find("table")
      .get()
      .filter((table) => isLayoutTable(page(table))),
  );
  root?.find(BLOCK_ELEMENTS).each((_, element) => {
    // A block nested in another block (a list inside a quote) was taken with its parent; a layout
    // table's blocks are blocks of the page.
    if (
      page(element)
        .parents(BLOCK_ELEMENTS)
        .get()
        .some((parent) => !layoutTables.has(parent))
    )
      return;
    const node = page(element);
    const tag = element.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) {
      blocks.push({ kind: "heading", level: Number(tag[1]), text: collapseWhitespace(node.text()) });
    } else if (tag === "ul" || tag === "ol") {
      pushParagraph(blocks, listLines(page, node).join("\n"));
    } else if (tag === "table" && layoutTables.has(element)) {
      // Its cells' own text, a paragraph each; the blocks inside its cells come in their turn.
      for (const cell of node.find("td, th").get()) {
        const content = page(cell);
        const ownCell = content.closest("table").get(0) === element;
        if (ownCell && content.find(BLOCK_ELEMENTS).length === 0) {
          pushParagraph(blocks, collapseWhitespace(content.text()));
        }
      }
    } else if (tag === "table") {
      pushParagraph(blocks, collapseWhitespace(node.children("caption").text()));
      const rows = renderTableRows(readHtmlTable(page, node));
      if (rows.length > 0) blocks.push({ kind: "table", rows });
    } else {
      pushParagraph(blocks, collapseWhitespace(node.text()));
    }
  });
  // A page built only from <div>s has no block elements: take its text, line by line.
  if (blocks.length === 0 && root) {
    const lines = root.text().split(/\n/).map(collapseWhitespace).filter(Boolean);
    for (const line of lines) blocks.push({ kind: "paragraph", text: line });
  }
  const title =
    collapseWhitespace(page("title").first().text()) || blocks.find((block) => block.kind === "heading")?.text;
  return {
    format: "html",
    title: title || undefined,
    url: page('link[rel="canonical"]').attr("href") || undefined,
    lang: pageLanguage(page("html").attr("lang")),
    blocks,
  };
}

/** A page's `lang`, as a language tag (zh_TW is written zh-TW); none when it is not one. */
function pageLanguage(lang: string | undefined): string | undefined {
  const tag = languageTag.safeParse(lang?.trim().replace(/_/g, "-"));
  return tag.success ? tag.data : undefined;
}

/**
 * A list, an item a line, numbered when ordered; a list nested in an item on the lines after the
 * item's own text ("計算方式如下：" and its numbered steps), not run into it.
 */
function listLines(page: CheerioAPI, list: Cheerio<Element>): string[] {
  const ordered = list.is("ol");
  const start = Number(list.attr("start") ?? 1) || 1;
  return list
    .children("li")
    .get()
    .flatMap((item, index) => {
      const nested = page(item).children("ul, ol").get();
      const own = page(item).clone();
      own.children("ul, ol").remove();
      const marker = ordered ? `${start + index}.` : "-";
      return [
        `${marker} ${collapseWhitespace(own.text())}`,
        ...nested.flatMap((inner) => listLines(page, page(inner))),
      ];
    });
}

function pushParagraph(blocks: DocumentBlock[], text: string): void {
  if (text.trim()) blocks.push(...paragraphBlocks(text));
}
