import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqliteIndexStore } from "../../store/sqlite/sqlite-index-store.js";
import { inMemoryEditorialApp, signInToEditorPage } from "../../test-support/editorial-app.js";
import type { App } from "../app.js";

const EVIL = "https://evil.example";

describe("the editors' page refuses requests from other sites, whatever their content type", () => {
  let store: SqliteIndexStore;
  let app: App;
  let editorKey: string;
  let cookie: string;

  const signIn = (headers: Record<string, string> = {}) => signInToEditorPage(app, editorKey, headers);
  const signedIn = async () =>
    (await app.request("/editor", { headers: { cookie } })).text().then((html) => html.includes("Upload documents"));
  const signOut = (headers: Record<string, string>, body?: RequestInit["body"]) =>
    app.request("/editor/logout", { method: "POST", headers: { cookie, ...headers }, body });

  beforeEach(async () => {
    ({ store, app, editorKey } = await inMemoryEditorialApp());
    ({ cookie } = await signIn());
    expect(cookie).toMatch(/^grounded_faq_editor_session=/);
  });
  afterEach(() => store.close());

  const expectRefused = async (response: Response) => {
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    expect(await signedIn()).toBe(true);
  };

  it.each([
    ["text/plain", "key=value"],
    ["application/json", '{"action":"publish"}'],
    ["application/x-www-form-urlencoded", "a=b"],
  ])("refuses a cross-site %s post that carries the editor's cookie", async (contentType, body) => {
    await expectRefused(await signOut({ origin: EVIL, "content-type": contentType }, body));
    await expectRefused(await signOut({ "sec-fetch-site": "cross-site", "content-type": contentType }, body));
  });

  it("refuses a cross-site multipart upload and a post with no content type", async () => {
    const form = new FormData();
    form.append("file", new File(["# Rules\n\nNo pets."], "rules.md"));
    const upload = await app.request("/editor/upload", {
      method: "POST",
      headers: { cookie, origin: EVIL },
      body: form,
    });
    await expectRefused(upload);
    await expectRefused(await signOut({ origin: EVIL }));
  });

  it("refuses a sibling subdomain, an opaque origin, and a cookie with no browser headers at all", async () => {
    await expectRefused(await signOut({ "sec-fetch-site": "same-site", origin: "https://blog.localhost" }));
    await expectRefused(await signOut({ origin: "null" }));
    await expectRefused(await signOut({}));
  });

  it("refuses a cross-site sign-in, which would sign the victim in as someone else", async () => {
    const { response, cookie: planted } = await signIn({ origin: EVIL });
    expect(response.status).toBe(403);
    expect(planted).toBe("");
  });

  it("lets the page's own requests through, by Sec-Fetch-Site or by Origin (also behind a TLS proxy)", async () => {
    expect((await signOut({ "sec-fetch-site": "same-origin", origin: "http://localhost" })).status).toBe(303);
    ({ cookie } = await signIn({ origin: "http://localhost" }));
    expect((await signOut({ origin: "http://localhost", "content-type": "text/plain" })).status).toBe(303);
    ({ cookie } = await signIn());
    expect((await signOut({ origin: "https://localhost", "x-forwarded-proto": "https" })).status).toBe(303);
    expect(await signedIn()).toBe(false);
  });
});
