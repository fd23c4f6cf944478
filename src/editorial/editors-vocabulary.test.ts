import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { Vocabulary } from "../text/vocabulary.js";
import { type EditorialDatabase, openEditorialDatabase } from "./editorial-database.js";
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

describe("EditorsVocabulary", () => {
  const folder = makeTemporaryFolder();
  const file = path.join(folder.root, "editorial.sqlite");
  let database: EditorialDatabase;

  beforeEach(() => {
    database = openEditorialDatabase(file);
  });
  afterEach(() => {
    database.close();
    folder.cleanUp();
  });

  it("keeps every saved text with who saved it and when, in the file and its audit trail", () => {
    const vocabulary = new EditorsVocabulary(database);
    expect(vocabulary.saved()).toBeUndefined();
    vocabulary.save(DEPOSIT, housing);
    const second = vocabulary.save(DORM, library);
    database.close();

    database = openEditorialDatabase(file);
    const reopened = new EditorsVocabulary(database);
    expect(reopened.saved()).toEqual(second);
    expect(second).toMatchObject({ version: 2, text: DORM, savedBy: "library office" });
    expect(reopened.version(1)).toMatchObject({ version: 1, text: DEPOSIT, savedBy: "housing office" });
    expect(reopened.auditTrail()).toEqual([
      { action: "saved", version: 1, actor: "housing office", actorKeyId: "k1", at: expect.any(String) },
      { action: "saved", version: 2, actor: "library office", actorKeyId: "k2", at: second.savedAt },
    ]);
    expect(reopened.current().synonymGroups).toEqual([["dorm", "residence hall"]]);
    expect(reopened.current().stopWords).toEqual(["本校"]);
  });

  it("parses the saved text once, and again only after a save", () => {
    const vocabulary = new EditorsVocabulary(database);
    expect(vocabulary.current()).toBe(Vocabulary.empty);
    vocabulary.save(DEPOSIT, housing);
    const afterSave = vocabulary.current();
    expect(afterSave.synonymGroups).toEqual([["押金", "保證金"]]);
    expect(vocabulary.current()).toBe(afterSave);
    expect(() => vocabulary.save("synonyms:\n  - 押金\n", housing)).toThrow(InvalidVocabularyError);
    expect(vocabulary.current()).toBe(afterSave);
  });

  it("refuses a text with mistakes, or over the limit, and stores nothing", () => {
    const vocabulary = new EditorsVocabulary(database);
    let refused: unknown;
    try {
      vocabulary.save("synonyms:\n  - 押金, 保證金\n  - 押金\n", housing);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(InvalidVocabularyError);
    expect(refused).toMatchObject({
      code: "invalid_vocabulary",
      message: "editors' vocabulary:3: synonyms[1]: a group needs at least two different words",
    });
    const tooLarge = `synonyms:\n${"  - dorm, residence hall\n".repeat(MAX_VOCABULARY_BYTES / 20)}`;
    expect(() => vocabulary.save(tooLarge, housing)).toThrow(VocabularyTooLargeError);
    expect(vocabulary.saved()).toBeUndefined();
    expect(vocabulary.auditTrail()).toEqual([]);
  });

  it("reports a long list of mistakes by its first hundred, each once", () => {
    const groups = Array.from({ length: 300 }, (_, index) => `  - 詞${index}\n`).join("");
    let message = "";
    try {
      new EditorsVocabulary(database).save(`synonyms:\n${groups}`, housing);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split("\n");
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe("editors' vocabulary:2: synonyms[0]: a group needs at least two different words");
    expect(lines.at(-1)).toBe("… and 200 more problems.");
  });

  it("saves a text edited from the latest version, or from none before any save", () => {
    const vocabulary = new EditorsVocabulary(database);
    expect(vocabulary.save(DEPOSIT, housing, 0)).toMatchObject({ version: 1 });
    expect(vocabulary.save(DORM, library, 1)).toMatchObject({ version: 2, text: DORM });
    expect(vocabulary.current().synonymGroups).toEqual([["dorm", "residence hall"]]);
  });

  it("refuses a text edited from an older version with vocabulary_changed, saying what is saved now, and stores nothing", () => {
    const vocabulary = new EditorsVocabulary(database);
    vocabulary.save(DEPOSIT, housing);
    const latest = vocabulary.save(DORM, library, 1);
    for (const basedOnVersion of [1, 0, 3]) {
      let refused: unknown;
      try {
        vocabulary.save("synonyms:\n  - 學費, 學雜費\n", housing, basedOnVersion);
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
    expect(vocabulary.saved()).toEqual(latest);
    expect(vocabulary.auditTrail()).toHaveLength(2);
    expect(vocabulary.current().synonymGroups).toEqual([["dorm", "residence hall"]]);
  });

  it("refuses a text edited from a version when none is saved", () => {
    const vocabulary = new EditorsVocabulary(database);
    expect(() => vocabulary.save(DEPOSIT, housing, 1)).toThrow(
      /has no saved version, but this text was edited from version 1/,
    );
    expect(vocabulary.saved()).toBeUndefined();
  });

  it("saves a text without the version it was edited from whatever was saved meanwhile", () => {
    const vocabulary = new EditorsVocabulary(database);
    vocabulary.save(DEPOSIT, housing);
    vocabulary.save(DORM, library, 1);
    expect(vocabulary.save(DEPOSIT, housing)).toMatchObject({ version: 3, text: DEPOSIT });
  });

  it("of two saves edited from the same version, through two connections to the file, keeps the first and refuses the second", () => {
    const first = new EditorsVocabulary(database);
    first.save(DEPOSIT, housing);
    const otherConnection = openEditorialDatabase(file);
    try {
      const second = new EditorsVocabulary(otherConnection);
      expect(second.saved()?.version).toBe(1);
      first.save(DORM, housing, 1);
      expect(() => second.save("synonyms:\n  - 學費, 學雜費\n", library, 1)).toThrow(VocabularyChangedError);
      expect(second.saved()).toMatchObject({ version: 2, text: DORM, savedBy: "housing office" });
    } finally {
      otherConnection.close();
    }
  });

  it("checks the version under the write lock: a save waiting on another replica's is refused as changed, not failed", async () => {
    new EditorsVocabulary(database).save(DEPOSIT, housing);
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
    expect(() => new EditorsVocabulary(database).save("synonyms:\n  - 學費, 學雜費\n", housing, 1)).toThrow(
      VocabularyChangedError,
    );
    await committed;
    await replica.terminate();
    expect(new EditorsVocabulary(database).saved()).toMatchObject({ version: 2, text: DORM });
  });

  it("leaves out a saved text that no longer parses, and says why, rather than stop answers", () => {
    database
      .prepare("INSERT INTO vocabulary_versions (text, created_at, created_by) VALUES (?, ?, ?)")
      .run("synonyms:\n  - 押金\n", "2026-01-01T00:00:00.000Z", "housing office");
    const mistakes: string[] = [];
    const vocabulary = new EditorsVocabulary(database, (message) => mistakes.push(message));
    expect(vocabulary.current()).toBe(Vocabulary.empty);
    expect(mistakes).toEqual([expect.stringMatching(/^editors' vocabulary:2: synonyms\[0\]: .*\n.*version 1/)]);
    vocabulary.save(DEPOSIT, housing);
    expect(vocabulary.current().synonymGroups).toEqual([["押金", "保證金"]]);
  });
});
