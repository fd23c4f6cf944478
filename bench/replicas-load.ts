import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { percentile } from "../evals/metrics.js";
import { openEditorialDatabase } from "../src/database/open-database.js";
import { ApiKeyStore } from "../src/editorial/api-keys.js";
import { startServer, stopServers } from "../src/test-support/service-process.js";
import { scratchPostgresDatabase } from "../src/test-support/test-databases.js";

/**
 * Two replicas sharing one PostgreSQL (each its own embedded index over the sample knowledge
 * folder), under load from 50 connections for 60 s while editors publish documents on both.
 * Reports requests/s, latency, errors, whether answers matched those of a third, unloaded replica
 * with the same documents, how long each publish took to be answerable on all three, and the
 * loaded replicas' memory. Exits 1 on a 5xx, an error, a differing answer or an unseen publish.
 * Usage: npm run bench:replicas [-- --seconds 60 --connections 50]   (TEST_DATABASE_URL: the server)
 */
const { values: options } = parseArgs({
  options: { seconds: { type: "string", default: "60" }, connections: { type: "string", default: "50" } },
});
const seconds = Number(options.seconds);
const connections = Number(options.connections);
if (!Number.isInteger(seconds) || seconds < 5 || !Number.isInteger(connections) || connections < 2) {
  console.error("usage: npm run bench:replicas [-- --seconds 60 --connections 50]");
  process.exit(2);
}

const questions = fs
  .readFileSync("evals/golden-set.jsonl", "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { question: string }).question)
  .slice(0, 40);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "grounded-faq-replicas-"));
