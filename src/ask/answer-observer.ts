import type { AnsweringSettings } from "../answering/answer-question.js";
import { InvalidRequestError, isDiskFullError } from "../errors.js";
import type { AnswerResponse, DraftResponse } from "../schemas.js";
import type { IndexStore } from "../store/index-store.js";
import { type AnswerService, type AnswerServiceDependencies, createAnswerService } from "./answer-service.js";

/** What the service reports for metrics; vendor-free (src/observability implements it with Prometheus). */
export interface AnswerObserver {
  /** One answer or draft (`status` is `invalid` when it was refused, `error` when it failed), with how long it took. */
  answered(outcome: {
    status: string;
    mode: string;
    /** A collection the index knows, `all` when none was asked, `other` for anything else. */
    collection: string;
    fallbackReason: string;
    seconds: number;
  }): void;
  /** One search of the index. */
  searched(seconds: number): void;
  /** The chat model failed or was too slow (the answer fell back), or the question's embedding did. */
  modelFailed(kind: "chat" | "embedding"): void;
  /** What an answer, draft or search failed with. */
  failed(error: unknown): void;
  /** An answer could not be written to the answer log (it was sent without an `answer_id`). */
  answerLogFailed(reason: AnswerLogFailure): void;
}

/** Why the answer log could not be written: the disk (or its quota) is full, or anything else. */
export type AnswerLogFailure = "storage_full" | "other";

/** Fallbacks caused by the chat model itself; `ungrounded` and `model_declined` are answers it gave. */
const CHAT_FAILURES = new Set(["timeout", "rate_limited", "model_error"]);

/**
 * The answer service, counted whichever door asks: each answer, draft and search is reported to
 * the observer, failures included, and so are each search's time and each failed embedding.
 */
export function createObservedAnswerService(
  dependencies: AnswerServiceDependencies,
  observer: AnswerObserver,
): AnswerService {
  const store = timingSearches(dependencies.store, observer);
  const answering = reportingEmbeddingFailures(dependencies.answering, observer);
  const answerLog = reportingLogFailures(dependencies.answerLog, observer);
  return observedService(createAnswerService({ ...dependencies, store, answering, answerLog }), store, observer);
}

function observedService(service: AnswerService, store: IndexStore, observer: AnswerObserver): AnswerService {
  /** A name the index knows, or `other`: what a caller typed never becomes a label of its own. */
  const collectionLabel = async (collection: string | undefined): Promise<string> => {
    if (collection === undefined) return "all";
    const known = await store.listCollections().catch((): string[] => []);
    return known.includes(collection) ? collection : "other";
  };
  const observed = async <R extends AnswerResponse | DraftResponse>(
    collection: string | undefined,
    run: () => Promise<R>,
  ): Promise<R> => {
    const startedAt = performance.now();
    const seconds = () => (performance.now() - startedAt) / 1000;
    try {
      const response = await run();
      const fallbackReason = response.fallback_reason ?? "";
      if (CHAT_FAILURES.has(fallbackReason)) observer.modelFailed("chat");
      // Answered, so the collection was checked against the index's.
      const { status, mode } = response;
      observer.answered({ status, mode, collection: collection ?? "all", fallbackReason, seconds: seconds() });
      return response;
    } catch (error) {
      // A caller's mistake (an unknown collection, say) is refused, not a failure of the service.
      const refused = error instanceof InvalidRequestError;
      if (!refused) observer.failed(error);
      const label = await collectionLabel(collection);
      const status = refused ? "invalid" : "error";
      observer.answered({ status, mode: "", collection: label, fallbackReason: "", seconds: seconds() });
      throw error;
    }
  };
  return {
    ...service,
    ask: (request, options) => observed(request.collection, () => service.ask(request, options)),
    draft: (request, options) => observed(request.collection, () => service.draft(request, options)),
    search: (query, options) =>
      service.search(query, options).catch((error: unknown) => {
        observer.failed(error);
        throw error;
      }),
  };
}
/** The index with each search timed; every other member is the index's own. */
function timingSearches(store: IndexStore, observer: AnswerObserver): IndexStore {
  const searchChunks: IndexStore["searchChunks"] = async (request) => {
    const startedAt = performance.now();
    try {
      return await store.searchChunks(request);
    } finally {
      observer.searched((performance.now() - startedAt) / 1000);
    }
  };
  // Each method bound once, not on every read: the answer path reads several per question.
  const bound = new Map<PropertyKey, unknown>([["searchChunks", searchChunks]]);
  return new Proxy(store, {
    get(target, member) {
      const value: unknown = Reflect.get(target, member, target);
      if (typeof value !== "function") return value;
      if (!bound.has(member)) bound.set(member, value.bind(target));
      return bound.get(member);
    },
  });
}

/** The embedder says nothing when it fails or is slow (retrieval stays lexical): the observer hears of it. */
function reportingEmbeddingFailures<T extends Pick<AnsweringSettings, "embedder">>(
  answering: T,
  observer: AnswerObserver,
): T {
  const { embedder } = answering;
  if (!embedder) return answering;
  return {
    ...answering,
    embedder: {
      async embedQuestion(text: string, signal?: AbortSignal) {
        const vector = await embedder.embedQuestion(text, signal);
        // A client that went away is not the model failing.
        if (!vector && !signal?.aborted) observer.modelFailed("embedding");
        return vector;
      },
    },
  };
}

/** The answer service carries on without an `answer_id` when the log cannot be written: the observer hears of it. */
function reportingLogFailures(
  answerLog: AnswerServiceDependencies["answerLog"],
  observer: AnswerObserver,
): AnswerServiceDependencies["answerLog"] {
  return {
    async logAnswer(entry) {
      try {
        return await answerLog.logAnswer(entry);
      } catch (error) {
        observer.answerLogFailed(isDiskFullError(error) ? "storage_full" : "other");
        throw error;
      }
    },
  };
}
