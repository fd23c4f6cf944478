import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EditorialDatabase } from "../database/open-database.js";
import { databasesUnderTest } from "../test-support/test-databases.js";
import { EDITOR_SESSION_SECONDS, EditorSessions } from "./editor-sessions.js";

describe.each(databasesUnderTest)("editors' sessions on $name", ({ skip, open }) => {
  let database: EditorialDatabase;
  let now = Date.parse("2026-12-01T09:00:00Z");
  beforeEach(async () => {
    if (skip) return;
    database = await open();
    now = Date.parse("2026-12-01T09:00:00Z");
  });
  afterEach(async () => {
    if (!skip) await database.close();
  });

  it.skipIf(skip)("knows a session on every reader of the database until it is closed", async () => {
    const id = await new EditorSessions(database.db, () => now).open("key-1");
    // Another replica: another EditorSessions over the same database.
    const elsewhere = new EditorSessions(database.db, () => now);
    expect(await elsewhere.keyOf(id)).toBe("key-1");
    expect(await elsewhere.keyOf("not-a-session")).toBeUndefined();
    expect(await elsewhere.keyOf(undefined)).toBeUndefined();
    await elsewhere.close(id);
    expect(await new EditorSessions(database.db, () => now).keyOf(id)).toBeUndefined();
  });

  it.skipIf(skip)("ends a session when it expires, and deletes expired ones at the next sign-in", async () => {
    const sessions = new EditorSessions(database.db, () => now);
    const id = await sessions.open("key-1");
    now += EDITOR_SESSION_SECONDS * 1000 - 1;
    expect(await sessions.keyOf(id)).toBe("key-1");
    now += 2;
    expect(await sessions.keyOf(id)).toBeUndefined();
    await sessions.open("key-2");
    const rows = await database.db.selectFrom("editor_sessions").select("key_id").execute();
    expect(rows).toEqual([{ key_id: "key-2" }]);
  });

  it.skipIf(skip)("stores only a digest of the id, so that the database alone signs nobody in", async () => {
    const id = await new EditorSessions(database.db, () => now).open("key-1");
    const rows = await database.db.selectFrom("editor_sessions").select("id").execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(id);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
  });
});
