import { describe, expect, it } from "vitest";
import { watchStorage } from "../storage-health.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp } from "../test-support/editorial-app.js";
import { editorialFor } from "../test-support/editorial-for.js";

const diskFull = () => Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });

describe("/readyz and a full disk", () => {
  it("stays ready (answers go on) and reports storage full once a write was refused for lack of space", async () => {
    const store = new SqliteIndexStore(":memory:");
    const editorial = await editorialFor(store);
    const key = (await editorial.keys.create({ name: "registrar", role: "editor", createdBy: "test" })).key;
    editorial.editor.list = async () => {
      throw diskFull();
    };
    const storage = watchStorage(process.cwd(), { minFreeBytes: 0 });
    const app = editorialApp(store, editorial, [], { storage });
    expect(await (await app.request("/readyz")).json()).toMatchObject({ status: "ready", storage: "ok", warnings: [] });

    const refused = await app.request("/v1/documents", { headers: { authorization: `Bearer ${key}` } });
    expect(refused.status).toBe(507);

    const readiness = await app.request("/readyz");
    expect(readiness.status).toBe(200);
    const body = (await readiness.json()) as { storage: string; warnings: string[] };
    expect(body.storage).toBe("full");
    expect(body.warnings.join(" ")).toMatch(/DATA_DIR.*full/);
  });
});
