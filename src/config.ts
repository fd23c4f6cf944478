import path from "node:path";
import { z } from "zod";
import { type ConfidenceModel, confidenceModelSchema, defaultConfidenceModel } from "./config/confidence-model.js";
import { deploymentJsonFile } from "./config/deployment-file.js";
import {
  type CrisisResources,
  defaultCrisisResources,
  neutralContactLines,
  readHelpDeskSettings,
} from "./config/help-desk-settings.js";
import { type PersonalDataPatterns, personalDataPatternsFile } from "./config/personal-data-patterns.js";
import { SettingsFileError } from "./config/yaml-settings.js";

export type { CrisisLine, CrisisResources } from "./config/help-desk-settings.js";

/** Bounds on what parsing one document (a folder file or an upload) may cost. */
export interface ParseLimits {
  /** PDFs with more pages are refused. */
  maxPages: number;
  /** Parsing and chunking one document may take this long; the thread doing it is then stopped. */
  timeoutMs: number;
  /** Most characters of text one document may yield. */
  maxTextChars: number;
  /** Most chunks one document may be split into. */
  maxChunks: number;
  /** Heap of each parsing thread; a document that needs more is refused. */
  memoryMb: number;
}

/** What the parsers themselves check: a PDF's pages and time, and a text file's length when given. */
export type PdfLimits = Pick<ParseLimits, "maxPages" | "timeoutMs"> & Partial<Pick<ParseLimits, "maxTextChars">>;

/**
 * The defaults of MAX_PDF_PAGES, PARSE_TIMEOUT_MS, MAX_DOCUMENT_TEXT_MB, MAX_DOCUMENT_CHUNKS and
 * PARSE_MEMORY_MB: a 500-page policy PDF (about 2 MB of text, 5,000 chunks) fits four times over,
 * and one file cannot cost the service more.
 */
export const defaultParseLimits: ParseLimits = {
  maxPages: 500,
  timeoutMs: 30_000,
  maxTextChars: 10 * 1024 * 1024,
  maxChunks: 20_000,
  memoryMb: 1536,
};

/** How many requests one client may make in a window. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Each group's limit, per client address and per API key (in memory, so per replica). */
export interface RateLimits {
  /** Questions: answers, searches, drafts, chat completions, the editors' "Try a question". */
  ask: RateLimit;
  /** Failed sign-ins and requests refused for a wrong or unknown API key. */
  signIn: RateLimit;
  /** Changes to documents, keys and tickets, through the API or the editors' page. */
  edit: RateLimit;
  /** Hand-off tickets: each one reaches a person. */
  handoff: RateLimit;
  /** Ratings of answers, and comments added to them. */
  feedback: RateLimit;
}

const WINDOW_UNITS_MS: Record<string, number> = { s: 1000, min: 60_000, h: 3_600_000, day: 86_400_000 };
const RATE_LIMIT_FORMAT = /^(\d+)\s*\/\s*(\d*)\s*(s|min|h|day)$/;

/** `60/min`, `10/15min`, `5/h`: a number of requests, then the window they are counted over. */
const rateLimitText = z.string().transform((text, context): RateLimit => {
  const [, limit, windows, unit] = RATE_LIMIT_FORMAT.exec(text.trim()) ?? [];
  const windowMs = Number(windows || 1) * (WINDOW_UNITS_MS[unit ?? ""] ?? 0);
  if (limit === undefined || Number(limit) < 1 || windowMs < 1) {
    context.addIssue({
      code: "custom",
      message: `"${text}" is not a rate limit; write requests per window, such as 60/min, 10/15min, 100/h or 500/day`,
    });
    return z.NEVER;
  }
  return { limit: Number(limit), windowMs };
});

/** Text that must hold JSON, parsed, or an issue saying it does not. */
const jsonText = z.string().transform((text, context) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    context.addIssue({ code: "custom", message: "is not valid JSON" });
    return z.NEVER;
  }
});

