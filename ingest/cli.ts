import { loadConfig } from "../src/config.js";
import { openEmbedder } from "../src/embedding/open-embedder.js";
import { openIndexStore } from "../src/store/open-index-store.js";
import { EMBEDDINGS_FAILURE, type SyncSummary, syncFolder } from "./sync-folder.js";

const USAGE = "usage: npm run ingest -- <folder>   (syncs the folder into the index under DATA_DIR)";

/** Syncs one folder into the index and prints what changed; exits 1 when any file failed. */
async function main(argv: string[]): Promise<number> {
  const folder = argv[0];
  if (folder === "--help" || folder === "-h") {
    console.log(USAGE);
    return 0;
  }
  if (!folder || argv.length > 1 || folder.startsWith("-")) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const { store, prepare } = openIndexStore(config);
  await prepare();
  const embedding = openEmbedder(config);
  try {
    const summary = await syncFolder(store, folder, undefined, {
      embedder: embedding.embedder,
      pdfLimits: config.pdfLimits,
    });
    console.log(formatSummary(summary));
    return summary.failures.length > 0 ? 1 : 0;
  } finally {
    embedding.close();
    await store.close();
  }
}

function formatSummary(summary: SyncSummary): string {
  const lines = [
    `added ${summary.added}, updated ${summary.updated}, removed ${summary.removed}, unchanged ${summary.unchanged} documents`,
    `${summary.chunks} chunks written in ${summary.seconds.toFixed(2)} s`,
  ];
  if (summary.embedded > 0) lines.push(`${summary.embedded} texts embedded (the rest came from the cache)`);
  const [embedding, files] = partition(summary.failures, (failure) => failure.path === EMBEDDINGS_FAILURE);
  if (files.length > 0) {
    lines.push(`${files.length} file(s) failed and kept their previous version, if any:`);
    for (const failure of files) lines.push(`  ${failure.path}: ${failure.reason}`);
  }
  for (const failure of embedding) lines.push(`embeddings failed: ${failure.reason}`);
  return lines.join("\n");
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`ingest failed: ${(error as Error).message}`);
    process.exit(1);
  },
);

function partition<T>(items: T[], predicate: (item: T) => boolean): [T[], T[]] {
  return [items.filter(predicate), items.filter((item) => !predicate(item))];
}
