import { afterEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../config.js";
import { openEditorialDatabase } from "../editorial/editorial-database.js";
import { RETENTION_SWEEP_INTERVAL_MS, startAnswerLogRetention } from "./answer-log-retention.js";
import { InteractionStore } from "./interaction-store.js";
import { knowledgeGapReportFor } from "./knowledge-gap-report.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.parse("2026-01-01T00:00:00Z");

/** An answer log whose rows are stamped by a clock the test moves, counted in days from START. */
function answerLogWithClock() {
  let day = 0;
  const now = () => START + day * DAY_MS;
  const interactions = new InteractionStore(openEditorialDatabase(":memory:"), { now: () => new Date(now()) });
  const ask = (question: string, status: "answered" | "abstained" = "abstained") =>
    interactions.logAnswer({
      question,
      answer: "…",
      status,
      mode: "extractive",
      confidence: 0.1,
      latencyMs: 1,
      conversationId: `c-${question}`,
      citations: [],
    }).id;
  return {
    interactions,
    now,
    ask,
    setDay(next: number) {
      day = next;
    },
  };
}

describe("the answer log's retention", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("deletes answers older than the retention with their feedback, and tickets closed before then", async () => {
    const log = answerLogWithClock();
    const { interactions } = log;
    const old = log.ask("宿舍可以養貓嗎?");
    interactions.recordFeedback(old, "down", "沒有回答");
    const closed = interactions.openHandoff({ answerId: old, message: "請回電", delivery: "not_configured" });
    interactions.closeHandoff(closed.id, { name: "editor" });
    const open = interactions.openHandoff({ answerId: old, message: "還在等", delivery: "not_configured" });
    const owed = interactions.openHandoff({ answerId: old, message: "寄出中", delivery: "pending" });
    interactions.closeHandoff(owed.id, { name: "editor" });
    log.setDay(100);
    const recent = log.ask("圖書館幾點開?");
    log.setDay(200);
    const events: [string, Record<string, unknown>][] = [];

    const retention = startAnswerLogRetention(interactions, {
      days: 180,
      now: log.now,
      log: (event, fields) => events.push([event, fields]),
    });
    // The first sweep runs at start-up: this joins it.
    expect(await retention.sweep()).toEqual({ answers: 1, handoffs: 1 });
    retention.stop();

    expect(interactions.answer(old)).toBeUndefined();
    expect(interactions.answer(recent)).toMatchObject({ question: "圖書館幾點開?" });
    expect(interactions.handoff(closed.id)).toBeUndefined();
    // Still someone's business: an open ticket, and a closed one whose delivery is still owed.
    expect(interactions.handoff(open.id)).toMatchObject({ status: "open" });
    expect(interactions.handoff(owed.id)).toMatchObject({ delivery: "pending" });
    expect(events).toEqual([["answer_log_pruned", { answers: 1, handoffs: 1, before: "2026-01-21T00:00:00.000Z" }]]);
    // The knowledge-gap report works on what is left.
    const report = knowledgeGapReportFor(interactions, { from: "2025-12-01", to: "2026-12-31" });
    expect(report.questions).toBe(1);
    expect(report.unanswered.map((group) => group.question)).toEqual(["圖書館幾點開?"]);
  });

  it("deletes a backlog larger than one batch in one sweep", async () => {
    const log = answerLogWithClock();
    for (let index = 0; index < 2500; index++) log.ask(`問題 ${index}`);
    log.setDay(31);
    const kept = log.ask("新問題");
    const retention = startAnswerLogRetention(log.interactions, { days: 30, now: log.now });
    expect(await retention.sweep()).toEqual({ answers: 2500, handoffs: 0 });
    retention.stop();
    const everything = log.interactions.answersBetween("2000-01-01", "2100-01-01");
    expect(everything.map((answer) => answer.id)).toEqual([kept]);
  });

  it("sweeps again every hour until it is stopped", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const log = answerLogWithClock();
    const first = log.ask("第一題");
    const retention = startAnswerLogRetention(log.interactions, { days: 1, now: log.now });
    await retention.sweep();
    expect(log.interactions.answer(first)).toBeDefined();

    log.setDay(2);
    const second = log.ask("第二題");
    vi.advanceTimersByTime(RETENTION_SWEEP_INTERVAL_MS - 1);
    expect(log.interactions.answer(first)).toBeDefined();
    vi.advanceTimersByTime(1);
    await vi.waitFor(() => expect(log.interactions.answer(first)).toBeUndefined());
    expect(log.interactions.answer(second)).toBeDefined();

    retention.stop();
    log.setDay(10);
    vi.advanceTimersByTime(10 * RETENTION_SWEEP_INTERVAL_MS);
    expect(log.interactions.answer(second)).toBeDefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("logs a sweep that fails and carries on", async () => {
    const events: [string, Record<string, unknown>][] = [];
    const failing = {
      deleteOlderThan(): never {
        throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
      },
    };
    const retention = startAnswerLogRetention(failing, {
      days: 180,
      log: (event, fields) => events.push([event, fields]),
    });
    retention.stop();
    await expect(retention.sweep()).resolves.toEqual({ answers: 0, handoffs: 0 });
    expect(events).toContainEqual(["answer_log_retention_failed", { reason: "database is locked" }]);
  });

  it("is 180 days by default, and off with ANSWER_LOG_RETENTION_DAYS=0 or off", () => {
    expect(loadConfig({}).answerLogRetentionDays).toBe(180);
    expect(loadConfig({ ANSWER_LOG_RETENTION_DAYS: "30" }).answerLogRetentionDays).toBe(30);
    expect(loadConfig({ ANSWER_LOG_RETENTION_DAYS: "0" }).answerLogRetentionDays).toBeUndefined();
    expect(loadConfig({ ANSWER_LOG_RETENTION_DAYS: "off" }).answerLogRetentionDays).toBeUndefined();
    expect(() => loadConfig({ ANSWER_LOG_RETENTION_DAYS: "six months" })).toThrow(/ANSWER_LOG_RETENTION_DAYS/);
  });
});
