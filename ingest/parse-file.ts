import path from "node:path";
import { DocumentParseError, UnsupportedDocumentError } from "../src/errors.js";
import type { ParsedDocument } from "./parsed-document.js";
import { parseFaqCsv, parseFaqJson } from "./parsers/faq-sheet.js";
import { parseHtml } from "./parsers/html.js";
import { parseMarkdown } from "./parsers/markdown.js";
import { parsePdf } from "./parsers/pdf.js";
import { parsePlainText } from "./parsers/plain-text.js";

const PDF_MAGIC = "%PDF-";

const parsersByExtension: Record<string, (bytes: Uint8Array) => ParsedDocument | Promise<ParsedDocument>> = {
  ".md": (bytes) => parseMarkdown(decodeText(bytes)),
  ".markdown": (bytes) => parseMarkdown(decodeText(bytes)),
  ".txt": (bytes) => parsePlainText(decodeText(bytes)),
  ".html": (bytes) => parseHtml(decodeText(bytes)),
  ".htm": (bytes) => parseHtml(decodeText(bytes)),
  ".csv": (bytes) => parseFaqCsv(decodeText(bytes)),
  ".json": (bytes) => parseFaqJson(decodeText(bytes)),
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

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new DocumentParseError("the file is not valid UTF-8 text");
  }
}
