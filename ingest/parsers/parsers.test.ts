import { describe, expect, it } from "vitest";
import { DocumentParseError } from "../../src/errors.js";
import { makePdf } from "../../src/test-support/make-pdf.js";
import { blockText } from "../parsed-document.js";
import { parseFaqCsv, parseFaqJson } from "./faq-sheet.js";
import { parseHtml } from "./html.js";
import { parseMarkdown } from "./markdown.js";
import { parsePdf, readPageBlocks } from "./pdf.js";
import { parsePlainText } from "./plain-text.js";

describe("parseMarkdown", () => {
  it("reads front matter and turns headings, paragraphs, lists and tables into blocks", () => {
    const parsed = parseMarkdown(`---
title: 宿舍規定
url: https://www.lakeside.example.edu/housing/rules
collection: housing
tags: [宿舍, 規定]
lang: zh-Hant
status: published
effective_date: 2026-08-01
---
# 宿舍規定

住宿生應遵守**下列**規定，詳見[網站](https://example.edu)。

- 晚上11點後保持安靜
- 禁止使用電器

| 項目 | 記點 |
| --- | --- |
| 使用電鍋 | 3點 |
`);
    expect(parsed).toMatchObject({
      format: "markdown",
      title: "宿舍規定",
      url: "https://www.lakeside.example.edu/housing/rules",
      collection: "housing",
      tags: ["宿舍", "規定"],
      lang: "zh-Hant",
      status: "published",
      effectiveDate: "2026-08-01",
    });
    expect(parsed.blocks).toEqual([
      { kind: "heading", level: 1, text: "宿舍規定" },
      { kind: "paragraph", text: "住宿生應遵守下列規定，詳見網站。" },
      { kind: "paragraph", text: "- 晚上11點後保持安靜\n- 禁止使用電器" },
      { kind: "table", rows: ["使用電鍋：記點 3點"] },
    ]);
  });

  it("joins soft-wrapped lines of a paragraph, without a space between Chinese characters", () => {
    const parsed = parseMarkdown(
      "You can apply once you have\ncompleted one year.\n\n轉系申請期間為每年4月1日起\n至4月20日止。\n",
    );
    expect(parsed.blocks).toEqual([
      { kind: "paragraph", text: "You can apply once you have completed one year." },
      { kind: "paragraph", text: "轉系申請期間為每年4月1日起至4月20日止。" },
    ]);
  });

  it("puts hard breaks and nested list items on lines of their own and drops inline HTML", () => {
    const parsed = parseMarkdown("Line one  \nLine two<br>.\n\n- Item one\n  - Sub a\n  - Sub b\n");
    expect(parsed.blocks).toEqual([
      { kind: "paragraph", text: "Line one\nLine two." },
      { kind: "paragraph", text: "- Item one\nSub a\nSub b" },
    ]);
  });

  it("never runs code in front matter", () => {
    expect(() => parseMarkdown('---js\n{ title: (globalThis.ranCode = true, "x") }\n---\nText.')).toThrow(
      DocumentParseError,
    );
    expect((globalThis as { ranCode?: boolean }).ranCode).toBeUndefined();
  });

  it("takes the first heading as the title when the front matter has none", () => {
    expect(parseMarkdown("# Library hours\n\nOpen daily.").title).toBe("Library hours");
  });

  it("rejects front matter with a value of the wrong kind, naming the field", () => {
    expect(() => parseMarkdown("---\nstatus: secret\n---\nText.")).toThrow(DocumentParseError);
    expect(() => parseMarkdown("---\nurl: not a url\n---\nText.")).toThrow(/url/);
  });
});

