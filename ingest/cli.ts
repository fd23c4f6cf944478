import { type CommandContext, runWhenMain } from "../src/command-line.js";
import { type AppConfig, loadConfig } from "../src/config.js";
import { openEmbedder } from "../src/embedding/open-embedder.js";
import type { IndexStore } from "../src/store/index-store.js";
import { openIndexStore } from "../src/store/open-index-store.js";
import type { AttachPhrasings } from "./index-document.js";
import { EMBEDDINGS_FAILURE, type SyncSummary, syncFolder } from "./sync-folder.js";

const USAGE = "usage: npm run ingest -- <folder>   (syncs the folder into the index under DATA_DIR)";

/** What keeps the wordings editors taught for passages on the documents a sync rewrites. */
export interface TaughtPhrasings {
  attach: AttachPhrasings;
  close(): Promise<void>;
}

/**
 * Opens the taught phrasings of the deployment `config` names, over `store`, or says why they
 * cannot be kept (undefined: there are none to keep). Provided by the service's wiring, since
 * ingest/ does not know the editorial layer.
 */
export type OpenTaughtPhrasings = (config: AppConfig, store: IndexStore) => Promise<TaughtPhrasings | undefined>;

/**
 * `npm run ingest` (see src/ingest-cli.ts): syncs one folder into the index and prints what
 * changed. Returns the exit code: 1 when any file failed or the sync could not run, 2 for a usage error.
 */
export async function runIngestCommand(
  argv: string[],
  context: CommandContext,
  openTaughtPhrasings?: OpenTaughtPhrasings,
): Promise<number> {
  try {
    return await ingestFolder(argv, context, openTaughtPhrasings);
  } catch (error) {
    context.stderr.write(`ingest failed: ${(error as Error).message}\n`);
    return 1;
  }
}

async function ingestFolder(
  argv: string[],
  { environment, stdout, stderr }: CommandContext,
  openTaughtPhrasings?: OpenTaughtPhrasings,
): Promise<number> {
  const folder = argv[0];
  if (folder === "--help" || folder === "-h") {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!folder || argv.length > 1 || folder.startsWith("-")) {
    stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(environment);
  const { store, prepare } = openIndexStore(config);
  await prepare();
  const embedding = openEmbedder(config);
  let phrasings: TaughtPhrasings | undefined;
  try {
    phrasings = await openTaughtPhrasings?.(config, store);
    const summary = await syncFolder(store, folder, undefined, {
      embedder: embedding.embedder,
      parseLimits: config.parseLimits,
      ...(phrasings ? { attachPhrasings: phrasings.attach } : {}),
    });
    stdout.write(`${formatSummary(summary)}\n`);
    return summary.failures.length > 0 ? 1 : 0;
  } finally {
    await phrasings?.close();
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

function partition<T>(items: T[], predicate: (item: T) => boolean): [T[], T[]] {
  return [items.filter(predicate), items.filter((item) => !predicate(item))];
}

/**
 * Run as a script (`node dist/ingest/cli.js`, as earlier docs said): the command is
 * src/ingest-cli.ts now, which keeps taught phrasings; say so rather than sync without them.
 */
runWhenMain(import.meta.url, async (_argv, { stderr }) => {
  stderr.write("ingest: run `npm run ingest -- <folder>` (src/ingest-cli.ts, or dist/src/ingest-cli.js when built)\n");
  return 2;
});
