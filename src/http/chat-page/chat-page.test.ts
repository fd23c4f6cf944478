import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../../ingest/sync-folder.js";
import { SqliteIndexStore } from "../../store/sqlite/sqlite-index-store.js";
import { askInFrame, launchChromium, policyViolations, serveApp } from "../../test-support/browser.js";
import { editorialApp } from "../../test-support/editorial-app.js";
import { editorialFor } from "../../test-support/editorial-for.js";
import { makeTemporaryFolder } from "../../test-support/temporary-folder.js";

// A page load and an answer in a real browser: under a full suite on two cores that can take longer than 20 s.
describe("students' chat page and widget in a real browser", { timeout: 60_000 }, () => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;
  let editorial: Awaited<ReturnType<typeof editorialFor>>;
  let browser: Browser;
  let baseUrl: string;
  let hostUrl: string;
  let otherHostUrl: string;
  const closers: (() => void)[] = [];

  beforeAll(async () => {
    folder.write(
      "knowledge/housing/deposit.md",
      "---\ntitle: 住宿保證金\n---\n# 住宿保證金\n\n住宿保證金為新臺幣三千元，退宿後三十日內無息退還。\n",
    );
    folder.write(
      "knowledge/housing/quiet-hours.txt",
      "Quiet hours\n\nQuiet hours in the residence halls run from 11 pm to 7 am. <script>window.injected = 1</script>\n",
    );
    folder.write(
      "knowledge/housing/laundry.md",
      "# Laundry booking\n\nBook a laundry machine at https://housing.example.edu/laundry?hall=east, never through javascript:alert(document.domain) links.\n",
    );
    folder.write(
      "knowledge/housing/faq.csv",
      "question,answer\n寒假可以留在宿舍嗎?,寒假可申請留宿，須於12月15日前申請。\n",
    );
    folder.write(
      "knowledge/housing/parking-permit.md",
      "# 停車證申請\n\n學生停車證於每年9月1日開放申請，請上網登記。\n",
    );
    folder.write("knowledge/housing/parking-rules.md", "# 停車場規則\n\n停車場內禁止洗車，車輛須停放於格線內。\n");
    store = new SqliteIndexStore(":memory:");
    await syncFolder(store, `${folder.root}/knowledge`);
    editorial = await editorialFor(store);

    // Other sites that embed the widget: one in ALLOWED_ORIGINS (at /dorms its tag names a collection
    // that does not exist), and one that is not.
    const startHost = async () => {
      const host = http.createServer((request, response) => {
        const collection = request.url === "/dorms" ? "dorms" : "housing";
        response.writeHead(200, { "content-type": "text/html" });
        response.end(
          `<!doctype html><title>Registrar</title><h1>Registrar</h1><script src="${baseUrl}/widget.js" data-collection="${collection}"></script>`,
        );
      });
      await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
      closers.push(() => host.close());
      return `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    };
    hostUrl = await startHost();
    otherHostUrl = await startHost();

    const app = editorialApp(store, editorial, [hostUrl]);
    const server = await serveApp(app, "localhost");
    baseUrl = server.url;
    closers.push(server.close);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    for (const close of closers) close();
    await store?.close();
    folder.cleanUp();
  });

  async function ask(page: Page, question: string) {
    // Answers stream into a provisional article first; the final one replaces it.
    const finished = page.locator("article.answer:not(.streaming)");
    const answers = await finished.count();
    await page.locator("#question").fill(question);
    await page.locator("#question").press("Enter");
    await finished.nth(answers).waitFor();
    return finished.nth(answers);
  }

  it("answers in Chinese with a source to open; a 👎 counts at once, and a later comment is added to it", async () => {
    const page = await browser.newPage({ locale: "zh-TW" });
    await page.goto(`${baseUrl}/`);
    expect(await page.locator("h1").textContent()).toBe("校園問答小幫手");
    expect(await page.getByRole("button", { name: "寒假可以留在宿舍嗎?" }).count()).toBe(1);
    const answer = await ask(page, "住宿保證金多少錢?");
    expect(await answer.locator(".answer-text").textContent()).toContain("三千元");
    const source = answer.getByRole("link", { name: /\[1\] 住宿保證金/ });
    const href = (await source.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/sources\/housing%2Fdeposit\.md%23\d+$/);
    const sourcePage = await browser.newPage();
    await sourcePage.goto(`${baseUrl}${href}`);
    expect(await sourcePage.locator("mark").textContent()).toContain("三千元");
    await sourcePage.close();

    await answer.getByRole("button", { name: /沒有幫助/ }).click();
    await answer.getByText("謝謝你的回饋！").waitFor();
    // Counted before any comment: the knowledge-gap report sees it even if the student writes none.
    const logged = async () => (await editorial.interactions.answersBetween("2000-01-01", "2100-01-01"))[0];
    expect(await logged()).toMatchObject({ question: "住宿保證金多少錢?", rating: "down" });
    expect((await logged())?.comment).toBeUndefined();
    await answer.getByLabel("想補充什麼嗎？（選填）").fill("沒說怎麼退");
    await answer.getByRole("button", { name: "送出意見" }).click();
    await answer.getByText("已收到你的補充，謝謝！").waitFor();
    expect(await logged()).toMatchObject({ question: "住宿保證金多少錢?", rating: "down", comment: "沒說怎麼退" });
    await page.close();
  });

  it("asks back when a question is too vague, and answers the topic the student clicks", async () => {
    const page = await browser.newPage({ locale: "zh-TW" });
    await page.goto(`${baseUrl}/`);
    const reply = await ask(page, "停車?");
    expect(await reply.getAttribute("class")).toContain("clarify");
    const choices = reply.getByRole("list", { name: "您可能想問的主題" }).getByRole("button");
    expect(await choices.count()).toBeGreaterThanOrEqual(2);
    // A question back cites nothing and asks for no rating.
    expect(await reply.locator(".sources, .feedback").count()).toBe(0);
    const finished = page.locator("article.answer:not(.streaming)");
    await reply.getByRole("button", { name: "停車證申請" }).click();
    await finished.nth(1).waitFor();
    expect(await finished.nth(1).locator(".answer-text").textContent()).toContain("9月1日");
    expect(await page.locator(".question").last().textContent()).toBe("停車證申請");
    await page.close();
  });

  it("offers related topics beside a person when the documents do not answer, and answers the one clicked", async () => {
    const page = await browser.newPage({ locale: "zh-TW" });
    await page.goto(`${baseUrl}/`);
    const reply = await ask(page, "停車證遺失要怎麼補發");
    expect(await reply.getAttribute("class")).toContain("abstained");
    const topics = reply.getByRole("list", { name: "文件中可能相關的主題" }).getByRole("button");
    expect(await topics.allTextContents()).toContain("停車證申請");
    // The way to a person stays: the topics are offered beside it, not instead of it.
    expect(await reply.getByRole("button", { name: "找真人協助" }).count()).toBe(1);
    const finished = page.locator("article.answer:not(.streaming)");
    // Sent as a choice: the topic's section is quoted, not read as a question.
    const sent = page.waitForRequest((request) => request.url().endsWith("/v1/answer"));
    await reply.getByRole("button", { name: "停車證申請" }).click();
    expect((await sent).postDataJSON()).toMatchObject({ question: "停車證申請", choice: true });
    await finished.nth(1).waitFor();
    expect(await finished.nth(1).locator(".answer-text").textContent()).toContain("9月1日");
    await page.close();
  });

  it("switches to English, and shows document text with <script> as text", async () => {
    const page = await browser.newPage({ locale: "zh-TW" });
    await page.goto(`${baseUrl}/`);
    await page.getByRole("link", { name: "English" }).click();
    expect(await page.locator("h1").textContent()).toBe("Campus help desk");
    const answer = await ask(page, "When do quiet hours start in the residence halls?");
    expect(await answer.locator(".answer-text").textContent()).toContain("<script>window.injected = 1</script>");
    expect(await page.evaluate("window.injected")).toBeUndefined();
    await page.close();
  });

  it("keeps the conversation, its ratings and its id when the student switches language", async () => {
    const page = await browser.newPage({ locale: "zh-TW" });
    await page.goto(`${baseUrl}/`);
    const answer = await ask(page, "住宿保證金多少錢?");
    await answer
      .getByRole("button", { name: /有幫助/ })
      .first()
      .click();
    await answer.getByText("謝謝你的回饋！").waitFor();
    await page.getByRole("link", { name: "English" }).click();
    expect(await page.locator("h1").textContent()).toBe("Campus help desk");
    expect(await page.locator("#conversation .question").allTextContents()).toEqual(["住宿保證金多少錢?"]);
    const kept = page.locator("article.answer");
    expect(await kept.locator(".answer-text").textContent()).toContain("三千元");
    expect(await kept.getByRole("heading", { name: "Sources" }).count()).toBe(1);
    expect(await kept.locator(".feedback").textContent()).toBe("Thank you for the feedback!");
    await ask(page, "When do quiet hours start in the residence halls?");
    const [first, second] = (await editorial.interactions.answersBetween("2000-01-01", "2100-01-01"))
      .filter((logged) =>
        ["住宿保證金多少錢?", "When do quiet hours start in the residence halls?"].includes(logged.question),
      )
      .slice(-2);
    expect(second?.conversationId).toBe(first?.conversationId);
    // A reload afterwards starts afresh, as before.
    await page.reload();
    expect(await page.locator("#conversation").textContent()).toBe("");
    await page.close();
  });

  it("links the web addresses in answers, and never a javascript: one", async () => {
    const page = await browser.newPage({ locale: "en-US" });
    await page.goto(`${baseUrl}/`);
    const answer = await ask(page, "How do I book a laundry machine?");
    const text = answer.locator(".answer-text");
    expect(await text.textContent()).toContain("javascript:alert(document.domain)");
    const links = text.getByRole("link");
    expect(await links.count()).toBe(1);
    expect(await links.textContent()).toBe("https://housing.example.edu/laundry?hall=east");
    expect(await links.getAttribute("href")).toBe("https://housing.example.edu/laundry?hall=east");
    expect(await links.getAttribute("target")).toBe("_blank");
    expect(await links.getAttribute("rel")).toBe("noopener noreferrer");
    await page.close();
  });

  it("asks the student to wait a moment, in the page's language, when there are too many questions", async () => {
    for (const [locale, expected] of [
      ["zh-TW", "問題有點多，請稍等一下（約 30 秒）再問。"],
      ["en-US", "Too many questions in a short time: please wait a moment (about 30 s) and ask again."],
    ] as const) {
      const page = await browser.newPage({ locale });
      await refuseAsRateLimited(page, "**/v1/answer", 30);
      await page.goto(`${baseUrl}/`);
      await page.locator("#question").fill("住宿保證金多少錢?");
      await page.locator("#question").press("Enter");
      await expect.poll(() => page.getByRole("alert").textContent()).toBe(expected);
      await page.close();
    }
  });

  it("says a hand-off refused for now may be sent again, and keeps what the student wrote", async () => {
    const page = await browser.newPage({ locale: "zh-TW" });
    await refuseAsRateLimited(page, "**/v1/handoffs", 600);
    await page.goto(`${baseUrl}/`);
    await page.locator("#question").fill("我要轉真人");
    await page.locator("#question").press("Enter");
    const form = page.getByRole("form", { name: "請真人協助" });
    const contact = form.getByLabel("聯絡方式：Email 或電話（選填）");
    await contact.fill("student@example.edu");
    await form.getByRole("button", { name: "送出" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("這個網路送出的轉介或回饋太多了，請約 600 秒後再送一次；你寫的內容還在表單裡。");
    expect(await contact.inputValue()).toBe("student@example.edu");
    await page.close();
  });

  it("files no empty hand-off, and says how a person will reply", async () => {
    const page = await browser.newPage({ locale: "zh-TW" });
    await page.goto(`${baseUrl}/`);
    await page.locator("#question").fill("我要轉真人");
    await page.locator("#question").press("Enter");
    const form = page.getByRole("form", { name: "請真人協助" });
    await form.getByLabel("想詢問的內容").fill("");
    const ticketsBefore = (await editorial.interactions.handoffs()).length;
    await form.getByRole("button", { name: "送出" }).click();
    expect(await form.getByRole("alert").textContent()).toBe(
      "請寫下想詢問的內容，或留下聯絡方式，承辦人員才能協助你。",
    );
    expect(await editorial.interactions.handoffs()).toHaveLength(ticketsBefore);

    await form.getByLabel("聯絡方式：Email 或電話（選填）").fill("student@example.edu");
    await form.getByRole("button", { name: "送出" }).click();
    await expect
      .poll(() => page.getByRole("status").last().textContent())
      .toContain("承辦人員會依你留下的聯絡方式（student@example.edu）回覆你。");
    expect(await editorial.interactions.handoffs()).toHaveLength(ticketsBefore + 1);
    await page.close();
  });

  it("hands a student to a person when asked, and editors see the ticket", async () => {
    const page = await browser.newPage({ locale: "zh-TW" });
    await page.goto(`${baseUrl}/`);
    const abstained = await ask(page, "圖書館週末幾點關門？");
    expect(await abstained.getAttribute("class")).toContain("abstained");
    await abstained.getByRole("button", { name: "找真人協助" }).waitFor();
    await page.locator("#question").fill("我要轉真人");
    await page.locator("#question").press("Enter");
    const form = page.getByRole("form", { name: "請真人協助" });
    await form.getByLabel("聯絡方式：Email 或電話（選填）").fill("student@example.edu");
    await form.getByRole("button", { name: "送出" }).click();
    await expect.poll(() => page.getByRole("status").last().textContent()).toContain("已轉交承辦人員");

    const editorKey = (await editorial.keys.create({ name: "housing office", role: "editor", createdBy: "test" })).key;
    await page.goto(`${baseUrl}/editor`);
    await page.getByLabel("API key (editor or admin)").fill(editorKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Hand-offs" }).click();
    const ticket = page.locator("section.chunk").first();
    expect(await ticket.textContent()).toContain("student@example.edu");
    expect(await ticket.textContent()).toContain("圖書館週末幾點關門？");
    await ticket.getByRole("button", { name: "Close ticket" }).click();
    await page.getByText("Ticket closed.").waitFor();

    await page.getByRole("link", { name: "Knowledge gaps" }).click();
    expect(await page.locator("#unanswered").textContent()).toContain("圖書館週末幾點關門？");
    await page.close();
  });

  it("answers a message in distress with crisis lines and a person to talk to now, and nothing to rate", async () => {
    const page = await browser.newPage({ locale: "zh-TW" });
    await page.goto(`${baseUrl}/`);
    const reply = await ask(page, "我真的撐不下去了");
    expect(await reply.getAttribute("class")).toContain("safety");
    expect(await reply.locator(".answer-text").textContent()).toContain("安心專線 1925");
    expect(await reply.getByRole("button", { name: "有幫助" }).count()).toBe(0);
    await reply.getByRole("button", { name: "現在就找真人談談" }).click();
    const form = page.getByRole("form", { name: "請真人協助" });
    expect(await form.getByLabel("想詢問的內容").inputValue()).toBe("我真的撐不下去了");
    await page.close();
  });

  it("adds a chat button to another site, which opens the chat for its collection", async () => {
    const page = await browser.newPage({ locale: "en-US" });
    await page.goto(hostUrl);
    await page.getByRole("button", { name: "Help desk chat" }).click();
    const frame = page.frameLocator("iframe[title='Help desk chat']");
    await frame.locator("h1").waitFor();
    expect(await frame.locator("h1").textContent()).toBe("Campus help desk");
    expect(await page.locator("iframe").getAttribute("src")).toBe(`${baseUrl}/?embed=1&collection=housing`);
    // The frame is another site's: it works without storage, which browsers may deny it.
    await askInFrame(frame, "How much is the housing deposit?");
    await frame.locator("article.answer:not(.streaming)").waitFor();
    expect(await frame.locator("article.answer .answer-text").textContent()).toBeTruthy();
    await page.close();
  });

  it("explains, instead of a blank frame, that a site missing from ALLOWED_ORIGINS cannot open the chat", async () => {
    const page = await browser.newPage({ locale: "en-US" });
    await page.goto(otherHostUrl);
    await page.getByRole("button", { name: "Help desk chat" }).click();
    expect(await page.getByRole("alert").textContent()).toBe(
      `The help desk chat cannot open on this site: ${otherHostUrl} is not in the service's ALLOWED_ORIGINS. Its operator can add it (for example ALLOWED_ORIGINS=${otherHostUrl}).`,
    );
    expect(await page.locator("iframe").count()).toBe(0);
    await page.close();
  });

  it("says that the widget's data-collection does not exist, rather than answering from every collection", async () => {
    const page = await browser.newPage({ locale: "zh-TW" });
    await page.goto(`${hostUrl}/dorms`);
    await page.getByRole("button", { name: "Help desk chat" }).click();
    expect(await page.getByRole("alert").textContent()).toBe(
      "問答小幫手的 data-collection「dorms」不存在（現有：housing），所以不會回答。請檢查 widget 的 script 標籤。",
    );
    expect(await page.locator("iframe").count()).toBe(0);
    // The chat page itself, linked with that collection, says so too.
    await page.goto(`${baseUrl}/?embed=1&collection=dorms`);
    expect(await page.getByRole("alert").textContent()).toBe("這個問答頁面設定的主題「dorms」不存在，所以無法回答。");
    await page.close();
  });

  it("runs every page without anything refused by its Content-Security-Policy", () => {
    expect(policyViolations(browser)).toEqual([]);
  });
});

/** The page's requests to `url` answered as the service does over a rate limit (see rate-limits.test.ts). */
async function refuseAsRateLimited(page: Page, url: string, retryAfterSeconds: number): Promise<void> {
  await page.route(url, (route) =>
    route.fulfill({
      status: 429,
      headers: { "content-type": "application/json", "retry-after": String(retryAfterSeconds) },
      body: JSON.stringify({ error: { code: "rate_limited", message: "Too many requests from you." } }),
    }),
  );
}
