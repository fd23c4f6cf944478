import fs from "node:fs";
import path from "node:path";
import { EMBEDDINGS_FAILURE, type SyncSummary, syncFolder } from "../ingest/sync-folder.js";
import { type ActionDefinition, readActionDefinitions } from "./actions/action-definition.js";
import { RecordSystems } from "./actions/call-record-system.js";
import { RecordLookUps } from "./actions/look-up-records.js";
import { ActionMatcher } from "./actions/match-action.js";
import { defaultFaqMatchThreshold } from "./answering/answer-question.js";
import { type AnswerObserver, createObservedAnswerService } from "./ask/answer-observer.js";
import type { AnswerServiceDependencies } from "./ask/answer-service.js";
import { findSlowPattern, slowPersonalDataPattern } from "./config/find-slow-pattern.js";
import { SettingsFileError } from "./config/yaml-settings.js";
import { ConfigError, loadConfig, personaFor } from "./config.js";
import { DatabaseConversations } from "./conversation/database-conversations.js";
import { prepareDataDir } from "./data-dir.js";
import { type ChangeListener, listenForChanges } from "./database/listen-for-changes.js";
import { DatabaseFromNewerReleaseError, MigrationFailedError } from "./database/migrate.js";
import { type DatabaseLocation, DatabaseUnreachableError } from "./database/open-database.js";
import { VOCABULARY_AUDIT_SUBJECT } from "./editorial/editors-vocabulary.js";
import { ChangeFollower } from "./editorial/follow-changes.js";
import { openEmbedder } from "./embedding/open-embedder.js";
import { EditorialStoreUnavailableError, StoreUnavailableError } from "./errors.js";
import { createApp } from "./http/app.js";
import type { Readiness } from "./http/app-dependencies.js";
import { serveApp } from "./http/serve-app.js";
import { SharedRateCounts } from "./http/shared-rate-counts.js";
import { startAnswerLogRetention } from "./interactions/answer-log-retention.js";
import { createHandoffDelivery } from "./interactions/handoff-delivery.js";
import type { ChatModel } from "./models/chat-model.js";
import { ModelCallError } from "./models/model-call-error.js";
import { createOpenAiChatModel } from "./models/openai/index.js";
import { createLogger, createMetrics, eventLogOf, type Logger, type ServiceMetrics } from "./observability/index.js";
import { type Editorial, openEditorial, unavailableEditorial } from "./open-editorial.js";
import { loadSafetyClassifier } from "./safety/detect-safety-concern.js";
import { MAX_QUESTION_CHARS } from "./schemas.js";
import { type StorageHealth, watchStorage } from "./storage-health.js";
import { type IndexStore, ReindexRequiredError } from "./store/index-store.js";
import { openIndexStore } from "./store/open-index-store.js";
import { studentTokenVerifier } from "./students/verify-student-token.js";
import { BilingualDictionary } from "./text/bilingual-dictionary.js";
import { MAX_MASKED_CHARS, personalDataMaskOf } from "./text/mask-personal-data.js";
import { prepareSoundAlikes } from "./text/sound-alike.js";
import { combinedVocabularyOf, type Vocabulary } from "./text/vocabulary.js";
import { VOCABULARY_FILE, watchVocabulary } from "./text/vocabulary-file.js";
import { settleWithin } from "./until-deadline.js";

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
  prepareDataDir(config);
  const index = openIndexStore(config);
  const { store } = index;
  if (index.setAside) {
    logger.warn({
      event: "index_set_aside",
      problem: index.setAside.problem,
      moved_to: index.setAside.movedTo,
      message: `The index ${config.databaseFile} was corrupted (${index.setAside.problem}). It was moved to ${index.setAside.movedTo} and is rebuilt now from the knowledge folder and the published uploads; delete the old file once you no longer need it.`,
    });
  }
  const classifierProblem = loadSafetyClassifier();
  if (classifierProblem) {
    logger.error({
      event: "safety_classifier_not_loaded",
      reason: classifierProblem,
      message: "Messages are read for distress and harmful requests by patterns and signs only.",
    });
  }
  const readiness: Readiness = { ready: false, reason: `connecting to the index (${index.description})` };
  const embedding = openEmbedder(config);
  const { embedder } = embedding;
  const fileVocabulary = watchKnowledgeVocabulary(config.knowledgeDir, logger);
  const personalData = personalDataMaskOf(config.personalData);
  const editorial = await openEditorialOrStandIn(config.editorialDatabase, store, {
    parseLimits: config.parseLimits,
    embedder,
    personalData,
    onVocabularyMistake: (message) => logger.error({ event: "vocabulary_not_applied", message }),
    onAuditError: (error) => logger.error({ event: "action_audit_failed", reason: error.message }),
  });
  // With PostgreSQL, other replicas change what documents answer: this one follows from here on.
  const follower = followOtherReplicas(config, editorial, log);
  await follower?.startFromNow();
  // Read again from here: a save another replica made while this one opened counts as applied.
  if (follower) await editorial.vocabulary.refresh();
  // Read while the folder syncs (see below); until then, questions are not translated.
  let dictionary: BilingualDictionary | undefined;
  const answering: AnswerServiceDependencies["answering"] = {
    abstainThreshold: config.abstainThreshold,
    confidenceModel: config.confidenceModel,
    faqMatchThreshold: defaultFaqMatchThreshold,
    embedder,
    // The file's and the editors' together; the editors' part is parsed again only after a save, and
    // is empty while the editorial file cannot be used.
    vocabulary: combinedVocabularyOf([fileVocabulary, () => editorial.vocabulary.current()]),
    // Read through a function: the service, and the copies of these settings it makes, are built before it is.
    dictionary: () => dictionary,
  };
  readiness.databaseProblem = () => editorial.problem();
  if (editorial.unavailable) {
    logger.error({
      event: "editorial_store_unavailable",
      file: config.editorialFile,
      problem: editorial.unavailable.problem,
      message: `${config.editorialFile} is corrupted (${editorial.unavailable.problem}). Answers from the index go on; uploads, API keys, the answer log and hand-offs answer 503 editorial_store_unavailable. To recover: stop the service; restore ${config.editorialFile} from a backup, or move it aside (its uploads, keys and answer log are then lost) to start with an empty one; start the service again. The file was left untouched.`,
    });
  }
  const storage = watchStorage(config.dataDir, { minFreeBytes: config.minFreeDiskBytes });
  const chatModel = config.model && createOpenAiChatModel(config.model);
  const actions = await actionsIn(config.knowledgeDir);
  const records = recordLookUpsOf(actions, editorial, log, chatModel);
  const answers = createObservedAnswerService(
    {
      store,
      answering,
      personaFor: (collection) => personaFor(config, collection),
      crisisResources: config.crisisResources,
      conversations: editorial.conversations,
      answerLog: editorial.interactions,
      personalData,
      log,
      ...(records ? { records } : {}),
      ...(config.signInUrl ? { signInUrl: config.signInUrl } : {}),
      ...(config.model && chatModel ? { generation: { chatModel, timeoutMs: config.model.answerTimeoutMs } } : {}),
    },
    noticingFullDisk(metrics, storage),
  );
  const handoffDelivery = createHandoffDelivery(
    editorial.interactions,
    config.handoffWebhook && { ...config.handoffWebhook, attempts: 5, firstDelayMs: 2000, timeoutMs: 10_000 },
    log,
  );
  // Rate limits counted in Redis, one budget for every replica; in memory while Redis is away.
  const sharedCounts = config.rateLimits && config.redisUrl ? new SharedRateCounts(config.redisUrl) : undefined;
  const app = createApp({
    store,
    readiness,
    storage,
    answers,
    allowedOrigins: config.allowedOrigins,
    ...(config.studentTokens ? { verifyStudentToken: studentTokenVerifier(config.studentTokens) } : {}),
    ...(records
      ? { actions: { definitions: actions, latestCalls: (limit: number) => editorial.actionAudit.latest(limit) } }
      : {}),
    vocabularyFile: { path: path.join(config.knowledgeDir, VOCABULARY_FILE), current: fileVocabulary },
    ...(config.rateLimits
      ? {
          rateLimits: {
            limits: config.rateLimits,
            trustedProxies: config.trustedProxies,
            ...(sharedCounts ? { sharedCounts } : {}),
          },
        }
      : {}),
    editorial: {
      keys: editorial.keys,
      editor: editorial.editor,
      maxUploadBytes: config.maxUploadBytes,
      requireApiKeyForAnswers: config.requireApiKeyForAnswers,
      interactions: editorial.interactions,
      handoffDelivery,
      vocabulary: editorial.vocabulary,
      phrasings: editorial.phrasings,
      sessions: editorial.sessions,
    },
    observability: { logger, metrics },
  });
  // Turns of conversations idle for longer than they are kept, deleted from the shared database.
  const { conversations } = editorial;
  const forgetIdleConversations =
    conversations instanceof DatabaseConversations
      ? setInterval(
          () =>
            void conversations
              .forgetIdle()
              .catch((error: unknown) => log("conversation_unavailable", { reason: (error as Error).message })),
          FORGET_IDLE_CONVERSATIONS_MS,
        )
      : undefined;
  forgetIdleConversations?.unref();
  // Tickets whose delivery a restart cut short are sent again, now and then: another replica's
  // claim on a ticket lapses if that replica died.
  const resumeDeliveries = editorial.unavailable
    ? undefined
    : setInterval(() => handoffDelivery.resumePending(), RESUME_DELIVERIES_MS);
  resumeDeliveries?.unref();
  if (!editorial.unavailable) void handoffDelivery.resumePending();
  const retention =
    config.answerLogRetentionDays === undefined || editorial.unavailable
      ? undefined
      : startAnswerLogRetention(editorial.interactions, { days: config.answerLogRetentionDays, log });
  log("answers", {
    mode: config.model ? "generative" : "extractive",
    // Where the contact lines and crisis lines came from, when not from the environment or the defaults.
    help_desk_settings: config.helpDeskSettingsFile ?? "none",
    ...(config.model
      ? {
          chat_model: config.model.chatModel,
          embedding_model: config.model.embeddingModel,
          base_url: config.model.baseUrl ?? "api.openai.com",
        }
      : {}),
  });
  const server = serveApp(app, { port: config.port, hostname: config.host }, (address) => {
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
  const shutDown = (signal: NodeJS.Signals) => {
    // Not ready from now on, so that a load balancer sends no more; what is in flight finishes.
    readiness.stopping = true;
    log("shutting_down", { signal, drain_ms: config.shutdownDrainMs, grace_ms: config.shutdownGraceMs });
    retention?.stop();
    void follower?.stop();
    clearInterval(resumeDeliveries);
    clearInterval(forgetIdleConversations);
    // Accepting still for SHUTDOWN_DRAIN_MS, while load balancers see /readyz fail and stop sending.
    setTimeout(() => {
      const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
      deadline.unref();
      server.close(() => {
        clearTimeout(deadline);
        embedding.close();
        // Closing waits for nothing longer than the grace period: a database that stalls is left.
        const closed = Promise.allSettled([editorial.close(), store.close(), sharedCounts?.close()]);
        void settleWithin(closed, config.shutdownGraceMs, "closing")
          .catch(() => undefined)
          .then(() => process.exit(0));
      });
    }, config.shutdownDrainMs);
  };
  process.once("SIGINT", shutDown);
  process.once("SIGTERM", shutDown);

  const dictionaryLoaded = BilingualDictionary.load().then(
    (loaded) => {
      dictionary = loaded;
    },
    (error: unknown) =>
      logger.error({
        event: "dictionary_unavailable",
        err: error,
        message: "Questions are not translated to find documents in the other language.",
      }),
  );
  // The sounds of characters, for questions typed with a slip of a Zhuyin or Pinyin keyboard: built
  // after the dictionary's turn, with or without it, rather than at the first such question.
  void dictionaryLoaded.finally(prepareSoundAlikes);
  await syncWhenReachable(index, readiness, { logger, metrics }, async () => {
    await dictionaryLoaded;
    const summary = await syncFolder(store, config.knowledgeDir, undefined, {
      embedder,
      parseLimits: config.parseLimits,
      // Changed files keep the wordings editors taught for their passages.
      ...(editorial.unavailable ? {} : { attachPhrasings: editorial.phrasings.attach }),
    });
    // Without the editorial file the index keeps the published uploads it has: they are not removed.
    if (editorial.unavailable) return { ...summary, uploads: "kept as indexed (editorial store unavailable)" };
    // Then the published uploads: a new index (or one a crash left behind) is brought up to date.
    const uploads = await editorial.editor.reconcile();
    // Then the taught phrasings, into documents a crash or a new index left without them.
    const phrasings = await editorial.phrasings.reconcile();
    // What other replicas changed meanwhile, before this one says it is ready; from now on, their
    // changes are applied as they make them.
    await follower?.catchUp();
    follower?.start();
    return {
      ...summary,
      uploads_written: uploads.written,
      uploads_removed: uploads.removed,
      phrasings_rewritten: phrasings,
    };
  });
}

/** How often the turns of idle conversations are deleted from the shared database. */
const FORGET_IDLE_CONVERSATIONS_MS = 10 * 60 * 1000;

/** How often tickets whose delivery nobody holds are looked for. */
const RESUME_DELIVERIES_MS = 60_000;

/** How often a replica compares its whole index with the record in PostgreSQL. */
const COMPARE_WITH_RECORD_MS = 10 * 60 * 1000;

/** Catch-ups when no announcement came: a connection may die without saying so. */
const FOLLOW_POLL_MS = 5000;

/**
 * With PostgreSQL, a follower of the audit trail that applies what other replicas change to this
 * one's index (a published or removed upload, a taught phrasing) and vocabulary; none on SQLite,
 * which one replica has to itself.
 */
function followOtherReplicas(
  config: { editorialDatabase: DatabaseLocation },
  editorial: Editorial & { unavailable?: EditorialStoreUnavailableError },
  log: (event: string, fields: Record<string, unknown>) => void,
) {
  const location = config.editorialDatabase;
  if (!("url" in location) || editorial.unavailable) return undefined;
  const follower = new ChangeFollower(
    editorial.database,
    async (docId) => {
      if (docId === VOCABULARY_AUDIT_SUBJECT) return editorial.vocabulary.refresh();
      await editorial.editor.follow(docId);
      await editorial.phrasings.follow(docId);
    },
    (docId, error) => log("follow_failed", { doc_id: docId, reason: (error as Error).message }),
  );
  let listener: ChangeListener | undefined;
  let poll: NodeJS.Timeout | undefined;
  let compare: NodeJS.Timeout | undefined;
  const catchUp = () =>
    void follower.catchUp().catch((error: unknown) => log("follow_failed", { reason: (error as Error).message }));
  // Now and then the whole index is compared with the record, for what no event says: a change
  // another replica made and then took back when its own index could not take it.
  let comparing = false;
  const compareWithRecord = async () => {
    if (comparing) return;
    comparing = true;
    try {
      const uploads = await editorial.editor.reconcile();
      const phrasings = await editorial.phrasings.reconcile();
      await editorial.vocabulary.refresh();
      if (uploads.written + uploads.removed + phrasings > 0) {
        log("index_compared", { uploads_written: uploads.written, uploads_removed: uploads.removed, phrasings });
      }
    } catch (error) {
      log("follow_failed", { reason: (error as Error).message });
    } finally {
      comparing = false;
    }
  };
  return {
    startFromNow: () => follower.startFromNow(),
    catchUp: () => follower.catchUp(),
    start: () => {
      listener = listenForChanges(location.url, {
        onEvent: catchUp,
        onConnected: catchUp,
        onLost: (reason) => log("changes_listener_lost", { reason, message: "Reconnecting; caught up once back." }),
      });
      poll = setInterval(catchUp, FOLLOW_POLL_MS);
      poll.unref();
      compare = setInterval(() => void compareWithRecord(), COMPARE_WITH_RECORD_MS);
      compare.unref();
    },
    stop: async () => {
      clearInterval(poll);
      clearInterval(compare);
      await listener?.close();
    },
  };
}

/**
 * The metrics, with `storage` also told when the answer log could not be written for lack of space
 * (the answer goes on without it): the observer already tells a full disk from other failures.
 */
function noticingFullDisk(metrics: ServiceMetrics, storage: StorageHealth): AnswerObserver {
  return {
    answered: (outcome) => metrics.answered(outcome),
    searched: (seconds) => metrics.searched(seconds),
    modelFailed: (kind) => metrics.modelFailed(kind),
    failed: (error) => metrics.failed(error),
    answerLogFailed: (reason) => {
      if (reason === "storage_full") storage.recordFull();
      metrics.answerLogFailed(reason);
    },
  };
}

/**
 * The actions the knowledge folder declares. A mistake in an action file, or a pattern that would
 * stall answers, stops start-up.
 */
async function actionsIn(knowledgeDir: string): Promise<ActionDefinition[]> {
  let actions: ActionDefinition[];
  try {
    actions = readActionDefinitions(knowledgeDir);
  } catch (error) {
    if (!(error instanceof SettingsFileError)) throw error;
    throw new ConfigError(`Invalid configuration. Fix the action files:\n  ${error.message.replaceAll("\n", "\n  ")}`);
  }
  const patterns = actions.flatMap((action) =>
    Object.entries(action.parameters).flatMap(([name, parameter]) =>
      parameter.from === "question" ? [{ file: action.file, name, pattern: parameter.regex }] : [],
    ),
  );
  const slow = await findSlowPattern(patterns, { textLength: MAX_QUESTION_CHARS, budgetMs: 2000 });
  if (slow !== undefined) {
    const { file, name } = patterns[slow] ?? {};
    throw new ConfigError(
      `Invalid configuration. Fix the action files:\n  ${file}: parameters.${name}.pattern: takes more than 2 s on a long question and would stall answers; rewrite it without a repetition inside a repetition, such as (\\w+)+`,
    );
  }
  return actions;
}

/**
 * Look-ups in the organisation's systems by the declared actions; none when none are declared.
 * Without the editorial file no call could be audited, so none is made.
 */
function recordLookUpsOf(
  actions: ActionDefinition[],
  editorial: Editorial & { unavailable?: EditorialStoreUnavailableError },
  log: (event: string, fields: Record<string, unknown>) => void,
  chatModel: ChatModel | undefined,
): RecordLookUps | undefined {
  if (actions.length === 0) return undefined;
  if (editorial.unavailable) {
    log("actions_off", { reason: "the editorial file is unavailable, so no action call could be audited" });
    return undefined;
  }
  // An action whose system is not configured answers "not answering": the operator hears of it now.
  const unset = new Map<string, string[]>();
  for (const action of actions) {
    const names = [
      action.request.base_url_env,
      ...Object.values(action.request.headers ?? {}).flatMap((value) => (typeof value === "string" ? [] : [value.env])),
    ];
    for (const name of names.filter((variable) => !process.env[variable]))
      unset.set(name, [...(unset.get(name) ?? []), action.id]);
  }
  if (unset.size > 0)
    log("actions_not_configured", {
      unset: [...unset.keys()],
      message: `Not set: ${[...unset].map(([name, ids]) => `${name} (for ${[...new Set(ids)].join(", ")})`).join("; ")}. Until they are, these actions answer that their system is not answering (docs/actions.md).`,
    });
  return new RecordLookUps(
    new ActionMatcher(actions),
    new RecordSystems({ environment: process.env }),
    editorial.actionAudit,
    editorial.actionConfirmations,
    { log, ...(chatModel ? { model: chatModel } : {}) },
  );
}

/**
 * The knowledge folder's vocabulary, read again whenever its file changes. A mistake in it stops
 * start-up like any bad setting; a later edit with a mistake is logged and the last good one stays.
 */
function watchKnowledgeVocabulary(knowledgeDir: string, logger: Logger): () => Vocabulary {
  try {
    return watchVocabulary(knowledgeDir, (message) =>
      logger.error({ event: "vocabulary_not_applied", message: `${message}\nThe previous vocabulary stays in use.` }),
    );
  } catch (error) {
    if (!(error instanceof SettingsFileError)) throw error;
    throw new ConfigError(
      `Invalid configuration. Fix the vocabulary file:\n  ${error.message.replaceAll("\n", "\n  ")}`,
    );
  }
}

/**
 * The editorial database, or when its file is corrupted a stand-in that refuses every editors'
 * feature (and the error saying why), so that answers from the index go on.
 */
async function openEditorialOrStandIn(
  location: DatabaseLocation,
  store: IndexStore,
  options: Parameters<typeof openEditorial>[2],
): Promise<Editorial & { unavailable?: EditorialStoreUnavailableError }> {
  try {
    return await openEditorial(location, store, options);
  } catch (error) {
    if (!(error instanceof EditorialStoreUnavailableError)) throw error;
    return { ...unavailableEditorial(error), unavailable: error };
  }
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
  // What an operator fixes (a setting, the database) is said in words; anything else with its stack.
  const explained =
    error instanceof ConfigError ||
    error instanceof DatabaseUnreachableError ||
    error instanceof DatabaseFromNewerReleaseError ||
    error instanceof MigrationFailedError;
  console.error(explained ? error.message : error);
  process.exit(1);
});
