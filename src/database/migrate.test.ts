import fs from "node:fs";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { ApiKeyStore } from "../editorial/api-keys.js";
import { DocumentVersionStore } from "../editorial/document-versions.js";
import { InteractionStore } from "../interactions/interaction-store.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { postgresReachable, scratchPostgresDatabase } from "../test-support/test-databases.js";
import { DatabaseFromNewerReleaseError, migrationStatus } from "./migrate.js";
import { editorialMigrations } from "./migrations/index.js";
import { type DatabaseLocation, openEditorialDatabase } from "./open-database.js";

const folder = makeTemporaryFolder();
afterAll(() => folder.cleanUp());

/** A file the release before migrations (commit 1aa47f6) made: a key, a published upload, an answer… */
const FILE_FROM_1AA47F6 = path.join(import.meta.dirname, "fixtures", "editorial-made-by-1aa47f6.sqlite");
/** The key that file's api_keys row was made for, shown once then as now. */
const KEY_IN_THAT_FILE = "gfk_p7zVnjJsLDvCrMHSqDxrCBHbrx2Ebs9xVXKyE-_wKQg";

const ALL_MIGRATIONS = Object.keys(editorialMigrations("sqlite"));

describe("an editorial file made before migrations", () => {
  it("is upgraded in place, keeping every key, upload, answer and phrasing", async () => {
    const file = path.join(folder.root, "upgraded.sqlite");
    fs.copyFileSync(FILE_FROM_1AA47F6, file);
    const database = await openEditorialDatabase({ file });
    try {
      const status = await migrationStatus(database.db as Kysely<unknown>, "sqlite", file);
      expect(status.map((migration) => [migration.name, migration.executedAt !== undefined])).toEqual(
        ALL_MIGRATIONS.map((name) => [name, true]),
      );
      expect(await new ApiKeyStore(database.db).verify(KEY_IN_THAT_FILE)).toMatchObject({ name: "registrar" });
      const uploads = await new DocumentVersionStore(database.db).summaries();
      expect([...uploads.values()].flat()).toMatchObject([
        { state: "published", metadata: { title: "Parking permits" } },
      ]);
      const logged = await new InteractionStore(database.db).answersBetween("2000-01-01", "2100-01-01");
      expect(logged).toMatchObject([{ question: "How much is a parking permit?", rating: "up" }]);
      const counts = await sql<{ phrasings: number; events: number; calls: number }>`
        SELECT (SELECT count(*) FROM passage_phrasings) AS phrasings, (SELECT count(*) FROM audit_events) AS events,
          (SELECT count(*) FROM action_calls) AS calls`.execute(database.db);
      expect(counts.rows[0]).toEqual({ phrasings: 1, events: 4, calls: 1 });
    } finally {
      await database.close();
    }
  });
});

/** The file, and PostgreSQL when it is reachable: each a fresh location and how to clean it up. */
const locations: {
  name: string;
  skip: boolean;
  make(): Promise<{ location: DatabaseLocation; drop(): Promise<void> }>;
}[] = [
  {
    name: "sqlite",
    skip: false,
    make: async () => ({
      location: { file: path.join(folder.root, `fresh-${Math.random().toString(36).slice(2)}.sqlite`) },
      drop: async () => {},
    }),
  },
  {
    name: "postgres",
    skip: !postgresReachable,
    make: async () => {
      const scratch = await scratchPostgresDatabase();
      return { location: { url: scratch.url }, drop: scratch.drop };
    },
  },
];

describe.each(locations)("migrations on $name", ({ skip, make }) => {
  it.skipIf(skip)("refuse a database a newer release migrated, and change nothing in it", async () => {
    const { location, drop } = await make();
    try {
      const current = await openEditorialDatabase(location);
      await sql`INSERT INTO schema_migrations (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01')`.execute(
        current.db,
      );
      await current.close();
      const refused = openEditorialDatabase(location);
      await expect(refused).rejects.toThrow(DatabaseFromNewerReleaseError);
      await expect(refused).rejects.toThrow(/9999-from-the-future.*Nothing was changed/);
      const again = await openEditorialDatabase(location, { migrate: false });
      const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(again.db);
      expect(rows.rows.map((row) => row.name)).toEqual([...ALL_MIGRATIONS, "9999-from-the-future"]);
      await again.close();
    } finally {
      await drop();
    }
  });
});

// Two SQLite connections in one thread would wait on each other's lock synchronously: for the file,
// two processes at once are tried in db-cli.test.ts.
describe.each(locations.filter((location) => location.name === "postgres"))("migrations on $name", ({ skip, make }) => {
  it.skipIf(skip)("run once when two replicas start at the same moment", async () => {
    const { location, drop } = await make();
    try {
      const [first, second] = await Promise.all([openEditorialDatabase(location), openEditorialDatabase(location)]);
      const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(
        (first as NonNullable<typeof first>).db,
      );
      expect(applied.rows.map((row) => row.name)).toEqual(ALL_MIGRATIONS);
      await first?.close();
      await second?.close();
    } finally {
      await drop();
    }
  });
});
