import { beforeEach, expect, it } from "vitest";
import type { EditorialDatabase } from "../database/open-database.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { describeOnEachDatabase } from "../test-support/test-databases.js";
import { PersonalDataMask } from "../text/mask-personal-data.js";
import { DELIVERY_LEASE_MS, InteractionStore } from "./interaction-store.js";

const answered = {
  answer: "請洽 registrar@lakeside.example.edu。",
  status: "answered" as const,
  mode: "extractive",
  confidence: 0.9,
  latencyMs: 5,
  citations: [],
};

describeOnEachDatabase("InteractionStore", (openDatabase) => {
  let database: EditorialDatabase;
  beforeEach(() => {
    database = openDatabase();
  });

  it("masks the question, the answer and a comment with the deployment's patterns before storing them", async () => {
    const personalData = new PersonalDataMask([{ name: "member", pattern: /M\d{8}/i, replacement: "[member]" }]);
    const store = new InteractionStore(database.db, { personalData });
    const { id } = await store.logAnswer({ ...answered, question: "會員ｍ１２３４５６７８的押金?" });
    await store.recordFeedback(id, "down", "我是 M87654321");
    expect(await store.answer(id)).toMatchObject({
      question: "會員[member]的押金?",
      // Only the deployment's patterns here: the built-in ones were not asked for.
      answer: "請洽 registrar@lakeside.example.edu。",
      comment: "我是 [member]",
    });
  });

  it("masks with the built-in patterns by default", async () => {
    const store = new InteractionStore(database.db);
    const { id } = await store.logAnswer({ ...answered, question: "手機０９３３２２２１１１可以收簡訊嗎?" });
    expect(await store.answer(id)).toMatchObject({ question: "手機[phone]可以收簡訊嗎?", answer: "請洽 [email]。" });
  });

  it("reads back an answer as it was logged, numbers and citations included", async () => {
    const store = new InteractionStore(database.db, { now: () => new Date("2026-03-02T08:00:00.000Z") });
    const citations = [{ n: 1, docId: "library/a.md", title: "Loans", chunkId: "library/a.md#1" }];
    const logged = await store.logAnswer({
      ...answered,
      question: "How long can I keep a book?",
      confidence: 0.625,
      latencyMs: 12.5,
      collection: "library",
      conversationId: "c-1",
      citations,
    });
    expect(await store.answer(logged.id)).toEqual(logged);
    expect(await store.answer("no-such-answer")).toBeUndefined();
    expect(await store.answersBetween("2026-03-02T08:00:00.000Z", "2026-03-02T08:00:00.001Z")).toEqual([logged]);
    expect(await store.answersBetween("2026-03-01", "2026-03-02T08:00:00.000Z")).toEqual([]);
  });

  it("keeps one rating per answer, the latest, and comments only on a rating given", async () => {
    const store = new InteractionStore(database.db);
    const { id } = await store.logAnswer({ ...answered, question: "宿舍押金多少?" });
    await expect(store.commentOnFeedback(id, "太慢")).rejects.toThrow(NotFoundError);
    await expect(store.recordFeedback("no-such-answer", "up")).rejects.toThrow(NotFoundError);
    await store.recordFeedback(id, "up", "有用");
    await store.recordFeedback(id, "down");
    expect(await store.answer(id)).toMatchObject({ rating: "down" });
    expect(await store.answer(id)).not.toHaveProperty("comment");
    expect(await store.commentOnFeedback(id, "沒說何時退")).toBe("down");
    expect(await store.answer(id)).toMatchObject({ rating: "down", comment: "沒說何時退" });
    await Promise.all([store.recordFeedback(id, "up"), store.recordFeedback(id, "up")]);
    const rows = await database.db.selectFrom("feedback").selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ answer_id: id, rating: "up" })]);
  });

  it("opens a ticket with the conversation's latest 50 turns, oldest first", async () => {
    let minute = 0;
    const store = new InteractionStore(database.db, {
      now: () => new Date(Date.UTC(2026, 2, 2, 8, minute++)),
    });
    for (let turn = 0; turn < 52; turn++) {
      await store.logAnswer({ ...answered, question: `問題 ${turn}`, collection: "housing", conversationId: "c-1" });
    }
    const ticket = await store.openHandoff({ conversationId: "c-1", message: "請回電", delivery: "not_configured" });
    expect(ticket).toMatchObject({
      status: "open",
      collection: "housing",
      conversationId: "c-1",
      message: "請回電",
      delivery: "not_configured",
      deliveryAttempts: 0,
    });
    expect(ticket.transcript.map((turn) => turn.question)).toEqual(
      Array.from({ length: 50 }, (_, turn) => `問題 ${turn + 2}`),
    );
    expect(await store.handoff(ticket.id)).toEqual(ticket);
    await expect(store.openHandoff({ answerId: "no-such-answer", delivery: "not_configured" })).rejects.toThrow(
      NotFoundError,
    );
  });

  it("lists tickets newest first, by status, and those still owed a delivery", async () => {
    let minute = 0;
    const store = new InteractionStore(database.db, { now: () => new Date(Date.UTC(2026, 2, 2, 8, minute++)) });
    const first = await store.openHandoff({ message: "一", delivery: "pending" });
    const second = await store.openHandoff({ message: "二", collection: "housing", delivery: "not_configured" });
    await store.closeHandoff(first.id, { name: "editor" });
    expect((await store.handoffs()).map((ticket) => ticket.id)).toEqual([second.id, first.id]);
    expect((await store.handoffs("open")).map((ticket) => ticket.id)).toEqual([second.id]);
    expect((await store.handoffs("closed")).map((ticket) => ticket.id)).toEqual([first.id]);
    expect((await store.pendingHandoffs()).map((ticket) => ticket.id)).toEqual([first.id]);
    await store.setDelivery(first.id, "delivered", 2);
    expect(await store.pendingHandoffs()).toEqual([]);
    expect(await store.handoff(first.id)).toMatchObject({ delivery: "delivered", deliveryAttempts: 2 });
    expect(await store.handoffTimesBetween("2026-03-02", "2026-03-03")).toEqual([
      { at: first.at },
      { at: second.at, collection: "housing" },
    ]);
  });

  it("closes a ticket once, when two close it at the same time", async () => {
    const store = new InteractionStore(database.db);
    const ticket = await store.openHandoff({ message: "請回電", delivery: "not_configured" });
    const both = await Promise.allSettled([
      store.closeHandoff(ticket.id, { name: "first editor" }),
      store.closeHandoff(ticket.id, { name: "second editor" }),
    ]);
    const closed = both.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    const refused = both.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ status: "closed", closedAt: expect.any(String) });
    expect(refused).toEqual([expect.any(ConflictError)]);
    expect(await store.handoff(ticket.id)).toEqual(closed[0]);
    await expect(store.closeHandoff("no-such-ticket", { name: "editor" })).rejects.toThrow(NotFoundError);
  });

  it("lets one replica at a time send a ticket, and another once the first's claim lapses", async () => {
    let now = Date.parse("2026-03-02T08:00:00Z");
    // Two replicas: two stores over one database, on one clock.
    const first = new InteractionStore(database.db, { now: () => new Date(now) });
    const second = new InteractionStore(database.db, { now: () => new Date(now) });
    const ticket = await first.openHandoff({ message: "請回電", delivery: "pending" });
    const claims = await Promise.all([first.claimDelivery(ticket.id), second.claimDelivery(ticket.id)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    // An attempt renews the claim; it lapses only that long after the last one.
    now += DELIVERY_LEASE_MS - 1000;
    await first.setDelivery(ticket.id, "pending", 2);
    now += DELIVERY_LEASE_MS - 1000;
    expect(await second.claimDelivery(ticket.id)).toBe(false);
    now += 2000;
    expect(await second.claimDelivery(ticket.id)).toBe(true);
    await second.setDelivery(ticket.id, "delivered", 3);
    now += 2 * DELIVERY_LEASE_MS;
    expect(await first.claimDelivery(ticket.id)).toBe(false);
  });

  it("drops NUL characters, which PostgreSQL's text cannot hold, from what it stores", async () => {
    const store = new InteractionStore(database.db);
    const ticket = await store.openHandoff({
      message: "help\u0000me",
      name: "A\u0000nn",
      delivery: "not_configured",
    });
    expect(await store.handoff(ticket.id)).toMatchObject({ message: "helpme", name: "Ann" });
    const { id } = await store.logAnswer({ ...answered, question: "宿舍\u0000幾點關門?" });
    expect((await store.answer(id))?.question).toBe("宿舍幾點關門?");
  });
});
