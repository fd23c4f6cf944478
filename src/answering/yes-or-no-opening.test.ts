import { describe, expect, it } from "vitest";
import { afterYesOrNoOpening } from "./yes-or-no-opening.js";

const rest = (text: string) => text.slice(afterYesOrNoOpening(text));

describe("afterYesOrNoOpening", () => {
  it("leaves out an English yes or no that opens a curated answer", () => {
    expect(rest("Yes. We ship to Hong Kong and Japan.")).toBe("We ship to Hong Kong and Japan.");
    expect(rest("No, guest checkout is not available.")).toBe("guest checkout is not available.");
    expect(rest("Yes, we do. Returns are free within 7 days.")).toBe("Returns are free within 7 days.");
    expect(rest("No, it isn't. Parking costs NT$ 30 an hour.")).toBe("Parking costs NT$ 30 an hour.");
  });

  it("leaves out a Chinese yes or no set off by punctuation", () => {
    expect(rest("可以。國際訂單同樣享有 7 天鑑賞期。")).toBe("國際訂單同樣享有 7 天鑑賞期。");
    expect(rest("不行，已成立的訂單無法合併。")).toBe("已成立的訂單無法合併。");
  });

  it("keeps words that only begin like a yes or no", () => {
    for (const text of [
      "可以自行下載列印。",
      "Nobody needs to register.",
      "Yesterday's orders ship today.",
      "有效期限為一年。",
    ]) {
      expect(rest(text)).toBe(text);
    }
  });

  it("keeps a yes or no that the rest of its sentence qualifies", () => {
    for (const text of ["可以，但必須在12月15日前登記。", "No, but you can pick it up at the office."]) {
      expect(rest(text)).toBe(text);
    }
  });

  it("keeps an answer that is nothing but its yes or no", () => {
    expect(rest("Yes.")).toBe("Yes.");
    expect(rest("可以。")).toBe("可以。");
  });
});
