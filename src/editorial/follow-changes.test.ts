import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultParseLimits } from "../config.js";
import { listenForChanges } from "../database/listen-for-changes.js";
import { type EditorialDatabase, openEditorialDatabase } from "../database/open-database.js";
import { type Editorial, openEditorial } from "../open-editorial.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { databasesUnderTest, postgresReachable, scratchPostgresDatabase } from "../test-support/test-databases.js";
import type { Caller } from "./api-keys.js";
import { VOCABULARY_AUDIT_SUBJECT } from "./editors-vocabulary.js";
import { ChangeFollower } from "./follow-changes.js";

const editor: Caller = { keyId: "k1", name: "housing office", role: "editor" };
const upload = (text: string) => ({ fileName: "rules.md", bytes: new TextEncoder().encode(text), metadata: {} });

/** Two replicas over one database: each its own index and editorial stores; the second follows the first. */

/** An audit row saying `docId` was published, as a replica writes one. */
function publishedRow(docId: string) {
  return { doc_id: docId, action: "published", version: 1, actor: "a", actor_key_id: "k", at: "t", detail: null };
}

describe.each(databasesUnderTest)("a replica following another on $name", ({ skip, open }) => {
  let database: EditorialDatabase;
  let first: { editorial: Editorial; store: SqliteIndexStore };
  let second: { editorial: Editorial; store: SqliteIndexStore };
  let follower: ChangeFollower;
  let failures: string[];

  const replicaOver = async (opened: EditorialDatabase) => {
    const store = new SqliteIndexStore(":memory:");
    return { store, editorial: await openEditorial(opened, store, { parseLimits: defaultParseLimits }) };
  };
  beforeEach(async () => {
    if (skip) return;
    database = await open();
    first = await replicaOver(database);
    second = await replicaOver(database);
    failures = [];
    follower = new ChangeFollower(
      database.db,
      async (docId) => {
        if (docId === VOCABULARY_AUDIT_SUBJECT) return second.editorial.vocabulary.refresh();
        await second.editorial.editor.follow(docId);
        await second.editorial.phrasings.follow(docId);
      },
      (docId) => failures.push(docId),
    );
    await follower.startFromNow();
  });
  afterEach(async () => {
    if (skip) return;
    await first.store.close();
    await second.store.close();
    await database.close();
  });

  const textOn = async (replica: { store: SqliteIndexStore }, docId: string) =>
    (await replica.store.getDocument(docId))?.chunks.map((chunk) => chunk.text).join("\n");

  it.skipIf(skip)("publishes, replaces, unpublishes and deletes what the other replica does", async () => {
    const { editor: edits } = first.editorial;
    const document = await edits.upload(upload("# Pets\n\nNo pets in the dormitories."), editor);
    // What the other replica serves once it has caught up with an edit made on the first.
    const servedAfter = async (edit: () => Promise<unknown>) => {
      await edit();
      await follower.catchUp();
      return textOn(second, document.docId);
    };
    expect(await servedAfter(async () => {})).toBeUndefined();
    expect(await servedAfter(() => edits.publish(document.docId, editor))).toContain("No pets in the dormitories.");
    const fishTanks = upload("# Pets\n\nFish tanks up to 20 litres are allowed.");
    expect(
      await servedAfter(async () => {
        await edits.replace(document.docId, fishTanks, editor);
        await edits.publish(document.docId, editor);
      }),
    ).toContain("Fish tanks up to 20 litres");
    expect(await servedAfter(() => edits.unpublish(document.docId, editor))).toBeUndefined();
    expect(await servedAfter(() => edits.publish(document.docId, editor))).toContain("Fish tanks");
    expect(await servedAfter(() => edits.delete(document.docId, editor))).toBeUndefined();
    expect(failures).toEqual([]);
  });

  it.skipIf(skip)("searches a wording the other replica taught, and drops it once removed there", async () => {
    const document = await first.editorial.editor.upload(
      upload("# Quiet hours\n\nQuiet hours run from 11 pm."),
      editor,
    );
    await first.editorial.editor.publish(document.docId, editor);
    await follower.catchUp();
    const chunkId = (await first.store.getDocument(document.docId))?.chunks[0]?.chunkId ?? "";
    const taught = await first.editorial.phrasings.teach(
      { docId: document.docId, chunkId, text: "when must we be silent" },
      editor,
    );
    await follower.catchUp();
    const phrasingsOn = async () =>
      (await second.store.getDocument(document.docId))?.chunks.flatMap((chunk) => chunk.phrasings ?? []);
    expect(await phrasingsOn()).toEqual(["when must we be silent"]);
    await first.editorial.phrasings.remove(taught.id, editor);
    await follower.catchUp();
    expect(await phrasingsOn()).toEqual([]);
  });

  it.skipIf(skip)("uses the vocabulary the other replica saved", async () => {
    expect(second.editorial.vocabulary.current().equivalentsOf("dorm")).toEqual([]);
    await first.editorial.vocabulary.save("synonyms:\n  - dorm, residence hall\n", editor);
    await follower.catchUp();
    expect(second.editorial.vocabulary.current().equivalentsOf("dorm").length).toBeGreaterThan(0);
  });

  it.skipIf(skip)("tries a document again at the next catch-up when applying it failed", async () => {
    let failing = true;
    const flaky = new ChangeFollower(database.db, async (docId) => {
      if (failing) throw new Error("the index is away");
      await second.editorial.editor.follow(docId);
    });
    await flaky.startFromNow();
    const document = await first.editorial.editor.upload(upload("# Guests\n\nGuests leave by 10 pm."), editor);
    await first.editorial.editor.publish(document.docId, editor);
    await flaky.catchUp();
    expect(await textOn(second, document.docId)).toBeUndefined();
    failing = false;
    await flaky.catchUp();
    expect(await textOn(second, document.docId)).toContain("Guests leave by 10 pm.");
  });

  it.skipIf(skip)("applies an event that committed after later ones, as two transactions can", async () => {
    const applied: string[] = [];
    const follower = new ChangeFollower(database.db, async (docId) => {
      applied.push(docId);
    });
    await follower.startFromNow();
    const last = Number(
      (
        await database.db
          .selectFrom("audit_events")
          .select((eb) => eb.fn.max("id").as("last"))
          .executeTakeFirst()
      )?.last ?? 0,
    );
    const event = (id: number, docId: string) =>
      database.db
        .insertInto("audit_events")
        .values({ id, ...publishedRow(docId) })
        .execute();
    // Ids are handed out in the order transactions insert: the one that took the lower id commits last.
    await event(last + 10, "uploads/committed-first");
    await follower.catchUp();
    await event(last + 5, "uploads/committed-later");
    await follower.catchUp();
    await follower.catchUp();
    expect(applied).toEqual(["uploads/committed-first", "uploads/committed-later"]);
  });

  it.skipIf(skip)(
    "applies nothing that was there before it started: start-up brings the index up to date itself",
    async () => {
      const document = await first.editorial.editor.upload(upload("# Bikes\n\nBikes park at the north gate."), editor);
      await first.editorial.editor.publish(document.docId, editor);
      const applied: string[] = [];
      const late = new ChangeFollower(database.db, async (docId) => {
        applied.push(docId);
      });
      await late.startFromNow();
      await late.catchUp();
      expect(applied).toEqual([]);
    },
  );
});

describe.skipIf(!postgresReachable)("announcements of changes on PostgreSQL", () => {
  it("are heard as they commit, and again after the listening connection is cut", async () => {
    const scratch = await scratchPostgresDatabase();
    const opened = await openEditorialDatabase({ url: scratch.url });
    const heard: number[] = [];
    const lost: string[] = [];
    let connections = 0;
    const listener = listenForChanges(scratch.url, {
      onEvent: (id) => heard.push(id),
      onConnected: () => connections++,
      onLost: (reason) => lost.push(reason),
    });
    const until = async (condition: () => boolean) => {
      for (let tries = 0; tries < 100 && !condition(); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(condition()).toBe(true);
    };
    const audit = () =>
      opened.db.insertInto("audit_events").values(publishedRow("uploads/x")).returning("id").executeTakeFirstOrThrow();
    try {
      await until(() => connections === 1);
      const { id } = await audit();
      await until(() => heard.includes(id));
      // Cuts the listener's connection, as a restarted server or a broken network would.
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()`.execute(
        opened.db,
      );
      await until(() => lost.length > 0 && connections === 2);
      const again = await audit();
      await until(() => heard.includes(again.id));
    } finally {
      await listener.close();
      await opened.close();
      await scratch.drop();
    }
  });
});