/** Pino's levels, most to least severe; `silent` writes nothing. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const environmentSchema = z.object({
  /** HTTP port of the API. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /**
   * Address the HTTP server listens on: every interface by default, as a container needs;
   * `127.0.0.1` keeps it to this machine, behind a reverse proxy on the same host.
   */
  HOST: z
    .string()
    .regex(/^[\w.:-]+$/, "use an IP address or a host name, such as 127.0.0.1 or 0.0.0.0")
    .default("0.0.0.0"),
  /** Log lines at this level and above are written (JSON on stdout); `debug` adds health probes' access lines. */
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `use one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  /** Folder of allowlisted documents synced at start-up. */
  KNOWLEDGE_DIR: z.string().min(1).default("knowledge"),
  /** Folder for the embedded index (one SQLite file). */
  DATA_DIR: z.string().min(1).default("data"),
  /** Below this much free space under DATA_DIR, /readyz reports `storage: "full"` (answers go on). */
  MIN_FREE_DISK_MB: z.coerce.number().min(0).default(50),
  /**
   * Answers whose confidence is below this are abstained on. 0.25 is where the golden set (students'
   * questions about our policies) abstains on the most unanswerable questions with at most 5% of
   * answerable ones refused (see the curve printed by `npm run eval`).
   */
  ABSTAIN_THRESHOLD: z.coerce.number().min(0).max(1).default(0.25),
  /**
   * A confidence model calibrated on your own questions (`npm run eval -- --calibrate --save FILE`);
   * the built-in one by default. Set ABSTAIN_THRESHOLD from the curve that run prints.
   */
  CONFIDENCE_MODEL_FILE: deploymentJsonFile("write one with npm run eval -- --calibrate --save FILE")
    .transform(({ json }) => json)
    .pipe(confidenceModelSchema)
    .optional(),
  /**
   * Where to send people when the documents do not answer, in Chinese and in English. Unset: the
   * `contact_lines` of KNOWLEDGE_DIR/_help-desk.yml, else a neutral line ("please contact the office
   * responsible", with SERVICE_CONTACT when set), never the sample university's desk.
   */
  CONTACT_LINE_ZH: z.string().min(1).optional(),
  CONTACT_LINE_EN: z.string().min(1).optional(),
  /** How to reach the people who run this help desk (an e-mail, a phone, a page), added to the neutral contact line. */
  SERVICE_CONTACT: z.string().min(1).max(200).optional(),
  /** Largest document an editor may upload. */
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  /** PDFs with more pages are refused (folder files and uploads). */
  MAX_PDF_PAGES: z.coerce.number().int().min(1).max(100_000).default(defaultParseLimits.maxPages),
  /** Parsing and chunking one document may take this long, then its thread is stopped (422 parse_timeout). */
  PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  /** The former name of PARSE_TIMEOUT_MS, still read when PARSE_TIMEOUT_MS is not set. */
  PDF_PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  /** Most text one document may yield, in millions of characters (422 document_too_large). */
  MAX_DOCUMENT_TEXT_MB: z.coerce
    .number()
    .positive()
    .max(1024)
    .default(defaultParseLimits.maxTextChars / 1024 / 1024),
  /** Most chunks one document may be split into (422 too_many_chunks). */
  MAX_DOCUMENT_CHUNKS: z.coerce.number().int().min(1).max(10_000_000).default(defaultParseLimits.maxChunks),
  /** Heap of each parsing thread; a document that needs more is refused (422 document_too_large). */
  PARSE_MEMORY_MB: z.coerce.number().int().min(64).max(65_536).default(defaultParseLimits.memoryMb),
  /** `true`: asking and searching need an API key too (any role); by default they are public. */
  REQUIRE_API_KEY_FOR_ANSWERS: z
    .enum(["true", "false", "1", "0"], { message: "use true or false" })
    .transform((value) => value === "true" || value === "1")
    .default(false),
  /** `off` turns every rate limit off: load tests, evaluations on a trusted network. */
  RATE_LIMITS: z.enum(["on", "off"], { message: "use on or off" }).default("on"),
  /** Questions per client (address, and API key when one is sent). */
  RATE_LIMIT_ASK: rateLimitText.prefault("60/min"),
  /** Failed sign-ins (and requests with a wrong API key) per client address before it must wait. */
  RATE_LIMIT_SIGN_IN: rateLimitText.prefault("10/15min"),
  /** Changes to documents, keys and tickets per client. */
  RATE_LIMIT_EDIT: rateLimitText.prefault("120/min"),
  /** Hand-off tickets per client: each one reaches a person, so a bound; not so tight that a campus behind one address is refused. */
  RATE_LIMIT_HANDOFF: rateLimitText.prefault("20/h"),
  /** Ratings of answers, and comments added to them, per client. */
  RATE_LIMIT_FEEDBACK: rateLimitText.prefault("30/min"),
  /**
   * How many reverse proxies stand in front of the service: with 1 or more, the client's address is
   * read from X-Forwarded-For (as the outermost proxy saw it); with 0 it is the connection's, since
   * anyone can write that header.
   */
  TRUST_PROXY: z.coerce
    .number({ message: "use the number of reverse proxies in front of the service, such as 0 or 1" })
    .int()
    .min(0)
    .max(10)
    .default(0),
  /** Sites that may embed the chat widget and call the answer API from the browser, comma-separated; `*` for any. */
  ALLOWED_ORIGINS: z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.union([
          z.literal("*"),
          z
            .url({ protocol: /^https?$/ })
            .refine(
              (url) => new URL(url).origin === url,
              "give an origin such as https://www.example.edu, without a path",
            ),
        ]),
      ),
    )
    .default([]),
  /**
   * A JSON file of the deployment's own personal-data patterns, masked in the answer log beside the
   * built-in ones (`{"defaults": false, "patterns": […]}` turns those off); checked at start-up.
   */
  PERSONAL_DATA_PATTERNS_FILE: personalDataPatternsFile.optional(),
  /**
   * Days answers (with their feedback) and closed hand-off tickets are kept, then deleted; `0` or
   * `off`: kept forever.
   */
  ANSWER_LOG_RETENTION_DAYS: z
    .string()
    .regex(/^(?:off|\d{1,5})$/, "use a number of days, or 0 or off to keep the log forever")
    .default("180")
    .transform((value) => (value === "off" || Number(value) === 0 ? undefined : Number(value))),
  /** A helpdesk's webhook: hand-off tickets are POSTed there as JSON, signed with the secret. */
  HANDOFF_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  HANDOFF_WEBHOOK_SECRET: z.string().min(16, "use at least 16 characters").optional(),
  /**
   * Students signed in through the university's portal: it signs a short-lived token per student
   * (a JWT), which the widget and API pass as `X-User-Token`. Either a shared secret (HS256, at
   * least 32 characters) or the university's key set URL (JWKS), with the issuer and audience every
   * token must name. Unset: nobody is signed in, and "my …" questions are asked to sign in.
   */
  STUDENT_TOKEN_SECRET: z.string().min(32, "use at least 32 characters").optional(),
  STUDENT_TOKEN_JWKS_URL: z
    .url({ protocol: /^https?$/ })
    // Keys fetched over plain http could be swapped on the way, and any student's token forged with them.
    .refine(
      (url) =>
        new URL(url).protocol === "https:" || ["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname),
      "use https (plain http only on this machine: 127.0.0.1 or localhost)",
    )
    .optional(),
  STUDENT_TOKEN_ISSUER: z.string().min(1).max(500).optional(),
  STUDENT_TOKEN_AUDIENCE: z.string().min(1).max(500).optional(),
  /** Where a student who asks for their own record without being signed in is sent to sign in. */
  SIGN_IN_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A Qdrant server: the index lives there instead of in the embedded SQLite file. */
  QDRANT_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * PostgreSQL for the editorial and interaction state (keys, uploads, answer log, hand-offs,
   * conversations, sessions), shared by every replica; without it, editorial.sqlite under DATA_DIR.
   */
  DATABASE_URL: z
    .url({
      protocol: /^postgres(?:ql)?$/,
      error: "use a postgres:// URL, such as postgres://user:password@db:5432/grounded_faq",
    })
    .optional(),
  /** Redis, for rate limits counted across replicas; without it, each replica counts on its own. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "use a redis:// or rediss:// URL, such as redis://redis:6379" })
    .optional(),
  /** On SIGTERM, answers and streams in flight get this long to finish before the process exits. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * On SIGTERM, /readyz fails at once but connections are still accepted this long, for load
   * balancers that take a replica out only after its readiness fails (Kubernetes: a few seconds).
   */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  QDRANT_API_KEY: z.string().min(1).optional(),
  QDRANT_COLLECTION: z
    .string()
    .regex(/^[\w-]{1,100}$/, "use 1–100 letters, digits, `_` or `-`")
    .default("grounded_faq"),
  /** An OpenAI key; with no `OPENAI_BASE_URL` it means api.openai.com. */
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** Any OpenAI-compatible server (Ollama, vLLM, LM Studio, LiteLLM…); with it the key is optional. */
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  CHAT_MODEL: z.string().min(1).default("gpt-4o-mini"),
  EMBEDDING_MODEL: z.string().min(1).default("text-embedding-3-small"),
  /** How long a generated answer may take before the extractive answer is sent instead. */
  ANSWER_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  /** How the assistant presents itself in generated answers. */
  ASSISTANT_NAME: z.string().min(1).max(100).default("Lakeside 小幫手"),
  ANSWER_TONE: z.enum(["formal", "friendly"]).default("friendly"),
  /** Extra instructions for generated answers, one per line. */
  ANSWER_GUIDANCE: z.string().max(2000).optional(),
  /**
   * Per-collection overrides of the persona and contact lines, as JSON:
   * `{"housing": {"contact_line_zh": "…", "tone": "formal"}}`.
   */
  COLLECTION_PERSONAS: jsonText
    .pipe(
      z.record(
        z.string().min(1),
        z.strictObject({
          assistant_name: z.string().min(1).max(100).optional(),
          tone: z.enum(["formal", "friendly"]).optional(),
          guidance: z.string().max(2000).optional(),
          contact_line_zh: z.string().min(1).optional(),
          contact_line_en: z.string().min(1).optional(),
        }),
      ),
    )
    .optional(),
});

/** Where to send people when the documents do not answer, in Chinese and in English. */
export interface ContactLines {
  zh: string;
  en: string;
}

/** How generated answers speak, and where they send people; set globally and per collection. */
export interface Persona {
  assistantName: string;
  tone: "formal" | "friendly";
  guidance: string[];
  contactLines: ContactLines;
}

export interface ModelConfig {
  apiKey?: string;
  baseUrl?: string;
  chatModel: string;
  embeddingModel: string;
  answerTimeoutMs: number;
}

/** Where the editorial database is: an embedded file (`:memory:` in tests) or a PostgreSQL server. */
export type DatabaseLocation = { file: string } | { url: string };

export interface AppConfig {
  port: number;
  host: string;
  logLevel: LogLevel;
  knowledgeDir: string;
  dataDir: string;
  /** Free space under DATA_DIR below which /readyz reports the disk as full. */
  minFreeDiskBytes: number;
  databaseFile: string;
  /** API keys, uploaded documents' versions and the audit trail, when DATABASE_URL is not set. */
  editorialFile: string;
  /** Where the editorial and interaction state is: PostgreSQL when DATABASE_URL is set, else editorialFile. */
  editorialDatabase: DatabaseLocation;
  /** Redis for shared rate limits, when set. */
  redisUrl?: string;
  shutdownGraceMs: number;
  shutdownDrainMs: number;
  maxUploadBytes: number;
  parseLimits: ParseLimits;
  requireApiKeyForAnswers: boolean;
  allowedOrigins: string[];
  /** Absent when RATE_LIMITS is off. */
  rateLimits?: RateLimits;
  /** Reverse proxies in front of the service, whose X-Forwarded-For is believed. */
  trustedProxies: number;
  handoffWebhook?: { url: string; secret: string };
  /** The deployment's personal-data patterns, and whether the built-in ones stay on. */
  personalData: PersonalDataPatterns;
  /** Days the answer log is kept; absent: forever. */
  answerLogRetentionDays?: number;
  abstainThreshold: number;
  confidenceModel: ConfidenceModel;
  /** How students' sign-in tokens are checked; absent: nobody is signed in. */
  studentTokens?: { secret?: string; jwksUrl?: string; issuer: string; audience: string };
  signInUrl?: string;
  /** Set when the index is Qdrant; absent means the embedded SQLite file. */
  qdrant?: { url: string; apiKey?: string; collection: string };
  /** Set when a model server is configured; absent means extractive answers only. */
  model?: ModelConfig;
  persona: Persona;
  /** The crisis lines a safety reply gives: KNOWLEDGE_DIR/_help-desk.yml's, else Taiwan's national ones. */
  crisisResources: CrisisResources;
  /** The settings file that was read, when there was one. */
  helpDeskSettingsFile?: string;
  /** Collections whose persona differs from the global one, already merged with it. */
  collectionPersonas: Record<string, Persona>;
}

export class ConfigError extends Error {}

/** Reads every setting from the environment once; a bad value names the variable and the fix. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(withoutEmptyValues(environment));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration. Fix these environment variables:\n  ${problems.join("\n  ")}`);
  }
  const values = parsed.data;
  if (values.HANDOFF_WEBHOOK_URL && !values.HANDOFF_WEBHOOK_SECRET) {
    throw new ConfigError(
      "Invalid configuration. Fix these environment variables:\n  HANDOFF_WEBHOOK_SECRET: set it with HANDOFF_WEBHOOK_URL; the helpdesk checks each ticket's signature with it",
    );
  }
  const signingKeys = [values.STUDENT_TOKEN_SECRET, values.STUDENT_TOKEN_JWKS_URL].filter(Boolean).length;
  const tokenProblem =
    signingKeys === 2
      ? "STUDENT_TOKEN_SECRET, STUDENT_TOKEN_JWKS_URL: set one of them, not both"
      : signingKeys === 1 && (!values.STUDENT_TOKEN_ISSUER || !values.STUDENT_TOKEN_AUDIENCE)
        ? "STUDENT_TOKEN_ISSUER, STUDENT_TOKEN_AUDIENCE: set both, as the portal writes them into each token (iss and aud)"
        : signingKeys === 0 && (values.STUDENT_TOKEN_ISSUER || values.STUDENT_TOKEN_AUDIENCE)
          ? "STUDENT_TOKEN_SECRET or STUDENT_TOKEN_JWKS_URL: set one, so that tokens can be checked"
          : undefined;
  if (tokenProblem) throw new ConfigError(`Invalid configuration. Fix these environment variables:\n  ${tokenProblem}`);
  const dataDir = path.resolve(values.DATA_DIR);
  const knowledgeDir = path.resolve(values.KNOWLEDGE_DIR);
  const settings = helpDeskSettingsIn(knowledgeDir);
  // Environment over the settings file over the neutral line.
  const neutral = neutralContactLines(values.SERVICE_CONTACT ?? settings.serviceContact);
  const persona: Persona = {
    assistantName: values.ASSISTANT_NAME,
    tone: values.ANSWER_TONE,
    guidance: guidanceLines(values.ANSWER_GUIDANCE),
    contactLines: firstContactLines(
      [{ zh: values.CONTACT_LINE_ZH, en: values.CONTACT_LINE_EN }, settings.contactLines],
      neutral,
    ),
  };
  return {
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    knowledgeDir,
    dataDir,
    minFreeDiskBytes: Math.round(values.MIN_FREE_DISK_MB * 1024 * 1024),
    databaseFile: path.join(dataDir, "grounded-faq.sqlite"),
    editorialFile: path.join(dataDir, "editorial.sqlite"),
    editorialDatabase: values.DATABASE_URL
      ? { url: values.DATABASE_URL }
      : { file: path.join(dataDir, "editorial.sqlite") },
    ...(values.REDIS_URL ? { redisUrl: values.REDIS_URL } : {}),
    shutdownGraceMs: values.SHUTDOWN_GRACE_MS,
    shutdownDrainMs: values.SHUTDOWN_DRAIN_MS,
    maxUploadBytes: Math.round(values.MAX_UPLOAD_MB * 1024 * 1024),
    parseLimits: {
      maxPages: values.MAX_PDF_PAGES,
      timeoutMs: values.PARSE_TIMEOUT_MS ?? values.PDF_PARSE_TIMEOUT_MS ?? defaultParseLimits.timeoutMs,
      maxTextChars: Math.round(values.MAX_DOCUMENT_TEXT_MB * 1024 * 1024),
      maxChunks: values.MAX_DOCUMENT_CHUNKS,
      memoryMb: values.PARSE_MEMORY_MB,
    },
    requireApiKeyForAnswers: values.REQUIRE_API_KEY_FOR_ANSWERS,
    allowedOrigins: values.ALLOWED_ORIGINS,
    ...(values.RATE_LIMITS === "on"
      ? {
          rateLimits: {
            ask: values.RATE_LIMIT_ASK,
            signIn: values.RATE_LIMIT_SIGN_IN,
            edit: values.RATE_LIMIT_EDIT,
            handoff: values.RATE_LIMIT_HANDOFF,
            feedback: values.RATE_LIMIT_FEEDBACK,
          },
        }
      : {}),
    trustedProxies: values.TRUST_PROXY,
    ...(values.HANDOFF_WEBHOOK_URL && values.HANDOFF_WEBHOOK_SECRET
      ? { handoffWebhook: { url: values.HANDOFF_WEBHOOK_URL, secret: values.HANDOFF_WEBHOOK_SECRET } }
      : {}),
    personalData: values.PERSONAL_DATA_PATTERNS_FILE ?? { defaults: true, patterns: [] },
    ...(values.ANSWER_LOG_RETENTION_DAYS === undefined
      ? {}
      : { answerLogRetentionDays: values.ANSWER_LOG_RETENTION_DAYS }),
    ...(signingKeys === 1 && values.STUDENT_TOKEN_ISSUER && values.STUDENT_TOKEN_AUDIENCE
      ? {
          studentTokens: {
            ...(values.STUDENT_TOKEN_SECRET ? { secret: values.STUDENT_TOKEN_SECRET } : {}),
            ...(values.STUDENT_TOKEN_JWKS_URL ? { jwksUrl: values.STUDENT_TOKEN_JWKS_URL } : {}),
            issuer: values.STUDENT_TOKEN_ISSUER,
            audience: values.STUDENT_TOKEN_AUDIENCE,
          },
        }
      : {}),
    ...(values.SIGN_IN_URL ? { signInUrl: values.SIGN_IN_URL } : {}),
    abstainThreshold: values.ABSTAIN_THRESHOLD,
    confidenceModel: values.CONFIDENCE_MODEL_FILE ?? defaultConfidenceModel,
    ...(values.QDRANT_URL
      ? { qdrant: { url: values.QDRANT_URL, apiKey: values.QDRANT_API_KEY, collection: values.QDRANT_COLLECTION } }
      : {}),
    ...(values.OPENAI_API_KEY || values.OPENAI_BASE_URL
      ? {
          model: {
            apiKey: values.OPENAI_API_KEY,
            baseUrl: values.OPENAI_BASE_URL,
            chatModel: values.CHAT_MODEL,
            embeddingModel: values.EMBEDDING_MODEL,
            answerTimeoutMs: values.ANSWER_TIMEOUT_MS,
          },
        }
      : {}),
    persona,
    crisisResources: {
      lines: settings.crisisLines ?? defaultCrisisResources.lines,
      ...(settings.campusSecurity ? { campusSecurity: settings.campusSecurity } : {}),
    },
    ...(settings.file ? { helpDeskSettingsFile: settings.file } : {}),
    collectionPersonas: Object.fromEntries(
      [
        ...new Set([
          ...Object.keys(settings.collectionContactLines ?? {}),
          ...Object.keys(values.COLLECTION_PERSONAS ?? {}),
        ]),
      ].map((collection) => {
        // The variable wins over the settings file, field by field, as for the service's own lines.
        const override = values.COLLECTION_PERSONAS?.[collection] ?? {};
        return [
          collection,
          {
            assistantName: override.assistant_name ?? persona.assistantName,
            tone: override.tone ?? persona.tone,
            guidance: override.guidance === undefined ? persona.guidance : guidanceLines(override.guidance),
            contactLines: firstContactLines(
              [
                { zh: override.contact_line_zh, en: override.contact_line_en },
                settings.collectionContactLines?.[collection],
              ],
              persona.contactLines,
            ),
          },
        ];
      }),
    ),
  };
}

