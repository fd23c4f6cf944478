import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type { DatabaseLocation } from "../config.js";
import { AppError, EditorialStoreUnavailableError, isCorruptDatabaseError } from "../errors.js";
import { corruptionIn } from "../store/sqlite/sqlite-file-health.js";
import { settleWithin } from "../until-deadline.js";
import type { EditorialTables } from "./editorial-tables.js";
import { migrateToLatest } from "./migrate.js";
import type { SqlDialect } from "./sql-dialect.js";
import { WithoutNulCharacters } from "./without-nul-characters.js";

export type { DatabaseLocation };

export interface EditorialDatabase {
  db: Kysely<EditorialTables>;
  dialect: SqlDialect;
  /** Where it is, for messages: the file, or the server's address without its password. */
  where: string;
  /** What keeps the database from answering now, or nothing when it answers within a second. */
  problem(): Promise<string | undefined>;
  close(): Promise<void>;
}

/** PostgreSQL did not answer: wrong address, down, or refusing the credentials. */
export class DatabaseUnreachableError extends AppError {
  constructor(where: string, cause: unknown) {
    super(
      "database_unreachable",
      `Cannot use the database at ${where}: ${cause instanceof Error ? cause.message : String(cause)}. Check DATABASE_URL and that the server is running and accepts these credentials.`,
    );
  }
}

const INT8 = 20;
const QUERY_TIMEOUT_MS = 5000;

/**
 * Opens the editorial database, creating it if new, and brings its tables up to this release's
 * migrations. A corrupted file throws EditorialStoreUnavailableError and is left exactly as it is:
 * it may hold the only copy of editors' work, so only an operator decides what becomes of it.
 */
export async function openEditorialDatabase(
  location: DatabaseLocation,
  options: { migrate?: boolean } = {},
): Promise<EditorialDatabase> {
  const opened = "url" in location ? await openPostgres(location.url) : openSqlite(location.file);
  try {
    if (options.migrate !== false) await migrateToLatest(opened.db as Kysely<unknown>, opened.dialect, opened.where);
    return opened;
  } catch (error) {
    await opened.close();
    if (isCorruptDatabaseError(error) && "file" in location) {
      throw new EditorialStoreUnavailableError(location.file, (error as Error).message);
    }
    throw error;
  }
}

function openSqlite(file: string): EditorialDatabase {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new Database(file);
  try {
    // The service and `npm run keys` may use the file at the same time.
    database.pragma("journal_mode = WAL");
    database.pragma("busy_timeout = 5000");
    const problem = corruptionIn(database);
    if (problem !== undefined) throw new EditorialStoreUnavailableError(file, problem);
  } catch (error) {
    database.close();
    if (isCorruptDatabaseError(error)) throw new EditorialStoreUnavailableError(file, (error as Error).message);
    throw error;
  }
  const db = new Kysely<EditorialTables>({
    dialect: new SqliteDialect({ database }),
    plugins: [new WithoutNulCharacters()],
  });
  return { db, dialect: "sqlite", where: file, problem: () => problemOf(db, file), close: () => db.destroy() };
}

async function openPostgres(url: string): Promise<EditorialDatabase> {
  const where = withoutPassword(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    // A server that stops answering (a stalled network, not a refused connection) fails a query
    // after 5 s instead of holding an answer, the follower or the shutdown for good.
    query_timeout: QUERY_TIMEOUT_MS,
    statement_timeout: QUERY_TIMEOUT_MS,
    idle_in_transaction_session_timeout: 4 * QUERY_TIMEOUT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // Counts are bigint in PostgreSQL; they never pass 2^53 here.
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection the server or the network closed: the pool drops it and opens another when
  // needed, and a query on it fails (503 database_unavailable). Without these listeners, a
  // connection lost between two queries would be an uncaught error that stops the process.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new DatabaseUnreachableError(where, error);
  }
  const db = new Kysely<EditorialTables>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new WithoutNulCharacters()],
  });
  return { db, dialect: "postgres", where, problem: () => problemOf(db, where), close: () => db.destroy() };
}

const PING_TIMEOUT_MS = 1000;

async function problemOf(db: Kysely<EditorialTables>, where: string): Promise<string | undefined> {
  const problem = await settleWithin(sql`SELECT 1`.execute(db), PING_TIMEOUT_MS, "a ping").then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  return problem === undefined
    ? undefined
    : `The editorial database at ${where} does not answer (${problem}): answers go on, but uploads, API keys, the answer log and hand-offs fail until it does.`;
}

/** The address of a database URL without its password, for logs and messages. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "the DATABASE_URL (not a valid URL)";
  }
}
