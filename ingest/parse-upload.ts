import path from "node:path";
import { DocumentParseError, UnsupportedDocumentError } from "../src/errors.js";
import type { ParsedDocument } from "./parsed-document.js";
import { decodeUtf8 } from "./parsers/decode-utf8.js";
import { parseFaqCsv, parseFaqJson } from "./parsers/faq-sheet.js";
import { parseHtml } from "./parsers/html.js";
import { parseMarkdown } from "./parsers/markdown.js";
import { type PdfLimits, parsePdf } from "./parsers/pdf.js";
import { parsePlainText } from "./parsers/plain-text.js";

/** Formats that are not documents, named so the editor knows what was sent. */
const OTHER_FORMATS: [signature: number[], name: string][] = [
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive (Word and Excel files are ZIP archives)"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Office file"],
  [[0x7f, 0x45, 0x4c, 0x46], "a program"],
  [[0x4d, 0x5a], "a program"],
];

const textParsers: Record<string, (text: string) => ParsedDocument> = {
  markdown: parseMarkdown,
  text: parsePlainText,
  html: parseHtml,
  csv: parseFaqCsv,
  json: parseFaqJson,
};

/** Text formats named by extension; the name only chooses among text parsers, never whether a file is text. */
const TEXT_EXTENSIONS: Record<string, keyof typeof textParsers> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".txt": "text",
  ".html": "html",
  ".htm": "html",
  ".csv": "csv",
  ".json": "json",
};

/**
 * Parses an uploaded file by what its bytes are: a PDF by its `%PDF-` header, text by being
 * UTF-8 without NUL bytes; anything else is refused, whatever its name says. Each refusal has its
 * own error code.
 */
export async function parseUpload(fileName: string, bytes: Uint8Array, pdfLimits: PdfLimits): Promise<ParsedDocument> {
  if (bytes.length === 0) throw new DocumentParseError("the file is empty", "empty_file");
  const extension = path.extname(fileName).toLowerCase();
  let parsed: ParsedDocument;
  if (isPdf(bytes)) {
    parsed = await parsePdf(bytes, pdfLimits);
  } else {
    const other = OTHER_FORMATS.find(([signature]) => signature.every((byte, index) => bytes[index] === byte));
    if (other || bytes.subarray(0, 8192).includes(0)) {
      throw new UnsupportedDocumentError(
        `${fileName} is ${other?.[1] ?? "a binary file"}; upload a PDF, Markdown, HTML or text file, or an FAQ sheet (CSV or JSON)`,
        "unsupported_file_type",
      );
    }
    if (extension === ".pdf") {
      throw new UnsupportedDocumentError(
        `${fileName} is named as a PDF but its content is text, not a PDF`,
        "file_type_mismatch",
      );
    }
    const text = decodeUtf8(bytes);
    const format = TEXT_EXTENSIONS[extension] ?? sniffTextFormat(text);
    parsed = textParsers[format]?.(text) ?? parsePlainText(text);
  }
  if (!parsed.blocks.some((block) => block.kind !== "heading")) {
    throw new DocumentParseError("the file has no text to answer from", "no_extractable_text");
  }
  return parsed;
}

/** PDF readers accept the header anywhere in the first kilobyte. */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-");
}

function sniffTextFormat(text: string): keyof typeof textParsers {
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html")) return "html";
  if (start.startsWith("[") || start.startsWith("{")) return "json";
  return "markdown";
}
