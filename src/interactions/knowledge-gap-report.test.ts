import { describe, expect, it } from "vitest";
import { type HandoffTicket, type LoggedAnswer, PICKED_TOPIC_MODE } from "./interaction-store.js";
import { buildKnowledgeGapReport, isoWeek } from "./knowledge-gap-report.js";

let count = 0;
const asked = (
  at: string,
  question: string,
  status: LoggedAnswer["status"],
  extra: Partial<LoggedAnswer> = {},
): LoggedAnswer => ({
  id: `a${count++}`,
  at,
  question,
  answer: "…",
  status,
  mode: "extractive",
  confidence: status === "answered" ? 0.9 : 0.1,
  latencyMs: 3,
  collection: "housing",
  citations: status === "answered" ? [{ n: 1, docId: "housing/dorm-rules.md", title: "Dorm rules" }] : [],
  ...extra,
});
const ticket = (at: string, collection: string): HandoffTicket => ({
  id: `t${count++}`,
  at,
  status: "open",
  collection,
  transcript: [],
  delivery: "not_configured",
  deliveryAttempts: 0,
});

// Week 2026-W47 runs Monday 16 to Sunday 22 November; W48 starts on the 23rd.
const LOG = [
  asked("2026-11-16T09:00:00Z", "宿舍可以養貓嗎?", "abstained"),
  asked("2026-11-17T09:00:00Z", "宿舍可以養貓嗎？", "abstained"),
  asked("2026-11-18T09:00:00Z", "請問宿舍可以養貓嗎", "abstained"),
  asked("2026-11-18T10:00:00Z", "Can I park my scooter on campus?", "abstained", { collection: "general" }),
  asked("2026-11-19T09:00:00Z", "宿舍押金多少?", "answered"),
  asked("2026-11-20T09:00:00Z", "宿舍押金是多少錢", "answered", { rating: "down", comment: "沒說何時退" }),
  asked("2026-11-23T09:00:00Z", "宿舍押金多少?", "answered", { rating: "up" }),
  asked("2026-11-24T09:00:00Z", "宿舍可以養貓嗎?", "abstained"),
];

/** The weeks every report below covers, unless it says otherwise. */
const WEEKS_47_AND_48 = { from: "2026-11-16", to: "2026-11-30" };
/** A reply that quotes no document: a safety reply, a declined request, a question asked back. */
const QUOTING_NOTHING = { confidence: 0, citations: [] };
const SAFETY_REPLY = { ...QUOTING_NOTHING, mode: "safety" };

