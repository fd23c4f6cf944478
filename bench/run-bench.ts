import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { percentile } from "../evals/metrics.js";
import { syncFolder } from "../ingest/sync-folder.js";
import { defaultFaqMatchThreshold } from "../src/answering/answer-question.js";
import { createAnswerService } from "../src/ask/answer-service.js";
import { defaultConfidenceModel } from "../src/config/confidence-model.js";
import { ConversationMemory } from "../src/conversation/conversation-memory.js";
import { openEditorialDatabase } from "../src/database/open-database.js";
import { InteractionStore } from "../src/interactions/interaction-store.js";
import { SqliteIndexStore } from "../src/store/sqlite/sqlite-index-store.js";
import { generateCorpus } from "./generate-corpus.js";

/**
 * Ingest throughput and in-process search/answer latency on generated corpora of growing size,
 * through the answer service every door calls (answers are logged, as in the service), printed as
 * a table. Usage: npm run bench [-- --sizes 100,1000,5000 --queries 300]
 */
const { values: options } = parseArgs({
  options: { sizes: { type: "string", default: "100,1000,5000" }, queries: { type: "string", default: "300" } },
});
const sizes = options.sizes.split(",").map(Number);
const queryCount = Number(options.queries);
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(queryCount) || queryCount < 1) {
  console.error("usage: npm run bench [-- --sizes 100,1000,5000 --queries 300]");
  process.exit(2);
}

const answering = {
  abstainThreshold: 0.2,
  faqMatchThreshold: defaultFaqMatchThreshold,
  confidenceModel: defaultConfidenceModel,
};
const persona = { assistantName: "-", tone: "formal" as const, guidance: [], contactLines: { zh: "-", en: "-" } };
const rows: Record<string, string | number>[] = [];

for (const size of sizes) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "grounded-faq-bench-"));
  try {
    const corpus = generateCorpus(size);
    const folder = path.join(workDir, "docs");
    for (const document of corpus) {
      const file = path.join(folder, document.docId);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `---\ntitle: ${document.title}\n---\n${document.text}\n`);
    }
    const megabytes = corpus.reduce((sum, document) => sum + Buffer.byteLength(document.text), 0) / 1e6;
    const store = new SqliteIndexStore(path.join(workDir, "index.sqlite"));
    const ingest = await syncFolder(store, folder);
    const resync = await syncFolder(store, folder);

    const answerLog = await openEditorialDatabase({ file: path.join(workDir, "editorial.sqlite") });
    const answers = createAnswerService({
      store,
      answering,
      personaFor: () => persona,
      conversations: new ConversationMemory(),
      answerLog: new InteractionStore(answerLog.db),
    });
    const questions = Array.from({ length: queryCount }, (_, index) => corpus[index % corpus.length]?.question ?? "");
    const searchTimes: number[] = [];
    const answerTimes: number[] = [];
    for (const question of questions) {
      let startedAt = performance.now();
      await answers.search(question, { limit: 5 });
      searchTimes.push(performance.now() - startedAt);
      startedAt = performance.now();
      await answers.ask({ question });
      answerTimes.push(performance.now() - startedAt);
    }
    await answerLog.close();
    await store.close();
    rows.push({
      documents: size,
      chunks: ingest.chunks,
      "text MB": megabytes.toFixed(2),
      "ingest s": ingest.seconds.toFixed(2),
      "docs/s": Math.round(size / ingest.seconds),
      "unchanged re-sync s": resync.seconds.toFixed(2),
      "search p50 ms": percentile(searchTimes, 50).toFixed(2),
      "search p95 ms": percentile(searchTimes, 95).toFixed(2),
      "answer p50 ms": percentile(answerTimes, 50).toFixed(2),
      "answer p95 ms": percentile(answerTimes, 95).toFixed(2),
      "answers/s": Math.round(1000 / (answerTimes.reduce((sum, time) => sum + time, 0) / answerTimes.length)),
    });
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

console.log(
  `grounded-faq benchmark: embedded SQLite index, ${queryCount} questions per size, one process, ${os.cpus().length} cores`,
);
console.table(rows);
