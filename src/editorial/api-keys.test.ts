import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EditorialDatabase } from "../database/open-database.js";
import { databasesUnderTest } from "../test-support/test-databases.js";
import { ApiKeyStore } from "./api-keys.js";

for (const under of databasesUnderTest) {
  describe.skipIf(under.skip)(`API keys on ${under.name}`, () => {
    let database: EditorialDatabase;
    let keys: ApiKeyStore;
    beforeEach(async () => {
      database = await under.open();
      keys = new ApiKeyStore(database.db);
    });
    afterEach(async () => {
      vi.useRealTimers();
      await database.close();
    });
    // Only Date: the database clients' own timers run as usual.
    const at = (time: string) => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(time));
    };

    it("creates a key shown once, kept only as a hash, that verifies as its caller", async () => {
      at("2026-09-01T08:00:00.000Z");
      const { key, record } = await keys.create({ name: "registrar office", role: "editor", createdBy: "test" });
      expect(key).toMatch(/^gfk_[\w-]{43}$/);
      expect(record).toEqual({
        id: expect.any(String),
        name: "registrar office",
        role: "editor",
        keyPrefix: key.slice(0, 10),
        createdAt: "2026-09-01T08:00:00.000Z",
        createdBy: "test",
      });
      const stored = await database.db.selectFrom("api_keys").selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(key);
      expect(await keys.verify(key)).toEqual({ keyId: record.id, name: "registrar office", role: "editor" });
    });

    it("verifies no unknown key, nor anything not shaped as a key", async () => {
      await keys.create({ name: "desk", role: "reader", createdBy: "test" });
      expect(await keys.verify(`gfk_${"A".repeat(43)}`)).toBeUndefined();
      expect(await keys.verify("not-a-key")).toBeUndefined();
      expect(await keys.verify("")).toBeUndefined();
    });

    it("no longer verifies a revoked key, nor finds its caller by id", async () => {
      const { key, record } = await keys.create({ name: "desk", role: "admin", createdBy: "test" });
      const other = await keys.create({ name: "office", role: "reader", createdBy: "test" });
      expect(await keys.callerById(record.id)).toEqual({ keyId: record.id, name: "desk", role: "admin" });
      await keys.revoke(record.id);
      expect(await keys.verify(key)).toBeUndefined();
      expect(await keys.callerById(record.id)).toBeUndefined();
      expect(await keys.verify(other.key)).toMatchObject({ keyId: other.record.id });
      expect(await keys.callerById(other.record.id)).toMatchObject({ name: "office", role: "reader" });
    });

    it("finds no caller for an unknown id", async () => {
      expect(await keys.callerById("no-such-id")).toBeUndefined();
    });

    it("keeps the first time when a key is revoked twice, and revokes nothing unknown", async () => {
      const { record } = await keys.create({ name: "desk", role: "editor", createdBy: "test" });
      at("2026-09-02T10:00:00.000Z");
      expect(await keys.revoke(record.id)).toEqual({ ...record, revokedAt: "2026-09-02T10:00:00.000Z" });
      at("2026-09-03T10:00:00.000Z");
      expect((await keys.revoke(record.id))?.revokedAt).toBe("2026-09-02T10:00:00.000Z");
      expect(await keys.revoke("no-such-id")).toBeUndefined();
    });

    it("lists every key, revoked ones too, oldest first (by id within the same time), never the key", async () => {
      at("2026-09-01T09:00:00.000Z");
      const late = await keys.create({ name: "late", role: "reader", createdBy: "test" });
      at("2026-09-01T08:00:00.000Z");
      const early = [
        await keys.create({ name: "early 1", role: "editor", createdBy: "test" }),
        await keys.create({ name: "early 2", role: "admin", createdBy: "test" }),
      ].map(({ record }) => record);
      await keys.revoke(late.record.id);
      const listed = await keys.list();
      expect(listed.map((record) => record.id)).toEqual([...early.map((record) => record.id).sort(), late.record.id]);
      expect(listed.at(-1)).toMatchObject({ name: "late", revokedAt: "2026-09-01T08:00:00.000Z" });
      expect(listed[0]).not.toHaveProperty("revokedAt");
      expect(JSON.stringify(listed)).not.toContain(late.key);
    });
  });
}
