import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, beforeEach, describe, expect } from "vitest";
import { type EditorialDatabase, openEditorialDatabase } from "../database/open-database.js";

/**
 * The server the PostgreSQL suites use: TEST_DATABASE_URL, or the development machines' local one.
 * Each suite gets a database of its own, dropped when it closes.
 */
const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether PostgreSQL answers; its suites are skipped (and say so) when it does not, but CI requires it. */
export const postgresReachable = await reachable(SERVER_URL);
if (!postgresReachable && process.env.REQUIRE_POSTGRES === "1") {
  throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL does not answer at ${SERVER_URL}.`);
}

async function onServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database's URL, and how to drop it. */
export async function scratchPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gfaq_test_${randomBytes(6).toString("hex")}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

export interface DatabaseUnderTest {
  name: "sqlite" | "postgres";
  /** Skipped when its server is not there. */
  skip: boolean;
  /** A new, empty, migrated editorial database; closing it drops it. */
  open(): Promise<EditorialDatabase>;
}

/** The databases every editorial contract suite runs against. */
export const databasesUnderTest: DatabaseUnderTest[] = [
  { name: "sqlite", skip: false, open: () => openEditorialDatabase({ file: ":memory:" }) },
  {
    name: "postgres",
    skip: !postgresReachable,
    open: async () => {
      const scratch = await scratchPostgresDatabase();
      const opened = await openEditorialDatabase({ url: scratch.url });
      return { ...opened, close: () => opened.close().then(scratch.drop) };
    },
  },
];

/**
 * A contract suite, run on every database under test: `body` reads, through its argument, a
 * fresh, migrated database for each test (opened before it, closed after it). A database whose
 * server does not answer is reported as skipped.
 */
export function describeOnEachDatabase(title: string, body: (database: () => EditorialDatabase) => void): void {
  describe.each(databasesUnderTest)(`${title} on $name`, (under) => {
    describe.skipIf(under.skip)("", () => {
      let database: EditorialDatabase | undefined;
      beforeEach(async () => {
        database = await under.open();
      });
      afterEach(async () => {
        await database?.close();
        database = undefined;
      });
      body(() => database ?? expect.fail("no database is open outside a test"));
    });
  });
}
