import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import { type CommandContext, runWhenMain } from "./command-line.js";
import { ConfigError, loadConfig } from "./config.js";
import { migrateToLatest, migrationStatus } from "./database/migrate.js";
import { openEditorialDatabase } from "./database/open-database.js";

const USAGE = `usage:
  npm run db:migrate    runs the pending migrations (the service also runs them when it starts)
  npm run db:status     lists every migration, applied or pending
The database is DATABASE_URL's PostgreSQL, or DATA_DIR/editorial.sqlite without it.`;

/**
 * `npm run db:migrate` and `npm run db:status`, for operators who migrate before rolling out a
 * release. Returns the exit code: 0, or 2 with the reason on stderr.
 */
export async function runDatabaseCommand(argv: string[], context: CommandContext): Promise<number> {
  const print = (line: string) => context.stdout.write(`${line}\n`);
  try {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    const [command] = positionals;
    if (command !== "migrate" && command !== "status") {
      context.stderr.write(`${command ? `unknown command "${command}"` : "give a command"}\n\n${USAGE}\n`);
      return 2;
    }
    const database = await openEditorialDatabase(loadConfig(context.environment).editorialDatabase, {
      migrate: false,
    });
    const db = database.db as Kysely<unknown>;
    try {
      print(`database: ${database.where}`);
      if (command === "migrate") {
        const ran = await migrateToLatest(db, database.dialect, database.where);
        print(ran.length === 0 ? "nothing to migrate: up to date" : ran.map((name) => `migrated ${name}`).join("\n"));
      }
      for (const { name, executedAt } of await migrationStatus(db, database.dialect, database.where)) {
        print(`${name}  ${executedAt ? `applied ${executedAt.toISOString()}` : "pending"}`);
      }
      return 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    const known = error instanceof Error && ("code" in error || error instanceof ConfigError);
    context.stderr.write(`${known ? (error as Error).message : `db failed: ${String(error)}`}\n`);
    return 2;
  }
}

runWhenMain(import.meta.url, runDatabaseCommand);
