import type { AuditedActionCall } from "../actions/action-audit.js";
import type { ActionDefinition } from "../actions/action-definition.js";
import type { AnswerService } from "../ask/answer-service.js";
import type { RateLimits } from "../config.js";
import type { ApiKeyStore } from "../editorial/api-keys.js";
import type { DocumentEditor } from "../editorial/document-editor.js";
import type { EditorSessions } from "../editorial/editor-sessions.js";
import type { EditorsVocabulary } from "../editorial/editors-vocabulary.js";
import type { PassagePhrasings } from "../editorial/passage-phrasings.js";
import type { HandoffDelivery } from "../interactions/handoff-delivery.js";
import type { InteractionStore } from "../interactions/interaction-store.js";
import type { HttpObservability } from "../observability/index.js";
import type { StorageHealth } from "../storage-health.js";
import type { IndexStore } from "../store/index-store.js";
import type { VerifyStudentToken } from "../students/verify-student-token.js";
import type { Vocabulary } from "../text/vocabulary.js";
import type { SharedRateCounts } from "./shared-rate-counts.js";

/** Whether the first sync has finished; `reason` says what is still missing. */
export interface Readiness {
  ready: boolean;
  reason: string;
  /**
   * Set on SIGTERM: /readyz answers 503 so that load balancers send no more, while requests that
   * still arrive (on an open connection) are answered.
   */
  stopping?: boolean;
  /** What is wrong with the editorial database now (a PostgreSQL that does not answer), or nothing. */
  databaseProblem?: () => Promise<string | undefined>;
}

/** Rate limits and how to tell clients apart (RATE_LIMITS, RATE_LIMIT_*, TRUST_PROXY). */
export interface RateLimitSettings {
  limits: RateLimits;
  /** Reverse proxies in front, whose X-Forwarded-For names the client. */
  trustedProxies: number;
  /** Counts in Redis shared by the replicas (REDIS_URL); absent, each replica counts on its own. */
  sharedCounts?: SharedRateCounts;
}

/** The knowledge folder's vocabulary file: shown to editors beside their own, edited only in the folder. */
export interface VocabularyFile {
  path: string;
  /** The vocabulary in use from it: the last one without mistakes. */
  current: () => Vocabulary;
}

/** What the routes are adapters for: built once by the composition root (src/server.ts). */
export interface AppDependencies {
  store: IndexStore;
  readiness: Readiness;
  /** Room on the disk under DATA_DIR, reported by /readyz; 507 responses are recorded in it. */
  storage?: StorageHealth;
  /** The ask use case every door calls: answers, drafts, search, previews. */
  answers: AnswerService;
  /** Request ids on log lines, access lines and `/metrics`; tests without it get request ids only. */
  observability?: HttpObservability;
  /** Per client and per key; absent, nothing is limited (the server passes them unless RATE_LIMITS=off). */
  rateLimits?: RateLimitSettings;
  /** Sites that may frame the chat page and call the answer API from the browser; `*` for any. */
  allowedOrigins: string[];
  /** The declared actions and their latest calls, shown to editors; absent when none are declared. */
  actions?: { definitions: readonly ActionDefinition[]; latestCalls(limit: number): Promise<AuditedActionCall[]> };
  /** Checks students' sign-in tokens (X-User-Token); absent when the deployment signs nobody in. */
  verifyStudentToken?: VerifyStudentToken;
  /** The knowledge folder's vocabulary file; tests that need none leave it out. */
  vocabularyFile?: VocabularyFile;
  /** Editors' documents and the API keys that guard them. */
  editorial: {
    keys: ApiKeyStore;
    editor: DocumentEditor;
    maxUploadBytes: number;
    /** Asking and searching need a key too (any role). */
    requireApiKeyForAnswers: boolean;
    /** The answer log, feedback and hand-off tickets. */
    interactions: InteractionStore;
    /** Sends hand-off tickets to the helpdesk, when one takes them. */
    handoffDelivery: HandoffDelivery;
    /** The editors' own vocabulary, which answers use beside the file's. */
    vocabulary: EditorsVocabulary;
    /** Other wordings of passages: taught by editors, proposed by 👍, searched once accepted. */
    phrasings: PassagePhrasings;
    /** Editors signed in on the editors' page, known to every replica. */
    sessions: EditorSessions;
  };
}
