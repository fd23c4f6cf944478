import { describe, expect, it } from "vitest";
import { defaultParseLimits, type ParseLimits } from "../src/config.js";
import { DocumentParseError, UnsupportedDocumentError } from "../src/errors.js";
import { makeFlateBombPdf } from "../src/test-support/flate-bomb-pdf.js";
import { defaultChunkingOptions } from "./chunk-document.js";
import { parseInWorker } from "./parse-in-worker.js";
import { refusalOf } from "./parse-worker.js";

const markdown = new TextEncoder().encode("# Library\n\nStudents may borrow ten books.\n\nLoans last four weeks.\n");

function parse(bytes: Uint8Array, limits: Partial<ParseLimits> = {}, fileName = "rules.md") {
  return parseInWorker({
    origin: "upload",
    fileName,
    docId: "uploads/rules",
    bytes,
    limits: { ...defaultParseLimits, ...limits },
    chunking: defaultChunkingOptions,
  });
}

describe("parseInWorker", () => {
  it("parses and chunks a document in a parsing thread", async () => {
    const prepared = await parse(markdown);
    expect(prepared).toMatchObject({ format: "markdown", title: "Library" });
    expect(prepared.chunks.map((chunk) => chunk.chunkId)).toEqual(["uploads/rules#0"]);
    expect(prepared.chunks[0]?.text).toBe(prepared.text.slice(prepared.chunks[0]?.start, prepared.chunks[0]?.end));
  });

  it("refuses a flate-bomb PDF by the size of its text, with document_too_large", async () => {
    const bomb = makeFlateBombPdf(4 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(100_000);
    await expect(parse(bomb, { maxTextChars: 1024 * 1024 }, "bomb.pdf")).rejects.toMatchObject({
      constructor: DocumentParseError,
      code: "document_too_large",
    });
  });

  it("refuses a text file longer than the text limit before parsing it, with document_too_large", async () => {
    await expect(parse(markdown, { maxTextChars: 20 })).rejects.toMatchObject({
      code: "document_too_large",
      message: expect.stringContaining("MAX_DOCUMENT_TEXT_MB"),
    });
  });

  it("refuses a document of more chunks than allowed, with too_many_chunks", async () => {
    await expect(parse(markdown, { maxChunks: 0 })).rejects.toMatchObject({ code: "too_many_chunks" });
  });

  it("stops a thread that runs past the time limit, with parse_timeout, and parses the next document", async () => {
    const bomb = makeFlateBombPdf(16 * 1024 * 1024);
    await parse(markdown); // a thread is up, so the limit stops the bomb while it is being read
    await expect(
      parse(bomb, { timeoutMs: 300, maxTextChars: Number.MAX_SAFE_INTEGER }, "bomb.pdf"),
    ).rejects.toMatchObject({
      constructor: DocumentParseError,
      code: "parse_timeout",
    });
    await expect(parse(markdown)).resolves.toMatchObject({ title: "Library" });
  });

  it("refuses a document whose thread runs out of memory, with document_too_large", async () => {
    const bomb = makeFlateBombPdf(24 * 1024 * 1024);
    await expect(
      parse(bomb, { memoryMb: 24, maxTextChars: Number.MAX_SAFE_INTEGER }, "bomb.pdf"),
    ).rejects.toMatchObject({ code: "document_too_large", message: expect.stringContaining("PARSE_MEMORY_MB") });
  });

  it("keeps the kind of each refusal: a file that is not a document stays unsupported", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await expect(parse(png, {}, "photo.md")).rejects.toMatchObject({
      constructor: UnsupportedDocumentError,
      code: "unsupported_file_type",
    });
    await expect(parse(new Uint8Array(), {}, "empty.md")).rejects.toMatchObject({ code: "empty_file" });
  });
});

describe("refusalOf", () => {
  it("turns a parser's stack overflow into unparseable_document, never a crash", () => {
    expect(refusalOf(new RangeError("Maximum call stack size exceeded"))).toEqual({
      kind: "unparseable",
      code: "unparseable_document",
      message: expect.stringContaining("too deeply nested"),
    });
  });
});
