import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler, Next } from "hono";
import { createMiddleware } from "hono/factory";
import { type RateLimitInfo, rateLimiter } from "hono-rate-limiter";
import type { RateLimit, RateLimits } from "../config.js";
import { RateLimitedError } from "../errors.js";
import type { RateLimitSettings } from "./app-dependencies.js";
import { presentedKey } from "./authorize.js";
import { clientAddress } from "./client-address.js";
import { saysSomeoneIsInDanger } from "./crisis-message.js";
import { OPENAI_CHAT_ROUTE } from "./routes/shared.js";

type Group = keyof RateLimits;

/** What a client sent too many of, as the 429's message says it. */
const COUNTED: Record<Group, string> = {
  ask: "questions",
  signIn: "failed sign-ins",
  edit: "changes",
  handoff: "requests for a person",
  feedback: "ratings",
};

const QUESTION_ROUTES = new Set(["/v1/answer", "/v1/search", "/v1/drafts", OPENAI_CHAT_ROUTE]);
const FEEDBACK_COMMENT_PATH = /^\/v1\/feedback\/[^/]+$/;
const CHANGES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const EDITORIAL_PATHS = /^\/(?:v1\/(?:documents|vocabulary|phrasings|keys|handoffs|reports)|editor)(?:\/|$)/;
/** Editors' page routes that search or answer, counted as questions. */
const EDITOR_QUESTIONS = new Set(["/editor/try", "/editor/answered-by"]);

/** The group a request counts against, or none (pages, reading, health, preflights). */
export function rateLimitGroupOf(method: string, path: string): Group | undefined {
  if (method === "POST" && QUESTION_ROUTES.has(path)) return "ask";
  // The editors' "Try a question" answers twice, from the published documents and the drafts, and
  // "Answered by…" searches (HEAD too: Hono answers it with the GET handler).
  if ((method === "GET" || method === "HEAD") && EDITOR_QUESTIONS.has(path)) return "ask";
  if (method === "POST" && path === "/editor/login") return "signIn";
  if (method === "POST" && path === "/v1/handoffs") return "handoff";
  // A comment on a rating counts as feedback too, not as an edit.
  if ((method === "POST" && path === "/v1/feedback") || (method === "PATCH" && FEEDBACK_COMMENT_PATH.test(path))) {
    return "feedback";
  }
  if (CHANGES.has(method) && EDITORIAL_PATHS.test(path)) return "edit";
  return undefined;
}

/**
 * Rate limits per group, each counted per client address and, for a request that carries an API
 * key, per key as well; over either → 429 `rate_limited` with Retry-After. Sign-in counts only
 * failed attempts. Counts live in Redis when `sharedCounts` is given (one budget for every replica),
 * else in this process's memory. No settings: no limits.
 */
export function limitRates(settings: RateLimitSettings | undefined): MiddlewareHandler {
  if (!settings) return createMiddleware((_, next) => next());
  const { limits, trustedProxies, sharedCounts } = settings;
  const limitersOf = (group: Group) => {
    const common = limiterOptions(group, limits[group]);
    const storeOf = (counted: string) => (sharedCounts ? { store: sharedCounts.storeFor(`${group}:${counted}`) } : {});
    return [
      rateLimiter({
        ...common,
        ...storeOf("address"),
        keyGenerator: (context) => `address:${clientAddress(context, trustedProxies)}`,
      }),
      rateLimiter({
        ...common,
        ...storeOf("key"),
        skip: (context) => presentedKey(context) === undefined,
        // A digest: the counts need not hold the keys themselves.
        keyGenerator: (context) =>
          `key:${createHash("sha256")
            .update(presentedKey(context) ?? "")
            .digest("hex")}`,
      }),
    ] as const;
  };
  const limiters = Object.fromEntries((Object.keys(COUNTED) as Group[]).map((group) => [group, limitersOf(group)]));
  return createMiddleware(async (context, next) => {
    const group = rateLimitGroupOf(context.req.method, context.req.path);
    const pair = group && limiters[group];
    if (!pair) return next();
    const [byAddress, byKey] = pair;
    await byAddress(context, async () => {
      await byKey(context, next);
    });
  });
}

function limiterOptions(group: Group, { limit, windowMs }: RateLimit) {
  return {
    limit,
    windowMs,
    // Retry-After is on the 429; RateLimit-* headers from two counters per request would contradict each other.
    standardHeaders: false,
    // A wrong key counts; signing in with the right one does not.
    skipSuccessfulRequests: group === "signIn",
    handler: async (context: Context, next: Next) => {
      // A message in distress gets its safety reply however many came before it from its address
      // (a campus behind one NAT shares one): the reply is fixed words, no search and no model.
      if (group === "ask" && (await saysSomeoneIsInDanger(context))) return next();
      const { resetTime } = context.get("rateLimit") as RateLimitInfo;
      const seconds = Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000);
      throw new RateLimitedError(COUNTED[group], Math.max(1, seconds));
    },
  } as const;
}
