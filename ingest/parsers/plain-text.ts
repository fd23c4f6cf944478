import type { ParsedDocument } from "../parsed-document.js";

/** Paragraphs are separated by blank lines; a short first line is taken as the title. */
export function parsePlainText(source: string): ParsedDocument {
  const paragraphs = source
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const firstLine = paragraphs[0]?.split("\n")[0] ?? "";
  return {
    format: "text",
    title: firstLine.length > 0 && firstLine.length <= 80 ? firstLine : undefined,
    blocks: paragraphs.map((text) => ({ kind: "paragraph", text })),
  };
}
