import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ApiKeyStore } from "./editorial/api-keys.js";
import { openEditorialDatabase } from "./editorial/editorial-database.js";
import { runScript } from "./test-support/run-script.js";
import { makeTemporaryFolder } from "./test-support/temporary-folder.js";

const folder = makeTemporaryFolder();
afterAll(() => folder.cleanUp());

const keys = (...args: string[]) => runScript("src/keys-cli.ts", args, { DATA_DIR: path.join(folder.root, "data") });

describe("npm run keys", () => {
  it("creates a key that the service accepts, lists it without the key, and revokes it", async () => {
    const created = await keys("create", "--role", "editor", "--name", "registrar office");
    expect(created.code).toBe(0);
    const key = created.stdout.match(/gfk_\S+/)?.[0] ?? "";
    const id = created.stdout.match(/\(id ([\w-]+)\)/)?.[1] ?? "";
    const database = openEditorialDatabase(path.join(folder.root, "data", "editorial.sqlite"));
    const store = new ApiKeyStore(database);
    expect(store.verify(key)).toMatchObject({ name: "registrar office", role: "editor" });

    const listed = await keys("list");
    expect(listed.stdout).toContain(`${id}  editor`);
    expect(listed.stdout).not.toContain(key);

    expect((await keys("revoke", id)).code).toBe(0);
    expect(store.verify(key)).toBeUndefined();
    expect((await keys("list")).stdout).toMatch(/revoked \d{4}-/);
    database.close();
  });

  it("explains a bad role, a missing name, an unknown id or command, and exits 2", async () => {
    for (const args of [
      ["create", "--role", "owner", "--name", "x"],
      ["create", "--role", "admin"],
      ["revoke", "no-such-id"],
      ["rotate"],
    ]) {
      const result = await keys(...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--role must be|--name is required|no key with id|unknown command/);
    }
  });
});
