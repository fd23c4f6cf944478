import path from "node:path";
import { DocumentParseError, UnsupportedDocumentError } from "../src/errors.js";
import type { ParsedDocument } from "./parsed-document.js";
import { decodeUtf8 } from "./parsers/decode-utf8.js";
import { parseFaqCsv, parseFaqJson } from "./parsers/faq-sheet.js";
import { parseHtml } from "./parsers/html.js";
import { parseMarkdown } from "./parsers/markdown.js";
import { parsePdf } from "./parsers/pdf.js";
import { parsePlainText } from "./parsers/plain-text.js";

const PDF_MAGIC = "%PDF-";

const parsersByExtension: Record<string, (bytes: Uint8Array) => ParsedDocument | Promise<ParsedDocument>> = {
  ".md": (bytes) => parseMarkdown(decodeUtf8(bytes)),
  ".markdown": (bytes) => parseMarkdown(decodeUtf8(bytes)),
  ".txt": (bytes) => parsePlainText(decodeUtf8(bytes)),
  ".html": (bytes) => parseHtml(decodeUtf8(bytes)),
  ".htm": (bytes) => parseHtml(decodeUtf8(bytes)),
  ".csv": (bytes) => parseFaqCsv(decodeUtf8(bytes)),
  ".json": (bytes) => parseFaqJson(decodeUtf8(bytes)),
  ".pdf": (bytes) => {
    if (new TextDecoder().decode(bytes.subarray(0, PDF_MAGIC.length)) !== PDF_MAGIC) {
      throw new DocumentParseError("not a PDF: the file does not start with %PDF-");
    }
    return parsePdf(bytes);
  },
};

const supportedExtensions = Object.keys(parsersByExtension);

/** Parses a file by its extension; an empty result is an error, never an empty document. */
export async function parseFile(fileName: string, bytes: Uint8Array): Promise<ParsedDocument> {
  const extension = path.extname(fileName).toLowerCase();
  const parser = parsersByExtension[extension];
  if (!parser) {
    throw new UnsupportedDocumentError(
      `unsupported file type "${extension || "(none)"}"; supported: ${supportedExtensions.join(", ")}`,
    );
  }
  if (bytes.length === 0) throw new DocumentParseError("the file is empty");
  const parsed = await parser(bytes);
  if (!parsed.blocks.some((block) => block.kind !== "heading")) {
    throw new DocumentParseError("the file has no text to answer from");
  }
  return parsed;
}
