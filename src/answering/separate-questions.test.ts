import { describe, expect, it } from "vitest";
import { separateQuestions } from "./separate-questions.js";

describe("separateQuestions", () => {
  it("separates the questions of a message that asks several, in either language", () => {
    expect(separateQuestions("運費多少？可以寄到日本嗎？")).toEqual(["運費多少？", "可以寄到日本嗎？"]);
    expect(separateQuestions("How much is shipping? Do you ship to Japan?")).toEqual([
      "How much is shipping?",
      "Do you ship to Japan?",
    ]);
    expect(separateQuestions("學費怎麼繳\n宿舍幾點關門")).toEqual(["學費怎麼繳", "宿舍幾點關門"]);
  });

  it("keeps a message whole when only one of its parts names something", () => {
    expect(separateQuestions("請問一下？學費什麼時候繳？")).toEqual(["請問一下？學費什麼時候繳？"]);
    expect(separateQuestions("hi?\nwhen is the library open?")).toEqual(["hi?\nwhen is the library open?"]);
    expect(separateQuestions("我是新生。請問學費什麼時候繳？")).toEqual(["我是新生。請問學費什麼時候繳？"]);
  });

  it("keeps a text of many question marks whole", () => {
    const pasted = "宿舍費用？停車費用？餐廳時間？圖書館時間？";
    expect(separateQuestions(pasted)).toEqual([pasted]);
  });
});
