import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEditorialDatabase } from "./database/open-database.js";
import { ApiKeyStore } from "./editorial/api-keys.js";
import { type ServiceProcess, SLOW_START_MS, startServer, stopServers } from "./test-support/service-process.js";
import { makeTemporaryFolder } from "./test-support/temporary-folder.js";
import { postgresReachable, scratchPostgresDatabase } from "./test-support/test-databases.js";

/**
 * Two service processes on two ports sharing one PostgreSQL, each with its own data folder and
 * embedded index: what an editor or a student does on one is seen on the other.
 */
describe.skipIf(!postgresReachable)("two replicas sharing PostgreSQL", { timeout: 4 * SLOW_START_MS }, () => {
  const folder = makeTemporaryFolder();
  let database: Awaited<ReturnType<typeof scratchPostgresDatabase>>;
  let environmentOf: (name: string) => Record<string, string>;
  let first: ServiceProcess;
  let second: ServiceProcess;
  let editorKey: string;

  beforeAll(async () => {
    database = await scratchPostgresDatabase();
    folder.write("knowledge/library/hours.md", "# Library hours\n\nThe main library opens at 8 am on weekdays.\n");
    environmentOf = (name) => ({
      KNOWLEDGE_DIR: path.join(folder.root, "knowledge"),
      DATA_DIR: path.join(folder.root, name),
      DATABASE_URL: database.url,
    });
    const opened = await openEditorialDatabase({ url: database.url });
    editorKey = (await new ApiKeyStore(opened.db).create({ name: "housing office", role: "editor", createdBy: "test" }))
      .key;
    await opened.close();
    [first, second] = await Promise.all([startServer(environmentOf("first")), startServer(environmentOf("second"))]);
    await Promise.all([first.waitUntilReady(), second.waitUntilReady()]);
  }, 2 * SLOW_START_MS);
  afterAll(async () => {
    stopServers();
    await database?.drop();
    folder.cleanUp();
  });

  const send = (
    replica: ServiceProcess,
    method: string,
    route: string,
    body?: FormData | string,
    headers: Record<string, string> = {},
  ) =>
    fetch(replica.url(route), {
      method,
      headers: { authorization: `Bearer ${editorKey}`, ...headers },
      body: body ?? null,
    });
  const ask = async (replica: ServiceProcess, question: string, conversationId?: string) =>
    (await (
      await fetch(replica.url("/v1/answer"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question, ...(conversationId ? { conversation_id: conversationId } : {}) }),
      })
    ).json()) as { status: string; citations: { doc_id: string }[] };
  const citesOn = async (replica: ServiceProcess, question: string, docId: string) =>
    (await ask(replica, question)).citations.some((citation) => citation.doc_id === docId);
  /** Milliseconds until `condition` holds, polled every 50 ms for at most 5 s. */
  const msUntil = async (condition: () => Promise<boolean>) => {
    const started = performance.now();
    while (!(await condition())) {
      if (performance.now() - started > 5000) throw new Error("not within 5 s");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return performance.now() - started;
  };
  const uploadTo = async (replica: ServiceProcess, name: string, text: string) => {
    const form = new FormData();
    form.append("file", new File([text], name));
    const response = await send(replica, "POST", "/v1/documents", form);
    expect(response.status).toBe(201);
    return ((await response.json()) as { document: { doc_id: string } }).document.doc_id;
  };
  const question = "Where do I buy a parking permit?";

  it("accepts a key on both, and reports the database and the index apart in /readyz", async () => {
    for (const replica of [first, second]) {
      expect((await send(replica, "GET", "/v1/documents")).status).toBe(200);
      const ready = (await (await fetch(replica.url("/readyz"))).json()) as Record<string, unknown>;
      expect(ready).toMatchObject({ status: "ready", index: "ok", database: "ok" });
    }
  });

  it("answers from an upload published on one replica on the other within 2 s, and stops once it is unpublished there", async () => {
    const docId = await uploadTo(
      first,
      "parking.md",
      "# Parking permits\n\nParking permits are sold at the security office in building A.\n",
    );
    expect((await send(first, "POST", `/v1/documents/${encodeURIComponent(docId)}/publish`)).status).toBe(200);
    expect(await msUntil(() => citesOn(second, question, docId))).toBeLessThan(2000);
    expect((await send(second, "POST", `/v1/documents/${encodeURIComponent(docId)}/unpublish`)).status).toBe(200);
    expect(await msUntil(async () => !(await citesOn(first, question, docId)))).toBeLessThan(2000);
    expect((await send(first, "DELETE", `/v1/documents/${encodeURIComponent(docId)}`)).status).toBe(204);
  });

  it("keeps a conversation, a session and the answer log in common", async () => {
    await ask(first, "When does the library open?", "shared-conversation");
    const shared = await openEditorialDatabase({ url: database.url }, { migrate: false });
    try {
      const turns = await sql<{
        count: number;
      }>`SELECT count(*) AS count FROM conversation_turns WHERE conversation_id = 'shared-conversation'`.execute(
        shared.db,
      );
      expect(turns.rows[0]?.count).toBe(1);
    } finally {
      await shared.close();
    }
    const signIn = await fetch(first.url("/editor/login"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: first.url("") },
      body: new URLSearchParams({ key: editorKey }),
      redirect: "manual",
    });
    const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toMatch(/^grounded_faq_editor_session=/);
    expect((await fetch(second.url("/editor"), { headers: { cookie } })).status).toBe(200);
    // A hand-off asked for on the second replica carries the turn the first one answered, and
    // staff see it on the first.
    const opened = await fetch(second.url("/v1/handoffs"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ conversation_id: "shared-conversation", message: "Please call me" }),
    });
    const { id } = (await opened.json()) as { id: string };
    const listed = (await (await send(first, "GET", "/v1/handoffs")).json()) as {
      handoffs: { id: string; transcript: { question: string }[] }[];
    };
    expect(listed.handoffs.find((ticket) => ticket.id === id)?.transcript).toMatchObject([
      { question: "When does the library open?" },
    ]);
  });

  it("loses nothing a killed replica acknowledged, and a replica started later catches up before it is ready", async () => {
    const docId = await uploadTo(first, "bikes.md", "# Bicycles\n\nBicycles park at the north gate racks.\n");
    expect((await send(first, "POST", `/v1/documents/${encodeURIComponent(docId)}/publish`)).status).toBe(200);
    // Killed the moment its publish was acknowledged: the other replica has it all the same.
    await first.kill();
    expect(await msUntil(() => citesOn(second, "Where do bicycles park?", docId))).toBeLessThan(2000);
    // Published on the second while the first is down: the first, restarted, has it once ready.
    const later = await uploadTo(second, "lockers.md", "# Lockers\n\nLockers are rented at the student union desk.\n");
    expect((await send(second, "POST", `/v1/documents/${encodeURIComponent(later)}/publish`)).status).toBe(200);
    first = await startServer(environmentOf("first"));
    await first.waitUntilReady();
    expect(await citesOn(first, "Where are lockers rented?", later)).toBe(true);
    expect(await citesOn(first, "Where do bicycles park?", docId)).toBe(true);
  });
});
