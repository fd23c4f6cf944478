import fs from "node:fs";
import { serve } from "@hono/node-server";
import { EMBEDDINGS_FAILURE, type SyncSummary, syncFolder } from "../ingest/sync-folder.js";
import { defaultFaqMatchThreshold } from "./answering/answer-question.js";
import { createObservedAnswerService } from "./ask/answer-observer.js";
import { slowPersonalDataPattern } from "./config/find-slow-pattern.js";
import { ConfigError, loadConfig, personaFor } from "./config.js";
import { ConversationMemory } from "./conversation/conversation-memory.js";
import { openEmbedder } from "./embedding/open-embedder.js";
import { StoreUnavailableError } from "./errors.js";
import { createApp } from "./http/app.js";
import type { Readiness } from "./http/app-dependencies.js";
import { startAnswerLogRetention } from "./interactions/answer-log-retention.js";
import { createHandoffDelivery } from "./interactions/handoff-delivery.js";
import { ModelCallError } from "./models/model-call-error.js";
import { createOpenAiChatModel } from "./models/openai/index.js";
import { createLogger, createMetrics, eventLogOf, type Logger, type ServiceMetrics } from "./observability/index.js";
import { openEditorial } from "./open-editorial.js";
import { ReindexRequiredError } from "./store/index-store.js";
import { openIndexStore } from "./store/open-index-store.js";
import { MAX_MASKED_CHARS, personalDataMaskOf } from "./text/mask-personal-data.js";

