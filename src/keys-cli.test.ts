import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openEditorialDatabase } from "./database/open-database.js";
import { ApiKeyStore } from "./editorial/api-keys.js";
import { runKeysCommand } from "./keys-cli.js";
import { runCommand, runScript } from "./test-support/run-script.js";
import { makeTemporaryFolder } from "./test-support/temporary-folder.js";
import { postgresReachable, scratchPostgresDatabase } from "./test-support/test-databases.js";

const folder = makeTemporaryFolder();
afterAll(() => folder.cleanUp());

const environment = { DATA_DIR: path.join(folder.root, "data") };
const keys = (...args: string[]) => runCommand(runKeysCommand, args, environment);

describe("npm run keys", () => {
  it("runs as a command: prints a new key once and exits 0", async () => {
    const created = await runScript("src/keys-cli.ts", ["create", "--role", "admin", "--name", "smoke"], {
      DATA_DIR: path.join(folder.root, "smoke"),
    });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/created admin key "smoke"[^\n]*\n[^\n]*\ngfk_\S+/);
  });

  it.skipIf(!postgresReachable)("keeps the key in PostgreSQL when DATABASE_URL is set, for every replica", async () => {
    const scratch = await scratchPostgresDatabase();
    try {
      const created = await runCommand(runKeysCommand, ["create", "--role", "editor", "--name", "replicas"], {
        DATA_DIR: path.join(folder.root, "postgres"),
        DATABASE_URL: scratch.url,
      });
      expect(created.code, created.stderr).toBe(0);
      const database = await openEditorialDatabase({ url: scratch.url });
      try {
        const key = created.stdout.match(/gfk_\S+/)?.[0] ?? "";
        expect(await new ApiKeyStore(database.db).verify(key)).toMatchObject({ name: "replicas", role: "editor" });
      } finally {
        await database.close();
      }
    } finally {
      await scratch.drop();
    }
  });

  it("creates a key that the service accepts, lists it without the key, and revokes it", async () => {
    const created = await keys("create", "--role", "editor", "--name", "registrar office");
    expect(created.code).toBe(0);
    const key = created.stdout.match(/gfk_\S+/)?.[0] ?? "";
    const id = created.stdout.match(/\(id ([\w-]+)\)/)?.[1] ?? "";
    const database = await openEditorialDatabase({ file: path.join(folder.root, "data", "editorial.sqlite") });
    const store = new ApiKeyStore(database.db);
    expect(await store.verify(key)).toMatchObject({ name: "registrar office", role: "editor" });

    const listed = await keys("list");
    expect(listed.stdout).toContain(`${id}  editor`);
    expect(listed.stdout).not.toContain(key);

    expect((await keys("revoke", id)).code).toBe(0);
    expect(await store.verify(key)).toBeUndefined();
    expect((await keys("list")).stdout).toMatch(/revoked \d{4}-/);
    await database.close();
  });

  it("explains a bad role, a missing name, an unknown id, command or option, and exits 2", async () => {
    for (const args of [
      ["create", "--role", "owner", "--name", "x"],
      ["create", "--role", "admin"],
      ["revoke", "no-such-id"],
      ["rotate"],
      ["list", "--all"],
    ]) {
      const result = await keys(...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--role must be|--name is required|no key with id|unknown command|Unknown option/);
    }
  });

  it("strips control and bidi characters from the name, and refuses a name made only of them", async () => {
    const created = await keys("create", "--role", "reader", "--name", "kiosk\u202E\u0007 2");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('created reader key "kiosk 2"');
    const empty = await keys("create", "--role", "reader", "--name", "\u202E\u2066");
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("--name is required");
  });

  it("names a bad setting and exits 2", async () => {
    const result = await runCommand(runKeysCommand, ["list"], { ...environment, PORT: "http" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("PORT");
  });
});
