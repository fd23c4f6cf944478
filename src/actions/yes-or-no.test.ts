import { describe, expect, it } from "vitest";
import { answersNo, answersYes } from "./yes-or-no.js";

describe("answersYes and answersNo", () => {
  it("hear a plain yes or no in either language", () => {
    for (const yes of ["確定", "好", "好的，謝謝", "是的！", "Yes", "ok.", "go ahead", "yes please"])
      expect(answersYes(yes)).toBe(true);
    for (const no of ["取消", "不要", "算了。", "No", "cancel", "not now"]) expect(answersNo(no)).toBe(true);
  });

  it("hear neither in a message that says more", () => {
    for (const more of [
      "好，那宿舍呢？",
      "yes but which book?",
      "確定要續借嗎",
      "不要續借 L0012345，改續借 L0098765",
      "好奇問一下",
    ]) {
      expect(answersYes(more)).toBe(false);
      expect(answersNo(more)).toBe(false);
    }
  });
});
