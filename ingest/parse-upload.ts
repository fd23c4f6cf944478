import path from "node:path";
import type { PdfLimits } from "../src/config.js";
import { UnsupportedDocumentError } from "../src/errors.js";
import { isPdf, parseDocument, TEXT_FORMAT_BY_EXTENSION, type TextFormat } from "./parse-file.js";
import type { ParsedDocument } from "./parsed-document.js";
import { nonDocumentKind } from "./sniff-file-type.js";

/**
 * Parses an uploaded file by what its bytes are: a PDF by its `%PDF-` header, text by being
 * UTF-8 without NUL bytes and not SVG; anything else is refused, whatever its name says. Each refusal has its
 * own error code.
 */
export async function parseUpload(fileName: string, bytes: Uint8Array, pdfLimits: PdfLimits): Promise<ParsedDocument> {
  const extension = path.extname(fileName).toLowerCase();
  const pdf = isPdf(bytes);
  // An empty file is refused as such by parseDocument.
  if (!pdf && bytes.length > 0) {
    const other = nonDocumentKind(bytes);
    if (other) {
      throw new UnsupportedDocumentError(
        `${fileName} is ${other}; upload a PDF, Markdown, HTML or text file, or an FAQ sheet (CSV or JSON)`,
        "unsupported_file_type",
      );
    }
    if (extension === ".pdf") {
      throw new UnsupportedDocumentError(
        `${fileName} is named as a PDF but its content is text, not a PDF`,
        "file_type_mismatch",
      );
    }
  }
  return parseDocument(bytes, pdf ? "pdf" : (TEXT_FORMAT_BY_EXTENSION[extension] ?? sniffTextFormat), pdfLimits);
}

function sniffTextFormat(text: string): TextFormat {
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html")) return "html";
  if (start.startsWith("[") || start.startsWith("{")) return "json";
  return "markdown";
}
