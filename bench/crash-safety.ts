import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { type DatabaseLocation, openEditorialDatabase } from "../src/database/open-database.js";
import { ApiKeyStore } from "../src/editorial/api-keys.js";
import { type ServiceProcess, startServer, stopServers } from "../src/test-support/service-process.js";
import { scratchPostgresDatabase } from "../src/test-support/test-databases.js";

/**
 * Kills the service with SIGKILL again and again while writers make acknowledged changes over
 * HTTP (hand-off tickets, logged answers, uploads published), restarting it each time, then checks
 * that every change the service acknowledged is in the database. On PostgreSQL by default,
 * `--sqlite` for the embedded file. Exits 1 if anything acknowledged was lost.
 * Usage: npm run bench:crashes [-- --kills 20 --writers 8 --sqlite]
 */
const { values: options } = parseArgs({
  options: {
    kills: { type: "string", default: "20" },
    writers: { type: "string", default: "8" },
    sqlite: { type: "boolean", default: false },
  },
});
const kills = Number(options.kills);
const writers = Number(options.writers);
if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(writers) || writers < 1) {
  console.error("usage: npm run bench:crashes [-- --kills 20 --writers 8 --sqlite]");
  process.exit(2);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "grounded-faq-crashes-"));
const scratch = options.sqlite ? undefined : await scratchPostgresDatabase();
const location: DatabaseLocation = scratch
  ? { url: scratch.url }
  : { file: path.join(workDir, "data", "editorial.sqlite") };
try {
  const opened = await openEditorialDatabase(location);
  const key = (await new ApiKeyStore(opened.db).create({ name: "crash test", role: "editor", createdBy: "bench" })).key;
  await opened.close();
  fs.mkdirSync(path.join(workDir, "knowledge"));
  fs.writeFileSync(
    path.join(workDir, "knowledge", "library.md"),
    "# Library hours\n\nThe main library opens at 8 am.\n",
  );
  const environment = {
    KNOWLEDGE_DIR: path.join(workDir, "knowledge"),
    DATA_DIR: path.join(workDir, "data"),
    RATE_LIMITS: "off",
    LOG_LEVEL: "fatal",
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  };
  let service: ServiceProcess = await startServer(environment);
  await service.waitUntilReady();

  const acknowledged = { handoffs: [] as string[], answers: [] as string[], published: [] as string[] };
  let refused = 0;
  let running = true;
  const post = (route: string, body: unknown) =>
    fetch(service.url(route), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const writer = async (index: number) => {
    for (let turn = 0; running; turn++) {
      try {
        if (turn % 10 === 9) {
          const form = new FormData();
          form.append(
            "file",
            new File([`# Notice ${index}-${turn}\n\nRoom ${index}${turn} opens at 9 am.\n`], "notice.md"),
          );
          const authorization = { authorization: `Bearer ${key}` };
          const uploaded = await fetch(service.url("/v1/documents"), {
            method: "POST",
            headers: authorization,
            body: form,
          });
          if (uploaded.status !== 201) throw new Error(String(uploaded.status));
          const { document } = (await uploaded.json()) as { document: { doc_id: string } };
          const published = await fetch(service.url(`/v1/documents/${encodeURIComponent(document.doc_id)}/publish`), {
            method: "POST",
            headers: authorization,
          });
          if (published.status === 200) acknowledged.published.push(document.doc_id);
        } else if (turn % 2 === 0) {
          const response = await post("/v1/handoffs", { message: `writer ${index}, turn ${turn}` });
          if (response.status === 201) acknowledged.handoffs.push(((await response.json()) as { id: string }).id);
        } else {
          const response = await post("/v1/answer", { question: "When does the library open?" });
          const body = (await response.json()) as { answer_id?: string };
          if (response.status === 200 && body.answer_id) acknowledged.answers.push(body.answer_id);
        }
      } catch {
        // The service was killed mid-request: nothing was acknowledged.
        refused++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const writing = Array.from({ length: writers }, (_, index) => writer(index));
  for (let kill = 0; kill < kills; kill++) {
    await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1500));
    await service.kill();
    service = await startServer(environment);
    await service.waitUntilReady();
  }
  running = false;
  await Promise.all(writing);
  await service.stop();

  const check = await openEditorialDatabase(location);
  try {
    const present = async (table: "handoffs" | "answer_log", ids: string[]) => {
      const found = new Set<string>();
      for (let start = 0; start < ids.length; start += 500) {
        const rows = await check.db
          .selectFrom(table)
          .select("id")
          .where("id", "in", ids.slice(start, start + 500))
          .execute();
        for (const row of rows) found.add(row.id);
      }
      return ids.filter((id) => !found.has(id));
    };
    const publishedNow = await sql<{
      doc_id: string;
    }>`SELECT doc_id FROM document_versions WHERE state = 'published'`.execute(check.db);
    const publishedIds = new Set(publishedNow.rows.map((row) => row.doc_id));
    const lost = {
      handoffs: await present("handoffs", acknowledged.handoffs),
      answers: await present("answer_log", acknowledged.answers),
      published: acknowledged.published.filter((docId) => !publishedIds.has(docId)),
    };
    const total = acknowledged.handoffs.length + acknowledged.answers.length + acknowledged.published.length;
    const lostCount = lost.handoffs.length + lost.answers.length + lost.published.length;
    console.log(`${scratch ? "PostgreSQL" : "SQLite file"}: ${kills} kill -9, ${writers} writers`);
    console.log(
      `  acknowledged    ${total} (hand-offs ${acknowledged.handoffs.length}, logged answers ${acknowledged.answers.length}, uploads published ${acknowledged.published.length})`,
    );
    console.log(`  failed          ${refused} requests, sent while the service was down or dying (none acknowledged)`);
    console.log(`  lost            ${lostCount}${lostCount > 0 ? ` ${JSON.stringify(lost)}` : ""}`);
    process.exitCode = lostCount > 0 ? 1 : 0;
  } finally {
    await check.close();
  }
} finally {
  stopServers();
  await scratch?.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
