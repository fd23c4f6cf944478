import { DocumentParseError } from "../../src/errors.js";

/** UTF-8 text without its byte-order mark; anything else is refused rather than garbled. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new DocumentParseError("the file is not UTF-8 text; save it as UTF-8 and try again", "invalid_encoding");
  }
}
