import { describe, expect, it } from "vitest";
import { detectLanguage, isMostlyChinese } from "./language.js";

describe("isMostlyChinese", () => {
  it("reads a text by the script most of its letters are in, not by one name in the other", () => {
    expect(isMostlyChinese("Returns are handled at the 森居 Senju returns desk on 2F.")).toBe(false);
    expect(isMostlyChinese("可以用 LINE Pay 付款嗎")).toBe(true);
    expect(isMostlyChinese("2,000")).toBe(false);
    expect(detectLanguage("寄到马来西亚大概要几天")).toBe("zh-Hans");
    expect(detectLanguage("Japan shipping fee?")).toBe("en");
  });
});
