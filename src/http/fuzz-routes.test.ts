import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FramedRequest, framedRequest, type RawRoute } from "../test-support/framing-fuzzer.js";
import { type FuzzFixture, type ReadResponse, startFuzzFixture } from "../test-support/fuzz-fixture.js";
import { exchangeRaw, type RawExchange } from "../test-support/raw-http.js";
import {
  type FuzzedRequest,
  fuzzedRequest,
  type OpenApiDocument,
  operationsOf,
} from "../test-support/request-fuzzer.js";
import { serveApp } from "./serve-app.js";

/**
 * Fixed, so that a failure is reproduced by running the test again; fast-check prints the seed and
 * the failing request. `FUZZ_SEED` and `FUZZ_RUNS` hunt further by hand; `FUZZ_REPORT=1` prints the counts.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 14_2026);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
/** Each framed request opens its own connection. */
const FRAMED_RUNS = 150;

/**
 * Routes whose responses are JSON whatever they are: the API, and the documents about it. Judged by
 * the path the server routes, after `..` segments are resolved (`/v1/documents/../..` is the chat page).
 */
const isApiPath = (path: string) =>
  /^\/(v1\/|v1$|openapi\.json|healthz|readyz)/.test(new URL(`http://fuzz.invalid${path}`).pathname);

/** What is wrong with the answer to `request`, if anything: a 5xx, or an API error that is not the JSON error body. */
function problemWith(request: FuzzedRequest, response: ReadResponse): string | undefined {
  if (response.status >= 500) return `answered ${response.status}: ${response.text.slice(0, 300)}`;
  const isError = response.status >= 400;
  const isJson = response.contentType.includes("application/json");
  if (isError && isApiPath(request.path) && !isJson) return `API error ${response.status} as ${response.contentType}`;
  if (isError && isJson && request.method !== "HEAD" && !isErrorBody(response.text)) {
    return `error ${response.status} without { error: { code, message } }: ${response.text.slice(0, 300)}`;
  }
  return undefined;
}

/** Whether `text` is the JSON error body `{ error: { code, message } }`. */
function isErrorBody(text: string): boolean {
  try {
    const { error } = (JSON.parse(text) ?? {}) as { error?: { code?: unknown; message?: unknown } };
    return typeof error?.code === "string" && typeof error.message === "string";
  } catch {
    return false;
  }
}

/** What is wrong with how the server ended a badly framed exchange, if anything. */
function framingProblemWith(request: FramedRequest, exchange: RawExchange): string | undefined {
  if (exchange.end === "reset") return "the connection was reset";
  if (exchange.end === "silent") return "the server said nothing and kept the connection open";
  // The body announced never came and the client stopped sending: closing without an answer is all HTTP allows.
  if (exchange.status === undefined) return request.halfClose ? undefined : "the connection closed without an answer";
  if (exchange.status >= 500) return `answered ${exchange.status}: ${exchange.received.slice(0, 300)}`;
  const { head, body } = exchange;
  const isJson = /^content-type: application\/json/im.test(head);
  // The editors' page answers its errors as pages; the API, and whatever the app never saw, in JSON.
  if (exchange.status >= 400 && !isJson && (isApiPath(request.path) || !/^content-type:/im.test(head))) {
    return `error ${exchange.status} not as JSON: ${exchange.received.slice(0, 300)}`;
  }
  if (exchange.status >= 400 && isJson && !isErrorBody(body)) return `error body ${body.slice(0, 300)}`;
  return undefined;
}

