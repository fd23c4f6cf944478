import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FuzzFixture, type ReadResponse, startFuzzFixture } from "../test-support/fuzz-fixture.js";
import {
  type FuzzedRequest,
  fuzzedRequest,
  type OpenApiDocument,
  operationsOf,
} from "../test-support/request-fuzzer.js";

/** Fixed, so that a failure is reproduced by running the test again; fast-check prints it with the failing request. */
const SEED = 14_2026;
const RUNS = 2_500;

/** Routes whose responses are JSON whatever they are: the API, and the documents about it. */
const isApiPath = (path: string) => /^\/(v1\/|v1$|openapi\.json|healthz|readyz)/.test(path);

/** What is wrong with the answer to `request`, if anything: a 5xx, or an API error that is not the JSON error body. */
function problemWith(request: FuzzedRequest, response: ReadResponse): string | undefined {
  if (response.status >= 500) return `answered ${response.status}: ${response.text.slice(0, 300)}`;
  const isError = response.status >= 400;
  const isJson = response.contentType.includes("application/json");
  if (isError && isApiPath(request.path) && !isJson) return `API error ${response.status} as ${response.contentType}`;
  if (isError && isJson && request.method !== "HEAD") {
    const body = parsed(response.text) as { error?: { code?: unknown; message?: unknown } } | undefined;
    if (typeof body?.error?.code !== "string" || typeof body.error.message !== "string") {
      return `error ${response.status} without { error: { code, message } }: ${response.text.slice(0, 300)}`;
    }
  }
  return undefined;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe("every route and method, fuzzed", () => {
  let fixture: FuzzFixture;
  const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);

  beforeAll(async () => {
    fixture = await startFuzzFixture();
  });
  afterAll(async () => {
    consoleError.mockRestore();
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
        const internal = fixture.logLines.slice(loggedBefore).find((line) => line.event === "internal_error");
        const problem =
          problemWith(request, response) ??
          (internal ? `logged an internal error: ${JSON.stringify(internal.err).slice(0, 300)}` : undefined) ??
          (consoleError.mock.calls.length ? "printed to stderr" : undefined);
        consoleError.mockClear();
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
});
