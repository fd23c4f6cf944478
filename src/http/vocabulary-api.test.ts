import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { MAX_VOCABULARY_BYTES } from "../editorial/editors-vocabulary.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp, signInToEditorPage } from "../test-support/editorial-app.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { VOCABULARY_FILE, watchVocabulary } from "../text/vocabulary-file.js";
import type { App } from "./app.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field by the assertions
const readJson = (response: Response): Promise<any> => response.json();

const DEPOSIT = "# 住宿保證金\n\n入住時須繳交保證金新臺幣 3,000 元，退宿時無息退還。\n";
const PETS = "# Pets in residence halls\n\nSmall fish tanks of up to 20 litres are allowed in residence hall rooms.\n";
const LIBRARY = "# Library hours\n\nThe main library opens at 8 am on weekdays and closes at 10 pm.\n";
/** Asked with 押金, which the housing rules call 保證金. */
const DEPOSIT_QUESTION = "押金要繳多少?";
const DEPOSIT_GROUP = "synonyms:\n  - 押金, 保證金\n";

describe("the editors' vocabulary", () => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;
  let app: App;
  let editorial: Awaited<ReturnType<typeof editorialFor>>;
  const keys: Record<"reader" | "editor" | "admin" | "otherEditor", string> = {
    reader: "",
    editor: "",
    admin: "",
    otherEditor: "",
  };
  /** The editors' key ids, as the audit trail records them. */
  const keyIds: Record<"editor" | "otherEditor", string> = { editor: "", otherEditor: "" };

  beforeAll(async () => {
    folder.write("knowledge/housing/deposit.md", DEPOSIT);
    folder.write("knowledge/housing/pets.md", PETS);
    folder.write("knowledge/library/hours.md", LIBRARY);
    store = new SqliteIndexStore(":memory:");
    await syncFolder(store, path.join(folder.root, "knowledge"));
  });
  // A fresh editorial file per test: no test sees another's vocabulary.
  beforeEach(async () => {
    editorial = await editorialFor(store);
    const create = (name: string, role: "reader" | "editor" | "admin") =>
      editorial.keys.create({ name, role, createdBy: "test" });
    keys.reader = (await create("kiosk", "reader")).key;
    keys.admin = (await create("it office", "admin")).key;
    for (const [who, name] of [
      ["editor", "housing office"],
      ["otherEditor", "library office"],
    ] as const) {
      const { key, record } = await create(name, "editor");
      keys[who] = key;
      keyIds[who] = record.id;
    }
    app = editorialApp(store, editorial);
  });
  afterAll(async () => {
    await store.close();
    folder.cleanUp();
  });

  const save = (text: unknown, key = keys.editor, editedFrom: { based_on_version?: unknown } = {}) =>
    app.request("/v1/vocabulary", {
      method: "PUT",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ text, ...editedFrom }),
    });
  const read = (key = keys.editor) => app.request("/v1/vocabulary", { headers: { authorization: `Bearer ${key}` } });
  const ask = async (question: string) =>
    readJson(
      await app.request("/v1/answer", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question }),
      }),
    );
  const search = async (query: string) =>
    readJson(
      await app.request("/v1/search", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, top_k: 1 }),
      }),
    );

  it("answers the next question worded with a saved synonym from the passage that uses the other word", async () => {
    expect(await ask(DEPOSIT_QUESTION)).toMatchObject({ status: "abstained" });
    expect((await search("押金")).results).toEqual([]);

    const saved = await save(DEPOSIT_GROUP);
    expect(saved.status).toBe(200);
    expect((await readJson(saved)).editors).toMatchObject({ text: DEPOSIT_GROUP, synonym_groups: 1, stop_words: 0 });

    const answer = await ask(DEPOSIT_QUESTION);
    expect(answer).toMatchObject({ status: "answered", citations: [{ doc_id: "housing/deposit.md" }] });
    expect(answer.answer).toContain("保證金新臺幣 3,000 元");
    expect((await search("押金")).results[0]).toMatchObject({ doc_id: "housing/deposit.md" });

    // An empty text takes the editors' words away again, as at once.
    expect((await save("")).status).toBe(200);
    expect(await ask(DEPOSIT_QUESTION)).toMatchObject({ status: "abstained" });
  });

  it("refuses a vocabulary with mistakes with 400 invalid_vocabulary and each line, keeping the previous one in use", async () => {
    expect((await save(DEPOSIT_GROUP)).status).toBe(200);

    const refused = await save("synonyms:\n  - 押金, 保證金\n  - 押金\nstop_words: [的]\n");
    expect(refused.status).toBe(400);
    const { error } = await readJson(refused);
    expect(error.code).toBe("invalid_vocabulary");
    expect(error.message.split("\n")).toEqual([
      "editors' vocabulary:3: synonyms[1]: a group needs at least two different words",
      expect.stringMatching(/^editors' vocabulary:4: stop_words\[0\]: is already left out of every question/),
    ]);

    expect(await ask(DEPOSIT_QUESTION)).toMatchObject({ status: "answered" });
    expect((await readJson(await read())).editors).toMatchObject({ text: DEPOSIT_GROUP, version: 1 });
    expect(await editorial.vocabulary.auditTrail()).toHaveLength(1);
  });

  it("lets only editors and admins read or save it", async () => {
    for (const [key, status] of [
      ["", 401],
      ["gfk_unknown", 401],
      [keys.reader, 403],
    ] as const) {
      expect((await save(DEPOSIT_GROUP, key)).status).toBe(status);
      expect((await read(key)).status).toBe(status);
    }
    expect(await editorial.vocabulary.saved()).toBeUndefined();
    expect(await ask(DEPOSIT_QUESTION)).toMatchObject({ status: "abstained" });
    expect((await save(DEPOSIT_GROUP, keys.admin)).status).toBe(200);
    expect((await read(keys.admin)).status).toBe(200);
  });

  it("records every save in the audit trail, and keeps the earlier texts", async () => {
    const first = "synonyms:\n  - dorm, residence hall\n";
    expect((await save(first)).status).toBe(200);
    expect((await save(DEPOSIT_GROUP, keys.otherEditor)).status).toBe(200);

    const body = await readJson(await read());
    expect(body.editors).toMatchObject({ text: DEPOSIT_GROUP, version: 2, updated_by: "library office" });
    expect(body.editors.updated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(body.editors.audit).toEqual([
      { action: "saved", version: 1, actor: "housing office", at: expect.any(String) },
      { action: "saved", version: 2, actor: "library office", at: body.editors.updated_at },
    ]);
    expect((await editorial.vocabulary.auditTrail()).map((event) => event.actorKeyId)).toEqual([
      keyIds.editor,
      keyIds.otherEditor,
    ]);
    expect((await editorial.vocabulary.version(1))?.text).toBe(first);
  });

  it("saves a text edited from the latest version, or from none (null or 0) before any save", async () => {
    const fromNone = await save("synonyms:\n  - dorm, residence hall\n", keys.editor, { based_on_version: null });
    expect(fromNone.status).toBe(200);
    const { version } = (await readJson(fromNone)).editors;
    expect(version).toBe(1);

    const fromLatest = await save(DEPOSIT_GROUP, keys.otherEditor, { based_on_version: version });
    expect(fromLatest.status).toBe(200);
    expect((await readJson(fromLatest)).editors).toMatchObject({ text: DEPOSIT_GROUP, version: 2 });
    expect(await ask(DEPOSIT_QUESTION)).toMatchObject({ status: "answered" });
    // Once a version is saved, "none" is out of date.
    for (const none of [null, 0])
      expect((await save(DEPOSIT_GROUP, keys.editor, { based_on_version: none })).status).toBe(409);
  });

  it("refuses a text edited from an older version with 409 vocabulary_changed, naming the version saved, who saved it and when", async () => {
    expect((await save("synonyms:\n  - dorm, residence hall\n")).status).toBe(200);
    expect((await save(DEPOSIT_GROUP, keys.otherEditor, { based_on_version: 1 })).status).toBe(200);
    const before = (await readJson(await read())).editors;

    const refused = await save("synonyms:\n  - 學費, 學雜費\n", keys.editor, { based_on_version: 1 });
    expect(refused.status).toBe(409);
    expect(await readJson(refused)).toEqual({
      error: {
        code: "vocabulary_changed",
        message: `The editors' vocabulary was saved again after this text was edited from version 1: version 2 is now saved, by library office at ${before.updated_at}. Load it again, merge your changes into it and save again.`,
      },
    });

    expect((await readJson(await read())).editors).toEqual(before);
    expect(before).toMatchObject({ text: DEPOSIT_GROUP, version: 2 });
    expect(await editorial.vocabulary.auditTrail()).toHaveLength(2);
  });

  it("saves a text sent without the version it was edited from, whatever was saved meanwhile", async () => {
    expect((await save(DEPOSIT_GROUP, keys.otherEditor)).status).toBe(200);
    const saved = await save("synonyms:\n  - dorm, residence hall\n");
    expect(saved.status).toBe(200);
    expect((await readJson(saved)).editors).toMatchObject({ version: 2, updated_by: "housing office" });
  });

  it("of two saves edited from the same version, keeps the first and refuses the second with 409", async () => {
    expect((await save("synonyms:\n  - dorm, residence hall\n")).status).toBe(200);
    const [first, second] = await Promise.all([
      save(DEPOSIT_GROUP, keys.editor, { based_on_version: 1 }),
      save("synonyms:\n  - 學費, 學雜費\n", keys.otherEditor, { based_on_version: 1 }),
    ]);
    expect([first.status, second.status]).toEqual([200, 409]);
    expect((await readJson(second)).error.code).toBe("vocabulary_changed");
    expect((await readJson(await read())).editors).toMatchObject({
      text: DEPOSIT_GROUP,
      version: 2,
      updated_by: "housing office",
    });
  });

  it("is used together with the knowledge folder's file, which it shows read-only", async () => {
    const knowledge = path.join(folder.root, "knowledge");
    folder.write(`knowledge/${VOCABULARY_FILE}`, "synonyms:\n  - dorm, residence hall\nstop_words: [本校]\n");
    try {
      const vocabularyFile = {
        path: path.join(knowledge, VOCABULARY_FILE),
        current: watchVocabulary(knowledge, () => undefined),
      };
      app = editorialApp(store, editorial, [], { vocabularyFile });
      // Answered only with both groups: the file's (dorm) and the editors' (aquarium).
      const question = "Can I keep an aquarium in my dorm?";
      expect(await ask(question)).toMatchObject({ status: "abstained" });

      expect((await save("synonyms:\n  - aquarium, fish tank\n")).status).toBe(200);
      expect(await ask(question)).toMatchObject({ status: "answered", citations: [{ doc_id: "housing/pets.md" }] });

      const { file, editors } = await readJson(await read());
      expect(file).toEqual({
        path: vocabularyFile.path,
        text: "synonyms:\n  - dorm, residence hall\nstop_words: [本校]\n",
        synonym_groups: 1,
        stop_words: 1,
      });
      expect(editors).toMatchObject({ synonym_groups: 1, stop_words: 0 });

      app = editorialApp(store, editorial);
      expect(await ask(question)).toMatchObject({ status: "abstained" });
    } finally {
      folder.remove(`knowledge/${VOCABULARY_FILE}`);
    }
  });

  it("refuses a text over 200 KB with 413 vocabulary_too_large, and a body over 1 MiB before reading it all", async () => {
    const tooLong = `synonyms:\n${"  - dorm, residence hall\n".repeat(MAX_VOCABULARY_BYTES / 20)}`;
    const refused = await save(tooLong);
    expect(refused.status).toBe(413);
    expect((await readJson(refused)).error.code).toBe("vocabulary_too_large");

    const huge = await save("x".repeat(2 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect((await readJson(huge)).error.code).toBe("payload_too_large");
    expect(await editorial.vocabulary.saved()).toBeUndefined();
  });

  it.each([
    ["brackets nested thousands deep", "[".repeat(100_000)],
    ["a map nested thousands deep", `synonyms: ${"{a: ".repeat(20_000)}`],
    ["a list where a map belongs", "- 押金\n- 保證金\n"],
    ["a tag YAML knows but the vocabulary does not", "synonyms: !!binary aGVsbG8=\n"],
    ["aliases", "a: &a [dorm, hall]\nsynonyms: [*a, *a]\n"],
    ["two documents", "synonyms: []\n---\nsynonyms: []\n"],
    ["a line where a list belongs", "synonyms: 押金, 保證金\n"],
  ])("answers %s with 400 invalid_vocabulary, never a 500", async (_, text) => {
    const response = await save(text);
    expect(response.status).toBe(400);
    const { error } = await readJson(response);
    expect(error.code).toBe("invalid_vocabulary");
    expect(error.message).toMatch(/^editors' vocabulary(:\d+)?: /);
    expect(error.message).not.toContain("call stack");
  });

  it("answers a body that is not a text with 400", async () => {
    for (const text of [42, null, ["押金, 保證金"], { synonyms: [] }]) {
      const response = await save(text);
      expect({ text, status: response.status }).toEqual({ text, status: 400 });
      expect((await readJson(response)).error.code).toBe("invalid_request");
    }
    for (const version of [-1, 1.5, "1"]) {
      const response = await save(DEPOSIT_GROUP, keys.editor, { based_on_version: version });
      expect({ version, status: response.status }).toEqual({ version, status: 400 });
      expect((await readJson(response)).error.message).toContain("based_on_version");
    }
    expect(await editorial.vocabulary.saved()).toBeUndefined();
    const notJson = await app.request("/v1/vocabulary", {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${keys.editor}` },
      body: "{text:",
    });
    expect(notJson.status).toBe(400);
    expect((await readJson(notJson)).error.code).toBe("invalid_json");
  });

  describe("on the editors' page", () => {
    let cookie: string;
    const sameSite = { origin: "http://localhost" };
    const post = (body: Record<string, string>, headers: Record<string, string> = { cookie }) =>
      app.request("/editor/vocabulary", {
        method: "POST",
        headers: { ...sameSite, ...headers },
        body: new URLSearchParams(body),
      });

    beforeEach(async () => {
      ({ cookie } = await signInToEditorPage(app, keys.editor, sameSite));
    });
    afterEach(() => {
      expect(cookie).toMatch(/^grounded_faq_editor_session=/);
    });

    it("shows the vocabulary section: the editors' text to edit, the file's groups read-only, how to write it", async () => {
      const knowledge = path.join(folder.root, "knowledge");
      folder.write(`knowledge/${VOCABULARY_FILE}`, "synonyms:\n  - dorm, residence hall\n");
      try {
        app = editorialApp(store, editorial, [], {
          vocabularyFile: {
            path: path.join(knowledge, VOCABULARY_FILE),
            current: watchVocabulary(knowledge, () => {}),
          },
        });
        ({ cookie } = await signInToEditorPage(app, keys.editor, sameSite));
        await editorial.vocabulary.save(DEPOSIT_GROUP, { name: "housing office", keyId: "test" });
        const response = await app.request("/editor/vocabulary", { headers: { cookie } });
        expect(response.status).toBe(200);
        const html = await response.text();
        expect(html).toContain('<a href="/editor/vocabulary">Vocabulary</a>');
        expect(html).toContain('Vocabulary / <span lang="zh-Hant">詞彙</span>');
        expect(html).toMatch(
          /<textarea id="vocabulary-text" name="text"[^>]*>\nsynonyms:\n {2}- 押金, 保證金\n<\/textarea>/,
        );
        expect(html).toMatch(/<form method="post" action="\/editor\/vocabulary">/);
        expect(html).toContain('<button type="submit">Save</button>');
        expect(html).toContain('<input type="hidden" name="based_on_version" value="1"/>');
        expect(html).toContain("Version 1, saved by housing office");
        expect(html).toContain("one group per line, commas between its words");
        expect(html).toContain("Read-only here: it is edited in the knowledge folder");
        expect(html).toContain(path.join(knowledge, VOCABULARY_FILE));
        expect(html).toContain("<td>dorm, residence hall</td>");
      } finally {
        folder.remove(`knowledge/${VOCABULARY_FILE}`);
      }
    });

    it("saves the textarea, line breaks as the editor wrote them, and the next question uses it", async () => {
      const response = await post({ text: "synonyms:\r\n  - 押金, 保證金\r\n" });
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(
        `/editor/vocabulary?notice=${encodeURIComponent("Saved: the next question uses it.")}`,
      );
      expect(await editorial.vocabulary.saved()).toMatchObject({ text: DEPOSIT_GROUP, savedBy: "housing office" });
      expect(await ask(DEPOSIT_QUESTION)).toMatchObject({ status: "answered" });
    });

    it("sends the version it shows: 0 before any save, and a save from it succeeds", async () => {
      const html = await (await app.request("/editor/vocabulary", { headers: { cookie } })).text();
      expect(html).toContain('<input type="hidden" name="based_on_version" value="0"/>');
      expect((await post({ text: DEPOSIT_GROUP, based_on_version: "0" })).status).toBe(303);
      expect((await post({ text: "synonyms:\n  - dorm, residence hall\n", based_on_version: "1" })).status).toBe(303);
      expect((await editorial.vocabulary.saved())?.version).toBe(2);
    });

    it("shows a save over a version saved meanwhile as refused, keeps the editor's text, and shows the newer version to merge", async () => {
      await editorial.vocabulary.save(DEPOSIT_GROUP, { name: "library office", keyId: "test" });
      // A mistake fixed and saved again is still refused: the page kept the version the text was edited from.
      const mistaken = await (await post({ text: "synonyms:\n  - dorm\n", based_on_version: "0" })).text();
      expect(mistaken).toContain('<input type="hidden" name="based_on_version" value="0"/>');
      const mine = "synonyms:\n  - dorm, residence hall\n";
      const response = await post({ text: mine, based_on_version: "0" });
      expect(response.status).toBe(409);
      const html = await response.text();
      expect(html).toMatch(
        /<p class="error" role="alert">Not saved. The editors&#39; vocabulary was saved again after this text was edited before any version was saved: version 1 is now saved, by library office at [^<]+\. Load it again, merge your changes into it and save again\.<\/p>/,
      );
      expect(html).toContain(`>\n${mine}</textarea>`);
      expect(html).toMatch(
        /<details id="vocabulary-saved-meanwhile" open="">[\s\S]*<pre>synonyms:\n {2}- 押金, 保證金\n<\/pre>/,
      );
      // Saving again from this page is based on the version it now shows.
      expect(html).toContain('<input type="hidden" name="based_on_version" value="1"/>');
      expect(await editorial.vocabulary.saved()).toMatchObject({ version: 1, text: DEPOSIT_GROUP });
    });

    it("shows a refused save's mistake with its line, keeps the text to fix, and saves nothing", async () => {
      const mistaken = "synonyms:\n  - 押金, 保證金\n  - 押金\n";
      const response = await post({ text: mistaken });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toMatch(
        /<p class="error" role="alert">Not saved. editors&#39; vocabulary:3: synonyms\[1\]: a group needs at least two different words<\/p>/,
      );
      expect(html).toContain(`>\n${mistaken}</textarea>`);
      expect(await editorial.vocabulary.saved()).toBeUndefined();
      expect(await ask(DEPOSIT_QUESTION)).toMatchObject({ status: "abstained" });
    });

    it("refuses a post without a text, from another site, or without a session", async () => {
      expect((await post({ other: "x" })).status).toBe(400);
      expect((await post({ text: DEPOSIT_GROUP }, { cookie, origin: "https://evil.example" })).status).toBe(403);
      const signedOut = await post({ text: DEPOSIT_GROUP }, {});
      expect(signedOut.status).toBe(401);
      expect(await signedOut.text()).toContain("Sign in with an API key");
      expect(await editorial.vocabulary.saved()).toBeUndefined();
    });
  });
});
