/**
 * What a file that is not a document is, from its bytes alone, so that an upload can be refused
 * whatever its name says, with a message that names what was sent.
 */

/** Bytes at an offset; `undefined` matches any byte (a size or version field). */
type Signature = { at?: number; bytes: (number | undefined)[] };

const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));

/** Formats by their leading bytes. Each signature is long enough that no text file starts with it. */
const SIGNATURES: [Signature[], name: string][] = [
  [[{ bytes: [0x89, ...ascii("PNG")] }], "a PNG image"],
  [[{ bytes: [0xff, 0xd8, 0xff] }], "a JPEG image"],
  [[{ bytes: ascii("GIF8") }], "a GIF image"],
  [[{ bytes: ascii("RIFF") }, { at: 8, bytes: ascii("WEBP") }], "a WebP image"],
  // "BM", the file size, then two reserved fields that are always zero.
  [[{ bytes: [...ascii("BM"), undefined, undefined, undefined, undefined, 0, 0, 0, 0] }], "a BMP image"],
  [[{ bytes: [...ascii("II"), 0x2a, 0x00] }], "a TIFF image"],
  [[{ bytes: [...ascii("MM"), 0x00, 0x2a] }], "a TIFF image"],
  [[{ bytes: [0x00, 0x00, 0x01, 0x00] }], "an icon (ICO)"],
  [[{ bytes: [0x00, 0x00, 0x02, 0x00] }], "a cursor (CUR)"],
  [[{ at: 4, bytes: ascii("ftypavi") }], "an AVIF image"],
  [[{ at: 4, bytes: ascii("ftyphei") }], "an HEIC image"],
  [[{ at: 4, bytes: ascii("ftypmif1") }], "an HEIC image"],
  [[{ at: 4, bytes: ascii("ftyp") }], "a video or audio file (MP4, MOV, M4A)"],
  [[{ bytes: ascii("RIFF") }, { at: 8, bytes: ascii("WAVE") }], "an audio file (WAV)"],
  [[{ bytes: ascii("RIFF") }, { at: 8, bytes: ascii("AVI ") }], "a video (AVI)"],
  [[{ bytes: [0x1a, 0x45, 0xdf, 0xa3] }], "a video (WebM or MKV)"],
  [[{ bytes: [...ascii("OggS"), 0x00] }], "an audio or video file (Ogg)"],
  [[{ bytes: ascii("fLaC") }, { at: 4, bytes: [undefined, 0x00] }], "an audio file (FLAC)"],
  // "ID3", a major version (2–4), then a revision that is always zero.
  [[{ bytes: [...ascii("ID3"), undefined, 0x00] }], "an audio file (MP3)"],
  [[{ bytes: [0xff, 0xfb] }], "an audio file (MP3)"],
  [[{ bytes: [0xff, 0xf3] }], "an audio file (MP3)"],
  [[{ bytes: [0x50, 0x4b, 0x03, 0x04] }], "a ZIP archive (Word and Excel files are ZIP archives)"],
  [[{ bytes: [0xd0, 0xcf, 0x11, 0xe0] }], "an old Office file"],
  [[{ bytes: [0x7f, 0x45, 0x4c, 0x46] }], "a program"],
  [[{ bytes: [0x4d, 0x5a] }], "a program"],
];

/**
 * How far into a text file `<svg` is looked for, after the XML declaration, comments and doctype:
 * well past the first KiB, so that padding the prolog does not hide a drawing.
 */
const SVG_SCAN_BYTES = 64 * 1024;

/**
 * What `bytes` are when they are not a document (an image, audio, video, an archive, a program,
 * an SVG drawing, or any file with a NUL byte), or `undefined` for what may be a PDF or text.
 */
export function nonDocumentKind(bytes: Uint8Array): string | undefined {
  const known = SIGNATURES.find(([signature]) => signature.every((part) => startsWith(bytes, part)));
  if (known) return known[1];
  if (isSvg(bytes)) return "an SVG image";
  // Text never holds a NUL byte, wherever it is (native search: milliseconds for 20 MB).
  if (bytes.includes(0)) return "a binary file";
  return undefined;
}

function startsWith(bytes: Uint8Array, { at = 0, bytes: expected }: Signature): boolean {
  return (
    bytes.length >= at + expected.length &&
    expected.every((byte, index) => byte === undefined || bytes[at + index] === byte)
  );
}

/** Markup that may come before an SVG's root element, each with the text that ends it. */
const PROLOG_PARTS: [start: string, end: string][] = [
  ["<?", "?>"],
  ["<!--", "-->"],
  ["<!doctype", ">"],
];

/** `<svg` as the first element, after a BOM, whitespace, an XML declaration, comments and a doctype. */
function isSvg(bytes: Uint8Array): boolean {
  const start = new TextDecoder("utf-8").decode(bytes.subarray(0, SVG_SCAN_BYTES)).toLowerCase();
  let position = start.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (position < start.length && /\s/.test(start[position] ?? "")) position++;
    const part = PROLOG_PARTS.find(([opening]) => start.startsWith(opening, position));
    if (!part) break;
    // A doctype's internal subset (`[ … ]`) may hold `>`: skip to the `]>` that ends it.
    const subset = part[0] === "<!doctype" ? start.indexOf("[", position) : -1;
    const beforeSubsetEnd = subset !== -1 && subset < start.indexOf(">", position);
    const end = beforeSubsetEnd ? start.indexOf("]", subset) : start.indexOf(part[1], position);
    const after = end === -1 ? -1 : start.indexOf(">", end);
    // Past the scanned bytes: an SVG prolog that long is refused too, once it is declared XML.
    if (after === -1) return start.trimStart().startsWith("<?xml") && start.includes("<svg");
    position = after + 1;
  }
  return /^<svg[\s>/]/.test(start.slice(position, position + 5));
}