/** Starts serving at once (liveness), then syncs the knowledge folder (readiness). */
async function main(): Promise<void> {
  const config = loadConfig();
  // A deployment's pattern that backtracks without end would stall every answer: refused at start-up.
  const slowPattern = await slowPersonalDataPattern(config.personalData, MAX_MASKED_CHARS);
  if (slowPattern) throw new ConfigError(slowPattern);
  // One logger and one set of metrics for the process, handed to what writes or counts.
  const logger = createLogger({ level: config.logLevel });
  const metrics = createMetrics();
  const log = eventLogOf(logger);
  if (!fs.statSync(config.knowledgeDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ConfigError(
      `KNOWLEDGE_DIR: ${config.knowledgeDir} is not a folder. Create it, or set KNOWLEDGE_DIR to the folder of documents to serve.`,
    );
  }
  const index = openIndexStore(config);
  const { store } = index;
  const readiness: Readiness = { ready: false, reason: `connecting to the index (${index.description})` };
  const embedding = openEmbedder(config);
  const { embedder } = embedding;
  const answering = {
    abstainThreshold: config.abstainThreshold,
    confidenceModel: config.confidenceModel,
    faqMatchThreshold: defaultFaqMatchThreshold,
    embedder,
  };
  const personalData = personalDataMaskOf(config.personalData);
  const editorial = openEditorial(config.editorialFile, store, { pdfLimits: config.pdfLimits, embedder, personalData });
  const answers = createObservedAnswerService(
    {
      store,
      answering,
      personaFor: (collection) => personaFor(config, collection),
      conversations: new ConversationMemory(),
      answerLog: editorial.interactions,
      personalData,
      log,
      ...(config.model
        ? { generation: { chatModel: createOpenAiChatModel(config.model), timeoutMs: config.model.answerTimeoutMs } }
        : {}),
    },
    metrics,
  );
  const handoffDelivery = createHandoffDelivery(
    editorial.interactions,
    config.handoffWebhook && { ...config.handoffWebhook, attempts: 5, firstDelayMs: 2000, timeoutMs: 10_000 },
    log,
  );
  const app = createApp({
    store,
    readiness,
    answers,
    allowedOrigins: config.allowedOrigins,
    editorial: {
      keys: editorial.keys,
      editor: editorial.editor,
      maxUploadBytes: config.maxUploadBytes,
      requireApiKeyForAnswers: config.requireApiKeyForAnswers,
      interactions: editorial.interactions,
      handoffDelivery,
    },
    observability: { logger, metrics },
  });
  // Tickets whose delivery a restart cut short are sent again.
  handoffDelivery.resumePending();
  const retention =
    config.answerLogRetentionDays === undefined
      ? undefined
      : startAnswerLogRetention(editorial.interactions, { days: config.answerLogRetentionDays, log });
  log("answers", {
    mode: config.model ? "generative" : "extractive",
    ...(config.model
      ? {
          chat_model: config.model.chatModel,
          embedding_model: config.model.embeddingModel,
          base_url: config.model.baseUrl ?? "api.openai.com",
        }
      : {}),
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (address) => {
    log("listening", { url: `http://localhost:${address.port}` });
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === "EADDRINUSE"
        ? `PORT ${config.port} is already in use; stop the other process or set PORT to a free port.`
        : error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND"
          ? `HOST ${config.host} is not an address of this machine; set HOST to one (0.0.0.0 for every interface).`
          : error.message;
    console.error(`Cannot serve HTTP: ${reason}`);
    process.exit(1);
  });
  const shutDown = () => {
    retention?.stop();
    server.close(() => {
      embedding.close();
      editorial.close();
      void store.close().then(() => process.exit(0));
    });
  };
  process.once("SIGINT", shutDown);
  process.once("SIGTERM", shutDown);

  await syncWhenReachable(index, readiness, { logger, metrics }, async () => {
    const summary = await syncFolder(store, config.knowledgeDir, undefined, {
      embedder,
      pdfLimits: config.pdfLimits,
    });
    // Then the published uploads: a new index (or one a crash left behind) is brought up to date.
    const uploads = await editorial.editor.reconcile();
    return { ...summary, uploads_written: uploads.written, uploads_removed: uploads.removed };
  });
}

/**
 * Prepares the index and runs the first sync, retrying both with backoff (1 s, doubling, at most
 * 30 s) while the index is unreachable; /readyz says why meanwhile. A sync that fails otherwise
 * leaves the service not ready, with the reason.
 */
async function syncWhenReachable(
  index: ReturnType<typeof openIndexStore>,
  readiness: Readiness,
  { logger, metrics }: { logger: Logger; metrics: ServiceMetrics },
  sync: () => Promise<SyncSummary & Record<string, unknown>>,
): Promise<void> {
  for (let delaySeconds = 1; ; delaySeconds = Math.min(delaySeconds * 2, MAX_RETRY_SECONDS)) {
    try {
      await index.prepare();
      readiness.reason = "syncing the knowledge folder";
      const summary = await sync();
      logger.info({ event: "synced", ...summary, seconds: Number(summary.seconds.toFixed(2)) });
      const { added, updated, removed, unchanged, failures } = summary;
      metrics.synced(failures.length > 0 ? "partial" : "succeeded", { added, updated, removed, unchanged });
      if (failures.some((failure) => failure.path === EMBEDDINGS_FAILURE)) metrics.modelFailed("embedding");
      readiness.ready = true;
      readiness.reason = "";
      return;
    } catch (error) {
      // An index built for another embedding model cannot serve this one: say how to re-index, and stop.
      if (error instanceof ReindexRequiredError) {
        console.error(error.message);
        process.exit(1);
      }
      metrics.failed(error);
      if (error instanceof ModelCallError) metrics.modelFailed("embedding");
      if (!(error instanceof StoreUnavailableError) || !error.retryable) {
        readiness.reason = `the first sync failed: ${(error as Error).message}`;
        logger.error({ event: "sync_failed", reason: readiness.reason, err: error });
        metrics.synced("failed");
        return;
      }
      readiness.reason = `the index is unreachable (${index.description}): ${error.message}; retrying in ${delaySeconds} s`;
      logger.warn({ event: "index_unreachable", reason: readiness.reason });
      metrics.synced("unreachable");
      await new Promise((resolve) => setTimeout(resolve, delaySeconds * 1000));
    }
  }
}

const MAX_RETRY_SECONDS = 30;

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
