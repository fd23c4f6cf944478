import { describe, expect, it } from "vitest";
import { detectLanguage } from "../text/language.js";
import { abstentionMessage } from "./abstention-message.js";

const contactLines = { zh: "請洽教務處。", en: "Ask the Registrar." };

describe("abstentionMessage", () => {
  it("answers in the question's language and script, with the contact line", () => {
    expect(abstentionMessage("宿舍可以養貓嗎？", contactLines)).toMatch(/沒有涵蓋.*請洽教務處。$/);
    expect(abstentionMessage("宿舍可以养猫吗？", contactLines)).toMatch(/没有涵盖.*请洽教务处。$/);
    expect(abstentionMessage("Can I keep a cat?", contactLines)).toMatch(/do not cover.*Ask the Registrar\.$/);
  });

  it("introduces the related topics offered with it, in the question's language, after where to ask", () => {
    expect(abstentionMessage("Can I keep a cat?", contactLines, "asker", true)).toMatch(
      /Ask the Registrar\. These topics in the documents may be related:$/,
    );
    expect(abstentionMessage("宿舍可以养猫吗？", contactLines, "asker", true)).toMatch(
      /请洽教务处。文件中以下主题可能与您的问题有关：$/,
    );
    expect(abstentionMessage("Can I keep a cat?", contactLines, "staff", true)).toMatch(
      /Related topics in the documents:$/,
    );
  });
});

describe("detectLanguage", () => {
  it("tells Traditional, Simplified and English apart", () => {
    expect(detectLanguage("加退選的截止日期")).toBe("zh-Hant");
    expect(detectLanguage("加退选的截止日期")).toBe("zh-Hans");
    expect(detectLanguage("When is the add/drop deadline?")).toBe("en");
    expect(detectLanguage("LakeLink 怎麼登入")).toBe("zh-Hant");
  });

  it("tells a question in another language which languages it reads, in both, with both contact lines", () => {
    for (const question of [
      "도서관은 몇 시에 열어요?",
      "図書館は何時に開きますか？",
      "¿A qué hora abre la biblioteca?",
    ]) {
      const message = abstentionMessage(question, contactLines);
      expect(message).toMatch(/only read questions in Chinese or English.*中文或英文/);
      expect(message).toContain("Ask the Registrar.");
      expect(message).toContain("請洽教務處。");
      expect(message).not.toMatch(/do not cover/);
    }
    expect(abstentionMessage("¿A qué hora abre la biblioteca?", contactLines, "staff")).toMatch(
      /^No draft: this message/,
    );
  });
});
