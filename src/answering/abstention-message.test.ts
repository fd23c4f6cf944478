import { describe, expect, it } from "vitest";
import { detectLanguage } from "../text/language.js";
import { abstentionMessage } from "./abstention-message.js";

const contactLines = { zh: "請洽教務處。", en: "Ask the Registrar." };

describe("abstentionMessage", () => {
  it("answers in the question's language and script, with the contact line", () => {
    expect(abstentionMessage(detectLanguage("宿舍可以養貓嗎？"), contactLines)).toMatch(/沒有涵蓋.*請洽教務處。$/);
    expect(abstentionMessage(detectLanguage("宿舍可以养猫吗？"), contactLines)).toMatch(/没有涵盖.*请洽教务处。$/);
    expect(abstentionMessage(detectLanguage("Can I keep a cat?"), contactLines)).toMatch(
      /do not cover.*Ask the Registrar\.$/,
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
});
