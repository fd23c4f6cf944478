import { describe, expect, it } from "vitest";
import { openEditorialDatabase } from "../editorial/editorial-database.js";
import { PersonalDataMask } from "../text/mask-personal-data.js";
import { InteractionStore } from "./interaction-store.js";

const answered = {
  answer: "請洽 registrar@lakeside.example.edu。",
  status: "answered" as const,
  mode: "extractive",
  confidence: 0.9,
  latencyMs: 5,
  citations: [],
};

describe("InteractionStore", () => {
  it("masks the question, the answer and a comment with the deployment's patterns before storing them", () => {
    const personalData = new PersonalDataMask([{ name: "member", pattern: /M\d{8}/i, replacement: "[member]" }]);
    const store = new InteractionStore(openEditorialDatabase(":memory:"), { personalData });
    const { id } = store.logAnswer({ ...answered, question: "會員ｍ１２３４５６７８的押金?" });
    store.recordFeedback(id, "down", "我是 M87654321");
    expect(store.answer(id)).toMatchObject({
      question: "會員[member]的押金?",
      // Only the deployment's patterns here: the built-in ones were not asked for.
      answer: "請洽 registrar@lakeside.example.edu。",
      comment: "我是 [member]",
    });
  });

  it("masks with the built-in patterns by default", () => {
    const store = new InteractionStore(openEditorialDatabase(":memory:"));
    const { id } = store.logAnswer({ ...answered, question: "手機０９３３２２２１１１可以收簡訊嗎?" });
    expect(store.answer(id)).toMatchObject({ question: "手機[phone]可以收簡訊嗎?", answer: "請洽 [email]。" });
  });
});
