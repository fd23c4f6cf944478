import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { percentile } from "../evals/metrics.js";
import { syncFolder } from "../ingest/sync-folder.js";
import { answerQuestion, defaultFaqMatchThreshold } from "../src/answering/answer-question.js";
import { defaultConfidenceModel } from "../src/config/confidence-model.js";
import { retrievePassages } from "../src/retrieval/retrieve-passages.js";
import { SqliteIndexStore } from "../src/store/sqlite/sqlite-index-store.js";
import { generateCorpus } from "./generate-corpus.js";

/**
 * Ingest throughput and in-process search/answer latency on generated corpora of growing size,
 * printed as a table. Usage: npm run bench [-- --sizes 100,1000,5000 --queries 300]
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
  contactLines: { zh: "-", en: "-" },
};
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

    const questions = Array.from({ length: queryCount }, (_, index) => corpus[index % corpus.length]?.question ?? "");
    const searchTimes: number[] = [];
    const answerTimes: number[] = [];
    for (const question of questions) {
      let startedAt = performance.now();
      await retrievePassages(store, question, { limit: 5 });
      searchTimes.push(performance.now() - startedAt);
      startedAt = performance.now();
      await answerQuestion(store, { question }, answering);
      answerTimes.push(performance.now() - startedAt);
    }
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
