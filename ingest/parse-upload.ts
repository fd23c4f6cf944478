import path from "node:path";
import type { PdfLimits } from "../src/config.js";
import { UnsupportedDocumentError } from "../src/errors.js";
import { isPdf, parseDocument, TEXT_FORMAT_BY_EXTENSION, type TextFormat } from "./parse-file.js";
import type { ParsedDocument } from "./parsed-document.js";

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

/**
 * Parses an uploaded file by what its bytes are: a PDF by its `%PDF-` header, text by being
 * UTF-8 without NUL bytes; anything else is refused, whatever its name says. Each refusal has its
 * own error code.
 */
export async function parseUpload(fileName: string, bytes: Uint8Array, pdfLimits: PdfLimits): Promise<ParsedDocument> {
  const extension = path.extname(fileName).toLowerCase();
  const pdf = isPdf(bytes);
  // An empty file is refused as such by parseDocument.
  if (!pdf && bytes.length > 0) {
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
  }
  return parseDocument(bytes, pdf ? "pdf" : (TEXT_FORMAT_BY_EXTENSION[extension] ?? sniffTextFormat), pdfLimits);
}

function sniffTextFormat(text: string): TextFormat {
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html")) return "html";
  if (start.startsWith("[") || start.startsWith("{")) return "json";
  return "markdown";
}
