import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { defaultParseLimits } from "../config.js";
import type { EditorialDatabase } from "../database/open-database.js";
import { ConflictError, InvalidRequestError, NotFoundError } from "../errors.js";
import { type Editorial, openEditorial } from "../open-editorial.js";
import { retrievePassages } from "../retrieval/retrieve-passages.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { databasesUnderTest } from "../test-support/test-databases.js";
import type { Caller } from "./api-keys.js";
import { PassagePhrasings, PhrasingChangedError } from "./passage-phrasings.js";

const editor: Caller = { keyId: "k1", name: "library desk", role: "editor" };

const LOANS = `# Borrowing

## Loan periods

Books may be borrowed for 14 days and renewed twice through the catalogue.

## Overdue items

Overdue items accrue a charge of NT$ 5 per day.
`;

const HOURS = `# Opening hours

The reading room is open from 8 am to 10 pm on weekdays.
`;

/** A question in words no document uses: lexical search cannot find the loan period for it. */
const MISSED = "How long can I hang on to a paperback?";
const LOAN_PASSAGE = "Books may be borrowed for 14 days and renewed twice through the catalogue.";

describe.each(databasesUnderTest)("PassagePhrasings on $name", (database) => {
  let folder: ReturnType<typeof makeTemporaryFolder>;
  let store: SqliteIndexStore;
  let opened: EditorialDatabase;
  let editorial: Editorial;
  const sync = () =>
    syncFolder(store, folder.root, undefined, {
      attachPhrasings: (docId, chunks) => editorial.phrasings.attach(docId, chunks),
    });
  const ranked = async (question: string) =>
    (await retrievePassages(store, question, { limit: 5 })).passages.map((passage) => passage.chunk.chunkId);
  /** Makes each phrasings write to the index fail; returns the accepted wordings the record held at each. */
  const failIndexWrites = () => {
    const recorded: string[][] = [];
    store.setChunkPhrasings = async () => {
      recorded.push((await editorial.phrasings.list("accepted")).map((phrasing) => phrasing.text));
      throw new Error("index unavailable");
    };
    return recorded;
  };
  const loanChunk = async () => {
    const chunks = (await store.getDocument("library/loans.md"))?.chunks ?? [];
    const chunk = chunks.find((candidate) => candidate.text === LOAN_PASSAGE);
    if (!chunk) throw new Error("the loan passage is not indexed");
    return chunk.chunkId;
  };

  beforeEach(async () => {
    if (database.skip) return;
    folder = makeTemporaryFolder();
    folder.write("library/loans.md", LOANS);
    folder.write("library/hours.md", HOURS);
    store = new SqliteIndexStore(":memory:");
    opened = await database.open();
    editorial = await openEditorial(opened, store, { parseLimits: defaultParseLimits });
    await sync();
  });
  afterEach(async () => {
    if (database.skip) return;
    await editorial.close();
    await store.close();
    folder.cleanUp();
  });

  test.skipIf(database.skip)(
    "makes a missed question find its passage once taught, and removing it undoes that",
    async () => {
      const chunkId = await loanChunk();
      const before = await ranked(MISSED);
      expect(before).not.toContain(chunkId);

      const taught = await editorial.phrasings.teach({ docId: "library/loans.md", chunkId, text: MISSED }, editor);
      expect(taught).toMatchObject({
        state: "accepted",
        source: "editor",
        passageText: LOAN_PASSAGE,
        createdBy: editor.name,
      });
      const { passages } = await retrievePassages(store, MISSED, { limit: 5 });
      expect(passages[0]?.chunk.chunkId).toBe(chunkId);
      expect(passages[0]?.coverage).toBeGreaterThan(0.9);
      // Questions worded like it find it too, not just the very words taught.
      expect((await ranked("how long can I hang on to paperbacks"))[0]).toBe(chunkId);

      await editorial.phrasings.remove(taught.id, editor);
      expect(await ranked(MISSED)).toEqual(before);
    },
  );

  test.skipIf(database.skip)("never lets a proposed phrasing change matching until an editor accepts it", async () => {
    const chunkId = await loanChunk();
    const before = await retrievePassages(store, MISSED, { limit: 5 });
    const proposed = await editorial.phrasings.propose({
      answerId: "a-1",
      docId: "library/loans.md",
      chunkId,
      question: MISSED,
    });
    expect(proposed).toMatchObject({ state: "proposed", source: "feedback", answerId: "a-1" });
    const after = await retrievePassages(store, MISSED, { limit: 5 });
    expect(after.passages.map((passage) => [passage.chunk.chunkId, passage.coverage])).toEqual(
      before.passages.map((passage) => [passage.chunk.chunkId, passage.coverage]),
    );
    expect((await store.getDocument("library/loans.md"))?.chunks.some((chunk) => chunk.phrasings)).toBe(false);
    // Proposed once per answer.
    expect(
      await editorial.phrasings.propose({ answerId: "a-1", docId: "library/loans.md", chunkId, question: "Again?" }),
    ).toBeUndefined();

    await editorial.phrasings.accept(proposed?.id ?? "", editor);
    expect((await ranked(MISSED))[0]).toBe(chunkId);
  });

  test.skipIf(database.skip)(
    "keeps a phrasing with its passage when the file changes around it, and detaches it when the passage is gone",
    async () => {
      const taught = await editorial.phrasings.teach(
        { docId: "library/loans.md", chunkId: await loanChunk(), text: MISSED },
        editor,
      );
      folder.write("library/loans.md", `# Borrowing\n\n## Cards\n\nA library card is free.\n\n${LOANS.slice(12)}`);
      expect(await sync()).toMatchObject({ updated: 1 });
      const moved = await loanChunk();
      expect((await ranked(MISSED))[0]).toBe(moved);
      expect((await editorial.phrasings.ofDocument("library/loans.md"))[0]?.chunkId).toBe(moved);

      folder.write("library/loans.md", "# Borrowing\n\nLoans are now handled by the city library.\n");
      await sync();
      const [detached] = await editorial.phrasings.ofDocument("library/loans.md");
      expect(detached).toMatchObject({ id: taught.id, text: MISSED, passageText: LOAN_PASSAGE });
      expect(detached?.chunkId).toBeUndefined();
      expect((await store.getDocument("library/loans.md"))?.chunks.some((chunk) => chunk.phrasings)).toBe(false);
    },
  );

  test.skipIf(database.skip)(
    "rewords a phrasing in the index, and refuses empty, too long and repeated wordings",
    async () => {
      const chunkId = await loanChunk();
      const taught = await editorial.phrasings.teach({ docId: "library/loans.md", chunkId, text: MISSED }, editor);
      await editorial.phrasings.edit(taught.id, "Can I keep a paperback over the holidays?", editor);
      expect((await ranked("keep a paperback over the holidays"))[0]).toBe(chunkId);
      expect(await ranked("hang on")).not.toContain(chunkId);

      const teach = (text: string, at = chunkId) =>
        editorial.phrasings.teach({ docId: "library/loans.md", chunkId: at, text }, editor);
      await expect(teach("\u0007 \u202e ")).rejects.toThrow(InvalidRequestError);
      await expect(teach("x".repeat(1001))).rejects.toThrow(InvalidRequestError);
      await expect(teach("can i keep a PAPERBACK over the holidays?")).rejects.toThrow(ConflictError);
      await expect(teach(MISSED, "library/loans.md#99")).rejects.toThrow(NotFoundError);
      await expect(
        editorial.phrasings.teach({ docId: "library/none.md", chunkId: "library/none.md#0", text: MISSED }, editor),
      ).rejects.toThrow(NotFoundError);
    },
  );

  test.skipIf(database.skip)("records every change in the document's audit trail, with who and when", async () => {
    const chunkId = await loanChunk();
    const taught = await editorial.phrasings.teach({ docId: "library/loans.md", chunkId, text: MISSED }, editor);
    await editorial.phrasings.edit(taught.id, "Can I keep a paperback longer?", editor);
    const proposed = await editorial.phrasings.propose({
      answerId: "a-2",
      docId: "library/loans.md",
      chunkId,
      question: "How many days is a loan?",
    });
    await editorial.phrasings.reject(proposed?.id ?? "", editor);
    await editorial.phrasings.remove(taught.id, editor);
    const trail = await editorial.versions.auditTrail("library/loans.md");
    expect(trail.map((event) => [event.action, event.actor, event.detail])).toEqual([
      ["phrasing_taught", "library desk", MISSED],
      ["phrasing_edited", "library desk", `${MISSED} → Can I keep a paperback longer?`],
      ["phrasing_proposed", "student feedback", "How many days is a loan?"],
      ["phrasing_rejected", "library desk", "How many days is a loan?"],
      ["phrasing_removed", "library desk", "Can I keep a paperback longer?"],
    ]);
    expect(trail.every((event) => !Number.isNaN(Date.parse(event.at)))).toBe(true);
    expect(await editorial.phrasings.list()).toEqual([]);
    // A folder document's page shows the trail too; phrasings never make it an upload of this file.
    expect((await editorial.editor.get("library/loans.md")).audit).toHaveLength(5);
    expect(await editorial.versions.knows("library/loans.md")).toBe(false);
  });

  test.skipIf(database.skip)(
    "keeps the phrasings of an upload's passages when a new version is published",
    async () => {
      const upload = (text: string) => ({ fileName: "loans.md", bytes: new TextEncoder().encode(text), metadata: {} });
      const version = await editorial.editor.upload(upload(LOANS), editor);
      await editorial.editor.publish(version.docId, editor);
      const chunkId = (await store.getDocument(version.docId))?.chunks.find((chunk) => chunk.text === LOAN_PASSAGE)
        ?.chunkId as string;
      await editorial.phrasings.teach({ docId: version.docId, chunkId, text: "paperback hang on" }, editor);
      await editorial.editor.replace(version.docId, upload(`${LOANS}\n## Cards\n\nCards are free.\n`), editor);
      await editorial.editor.publish(version.docId, editor);
      const [first] = (await retrievePassages(store, "hang on to a paperback", { limit: 3 })).passages;
      expect(first?.chunk.text).toBe(LOAN_PASSAGE);
      expect(first?.document.docId).toBe(version.docId);
    },
  );

  test.skipIf(database.skip)(
    "leaves the record as it was when the index cannot be written, and has the index follow the record",
    async () => {
      const chunkId = await loanChunk();
      const proposed = await editorial.phrasings.propose({
        answerId: "a-3",
        docId: "library/loans.md",
        chunkId,
        question: "How many days is a loan?",
      });
      const trailBefore = (await editorial.versions.auditTrail("library/loans.md")).length;
      const write = store.setChunkPhrasings.bind(store);
      // The record is written before the index: what a crash at this point leaves is a record the index lacks.
      const recordedWhenIndexed = failIndexWrites();
      await expect(
        editorial.phrasings.teach({ docId: "library/loans.md", chunkId, text: MISSED }, editor),
      ).rejects.toThrow("index unavailable");
      await expect(editorial.phrasings.accept(proposed?.id ?? "", editor)).rejects.toThrow("index unavailable");
      expect((await editorial.phrasings.list()).map((phrasing) => [phrasing.text, phrasing.state])).toEqual([
        ["How many days is a loan?", "proposed"],
      ]);
      // Each failed write is tried again from the record as it was put back: without the change.
      expect(recordedWhenIndexed).toEqual([[MISSED], [], ["How many days is a loan?"], []]);
      expect(await editorial.versions.auditTrail("library/loans.md")).toHaveLength(trailBefore);
      // A write that fails after it was applied (a timeout) is undone in the index too.
      let applied = 0;
      store.setChunkPhrasings = async (docId, phrasings) => {
        await write(docId, phrasings);
        if (applied++ === 0) throw new Error("timed out");
      };
      await expect(
        editorial.phrasings.teach({ docId: "library/loans.md", chunkId, text: MISSED }, editor),
      ).rejects.toThrow("timed out");
      expect((await store.getDocument("library/loans.md"))?.chunks.flatMap((chunk) => chunk.phrasings ?? [])).toEqual(
        [],
      );
      // A crash after the record was written leaves the index behind it: the reconcile at start catches up.
      store.setChunkPhrasings = async () => {};
      const taught = await editorial.phrasings.teach({ docId: "library/loans.md", chunkId, text: MISSED }, editor);
      expect(taught.state).toBe("accepted");
      expect((await ranked(MISSED))[0]).not.toBe(chunkId);
      store.setChunkPhrasings = write;
      expect(await editorial.phrasings.reconcile()).toBe(1);
      expect((await ranked(MISSED))[0]).toBe(chunkId);
    },
  );

  test.skipIf(database.skip)(
    "removes from the record first: a failed index write keeps the phrasing, and a crash leaves nothing the reconcile misses",
    async () => {
      const chunkId = await loanChunk();
      const taught = await editorial.phrasings.teach({ docId: "library/loans.md", chunkId, text: MISSED }, editor);
      const trailBefore = (await editorial.versions.auditTrail("library/loans.md")).length;
      const write = store.setChunkPhrasings.bind(store);
      const recordedWhenIndexed = failIndexWrites();
      await expect(editorial.phrasings.remove(taught.id, editor)).rejects.toThrow("index unavailable");
      // The removal was recorded before the index was written, then put back when the write failed.
      expect(recordedWhenIndexed).toEqual([[], [MISSED]]);
      expect(await editorial.phrasings.get(taught.id)).toEqual(taught);
      expect(await editorial.versions.auditTrail("library/loans.md")).toHaveLength(trailBefore);
      store.setChunkPhrasings = write;
      expect((await ranked(MISSED))[0]).toBe(chunkId);
      // A crash after the removal was recorded: the index still finds the passage by a wording no
      // editor can see, on a document with no phrasing left. The reconcile at start clears it.
      store.setChunkPhrasings = async () => {};
      await editorial.phrasings.remove(taught.id, editor);
      store.setChunkPhrasings = write;
      expect(await editorial.phrasings.ofDocument("library/loans.md")).toEqual([]);
      expect((await ranked(MISSED))[0]).toBe(chunkId);
      expect(await editorial.phrasings.reconcile()).toBe(1);
      expect((await ranked(MISSED))[0]).not.toBe(chunkId);
      expect(await editorial.phrasings.reconcile()).toBe(0);
    },
  );

  test.skipIf(database.skip)("puts the accepted phrasings back into an index that lost them", async () => {
    const chunkId = await loanChunk();
    await editorial.phrasings.teach({ docId: "library/loans.md", chunkId, text: MISSED }, editor);
    await store.setChunkPhrasings("library/loans.md", new Map());
    expect((await ranked(MISSED))[0]).not.toBe(chunkId);
    expect(await editorial.phrasings.reconcile()).toBe(1);
    expect((await ranked(MISSED))[0]).toBe(chunkId);
    expect(await editorial.phrasings.reconcile()).toBe(0);
  });

  test.skipIf(database.skip)(
    "changes a phrasing once when editors on two replicas change it at the same moment",
    async () => {
      const chunkId = await loanChunk();
      const taught = await editorial.phrasings.teach({ docId: "library/loans.md", chunkId, text: MISSED }, editor);
      // Another replica: the same database, a queue of its own.
      const elsewhere = new PassagePhrasings(opened.db, store);
      const changes = await Promise.allSettled([
        editorial.phrasings.remove(taught.id, editor),
        elsewhere.edit(taught.id, "Can I keep a paperback longer?", editor),
      ]);
      const refused = changes.flatMap((change) => (change.status === "rejected" ? [change.reason] : []));
      expect(refused).toHaveLength(1);
      // Refused as changed meanwhile, or as gone when the removal was made before it read the phrasing.
      expect([PhrasingChangedError, NotFoundError].some((kind) => refused[0] instanceof kind)).toBe(true);
      const trail = await editorial.versions.auditTrail("library/loans.md");
      expect(trail.filter((event) => event.action !== "phrasing_taught")).toHaveLength(1);
    },
  );
});
