import path from "node:path";
import type { PdfLimits } from "../src/config.js";
import { DocumentParseError, UnsupportedDocumentError } from "../src/errors.js";
import type { ParsedDocument } from "./parsed-document.js";
import { decodeUtf8 } from "./parsers/decode-utf8.js";
import { parseFaqCsv, parseFaqJson } from "./parsers/faq-sheet.js";
import { parseHtml } from "./parsers/html.js";
import { parseMarkdown } from "./parsers/markdown.js";
import { parsePdf } from "./parsers/pdf.js";
import { parsePlainText } from "./parsers/plain-text.js";

/** The parser of each text format: files in the folder and uploads go through the same ones. */
export const textParsers = {
  markdown: parseMarkdown,
  text: parsePlainText,
  html: parseHtml,
  csv: parseFaqCsv,
  json: parseFaqJson,
} satisfies Record<string, (text: string) => ParsedDocument>;

export type TextFormat = keyof typeof textParsers;

/** Text formats by file extension. */
export const TEXT_FORMAT_BY_EXTENSION: Record<string, TextFormat> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".txt": "text",
  ".html": "html",
  ".htm": "html",
  ".csv": "csv",
  ".json": "json",
};

const supportedExtensions = [...Object.keys(TEXT_FORMAT_BY_EXTENSION), ".pdf"];

/** Parses a file of the knowledge folder by its extension; an empty result is an error, never an empty document. */
export async function parseFile(fileName: string, bytes: Uint8Array, pdfLimits: PdfLimits): Promise<ParsedDocument> {
  const extension = path.extname(fileName).toLowerCase();
  const format = TEXT_FORMAT_BY_EXTENSION[extension];
  if (!format && extension !== ".pdf") {
    throw new UnsupportedDocumentError(
      `unsupported file type "${extension || "(none)"}"; supported: ${supportedExtensions.join(", ")}`,
      "unsupported_file_type",
    );
  }
  if (!format && !isPdf(bytes) && bytes.length > 0) {
    throw new DocumentParseError("not a PDF: there is no %PDF- header in its first kilobyte", "corrupt_pdf");
  }
  return parseDocument(bytes, format ?? "pdf", pdfLimits);
}

/**
 * Parses bytes already known to be `format`, for folder files and uploads alike: an empty file,
 * or one with nothing to answer from, is an error, never an empty document.
 */
export async function parseDocument(
  bytes: Uint8Array,
  format: TextFormat | "pdf" | ((text: string) => TextFormat),
  pdfLimits: PdfLimits,
): Promise<ParsedDocument> {
  if (bytes.length === 0) throw new DocumentParseError("the file is empty", "empty_file");
  let parsed: ParsedDocument;
  if (format === "pdf") {
    parsed = await parsePdf(bytes, pdfLimits);
  } else {
    const text = decodeUtf8(bytes);
    // A text file's own characters bound the text it yields: one too long is refused before it is parsed.
    if (pdfLimits.maxTextChars !== undefined && text.length > pdfLimits.maxTextChars) {
      throw textTooLarge(text.length, pdfLimits.maxTextChars);
    }
    parsed = textParsers[typeof format === "function" ? format(text) : format](text);
  }
  // Headings alone are nothing to answer from.
  if (!parsed.blocks.some((block) => block.kind !== "heading")) {
    throw new DocumentParseError("the file has no text to answer from", "no_extractable_text");
  }
  return parsed;
}

/** A PDF by its content: PDF readers accept the `%PDF-` header anywhere in the first kilobyte. */
export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-");
}

/** The refusal of a document whose text is over MAX_DOCUMENT_TEXT_MB (a megabyte is 1,048,576 characters). */
export function textTooLarge(characters: number, maxCharacters: number): DocumentParseError {
  const megabytes = (count: number) => `${Math.round((count / 1024 / 1024) * 10) / 10} MB`;
  return new DocumentParseError(
    `the document holds ${megabytes(characters)} of text; at most ${megabytes(maxCharacters)} is accepted (MAX_DOCUMENT_TEXT_MB)`,
    "document_too_large",
  );
}
