import { describe, expect, it } from "vitest";
import { SqliteIndexStore } from "../../store/sqlite/sqlite-index-store.js";
import { editorialApp } from "../../test-support/editorial-app.js";
import { editorialFor } from "../../test-support/editorial-for.js";
import { BROWSER_SCRIPTS } from "../browser-scripts/browser-scripts.js";
import { ASKS_FOR_A_PERSON } from "./asks-for-a-person.js";

const store = new SqliteIndexStore(":memory:");
const app = editorialApp(store, await editorialFor(store), ["https://www.lakeside.example.edu"]);

describe("the chat page's origins", () => {
  const preflight = (origin: string, path = "/v1/answer", method = "POST") =>
    app.request(path, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": method, "access-control-request-headers": "content-type" },
    });

  it("lets allowed sites call the answer API from the browser, and no others", async () => {
    const allowed = await preflight("https://www.lakeside.example.edu");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://www.lakeside.example.edu");
    const other = await preflight("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets an OpenAI client in an allowed site's page call the chat routes", async () => {
    for (const [path, method] of [
      ["/v1/chat/completions", "POST"],
      ["/v1/models", "GET"],
    ] as const) {
      const allowed = await preflight("https://www.lakeside.example.edu", path, method);
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://www.lakeside.example.edu");
      expect(allowed.headers.get("access-control-allow-methods")).toBe(method);
      expect(
        (await preflight("https://evil.example", path, method)).headers.get("access-control-allow-origin"),
      ).toBeNull();
    }
  });

  it("sends protective headers; signed-in pages are never framed or cached, the widget loads anywhere", async () => {
    const signIn = await app.request("/editor");
    expect(signIn.headers.get("x-frame-options")).toBe("DENY");
    expect(signIn.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(signIn.headers.get("cache-control")).toBe("no-store");
    const page = await app.request("/?embed=1");
    expect(page.headers.get("x-frame-options")).toBeNull();
    for (const response of [signIn, page, await app.request("/healthz")]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    }
    expect((await app.request("/widget.js")).headers.get("cross-origin-resource-policy")).toBe("cross-origin");
  });

  it("may be framed only by itself and the allowed sites", async () => {
    const page = await app.request("/?embed=1", { headers: { "accept-language": "en" } });
    expect(page.headers.get("content-security-policy")).toContain(
      "frame-ancestors 'self' https://www.lakeside.example.edu",
    );
    expect(await page.text()).toContain('<html lang="en">');
  });

  it("picks Traditional Chinese for a Chinese browser, and says an unknown passage is not found", async () => {
    expect(await (await app.request("/", { headers: { "accept-language": "zh-TW,zh;q=0.9" } })).text()).toContain(
      '<html lang="zh-Hant">',
    );
    expect((await app.request("/sources/none.md%230")).status).toBe(404);
  });

  it("honours q-values in Accept-Language, and ?lang= over the browser", async () => {
    const language = async (acceptLanguage: string, query = "") =>
      (await (await app.request(`/${query}`, { headers: { "accept-language": acceptLanguage } })).text()).match(
        /<html lang="([^"]+)">/,
      )?.[1];
    expect(await language("en;q=0.9, zh-TW;q=0.8")).toBe("en");
    expect(await language("zh-TW, en;q=0.5")).toBe("zh-Hant");
    expect(await language("fr, zh-CN;q=0.7, en;q=0.3")).toBe("zh-Hant");
    expect(await language("fr, de;q=0.5")).toBe("en");
    expect(await language("zh-TW", "?lang=en")).toBe("en");
    expect(await language("en", "?lang=zh-Hant")).toBe("zh-Hant");
  });

  it("tells the widget on any site whether the chat can open there, and whether its collection exists", async () => {
    const check = async (origin: string | undefined, query = "") => {
      const response = await app.request(`/widget/check${query}`, { headers: origin ? { origin } : {} });
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("vary")).toContain("Origin");
      return response.json();
    };
    expect(await check("https://www.lakeside.example.edu", "?collection=housing")).toEqual({
      origin: "https://www.lakeside.example.edu",
      origin_allowed: true,
      collection_known: false,
      collections: [],
    });
    expect(await check("https://evil.example")).toMatchObject({ origin_allowed: false, collection_known: true });
    expect(await check("null")).toMatchObject({ origin_allowed: false });
    // The service's own page sends no Origin with a GET: it may always frame the chat.
    expect(await check(undefined)).toMatchObject({ origin_allowed: true });
  });

  it("says that a collection does not exist, rather than answering from every collection", async () => {
    const page = await app.request("/?embed=1&collection=dorms", { headers: { "accept-language": "en" } });
    expect(page.status).toBe(404);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    const html = await page.text();
    expect(html).toContain("set up for the collection “dorms”, which does not exist");
    expect(html).not.toContain('id="ask-form"');
  });

  it("serves scripts that are valid JavaScript once bundled", () => {
    for (const script of [BROWSER_SCRIPTS.chat, BROWSER_SCRIPTS.widget, BROWSER_SCRIPTS.upload]) {
      expect(() => new Function(script)).not.toThrow();
    }
  });
});

describe("asking for a person", () => {
  it("is told from a question that mentions people, spaces and all", () => {
    for (const message of ["轉真人", "转人工", " 真人 ", "客服！", "Can I talk to a human?"]) {
      expect(ASKS_FOR_A_PERSON.test(message), message).toBe(true);
    }
    for (const message of ["可以找人代選嗎?", "真人圖書館幾點開", "sss"]) {
      expect(ASKS_FOR_A_PERSON.test(message), message).toBe(false);
    }
    // The page's script carries this very pattern, imported into its bundle.
    expect(BROWSER_SCRIPTS.chat).toContain(`ASKS_FOR_A_PERSON = ${ASKS_FOR_A_PERSON};`);
  });
});
