import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type EditorialDatabase, openEditorialDatabase } from "../database/open-database.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { describeOnEachDatabase } from "../test-support/test-databases.js";
import { Vocabulary } from "../text/vocabulary.js";
import {
  EditorsVocabulary,
  InvalidVocabularyError,
  MAX_VOCABULARY_BYTES,
  VocabularyChangedError,
  VocabularyTooLargeError,
} from "./editors-vocabulary.js";

const housing = { name: "housing office", keyId: "k1" };
const library = { name: "library office", keyId: "k2" };
const DEPOSIT = "synonyms:\n  - 押金, 保證金\n";
const DORM = "synonyms:\n  - dorm, residence hall\nstop_words: [本校]\n";

/** An EditorsVocabulary as the service opens it: the saved text read and parsed. */
async function opened(database: EditorialDatabase, onMistake?: (message: string) => void) {
  const vocabulary = new EditorsVocabulary(database.db, onMistake);
  await vocabulary.refresh();
  return vocabulary;
}

describeOnEachDatabase("EditorsVocabulary", (openDatabase) => {
  let database: EditorialDatabase;
  beforeEach(() => {
    database = openDatabase();
  });

  it("keeps every saved text with who saved it and when, in the database and its audit trail", async () => {
    const vocabulary = await opened(database);
    expect(await vocabulary.saved()).toBeUndefined();
    await vocabulary.save(DEPOSIT, housing);
    const second = await vocabulary.save(DORM, library);

    // Another replica, or this one started again, reads what was saved.
    const reopened = await opened(database);
    expect(await reopened.saved()).toEqual(second);
    expect(second).toMatchObject({ version: 2, text: DORM, savedBy: "library office" });
    expect(await reopened.version(1)).toMatchObject({ version: 1, text: DEPOSIT, savedBy: "housing office" });
    expect(await reopened.auditTrail()).toEqual([
      { action: "saved", version: 1, actor: "housing office", actorKeyId: "k1", at: expect.any(String) },
      { action: "saved", version: 2, actor: "library office", actorKeyId: "k2", at: second.savedAt },
    ]);
    expect(reopened.current().synonymGroups).toEqual([["dorm", "residence hall"]]);
    expect(reopened.current().stopWords).toEqual(["本校"]);
  });

  it("parses the saved text once, and again only after a save", async () => {
    const vocabulary = await opened(database);
    expect(vocabulary.current()).toBe(Vocabulary.empty);
    await vocabulary.save(DEPOSIT, housing);
    const afterSave = vocabulary.current();
    expect(afterSave.synonymGroups).toEqual([["押金", "保證金"]]);
    expect(vocabulary.current()).toBe(afterSave);
    await expect(vocabulary.save("synonyms:\n  - 押金\n", housing)).rejects.toThrow(InvalidVocabularyError);
    expect(vocabulary.current()).toBe(afterSave);
    // Nothing newer was saved: reading again keeps what is parsed.
    await vocabulary.refresh();
    expect(vocabulary.current()).toBe(afterSave);
  });

  it("takes another replica's save when it reads the saved text again", async () => {
    const vocabulary = await opened(database);
    await (await opened(database)).save(DEPOSIT, library);
    expect(vocabulary.current()).toBe(Vocabulary.empty);
    await vocabulary.refresh();
    expect(vocabulary.current().synonymGroups).toEqual([["押金", "保證金"]]);
  });

  it("refuses a text with mistakes, or over the limit, and stores nothing", async () => {
    const vocabulary = await opened(database);
    let refused: unknown;
    try {
      await vocabulary.save("synonyms:\n  - 押金, 保證金\n  - 押金\n", housing);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(InvalidVocabularyError);
    expect(refused).toMatchObject({
      code: "invalid_vocabulary",
      message: "editors' vocabulary:3: synonyms[1]: a group needs at least two different words",
    });
    const tooLarge = `synonyms:\n${"  - dorm, residence hall\n".repeat(MAX_VOCABULARY_BYTES / 20)}`;
    await expect(vocabulary.save(tooLarge, housing)).rejects.toThrow(VocabularyTooLargeError);
    expect(await vocabulary.saved()).toBeUndefined();
    expect(await vocabulary.auditTrail()).toEqual([]);
  });

  it("reports a long list of mistakes by its first hundred, each once", async () => {
    const groups = Array.from({ length: 300 }, (_, index) => `  - 詞${index}\n`).join("");
    let message = "";
    try {
      await (await opened(database)).save(`synonyms:\n${groups}`, housing);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split("\n");
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe("editors' vocabulary:2: synonyms[0]: a group needs at least two different words");
    expect(lines.at(-1)).toBe("… and 200 more problems.");
  });

  it("saves a text edited from the latest version, or from none before any save", async () => {
    const vocabulary = await opened(database);
    expect(await vocabulary.save(DEPOSIT, housing, 0)).toMatchObject({ version: 1 });
    expect(await vocabulary.save(DORM, library, 1)).toMatchObject({ version: 2, text: DORM });
    expect(vocabulary.current().synonymGroups).toEqual([["dorm", "residence hall"]]);
  });

  it("refuses a text edited from an older version with vocabulary_changed, saying what is saved now, and stores nothing", async () => {
    const vocabulary = await opened(database);
    await vocabulary.save(DEPOSIT, housing);
    const latest = await vocabulary.save(DORM, library, 1);
    for (const basedOnVersion of [1, 0, 3]) {
      let refused: unknown;
      try {
        await vocabulary.save("synonyms:\n  - 學費, 學雜費\n", housing, basedOnVersion);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(VocabularyChangedError);
      expect(refused).toMatchObject({
        code: "vocabulary_changed",
        message: expect.stringContaining(
          `version 2 is now saved, by library office at ${latest.savedAt}. Load it again, merge your changes into it and save again.`,
        ),
      });
    }
    expect(await vocabulary.saved()).toEqual(latest);
    expect(await vocabulary.auditTrail()).toHaveLength(2);
    expect(vocabulary.current().synonymGroups).toEqual([["dorm", "residence hall"]]);
  });

  it("refuses a text edited from a version when none is saved", async () => {
    const vocabulary = await opened(database);
    await expect(vocabulary.save(DEPOSIT, housing, 1)).rejects.toThrow(
      /has no saved version, but this text was edited from version 1/,
    );
    expect(await vocabulary.saved()).toBeUndefined();
  });

  it("saves a text without the version it was edited from whatever was saved meanwhile", async () => {
    const vocabulary = await opened(database);
    await vocabulary.save(DEPOSIT, housing);
    await vocabulary.save(DORM, library, 1);
    expect(await vocabulary.save(DEPOSIT, housing)).toMatchObject({ version: 3, text: DEPOSIT });
  });

  it("of two saves edited from the same version, by two replicas at the same moment, keeps one and refuses the other", async () => {
    const first = await opened(database);
    const second = await opened(database);
    await first.save(DEPOSIT, housing);
    const results = await Promise.allSettled([
      first.save(DORM, housing, 1),
      second.save("synonyms:\n  - 學費, 學雜費\n", library, 1),
    ]);
    const saved = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(saved).toHaveLength(1);
    expect(saved[0]?.version).toBe(2);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(VocabularyChangedError);
    expect(await first.saved()).toEqual(saved[0]);
    expect((await first.auditTrail()).map((event) => event.version)).toEqual([1, 2]);
  });

  it("of two saves without a version, by two replicas at the same moment, keeps both, one after the other", async () => {
    const first = await opened(database);
    const second = await opened(database);
    const both = await Promise.all([first.save(DEPOSIT, housing), second.save(DORM, library)]);
    expect(both.map((saved) => saved.version).sort()).toEqual([1, 2]);
    expect((await first.auditTrail()).map((event) => event.version)).toEqual([1, 2]);
  });

  it("leaves out a saved text that no longer parses, and says why, rather than stop answers", async () => {
    await database.db
      .insertInto("vocabulary_versions")
      .values({
        version: 1,
        text: "synonyms:\n  - 押金\n",
        created_at: "2026-01-01T00:00:00.000Z",
        created_by: "housing office",
      })
      .execute();
    const mistakes: string[] = [];
    const vocabulary = await opened(database, (message) => mistakes.push(message));
    expect(vocabulary.current()).toBe(Vocabulary.empty);
    expect(mistakes).toEqual([expect.stringMatching(/^editors' vocabulary:2: synonyms\[0\]: .*\n.*version 1/)]);
    await vocabulary.save(DEPOSIT, housing);
    expect(vocabulary.current().synonymGroups).toEqual([["押金", "保證金"]]);
  });
});

describe("EditorsVocabulary in a SQLite file", () => {
  const folder = makeTemporaryFolder();
  const file = path.join(folder.root, "editorial.sqlite");
  let database: EditorialDatabase;

  beforeEach(async () => {
    database = await openEditorialDatabase({ file });
  });
  afterEach(async () => {
    await database.close();
    folder.cleanUp();
  });

  it("keeps every saved text in the file", async () => {
    const second = await (await opened(database)).save(DORM, library);
    await database.close();
    database = await openEditorialDatabase({ file });
    const reopened = await opened(database);
    expect(await reopened.saved()).toEqual(second);
    expect(reopened.current().synonymGroups).toEqual([["dorm", "residence hall"]]);
  });

  it("of two saves edited from the same version, through two connections to the file, keeps the first and refuses the second", async () => {
    const first = await opened(database);
    await first.save(DEPOSIT, housing);
    const otherConnection = await openEditorialDatabase({ file });
    try {
      const second = await opened(otherConnection);
      expect((await second.saved())?.version).toBe(1);
      await first.save(DORM, housing, 1);
      await expect(second.save("synonyms:\n  - 學費, 學雜費\n", library, 1)).rejects.toThrow(VocabularyChangedError);
      expect(await second.saved()).toMatchObject({ version: 2, text: DORM, savedBy: "housing office" });
    } finally {
      await otherConnection.close();
    }
  });

  it("checks the version under the write lock: a save waiting on another replica's is refused as changed, not failed", async () => {
    await (await opened(database)).save(DEPOSIT, housing);
    // Another replica's save holds the write lock, its version 2 not yet committed, for a moment.
    const replica = new Worker(
      `const { parentPort, workerData } = require("node:worker_threads");
       const Database = require("better-sqlite3");
       const database = new Database(workerData.file);
       database.exec("BEGIN IMMEDIATE");
       database.prepare("INSERT INTO vocabulary_versions (text, created_at, created_by) VALUES (?, ?, ?)")
         .run(workerData.text, new Date().toISOString(), "library office");
       parentPort.postMessage("locked");
       setTimeout(() => { database.exec("COMMIT"); database.close(); parentPort.postMessage("committed"); }, 300);`,
      { eval: true, workerData: { file, text: DORM } },
    );
    const committed = new Promise((resolve) =>
      replica.on("message", (message) => message === "committed" && resolve(message)),
    );
    await new Promise((resolve) => replica.once("message", resolve));
    // Edited from version 1 while version 2 is being written: a check before the lock would pass and
    // the write then fail on the stale read (SQLITE_BUSY); under the lock it sees version 2.
    await expect((await opened(database)).save("synonyms:\n  - 學費, 學雜費\n", housing, 1)).rejects.toThrow(
      VocabularyChangedError,
    );
    await committed;
    await replica.terminate();
    expect(await (await opened(database)).saved()).toMatchObject({ version: 2, text: DORM });
  });
});
