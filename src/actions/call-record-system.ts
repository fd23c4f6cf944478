import type { ActionDefinition } from "./action-definition.js";
import { fillTemplate } from "./action-definition.js";
import { CircuitBreaker } from "./circuit-breaker.js";

/** A record system's answer larger than this is not a student's record: it is refused unread. */
const MAX_RESPONSE_BYTES = 1024 * 1024;
/** A refusal says why in a few words. */
const MAX_REFUSAL_BYTES = 16 * 1024;

/** Why a call gave no record; each is told to the student as "not answering right now". */
export type CallFailure =
  | "not_configured"
  /** A parameter that would have left the action's path (`..`): nothing was called. */
  | "bad_parameter"
  | "circuit_open"
  | "timeout"
  | "unreachable"
  | "http_error"
  | "unreadable";

/** What a system said: its record, or why there is none (with the HTTP status it gave, if any). */
type SystemAnswer =
  | { ok: true; body: unknown; readAt: Date }
  /** `body`: what a system that refused the request (4xx) said, when it said it in JSON. */
  | { ok: false; failure: CallFailure; status?: number; body?: unknown };

export type CallResult = SystemAnswer & { latencyMs: number };

export interface RecordSystemOptions {
  /** Where base URLs and secrets are read from by name (the process environment). */
  environment: Record<string, string | undefined>;
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * Calls the systems actions read records from. The address is the configured base URL of the
 * action's system with the action's own path, each parameter written into it encoded: nothing a
 * question says can point a call anywhere else. A system that keeps failing is left alone for a
 * while (one breaker per base URL), so a student hears at once that it is not answering.
 */
export class RecordSystems {
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;

  constructor(private readonly options: RecordSystemOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * The address a call for `action` with `parameters` goes to: "not_configured" when its base URL is
   * not set, "bad_parameter" when a parameter is a dot segment ("..", which URLs fold away, even
   * encoded) that would walk out of the action's path.
   */
  addressOf(
    action: ActionDefinition,
    parameters: Readonly<Record<string, string>>,
  ): URL | "not_configured" | "bad_parameter" {
    const base = this.options.environment[action.request.base_url_env];
    if (!base || !URL.canParse(base)) return "not_configured";
    if (Object.values(parameters).some((value) => /^\.{1,2}$/.test(value.trim()))) return "bad_parameter";
    const path = fillTemplate(action.request.path, (name) => encodeURIComponent(parameters[name] ?? ""));
    const url = new URL(base);
    // The path is added to the base's own (https://sis.example.edu/api + /students/…).
    const expected = `${url.pathname.replace(/\/$/, "")}${path}`;
    url.pathname = expected;
    return url.pathname === expected ? url : "bad_parameter";
  }

  /**
   * Calls the action's system. A change is sent with its `idempotencyKey` (the Idempotency-Key
   * header), so that a system that sees it twice does it once.
   */
  async call(
    action: ActionDefinition,
    parameters: Readonly<Record<string, string>>,
    options: { idempotencyKey?: string } = {},
  ): Promise<CallResult> {
    const startedAt = performance.now();
    const latencyMs = () => Math.round(performance.now() - startedAt);
    const url = this.addressOf(action, parameters);
    if (typeof url === "string") return { ok: false, failure: url, latencyMs: latencyMs() };
    const breaker = this.breakerFor(url.origin);
    if (!breaker.allows()) return { ok: false, failure: "circuit_open", latencyMs: latencyMs() };
    let result: SystemAnswer = { ok: false, failure: "unreachable" };
    try {
      result = await this.send(action, url, options.idempotencyKey);
    } finally {
      // Settled whatever happened: a half-open trial that threw would otherwise keep the breaker open for good.
      const isUp = result.ok || result.failure === "unreadable" || (result.status !== undefined && result.status < 500);
      if (isUp) breaker.succeeded();
      else breaker.failed();
    }
    return { ...result, latencyMs: latencyMs() };
  }

  private async send(action: ActionDefinition, url: URL, idempotencyKey?: string): Promise<SystemAnswer> {
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: action.request.method,
        headers: {
          accept: "application/json",
          ...this.headersOf(action),
          ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
        },
        signal: AbortSignal.timeout(action.request.timeout_ms),
        redirect: "error",
      });
    } catch (error) {
      const name = (error as Error).name;
      return { ok: false, failure: name === "TimeoutError" || name === "AbortError" ? "timeout" : "unreachable" };
    }
    if (!response.ok) {
      // A refusal's reason is worth reading (no renewals left); a failure's body is not.
      const refused = response.status >= 400 && response.status < 500;
      const body = refused ? await readLimited(response, MAX_REFUSAL_BYTES).catch(() => undefined) : undefined;
      if (!refused) await response.body?.cancel().catch(() => {});
      return { ok: false, failure: "http_error", status: response.status, ...(body ? { body: parseJson(body) } : {}) };
    }
    try {
      const text = await readLimited(response, MAX_RESPONSE_BYTES);
      return { ok: true, body: JSON.parse(text) as unknown, readAt: this.now() };
    } catch (error) {
      return { ok: false, failure: (error as Error).name === "TimeoutError" ? "timeout" : "unreadable" };
    }
  }

  private headersOf(action: ActionDefinition): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(action.request.headers ?? {})) {
      if (typeof value === "string") headers[name] = value;
      else {
        const secret = this.options.environment[value.env];
        if (secret) headers[name] = `${value.prefix ?? ""}${secret}`;
      }
    }
    return headers;
  }

  private breakerFor(origin: string): CircuitBreaker {
    let breaker = this.breakers.get(origin);
    if (!breaker) {
      breaker = new CircuitBreaker({ now: () => this.now().getTime() });
      this.breakers.set(origin, breaker);
    }
    return breaker;
  }
}

/** The body as text, refused past `maxBytes`; the call's timeout signal bounds how long it may trickle in. */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new Error("too large");
  const reader = response.body?.getReader();
  if (!reader) return "";
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new Error("too large");
    }
    parts.push(value);
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(parts));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
