import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../config.js";
import type { EditorialDatabase } from "../database/open-database.js";
import { describeOnEachDatabase } from "../test-support/test-databases.js";
import { RETENTION_SWEEP_INTERVAL_MS, startAnswerLogRetention } from "./answer-log-retention.js";
import { InteractionStore } from "./interaction-store.js";
import { knowledgeGapReportFor } from "./knowledge-gap-report.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.parse("2026-01-01T00:00:00Z");

/** An answer log whose rows are stamped by a clock the test moves, counted in days from START. */
function answerLogWithClock(database: EditorialDatabase) {
  let day = 0;
  const now = () => START + day * DAY_MS;
  const interactions = new InteractionStore(database.db, { now: () => new Date(now()) });
  const ask = async (question: string, status: "answered" | "abstained" = "abstained") =>
    (
      await interactions.logAnswer({
        question,
        answer: "…",
        status,
        mode: "extractive",
        confidence: 0.1,
        latencyMs: 1,
        conversationId: `c-${question}`,
        citations: [],
      })
    ).id;
  return {
    interactions,
    now,
    ask,
    setDay(next: number) {
      day = next;
    },
  };
}

describeOnEachDatabase("the answer log's retention", (openDatabase) => {
  let database: EditorialDatabase;
  beforeEach(() => {
    database = openDatabase();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("deletes answers older than the retention with their feedback, and tickets closed before then", async () => {
    const log = answerLogWithClock(database);
    const { interactions } = log;
    const old = await log.ask("宿舍可以養貓嗎?");
    await interactions.recordFeedback(old, "down", "沒有回答");
    const closed = await interactions.openHandoff({ answerId: old, message: "請回電", delivery: "not_configured" });
    await interactions.closeHandoff(closed.id, { name: "editor" });
    const open = await interactions.openHandoff({ answerId: old, message: "還在等", delivery: "not_configured" });
    const owed = await interactions.openHandoff({ answerId: old, message: "寄出中", delivery: "pending" });
    await interactions.closeHandoff(owed.id, { name: "editor" });
    log.setDay(100);
    const recent = await log.ask("圖書館幾點開?");
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

    expect(await interactions.answer(old)).toBeUndefined();
    expect(await interactions.answer(recent)).toMatchObject({ question: "圖書館幾點開?" });
    expect(await interactions.handoff(closed.id)).toBeUndefined();
    // Still someone's business: an open ticket, and a closed one whose delivery is still owed.
    expect(await interactions.handoff(open.id)).toMatchObject({ status: "open" });
    expect(await interactions.handoff(owed.id)).toMatchObject({ delivery: "pending" });
    expect(events).toEqual([["answer_log_pruned", { answers: 1, handoffs: 1, before: "2026-01-21T00:00:00.000Z" }]]);
    // The feedback went with its answer.
    expect(await database.db.selectFrom("feedback").selectAll().execute()).toEqual([]);
    // The knowledge-gap report works on what is left.
    const report = await knowledgeGapReportFor(interactions, { from: "2025-12-01", to: "2026-12-31" });
    expect(report.questions).toBe(1);
    expect(report.unanswered.map((group) => group.question)).toEqual(["圖書館幾點開?"]);
  });

  it("deletes a backlog larger than one batch in one sweep", async () => {
    const log = answerLogWithClock(database);
    // Ten at a time: PostgreSQL's pool writes them side by side.
    for (let index = 0; index < 2500; index += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, offset) => log.ask(`問題 ${index + offset}`)));
    }
    log.setDay(31);
    const kept = await log.ask("新問題");
    const retention = startAnswerLogRetention(log.interactions, { days: 30, now: log.now });
    expect(await retention.sweep()).toEqual({ answers: 2500, handoffs: 0 });
    retention.stop();
    const everything = await log.interactions.answersBetween("2000-01-01", "2100-01-01");
    expect(everything.map((answer) => answer.id)).toEqual([kept]);
  });

  it("sweeps again every hour until it is stopped", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const log = answerLogWithClock(database);
    const first = await log.ask("第一題");
    const retention = startAnswerLogRetention(log.interactions, { days: 1, now: log.now });
    await retention.sweep();
    expect(await log.interactions.answer(first)).toBeDefined();

    log.setDay(2);
    const second = await log.ask("第二題");
    vi.advanceTimersByTime(RETENTION_SWEEP_INTERVAL_MS - 1);
    expect(await log.interactions.answer(first)).toBeDefined();
    vi.advanceTimersByTime(1);
    await vi.waitFor(async () => expect(await log.interactions.answer(first)).toBeUndefined());
    expect(await log.interactions.answer(second)).toBeDefined();

    retention.stop();
    log.setDay(10);
    vi.advanceTimersByTime(10 * RETENTION_SWEEP_INTERVAL_MS);
    expect(await log.interactions.answer(second)).toBeDefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("deletes each expired row once when two replicas sweep at the same time", async () => {
    const log = answerLogWithClock(database);
    const old = await Promise.all(["一", "二", "三"].map((question) => log.ask(question)));
    await log.interactions.recordFeedback(old[0] as string, "down");
    log.setDay(31);
    const sweeps = [0, 1].map(() =>
      log.interactions.deleteOlderThan(new Date(log.now() - 30 * DAY_MS).toISOString(), 1000),
    );
    const [first, second] = await Promise.all(sweeps);
    expect((first?.answers ?? 0) + (second?.answers ?? 0)).toBe(3);
    expect(await log.interactions.answersBetween("2000-01-01", "2100-01-01")).toEqual([]);
  });
});

describe("the answer log's retention", () => {
  it("logs a sweep that fails and carries on", async () => {
    const events: [string, Record<string, unknown>][] = [];
    const failing = {
      async deleteOlderThan(): Promise<never> {
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
