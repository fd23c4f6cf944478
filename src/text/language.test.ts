import { describe, expect, it } from "vitest";
import { detectLanguage, isInAnotherLanguage, isMostlyChinese } from "./language.js";

describe("isMostlyChinese", () => {
  it("reads a text by the script most of its letters are in, not by one name in the other", () => {
    expect(isMostlyChinese("Returns are handled at the 森居 Senju returns desk on 2F.")).toBe(false);
    expect(isMostlyChinese("可以用 LINE Pay 付款嗎")).toBe(true);
    expect(isMostlyChinese("2,000")).toBe(false);
    expect(detectLanguage("寄到马来西亚大概要几天")).toBe("zh-Hans");
    expect(detectLanguage("Japan shipping fee?")).toBe("en");
    expect(detectLanguage("我的訂單 https://track.example.com/parcel/ABCDEFGHIJKLMNOP 到哪了")).toBe("zh-Hant");
    // 台 is also how Traditional writes 臺: a question with 運 in it is Traditional.
    expect(detectLanguage("我住台中 運費多少")).toBe("zh-Hant");
    expect(detectLanguage("我住台中 运费多少")).toBe("zh-Hans");
  });
});

describe("detectLanguage", () => {
  it("takes a message of punctuation alone for the language its punctuation is typed in", () => {
    expect(detectLanguage("？？？")).toBe("zh-Hant");
    expect(detectLanguage("。。。")).toBe("zh-Hant");
    expect(detectLanguage("???")).toBe("en");
    expect(detectLanguage("123?")).toBe("en");
  });
});

describe("isInAnotherLanguage", () => {
  it("tells a question in another language or script from Chinese and English ones", () => {
    for (const other of [
      "도서관은 몇 시에 열어요?",
      "図書館の開館時間は何時ですか？",
      "Thư viện mở cửa lúc mấy giờ?",
      "¿A qué hora abre la biblioteca?",
      "Wann öffnet die Bibliothek?",
      "Где библиотека?",
    ])
      expect(isInAnotherLanguage(other)).toBe(true);
    for (const read of [
      "When does the library open?",
      "What is the fee for a de la Cruz scholarship application?",
      "Is the café open on Sunday?",
      "how long dose internatinal shiping take to singapor",
      "LINE Pay 可以用嗎",
      "寄到马来西亚大概要几天",
      "??",
    ])
      expect(isInAnotherLanguage(read)).toBe(false);
  });
});
