import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { loadConfig, type RateLimits } from "../config.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp } from "../test-support/editorial-app.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import type { RateLimitSettings } from "./app-dependencies.js";
import { rateLimitGroupOf } from "./rate-limits.js";
import { SharedRateCounts } from "./shared-rate-counts.js";

const MINUTE = 60_000;
const TIGHT: RateLimits = {
  ask: { limit: 3, windowMs: MINUTE },
  signIn: { limit: 2, windowMs: 15 * MINUTE },
  edit: { limit: 3, windowMs: MINUTE },
  handoff: { limit: 1, windowMs: 60 * MINUTE },
  feedback: { limit: 3, windowMs: MINUTE },
};

/** What @hono/node-server hands the app for a connection from `address`. */
const connectionFrom = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe("rate limits", () => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;

  beforeAll(async () => {
    folder.write("knowledge/library.md", "# Library hours\n\nThe main library opens at 8 am on weekdays.\n");
    store = new SqliteIndexStore(":memory:");
    await syncFolder(store, `${folder.root}/knowledge`);
  });
  afterAll(async () => {
    await store.close();
    folder.cleanUp();
  });

  /** A fresh app (fresh counts) with these limits, and an editor's key. */
  async function appWith(rateLimits: RateLimitSettings | undefined) {
    const editorial = await editorialFor(store);
    const app = editorialApp(store, editorial, [], rateLimits ? { rateLimits } : {});
    const editorKey = (await editorial.keys.create({ name: "desk", role: "editor", createdBy: "test" })).key;
    const post = (path: string, body: unknown, { address = "192.0.2.1", headers = {} } = {}) =>
      app.request(
        path,
        {
          method: "POST",
          // Declared, as HTTP clients declare it.
          headers: {
            "content-type": "application/json",
            "content-length": String(Buffer.byteLength(JSON.stringify(body))),
            ...headers,
          },
          body: JSON.stringify(body),
        },
        connectionFrom(address),
      );
    const signIn = (key: string, address = "192.0.2.1") =>
      app.request(
        "/editor/login",
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
          body: new URLSearchParams({ key }).toString(),
        },
        connectionFrom(address),
      );
    return { app, post, signIn, editorKey };
  }
  const ask = { question: "When does the library open?" };
  const statuses = async (requests: (() => Response | Promise<Response>)[]) => {
    const seen: number[] = [];
    for (const request of requests) seen.push((await request()).status);
    return seen;
  };
  const times = (count: number, request: () => Response | Promise<Response>) =>
    Array.from({ length: count }, () => request);

  it("answers a burst over the asking limit with 429, Retry-After and the JSON error", async () => {
    const { post } = await appWith({ limits: TIGHT, trustedProxies: 0 });
    expect(await statuses(times(3, () => post("/v1/answer", ask)))).toEqual([200, 200, 200]);
    const refused = await post("/v1/answer", ask);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/Too many questions.*wait \d+ s/);
    // Every asking route shares the count, however its path is spelled.
    expect((await post("/v1/%61nswer", ask)).status).toBe(429);
    expect((await post("/v1/search", { query: "library" })).status).toBe(429);
    expect((await post("/v1/chat/completions", { messages: [{ role: "user", content: "hi" }] })).status).toBe(429);
  });

  it("lets a message in distress through a spent asking limit, to its safety reply", async () => {
    const { post } = await appWith({ limits: TIGHT, trustedProxies: 0 });
    await statuses(times(3, () => post("/v1/answer", ask)));
    expect((await post("/v1/answer", ask)).status).toBe(429);
    const helped = await post("/v1/answer", { question: "我想死" });
    expect(helped.status).toBe(200);
    expect(((await helped.json()) as { status: string }).status).toBe("safety");
    const fromChat = await post("/v1/chat/completions", {
      model: "grounded-faq",
      messages: [{ role: "user", content: [{ type: "text", text: "I want to kill myself" }] }],
    });
    expect(fromChat.status).toBe(200);
    expect(((await fromChat.json()) as { grounded_faq: { status: string } }).grounded_faq.status).toBe("safety");
    // Only a crisis: a question merely about the topic counts as any other.
    expect((await post("/v1/answer", { question: "where is the suicide prevention workshop?" })).status).toBe(429);
  });

  it("counts each client address, and each API key, separately", async () => {
    const { post, editorKey } = await appWith({ limits: TIGHT, trustedProxies: 0 });
    await statuses(times(3, () => post("/v1/answer", ask, { address: "192.0.2.1" })));
    expect((await post("/v1/answer", ask, { address: "192.0.2.1" })).status).toBe(429);
    expect((await post("/v1/answer", ask, { address: "192.0.2.2" })).status).toBe(200);
    // One key from many addresses is still one client.
    const withKey = { headers: { authorization: `Bearer ${editorKey}` } };
    const addresses = ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"];
    const keyed = await statuses(addresses.map((address) => () => post("/v1/answer", ask, { ...withKey, address })));
    expect(keyed).toEqual([200, 200, 200, 429]);
    // An IPv6 client is its /64: a new address in the same network is no new client.
    await statuses(times(3, () => post("/v1/answer", ask, { address: "2001:db8:1:2::a" })));
    expect((await post("/v1/answer", ask, { address: "2001:db8:1:2:ffff::b" })).status).toBe(429);
    expect((await post("/v1/answer", ask, { address: "2001:db8:1:3::a" })).status).toBe(200);
  });

  it("believes X-Forwarded-For only behind a proxy (TRUST_PROXY)", async () => {
    const direct = await appWith({ limits: TIGHT, trustedProxies: 0 });
    const spoofed = (forwardedFor: string) =>
      direct.post("/v1/answer", ask, { headers: { "x-forwarded-for": forwardedFor } });
    expect(await statuses(["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"].map((a) => () => spoofed(a)))).toEqual([
      200, 200, 200, 429,
    ]);
    const proxied = await appWith({ limits: TIGHT, trustedProxies: 1 });
    // The proxy (one address) appends each client's; what a client wrote before it is ignored.
    const via = (client: string) =>
      proxied.post("/v1/answer", ask, { address: "10.9.9.9", headers: { "x-forwarded-for": `1.1.1.1, ${client}` } });
    await statuses(times(3, () => via("203.0.113.5")));
    expect((await via("203.0.113.5")).status).toBe(429);
    expect((await via("203.0.113.6")).status).toBe(200);
  });

  it("limits wrong keys at sign-in, and does not count a right one", async () => {
    const { signIn, editorKey } = await appWith({ limits: TIGHT, trustedProxies: 0 });
    expect(await statuses(times(5, () => signIn(editorKey)))).toEqual([303, 303, 303, 303, 303]);
    expect(await statuses(times(3, () => signIn("gfk_wrong")))).toEqual([401, 401, 429]);
    // Until the window ends, even the right key waits, told so on the sign-in page; another address does not.
    const refused = await signIn(editorKey);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await refused.text();
    expect(page).toContain("Too many failed sign-ins");
    expect(page).toMatch(/<form[^>]*action="\/editor\/login"/);
    expect((await signIn("gfk_wrong", "192.0.2.77")).status).toBe(401);
  });

  it("keeps asking, editing, hand-offs and feedback in separate counts", async () => {
    const { post, editorKey } = await appWith({ limits: TIGHT, trustedProxies: 0 });
    const handoff = { message: "Please call me about my dorm." };
    expect(await statuses(times(2, () => post("/v1/handoffs", handoff)))).toEqual([201, 429]);
    expect((await post("/v1/answer", ask)).status).toBe(200);
    const asEditor = { headers: { authorization: `Bearer ${editorKey}` } };
    const newKey = { name: "bot", role: "reader" };
    expect(await statuses(times(4, () => post("/v1/keys", newKey, asEditor)))).toEqual([403, 403, 403, 429]);
    expect((await post("/v1/feedback", { answer_id: "none", rating: "up" })).status).toBe(404);
  });

  it("counts the editors' preview as asking, fetched with HEAD as with GET", () => {
    expect(["GET", "HEAD", "POST"].map((method) => rateLimitGroupOf(method, "/editor/try"))).toEqual([
      "ask",
      "ask",
      "edit",
    ]);
  });

  it("counts saving the editors' vocabulary as an edit, and reading it as nothing", () => {
    expect(["PUT", "GET"].map((method) => rateLimitGroupOf(method, "/v1/vocabulary"))).toEqual(["edit", undefined]);
    expect(["POST", "PATCH", "DELETE", "GET"].map((method) => rateLimitGroupOf(method, "/v1/phrasings/abc"))).toEqual([
      "edit",
      "edit",
      "edit",
      undefined,
    ]);
    expect(rateLimitGroupOf("GET", "/editor/answered-by")).toBe("ask");
  });

  it("counts a comment added to a rating as feedback", () => {
    expect(rateLimitGroupOf("PATCH", "/v1/feedback/0f1e2d3c")).toBe("feedback");
    expect(rateLimitGroupOf("PATCH", "/v1/feedback/0f1e2d3c/more")).toBeUndefined();
  });

  it("limits nothing with RATE_LIMITS=off", async () => {
    const fromConfig = (environment: Record<string, string>) => {
      const config = loadConfig(environment);
      return config.rateLimits && { limits: config.rateLimits, trustedProxies: config.trustedProxies };
    };
    const wrongKeys = (app: Awaited<ReturnType<typeof appWith>>) => statuses(times(12, () => app.signIn("gfk_wrong")));
    expect((await wrongKeys(await appWith(fromConfig({})))).at(-1)).toBe(429);
    expect(new Set(await wrongKeys(await appWith(fromConfig({ RATE_LIMITS: "off" }))))).toEqual(new Set([401]));
  });
});

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redisReachable = await new Promise<boolean>((resolve) => {
  const socket = net.connect({ host: new URL(REDIS_URL).hostname, port: Number(new URL(REDIS_URL).port || 6379) });
  socket.once("connect", () => {
    socket.destroy();
    resolve(true);
  });
  socket.once("error", () => resolve(false));
});

