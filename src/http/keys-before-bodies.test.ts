import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp, inMemoryEditorialApp } from "../test-support/editorial-app.js";
import { editorialFor } from "../test-support/editorial-for.js";
import type { App } from "./app.js";

const CHUNK = new Uint8Array(64 * 1024).fill(0x61);

/** An endless chunked body that counts the bytes the server pulls from it. */
function countingBody() {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        counter.pulled += CHUNK.length;
        controller.enqueue(CHUNK);
      },
    },
    // Nothing is pulled until someone reads.
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

describe("keys and sessions are checked before a body is read", () => {
  let store: SqliteIndexStore;
  let app: App;
  let readerKey: string;
  let editorKey: string;

  beforeEach(async () => {
    let editorial: Awaited<ReturnType<typeof editorialFor>>;
    ({ store, editorial, app, editorKey } = await inMemoryEditorialApp({ maxUploadBytes: 1024 * 1024 }));
    readerKey = (await editorial.keys.create({ name: "kiosk", role: "reader", createdBy: "test" })).key;
  });
  afterEach(() => store.close());

  const send = (method: string, path: string, headers: Record<string, string> = {}) => {
    const { stream, counter } = countingBody();
    const response = app.request(path, {
      method,
      body: stream,
      headers: { "content-type": "multipart/form-data; boundary=x", ...headers },
      duplex: "half",
    } as RequestInit);
    return { response, counter };
  };

  it("refuses an upload or a vocabulary without a key, or with a reader's, before reading any of it", async () => {
    for (const [method, path, headers, status] of [
      ["POST", "/v1/documents", {}, 401],
      ["PUT", "/v1/documents/uploads%2Fa", { authorization: "Bearer gfk_unknown" }, 401],
      ["POST", "/v1/documents", { authorization: `Bearer ${readerKey}` }, 403],
      ["PUT", "/v1/vocabulary", {}, 401],
      ["PUT", "/v1/vocabulary", { authorization: `Bearer ${readerKey}` }, 403],
    ] as const) {
      const { response, counter } = send(method, path, headers);
      expect((await response).status).toBe(status);
      expect(counter.pulled).toBe(0);
    }
  });

  it("shows the sign-in page to an editors' page upload without a session, before reading any of it", async () => {
    for (const path of [
      "/editor/upload",
      "/editor/documents/uploads%2Fa/replace",
      "/editor/reports/faq",
      "/editor/vocabulary",
    ]) {
      const { response, counter } = send("POST", path);
      const refused = await response;
      expect(refused.status).toBe(401);
      expect(await refused.text()).toContain("Sign in with an API key");
      expect(counter.pulled).toBe(0);
    }
  });

  it("reads at most a small body where no key is needed", async () => {
    for (const path of ["/editor/login", "/editor/logout", "/v1/handoffs", "/v1/feedback"]) {
      const { response, counter } = send("POST", path);
      expect((await response).status).toBe(413);
      expect(counter.pulled).toBeLessThanOrEqual(128 * 1024);
    }
  });

  it("with REQUIRE_API_KEY_FOR_ANSWERS, refuses a question without a key before reading it", async () => {
    const editorial = await editorialFor(store, { requireApiKeyForAnswers: true });
    app = editorialApp(store, editorial);
    for (const path of ["/v1/chat/completions", "/v1/answer", "/v1/handoffs"]) {
      const { response, counter } = send("POST", path, { "content-type": "application/json" });
      expect((await response).status).toBe(401);
      expect(counter.pulled).toBe(0);
    }
  });

  it("reads an editor's upload up to the upload limit", async () => {
    const { response, counter } = send("POST", "/v1/documents", { authorization: `Bearer ${editorKey}` });
    const refused = await response;
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("file_too_large");
    expect(counter.pulled).toBeGreaterThan(1024 * 1024);
  });
});
