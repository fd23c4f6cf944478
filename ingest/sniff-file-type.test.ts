import { describe, expect, it } from "vitest";
import { defaultParseLimits } from "../src/config.js";
import { UnsupportedDocumentError } from "../src/errors.js";
import { parseUpload } from "./parse-upload.js";
import { nonDocumentKind } from "./sniff-file-type.js";

const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...new TextEncoder().encode(part)] : part)));

const PDF_LIMITS = defaultParseLimits;

describe("nonDocumentKind", () => {
  it.each([
    ["<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "plain"],
    ["\uFEFF  \n<SVG width='10'/>", "after a BOM and whitespace, in capitals"],
    ['<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "after the XML declaration"],
    ["<!-- drawn by hand -->\n<?xml-stylesheet href='a.css'?><svg>", "after a comment and a processing instruction"],
    [
      '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg>',
      "after a doctype",
    ],
    ['<!DOCTYPE svg [ <!ENTITY name "a > b"> ]>\n<svg>&name;</svg>', "after a doctype with an internal subset"],
    [
      `<?xml version="1.0"?><!--${"x".repeat(600)}--><!--${"y".repeat(600)}--><svg>`,
      "after a prolog padded past 1 KiB",
    ],
  ])("names an SVG drawing (%s: %s)", (text) => {
    expect(nonDocumentKind(bytesOf(text))).toBe("an SVG image");
  });

  it.each([
    [bytesOf("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), "a WebP image"],
    [bytesOf("BM", [0x36, 0x10, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]), "a BMP image"],
    [bytesOf("II", [0x2a, 0, 8, 0, 0, 0]), "a TIFF image"],
    [bytesOf("MM", [0, 0x2a, 0, 0, 0, 8]), "a TIFF image"],
    [bytesOf([0, 0, 1, 0, 1, 0, 16, 16]), "an icon (ICO)"],
    [bytesOf([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0]), "an HEIC image"],
    [bytesOf([0, 0, 0, 0x1c], "ftypavif", [0, 0, 0, 0]), "an AVIF image"],
    [bytesOf([0, 0, 0, 0x20], "ftypisom", [0, 0, 2, 0]), "a video or audio file (MP4, MOV, M4A)"],
    [bytesOf("RIFF", [0x24, 0, 0, 0], "WAVEfmt "), "an audio file (WAV)"],
    [bytesOf("ID3", [4, 0, 0, 0, 0, 0]), "an audio file (MP3)"],
    [bytesOf("OggS", [0, 2, 0, 0]), "an audio or video file (Ogg)"],
    [bytesOf([0x1a, 0x45, 0xdf, 0xa3, 0x9f]), "a video (WebM or MKV)"],
    [bytesOf([0x89], "PNG\r\n", [0x1a, 0x0a]), "a PNG image"],
  ])("names images, audio and video by their bytes (%#: %s)", (bytes, kind) => {
    expect(nonDocumentKind(bytes)).toBe(kind);
  });

  it("finds a NUL byte anywhere in the file, not only near its start", () => {
    const text = `# Rules\n\n${"Quiet hours run from 11 pm to 7 am.\n".repeat(2_000)}`;
    expect(nonDocumentKind(bytesOf(text))).toBeUndefined();
    expect(nonDocumentKind(bytesOf(text, [0], "tail"))).toBe("a binary file");
  });

  it.each([
    ["# Drawing with SVG\n\nThe `<svg>` element draws vector images.", "Markdown about SVG"],
    ["<!doctype html><html><body><svg></svg><p>Icon</p></body></html>", "HTML with an inline drawing"],
    ["<!-- note --><p>Hours</p><svg>", "HTML that starts with a comment"],
    ["BMI and other measures\n", "text that starts with BM"],
    ["ID3 tags name songs.\n", "text that starts with ID3"],
    ["RIFF stands for Resource Interchange File Format.\n", "text that starts with RIFF"],
    ["question,answer\n停修期限?,第十二週\n", "an FAQ sheet"],
  ])("lets documents through (%s: %s)", (text) => {
    expect(nonDocumentKind(bytesOf(text))).toBeUndefined();
  });
});

describe("parseUpload", () => {
  const refusal = (fileName: string, bytes: Uint8Array) =>
    parseUpload(fileName, bytes, PDF_LIMITS).then(
      () => undefined,
      (error: unknown) => error,
    );

  it("refuses an SVG named as Markdown, naming what it is", async () => {
    const error = await refusal("logo.md", bytesOf('<?xml version="1.0"?>\n<svg onload="alert(1)"/>'));
    expect(error).toBeInstanceOf(UnsupportedDocumentError);
    expect(error).toMatchObject({ code: "unsupported_file_type", message: expect.stringContaining("an SVG image") });
  });

  it("refuses text with a NUL byte after the first 8 KiB", async () => {
    const error = await refusal("rules.md", bytesOf(`# Rules\n\n${"a".repeat(20_000)}`, [0], "more"));
    expect(error).toMatchObject({ code: "unsupported_file_type", message: expect.stringContaining("a binary file") });
  });
});
