import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { createAnswerService } from "../ask/answer-service.js";
import { defaultConfidenceModel } from "../config/confidence-model.js";
import { defaultParseLimits } from "../config.js";
import { DatabaseConversations } from "../conversation/database-conversations.js";
import { openEditorialDatabase } from "../database/open-database.js";
import { createHandoffDelivery } from "../interactions/handoff-delivery.js";
import { type Editorial, openEditorial } from "../open-editorial.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp } from "../test-support/editorial-app.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { postgresReachable, scratchPostgresDatabase } from "../test-support/test-databases.js";
import { testPersona } from "../test-support/test-persona.js";
import type { App } from "./app.js";

/** A TCP relay to PostgreSQL that the test can cut, as a network failure or a stopped server would. */
function relayTo(port: number) {
  const sockets = new Set<net.Socket>();
  let state: "open" | "cut" | "stalled" = "open";
  const server = net.createServer((client) => {
    if (state === "cut") return client.destroy();
    sockets.add(client);
    client.on("error", () => {});
    client.on("close", () => sockets.delete(client));
    // A stalled network: the connection is taken, and nothing ever comes back.
    if (state === "stalled") return;
    const upstream = net.connect(port, "127.0.0.1");
    sockets.add(upstream);
    upstream.on("error", () => {});
    upstream.on("close", () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
  });
  return {
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
      ),
    cut: () => {
      state = "cut";
      for (const socket of sockets) socket.destroy();
    },
    /** Open connections and new ones go silent, without being closed. */
    stall: () => {
      state = "stalled";
      for (const socket of sockets) socket.unpipe().pause();
    },
    restore: () => {
      state = "open";
      for (const socket of sockets) socket.destroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!postgresReachable)("PostgreSQL going away while the service runs", () => {
  const folder = makeTemporaryFolder();
  let scratch: Awaited<ReturnType<typeof scratchPostgresDatabase>>;
  let relay: ReturnType<typeof relayTo>;
  let store: SqliteIndexStore;
  let editorial: Editorial;
  let app: App;
  let editorKey: string;

  beforeAll(async () => {
    scratch = await scratchPostgresDatabase();
    const url = new URL(scratch.url);
    relay = relayTo(Number(url.port || 5432));
    url.port = String(await relay.listen());
    folder.write("knowledge/library.md", "# Library hours\n\nThe main library opens at 8 am on weekdays.\n");
    store = new SqliteIndexStore(":memory:");
    await syncFolder(store, `${folder.root}/knowledge`);
    const opened = await openEditorialDatabase({ url: url.toString() });
    editorial = await openEditorial(opened, store, { parseLimits: defaultParseLimits });
    editorKey = (await editorial.keys.create({ name: "desk", role: "editor", createdBy: "test" })).key;
    const answers = createAnswerService({
      store,
      answering: { abstainThreshold: 0.3, faqMatchThreshold: 0.7, confidenceModel: defaultConfidenceModel },
      conversations: new DatabaseConversations(opened.db),
      answerLog: editorial.interactions,
      personaFor: () => testPersona({ zh: "請洽櫃檯。", en: "Ask the desk." }),
    });
    app = editorialApp(
      store,
      {
        ...editorial,
        maxUploadBytes: 1024 * 1024,
        requireApiKeyForAnswers: false,
        handoffDelivery: createHandoffDelivery(editorial.interactions, undefined),
      },
      [],
      { answers, readiness: { ready: true, reason: "", databaseProblem: () => editorial.problem() } },
    );
  });
  afterAll(async () => {
    relay.restore();
    await editorial?.close();
    await relay?.close();
    await store?.close();
    await scratch?.drop();
    folder.cleanUp();
  });

  const ask = () =>
    app.request("/v1/answer", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "When does the library open?", conversation_id: "c-outage" }),
    });
  const documents = () => app.request("/v1/documents", { headers: { authorization: `Bearer ${editorKey}` } });

  it("answers on, refuses editors' requests with 503 database_unavailable, never a 500, and recovers", async () => {
    expect((await documents()).status).toBe(200);
    relay.cut();

    const answered = await ask();
    expect(answered.status).toBe(200);
    const body = (await answered.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "answered" });
    expect(body).not.toHaveProperty("answer_id");

    const refused = await documents();
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("database_unavailable");
    const handoff = await app.request("/v1/handoffs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: "help" }),
    });
    expect(handoff.status).toBe(503);

    const ready = await app.request("/readyz");
    expect(ready.status).toBe(200);
    const readiness = (await ready.json()) as { database: string; warnings: string[] };
    expect(readiness.database).toBe("unavailable");
    expect(readiness.warnings.join(" ")).toMatch(/does not answer/);

    relay.restore();
    await expect.poll(async () => (await documents()).status, { timeout: 10_000 }).toBe(200);
    expect(((await (await app.request("/readyz")).json()) as { database: string }).database).toBe("ok");
    expect(await (await ask()).json()).toHaveProperty("answer_id");
  });

  it("answers within seconds, not forever, when the database stops answering without closing", {
    timeout: 30_000,
  }, async () => {
    expect((await documents()).status).toBe(200);
    relay.stall();
    const started = performance.now();
    const answered = await ask();
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ status: "answered" });
    expect(performance.now() - started).toBeLessThan(8000);
    const refused = await documents();
    expect(refused.status).toBe(503);
    relay.restore();
    await expect.poll(async () => (await documents()).status, { timeout: 15_000 }).toBe(200);
  });
});