describe("every route and method, fuzzed", () => {
  let fixture: FuzzFixture;
  const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
  // pdf.js warns about the broken PDFs the fuzzer uploads; a warning is not a failure.
  const consoleWarn = vi.spyOn(console, "warn").mockImplementation(() => undefined);

  beforeAll(async () => {
    fixture = await startFuzzFixture();
  });

  /** What the app wrote since log line `loggedBefore` that it should not have: an internal error, or anything on stderr. */
  const problemLoggedSince = (loggedBefore: number): string | undefined => {
    const internal = fixture.logLines.slice(loggedBefore).find((line) => line.event === "internal_error");
    const printed = consoleError.mock.calls.length > 0;
    consoleError.mockClear();
    if (internal) return `logged an internal error: ${JSON.stringify(internal.err).slice(0, 300)}`;
    return printed ? "printed to stderr" : undefined;
  };
  afterAll(async () => {
    consoleError.mockRestore();
    consoleWarn.mockRestore();
    await fixture?.close();
  });

  it("answers thousands of generated requests with a 4xx at worst, and API errors as JSON", async () => {
    const app = fixture.apps["open answers"];
    const document = (await (await app.request("/openapi.json")).json()) as OpenApiDocument;
    const operations = operationsOf(document, app.routes);
    const statuses = new Map<number, number>();
    const started = performance.now();

    await fc.assert(
      fc.asyncProperty(fuzzedRequest(operations), async (request) => {
        const loggedBefore = fixture.logLines.length;
        const response = await fixture.send(request);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const logged = problemLoggedSince(loggedBefore);
        const problem = problemWith(request, response) ?? logged;
        if (problem)
          throw new Error(`${request.method} ${fixture.resolve(request).path} (${request.bodyKind}): ${problem}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: !process.env.FUZZ_SHRINK },
    );

    if (process.env.FUZZ_REPORT) {
      const counts = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
      console.info(`${RUNS} requests in ${Math.round(performance.now() - started)} ms; ${counts.join(", ")}`);
    }
    // Most requests are refused, but some of every kind get through to the handlers.
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true);
  }, 120_000);

  it("over a real server, answers badly framed requests with a JSON 4xx, never a reset", async () => {
    const server = await new Promise<Server>((resolve) => {
      const started = serveApp(fixture.apps["open answers"], { port: 0, hostname: "127.0.0.1" }, () =>
        resolve(started),
      );
    });
    const { port } = server.address() as AddressInfo;
    const editorKey = fixture.keyOf("editor");
    const json = "application/json";
    const routes: RawRoute[] = [
      { method: "POST", path: "/v1/answer", contentType: json, body: JSON.stringify({ question: "加退選" }) },
      {
        method: "POST",
        path: "/v1/chat/completions",
        contentType: json,
        body: '{"messages":[{"role":"user","content":"停修"}]}',
      },
      {
        method: "POST",
        path: "/v1/documents",
        contentType: json,
        key: editorKey,
        body: '{"title":"T","text":"Some text."}',
      },
      {
        method: "POST",
        path: "/v1/documents",
        contentType: "multipart/form-data; boundary=b",
        key: editorKey,
        body: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.md"\r\n\r\n# A\n\nText.\r\n--b--\r\n',
      },
      {
        method: "PUT",
        path: "/v1/vocabulary",
        contentType: json,
        key: editorKey,
        body: JSON.stringify({ text: "synonyms:\n  - 押金, 保證金\n" }),
      },
      {
        method: "POST",
        path: "/v1/phrasings",
        contentType: json,
        key: editorKey,
        body: JSON.stringify({
          doc_id: "registrar/add-drop.md",
          chunk_id: "registrar/add-drop.md#0",
          text: "停修期限?",
        }),
      },
      {
        method: "POST",
        path: "/editor/login",
        contentType: "application/x-www-form-urlencoded",
        body: "key=gfk_wrong",
      },
      { method: "GET", path: "/healthz", contentType: "text/plain", body: "" },
      { method: "POST", path: "/v1/feedback", contentType: json, body: '{"answer_id":"x","rating":"up"}' },
    ];
    const ends = new Map<string, number>();
    try {
      await fc.assert(
        fc.asyncProperty(framedRequest(routes), async (request) => {
          const loggedBefore = fixture.logLines.length;
          const exchange = await exchangeRaw(port, request.bytes, { halfClose: request.halfClose });
          const outcome = exchange.status === undefined ? exchange.end : String(exchange.status);
          ends.set(outcome, (ends.get(outcome) ?? 0) + 1);
          // The app may still be reading the body the server refused: let it finish before looking at the log.
          await new Promise((resolve) => setImmediate(resolve));
          const logged = problemLoggedSince(loggedBefore);
          const problem = framingProblemWith(request, exchange) ?? logged;
          if (problem) throw new Error(`${request.method} ${request.path} (${request.framing}): ${problem}`);
        }),
        { seed: SEED, numRuns: FRAMED_RUNS, endOnFailure: !process.env.FUZZ_SHRINK },
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    if (process.env.FUZZ_REPORT)
      console.info(`${FRAMED_RUNS} framed requests; ${[...ends].map(([end, count]) => `${end}: ${count}`).join(", ")}`);
  }, 60_000);
});