describe.skipIf(!redisReachable)("rate limits shared in Redis by two replicas", () => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;
  const counts: SharedRateCounts[] = [];
  beforeAll(async () => {
    folder.write("knowledge/library.md", "# Library hours\n\nThe main library opens at 8 am on weekdays.\n");
    store = new SqliteIndexStore(":memory:");
    await syncFolder(store, `${folder.root}/knowledge`);
  });
  afterAll(async () => {
    for (const shared of counts) await shared.close();
    await store.close();
    folder.cleanUp();
  });

  /** A replica: its own app, counting in Redis under `prefix`. */
  const replica = async (url: string, prefix: string) => {
    const sharedCounts = new SharedRateCounts(url, prefix);
    counts.push(sharedCounts);
    const app = editorialApp(store, await editorialFor(store), [], {
      rateLimits: { limits: TIGHT, trustedProxies: 0, sharedCounts },
    });
    const ask = () =>
      app.request(
        "/v1/answer",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ question: "When does the library open?" }),
        },
        connectionFrom("192.0.2.7"),
      );
    return { app, ask, sharedCounts };
  };
  const connected = async (sharedCounts: SharedRateCounts) => {
    for (let tries = 0; tries < 50 && sharedCounts.state() !== "shared"; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it("spends one budget per client across replicas, and /readyz says the counts are shared", async () => {
    const prefix = `test-${randomUUID()}`;
    const first = await replica(REDIS_URL, prefix);
    const second = await replica(REDIS_URL, prefix);
    await connected(first.sharedCounts);
    await connected(second.sharedCounts);
    // Three questions a minute in all: two on one replica, one on the other, then both refuse.
    const seen = [
      (await first.ask()).status,
      (await second.ask()).status,
      (await first.ask()).status,
      (await second.ask()).status,
      (await first.ask()).status,
    ];
    expect(seen).toEqual([200, 200, 200, 429, 429]);
    const ready = (await (await first.app.request("/readyz")).json()) as { rate_limits: string };
    expect(ready.rate_limits).toBe("shared");
  });

  it("serves requests while Redis does not answer, counting on each replica, and /readyz says so", async () => {
    const away = await replica("redis://127.0.0.1:1", `test-${randomUUID()}`);
    const seen = [(await away.ask()).status, (await away.ask()).status, (await away.ask()).status];
    expect(seen).toEqual([200, 200, 200]);
    expect((await away.ask()).status).toBe(429);
    const response = await away.app.request("/readyz");
    expect(response.status).toBe(200);
    const ready = (await response.json()) as { rate_limits: string; warnings: string[] };
    expect(ready.rate_limits).toBe("local_fallback");
    expect(ready.warnings.join(" ")).toMatch(/Redis/);
  });
});
