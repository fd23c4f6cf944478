import { describe, expect, it } from "vitest";
import { chunkDocument } from "./chunk-document.js";
import type { DocumentBlock } from "./parsed-document.js";

describe("chunkDocument", () => {
  const blocks: DocumentBlock[] = [
    { kind: "heading", level: 1, text: "轉系辦法" },
    { kind: "paragraph", text: "第一條 本辦法依學則訂定。" },
    { kind: "heading", level: 2, text: "申請資格" },
    { kind: "paragraph", text: "修業滿一學年者得申請轉系。" },
    { kind: "paragraph", text: "轉系以一次為限。" },
    { kind: "heading", level: 2, text: "申請期間" },
    { kind: "paragraph", text: "每年3月1日至3月15日。" },
  ];

  it("starts a chunk at each heading and keeps the heading path", () => {
    const { chunks } = chunkDocument("registrar/change-of-major.md", blocks, { maxChars: 200 });
    expect(chunks.map((chunk) => chunk.headingPath)).toEqual([
      ["轉系辦法"],
      ["轉系辦法", "申請資格"],
      ["轉系辦法", "申請期間"],
    ]);
    expect(chunks[1]?.text).toBe("修業滿一學年者得申請轉系。\n\n轉系以一次為限。");
    expect(chunks.map((chunk) => chunk.chunkId)).toEqual([
      "registrar/change-of-major.md#0",
      "registrar/change-of-major.md#1",
      "registrar/change-of-major.md#2",
    ]);
  });

  it("makes every chunk a verbatim slice of the document text", () => {
    const { text, chunks } = chunkDocument("doc.md", blocks, { maxChars: 200 });
    for (const chunk of chunks) expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
  });

  it("packs a long paragraph by sentences within the size limit", () => {
    const sentence = "這是一個測試用的句子，內容不長。";
    const paragraph = sentence.repeat(10);
    const { chunks } = chunkDocument("long.md", [{ kind: "paragraph", text: paragraph }], { maxChars: 50 });
    expect(chunks.map((chunk) => chunk.text.length)).toEqual([48, 48, 48, 16]);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(50);
    expect(chunks.map((chunk) => chunk.text).join("")).toBe(paragraph);
  });

  it("keeps a paragraph ending in a colon with the list it introduces", () => {
    const intro = "申請轉系之學生，應符合下列條件之一：";
    const list = "- 前一學年學業成績平均達70分以上。\n- 前一學年成績排名前百分之四十。";
    const { chunks } = chunkDocument(
      "major.md",
      [
        { kind: "paragraph", text: intro },
        { kind: "paragraph", text: list },
      ],
      { maxChars: 45 },
    );
    expect(chunks.map((chunk) => chunk.text)).toEqual([`${intro}\n\n${list}`]);
  });

  it("cuts a sentence longer than a chunk after a clause mark", () => {
    const row = "工學院 24,310，".repeat(30); // a flattened table: one 360-character "sentence"
    const { chunks } = chunkDocument("fees.pdf", [{ kind: "paragraph", text: row }], { maxChars: 100 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(100);
      expect(chunk.text.endsWith("，") || chunk === chunks.at(-1)).toBe(true);
    }
    expect(chunks.map((chunk) => chunk.text).join("")).toBe(row);
  });

  it("cuts a long table between its rows, so every chunk's rows still name their columns", () => {
    const rows = ["文學院", "管理學院", "理學院", "工學院", "電機資訊學院", "設計學院"].map(
      (college) => `${college}：學費 24,310，雜費 6,020，合計 30,330`,
    );
    const { text, chunks } = chunkDocument(
      "fees.pdf",
      [
        { kind: "paragraph", text: "各學院學雜費金額如下。", page: 1 },
        { kind: "table", rows, page: 1 },
      ],
      { maxChars: 70 },
    );
    expect(chunks.length).toBeGreaterThan(2);
    const quotedRows = chunks.flatMap((chunk) => chunk.text.split("\n")).filter((line) => line.includes("："));
    expect(quotedRows).toEqual(rows);
    for (const chunk of chunks) expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
  });

  it("cuts a list between its items, and keeps a numbered list together up to twice a chunk", () => {
    const bullets = [
      "- A session ends after 8 hours. Just reconnect.",
      "- Each account has 2 connections.",
      "- Only campus traffic goes through.",
    ];
    const steps = [
      "1. Download the client. It is free.",
      "2. Enter the server address.",
      "3. Sign in. MFA is required for every connection.",
    ];
    const { chunks } = chunkDocument(
      "vpn.md",
      [
        { kind: "paragraph", text: bullets.join("\n") },
        { kind: "heading", level: 2, text: "Setting it up" },
        { kind: "paragraph", text: steps.join("\n") },
      ],
      { maxChars: 60 },
    );
    const bulletChunks = chunks.filter((chunk) => chunk.headingPath.length === 0);
    // No item is split, and no chunk starts inside one.
    expect(bulletChunks.map((chunk) => chunk.text)).toEqual(bullets);
    const stepChunks = chunks.filter((chunk) => chunk.headingPath.includes("Setting it up"));
    expect(stepChunks.flatMap((chunk) => chunk.text.split("\n"))).toEqual(steps);
    expect(stepChunks.length).toBeLessThan(steps.length);
  });

  it("keeps pages apart and records the page", () => {
    const { chunks } = chunkDocument(
      "fees.pdf",
      [
        { kind: "paragraph", text: "Page one text.", page: 1 },
        { kind: "paragraph", text: "Page two text.", page: 2 },
      ],
      { maxChars: 500 },
    );
    expect(chunks.map((chunk) => chunk.page)).toEqual([1, 2]);
  });

  it("makes each FAQ pair its own chunk whose text is the answer", () => {
    const { text, chunks } = chunkDocument(
      "faq.csv",
      [
        { kind: "faq", question: "宿舍押金多少?", answer: "押金為新臺幣5,000元。" },
        { kind: "faq", question: "Can I stay in summer?", answer: "Yes, apply by June 1." },
      ],
      { maxChars: 500 },
    );
    expect(chunks.map((chunk) => [chunk.faqQuestion, chunk.text])).toEqual([
      ["宿舍押金多少?", "押金為新臺幣5,000元。"],
      ["Can I stay in summer?", "Yes, apply by June 1."],
    ]);
    for (const chunk of chunks) expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
  });
});
