import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { FileTooLargeError, PayloadTooLargeError } from "../errors.js";

/** Far above any valid request (a 1,000-character question), far below what would hurt. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Chat clients send the whole conversation with each question: room for a long one. */
export const MAX_CONVERSATION_BYTES = 1024 * 1024;
/** The editors' vocabulary (at most 200 KB of text) in JSON, with room for escaped characters. */
export const MAX_VOCABULARY_BODY_BYTES = 1024 * 1024;

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

/**
 * An upload over `maxUploadBytes` is refused with 413 `file_too_large`: at once by its
 * Content-Length, or, sent in chunks, as soon as the bytes read pass the limit. Unlike bodyLimit,
 * the body is not gathered first: the upload is read and parsed as it arrives, so that a 20 MB
 * body never reaches the parser in one piece that holds the event loop.
 */
export function limitUploadTo(maxUploadBytes: number): MiddlewareHandler {
  // Room for the multipart envelope and metadata fields around the file.
  const maxSize = maxUploadBytes + MAX_BODY_BYTES;
  return createMiddleware(async (context, next) => {
    const { raw } = context.req;
    if (!raw.body) return next();
    const declared = raw.headers.get("content-length");
    if (declared !== null && !raw.headers.has("transfer-encoding")) {
      if (Number.parseInt(declared, 10) > maxSize) throw new FileTooLargeError(maxUploadBytes);
      return next();
    }
    let size = 0;
    const counted = raw.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          size += chunk.byteLength;
          if (size > maxSize) controller.error(new FileTooLargeError(maxUploadBytes));
          else controller.enqueue(chunk);
        },
      }),
    );
    context.req.raw = new Request(raw, { body: counted, duplex: "half" } as RequestInit);
    return next();
  });
}
