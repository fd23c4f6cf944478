import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import type { Role } from "../editorial/api-keys.js";
import { createHandoffDelivery } from "../interactions/handoff-delivery.js";
import { SIGNATURE_HEADER, signDelivery, TIMESTAMP_HEADER } from "../interactions/handoff-webhook.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp } from "../test-support/editorial-app.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import type { App } from "./app.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field by the assertions
const readJson = (response: Response): Promise<any> => response.json();
const SECRET = "a-shared-secret-of-some-length";

/** A helpdesk's webhook on 127.0.0.1 that answers with the given statuses in turn. */
async function startReceiver(statuses: number[]) {
  const received: { body: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (part) => {
      body += part;
    });
    request.on("end", () => {
      received.push({ body, headers: request.headers });
      response.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tickets`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("feedback, hand-offs and the knowledge-gap report", () => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;
  let editorial: Awaited<ReturnType<typeof editorialFor>>;
  let app: App;
  const keyFor: Partial<Record<Role, string>> = {};
  const post = (path: string, body: unknown, role?: Role) =>
    app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...(role ? { authorization: `Bearer ${keyFor[role]}` } : {}) },
      body: JSON.stringify(body),
    });
  const get = (path: string, role: Role) => app.request(path, { headers: { authorization: `Bearer ${keyFor[role]}` } });
  const ask = async (question: string, extra: Record<string, unknown> = {}) =>
    readJson(await post("/v1/answer", { question, ...extra }));
  const useApp = async (options: Parameters<typeof editorialFor>[1] = {}) => {
    editorial = await editorialFor(store, options);
    for (const role of ["reader", "editor"] as const) {
      keyFor[role] = (await editorial.keys.create({ name: `${role} desk`, role, createdBy: "test" })).key;
    }
    app = editorialApp(store, editorial);
  };

  beforeAll(async () => {
    folder.write(
      "knowledge/housing/deposit.md",
      "---\ntitle: Housing deposit\nurl: https://example.edu/deposit\n---\n# Housing deposit\n\nThe housing deposit is NT$ 3,000 and is refunded within 30 days after moving out.\n",
    );
    store = new SqliteIndexStore(":memory:");
    await syncFolder(store, `${folder.root}/knowledge`);
  });
  beforeEach(() => useApp());
  afterAll(async () => {
    await store.close();
    folder.cleanUp();
  });

  it("logs every answer under an id with personal data masked, and takes feedback on it", async () => {
    const answer = await ask("My email is chen.li@example.com and ID B11001234: how much is the housing deposit?");
    expect(answer.answer_id).toMatch(/^[0-9a-f-]{36}$/);
    const logged = await editorial.interactions.answer(answer.answer_id);
    expect(logged?.question).toBe("My email is [email] and ID [id]: how much is the housing deposit?");
    expect(logged).toMatchObject({ status: answer.status, confidence: answer.confidence });
    expect(logged?.citations.map((citation) => citation.docId)).toEqual(
      answer.citations.map((citation: { doc_id: string }) => citation.doc_id),
    );

    const response = await post("/v1/feedback", {
      answer_id: answer.answer_id,
      rating: "down",
      comment: "Call me on 0912-345-678, it does not say when",
    });
    expect(response.status).toBe(201);
    expect(await editorial.interactions.answer(answer.answer_id)).toMatchObject({
      rating: "down",
      comment: "Call me on [phone], it does not say when",
    });
    expect((await readJson(await post("/v1/feedback", { answer_id: "nope", rating: "up" }))).error.code).toBe(
      "not_found",
    );
    const wrongMethod = await app.request("/v1/feedback");
    expect([wrongMethod.status, wrongMethod.headers.get("allow")]).toEqual([405, "POST"]);
    expect((await readJson(await post("/v1/feedback", { answer_id: answer.answer_id, rating: 5 }))).error.code).toBe(
      "invalid_request",
    );
  });

  it("counts a 👎 from the click, and adds a later comment to it rather than rating again", async () => {
    const answer = await ask("How much is the housing deposit?");
    const patch = (answerId: string, body: unknown) =>
      app.request(`/v1/feedback/${answerId}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const thumbsDown = async () => {
      const today = new Date().toISOString().slice(0, 10);
      return (await readJson(await get(`/v1/reports/knowledge-gaps?from=${today}&to=${today}`, "editor"))).thumbs_down;
    };
    expect((await patch(answer.answer_id, { comment: "Too early" })).status).toBe(404);

    expect((await post("/v1/feedback", { answer_id: answer.answer_id, rating: "down" })).status).toBe(201);
    expect(await thumbsDown()).toEqual([expect.objectContaining({ count: 1, comments: [] })]);

    const commented = await patch(answer.answer_id, { comment: "Call 0912-345-678: when is it refunded?" });
    expect([commented.status, await readJson(commented)]).toEqual([
      200,
      { answer_id: answer.answer_id, rating: "down" },
    ]);
    expect(await thumbsDown()).toEqual([
      expect.objectContaining({ count: 1, comments: ["Call [phone]: when is it refunded?"] }),
    ]);
    for (const body of [{ comment: "  " }, { comment: "x", rating: "up" }, {}]) {
      const refused = await patch(answer.answer_id, body);
      expect([refused.status, (await readJson(refused)).error.code]).toEqual([400, "invalid_request"]);
    }
    const unknown = await patch("nope", { comment: "x" });
    expect([unknown.status, (await readJson(unknown)).error]).toEqual([
      404,
      { code: "not_found", message: expect.stringContaining("rate it first") },
    ]);

    await useApp({ requireApiKeyForAnswers: true });
    expect((await patch(answer.answer_id, { comment: "x" })).status).toBe(401);
  });

  it("refuses an empty hand-off, which no person could act on", async () => {
    await ask("Can I keep a cat in my room?", { conversation_id: "c-empty" });
    for (const body of [{ conversation_id: "c-empty" }, { conversation_id: "c-empty", name: "Chen" }]) {
      const refused = await post("/v1/handoffs", body);
      expect(refused.status).toBe(400);
      expect((await readJson(refused)).error).toEqual({
        code: "invalid_request",
        message: "give a message (what you need help with) or a contact (how a person can reach you)",
      });
    }
    expect(await editorial.interactions.handoffs()).toEqual([]);
    expect((await post("/v1/handoffs", { conversation_id: "c-empty", contact: "chen@example.edu" })).status).toBe(201);
  });

  it("opens a hand-off ticket with the conversation, which editors list and close", async () => {
    await ask("How much is the housing deposit?", { conversation_id: "c-1" });
    const abstained = await ask("Can I keep a cat in my room?", { conversation_id: "c-1" });
    expect(abstained.status).toBe("abstained");
    const response = await post("/v1/handoffs", {
      conversation_id: "c-1",
      name: "Chen",
      contact: "chen.li@example.com",
      message: "I need an answer about pets",
    });
    expect(response.status).toBe(201);
    const ticket = await readJson(response);
    // The student gets the ticket, not the transcript: anyone may name a conversation.
    expect(Object.keys(ticket).sort()).toEqual(["at", "delivery", "id", "status"]);
    expect(ticket).toMatchObject({ status: "open", delivery: "not_configured" });
    expect((await get("/v1/handoffs", "reader")).status).toBe(403);
    const open = await readJson(await get("/v1/handoffs?status=open", "editor"));
    expect(open.handoffs.map((listed: { id: string }) => listed.id)).toEqual([ticket.id]);
    expect(open.handoffs[0]).toMatchObject({ contact: "chen.li@example.com", name: "Chen" });
    expect(open.handoffs[0].transcript.map((turn: { question: string }) => turn.question)).toEqual([
      "How much is the housing deposit?",
      "Can I keep a cat in my room?",
    ]);
    const closed = await readJson(await post(`/v1/handoffs/${ticket.id}/close`, {}, "editor"));
    expect(closed).toMatchObject({ status: "closed", closed_by: "editor desk" });
    expect((await post(`/v1/handoffs/${ticket.id}/close`, {}, "editor")).status).toBe(409);
    expect((await readJson(await post("/v1/handoffs", { name: "x" }))).error.code).toBe("invalid_request");
    expect((await readJson(await post("/v1/handoffs", { message: "hi", collection: "nowhere" }))).error.code).toBe(
      "unknown_collection",
    );
  });

  describe("the helpdesk webhook", () => {
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    afterEach(() => receiver.close());
    const waitForDelivery = async (ticketId: string) => {
      await expect
        .poll(async () => (await editorial.interactions.handoff(ticketId))?.delivery, { timeout: 5000 })
        .not.toBe("pending");
      return await editorial.interactions.handoff(ticketId);
    };

    it("receives the ticket as signed JSON", async () => {
      receiver = await startReceiver([200]);
      await useApp({
        handoffWebhook: { url: receiver.url, secret: SECRET, attempts: 3, firstDelayMs: 10, timeoutMs: 2000 },
      });
      const ticket = await readJson(await post("/v1/handoffs", { message: "Please call me", contact: "0912-345-678" }));
      expect(ticket.delivery).toBe("pending");
      expect(await waitForDelivery(ticket.id)).toMatchObject({ delivery: "delivered", deliveryAttempts: 1 });
      const [delivery] = receiver.received;
      const timestamp = String(delivery?.headers[TIMESTAMP_HEADER]);
      expect(delivery?.headers[SIGNATURE_HEADER]).toBe(signDelivery(SECRET, timestamp, delivery?.body ?? ""));
      expect(delivery?.headers["idempotency-key"]).toBe(ticket.id);
      expect(JSON.parse(delivery?.body ?? "")).toMatchObject({
        type: "handoff.created",
        ticket: { id: ticket.id, contact: "0912-345-678", message: "Please call me" },
      });
    });

    it("sends again, at start, a ticket whose delivery a restart cut short", async () => {
      receiver = await startReceiver([200]);
      const pending = await editorial.interactions.openHandoff({ message: "Cut short", delivery: "pending" });
      await createHandoffDelivery(editorial.interactions, {
        url: receiver.url,
        secret: SECRET,
        attempts: 2,
        firstDelayMs: 10,
        timeoutMs: 2000,
      }).resumePending();
      expect(await waitForDelivery(pending.id)).toMatchObject({ delivery: "delivered", deliveryAttempts: 1 });
      expect(JSON.parse(receiver.received[0]?.body ?? "").ticket).toMatchObject({
        id: pending.id,
        message: "Cut short",
      });
    });

    it("retries a receiver that fails, then succeeds; gives up on one that keeps failing", async () => {
      receiver = await startReceiver([503, 500, 200]);
      await useApp({
        handoffWebhook: { url: receiver.url, secret: SECRET, attempts: 4, firstDelayMs: 10, timeoutMs: 2000 },
      });
      const ticket = await readJson(await post("/v1/handoffs", { message: "Please call me" }));
      expect(await waitForDelivery(ticket.id)).toMatchObject({ delivery: "delivered", deliveryAttempts: 3 });
      expect(receiver.received).toHaveLength(3);

      await receiver.close();
      receiver = await startReceiver([500]);
      await useApp({
        handoffWebhook: { url: receiver.url, secret: SECRET, attempts: 2, firstDelayMs: 10, timeoutMs: 2000 },
      });
      const failing = await readJson(await post("/v1/handoffs", { message: "Again" }));
      expect(await waitForDelivery(failing.id)).toMatchObject({ delivery: "failed", deliveryAttempts: 2 });
    });
  });

  it("reports what was asked, unanswered and disliked, as JSON and CSV, for editors only", async () => {
    for (const question of [
      "Can I keep a cat in my room?",
      "Can I keep a cat in the room?",
      "How much is the housing deposit?",
    ]) {
      await ask(question);
    }
    const disliked = await ask("What is the housing deposit?");
    await post("/v1/feedback", { answer_id: disliked.answer_id, rating: "down", comment: "When is it refunded?" });
    const today = new Date().toISOString().slice(0, 10);
    expect((await get("/v1/reports/knowledge-gaps", "reader")).status).toBe(403);
    const report = await readJson(await get(`/v1/reports/knowledge-gaps?from=${today}&to=${today}`, "editor"));
    expect(report.questions).toBe(4);
    expect(
      report.unanswered.map((group: { question: string; count: number }) => [group.question, group.count]),
    ).toEqual([["Can I keep a cat in my room?", 2]]);
    expect(report.thumbs_down[0]).toMatchObject({
      question: "What is the housing deposit?",
      comments: ["When is it refunded?"],
    });
    expect(report.weekly).toEqual([expect.objectContaining({ questions: 4, answered: 2, answer_rate: 0.5 })]);

    const csv = await get(`/v1/reports/knowledge-gaps.csv?from=${today}&to=${today}`, "editor");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("kind,question,count,examples,collections,comments");
    expect(text).toContain("unanswered,Can I keep a cat in my room?,2,");
    await ask('=HYPERLINK("http://evil.example","click")');
    const escaped = await (await get(`/v1/reports/knowledge-gaps.csv?from=${today}&to=${today}`, "editor")).text();
    expect(escaped).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(escaped).toContain("'=HYPERLINK");
    // Each mistake said once, as what it is.
    for (const [range, message] of [
      ["from=abc", "from: use a date as YYYY-MM-DD"],
      ["from=2026-13-01", "from: use a date as YYYY-MM-DD"],
      ["from=2020-01-01&to=2026-01-01", "a report covers at most 366 days"],
      ["from=0000-01-01&to=0000-01-02", "use dates from 2000-01-01 to 2999-12-31"],
      ["from=9999-12-30&to=9999-12-31", "use dates from 2000-01-01 to 2999-12-31"],
    ]) {
      expect((await readJson(await get(`/v1/reports/knowledge-gaps?${range}`, "editor"))).error).toEqual({
        code: "invalid_request",
        message,
      });
    }
  });

  it("turns a group into a published FAQ answer, linked to its source document", async () => {
    const response = await post(
      "/v1/reports/faq",
      {
        question: "Can I keep a cat in my room?",
        answer: "No. Only fish tanks up to 20 litres are allowed in rooms.",
        source_doc_id: "housing/deposit.md",
      },
      "editor",
    );
    expect(response.status).toBe(201);
    const created = await readJson(response);
    const detail = await editorial.editor.get(created.doc_id);
    expect(detail.summary).toMatchObject({
      status: "published",
      collection: "housing",
      url: "https://example.edu/deposit",
      tags: ["curated-faq", "source:housing/deposit.md"],
    });
    const answer = await ask("Can I keep a cat in my room?");
    expect(answer).toMatchObject({ status: "answered", mode: "faq" });
    expect(answer.answer).toContain("20 litres");
  });
});