const database = await scratchPostgresDatabase();
try {
  const opened = await openEditorialDatabase({ url: database.url });
  const key = (await new ApiKeyStore(opened.db).create({ name: "load test", role: "editor", createdBy: "bench" })).key;
  await opened.close();
  const environmentOf = (name: string) => ({
    KNOWLEDGE_DIR: path.resolve("knowledge"),
    DATA_DIR: path.join(workDir, name),
    DATABASE_URL: database.url,
    // One load generator is one client address: per-client limits would refuse it.
    RATE_LIMITS: "off",
    LOG_LEVEL: "warn",
    ...(process.env.REPLICA_NODE_OPTIONS ? { NODE_OPTIONS: process.env.REPLICA_NODE_OPTIONS } : {}),
  });
  // Two loaded replicas, and a third that follows the same database but takes no load: the
  // reference every answer under load is compared with.
  const [first, second, reference] = await Promise.all(
    ["a", "b", "reference"].map((name) => startServer(environmentOf(name))),
  );
  if (!first || !second || !reference) throw new Error("a replica did not start");
  const replicas = [first, second];
  await Promise.all([first, second, reference].map((replica) => replica.waitUntilReady()));

  const answerOf = async (base: (route: string) => string, question: string) => {
    const response = await fetch(base("/v1/answer"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question }),
    });
    const body = (await response.json()) as { answer?: string; status?: string; citations?: { doc_id: string }[] };
    return { status: response.status, text: `${body.status}|${body.answer}`, cited: body.citations ?? [] };
  };
  // The published documents change between publishes only: a comparison counts when no publish
  // began or was still spreading while it ran.
  let generation = 0;
  let settled = true;

  const rss = () => replicas.map((replica) => rssMegabytes(replica.pid));
  // The JavaScript heap in use, from each replica's /metrics: what a leak would grow.
  const heap = () => Promise.all(replicas.map((replica) => heapUsedMegabytes(replica.url("/metrics"))));
  const memory: { at: number; megabytes: number[]; heap: number[] }[] = [
    { at: 0, megabytes: rss(), heap: await heap() },
  ];
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let running = true;

  // Editors publish on both replicas, in turn, every 3 s; each publish must be answerable on both
  // (and on the reference) within 10 s.
  const propagationMs: number[] = [];
  const unseen: string[] = [];
  const publishing = (async () => {
    for (let round = 0; running; round++) {
      const on = replicas[round % 2];
      const other = replicas[(round + 1) % 2];
      if (!on || !other) break;
      settled = false;
      generation++;
      const word = `zephyrine${round}`;
      const form = new FormData();
      form.append(
        "file",
        new File([`# Notice ${word}\n\nThe ${word} lounge opens at 9 am in hall ${round}.\n`], `${word}.md`),
      );
      const authorization = { authorization: `Bearer ${key}` };
      const uploaded = (await (
        await fetch(on.url("/v1/documents"), { method: "POST", headers: authorization, body: form })
      ).json()) as {
        document: { doc_id: string };
      };
      const docId = uploaded.document.doc_id;
      await fetch(on.url(`/v1/documents/${encodeURIComponent(docId)}/publish`), {
        method: "POST",
        headers: authorization,
      });
      const publishedAt = performance.now();
      let seen = false;
      while (performance.now() - publishedAt < 10_000) {
        const answers = await Promise.all(
          [on, other].map((replica) => answerOf(replica.url, `When does the ${word} lounge open?`)),
        );
        if (answers.every((answer) => answer.cited.some((citation) => citation.doc_id === docId))) {
          seen = true;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      if (seen) propagationMs.push(performance.now() - publishedAt);
      else unseen.push(docId);
      settled = true;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  })();

  // Answers under load, on both replicas, compared with the unloaded reference's to the same question.
  let checked = 0;
  const mismatches: { question: string; got: string; expected: string }[] = [];
  const checking = (async () => {
    for (let turn = 0; running; turn++) {
      const question = questions[turn % questions.length] ?? "";
      const replica = replicas[turn % 2];
      if (!replica) break;
      const before = generation;
      const [got, expected] = await Promise.all([answerOf(replica.url, question), answerOf(reference.url, question)]);
      if (!settled || generation !== before) continue;
      checked++;
      if (got.text !== expected.text) mismatches.push({ question, got: got.text, expected: expected.text });
    }
  })();
  const sampling = setInterval(async () => {
    const at = Math.round(elapsed());
    const megabytes = rss();
    // A sample that fails (or ends after the run) is left out rather than stopping the bench.
    const used = await heap().catch(() => undefined);
    if (used && running) memory.push({ at, megabytes, heap: used });
  }, 5000);

  const load = (url: string) =>
    autocannon({
      url,
      connections: connections / 2,
      duration: seconds,
      requests: questions.map((question) => ({
        method: "POST",
        path: "/v1/answer",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question }),
      })),
    });
  const results = await Promise.all(replicas.map((replica) => load(replica.url(""))));
  running = false;
  clearInterval(sampling);
  await Promise.all([publishing, checking]);
  memory.push({ at: Math.round(elapsed()), megabytes: rss(), heap: await heap() });

  const total = results.reduce((sum, result) => sum + result.requests.total, 0);
  const non2xx = results.reduce((sum, result) => sum + result.non2xx, 0);
  const fiveXx = results.reduce((sum, result) => sum + result["5xx"], 0);
  const errors = results.reduce((sum, result) => sum + result.errors + result.timeouts, 0);
  console.log(`two replicas, PostgreSQL, ${connections} connections for ${seconds} s, ${os.cpus().length} cores`);
  console.log(`  requests        ${total} (${Math.round(total / seconds)}/s)`);
  for (const [index, result] of results.entries()) {
    console.log(
      `  replica ${index + 1}       ${Math.round(result.requests.average)}/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    );
  }
  console.log(`  non-2xx         ${non2xx} (5xx: ${fiveXx}), errors and timeouts: ${errors}`);
  console.log(`  answers checked ${checked} against the unloaded reference replica's: ${mismatches.length} differed`);
  for (const mismatch of mismatches.slice(0, 3)) console.log(`    ${JSON.stringify(mismatch)}`);
  console.log(
    `  publishes       ${propagationMs.length + unseen.length}, answerable on both replicas: ${propagationMs.length}; after p50 ${Math.round(percentile(propagationMs, 50))} ms, max ${Math.round(Math.max(...propagationMs))} ms`,
  );
  console.log(`  memory (MB RSS) ${memory.map((sample) => `${sample.at}s ${sample.megabytes.join("/")}`).join(", ")}`);
  console.log(`  heap used (MB)  ${memory.map((sample) => `${sample.at}s ${sample.heap.join("/")}`).join(", ")}`);
  process.exitCode = fiveXx > 0 || errors > 0 || mismatches.length > 0 || unseen.length > 0 ? 1 : 0;
} finally {
  stopServers();
  await database.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
}

function rssMegabytes(pid: number | undefined): number {
  const status = pid === undefined ? "" : fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kilobytes / 1024);
}

async function heapUsedMegabytes(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const bytes = Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? 0);
  return Math.round(bytes / 1024 / 1024);
}
