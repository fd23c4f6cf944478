import { OpenAIEmbeddings } from "@langchain/openai";
import type { ModelConfig } from "../../config.js";
import { type RetrySettings, withRetries } from "../../retry.js";
import { isUsableVector, type QueryVector } from "../../store/index-store.js";
import type { Embedder } from "../embedder.js";
import { ModelCallError } from "../model-call-error.js";
import { DEFAULT_MODEL_RETRY, type OpenAiModelOptions } from "./chat-model.js";
import { toModelCallError } from "./model-errors.js";

/** Texts sent to the model per request, and requests in flight at once. */
const BATCH_SIZE = 64;
const MAX_CONCURRENT_REQUESTS = 4;
/** Longest wait for a question's embedding before answering from the lexical results alone. */
const QUERY_TIMEOUT_MS = 3000;

/** An embedding model on OpenAI or any OpenAI-compatible server, batched and with a concurrency limit. */
export function createOpenAiEmbedder(config: ModelConfig, options: OpenAiModelOptions = {}): Embedder {
  const connection = {
    model: config.embeddingModel,
    apiKey: config.apiKey ?? "not-needed",
    configuration: config.baseUrl ? { baseURL: config.baseUrl } : {},
    // Retries are ours (withRetries), with waits a test can shorten.
    maxRetries: 0,
  };
  const embeddings = new OpenAIEmbeddings({ ...connection, batchSize: BATCH_SIZE, timeout: config.answerTimeoutMs });
  const queryEmbeddings = new OpenAIEmbeddings({
    ...connection,
    timeout: Math.min(config.answerTimeoutMs, QUERY_TIMEOUT_MS),
  });
  return new OpenAiEmbedder(embeddings, queryEmbeddings, config.embeddingModel, options.retry ?? DEFAULT_MODEL_RETRY);
}

class OpenAiEmbedder implements Embedder {
  constructor(
    private readonly embeddings: OpenAIEmbeddings,
    /** One try, and a short wait: a person is waiting for the answer. */
    private readonly queryEmbeddings: OpenAIEmbeddings,
    readonly model: string,
    private readonly retry: RetrySettings,
  ) {}

  async embedTexts(texts: readonly string[]): Promise<number[][]> {
    const batches: string[][] = [];
    for (let start = 0; start < texts.length; start += BATCH_SIZE) batches.push(texts.slice(start, start + BATCH_SIZE));
    const vectors = (await mapConcurrently(batches, MAX_CONCURRENT_REQUESTS, (batch) => this.embedBatch(batch))).flat();
    if (vectors.length !== texts.length || !vectors.every(isUsableVector)) {
      throw new ModelCallError(
        `the embedding model returned ${vectors.filter(isUsableVector).length} usable vectors for ${texts.length} texts`,
        { isRetryable: false },
      );
    }
    return vectors;
  }

  async embedQuestion(text: string, signal?: AbortSignal): Promise<QueryVector | undefined> {
    try {
      // The client takes no signal: stop waiting for it when the answer's time is up.
      const vector = await Promise.race([this.queryEmbeddings.embedQuery(text), abortedBy(signal)]);
      return isUsableVector(vector) ? { model: this.model, vector } : undefined;
    } catch {
      return undefined;
    }
  }

  private embedBatch(batch: string[]): Promise<number[][]> {
    return withRetries(async () => {
      try {
        return await this.embeddings.embedDocuments(batch);
      } catch (error) {
        throw toModelCallError(error);
      }
    }, this.retry);
  }
}

/** `map` over the items, at most `limit` at a time, results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const work = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await map(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, work));
  return results;
}

/** Rejects when the signal aborts; never settles without one. */
function abortedBy(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}
