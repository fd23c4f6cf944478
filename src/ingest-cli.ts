import fs from "node:fs";
import { runIngestCommand, type TaughtPhrasings } from "../ingest/cli.js";
import { type CommandContext, runWhenMain } from "./command-line.js";
import type { AppConfig } from "./config.js";
import { openEditorialDatabase } from "./database/open-database.js";
import { PassagePhrasings } from "./editorial/passage-phrasings.js";
import type { IndexStore } from "./store/index-store.js";

/**
 * `npm run ingest -- <folder>`: the folder sync of ingest/cli.ts, keeping the wordings editors
 * taught for passages on the documents it rewrites, as the service's own sync does.
 */
export function runIngestWithPhrasings(argv: string[], context: CommandContext): Promise<number> {
  return runIngestCommand(argv, context, (config, store) => openTaughtPhrasings(config, store, context));
}

/**
 * The taught phrasings in the editorial database (DATABASE_URL's, or the file under DATA_DIR; none
 * before the service has made that file). One that cannot be opened is reported, and the sync goes
 * on without them: the service puts them back at its next start, once it can be opened again.
 */
async function openTaughtPhrasings(
  config: AppConfig,
  store: IndexStore,
  { stderr }: CommandContext,
): Promise<TaughtPhrasings | undefined> {
  const location = config.editorialDatabase;
  if ("file" in location && !fs.existsSync(location.file)) return undefined;
  try {
    const database = await openEditorialDatabase(location);
    const phrasings = new PassagePhrasings(database.db, store);
    return { attach: phrasings.attach, close: () => database.close() };
  } catch (error) {
    stderr.write(
      `taught wordings not kept on changed documents (${(error as Error).message}); the service restores them when it next starts with a readable editorial file\n`,
    );
    return undefined;
  }
}

runWhenMain(import.meta.url, runIngestWithPhrasings);
