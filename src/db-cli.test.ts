import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { editorialMigrations } from "./database/migrations/index.js";
import { runDatabaseCommand } from "./db-cli.js";
import { runCommand, runScript } from "./test-support/run-script.js";
import { makeTemporaryFolder } from "./test-support/temporary-folder.js";

const folder = makeTemporaryFolder();
afterAll(() => folder.cleanUp());
const MIGRATIONS = Object.keys(editorialMigrations("sqlite"));

describe("npm run db:migrate and db:status", () => {
  it("lists pending migrations, runs them, then has nothing to do", async () => {
    const environment = { DATA_DIR: path.join(folder.root, "status") };
    const before = await runCommand(runDatabaseCommand, ["status"], environment);
    expect(before.code).toBe(0);
    for (const name of MIGRATIONS) expect(before.stdout).toMatch(new RegExp(`${name}\\s+pending`));
    const migrated = await runCommand(runDatabaseCommand, ["migrate"], environment);
    expect(migrated.code).toBe(0);
    for (const name of MIGRATIONS) expect(migrated.stdout).toContain(`migrated ${name}`);
    const after = await runCommand(runDatabaseCommand, ["migrate"], environment);
    expect(after.stdout).toContain("nothing to migrate: up to date");
    for (const name of MIGRATIONS) expect(after.stdout).toMatch(new RegExp(`${name}\\s+applied 20`));
  });

  it("migrates one file once when two processes run at the same moment", async () => {
    const environment = { DATA_DIR: path.join(folder.root, "racing") };
    const runs = await Promise.all([
      runScript("src/db-cli.ts", ["migrate"], environment),
      runScript("src/db-cli.ts", ["migrate"], environment),
    ]);
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    const migrated = runs.flatMap((run) => run.stdout.split("\n").filter((line) => line.startsWith("migrated ")));
    expect(migrated.sort()).toEqual(MIGRATIONS.map((name) => `migrated ${name}`).sort());
  });

  it("says what is wrong, with a non-zero exit, for an unknown command or an unreachable server", async () => {
    const unknown = await runCommand(runDatabaseCommand, ["drop"], { DATA_DIR: folder.root });
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toMatch(/unknown command "drop"[\s\S]*db:migrate/);
    const unreachable = await runCommand(runDatabaseCommand, ["status"], {
      DATABASE_URL: "postgres://grounded:secret@127.0.0.1:1/none",
    });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/Cannot use the database at postgres:\/\/grounded:\*\*\*@127\.0\.0\.1:1\/none/);
    expect(unreachable.stderr).not.toContain("secret");
    const invalid = await runCommand(runDatabaseCommand, ["status"], { DATABASE_URL: "mysql://x@y/z" });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/DATABASE_URL.*postgres:\/\//);
  });
});
