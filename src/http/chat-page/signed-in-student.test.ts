import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../../ingest/sync-folder.js";
import { defaultParseLimits } from "../../config.js";
import { openEditorial } from "../../open-editorial.js";
import { SqliteIndexStore } from "../../store/sqlite/sqlite-index-store.js";
import { studentTokenVerifier } from "../../students/verify-student-token.js";
import { askInFrame, launchChromium, policyViolations, serveApp } from "../../test-support/browser.js";
import { editorialApp } from "../../test-support/editorial-app.js";
import { editorialFor } from "../../test-support/editorial-for.js";
import { type FakeStudentSystem, startFakeStudentSystem } from "../../test-support/fake-student-system.js";
import { answerServiceWithLookUps, sampleRecordLookUps } from "../../test-support/record-look-ups.js";
import { signStudentToken, TEST_PORTAL } from "../../test-support/student-tokens.js";
import { makeTemporaryFolder } from "../../test-support/temporary-folder.js";

// A real browser under a full suite on two cores can take longer than 20 s.
describe("a signed-in student in the widget on the university's portal, in a real browser", { timeout: 60_000 }, () => {
  const folder = makeTemporaryFolder();
  const closers: (() => unknown)[] = [];
  let browser: Browser;
  let system: FakeStudentSystem;
  let portalUrl: string;

  beforeAll(async () => {
    folder.write(
      "knowledge/library/borrowing.md",
      "# 借書規則\n\n大學部學生可借圖書 10 冊，借期 30 天，可續借 2 次。\n",
    );
    const store = new SqliteIndexStore(":memory:");
    await syncFolder(store, path.join(folder.root, "knowledge"));
    system = await startFakeStudentSystem();
    closers.push(() => system.close());
    const records = await openEditorial({ file: ":memory:" }, store, { parseLimits: defaultParseLimits });
    closers.push(() => records.close());
    const editorial = await editorialFor(store);
    const answers = answerServiceWithLookUps(store, sampleRecordLookUps(system, records), editorial.interactions);
    // The portal signs the student in with a token that has already expired; its callback gives a fresh one.
    const [expired, fresh] = [await signStudentToken({ expiresIn: "-1m" }), await signStudentToken()];
    let baseUrl = "";
    const portal = http.createServer((_, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end(
        `<!doctype html><title>Portal</title><h1>Portal</h1><script>window.freshToken = async () => ${JSON.stringify(fresh)};</script><script src="${baseUrl}/widget.js" data-user-token="${expired}" data-token-callback="freshToken"></script>`,
      );
    });
    await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", resolve));
    closers.push(() => portal.close());
    portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
    const app = editorialApp(store, editorial, [portalUrl], {
      answers,
      verifyStudentToken: studentTokenVerifier(TEST_PORTAL),
    });
    const server = await serveApp(app, "localhost");
    baseUrl = server.url;
    closers.push(server.close);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    for (const close of closers) await close();
    folder.cleanUp();
  });

  it("asks for their loans and renews one, confirming with a click", async () => {
    const page = await browser.newPage({ locale: "zh-TW" });
    await page.goto(portalUrl);
    await page.getByRole("button", { name: "Help desk chat" }).click();
    const frame = page.frameLocator("iframe[title='Help desk chat']");
    const answers = frame.locator("article.answer:not(.streaming)");
    await askInFrame(frame, "我借的書什麼時候到期？");
    await answers.nth(0).waitFor();
    // The portal's first token had expired: the widget asked it for a fresh one, and the chat asked again.
    expect(await answers.nth(0).locator(".answer-text").textContent()).toContain(
      "《資料結構》（條碼 L0012345），到期日 2026-12-10",
    );
    expect(await answers.nth(0).locator(".sources li").textContent()).toMatch(/^\[1\] 圖書館系統，.+ 查詢$/);
    expect(await answers.nth(0).locator(".sources a").count()).toBe(0);

    await askInFrame(frame, "幫我續借 L0012345");
    await answers.nth(1).waitFor();
    expect(await answers.nth(1).locator(".answer-text").textContent()).toContain("要續借條碼 L0012345 的書嗎？");
    expect(system.renewals).toEqual([]);
    await answers.nth(1).getByRole("button", { name: "確定" }).click();
    await answers.nth(2).waitFor();
    expect(await answers.nth(2).locator(".answer-text").textContent()).toContain(
      "已續借《資料結構》，新的到期日是 2026-12-24",
    );
    expect(system.renewals).toEqual(["L0012345"]);
    await page.close();
  });

  it("runs the widget and the chat without anything refused by their Content-Security-Policy", () => {
    expect(policyViolations(browser)).toEqual([]);
  });
});
