import { describe, expect, it } from "vitest";
import { sourceLanguageNote, withSourceLanguageNote } from "./source-language-note.js";

describe("sourceLanguageNote", () => {
  it("says, in the question's language, that the quote is in the other language", () => {
    expect(sourceLanguageNote("community centre hall deposit", "保證金 2,000 元[1]")).toMatch(/source is in Chinese/);
    expect(sourceLanguageNote("區公所的 wifi 叫什麼", 'There is free Wi-Fi ("Gangbei-Free").[1]')).toBe(
      "（資料來源為英文，照原文引用。）",
    );
    expect(sourceLanguageNote("区公所的wifi叫什么", "There is free Wi-Fi.[1]")).toBe(
      "（资料来源为英文，照原文引用。）",
    );
  });

  it("says nothing when both are in one language, whatever the script", () => {
    expect(sourceLanguageNote("押金多少", "保證金 2,000 元[1]")).toBeUndefined();
    expect(sourceLanguageNote("押金多少", "押金 2,000 元[1]")).toBeUndefined();
    expect(withSourceLanguageNote("how much is the deposit", "The deposit is NT$ 2,000.[1]")).toBe(
      "The deposit is NT$ 2,000.[1]",
    );
  });
});
