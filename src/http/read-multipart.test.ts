import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { errorResponse } from "./error-response.js";
import { readMultipart } from "./read-multipart.js";

const BOUNDARY = "form-boundary-7f3a";
const part = (name: string, value: string, fileName?: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${fileName === undefined ? "" : `; filename="${fileName}"`}\r\n\r\n${value}\r\n`;
const closing = `--${BOUNDARY}--\r\n`;

/** An app that answers with what readMultipart read, or with the error it refused the body with. */
function appReadingUpTo(maxFileBytes: number) {
  const app = new Hono();
  app.post("/form", async (context) => {
    const { files, fields } = await readMultipart(context, maxFileBytes);
    const decoded = Object.fromEntries(
      [...files].map(([field, sent]) => [field, sent.map(({ name, bytes }) => [name, Buffer.from(bytes).toString()])]),
    );
    return context.json({ files: decoded, fields });
  });
  app.onError((error, context) => {
    const { status, body } = errorResponse(error);
    return context.json(body, status);
  });
  return app;
}

/** A body delivered a few bytes at a time, as a slow connection would. */
function trickled(text: string, bytesPerChunk = 7): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + bytesPerChunk));
      offset += bytesPerChunk;
    },
  });
}

const post = (
  app: Hono,
  body: string | ReadableStream<Uint8Array>,
  contentType = `multipart/form-data; boundary=${BOUNDARY}`,
) =>
  app.request("/form", {
    method: "POST",
    body,
    headers: { "content-type": contentType },
    ...(typeof body === "string" ? {} : { duplex: "half" }),
  } as RequestInit);

describe("readMultipart", () => {
  it("reads files and fields from a body that arrives a few bytes at a time; a repeated field is a list", async () => {
    const body = `${part("title", "宿舍規則")}${part("tags", "dorm")}${part("tags", "rules")}${part("file", "第一條：保持安靜。", "rules.md")}${closing}`;
    const response = await post(appReadingUpTo(1024), trickled(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      files: { file: [["rules.md", "第一條：保持安靜。"]] },
      fields: { title: "宿舍規則", tags: ["dorm", "rules"] },
    });
  });

  it("stops at a file over the limit with 413 file_too_large", async () => {
    const response = await post(appReadingUpTo(10), `${part("file", "x".repeat(11), "big.md")}${closing}`);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "file_too_large" } });
  });

  it("refuses a body that is not the form it announces with 400 invalid_form", async () => {
    const app = appReadingUpTo(1024);
    const whole = `${part("file", "Some text.", "notes.md")}${closing}`;
    for (const [contentType, body] of [
      [`multipart/form-data; boundary=${BOUNDARY}`, whole.slice(0, -20)],
      ["multipart/form-data", whole],
      [`multipart/form-data; boundary=${BOUNDARY}`, '{"title":"Notes"}'],
    ] as const) {
      const response = await post(app, body, contentType);
      expect([body.slice(0, 20), response.status]).toEqual([body.slice(0, 20), 400]);
      expect(await response.json()).toMatchObject({ error: { code: "invalid_form" } });
    }
  });
});
