import PDFDocument from "pdfkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import type { Role } from "../editorial/api-keys.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp } from "../test-support/editorial-app.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { makePdf } from "../test-support/make-pdf.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import type { App } from "./app.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field by the assertions
const readJson = (response: Response): Promise<any> => response.json();

const DORM_RULES_V1 = "# Dormitory quiet hours\n\nQuiet hours in the dormitories run from 11 pm to 7 am every night.\n";
const DORM_RULES_V2 =
  "# Dormitory quiet hours\n\nQuiet hours in the dormitories run from midnight to 8 am every night.\n";

function pdfBytes(configure: (document: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}) {
  return new Promise<Uint8Array>((resolve, reject) => {
    const document = new PDFDocument(options);
    const parts: Buffer[] = [];
    document.on("data", (part: Buffer) => parts.push(part));
    document.on("end", () => resolve(new Uint8Array(Buffer.concat(parts))));
    document.on("error", reject);
    configure(document);
    document.end();
  });
}

describe("documents API", () => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;
  let app: App;
  let editorial: Awaited<ReturnType<typeof editorialFor>>;
  const keyFor: Partial<Record<Role, string>> = {};

  const send = (method: string, path: string, role: Role | undefined, body?: RequestInit["body"], headers = {}) =>
    app.request(path, {
      method,
      body,
      headers: { ...(role ? { authorization: `Bearer ${keyFor[role]}` } : {}), ...headers },
    });
  const upload = (
    name: string,
    content: string | Uint8Array,
    fields: Record<string, string> = {},
    role: Role = "editor",
    method = "POST",
    path = "/v1/documents",
  ) => {
    const form = new FormData();
    form.append("file", new File([content], name));
    for (const [field, value] of Object.entries(fields)) form.append(field, value);
    return send(method, path, role, form);
  };
  const ask = async (question: string) =>
    readJson(
      await app.request("/v1/answer", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question }),
      }),
    );
  const documentPath = (docId: string, suffix = "") => `/v1/documents/${encodeURIComponent(docId)}${suffix}`;
  const listIds = async () =>
    (await readJson(await send("GET", "/v1/documents?limit=200", "editor"))).documents.map(
      (document: { doc_id: string }) => document.doc_id,
    );

  beforeAll(() => {
    folder.write(
      "knowledge/library/hours.md",
      "---\ntitle: Library hours\ncollection: library\n---\n# Library hours\n\nThe main library opens at 8 am on weekdays.\n",
    );
  });
  // A fresh index and editorial file per test: no test sees another's uploads.
  beforeEach(async () => {
    await store?.close();
    store = new SqliteIndexStore(":memory:");
    await syncFolder(store, `${folder.root}/knowledge`);
    editorial = await editorialFor(store, { maxUploadBytes: 200_000, parseLimits: { maxPages: 3, timeoutMs: 10_000 } });
    for (const role of ["reader", "editor", "admin"] as const) {
      keyFor[role] = (await editorial.keys.create({ name: `${role} office`, role, createdBy: "test" })).key;
    }
    app = editorialApp(store, editorial);
  });
  afterAll(async () => {
    await store.close();
    folder.cleanUp();
  });

  it("keeps an upload as a draft that is never cited, then answers from it once published", async () => {
    const response = await upload("quiet-hours.md", DORM_RULES_V1, { collection: "housing", tags: "dorm, rules" });
    expect(response.status).toBe(201);
    const created = await readJson(response);
    const docId: string = created.document.doc_id;
    expect(docId).toMatch(/^uploads\/quiet-hours-[0-9a-f]{16}$/);
    expect(response.headers.get("location")).toBe(documentPath(docId));
    expect(created.document).toMatchObject({
      status: "draft",
      source: "upload",
      collection: "housing",
      tags: ["dorm", "rules"],
      draft_version: 1,
    });
    expect(created.chunks[0]).toMatchObject({
      heading: "Dormitory quiet hours",
      text: expect.stringContaining("11 pm"),
    });

    const beforePublish = await ask("When do quiet hours start in the dormitories?");
    expect(beforePublish.citations.map((citation: { doc_id: string }) => citation.doc_id)).not.toContain(docId);

    const published = await readJson(await send("POST", documentPath(docId, "/publish"), "editor"));
    expect(published.document).toMatchObject({ status: "published", published_version: 1 });
    const answer = await ask("When do quiet hours start in the dormitories?");
    expect(answer.status).toBe("answered");
    expect(answer.citations[0].doc_id).toBe(docId);
    expect(answer.answer).toContain("11 pm");
    await send("DELETE", documentPath(docId), "editor");
  });

  it("keeps the published version answering while a replacement waits as a draft, with an audit trail", async () => {
    const docId = (await readJson(await upload("quiet.md", DORM_RULES_V1))).document.doc_id;
    await send("POST", documentPath(docId, "/publish"), "editor");
    const replaced = await upload("quiet.md", DORM_RULES_V2, {}, "admin", "PUT", documentPath(docId));
    expect(replaced.status).toBe(200);
    expect((await readJson(replaced)).document).toMatchObject({
      status: "published",
      published_version: 1,
      draft_version: 2,
    });
    expect((await ask("When do quiet hours start in the dormitories?")).answer).toContain("11 pm");

    await send("POST", documentPath(docId, "/publish"), "editor");
    expect((await ask("When do quiet hours start in the dormitories?")).answer).toContain("midnight");

    const detail = await readJson(await send("GET", documentPath(docId), "editor"));
    expect(
      detail.versions.map((version: { version: number; state: string }) => [version.version, version.state]),
    ).toEqual([
      [2, "published"],
      [1, "superseded"],
    ]);
    expect(detail.audit.map((event: { action: string; actor: string }) => `${event.action} by ${event.actor}`)).toEqual(
      [
        "uploaded by editor office",
        "published by editor office",
        "replaced by admin office",
        "published by editor office",
      ],
    );
    const firstVersion = await readJson(await send("GET", `${documentPath(docId)}?version=1`, "editor"));
    expect(firstVersion.text).toContain("11 pm");
    await send("DELETE", documentPath(docId), "editor");
  });

  it("unpublishes, republishes and deletes; a deleted document is gone from answers and the list", async () => {
    const docId = (await readJson(await upload("quiet.md", DORM_RULES_V1))).document.doc_id;
    await send("POST", documentPath(docId, "/publish"), "editor");
    const unpublished = await readJson(await send("POST", documentPath(docId, "/unpublish"), "editor"));
    expect(unpublished.document.status).toBe("unpublished");
    expect((await ask("When do quiet hours start in the dormitories?")).citations).toEqual([]);
    expect((await send("POST", documentPath(docId, "/unpublish"), "editor")).status).toBe(409);

    await send("POST", documentPath(docId, "/publish"), "editor");
    expect((await ask("When do quiet hours start in the dormitories?")).citations[0].doc_id).toBe(docId);
    expect((await readJson(await send("POST", documentPath(docId, "/publish"), "editor"))).error.code).toBe(
      "nothing_to_publish",
    );

    expect((await send("DELETE", documentPath(docId), "editor")).status).toBe(204);
    expect((await ask("When do quiet hours start in the dormitories?")).citations).toEqual([]);
    expect(await listIds()).not.toContain(docId);
    expect((await send("GET", documentPath(docId), "editor")).status).toBe(404);
    expect((await editorial.versions.auditTrail(docId)).at(-1)).toMatchObject({
      action: "deleted",
      actor: "editor office",
    });
  });

  it("accepts JSON { title, text }, a new version's text without its title, and ids with their slash as is", async () => {
    const response = await send(
      "POST",
      "/v1/documents",
      "editor",
      JSON.stringify({ title: "Laundry room", text: "The laundry room is open until 10 pm.", collection: "housing" }),
      { "content-type": "application/json" },
    );
    expect(response.status).toBe(201);
    const docId = (await readJson(response)).document.doc_id;
    const detail = await readJson(await send("GET", `/v1/documents/${docId}`, "editor"));
    expect(detail.document).toMatchObject({ title: "Laundry room", format: "markdown", collection: "housing" });
    expect((await send("POST", `/v1/documents/${docId}/publish`, "editor")).status).toBe(200);
    // A new version's text alone: the title and the collection given before are kept.
    const newText = JSON.stringify({ text: "The laundry room is open until 11 pm." });
    const replaced = await send("PUT", `/v1/documents/${docId}`, "editor", newText, {
      "content-type": "application/json",
    });
    expect(replaced.status).toBe(200);
    expect((await readJson(replaced)).document).toMatchObject({ title: "Laundry room", collection: "housing" });
    // A new document has no title before it: it needs one.
    const untitled = await send("POST", "/v1/documents", "editor", newText, { "content-type": "application/json" });
    expect(untitled.status).toBe(400);
    await send("DELETE", `/v1/documents/${docId}`, "editor");
  });

  it("lists folder and uploaded documents with filters and pages; folder documents are edited in the folder", async () => {
    const docId = (await readJson(await upload("quiet.md", DORM_RULES_V1, { collection: "housing" }))).document.doc_id;
    const all = await readJson(await send("GET", "/v1/documents", "editor"));
    expect(all.total).toBe(2);
    expect(
      all.documents.map((document: { doc_id: string; source: string; status: string }) => [
        document.doc_id,
        document.source,
        document.status,
      ]),
    ).toEqual([
      ["library/hours.md", "folder", "published"],
      [docId, "upload", "draft"],
    ]);
    const drafts = await readJson(await send("GET", "/v1/documents?status=draft&collection=housing", "editor"));
    expect(drafts.documents.map((document: { doc_id: string }) => document.doc_id)).toEqual([docId]);
    const page = await readJson(await send("GET", "/v1/documents?limit=1&offset=1", "editor"));
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1, documents: [{ doc_id: docId }] });
    expect((await readJson(await send("GET", "/v1/documents?status=gone", "editor"))).error.code).toBe(
      "invalid_request",
    );
    for (const limit of ["abc", "500", "0"]) {
      expect((await readJson(await send("GET", `/v1/documents?limit=${limit}`, "editor"))).error).toEqual({
        code: "invalid_request",
        message: "limit: use a whole number from 1 to 200",
      });
    }

    const folderDocument = await readJson(await send("GET", documentPath("library/hours.md"), "editor"));
    expect(folderDocument.chunks[0].text).toContain("8 am");
    for (const [method, suffix] of [
      ["POST", "/publish"],
      ["POST", "/unpublish"],
      ["DELETE", ""],
    ] as const) {
      const response = await send(method, documentPath("library/hours.md", suffix), "editor");
      expect(response.status).toBe(409);
      expect((await readJson(response)).error.code).toBe("folder_document");
    }
    expect((await upload("x.md", "# X\n\nText.", {}, "editor", "PUT", documentPath("library/hours.md"))).status).toBe(
      409,
    );
    expect((await send("GET", documentPath("library/none.md"), "editor")).status).toBe(404);
    await send("DELETE", documentPath(docId), "editor");
  });

  it("needs an editor key: none is 401, a reader's is 403, a revoked one is 401", async () => {
    const noKey = await send("POST", "/v1/documents", undefined, new FormData());
    expect(noKey.status).toBe(401);
    expect((await readJson(noKey)).error.code).toBe("unauthorized");
    const reader = await upload("quiet.md", DORM_RULES_V1, {}, "reader");
    expect(reader.status).toBe(403);
    expect((await readJson(reader)).error).toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("editor"),
    });
    expect((await send("GET", "/v1/documents", "reader")).status).toBe(403);
    const wrong = await app.request("/v1/documents", { headers: { authorization: "Bearer gfk_not-a-key" } });
    expect(wrong.status).toBe(401);
    const [editorKey] = (await editorial.keys.list()).filter((record) => record.role === "editor");
    await editorial.keys.revoke(editorKey?.id ?? "");
    expect((await send("GET", "/v1/documents", "editor")).status).toBe(401);
    expect(await listIdsAs("admin")).toEqual(["library/hours.md"]);
  });

  async function listIdsAs(role: Role) {
    return (await readJson(await send("GET", "/v1/documents", role))).documents.map(
      (document: { doc_id: string }) => document.doc_id,
    );
  }

  it("lets admins, and only admins, create, list and revoke keys", async () => {
    const create = (role: Role) =>
      send("POST", "/v1/keys", role, JSON.stringify({ name: "library desk", role: "editor" }), {
        "content-type": "application/json",
      });
    expect((await create("editor")).status).toBe(403);
    const created = await create("admin");
    expect(created.status).toBe(201);
    const body = await readJson(created);
    expect(body).toMatchObject({ name: "library desk", role: "editor", created_by: "admin office" });
    expect(body.key).toMatch(/^gfk_/);
    const listed = await readJson(await send("GET", "/v1/keys", "admin"));
    expect(JSON.stringify(listed)).not.toContain(body.key);
    expect(listed.keys.map((key: { name: string }) => key.name)).toContain("library desk");
    const asNewKey = await app.request("/v1/documents", { headers: { authorization: `Bearer ${body.key}` } });
    expect(asNewKey.status).toBe(200);
    const revoked = await readJson(await send("DELETE", `/v1/keys/${body.id}`, "admin"));
    expect(revoked.revoked_at).toBeDefined();
    expect((await app.request("/v1/documents", { headers: { "x-api-key": body.key } })).status).toBe(401);
    expect((await send("DELETE", "/v1/keys/no-such-key", "admin")).status).toBe(404);
    const badRole = await send("POST", "/v1/keys", "admin", JSON.stringify({ name: "x", role: "owner" }), {
      "content-type": "application/json",
    });
    expect((await readJson(badRole)).error.code).toBe("invalid_request");
  });

  describe("bad uploads get their own error and leave nothing behind", () => {
    const expectRefused = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status);
      expect((await readJson(response)).error.code).toBe(code);
      expect(await listIds()).toEqual(["library/hours.md"]);
    };

    it("a corrupt PDF", async () => {
      await expectRefused(await upload("broken.pdf", "%PDF-1.7\nthis is not really a pdf"), 422, "corrupt_pdf");
    });

    it("an encrypted PDF", async () => {
      const encrypted = await pdfBytes((document) => document.text("Secret rules."), { userPassword: "secret" });
      await expectRefused(await upload("locked.pdf", encrypted), 422, "pdf_encrypted");
    });

    it("an image-only PDF", async () => {
      const drawing = await pdfBytes((document) => document.rect(50, 50, 200, 100).fill("#333"));
      await expectRefused(await upload("scan.pdf", drawing), 422, "no_extractable_text");
    });

    it("a PDF over the page limit", async () => {
      await expectRefused(await upload("long.pdf", await makePdf(["1", "2", "3", "4"])), 422, "too_many_pages");
    });

    it("an image named as a PDF, and text named as one", async () => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
      await expectRefused(await upload("rules.pdf", png), 415, "unsupported_file_type");
      await expectRefused(await upload("rules.pdf", "Just some text."), 415, "file_type_mismatch");
    });

    it("an empty file, a non-UTF-8 file and a file over MAX_UPLOAD_MB", async () => {
      await expectRefused(await upload("empty.md", ""), 422, "empty_file");
      await expectRefused(
        await upload("big5.txt", new Uint8Array([0xa6, 0xe7, 0xac, 0xd9, 0x0a])),
        422,
        "invalid_encoding",
      );
      await expectRefused(await upload("huge.md", `# Huge\n\n${"x".repeat(300_000)}`), 413, "file_too_large");
    });

    it("a request without a file, and one of another media type", async () => {
      await expectRefused(await send("POST", "/v1/documents", "editor", new FormData()), 400, "invalid_request");
      await expectRefused(
        await send("POST", "/v1/documents", "editor", "plain", { "content-type": "text/plain" }),
        415,
        "unsupported_media_type",
      );
      const badMetadata = await upload("quiet.md", DORM_RULES_V1, { effective_date: "next week" });
      await expectRefused(badMetadata, 400, "invalid_request");
      // A second file under a metadata field's name is refused, not taken as the title.
      const form = new FormData();
      form.set("file", new Blob([DORM_RULES_V1]), "rules.md");
      form.set("title", new Blob(["# Other"]), "other.md");
      const misplaced = await send("POST", "/v1/documents", "editor", form);
      await expectRefused(misplaced, 400, "invalid_request");
    });
  });

  it("asks for a key to answer only when REQUIRE_API_KEY_FOR_ANSWERS is set", async () => {
    const guarded = editorialApp(store, { ...editorial, requireApiKeyForAnswers: true });
    const question = (headers: Record<string, string>) =>
      guarded.request("/v1/answer", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ question: "What time does the main library open on weekdays?" }),
      });
    expect((await question({})).status).toBe(401);
    const answered = await question({ authorization: `Bearer ${keyFor.reader}` });
    expect(answered.status).toBe(200);
    expect((await readJson(answered)).citations[0].doc_id).toBe("library/hours.md");
    // The same answers through OpenAI's protocol are guarded the same way.
    const chat = (headers: Record<string, string>) =>
      guarded.request("/v1/chat/completions", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ model: "grounded-faq", messages: [{ role: "user", content: "library hours?" }] }),
      });
    expect((await chat({})).status).toBe(401);
    expect((await chat({ authorization: `Bearer ${keyFor.reader}` })).status).toBe(200);
    for (const path of ["/v1/models", "/v1/models/grounded-faq"]) {
      expect((await guarded.request(path)).status).toBe(401);
      expect((await guarded.request(path, { headers: { authorization: `Bearer ${keyFor.reader}` } })).status).toBe(200);
    }
  });

  it("keeps a PDF's size and tells two PDFs apart; a new version keeps the metadata not given again", async () => {
    const first = await makePdf(["Parking permits cost NT$ 1,200 per semester."], "Parking");
    const created = await readJson(
      await upload("parking.pdf", first, { collection: "transport", tags: "parking", url: "https://example.edu/p" }),
    );
    const docId = created.document.doc_id;
    expect(created.versions[0].byte_size).toBe(first.length);
    await send("POST", documentPath(docId, "/publish"), "editor");
    const second = await makePdf(["Parking permits cost NT$ 1,500 per semester."], "Parking");
    const replaced = await readJson(await upload("parking.pdf", second, {}, "editor", "PUT", documentPath(docId)));
    expect(replaced.document).toMatchObject({
      collection: "transport",
      tags: ["parking"],
      url: "https://example.edu/p",
    });
    const [v2, v1] = await editorial.versions.versions(docId);
    expect(v2?.contentHash).not.toBe(v1?.contentHash);
    expect(v2?.byteSize).toBe(second.length);
  });

  it("refuses front matter that an upload's fields would refuse: a link that is not http(s), a collection, a language tag", async () => {
    for (const [field, value] of [
      ["url", "javascript:alert(1)"],
      ["collection", "../../x"],
      ["lang", '"<script>"'],
    ]) {
      const response = await upload("trap.md", `---\n${field}: ${value}\n---\n# Trap\n\nSome text here.`);
      expect(response.status).toBe(422);
      expect((await readJson(response)).error.message).toContain(`front matter (${field}: `);
    }
    const listed = await readJson(await send("GET", "/v1/documents?limit=200", "editor"));
    expect(listed.documents.map((document: { title: string }) => document.title)).not.toContain("Trap");
  });

  it("records the key id with the name in the audit trail", async () => {
    const docId = (await readJson(await upload("quiet.md", DORM_RULES_V1))).document.doc_id;
    const [editorKey] = (await editorial.keys.list()).filter((record) => record.role === "editor");
    expect(await editorial.versions.auditTrail(docId)).toEqual([
      expect.objectContaining({ action: "uploaded", actor: "editor office", actorKeyId: editorKey?.id }),
    ]);
  });

  it("serialises changes to one document: a publish and a delete at once leave it deleted everywhere", async () => {
    const docId = (await readJson(await upload("quiet.md", DORM_RULES_V1))).document.doc_id;
    // The delete is sent once the publish has reached the editor: the key checks before it take
    // their own time, and the delete would otherwise overtake it.
    const { editor } = editorial;
    const publish = editor.publish.bind(editor);
    let reachedEditor = () => {};
    const reached = new Promise<void>((resolve) => {
      reachedEditor = resolve;
    });
    editor.publish = (...args) => {
      reachedEditor();
      return publish(...args);
    };
    const publishing = send("POST", documentPath(docId, "/publish"), "editor");
    await reached;
    const [published, deleted] = await Promise.all([publishing, send("DELETE", documentPath(docId), "editor")]);
    expect([published.status, deleted.status]).toEqual([200, 204]);
    expect(await editorial.versions.versions(docId)).toEqual([]);
    expect(await store.getDocument(docId)).toBeUndefined();
  });

  it("refuses malformed or mistyped requests with the documented errors", async () => {
    const json = { "content-type": "application/json" };
    const brokenJson = await send("POST", "/v1/documents", "editor", '{"title":"x","text":"hello', json);
    expect([brokenJson.status, (await readJson(brokenJson)).error.code]).toEqual([400, "invalid_json"]);
    const brokenKey = await send("POST", "/v1/keys", "admin", '{"name":', json);
    expect([brokenKey.status, (await readJson(brokenKey)).error.code]).toEqual([400, "invalid_json"]);
    const formKey = new FormData();
    formKey.append("name", "x");
    const keyAsForm = await send("POST", "/v1/keys", "admin", formKey);
    expect([keyAsForm.status, (await readJson(keyAsForm)).error.code]).toEqual([415, "unsupported_media_type"]);

    const twoFiles = new FormData();
    twoFiles.append("file", new File(["# A\n\nText a."], "a.md"));
    twoFiles.append("file", new File(["# B\n\nText b."], "b.md"));
    expect((await readJson(await send("POST", "/v1/documents", "editor", twoFiles))).error.message).toContain(
      "one file per request",
    );
    const misspelt = await readJson(await upload("quiet.md", DORM_RULES_V1, { colection: "housing" }));
    expect(misspelt.error).toMatchObject({ code: "invalid_request", message: expect.stringContaining("colection") });
    const badDate = await readJson(await upload("quiet.md", DORM_RULES_V1, { effective_date: "tomorrow" }));
    expect(badDate.error.message).toContain("YYYY-MM-DD");
    const bigJson = await send(
      "POST",
      "/v1/documents",
      "editor",
      JSON.stringify({ title: "Big", text: "x".repeat(250_000) }),
      json,
    );
    expect([bigJson.status, (await readJson(bigJson)).error.code]).toEqual([413, "file_too_large"]);
    expect(await listIds()).toEqual(["library/hours.md"]);

    for (const [method, path, allow] of [
      ["DELETE", "/v1/documents", "GET, HEAD, POST"],
      ["PATCH", documentPath("library/hours.md"), "GET, HEAD, PUT, DELETE"],
      ["PUT", "/v1/keys", "GET, HEAD, POST"],
    ] as const) {
      const response = await send(method, path, "admin");
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe(allow);
    }
    expect((await send("GET", `${documentPath("library/hours.md")}?version=2`, "editor")).status).toBe(404);
    // A wrong method is a 405 before any key is asked for, as a missing route is a 404.
    expect((await app.request("/v1/keys", { method: "PUT" })).status).toBe(405);
    // Ids keep their `/` unencoded too: the OpenAPI document says `{id}`, Hono matches `:id{.+}`.
    expect((await send("GET", "/v1/documents/library/hours.md", "editor")).status).toBe(200);
  });

  it("documents the editors' API in /openapi.json", async () => {
    const spec = await readJson(await app.request("/openapi.json"));
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/v1/documents", "/v1/documents/{id}", "/v1/documents/{id}/publish", "/v1/keys/{id}"]),
    );
    expect(spec.paths["/v1/keys/{id}"].delete.parameters[0]).toMatchObject({ name: "id", in: "path" });
    expect(spec.components.securitySchemes.apiKeyHeader).toMatchObject({ in: "header", name: "X-API-Key" });
  });
});
