import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../../ingest/sync-folder.js";
import { SqliteIndexStore } from "../../store/sqlite/sqlite-index-store.js";
import { editorialApp } from "../../test-support/editorial-app.js";
import { editorialFor } from "../../test-support/editorial-for.js";
import { makeTemporaryFolder } from "../../test-support/temporary-folder.js";
import type { App } from "../app.js";

const PASSAGE = "/sources/library/hours.md%230";

describe.each([true, false])("the chat page and its passages, REQUIRE_API_KEY_FOR_ANSWERS=%s", (keyRequired) => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;
  let app: App;
  let readerKey: string;

  beforeAll(async () => {
    folder.write("knowledge/library/hours.md", "# Library hours\n\nThe main library opens at 8 am on weekdays.\n");
    store = new SqliteIndexStore(":memory:");
    await syncFolder(store, `${folder.root}/knowledge`);
    const editorial = await editorialFor(store, { requireApiKeyForAnswers: keyRequired });
    readerKey = (await editorial.keys.create({ name: "kiosk", role: "reader", createdBy: "test" })).key;
    app = editorialApp(store, editorial);
  });
  afterAll(async () => {
    await store.close();
    folder.cleanUp();
  });

  it(keyRequired ? "shows a passage only with a reader's key" : "shows a passage to anyone", async () => {
    const anonymous = await app.request(PASSAGE);
    if (keyRequired) {
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: { code: "unauthorized" } });
      expect((await app.request(PASSAGE, { headers: { authorization: "Bearer gfk_guess" } })).status).toBe(401);
    } else {
      expect(anonymous.status).toBe(200);
    }
    const withKey = await app.request(PASSAGE, { headers: { authorization: `Bearer ${readerKey}` } });
    expect(withKey.status).toBe(200);
    expect(await withKey.text()).toContain("opens at 8 am");
  });

  it(
    keyRequired ? "says the chat page is not open, and how an operator opens it" : "serves the chat page",
    async () => {
      for (const path of ["/", "/?embed=1"]) {
        const page = await app.request(path, { headers: { "accept-language": "en" } });
        const html = await page.text();
        if (keyRequired) {
          expect(page.status).toBe(403);
          expect(html).toContain("answers on this service need an API key");
          expect(html).toContain("REQUIRE_API_KEY_FOR_ANSWERS=false");
          expect(html).not.toContain('id="ask-form"');
        } else {
          expect(page.status).toBe(200);
          expect(html).toContain('id="ask-form"');
        }
      }
    },
  );
});
