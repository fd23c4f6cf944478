import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../../ingest/sync-folder.js";
import { SqliteIndexStore } from "../../store/sqlite/sqlite-index-store.js";
import { launchChromium, policyViolations, serveApp } from "../../test-support/browser.js";
import { editorialApp } from "../../test-support/editorial-app.js";
import { editorialFor } from "../../test-support/editorial-for.js";
import { makePdf } from "../../test-support/make-pdf.js";
import { makeTemporaryFolder } from "../../test-support/temporary-folder.js";

const FISH_QUESTION = "Are fish tanks allowed in dormitory rooms?";
/** In words no document uses: unanswered until an editor teaches its wording. */
const STACKS_QUESTION = "When do the stacks unlock?";

// A real browser under a full suite on two cores can take longer than 20 s.
describe("editors' page in a real browser", { timeout: 60_000 }, () => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let editorKey: string;
  let editorial: Awaited<ReturnType<typeof editorialFor>>;
  let closeServer: () => void;

  beforeAll(async () => {
    folder.write("knowledge/library/hours.md", "# Library hours\n\nThe main library opens at 8 am on weekdays.\n");
    folder.write(
      "upload/pets.pdf",
      await makePdf(
        ["Pets policy. Small fish tanks of up to 20 litres are allowed in dormitory rooms."],
        "Pets policy",
      ),
    );
    folder.write(
      "upload/notes.txt",
      "Notes\n\nRoom inspections happen monthly. <script>window.injected = 1</script>\n",
    );
    store = new SqliteIndexStore(":memory:");
    await syncFolder(store, `${folder.root}/knowledge`);
    editorial = await editorialFor(store);
    editorKey = (await editorial.keys.create({ name: "housing office", role: "editor", createdBy: "test" })).key;
    const app = editorialApp(store, editorial);
    ({ url: baseUrl, close: closeServer } = await serveApp(app, "127.0.0.1"));
    browser = await launchChromium();
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    closeServer?.();
    await store?.close();
    folder.cleanUp();
  });

  it("refuses an unknown key, then signs in with an editor key", async () => {
    await page.goto(`${baseUrl}/editor`);
    await page.getByLabel("API key (editor or admin)").fill("gfk_wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("unknown or has been revoked");
    await page.getByLabel("API key (editor or admin)").fill(editorKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Upload documents" }).waitFor();
    expect(await page.getByRole("cell", { name: "library/hours.md" }).count()).toBe(1);
  });

  it("declares the language it is written in, English, and marks its one Chinese word", async () => {
    for (const path of ["/editor", "/editor/handoffs", "/editor/reports"]) {
      await page.goto(`${baseUrl}${path}`);
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
    }
    expect(
      await page
        .locator("header [lang]")
        .evaluateAll((marked) => marked.map((node) => [node.getAttribute("lang"), node.textContent])),
    ).toEqual([["zh-Hant", "編輯"]]);
  });

  it("uploads a PDF, previews its chunks, tries a question on the draft, publishes it, and it answers", async () => {
    await page.goto(`${baseUrl}/editor`);
    await page
      .getByLabel(/^Files/)
      .setInputFiles([`${folder.root}/upload/pets.pdf`, `${folder.root}/upload/notes.txt`]);
    await page.getByLabel("Collection (optional)").fill("housing");
    await page.getByRole("button", { name: "Upload as drafts" }).click();
    const review = page.getByRole("link", { name: /uploaded as a draft: review uploads\/pets/ });
    await review.waitFor();
    await page.getByRole("link", { name: /uploaded as a draft: review uploads\/notes/ }).waitFor();

    await review.click();
    await page.getByRole("heading", { name: /Extracted chunks \(1\)/ }).waitFor();
    expect(await page.locator(".chunk").first().textContent()).toContain("page 1");
    expect(await page.locator(".chunk").first().textContent()).toContain("fish tanks of up to 20 litres");
    expect(await page.locator("#document-status").textContent()).toBe("draft");

    await page.goto(`${baseUrl}/editor/try?question=${encodeURIComponent(FISH_QUESTION)}`);
    expect(await page.locator("#published-answer").textContent()).not.toContain("20 litres");
    expect(await page.locator("#draft-answer").textContent()).toContain("20 litres");

    await page.goBack();
    await page.getByRole("button", { name: /^Publish/ }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Published");
    expect(await page.locator("#document-status").textContent()).toBe("published");

    const answer = (await (
      await fetch(`${baseUrl}/v1/answer`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: FISH_QUESTION }),
      })
    ).json()) as { status: string; citations: { doc_id: string; page?: number }[] };
    expect(answer.status).toBe("answered");
    expect(answer.citations[0]?.doc_id).toMatch(/^uploads\/pets-/);
    expect(answer.citations[0]?.page).toBe(1);
  });

  it("shows document text that contains <script> as text, never running it", async () => {
    await page.goto(`${baseUrl}/editor`);
    await page.getByRole("link", { name: "Notes" }).click();
    await page.getByRole("heading", { name: /Extracted chunks/ }).waitFor();
    expect(await page.locator(".chunk").first().textContent()).toContain("<script>window.injected = 1</script>");
    expect(await page.evaluate("window.injected")).toBeUndefined();
  });

  it("teaches a missed question's wording from the knowledge-gap report, then rewords and removes it", async () => {
    const ask = async (question: string) =>
      (await (
        await fetch(`${baseUrl}/v1/answer`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ question }),
        })
      ).json()) as { status: string; citations: { doc_id: string }[] };
    expect((await ask(STACKS_QUESTION)).status).toBe("abstained");

    await page.goto(`${baseUrl}/editor/reports`);
    await page.locator("#unanswered").getByRole("link", { name: "Answered by…" }).first().click();
    expect(await page.locator("#asked-question").textContent()).toBe(STACKS_QUESTION);
    await page.getByLabel("Search the published documents").fill("library opens");
    await page.getByRole("button", { name: "Search" }).click();
    await page
      .getByRole("region", { name: /Library hours/ })
      .getByRole("button", { name: "This passage answers it" })
      .click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Taught");
    const taught = await ask(STACKS_QUESTION);
    expect(taught.status).toBe("answered");
    expect(taught.citations[0]?.doc_id).toBe("library/hours.md");

    await page.goto(`${baseUrl}/editor/documents/${encodeURIComponent("library/hours.md")}`);
    const phrasing = page.getByRole("region", { name: `Phrasing “${STACKS_QUESTION}”` });
    expect(await phrasing.textContent()).toContain("taught by housing office");
    await phrasing.getByRole("textbox").fill("When do the stacks open?");
    await phrasing.getByRole("button", { name: "Save wording" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Reworded");
    expect(await page.locator("#phrasings").textContent()).toContain("When do the stacks open?");
    expect(await page.getByRole("list").last().textContent()).toContain("phrasing_edited");

    page.once("dialog", (dialog) => dialog.accept());
    await page
      .getByRole("region", { name: "Phrasing “When do the stacks open?”" })
      .getByRole("button", { name: "Remove" })
      .click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Removed");
    expect((await ask(STACKS_QUESTION)).status).toBe("abstained");

    await page.getByRole("link", { name: "Phrasings", exact: true }).click();
    await page.getByRole("heading", { name: "Proposed phrasings" }).waitFor();
  });

  it("asks before deleting a document, and keeps it when the editor says no", async () => {
    const messages: string[] = [];
    await page.goto(`${baseUrl}/editor`);
    await page.getByRole("link", { name: "Notes" }).click();
    page.once("dialog", (dialog) => {
      messages.push(dialog.message());
      return dialog.dismiss();
    });
    await page.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => messages).toEqual(["Delete this document and all its versions?"]);
    await page.goto(`${baseUrl}/editor`);
    await page.getByRole("link", { name: "Notes" }).click();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Deleted uploads/notes");
    expect(await page.getByRole("link", { name: "Notes" }).count()).toBe(0);
  });

  it("shows an unknown document as a page that says so", async () => {
    const response = await page.goto(`${baseUrl}/editor/documents/${encodeURIComponent("uploads/none")}`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("alert").textContent()).toContain('No document "uploads/none"');
  });

  it("refuses a form post from another origin", async () => {
    for (const path of [
      "/editor/logout",
      "/editor/upload",
      "/editor/documents/x/publish",
      "/editor/phrasings",
      "/editor/phrasings/x/remove",
    ]) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
  });

  it("keeps a session id in the cookie, never the key, and ends the session when the key is revoked", async () => {
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === "grounded_faq_editor_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/editor" });
    expect(session?.value).not.toContain(editorKey);
    const [record] = (await editorial.keys.list()).filter((key) => key.role === "editor");
    await editorial.keys.revoke(record?.id ?? "");
    await page.goto(`${baseUrl}/editor`);
    await page.getByRole("heading", { name: "Sign in with an API key" }).waitFor();
  });

  it("runs every page without anything refused by its Content-Security-Policy", () => {
    expect(policyViolations(browser)).toEqual([]);
  });
});
