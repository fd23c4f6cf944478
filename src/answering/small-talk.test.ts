import { describe, expect, it } from "vitest";
import { replyToSmallTalk, smallTalkIn } from "./small-talk.js";

describe("smallTalkIn", () => {
  it.each([
    ["hi", "greeting"],
    ["Hi there!", "greeting"],
    ["您好", "greeting"],
    ["在嗎?", "greeting"],
    ["謝謝", "thanks"],
    ["谢谢你！", "thanks"],
    ["ok thanks", "thanks"],
    ["好的謝謝", "thanks"],
    ["thank you so much 🙏", "thanks"],
    ["掰掰~", "goodbye"],
    ["bye", "goodbye"],
  ])("reads %j as %s", (message, kind) => {
    expect(smallTalkIn(message)).toBe(kind);
  });

  it.each([
    "hi, how do I reset my password",
    "thanks for the info but when is the deadline",
    "hello world program error",
    "早上幾點開",
    "好",
    "😭😭😭",
    "",
  ])("leaves %j to be answered as a question", (message) => {
    expect(smallTalkIn(message)).toBeUndefined();
  });
});

describe("replyToSmallTalk", () => {
  it("replies in the message's language and script", () => {
    expect(replyToSmallTalk("hi")).toMatch(/^Hello!/);
    expect(replyToSmallTalk("謝謝")).toBe("不客氣！還有其他問題，隨時都可以再問我。");
    expect(replyToSmallTalk("谢谢")).toBe("不客气！还有其他问题，随时都可以再问我。");
    expect(replyToSmallTalk("宿舍押金多少")).toBeUndefined();
  });
});
