import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteIndexStore } from "../../store/sqlite/sqlite-index-store.js";
import { launchChromium, policyViolations, serveApp } from "../../test-support/browser.js";
import { editorialApp } from "../../test-support/editorial-app.js";
import { editorialFor } from "../../test-support/editorial-for.js";

// A real browser under a full suite on two cores can take longer than 20 s.
describe("the API reference in a real browser", { timeout: 60_000 }, () => {
  let store: SqliteIndexStore;
  let browser: Browser;
  let baseUrl: string;
  let closeServer: () => void;

  beforeAll(async () => {
    store = new SqliteIndexStore(":memory:");
    ({ url: baseUrl, close: closeServer } = await serveApp(
      editorialApp(store, await editorialFor(store)),
      "127.0.0.1",
    ));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    closeServer?.();
    await store?.close();
  });

  it("shows the routes from this server's files, with nothing refused by its Content-Security-Policy", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/docs`);
    await page.getByText("/v1/answer", { exact: true }).first().waitFor();
    expect(await page.locator(".swagger-ui .info .title").textContent()).toContain("grounded-faq");
    expect(policyViolations(browser)).toEqual([]);
    await page.close();
  });
});
