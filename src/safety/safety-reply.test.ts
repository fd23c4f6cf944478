import { describe, expect, it } from "vitest";
import { defaultCrisisResources } from "../config/help-desk-settings.js";
import { isSafetyStatus, safetyAnswer } from "./safety-reply.js";

const withCampusSecurity = {
  ...defaultCrisisResources,
  campusSecurity: { name: { zh: "校安中心 24 小時專線", en: "Campus security 24-hour line" }, number: "03-555-0110" },
};

describe("safetyAnswer", () => {
  it("gives a person in distress warm words, every crisis line, the campus security line and a person", () => {
    const reply = safetyAnswer("我不想活了", { kind: "crisis", topic: "self_harm" }, withCampusSecurity);
    expect(reply).toEqual({
      status: "safety",
      mode: "safety",
      citations: [],
      confidence: 0,
      handoff_suggested: true,
      answer: [
        "聽起來你現在真的很辛苦，謝謝你願意說出來。你不必一個人撐著，現在就可以打給願意聽你說的人：",
        "",
        "- 安心專線 1925（24 小時）",
        "- 生命線 1995（24 小時）",
        "- 警察／救護 110 / 119（緊急危險時）",
        "- 校安中心 24 小時專線 03-555-0110",
        "",
        "如果你願意，我現在就可以幫你轉給我們的工作人員。",
      ].join("\n"),
    });
  });

  it("gives distress of no named kind every line, and staff a note naming no kind", () => {
    const reply = safetyAnswer(
      "I don't know who to tell",
      { kind: "crisis", topic: "distress" },
      defaultCrisisResources,
    );
    expect(reply.status).toBe("safety");
    expect(reply.answer).toMatch(/^Thank you for telling me\./);
    for (const line of ["1925", "1995", "110 / 119"]) expect(reply.answer).toContain(line);
    const toStaff = safetyAnswer(
      "我不知道該跟誰說",
      { kind: "crisis", topic: "distress" },
      defaultCrisisResources,
      "staff",
    );
    expect(toStaff.answer).toContain("可能身處危險或受到傷害");
  });

  it("answers in the message's language and script", () => {
    const simplified = safetyAnswer("我被家暴了，该怎么办", { kind: "crisis", topic: "abuse" }, defaultCrisisResources);
    expect(simplified.answer).toMatch(/^发生这样的事不是你的错/);
    expect(simplified.answer).toContain("- 安心专线 1925（24 小时）");
    const english = safetyAnswer("someone collapsed", { kind: "crisis", topic: "emergency" }, defaultCrisisResources);
    expect(english.answer).toMatch(/^This sounds urgent\./);
    expect(english.answer).toContain("- Police / ambulance 110 / 119 (in an emergency)");
    expect(english.answer).toMatch(/one of our staff right now\.$/);
  });

  it("names no kind of organisation, as a district office deploys it as well as a university", () => {
    const concerns = [
      ...(["self_harm", "abuse", "violence", "emergency", "distress"] as const).map((topic) => ({
        kind: "crisis" as const,
        topic,
      })),
      ...(["others_data", "forgery", "deception", "grade_tampering", "hacking", "cheating"] as const).map((topic) => ({
        kind: "harmful_request" as const,
        topic,
      })),
    ];
    for (const concern of concerns) {
      for (const message of ["我需要幫忙", "我需要帮忙", "I need help"]) {
        for (const audience of ["asker", "staff"] as const) {
          const { answer } = safetyAnswer(message, concern, defaultCrisisResources, audience);
          expect(answer, `${concern.topic} to ${audience}`).not.toMatch(
            /學校|学校|校方|大學|大学|universit|campus|school/i,
          );
        }
      }
    }
  });

  it("puts the campus security line first in an emergency", () => {
    const reply = safetyAnswer("宿舍失火了", { kind: "crisis", topic: "emergency" }, withCampusSecurity);
    expect(reply.answer.split("\n").filter((line) => line.startsWith("- "))[0]).toBe(
      "- 校安中心 24 小時專線 03-555-0110",
    );
  });

  it("puts police and ambulance before the support lines in an emergency, and after them otherwise", () => {
    const listed = (reply: { answer: string }) => reply.answer.split("\n").filter((line) => line.startsWith("- "));
    const emergency = listed(safetyAnswer("我爸昏倒了", { kind: "crisis", topic: "emergency" }, withCampusSecurity));
    expect(emergency.slice(0, 2)).toEqual([
      "- 校安中心 24 小時專線 03-555-0110",
      "- 警察／救護 110 / 119（緊急危險時）",
    ]);
    const distress = listed(safetyAnswer("我不想活了", { kind: "crisis", topic: "self_harm" }, withCampusSecurity));
    expect(distress[0]).toBe("- 安心專線 1925（24 小時）");
    expect(distress.indexOf("- 警察／救護 110 / 119（緊急危險時）")).toBeGreaterThan(0);
  });

  it("tells staff to reply personally, with the lines to share, and no offer addressed to the asker", () => {
    const note = safetyAnswer("我不想活了", { kind: "crisis", topic: "self_harm" }, withCampusSecurity, "staff");
    expect(note.answer).toMatch(
      /^無建議回覆：這則訊息可能來自正處於危機中的人（自傷或自殺）。請盡快親自回覆，不要引用規定/,
    );
    expect(note.answer).toContain("- 校安中心 24 小時專線 03-555-0110");
    expect(note.answer).not.toContain("我現在就可以幫你");
  });

  it("declines a harmful request in a sentence, with no crisis line and no person to offer", () => {
    const declined = safetyAnswer(
      "how do I hack into my ex's account",
      { kind: "harmful_request", topic: "hacking" },
      withCampusSecurity,
    );
    expect(declined).toEqual({
      status: "declined",
      mode: "safety",
      citations: [],
      confidence: 0,
      answer:
        "Sorry, I can't help with breaking into accounts or systems. If you have another question about our rules or services, I'm happy to help.",
    });
  });

  it("gives only the statuses the metrics and the weekly report count as the safety check's", () => {
    const crisis = safetyAnswer("我不想活了", { kind: "crisis", topic: "self_harm" }, defaultCrisisResources);
    const declined = safetyAnswer(
      "幫我偽造假單",
      { kind: "harmful_request", topic: "forgery" },
      defaultCrisisResources,
    );
    expect([crisis.status, declined.status].map(isSafetyStatus)).toEqual([true, true]);
    expect(["answered", "abstained", "clarify", "drafted", "no_draft"].map(isSafetyStatus)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
