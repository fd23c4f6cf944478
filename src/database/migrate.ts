import { type Kysely, sql } from "kysely";
import { type MigrationResultSet, Migrator } from "kysely/migration";
import { AppError } from "../errors.js";
import { editorialMigrations } from "./migrations/index.js";
import type { SqlDialect } from "./sql-dialect.js";

const MIGRATION_TABLE = "schema_migrations";
const MIGRATION_LOCK_TABLE = "schema_migrations_lock";

/** The database was migrated by a newer release: this one would not know its tables. */
export class DatabaseFromNewerReleaseError extends AppError {
  constructor(
    readonly where: string,
    readonly unknown: string[],
  ) {
    super(
      "database_from_newer_release",
      `${where} was migrated by a newer release of grounded-faq (it has migration ${unknown.map((name) => `"${name}"`).join(", ")}, which this release does not know). Nothing was changed. Run the newer release, or restore a backup made before the upgrade.`,
    );
  }
}

/** A migration failed: it was rolled back with the others of its run, and the database is as it was. */
export class MigrationFailedError extends AppError {
  constructor(where: string, migration: string | undefined, cause: unknown) {
    super(
      "migration_failed",
      `Migrating ${where} failed${migration ? ` at "${migration}"` : ""}: ${cause instanceof Error ? cause.message : String(cause)}. It was rolled back; nothing was changed.`,
    );
  }
}

export interface MigrationStatus {
  name: string;
  /** When it ran on this database; undefined while it is pending. */
  executedAt?: Date;
}

function migratorOf(db: Kysely<unknown>, dialect: SqlDialect, options: { ownTransaction?: boolean } = {}): Migrator {
  const migrations = editorialMigrations(dialect);
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(options.ownTransaction ? { disableTransactions: true } : {}),
  });
}

/**
 * Kysely locks PostgreSQL for migrations (an advisory lock) but not SQLite, where two processes on
 * one file (the service and `npm run db:migrate`) could both read the same pending list. There the
 * whole run is one BEGIN IMMEDIATE transaction: the second process waits for the first's commit,
 * then finds nothing to do. The connection is the process's only one, and nothing else uses it
 * while the database is being opened.
 */
async function migrateSqlite(db: Kysely<unknown>): Promise<MigrationResultSet> {
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    const result = await migratorOf(db, "sqlite", { ownTransaction: true }).migrateToLatest();
    await sql.raw(result.error ? "ROLLBACK" : "COMMIT").execute(db);
    return result;
  } catch (error) {
    await sql`ROLLBACK`.execute(db);
    throw error;
  }
}

/**
 * Runs the pending migrations, all in one transaction under the migration lock (two replicas
 * starting at once: one migrates, the other waits and finds nothing to do), and returns the names
 * of those that ran. A database from a newer release is refused before anything is changed.
 */
export async function migrateToLatest(db: Kysely<unknown>, dialect: SqlDialect, where: string): Promise<string[]> {
  await refuseNewerRelease(db, dialect, where);
  const { error, results }: MigrationResultSet =
    dialect === "sqlite" ? await migrateSqlite(db) : await migratorOf(db, dialect).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    throw new MigrationFailedError(where, failed, error);
  }
  return (results ?? []).map((result) => result.migrationName);
}

/** Every migration this release knows, with when each ran here. */
export async function migrationStatus(
  db: Kysely<unknown>,
  dialect: SqlDialect,
  where: string,
): Promise<MigrationStatus[]> {
  await refuseNewerRelease(db, dialect, where);
  const migrations = await migratorOf(db, dialect).getMigrations();
  return migrations.map(({ name, executedAt }) => ({ name, ...(executedAt ? { executedAt } : {}) }));
}

async function refuseNewerRelease(db: Kysely<unknown>, dialect: SqlDialect, where: string): Promise<void> {
  const tables = await db.introspection.getTables();
  if (!tables.some((table) => table.name === MIGRATION_TABLE)) return;
  const known = new Set(Object.keys(editorialMigrations(dialect)));
  const executed = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)}`.execute(db);
  const unknown = executed.rows.map((row) => row.name).filter((name) => !known.has(name));
  if (unknown.length > 0) throw new DatabaseFromNewerReleaseError(where, unknown);
}
