import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../errors.js";
import { type ObservedApp, postJson, startObservedApp } from "../test-support/observed-app.js";
import { createMetrics } from "./metrics.js";

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition; fails on any line that is not a comment or a sample. */
function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || /^# (HELP|TYPE) [a-zA-Z_:][\w:]* /.test(line)) continue;
    // prom-client writes NaN as `Nan`; Prometheus reads it with Go's ParseFloat, which ignores case.
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (-?[\d.e+-]+|NaN|Nan|[+-]Inf)$/.exec(line);
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    const labels = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, name, value]) => [name, value]),
    );
    samples.push({ name: match[1] ?? "", labels, value: Number(match[3]) });
  }
  return samples;
}

describe("metrics", () => {
  let observed: ObservedApp;
  beforeAll(async () => {
    observed = await startObservedApp();
  });
  afterAll(() => observed.close());

  const scrape = async () => {
    const response = await observed.app.request("/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await response.text());
  };
  const sampleValue = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
    samples.find(
      (sample) =>
        sample.name === name && Object.entries(labels).every(([label, value]) => sample.labels[label] === value),
    )?.value;

  it("counts an answer by status, mode, collection and fallback reason, and times it", async () => {
    await postJson(observed.app, "/v1/answer", { question: "研究生加退選到什麼時候?", collection: "registrar" });
    await postJson(observed.app, "/v1/answer", { question: "研究生加退選到什麼時候?" });
    await postJson(observed.app, "/v1/answer", { question: "What is the cafeteria menu on Mars?" });
    const samples = await scrape();
    const answers = (labels: Record<string, string>) => sampleValue(samples, "grounded_faq_answers_total", labels);
    expect(answers({ status: "answered", mode: "extractive", collection: "registrar", fallback_reason: "" })).toBe(1);
    expect(answers({ status: "answered", mode: "extractive", collection: "all", fallback_reason: "" })).toBe(1);
    expect(answers({ status: "abstained", collection: "all" })).toBe(1);
    expect(sampleValue(samples, "grounded_faq_answer_duration_seconds_count")).toBe(3);
    expect(sampleValue(samples, "grounded_faq_answer_duration_seconds_bucket", { le: "30" })).toBe(3);
    expect(sampleValue(samples, "grounded_faq_search_duration_seconds_count")).toBeGreaterThanOrEqual(3);
  });

  it("counts safety replies and declined requests, from zero, as answers of their own status", async () => {
    const before = await scrape();
    expect(sampleValue(before, "grounded_faq_safety_replies_total", { status: "safety" })).toBe(0);
    expect(sampleValue(before, "grounded_faq_safety_replies_total", { status: "declined" })).toBe(0);
    await postJson(observed.app, "/v1/answer", { question: "我不想活了" });
    await postJson(observed.app, "/v1/answer", { question: "how can I cheat on the final exam" });
    const samples = await scrape();
    expect(sampleValue(samples, "grounded_faq_safety_replies_total", { status: "safety" })).toBe(1);
    expect(sampleValue(samples, "grounded_faq_safety_replies_total", { status: "declined" })).toBe(1);
    expect(sampleValue(samples, "grounded_faq_answers_total", { status: "safety", mode: "safety" })).toBe(1);
    expect(sampleValue(samples, "grounded_faq_answers_total", { status: "declined", mode: "safety" })).toBe(1);
  });

  it("counts an unknown collection as other, never as a label of its own", async () => {
    const response = await postJson(observed.app, "/v1/answer", {
      question: "加退選?",
      collection: "made-up-by-a-bot",
    });
    expect(response.status).toBe(400);
    const samples = await scrape();
    expect(sampleValue(samples, "grounded_faq_answers_total", { status: "invalid", collection: "other" })).toBe(1);
    expect(samples.some((sample) => Object.values(sample.labels).includes("made-up-by-a-bot"))).toBe(false);
  });

  it("counts requests by route pattern, never by raw path, and uploads by outcome", async () => {
    await observed.app.request("/v1/documents/registrar%2Fadd-drop.md");
    await observed.app.request("/v1/documents/housing%2Frules.md");
    await postJson(observed.app, "/v1/documents", { title: "Pets", text: "No pets." });
    const samples = await scrape();
    expect(
      sampleValue(samples, "grounded_faq_http_requests_total", {
        method: "GET",
        route: "/v1/documents/:id{.+}",
        status: "401",
      }),
    ).toBe(2);
    expect(samples.some((sample) => sample.labels.route?.includes("add-drop"))).toBe(false);
    expect(sampleValue(samples, "grounded_faq_uploads_total", { outcome: "refused" })).toBe(1);
  });

  it("serves Prometheus text with the histograms' buckets and the process metrics", async () => {
    const response = await observed.app.request("/metrics");
    const text = await response.text();
    expect(text).toContain("# TYPE grounded_faq_answer_duration_seconds histogram");
    expect(text).toContain('grounded_faq_answer_duration_seconds_bucket{le="0.001"}');
    expect(text).toContain("# TYPE grounded_faq_search_duration_seconds histogram");
    expect(text).toContain('grounded_faq_search_duration_seconds_bucket{le="+Inf"}');
    const names = new Set(parsePrometheusText(text).map((sample) => sample.name));
    expect(names).toContain("process_cpu_user_seconds_total");
    expect(names).toContain("nodejs_heap_size_used_bytes");
  });
});

describe("the answer log's failures on /metrics", () => {
  it("counts an answer the log could not keep by reason, from zero", async () => {
    let failure: Error = Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    const observed = await startObservedApp({
      answerLog: {
        logAnswer(): never {
          throw failure;
        },
      },
    });
    const failures = async () => {
      const samples = parsePrometheusText(await (await observed.app.request("/metrics")).text());
      return Object.fromEntries(
        samples
          .filter((sample) => sample.name === "grounded_faq_answer_log_failures_total")
          .map((sample) => [sample.labels.reason, sample.value]),
      );
    };
    try {
      expect(await failures()).toEqual({ storage_full: 0, other: 0 });
      const response = await postJson(observed.app, "/v1/answer", { question: "研究生加退選到什麼時候?" });
      expect(response.status).toBe(200);
      expect(await response.json()).not.toHaveProperty("answer_id");
      failure = new Error("disk I/O error");
      await postJson(observed.app, "/v1/answer", { question: "研究生加退選到什麼時候?" });
      await postJson(observed.app, "/v1/answer", { question: "研究生加退選到什麼時候?" });
      expect(await failures()).toEqual({ storage_full: 1, other: 2 });
    } finally {
      await observed.close();
    }
  });
});

describe("ServiceMetrics", () => {
  it("counts one index failure once, though the service and the HTTP layer both see it", async () => {
    const metrics = createMetrics();
    const failure = new StoreUnavailableError("Qdrant is unreachable");
    metrics.failed(failure);
    metrics.failed(failure);
    metrics.failed(new Error("not the index"));
    metrics.failed(new StoreUnavailableError("still unreachable"));
    const { body } = await metrics.exposition();
    expect(parsePrometheusText(body)).toContainEqual({ name: "grounded_faq_store_errors_total", labels: {}, value: 2 });
  });

  it("counts syncs by outcome and their documents by change", async () => {
    const metrics = createMetrics();
    metrics.synced("unreachable");
    metrics.synced("succeeded", { added: 3, updated: 1, removed: 0, unchanged: 5 });
    const samples = parsePrometheusText((await metrics.exposition()).body);
    expect(samples).toEqual(
      expect.arrayContaining([
        { name: "grounded_faq_sync_runs_total", labels: { outcome: "unreachable" }, value: 1 },
        { name: "grounded_faq_sync_runs_total", labels: { outcome: "succeeded" }, value: 1 },
        { name: "grounded_faq_synced_documents_total", labels: { change: "added" }, value: 3 },
        { name: "grounded_faq_synced_documents_total", labels: { change: "unchanged" }, value: 5 },
      ]),
    );
  });
});
