import { bodyLimit } from "hono/body-limit";
import { FileTooLargeError, PayloadTooLargeError } from "../errors.js";

/** Far above any valid request (a 1,000-character question), far below what would hurt. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Chat clients send the whole conversation with each question: room for a long one. */
export const MAX_CONVERSATION_BYTES = 1024 * 1024;

/**
 * Bodies over `maxSize` are refused with 413 `payload_too_large`. A body without Content-Length
 * is read (up to the limit) before the route runs, so routes that need a key check it first.
 */
export function limitBodyTo(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new PayloadTooLargeError(maxSize);
    },
  });
}

/** An upload over `maxUploadBytes` is refused with 413 `file_too_large`. */
export function limitUploadTo(maxUploadBytes: number) {
  return bodyLimit({
    // Room for the multipart envelope and metadata fields around the file.
    maxSize: maxUploadBytes + MAX_BODY_BYTES,
    onError: () => {
      throw new FileTooLargeError(maxUploadBytes);
    },
  });
}
