import type { ParseLimits } from "../src/config.js";
import { AppError, DocumentParseError, UnsupportedDocumentError } from "../src/errors.js";
import { type ChunkingOptions, chunkDocument } from "./chunk-document.js";
import type { PreparedDocument } from "./index-document.js";
import { parseFile, textTooLarge } from "./parse-file.js";
import { parseUpload } from "./parse-upload.js";
import { blockText } from "./parsed-document.js";

/** One document to parse and chunk in a parsing thread. */
export interface ParseTask {
  /** An upload's type is read from its bytes; a folder file's from its extension. */
  origin: "upload" | "folder";
  fileName: string;
  /** The id its chunks are named after. */
  docId: string;
  bytes: Uint8Array;
  limits: ParseLimits;
  chunking: ChunkingOptions;
}

/** A refusal crosses the thread boundary as data: error classes do not survive it. */
export interface ParseRefusal {
  kind: "unparseable" | "unsupported";
  code: string;
  message: string;
}

export type ParseOutcome = { document: PreparedDocument } | { refusal: ParseRefusal };

/** The parsing thread's task (piscina calls the default export): parse, check the limits, chunk. */
export default async function parseAndChunk(task: ParseTask): Promise<ParseOutcome> {
  try {
    const read = task.origin === "upload" ? parseUpload : parseFile;
    const { blocks, ...metadata } = await read(task.fileName, task.bytes, task.limits);
    const textLength = blocks.reduce((total, block) => total + blockText(block).length, 0);
    if (textLength > task.limits.maxTextChars) throw textTooLarge(textLength, task.limits.maxTextChars);
    const chunked = chunkDocument(task.docId, blocks, task.chunking);
    if (chunked.chunks.length > task.limits.maxChunks) {
      throw new DocumentParseError(
        `the document makes ${chunked.chunks.length} passages; at most ${task.limits.maxChunks} are accepted (MAX_DOCUMENT_CHUNKS)`,
        "too_many_chunks",
      );
    }
    return { document: { ...metadata, ...chunked } };
  } catch (error) {
    return { refusal: refusalOf(error) };
  }
}

/** Any failure of a parser is the file's fault, never the service's: a stack overflow included. */
export function refusalOf(error: unknown): ParseRefusal {
  if (error instanceof AppError) {
    const kind = error instanceof UnsupportedDocumentError ? "unsupported" : "unparseable";
    return { kind, code: error.code, message: error.message };
  }
  if (error instanceof RangeError) {
    return {
      kind: "unparseable",
      code: "unparseable_document",
      message: `the document is too deeply nested or too complex to read (${error.message})`,
    };
  }
  return {
    kind: "unparseable",
    code: "unparseable_document",
    message: `the document could not be read (${(error as Error)?.message ?? String(error)})`,
  };
}
