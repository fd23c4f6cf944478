import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import { StoreUnavailableError } from "../errors.js";
import { isSafetyStatus, SAFETY_STATUSES } from "../safety/safety-reply.js";

/** One answer or draft as the answer service reports it; `status: "error"` when it failed. */
export interface AnswerOutcome {
  status: string;
  mode: string;
  /** A collection the index knows, `all` when none was asked, `other` for anything else. */
  collection: string;
  fallbackReason: string;
  seconds: number;
}

/** How a sync of the knowledge folder ended; `unreachable` runs are retried. */
export type SyncOutcome = "succeeded" | "partial" | "failed" | "unreachable";

/** Answers take from 1 ms (a curated FAQ) to the 20 s default ANSWER_TIMEOUT_MS and a little beyond. */
const ANSWER_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30];
/** One index search: well under a millisecond in SQLite, a network round trip with Qdrant. */
const SEARCH_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * The service's Prometheus metrics, in a registry of their own (with Node's process metrics), not
 * prom-client's global one: two apps in one test process count apart. It implements the answer
 * service's observer port (answered, searched, modelFailed, failed, answerLogFailed) without either
 * importing the other.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly answers = new Counter({
    name: "grounded_faq_answers_total",
    help: "Answers and drafts given (or failed: status error), by every door.",
    labelNames: ["status", "mode", "collection", "fallback_reason"],
    registers: [this.registry],
  });
  private readonly safetyReplies = new Counter({
    name: "grounded_faq_safety_replies_total",
    help: "Messages answered by the safety check instead of the documents: safety (someone may be in danger) or declined (a harmful request); answers and drafts.",
    labelNames: ["status"],
    registers: [this.registry],
  });
  private readonly answerDuration = new Histogram({
    name: "grounded_faq_answer_duration_seconds",
    help: "Time to answer a question or draft a reply, follow-up rewriting included.",
    buckets: ANSWER_BUCKETS,
    registers: [this.registry],
  });
  private readonly searchDuration = new Histogram({
    name: "grounded_faq_search_duration_seconds",
    help: "Time the index took to answer one search.",
    buckets: SEARCH_BUCKETS,
    registers: [this.registry],
  });
  private readonly modelErrors = new Counter({
    name: "grounded_faq_model_errors_total",
    help: "Model calls that failed or timed out: chat (the answer fell back) or embedding.",
    labelNames: ["kind"],
    registers: [this.registry],
  });
  private readonly storeErrors = new Counter({
    name: "grounded_faq_store_errors_total",
    help: "Times the index could not be used (store_unavailable).",
    registers: [this.registry],
  });
  private readonly answerLogFailures = new Counter({
    name: "grounded_faq_answer_log_failures_total",
    help: "Answers sent without an answer_id because the answer log could not be written, by reason.",
    labelNames: ["reason"],
    registers: [this.registry],
  });
  private readonly syncRuns = new Counter({
    name: "grounded_faq_sync_runs_total",
    help: "Syncs of the knowledge folder, by outcome.",
    labelNames: ["outcome"],
    registers: [this.registry],
  });
  private readonly syncedDocuments = new Counter({
    name: "grounded_faq_synced_documents_total",
    help: "Documents a sync of the knowledge folder found, by change.",
    labelNames: ["change"],
    registers: [this.registry],
  });
  private readonly uploads = new Counter({
    name: "grounded_faq_uploads_total",
    help: "Document uploads and replacements by editors (API and page): accepted, refused (4xx) or failed (5xx).",
    labelNames: ["outcome"],
    registers: [this.registry],
  });
  private readonly httpRequests = new Counter({
    name: "grounded_faq_http_requests_total",
    help: "HTTP requests by method, route pattern (never the raw path) and status.",
    labelNames: ["method", "route", "status"],
    registers: [this.registry],
  });
  /** A failure seen both by the answer service and by the HTTP layer is counted once. */
  private readonly counted = new WeakSet<object>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Known series start at 0, so that rate() and alerts see the first failure.
    for (const kind of ["chat", "embedding"]) this.modelErrors.inc({ kind }, 0);
    // A rise in safety replies is worth an alert from the first one.
    for (const status of SAFETY_STATUSES) this.safetyReplies.inc({ status }, 0);
    for (const reason of ["storage_full", "other"]) this.answerLogFailures.inc({ reason }, 0);
    for (const outcome of ["accepted", "refused", "failed"]) this.uploads.inc({ outcome }, 0);
    for (const outcome of ["succeeded", "partial", "failed", "unreachable"]) this.syncRuns.inc({ outcome }, 0);
  }

  answered(outcome: AnswerOutcome): void {
    const { status, mode, collection, fallbackReason } = outcome;
    this.answers.inc({ status, mode, collection, fallback_reason: fallbackReason });
    if (isSafetyStatus(status)) this.safetyReplies.inc({ status });
    this.answerDuration.observe(outcome.seconds);
  }

  searched(seconds: number): void {
    this.searchDuration.observe(seconds);
  }

  modelFailed(kind: "chat" | "embedding"): void {
    this.modelErrors.inc({ kind });
  }

  /** An error the service or a request ended with; only the index's failures are counted. */
  failed(error: unknown): void {
    if (!(error instanceof StoreUnavailableError) || this.counted.has(error)) return;
    this.counted.add(error);
    this.storeErrors.inc();
  }

  answerLogFailed(reason: "storage_full" | "other"): void {
    this.answerLogFailures.inc({ reason });
  }

  synced(outcome: SyncOutcome, changes?: Record<"added" | "updated" | "removed" | "unchanged", number>): void {
    this.syncRuns.inc({ outcome });
    for (const [change, count] of Object.entries(changes ?? {})) this.syncedDocuments.inc({ change }, count);
  }

  uploaded(outcome: "accepted" | "refused" | "failed"): void {
    this.uploads.inc({ outcome });
  }

  requested(method: string, route: string, status: number): void {
    this.httpRequests.inc({ method: METHODS.has(method) ? method : "OTHER", route, status: String(status) });
  }

  /** The Prometheus text exposition and its content type. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

export function createMetrics(): ServiceMetrics {
  return new ServiceMetrics();
}
