import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { inMemoryEditorialApp } from "../test-support/editorial-app.js";
import type { App } from "./app.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field by the assertions
const readJson = (response: Response): Promise<any> => response.json();

/** Right-to-left override: "invoice\u202Efdp.exe" shows as "invoiceexe.pdf". */
const RLO = "\u202E";

describe("labels people type lose their control and bidi characters", () => {
  let store: SqliteIndexStore;
  let app: App;
  let adminKey: string;
  let editorKey: string;
  let editorial: Awaited<ReturnType<typeof inMemoryEditorialApp>>["editorial"];

  beforeEach(async () => {
    ({ store, editorial, app, editorKey } = await inMemoryEditorialApp());
    adminKey = (await editorial.keys.create({ name: "admin", role: "admin", createdBy: "test" })).key;
  });
  afterEach(() => store.close());

  const createKey = (name: string) =>
    app.request("/v1/keys", {
      method: "POST",
      headers: { authorization: `Bearer ${adminKey}`, "content-type": "application/json" },
      body: JSON.stringify({ name, role: "reader" }),
    });
  const upload = (fileName: string, fields: Record<string, string>) => {
    const form = new FormData();
    form.append("file", new File(["# Quiet hours\n\nQuiet hours run from 11 pm to 7 am.\n"], fileName));
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return app.request("/v1/documents", {
      method: "POST",
      headers: { authorization: `Bearer ${editorKey}` },
      body: form,
    });
  };

  it("an API key's name", async () => {
    const response = await createKey(`registrar${RLO}eciffo\u0000\u2066`);
    expect(response.status).toBe(201);
    expect((await readJson(response)).name).toBe("registrareciffo");
  });

  it("refuses a key name made only of them, as empty", async () => {
    const response = await createKey(`${RLO}\u0000\u200F`);
    expect(response.status).toBe(400);
    expect((await readJson(response)).error).toMatchObject({
      code: "invalid_request",
      message: expect.stringContaining("name: must not be empty"),
    });
  });

  it("an uploaded file's name, title and tags", async () => {
    const response = await upload(`rules${RLO}dm.exe`, {
      title: `Quiet\u0007 hours${RLO}`,
      tags: `dorm\u0000, ru\u202Dles`,
    });
    expect(response.status).toBe(201);
    const created = await readJson(response);
    expect(created.document).toMatchObject({ title: "Quiet hours", tags: ["dorm", "rules"] });
    expect(created.versions[0].source_name).toBe("rulesdm.exe");
  });

  it("refuses a title or a tag made only of them", async () => {
    expect((await upload("rules.md", { title: "\u202E\u0001" })).status).toBe(400);
    expect((await upload("rules.md", { tags: "dorm, \u2067" })).status).toBe(400);
  });

  it("a JSON document's title", async () => {
    const response = await app.request("/v1/documents", {
      method: "POST",
      headers: { authorization: `Bearer ${editorKey}`, "content-type": "application/json" },
      body: JSON.stringify({ title: `Library${RLO} hours\r\n`, text: "The library opens at 8 am." }),
    });
    expect(response.status).toBe(201);
    expect((await readJson(response)).document.title).toBe("Library hours");
  });

  it("no NUL in a curated FAQ answer or a JSON document's text, said of the field", async () => {
    const post = (path: string, body: object) =>
      app.request(path, {
        method: "POST",
        headers: { authorization: `Bearer ${editorKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    for (const [path, body, field] of [
      ["/v1/reports/faq", { question: "Can I keep a cat?", answer: "\u0000 No." }, "answer"],
      ["/v1/documents", { title: "Cats", text: "\u0000Cats are not allowed." }, "text"],
    ] as const) {
      const response = await post(path, body);
      expect(response.status).toBe(400);
      expect((await readJson(response)).error.message).toContain(`${field}: must not hold a NUL character`);
    }
  });

  it("a curated FAQ answer's question", async () => {
    const response = await app.request("/v1/reports/faq", {
      method: "POST",
      headers: { authorization: `Bearer ${editorKey}`, "content-type": "application/json" },
      body: JSON.stringify({ question: `Can I keep a cat?${RLO}\u0000`, answer: "No. Only fish tanks are allowed." }),
    });
    expect(response.status).toBe(201);
    const detail = await editorial.editor.get((await readJson(response)).doc_id);
    expect(detail.chunks.map((chunk) => chunk.faqQuestion)).toEqual(["Can I keep a cat?"]);
  });
});
