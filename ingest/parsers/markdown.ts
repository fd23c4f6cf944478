import matter from "gray-matter";
import type { List, Nodes, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString as nodeText } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { DocumentParseError } from "../../src/errors.js";
import { fileMetadataFields, metadataProblems } from "../../src/text/document-metadata.js";
import type { DocumentBlock, ParsedDocument } from "../parsed-document.js";
import { unwrapLines } from "./join-wrapped-lines.js";
import { paragraphBlocks } from "./labelled-clause.js";
import { refuseDeepMarkdown } from "./nesting-depth.js";
import { renderTableRows } from "./table-rows.js";

const frontMatterSchema = z.object(fileMetadataFields);

/**
 * A value holding ": " that is not quoted ("title: Home Fibre: Plans and prices"), which YAML reads as
 * a mapping inside a mapping and refuses: editors write titles so, and mean the text.
 */
const UNQUOTED_VALUE_WITH_COLON =
  /^([A-Za-z_][\w-]*):[ \t]+(?=\S)(?!["'[{|>&*!#])([^\n]*?:[ \t][^\n]*?)(?<=\S)[ \t]*$/gm;
/** A comment after a value: not part of it. */
const TRAILING_COMMENT = /[ \t]+#.*$/;

/** Front matter as YAML data: nothing when it is empty. */
const readYaml = (text: string): object => {
  const parse = (yaml: string) => (parseYaml(yaml, { resolveKnownTags: false }) as object | null) ?? {};
  try {
    return parse(text);
  } catch (error) {
    const quoted = text.replace(
      UNQUOTED_VALUE_WITH_COLON,
      (_, key: string, value: string) => `${key}: ${JSON.stringify(value.replace(TRAILING_COMMENT, ""))}`,
    );
    if (quoted === text) throw error;
    try {
      return parse(quoted);
    } catch {
      throw error;
    }
  }
};

// gray-matter evaluates `---js` front matter; a knowledge file must never run code.
const refuseCode = (): never => {
  throw new Error("front matter must be YAML, not code");
};

export function parseMarkdown(source: string): ParsedDocument {
  let file: matter.GrayMatterFile<string>;
  try {
    // Read with `yaml`, which refuses aliases that expand without end (a few hundred bytes can
    // otherwise stand for gigabytes of tags), and reads dates as typed.
    file = matter(source, { engines: { yaml: readYaml, js: refuseCode, javascript: refuseCode } });
  } catch (error) {
    throw new DocumentParseError(`invalid YAML front matter: ${(error as Error).message}`);
  }
  const frontMatter = frontMatterSchema.safeParse(file.data);
  if (!frontMatter.success) {
    throw new DocumentParseError(`invalid front matter (${metadataProblems(frontMatter.error)})`);
  }
  refuseDeepMarkdown(file.content);
  const tree = fromMarkdown(file.content, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const blocks: DocumentBlock[] = [];
  for (const node of tree.children) collectBlocks(node, blocks);
  const { title, url, collection, tags, lang, status, effective_date } = frontMatter.data;
  const firstHeading = blocks.find((block) => block.kind === "heading");
  return {
    format: "markdown",
    title: title ?? firstHeading?.text,
    url,
    collection,
    tags,
    lang,
    status,
    effectiveDate: effective_date,
    blocks,
  };
}

function collectBlocks(node: RootContent, blocks: DocumentBlock[]): void {
  switch (node.type) {
    case "heading":
      blocks.push({ kind: "heading", level: node.depth, text: nodeText(node).trim() });
      return;
    case "list":
      // One block per list, one line per item, so a list stays together but splits into sentences.
      blocks.push({ kind: "paragraph", text: listText(node) });
      return;
    case "table": {
      // GFM tables always start with their header row.
      const [header, ...rows] = node.children.map((row) => row.children.map((cell) => singleLine(cell)));
      const lines = renderTableRows({ header, rows });
      if (lines.length > 0) blocks.push({ kind: "table", rows: lines });
      return;
    }
    case "blockquote":
      for (const child of node.children) collectBlocks(child, blocks);
      return;
    case "paragraph":
      blocks.push(...paragraphBlocks(plainText(node).trim()));
      return;
    case "code":
      blocks.push({ kind: "paragraph", text: nodeText(node).trim() });
      return;
    default:
      return; // html, thematic breaks, definitions: no answerable text
  }
}

/** A table cell on one line. */
function singleLine(node: Nodes): string {
  return unwrapLines(plainText(node));
}

/** A list, an item a line, each with its marker: a list nested in an item keeps its numbers (「計算方式如下：」 1. …). */
function listText(list: List): string {
  return list.children
    .map((item, index) => `${list.ordered ? `${(list.start ?? 1) + index}.` : "-"} ${plainText(item).trim()}`)
    .join("\n");
}

/** The text people read: inline HTML dropped, a hard break or a nested list item on a line of its own. */
function plainText(node: Nodes): string {
  if (node.type === "html") return "";
  if (node.type === "break") return "\n";
  if (node.type === "list") return listText(node);
  // A newline inside text is a soft wrap; the text flows on.
  if (node.type === "text" || node.type === "inlineCode")
    return node.value.includes("\n") ? unwrapLines(node.value) : node.value;
  if (!("children" in node)) return "";
  const separator = node.type === "listItem" ? "\n" : "";
  return node.children.map((child) => plainText(child as Nodes)).join(separator);
}
