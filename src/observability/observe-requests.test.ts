import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerService } from "../ask/answer-service.js";
import { type ObservedApp, postJson, startObservedApp } from "../test-support/observed-app.js";

describe("request logging", () => {
  let observed: ObservedApp;
  beforeAll(async () => {
    observed = await startObservedApp();
  });
  afterAll(() => observed.close());
  const linesOf = (requestId: string | null) => observed.lines.filter((line) => line.request_id === requestId);
  const askWithRequestId = (requestId: string) =>
    postJson(observed.app, "/v1/answer", { question: "研究生加退選到什麼時候?" }, { "X-Request-Id": requestId });

  it("gives every line of a request its request id, kept from a sane X-Request-Id and sent back", async () => {
    const response = await askWithRequestId("helpdesk-42");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("helpdesk-42");
    expect(linesOf("helpdesk-42")).toEqual([
      expect.objectContaining({ level: "info", event: "answer", status: "answered", mode: "extractive" }),
      expect.objectContaining({ level: "info", event: "request", method: "POST", path: "/v1/answer", status: 200 }),
    ]);
  });

  it("keeps the request id on lines written while an answer is streamed", async () => {
    const response = await postJson(observed.app, "/v1/answer", { question: "研究生加退選到什麼時候?", stream: true });
    await response.text();
    const requestId = response.headers.get("x-request-id");
    expect(linesOf(requestId).map((line) => line.event)).toEqual(expect.arrayContaining(["request", "answer"]));
  });

  it("makes a request id when the incoming one is not sane", async () => {
    const response = await askWithRequestId("x'; DROP TABLE");
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(linesOf(requestId)).toHaveLength(2);
  });

  it("writes one access line per request: method, path without the query, route, status and duration", async () => {
    const response = await observed.app.request("/v1/documents/registrar%2Fadd-drop.md?note=jane@example.com");
    expect(response.status).toBe(401);
    const access = linesOf(response.headers.get("x-request-id"));
    expect(access).toEqual([
      {
        level: "info",
        time: expect.any(String),
        request_id: response.headers.get("x-request-id"),
        event: "request",
        method: "GET",
        path: "/v1/documents/registrar%2Fadd-drop.md",
        route: "/v1/documents/:id{.+}",
        status: 401,
        duration_ms: expect.any(Number),
      },
    ]);
    expect(observed.text()).not.toContain("jane@example.com");
  });

  it("writes probes' and scrapes' access lines at debug only", async () => {
    for (const probe of ["/healthz", "/readyz", "/metrics"]) {
      const response = await observed.app.request(probe);
      expect(response.status).toBe(200);
      expect(linesOf(response.headers.get("x-request-id"))).toEqual([]);
    }
    const debugging = await startObservedApp({ level: "debug" });
    try {
      const response = await debugging.app.request("/healthz");
      expect(debugging.lines).toEqual([
        expect.objectContaining({ level: "debug", event: "request", path: "/healthz", status: 200 }),
      ]);
      expect(debugging.lines[0]?.request_id).toBe(response.headers.get("x-request-id"));
    } finally {
      await debugging.close();
    }
  });

  it("logs an unexpected error at error level with its stack, in the request's line, and shows none of it", async () => {
    const failing = await startObservedApp({
      answers: (real): AnswerService => ({
        ...real,
        ask: () => Promise.reject(new RangeError("index 7 out of range")),
      }),
    });
    try {
      const response = await postJson(failing.app, "/v1/answer", { question: "研究生加退選到什麼時候?" });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        error: { code: "internal_error", message: "Something went wrong on our side." },
      });
      const requestId = response.headers.get("x-request-id");
      const [error, access] = failing.lines;
      expect(error).toMatchObject({
        level: "error",
        event: "internal_error",
        request_id: requestId,
        err: { type: "RangeError", message: "index 7 out of range", stack: expect.stringContaining("RangeError") },
      });
      expect(access).toMatchObject({ event: "request", status: 500, request_id: requestId });
    } finally {
      await failing.close();
    }
  });

  it("never writes the question or the personal data in it, at any level", async () => {
    const tracing = await startObservedApp({ level: "trace" });
    const question = "我的電話是 0912-345-678，信箱 chen.mei@student.lakeside.example.edu，研究生加退選到什麼時候?";
    try {
      expect((await postJson(tracing.app, "/v1/answer", { question })).status).toBe(200);
      expect((await postJson(tracing.app, "/v1/answer", { question, stream: true })).status).toBe(200);
      expect((await postJson(tracing.app, "/v1/drafts", { message: question })).status).toBe(200);
      expect((await postJson(tracing.app, "/v1/search", { query: question })).status).toBe(200);
      const text = tracing.text();
      expect(tracing.lines.map((line) => line.event)).toEqual(expect.arrayContaining(["answer", "draft", "request"]));
      for (const secret of [question, "0912-345-678", "0912345678", "chen.mei", "student.lakeside", "研究生加退選"]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await tracing.close();
    }
  });
});
