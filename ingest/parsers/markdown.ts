import matter from "gray-matter";
import type { Nodes, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString as nodeText } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import { z } from "zod";
import { DocumentParseError } from "../../src/errors.js";
import type { DocumentBlock, ParsedDocument } from "../parsed-document.js";
import { unwrapLines } from "./join-wrapped-lines.js";

const frontMatterSchema = z.object({
  title: z.string().min(1).optional(),
  url: z.url().optional(),
  collection: z.string().min(1).optional(),
  tags: z.array(z.coerce.string()).optional(),
  lang: z.string().min(2).optional(),
  status: z.enum(["published", "draft"]).optional(),
  // YAML reads an unquoted 2026-08-01 as a date.
  effective_date: z
    .union([z.string(), z.date()])
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
    .optional(),
});

export function parseMarkdown(source: string): ParsedDocument {
  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(source);
  } catch (error) {
    throw new DocumentParseError(`invalid YAML front matter: ${(error as Error).message}`);
  }
  const frontMatter = frontMatterSchema.safeParse(file.data);
  if (!frontMatter.success) {
    const problems = frontMatter.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new DocumentParseError(`invalid front matter (${problems.join("; ")})`);
  }
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
      blocks.push({
        kind: "paragraph",
        text: node.children
          .map((item, index) => `${node.ordered ? `${(node.start ?? 1) + index}.` : "-"} ${singleLine(item)}`)
          .join("\n"),
      });
      return;
    case "table":
      blocks.push({
        kind: "paragraph",
        text: node.children.map((row) => row.children.map((cell) => singleLine(cell)).join(" | ")).join("\n"),
      });
      return;
    case "blockquote":
      for (const child of node.children) collectBlocks(child, blocks);
      return;
    case "paragraph":
      blocks.push({ kind: "paragraph", text: singleLine(node) });
      return;
    case "code":
      blocks.push({ kind: "paragraph", text: nodeText(node).trim() });
      return;
    default:
      return; // html, thematic breaks, definitions: no answerable text
  }
}

/** Line breaks inside a Markdown paragraph or list item are soft: the text flows on. */
function singleLine(node: Nodes): string {
  return unwrapLines(nodeText(node));
}
