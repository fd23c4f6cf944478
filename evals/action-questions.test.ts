import { describe, expect, it } from "vitest";
import { type ActionQuestionResult, actionFigures, loadActionQuestions } from "./action-questions.js";

const result = (overrides: Partial<ActionQuestionResult>): ActionQuestionResult => ({
  id: "q",
  signedIn: true,
  expectedAction: "library-loans",
  status: "answered",
  calls: [],
  ...overrides,
});

describe("actionFigures", () => {
  it("counts right, wrong and missed look-ups, false ones, sign-in replies and calls for another student", () => {
    const figures = actionFigures([
      result({ action: "library-loans", outcome: "record", calls: ["/students/s1141234/loans"] }),
      result({ action: "renew-loan", outcome: "confirm" }),
      result({}),
      result({ expectedAction: null, action: "library-loans", outcome: "record", calls: ["/students/s9999999/loans"] }),
      result({ expectedAction: null }),
      result({ signedIn: false, action: "library-loans", outcome: "sign_in" }),
      result({ signedIn: false, action: "library-loans", outcome: "sign_in", calls: ["/students/s1141234/loans"] }),
    ]);
    expect(figures).toEqual({
      questions: 7,
      recordQuestions: 5,
      rightAction: 3,
      wrongAction: 1,
      missed: 1,
      ruleQuestions: 2,
      falseLookUps: 1,
      signedOut: 2,
      signInReplies: 1,
      callsForAnotherStudent: 1,
    });
  });
});

describe("the action questions", () => {
  it("are each well formed, and name only actions the sample declares", () => {
    const questions = loadActionQuestions("evals/actions/questions.jsonl");
    expect(questions.length).toBeGreaterThan(40);
    const declared = ["library-loans", "registered-courses", "tuition-status", "dormitory-application", "renew-loan"];
    for (const question of questions) {
      if (question.expected_action !== null) expect(declared).toContain(question.expected_action);
    }
  });
});