/** The deployment's settings file, whose mistakes stop start-up like a bad variable's. */
function helpDeskSettingsIn(knowledgeDir: string): ReturnType<typeof readHelpDeskSettings> {
  try {
    return readHelpDeskSettings(knowledgeDir);
  } catch (error) {
    if (!(error instanceof SettingsFileError)) throw error;
    throw new ConfigError(
      `Invalid configuration. Fix the help desk's settings file:\n  ${error.message.replaceAll("\n", "\n  ")}`,
    );
  }
}

/** The persona of a collection, or the global one. */
export function personaFor(config: Pick<AppConfig, "persona" | "collectionPersonas">, collection?: string): Persona {
  return (collection === undefined ? undefined : config.collectionPersonas[collection]) ?? config.persona;
}

/** Each language's contact line from the first source that sets it (a variable, then the settings file), else `fallback`'s. */
function firstContactLines(sources: (Partial<ContactLines> | undefined)[], fallback: ContactLines): ContactLines {
  const first = (language: keyof ContactLines) =>
    sources.find((source) => source?.[language] !== undefined)?.[language] ?? fallback[language];
  return { zh: first("zh"), en: first("en") };
}

function guidanceLines(text: string | undefined): string[] {
  return (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

// An empty variable (`PORT=`) means "not set", as shells and compose files usually intend.
function withoutEmptyValues(environment: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}