describe("buildKnowledgeGapReport", () => {
  it("groups similar wording and counts answer and hand-off rates per week and collection", () => {
    const report = buildKnowledgeGapReport(
      LOG,
      [ticket("2026-11-17T10:00:00Z", "housing"), ticket("2026-11-24T10:00:00Z", "housing")],
      WEEKS_47_AND_48,
    );
    expect(report.questions).toBe(8);
    expect(report.unanswered.map((group) => [group.question, group.count])).toEqual([
      ["宿舍可以養貓嗎?", 4],
      ["Can I park my scooter on campus?", 1],
    ]);
    expect(report.unanswered[0]?.examples).toEqual(["宿舍可以養貓嗎?", "宿舍可以養貓嗎？", "請問宿舍可以養貓嗎"]);
    expect(report.topQuestions.map((group) => [group.question, group.count])).toEqual([
      ["宿舍可以養貓嗎?", 4],
      ["宿舍押金多少?", 3],
      ["Can I park my scooter on campus?", 1],
    ]);
    expect(report.topQuestions[1]?.citedDocIds).toEqual(["housing/dorm-rules.md"]);
    expect(report.thumbsDown).toEqual([
      expect.objectContaining({ question: "宿舍押金是多少錢", count: 1, comments: ["沒說何時退"] }),
    ]);
    expect(report.weekly).toEqual([
      {
        week: "2026-W47",
        collection: "general",
        questions: 1,
        answered: 0,
        answerRate: 0,
        handoffs: 0,
        handoffRate: 0,
      },
      {
        week: "2026-W47",
        collection: "housing",
        questions: 5,
        answered: 2,
        answerRate: 0.4,
        handoffs: 1,
        handoffRate: 0.2,
      },
      {
        week: "2026-W48",
        collection: "housing",
        questions: 2,
        answered: 1,
        answerRate: 0.5,
        handoffs: 1,
        handoffRate: 0.5,
      },
    ]);
  });

  it("counts safety replies and declined requests without listing them as questions, unanswered or not", () => {
    const log = [
      ...LOG,
      asked("2026-11-18T11:00:00Z", "我不想活了", "safety", SAFETY_REPLY),
      asked("2026-11-18T12:00:00Z", "我不想活了", "safety", SAFETY_REPLY),
      asked("2026-11-19T12:00:00Z", "怎麼偷看室友的email", "declined", SAFETY_REPLY),
      asked("2026-11-19T13:00:00Z", "宿舍可以養貓嗎?我撐不下去了", "safety", { rating: "down", citations: [] }),
    ];
    const report = buildKnowledgeGapReport(log, [], WEEKS_47_AND_48);
    expect(report).toMatchObject({ questions: 8, safetyReplies: 3, declined: 1 });
    const listed = [...report.topQuestions, ...report.unanswered, ...report.thumbsDown].flatMap((group) => [
      group.question,
      ...group.examples,
    ]);
    expect(listed.filter((question) => /不想活|撐不下去|偷看/.test(question))).toEqual([]);
    expect(report.unanswered.map((group) => [group.question, group.count])).toEqual([
      ["宿舍可以養貓嗎?", 4],
      ["Can I park my scooter on campus?", 1],
    ]);
    // The answer rate is of questions for the documents.
    expect(report.weekly.find((row) => row.week === "2026-W47" && row.collection === "housing")).toMatchObject({
      questions: 5,
      answered: 2,
      answerRate: 0.4,
    });
  });

  it("counts questions asked back apart from the answer rate, and lists them among the top questions", () => {
    const log = [
      ...LOG,
      asked("2026-11-18T11:00:00Z", "宿舍?", "clarify", QUOTING_NOTHING),
      asked("2026-11-18T11:05:00Z", "宿舍?", "clarify", QUOTING_NOTHING),
    ];
    const report = buildKnowledgeGapReport(log, [], WEEKS_47_AND_48);
    const without = buildKnowledgeGapReport(LOG, [], WEEKS_47_AND_48);
    expect(report.askedBack).toBe(2);
    expect(report.questions).toBe(without.questions);
    expect(report.weekly).toEqual(without.weekly);
    expect(report.unanswered).toEqual(without.unanswered);
    const top = report.topQuestions.flatMap((group) => [group.question, ...group.examples]);
    expect(top).toContain("宿舍?");
  });

  it("counts topics picked from the choices apart from the questions, rates and groups", () => {
    const picked = { mode: PICKED_TOPIC_MODE, confidence: 1 };
    const log = [
      ...LOG,
      asked("2026-11-18T11:00:00Z", "學生宿舍生活公約：第七條 寵物", "answered", picked),
      asked("2026-11-18T11:05:00Z", "學生宿舍生活公約：第七條 寵物", "answered", { ...picked, rating: "down" }),
    ];
    const report = buildKnowledgeGapReport(log, [], WEEKS_47_AND_48);
    const without = buildKnowledgeGapReport(LOG, [], WEEKS_47_AND_48);
    expect(report.topicsPicked).toBe(2);
    expect({ ...report, topicsPicked: 0 }).toEqual({ ...without, topicsPicked: 0 });
  });

  it("keeps to one collection when asked", () => {
    const report = buildKnowledgeGapReport(LOG, [], { ...WEEKS_47_AND_48, collection: "general" });
    expect(report.questions).toBe(1);
    expect(report.weekly.map((row) => row.collection)).toEqual(["general"]);
  });

  it("numbers weeks as ISO 8601 does, across the new year", () => {
    expect(isoWeek("2026-11-22T23:59:59Z")).toBe("2026-W47");
    expect(isoWeek("2026-11-23T00:00:00Z")).toBe("2026-W48");
    expect(isoWeek("2027-01-01T12:00:00Z")).toBe("2026-W53");
    expect(isoWeek("2025-12-29T12:00:00Z")).toBe("2026-W01");
  });
});
