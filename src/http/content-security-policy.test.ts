import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp, signInToEditorPage } from "../test-support/editorial-app.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import type { App } from "./app.js";
import { inlineHash } from "./content-security-policy.js";

const ALLOWED_SITE = "https://www.lakeside.example.edu";

/** The policy's directives by name. */
function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? "").split(";").map((directive) => {
      const [name = "", ...values] = directive.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("Content-Security-Policy", () => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;
  let app: App;
  let signedIn: Record<string, string>;
  let draftId: string;

  beforeAll(async () => {
    folder.write("knowledge/library/hours.md", "# Library hours\n\nThe main library opens at 8 am on weekdays.\n");
    store = new SqliteIndexStore(":memory:");
    await syncFolder(store, `${folder.root}/knowledge`);
    const editorial = await editorialFor(store);
    const key = (await editorial.keys.create({ name: "housing office", role: "editor", createdBy: "test" })).key;
    const draft = await editorial.editor.upload(
      { fileName: "rules.md", bytes: new TextEncoder().encode("# Rules\n\nNo pets."), metadata: {} },
      { name: "housing office", keyId: "test" },
    );
    draftId = draft.docId;
    app = editorialApp(store, editorial, [ALLOWED_SITE]);
    signedIn = { cookie: (await signInToEditorPage(app, key)).cookie };
  });
  afterAll(async () => {
    await store.close();
    folder.cleanUp();
  });

  const pages = async () => {
    return [
      ["/", {}],
      ["/?embed=1&lang=en", {}],
      ["/sources/library/hours.md%230", {}],
      ["/editor", {}],
      ["/editor", signedIn],
      [`/editor/documents/${encodeURIComponent(draftId)}`, signedIn],
      ["/editor/try?question=hours", signedIn],
      ["/editor/vocabulary", signedIn],
      ["/docs", {}],
    ] as const;
  };

  it("runs on every page only the page's own scripts and styles, inline ones by their hash", async () => {
    for (const [path, headers] of await pages()) {
      const response = await app.request(path, { headers });
      expect(response.status, path).toBe(200);
      const policy = directives(response.headers.get("content-security-policy"));
      const html = await response.text();
      const scriptSources = policy.get("script-src") ?? [];
      expect(scriptSources, path).not.toContain("'unsafe-inline'");
      expect(scriptSources, path).not.toContain("'unsafe-eval'");
      expect(policy.get("object-src"), path).toEqual(["'none'"]);
      expect(policy.get("base-uri"), path).toEqual(["'none'"]);
      // Every inline script that runs (not a JSON data block) and every style element is allowed by hash.
      for (const [, attributes, text] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (/type="application\/json"/.test(attributes ?? "") || /\bsrc=/.test(attributes ?? "")) continue;
        expect(scriptSources, `${path}: an inline script`).toContain(inlineHash(text ?? ""));
      }
      for (const [, text] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
        expect(policy.get("style-src"), `${path}: a style element`).toContain(inlineHash(text ?? ""));
      }
      // The policy runs no inline event handler and applies no style attribute.
      expect(html, path).not.toMatch(/<[^>]+\s(on[a-z]+|style)=/i);
    }
  });

  it("lets only the allowed sites frame the chat page, and no one any other page", async () => {
    for (const [path, headers] of await pages()) {
      const response = await app.request(path, { headers });
      const ancestors = directives(response.headers.get("content-security-policy")).get("frame-ancestors");
      expect(ancestors, path).toEqual(path.startsWith("/?") || path === "/" ? ["'self'", ALLOWED_SITE] : ["'none'"]);
    }
  });

  it("lets what is not a page load nothing", async () => {
    for (const path of ["/openapi.json", "/healthz", "/sources/none.md%230", "/v1/nothing"]) {
      const policy = directives((await app.request(path)).headers.get("content-security-policy"));
      expect(policy.get("default-src"), path).toEqual(["'none'"]);
      expect(policy.get("frame-ancestors"), path).toEqual(["'none'"]);
    }
  });
});
