import { once } from "node:events";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Busboy, type BusboyInstance } from "@fastify/busboy";
import type { Context } from "hono";
import { FileTooLargeError, InvalidRequestError } from "../errors.js";
import { invalidForm } from "./read-form.js";

/** One file of a multipart body: the name the browser sent (a label) and its bytes. */
export interface SentFile {
  name: string;
  bytes: Uint8Array;
}

export interface MultipartForm {
  /** The files sent in each field, in the order sent. */
  files: Map<string, SentFile[]>;
  /** The other fields; a field sent more than once is a list. */
  fields: Record<string, string | string[]>;
}

/** Far above any editor's form (a file and a few metadata fields). */
const MAX_PARTS = 64;
const MAX_FIELD_BYTES = 64 * 1024;
/**
 * A body already received is read through promises, which never yield to other requests: after
 * this many bytes, the reading waits for the next turn of the event loop.
 */
const BYTES_BETWEEN_TURNS = 256 * 1024;

/**
 * A multipart/form-data body read as it arrives, a part at a time, so that no step holds the event
 * loop for the whole body: `Request.formData()` parses a 20 MB upload in one go and then copies the
 * file out, which stalled every other request for about half a second. A file over `maxFileBytes`
 * stops the reading with 413 `file_too_large`; a body that is not the form it announces (no
 * boundary, truncated, too many parts) is a 400 `invalid_form`.
 */
export function readMultipart(context: Context, maxFileBytes: number): Promise<MultipartForm> {
  const contentType = context.req.header("content-type") ?? "";
  let parser: BusboyInstance;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      limits: { fileSize: maxFileBytes, parts: MAX_PARTS, fieldSize: MAX_FIELD_BYTES },
    });
  } catch {
    throw invalidForm(contentType);
  }
  const body = context.req.raw.body;

  return new Promise((resolve, reject) => {
    const form: MultipartForm = { files: new Map(), fields: {} };
    let filesBeingRead = 0;
    let partsDone = false;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    const finishWhenDone = () => {
      if (settled || !partsDone || filesBeingRead > 0) return;
      settled = true;
      resolve(form);
    };

    parser.on("file", (field, stream, fileName) => {
      filesBeingRead += 1;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => fail(new FileTooLargeError(maxFileBytes)));
      stream.on("error", fail);
      stream.on("end", () => {
        filesBeingRead -= 1;
        const sent = form.files.get(field) ?? [];
        sent.push({ name: fileName, bytes: new Uint8Array(Buffer.concat(chunks)) });
        form.files.set(field, sent);
        finishWhenDone();
      });
    });
    parser.on("field", (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) return fail(new InvalidRequestError(`${name}: at most ${MAX_FIELD_BYTES} bytes.`));
      const earlier = form.fields[name];
      form.fields[name] = earlier === undefined ? value : [earlier, value].flat();
    });
    parser.on("partsLimit", () =>
      fail(new InvalidRequestError(`The form has more than ${MAX_PARTS} parts.`, "invalid_form")),
    );
    parser.on("error", () => fail(invalidForm(contentType)));
    parser.on("finish", () => {
      partsDone = true;
      finishWhenDone();
    });
    // A connection closed mid-body is the client's doing (error-response: 400 incomplete_body).
    feed(body, parser, () => settled).catch(fail);
  });
}

/** Writes the body into the parser as it arrives, giving other requests a turn now and then. */
async function feed(
  body: ReadableStream<Uint8Array> | null,
  parser: BusboyInstance,
  stopped: () => boolean,
): Promise<void> {
  let sinceTurn = 0;
  for await (const chunk of body ?? []) {
    if (stopped()) return;
    if (!parser.write(chunk)) await once(parser, "drain");
    sinceTurn += chunk.byteLength;
    if (sinceTurn >= BYTES_BETWEEN_TURNS) {
      sinceTurn = 0;
      await nextTurn();
    }
  }
  parser.end();
}
