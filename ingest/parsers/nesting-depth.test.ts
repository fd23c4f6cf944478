import { describe, expect, it } from "vitest";
import { parseHtml } from "./html.js";
import { parseMarkdown } from "./markdown.js";
import { MAX_HTML_NESTING, MAX_MARKDOWN_NESTING } from "./nesting-depth.js";

const tooDeeplyNested = { code: "too_deeply_nested" };

describe("Markdown nested too deeply is refused before it is parsed", () => {
  it("refuses a list nested 3,000 deep", () => {
    const list = Array.from({ length: 3000 }, (_, level) => `${"  ".repeat(level)}- item ${level}`).join("\n");
    expect(() => parseMarkdown(list)).toThrow(expect.objectContaining(tooDeeplyNested));
  });

  it("refuses blockquotes nested 20,000 deep", () => {
    expect(() => parseMarkdown(`${">".repeat(20_000)} deep`)).toThrow(expect.objectContaining(tooDeeplyNested));
  });

  it("refuses 200,000 nested brackets", () => {
    const brackets = `${"[".repeat(100_000)}x${"]".repeat(100_000)}`;
    expect(() => parseMarkdown(brackets)).toThrow(expect.objectContaining(tooDeeplyNested));
  });

  it("reads ordinary nesting, brackets in separate paragraphs and thematic breaks", () => {
    const nested = Array.from({ length: 8 }, (_, level) => `${"    ".repeat(level)}- level ${level}`).join("\n");
    const brackets = Array.from(
      { length: MAX_MARKDOWN_NESTING + 5 },
      () => "See [the form](https://a.example) [1].",
    ).join("\n\n");
    const breaks = `${"- ".repeat(60)}\n\n> > > quoted`;
    const parsed = parseMarkdown(`${nested}\n\n${brackets}\n\n${breaks}`);
    expect(parsed.blocks[0]).toMatchObject({ kind: "paragraph", text: expect.stringContaining("level 7") });
    expect(parsed.blocks.at(-1)).toMatchObject({ kind: "paragraph", text: "quoted" });
  });
});

describe("HTML nested too deeply is refused before it is parsed", () => {
  it("refuses blockquotes nested 20,000 deep", () => {
    const html = `<body>${"<blockquote>".repeat(20_000)}deep`;
    expect(() => parseHtml(html)).toThrow(expect.objectContaining(tooDeeplyNested));
  });

  it("refuses 20,000 paragraphs in nested divs", () => {
    const html = `<body>${"<div><p>x</p>".repeat(20_000)}${"</div>".repeat(20_000)}</body>`;
    expect(() => parseHtml(html)).toThrow(expect.objectContaining(tooDeeplyNested));
  });

  it("reads pages whose end tags are left out or stray", () => {
    const items = "<li>an item".repeat(MAX_HTML_NESTING + 10);
    const stray = "</span>".repeat(MAX_HTML_NESTING + 10);
    const parsed = parseHtml(`<body>${stray}<div><div><p>Opening hours<ul>${items}</ul></div></div></body>`);
    expect(parsed.blocks.map((block) => block.kind)).toEqual(["paragraph", "paragraph"]);
  });
});