describe("parseHtml", () => {
  it("keeps the main content and its structure, and leaves navigation and scripts out", () => {
    const parsed = parseHtml(`<!doctype html><html lang="zh-Hant"><head><title>圖書館開放時間</title>
      <link rel="canonical" href="https://www.lakeside.example.edu/library/hours"><script>var x = 1;</script></head>
      <body><nav><a href="/">首頁</a></nav><header>Lakeside</header>
      <main><h1>開放時間</h1><p>學期中  週一至週五 8:00 開館。</p>
      <ul><li>週六 9:00</li><li>週日 13:00</li></ul>
      <table><tr><th>日期</th><th>時間</th></tr><tr><td>除夕</td><td>休館</td></tr></table></main>
      <footer>© Lakeside</footer></body></html>`);
    expect(parsed).toMatchObject({
      format: "html",
      title: "圖書館開放時間",
      url: "https://www.lakeside.example.edu/library/hours",
      lang: "zh-Hant",
    });
    expect(parsed.blocks).toEqual([
      { kind: "heading", level: 1, text: "開放時間" },
      { kind: "paragraph", text: "學期中 週一至週五 8:00 開館。" },
      { kind: "paragraph", text: "- 週六 9:00\n- 週日 13:00" },
      { kind: "table", rows: ["除夕：時間 休館"] },
    ]);
  });

  it("reads a page built only from divs, and keeps an article's own header", () => {
    const divs = parseHtml(
      "<body><header>Site menu</header><main><div>第一段文字。</div>\n<div>第二段文字。</div></main></body>",
    );
    expect(divs.blocks).toEqual([
      { kind: "paragraph", text: "第一段文字。" },
      { kind: "paragraph", text: "第二段文字。" },
    ]);
    const article = parseHtml("<body><article><header><h1>Fees</h1></header><p>Due in May.</p></article></body>");
    expect(article.blocks[0]).toEqual({ kind: "heading", level: 1, text: "Fees" });
  });

  it("shows markup inside text as text, never as a tag", () => {
    const parsed = parseHtml("<main><p>Type &lt;script&gt;alert(1)&lt;/script&gt; to test.</p></main>");
    expect(parsed.blocks).toEqual([{ kind: "paragraph", text: "Type <script>alert(1)</script> to test." }]);
  });
});

describe("readPageBlocks", () => {
  it("rejoins wrapped lines, without a space between Chinese characters", () => {
    const page =
      "學雜費收費標準\n學生應於開學前繳清學雜費，逾期者須加收滯納金，金額為應繳總額之三分之\n二。\nTuition is due before the term starts and late payment\ncosts extra.";
    expect(readPageBlocks(page, 1).map((block) => blockText(block))).toEqual([
      "學雜費收費標準",
      "學生應於開學前繳清學雜費，逾期者須加收滯納金，金額為應繳總額之三分之二。",
      "Tuition is due before the term starts and late payment costs extra.",
    ]);
  });
});

describe("FAQ sheets", () => {
  it("reads question and answer columns from CSV, with quoting and a byte-order mark", () => {
    const parsed = parseFaqCsv(
      '\uFEFFQuestion,Answer\r\n"How do I reset my password?","Go to id.example.edu, then ""Reset""."\r\n宿舍押金多少?,3000元\r\n',
    );
    expect(parsed.blocks).toEqual([
      { kind: "faq", question: "How do I reset my password?", answer: 'Go to id.example.edu, then "Reset".' },
      { kind: "faq", question: "宿舍押金多少?", answer: "3000元" },
    ]);
  });

  it("rejects a CSV without the two columns", () => {
    expect(() => parseFaqCsv("q,a\nx,y\n")).toThrow(/"question" and "answer"/);
  });

  it("reads JSON as a list or as an object with metadata", () => {
    expect(parseFaqJson('[{"question":"Q?","answer":"A."}]').blocks).toEqual([
      { kind: "faq", question: "Q?", answer: "A." },
    ]);
    const sheet = parseFaqJson(
      JSON.stringify({ title: "住宿FAQ", lang: "zh-Hant", items: [{ question: "Q?", answer: "A." }] }),
    );
    expect(sheet).toMatchObject({ format: "faq", title: "住宿FAQ", lang: "zh-Hant" });
  });

  it("rejects JSON of another shape", () => {
    expect(() => parseFaqJson('{"questions": []}')).toThrow(DocumentParseError);
    expect(() => parseFaqJson("{oops")).toThrow(/invalid JSON/);
  });
});

describe("parsePlainText", () => {
  it("splits paragraphs at blank lines and takes a short first line as the title", () => {
    expect(parsePlainText("Lost and found\r\n\r\nItems are kept 30 days.\n\n\nAsk at the desk.")).toEqual({
      format: "text",
      title: "Lost and found",
      blocks: [
        { kind: "paragraph", text: "Lost and found" },
        { kind: "paragraph", text: "Items are kept 30 days." },
        { kind: "paragraph", text: "Ask at the desk." },
      ],
    });
  });
});

describe("parsePdf limits", () => {
  it("gives up on a PDF that takes longer than its time limit, with parse_timeout", async () => {
    const pages = Array.from({ length: 40 }, (_, page) => `Page ${page + 1}: ${"policy text ".repeat(200)}`);
    const bytes = await makePdf(pages);
    await expect(parsePdf(bytes, { maxPages: 100, timeoutMs: 1 })).rejects.toMatchObject({ code: "parse_timeout" });
    const parsed = await parsePdf(bytes, { maxPages: 100, timeoutMs: 30_000 });
    expect(parsed.blocks.length).toBeGreaterThan(0);
  });
});
