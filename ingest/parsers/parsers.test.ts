import { readFile } from "node:fs/promises";
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

  it("puts hard breaks and nested list items on lines of their own, with their markers, and drops inline HTML", () => {
    const parsed = parseMarkdown("Line one  \nLine two<br>.\n\n- Item one\n  - Sub a\n  - Sub b\n");
    expect(parsed.blocks).toEqual([
      { kind: "paragraph", text: "Line one\nLine two." },
      { kind: "paragraph", text: "- Item one\n- Sub a\n- Sub b" },
    ]);
    // The numbers of a list an item introduces are its steps.
    const steps = parseMarkdown(
      "- 最低應繳金額：計算方式如下：\n  1. 一般消費款的 10%；\n  2. 加上分期付款的當期應繳金額。\n- 其他\n",
    );
    expect(steps.blocks).toEqual([
      {
        kind: "paragraph",
        text: "- 最低應繳金額：計算方式如下：\n1. 一般消費款的 10%；\n2. 加上分期付款的當期應繳金額。\n- 其他",
      },
    ]);
  });

  it("writes each table row on a line of its own with its column names, keeping the table's intro line", () => {
    const parsed = parseMarkdown(`各學院學雜費金額如下：

| 學院 | 學費 | 雜費 | 合計 |
| --- | --- | --- | --- |
| 文學院 | 20,980 | 4,620 | 25,600 |
| 工學院 | 24,310 | | 30,330 |

| Item | Charge |
| --- | --- |
| Room not cleaned | NT$ 500 |
| Key **not** returned | NT$ 300 |
`);
    expect(parsed.blocks).toEqual([
      { kind: "paragraph", text: "各學院學雜費金額如下：" },
      { kind: "table", rows: ["文學院：學費 20,980，雜費 4,620，合計 25,600", "工學院：學費 24,310，合計 30,330"] },
      { kind: "table", rows: ["Room not cleaned: Charge NT$ 500", "Key not returned: Charge NT$ 300"] },
    ]);
  });

  it("reads a table whose header row is blank as rows of a label and its cells", () => {
    const parsed = parseMarkdown("| | |\n| --- | --- |\n| 地址 | 臺北市湖濱路 1 號 |\n| 分機 | 2400 |\n");
    expect(parsed.blocks).toEqual([{ kind: "table", rows: ["地址：臺北市湖濱路 1 號", "分機：2400"] }]);
  });

  it("never runs code in front matter", () => {
    expect(() => parseMarkdown('---js\n{ title: (globalThis.ranCode = true, "x") }\n---\nText.')).toThrow(
      DocumentParseError,
    );
    expect((globalThis as { ranCode?: boolean }).ranCode).toBeUndefined();
  });

  it("reads an unquoted value holding a colon as the text it is, and still refuses YAML it cannot read", () => {
    const titled = parseMarkdown("---\ntitle: Home Fibre Broadband: Plans and prices\nlang: en\n---\nText.");
    expect(titled.title).toBe("Home Fibre Broadband: Plans and prices");
    const commented = parseMarkdown("---\ntitle: Fibre: plans # to be checked\n---\nText.");
    expect(commented.title).toBe("Fibre: plans");
    expect(() => parseMarkdown("---\ntitle: [unclosed: list\n---\nText.")).toThrow(/invalid YAML front matter/);
  });

  it("takes the first heading as the title when the front matter has none", () => {
    expect(parseMarkdown("# Library hours\n\nOpen daily.").title).toBe("Library hours");
  });

  it("rejects front matter with a value of the wrong kind, naming the field", () => {
    expect(() => parseMarkdown("---\nstatus: secret\n---\nText.")).toThrow(DocumentParseError);
    expect(() => parseMarkdown("---\nurl: not a url\n---\nText.")).toThrow(/url/);
  });

  it("holds front matter to an upload's rules: collection, language tag, date, tags and title", () => {
    for (const [field, value] of [
      ["collection", "../../x"],
      ["lang", '"<script>"'],
      ["effective_date", "not-a-date"],
      ["tags", "[a, {x: y}]"],
      ["title", `"${"長".repeat(301)}"`],
    ]) {
      expect(() => parseMarkdown(`---\n${field}: ${value}\n---\nText.`)).toThrow(
        new RegExp(`front matter \\(${field}`),
      );
    }
    expect(() =>
      parseMarkdown(`---\ntags: [${Array.from({ length: 31 }, (_, n) => `t${n}`).join(", ")}]\n---\nText.`),
    ).toThrow(/at most 30 tags/);
    // Numbers are tags too, a date is read as typed, and control and bidi characters leave a title.
    const parsed = parseMarkdown(
      '---\ntitle: "Fees\\u202E\\u0007 2026"\ntags: [2026, fees]\neffective_date: 2026-08-01\n---\nText.',
    );
    expect(parsed).toMatchObject({ title: "Fees 2026", tags: ["2026", "fees"], effectiveDate: "2026-08-01" });
  });

  it("reads tags written on one line, comma-separated, as the upload form takes them", () => {
    expect(parseMarkdown("---\ntags: ARC, 居留證，簽證\n---\nText.").tags).toEqual(["ARC", "居留證", "簽證"]);
    expect(parseMarkdown("---\ntags: fees\n---\nText.").tags).toEqual(["fees"]);
    expect(parseMarkdown("---\ntags: 2026\n---\nText.").tags).toEqual(["2026"]);
    expect(() =>
      parseMarkdown(`---\ntags: ${Array.from({ length: 31 }, (_, n) => `t${n}`).join(", ")}\n---\nText.`),
    ).toThrow(/at most 30 tags/);
  });

  it("refuses front matter whose aliases would expand without end, quickly", () => {
    const lines = ["---", `a0: &a0 [${Array(9).fill('"lol"').join(",")}]`];
    for (let level = 1; level <= 8; level++) {
      lines.push(
        `a${level}: &a${level} [${Array(9)
          .fill(`*a${level - 1}`)
          .join(",")}]`,
      );
    }
    lines.push("tags: *a8", "---", "body");
    const started = performance.now();
    expect(() => parseMarkdown(lines.join("\n"))).toThrow(/invalid YAML front matter/);
    // Not a speed test: 9⁹ tags would take minutes and gigabytes to build.
    expect(performance.now() - started).toBeLessThan(5_000);
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

  it("reads a page's lang as a language tag, or not at all", () => {
    const page = (lang: string) => parseHtml(`<html lang="${lang}"><body><p>Text.</p></body></html>`).lang;
    expect(page("zh_TW")).toBe("zh-TW");
    expect(page("<script>")).toBeUndefined();
  });

  it("names each cell by its <thead> column, leads with a <th scope=row> label and keeps the caption", () => {
    const parsed = parseHtml(`<main><table><caption>開放時間</caption>
      <thead><tr><th>週一至週五</th><th>區域</th><th>週六</th></tr></thead>
      <tbody><tr><td>08:00–22:00</td><th scope="row">總館</th><td>09:00–17:00</td></tr>
      <tr><td>09:00–17:00</td><th scope="row">參考諮詢台</th><td></td></tr></tbody></table></main>`);
    expect(parsed.blocks).toEqual([
      { kind: "paragraph", text: "開放時間" },
      { kind: "table", rows: ["總館：週一至週五 08:00–22:00，週六 09:00–17:00", "參考諮詢台：週一至週五 09:00–17:00"] },
    ]);
  });

  it("takes leading rows of <th> as the header, and repeats a spanning cell under every column and row it covers", () => {
    const parsed = parseHtml(`<main><table>
      <tr><td></td><th colspan="2">Weekend</th></tr>
      <tr><td></td><th>Saturday</th><th>Sunday</th></tr>
      <tr><td>Main library</td><td colspan="2">Closed</td></tr>
      <tr><td rowspan="2">Study room</td><td>Open</td><td>Open</td></tr>
      <tr><td>24 hours</td><td>24 hours</td></tr></table></main>`);
    expect(parsed.blocks).toEqual([
      {
        kind: "table",
        rows: [
          "Main library: Weekend Saturday Closed, Weekend Sunday Closed",
          "Study room: Weekend Saturday Open, Weekend Sunday Open",
          "Study room: Weekend Saturday 24 hours, Weekend Sunday 24 hours",
        ],
      },
    ]);
  });

  it("reads a table of <th> cells only as rows, never as a header with nothing under it", () => {
    const parsed = parseHtml("<main><table><tr><th>Office</th><th>Room S108</th></tr></table></main>");
    expect(parsed.blocks).toEqual([{ kind: "table", rows: ["Office: Room S108"] }]);
  });

  it("writes a page's lists an item a line, numbered when ordered, a nested list on the lines after its item", () => {
    const parsed = parseHtml(
      '<main><ul><li>最低應繳金額：計算方式如下：<ol><li>一般消費款的 10%；</li><li>加上分期。</li></ol></li><li>其他</li></ul><ol start="3"><li>Sign in.</li></ol></main>',
    );
    expect(parsed.blocks).toEqual([
      { kind: "paragraph", text: "- 最低應繳金額：計算方式如下：\n1. 一般消費款的 10%；\n2. 加上分期。\n- 其他" },
      { kind: "paragraph", text: "3. Sign in." },
    ]);
  });

  it("reads a layout table's cells as the page's paragraphs, not as rows", () => {
    const parsed = parseHtml(`<main><table role="presentation"><tr>
      <td><h2>Borrowing</h2><p>Students may borrow 20 books.</p></td><td>Ask at the desk.</td></tr></table>
      <table><tr><td>Home</td><td>Contact</td></tr></table></main>`);
    expect(parsed.blocks).toEqual([
      { kind: "paragraph", text: "Ask at the desk." },
      { kind: "heading", level: 2, text: "Borrowing" },
      { kind: "paragraph", text: "Students may borrow 20 books." },
      { kind: "paragraph", text: "Home" },
      { kind: "paragraph", text: "Contact" },
    ]);
  });

  it("spans no further than the table's own size allows", () => {
    const rows = Array.from({ length: 200 }, () => "<tr><td></td></tr>").join("");
    const parsed = parseHtml(
      `<main><table><tr><th>Name</th><th>Note</th></tr><tr><td>A</td><td rowspan="65534" colspan="1000">${"x".repeat(1000)}</td></tr>${rows}</table></main>`,
    );
    const text = parsed.blocks.map((block) => blockText(block)).join("\n");
    expect(text.length).toBeLessThan(5000);
    expect(text).toContain(`A: Note ${"x".repeat(1000)}`);
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

  it("keeps the page's title heading set in its header above <main>, and drops a header of links", () => {
    const page = parseHtml(
      "<body><header><a href='/'>Home</a></header><header class='page-header'><h1>Campus Services</h1></header>" +
        "<main><h2>Lost and found</h2><p>Items are kept for 30 days.</p></main></body>",
    );
    expect(page.blocks.filter((block) => block.kind === "heading")).toEqual([
      { kind: "heading", level: 1, text: "Campus Services" },
      { kind: "heading", level: 2, text: "Lost and found" },
    ]);
    expect(JSON.stringify(page.blocks)).not.toContain("Home");
    // A page whose <main> holds its own <h1> keeps only that one.
    const own = parseHtml("<body><header><h1>Site</h1></header><main><h1>Fees</h1><p>Due in May.</p></main></body>");
    expect(own.blocks.filter((block) => block.kind === "heading")).toEqual([
      { kind: "heading", level: 1, text: "Fees" },
    ]);
  });

  it("parts the words a line break parts, in paragraphs and table cells", () => {
    const parsed = parseHtml(`<main><p>Senju Logistics Center<br>No. 25, Wuliu Rd.</p>
      <table><tr><th>Desk</th><th>Hours</th></tr><tr><td>Front desk</td><td>Mon–Fri<br/>9:00–18:00</td></tr></table></main>`);
    expect(parsed.blocks[0]).toEqual({ kind: "paragraph", text: "Senju Logistics Center No. 25, Wuliu Rd." });
    expect(JSON.stringify(parsed.blocks[1])).toContain("Mon–Fri 9:00–18:00");
    const divs = parseHtml("<body><div>地址：信義路 1 號<br>電話：02-1234-5678</div></body>");
    expect(divs.blocks).toEqual([
      { kind: "paragraph", text: "地址：信義路 1 號" },
      { kind: "paragraph", text: "電話：02-1234-5678" },
    ]);
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
  it("keeps a table's header with each of its rows, as the sample fee schedule's text comes out", () => {
    const page = [
      "各學院學雜費金額如下。金額單位為新臺幣元（NT$），每學期收費一次。",
      "二、學士班學雜費（每學期）",
      "學院 學費 雜費 合計",
      "文學院 20,980 4,620 25,600",
      "工學院 24,310 6,020 30,330",
      "另每學期須繳交電腦及網路通訊使用費 NT$ 800，以及學生團體平安保險費 NT$ 492（保險費依當年",
      "度招標結果調整）。",
    ].join("\n");
    expect(readPageBlocks(page, 1)).toEqual([
      { kind: "paragraph", text: "各學院學雜費金額如下。金額單位為新臺幣元（NT$），每學期收費一次。", page: 1 },
      { kind: "heading", level: 2, text: "二、學士班學雜費（每學期）" },
      {
        kind: "table",
        rows: ["文學院：學費 20,980，雜費 4,620，合計 25,600", "工學院：學費 24,310，雜費 6,020，合計 30,330"],
        page: 1,
      },
      {
        kind: "paragraph",
        text: "另每學期須繳交電腦及網路通訊使用費 NT$ 800，以及學生團體平安保險費 NT$ 492（保險費依當年度招標結果調整）。",
        page: 1,
      },
    ]);
  });

  it("never takes prose for a table, even short lines with numbers in the same place", () => {
    const page = [
      "Quiet hours",
      "Quiet hours are from 23:00 to 07:00 every day. During the two weeks before final exams, quiet",
      "hours start at 22:00. Please keep music, calls and games at a volume that cannot be heard",
      "Opening times change",
      "from 08:00 weekdays",
      "until 22:00 weekdays",
      "Room S108",
      "Extension 2260",
      "Fax 2261",
      "臺北湖濱大學 總務處出納組",
      "研究生 每學分 1,980 元，",
      "大學部 每學分 1,450 元。",
    ].join("\n");
    expect(readPageBlocks(page, 1).some((block) => block.kind === "table")).toBe(false);
  });

  it("reads a short line that ends no sentence, followed by its text, as a heading", () => {
    const page = [
      "Quiet hours",
      "Quiet hours are from 23:00 to 07:00 every day.",
      "四、不收的品項",
      "以下物品清潔隊不予清運：",
      "• 冰箱、冷氣機等廢家電",
      "請交給販賣業者回收。",
      "椅子 100 元",
      "修剪的樹枝 免費",
      "清運費可以在預約時線上刷卡。",
      "Pets are not allowed",
      "Guide dogs are welcome.",
      "3. Guests",
      "Visitors may meet you in the ground-floor lounge between 09:00 and 22:00.",
      "1. Download the client",
      "2. Sign in",
      "Sessions end after 8 hours and must be started again.",
      "Contact us",
      "Room S108",
    ].join("\n");
    const headings = readPageBlocks(page, 1).filter((block) => block.kind === "heading");
    // Not a bulleted item, a row of values (with or without its unit), a statement no shorter than
    // what follows it, a step after another step, nor a line followed by nothing that says anything.
    expect(headings.map((block) => blockText(block))).toEqual(["Quiet hours", "四、不收的品項", "3. Guests"]);
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

  it("holds a JSON sheet's fields to an upload's rules, naming the field", () => {
    const sheet = (fields: object) => JSON.stringify({ ...fields, items: [{ question: "Q?", answer: "A." }] });
    expect(() => parseFaqJson(sheet({ collection: "a b/c" }))).toThrow(/fields \(collection: /);
    expect(() => parseFaqJson(sheet({ lang: "<script>" }))).toThrow(/fields \(lang: /);
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
        { kind: "heading", level: 1, text: "Lost and found" },
        { kind: "paragraph", text: "Items are kept 30 days." },
        { kind: "paragraph", text: "Ask at the desk." },
      ],
    });
  });

  it("joins the lines a text file wraps at a fixed width, not its list items or rows of columns", () => {
    const notice = [
      "CARD NOTICE",
      "",
      "You are welcome to apply for a card again at any time. However,",
      "new-cardholder welcome offers (such as first-year fee waivers or sign-up",
      "gifts) are not available to anyone who has cancelled a card in the",
      "past 12 months.",
      "",
      "Fees that still apply after you cancel your card with us this year:",
      "- Statement copies requested by post, for each statement month listed",
      "- Certificates of settlement",
      "Certificate of settlement      NT$100 for each copy sent by post",
      "replacement copies by e-mail   free of charge for all cardholders",
    ].join("\n");
    expect(parsePlainText(notice).blocks.slice(1).map(blockText)).toEqual([
      "You are welcome to apply for a card again at any time. However, new-cardholder welcome offers (such as first-year fee waivers or sign-up gifts) are not available to anyone who has cancelled a card in the past 12 months.",
      "Fees that still apply after you cancel your card with us this year:\n- Statement copies requested by post, for each statement month listed\n- Certificates of settlement\nCertificate of settlement      NT$100 for each copy sent by post\nreplacement copies by e-mail   free of charge for all cardholders",
    ]);
  });

  it("joins a Chinese sentence a text file wraps, whatever the next line opens with, not a short line or one ending a sentence", () => {
    const notice = [
      "停車場收費調整公告",
      "",
      "主旨：自明年1月起地下停車場改採車牌辨識計費，不再發放紙本票卡，請",
      "來館民眾配合辦理。",
      "",
      "一、汽車每小時收費由新臺幣30元調整為40元，機車每次收費維持，每次",
      "NT$20。當日最高收費不超過新臺幣300元，月租車位另依契約辦理。",
      "二、身心障礙者停車免費，請於出場時出示身心障礙證明。",
      "三、洽詢電話：",
      "(02) 2345-6789",
    ].join("\n");
    expect(parsePlainText(notice).blocks.slice(1).map(blockText)).toEqual([
      "主旨：自明年1月起地下停車場改採車牌辨識計費，不再發放紙本票卡，請來館民眾配合辦理。",
      "一、汽車每小時收費由新臺幣30元調整為40元，機車每次收費維持，每次 NT$20。當日最高收費不超過新臺幣300元，月租車位另依契約辦理。\n二、身心障礙者停車免費，請於出場時出示身心障礙證明。\n三、洽詢電話：\n(02) 2345-6789",
    ]);
  });

  it("joins a date a notice wraps between its year and its month", () => {
    const notice = [
      "北河市立圖書館　公告",
      "",
      "一、閉館期間總館各樓層暫停開放，總館還書箱同步暫停使用，分館照常",
      "　　開放。",
      "二、閉館期間到期之借閱資料，到期日將自動延長至114",
      "　　年3月16日，不計逾期罰款，讀者無須另行辦理續借。",
    ].join("\n");
    expect(parsePlainText(notice).blocks.slice(1).map(blockText)).toEqual([
      "一、閉館期間總館各樓層暫停開放，總館還書箱同步暫停使用，分館照常開放。\n二、閉館期間到期之借閱資料，到期日將自動延長至114年3月16日，不計逾期罰款，讀者無須另行辦理續借。",
    ]);
  });

  it("titles an official notice by its subject, without the request it closes on", () => {
    const notice = (subject: string[]) =>
      ["東岸大學　公告", "", "發文日期：中華民國114年9月1日", "", ...subject, "", "說明：", "一、依據要點辦理。"].join(
        "\n",
      );
    expect(parsePlainText(notice(["主旨：公告本校研究生獎助學金申請事宜，請", "　　　查照。"])).title).toBe(
      "公告本校研究生獎助學金申請事宜",
    );
    expect(parsePlainText(notice(["主　旨：本區犬貓狂犬病預防注射巡迴施打日程，請飼主踴躍參加。"])).title).toBe(
      "本區犬貓狂犬病預防注射巡迴施打日程",
    );
    // Without a subject, or with one too long for a title, the first line is the title.
    expect(parsePlainText(notice([])).title).toBe("東岸大學　公告");
    expect(parsePlainText(notice([`主旨：${"說明".repeat(50)}。`])).title).toBe("東岸大學　公告");
  });

  it("leaves a Chinese line alone when the next opens an item or a field, or it stops short of the width", () => {
    const notice = [
      "雲嶺國家公園管理處公告",
      "",
      "一、本公告適用於本處轄區內所有登山步道、露營區及山屋之相關規定事項",
      "二、山屋床位自明年起改採每月抽籤方式辦理，請登山民眾配合相關作業",
      "",
      "地址：南投縣仁愛鄉雲嶺路一段一百號管理處一樓遊客服務中心服務櫃檯",
      "電話：(049)270-1234",
      "",
      "停車場收費調整公告，自明年一月起實施，汽車每小時收費調整為四十元",
      "機車維持",
    ].join("\n");
    expect(parsePlainText(notice).blocks.slice(1).map(blockText)).toEqual([
      "一、本公告適用於本處轄區內所有登山步道、露營區及山屋之相關規定事項\n二、山屋床位自明年起改採每月抽籤方式辦理，請登山民眾配合相關作業",
      "地址：南投縣仁愛鄉雲嶺路一段一百號管理處一樓遊客服務中心服務櫃檯\n電話：(049)270-1234",
      "停車場收費調整公告，自明年一月起實施，汽車每小時收費調整為四十元機車維持",
    ]);
  });

  it("joins a notice wrapped at a count of characters, with its items' indentation, past a time and a comma", () => {
    // Wrapped at 32 characters with half-width digits: by width, the lines rich in digits stop short.
    const notice = [
      "書森文創公司　公告",
      "",
      "主旨：本公司退貨物流中心自114年6月1日起遷移至新址，消費者自",
      "　　　行寄回退貨商品時，請改寄新地址，請查照。",
      "三、過渡期間安排：",
      "　（一）114年5月20日至5月31日間寄至舊址之包裹，由本公司",
      "　　　　統一轉運至新址，惟退款作業可能延後5個工作天。",
      "　（二）初一至初三（1月29日至1月31日）：捷運首班車延後",
      "　　　　至07:00，末班車維持24:00；市區公車依假日班表行駛",
      "四、春節期間客服專線服務時間調整為每日09:00至18:00，",
      "　　除夕當日服務至15:00止，初一至初三暫停電話服務。",
    ].join("\n");
    expect(parsePlainText(notice).blocks.slice(1).map(blockText)).toEqual([
      [
        "主旨：本公司退貨物流中心自114年6月1日起遷移至新址，消費者自行寄回退貨商品時，請改寄新地址，請查照。",
        "三、過渡期間安排：",
        "（一）114年5月20日至5月31日間寄至舊址之包裹，由本公司統一轉運至新址，惟退款作業可能延後5個工作天。",
        "（二）初一至初三（1月29日至1月31日）：捷運首班車延後至07:00，末班車維持24:00；市區公車依假日班表行駛",
        "四、春節期間客服專線服務時間調整為每日09:00至18:00，除夕當日服務至15:00止，初一至初三暫停電話服務。",
      ].join("\n"),
    ]);
  });

  it("leaves a line pushed far right, and a numbered field, on a line of its own", () => {
    const notice = [
      "圖書館公告",
      "",
      "一、本館自下月起調整週末開放時間，週六改為上午九時至下午五時，週日休館",
      "附件2：開放時間調整對照表，請至服務台索取紙本或於官網下載電子檔。",
      "                              國立中央圖書館閱覽組",
      "                              服務台分機二三四",
    ].join("\n");
    expect(parsePlainText(notice).blocks.slice(1).map(blockText)).toEqual([
      [
        "一、本館自下月起調整週末開放時間，週六改為上午九時至下午五時，週日休館",
        "附件2：開放時間調整對照表，請至服務台索取紙本或於官網下載電子檔。",
        "國立中央圖書館閱覽組",
        "服務台分機二三四",
      ].join("\n"),
    ]);
  });

  it("keeps a first line that ends a sentence, or runs on, as text", () => {
    expect(parsePlainText("Items are kept 30 days.\n\nAsk at the desk.").blocks[0]).toEqual({
      kind: "paragraph",
      text: "Items are kept 30 days.",
    });
    expect(parsePlainText("The desk keeps what is found\nfor 30 days.").blocks).toEqual([
      { kind: "paragraph", text: "The desk keeps what is found\nfor 30 days." },
    ]);
    // A line with a figure or a label and its value says something: it is no section's name.
    for (const text of ["客服專線 0800-123-456\n服務時間 09:00-18:00", "地點：一樓大廳\n請排隊等候。"]) {
      expect(parsePlainText(`說明\n\n${text}`).blocks[1]).toEqual({ kind: "paragraph", text });
    }
  });

  it("reads a short first line as a section's name only before the longer text or the list it names", () => {
    expect(parsePlainText("Lost and found\nItems are kept 30 days.").blocks).toEqual([
      { kind: "heading", level: 1, text: "Lost and found" },
      { kind: "paragraph", text: "Items are kept 30 days." },
    ]);
    expect(parsePlainText("說明\n\n一、置物櫃\n1. 位置：B1 大廳東側。\n2. 尺寸：小型櫃 180 格。").blocks[1]).toEqual({
      kind: "heading",
      level: 2,
      text: "一、置物櫃",
    });
    // A statement followed by one no longer, list items, a name and its role are text.
    for (const text of [
      "本館週一休館\n其餘時間照常開放",
      "- 攜帶身分證\n- 照片一張",
      "City Library\nCustomer Service Team",
    ]) {
      expect(parsePlainText(`說明\n\n${text}`).blocks[1]).toEqual({ kind: "paragraph", text });
    }
    expect(parsePlainText("John Smith\nLibrarian").blocks).toEqual([
      { kind: "paragraph", text: "John Smith\nLibrarian" },
    ]);
  });

  it.each([
    {
      page:
        "康澄醫院 探病規定\n網址：https://hospital.example/visiting\n更新日期：2024 年 9 月 1 日\n\n" +
        "一、一般病房探病時間\n每日 10:00–12:00 及 17:00–20:30。\n每床最多 2 位訪客。\n\nOpening hours\nMonday to Friday, 9:00 to 17:00.",
      url: "https://hospital.example/visiting",
      blocks: [
        { kind: "heading", level: 1, text: "康澄醫院 探病規定" },
        { kind: "paragraph", text: "更新日期：2024 年 9 月 1 日" },
        { kind: "heading", level: 2, text: "一、一般病房探病時間" },
        { kind: "paragraph", text: "每日 10:00–12:00 及 17:00–20:30。\n每床最多 2 位訪客。" },
        { kind: "heading", level: 2, text: "Opening hours" },
        { kind: "paragraph", text: "Monday to Friday, 9:00 to 17:00." },
      ],
    },
    {
      // The address after the site's name, a line standing alone as a section's name, and a last line heading nothing.
      page:
        "Kangcheng Community Hospital - Health Check-up Packages\nCustomer Service | https://hospital.example/en/checkup\n" +
        "Last updated: 1 August 2024\n\nWHO PAYS A DEPOSIT\n\nNew customers pay a deposit of NT$ 1,000.\n\nCall us any time",
      url: "https://hospital.example/en/checkup",
      blocks: [
        { kind: "heading", level: 1, text: "Kangcheng Community Hospital - Health Check-up Packages" },
        { kind: "paragraph", text: "Last updated: 1 August 2024" },
        { kind: "heading", level: 2, text: "WHO PAYS A DEPOSIT" },
        { kind: "paragraph", text: "New customers pay a deposit of NT$ 1,000." },
        { kind: "paragraph", text: "Call us any time" },
      ],
    },
  ])(
    "reads a section's short name as its heading, and the address under a title as the page's (%#)",
    ({ page, url, blocks }) => {
      const [title] = page.split("\n");
      expect(parsePlainText(page)).toEqual({ format: "text", title, url, blocks });
      expect(parsePlainText("Lockers\nhttps://museum.example/lockers\n\nLockers are free.").url).toBe(
        "https://museum.example/lockers",
      );
    },
  );

  it("reads the name a numbered clause opens on as the heading of its text, under the document's own headings", () => {
    const notice = "票務規定\n\n一、同站進出。若 20 分鐘內出站，收取基本票價。\n\n（二）逾時乘車。上限為 2 小時。";
    expect(parsePlainText(notice).blocks).toEqual([
      { kind: "heading", level: 1, text: "票務規定" },
      { kind: "heading", level: 7, text: "一、同站進出" },
      { kind: "paragraph", text: "若 20 分鐘內出站，收取基本票價。" },
      { kind: "heading", level: 7, text: "（二）逾時乘車" },
      { kind: "paragraph", text: "上限為 2 小時。" },
    ]);
    // A clause that opens on a statement or a rule, or is only its name, is text.
    for (const text of [
      "一、旅客進站後，於 20 分鐘內出站者，收取基本票價。",
      "一、同站進出。",
      "（一）押金不予退還。但因不可抗力者不在此限。",
      "三、逾期不予受理。申請人應於期限內補件。",
      "第一條 本辦法依大學法訂定之。本辦法自公布日施行。",
      "一、退費？可以。",
    ])
      expect(parsePlainText(`票務規定\n\n${text}`).blocks[1]).toEqual({ kind: "paragraph", text });
    expect(parseMarkdown("## 票價\n\n一、同站進出。收取基本票價。").blocks.map((block) => block.kind)).toEqual([
      "heading",
      "heading",
      "paragraph",
    ]);
  });
});

describe("parsePdf", () => {
  it("gives up on a PDF that takes longer than its time limit, with parse_timeout", async () => {
    const pages = Array.from({ length: 40 }, (_, page) => `Page ${page + 1}: ${"policy text ".repeat(200)}`);
    const bytes = await makePdf(pages);
    await expect(parsePdf(bytes, { maxPages: 100, timeoutMs: 1 })).rejects.toMatchObject({ code: "parse_timeout" });
    const parsed = await parsePdf(bytes, { maxPages: 100, timeoutMs: 30_000 });
    expect(parsed.blocks.length).toBeGreaterThan(0);
  });

  it("finds a table in a real PDF and renders its rows with their column names", async () => {
    const bytes = await makePdf([
      "Laundry prices per hall are listed below.\nHall Wash Dry\nLakeview 20 10\nPine 25 15\nMachines take your student ID card.",
    ]);
    const parsed = await parsePdf(bytes, { maxPages: 10, timeoutMs: 30_000 });
    expect(parsed.blocks.map((block) => blockText(block))).toEqual([
      "Laundry prices per hall are listed below.",
      "Lakeview: Wash 20, Dry 10\nPine: Wash 25, Dry 15",
      "Machines take your student ID card.",
    ]);
  });

  it("reads the sample fee schedule's tables with their column names in every row", async () => {
    const bytes = new Uint8Array(
      await readFile(new URL("../../knowledge/tuition/fee-schedule-2026.pdf", import.meta.url)),
    );
    const parsed = await parsePdf(bytes, { maxPages: 10, timeoutMs: 30_000 });
    const tables = parsed.blocks.filter((block) => block.kind === "table");
    expect(tables.map((table) => table.page)).toEqual([1, 2]);
    expect(tables[0]?.rows).toContain("工學院：學費 24,310，雜費 6,020，合計 30,330");
    expect(tables[1]?.rows).toContain("理學院、工學院、電機資訊學院、設計學院：學雜費基數 13,940，每學分學分費 1,980");
  });
});
