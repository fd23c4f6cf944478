import { afterEach, describe, expect, it } from "vitest";
import { SettingsFileError } from "../config/yaml-settings.js";
import { retrievePassages } from "../retrieval/retrieve-passages.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { parseVocabulary, readVocabulary, VOCABULARY_FILE, watchVocabulary } from "./vocabulary-file.js";

const FILE = "knowledge/_vocabulary.yml";

describe("the vocabulary file", () => {
  it("reads groups written as lines or as lists, and stop words", () => {
    const vocabulary = parseVocabulary(
      ["synonyms:", "  - 押金, 保證金，訂金", "  - [dorm, residence hall]", "stop_words: [本校]"].join("\n"),
      FILE,
    );
    expect(vocabulary.synonymGroups).toEqual([
      ["押金", "保證金", "訂金"],
      ["dorm", "residence hall"],
    ]);
    expect(vocabulary.stopWords).toEqual(["本校"]);
    expect(vocabulary.equivalentsOf("押金")).not.toEqual([]);
  });

  it("reads a group that names the deployment's own word", () => {
    const vocabulary = parseVocabulary(
      [
        "synonyms:",
        "  - { preferred: 保證金, also: [押金, 訂金] }",
        "  - preferred: security deposit",
        "    also: [bond]",
      ].join("\n"),
      FILE,
    );
    expect(vocabulary.synonymGroups).toEqual([
      ["保證金", "押金", "訂金"],
      ["security deposit", "bond"],
    ]);
    expect(vocabulary.preferredTerms).toEqual(["保證金", "security deposit"]);
    expect(vocabulary.equivalentsOf("押金")).not.toEqual([]);
  });

  it("reads an empty file, or none, as no vocabulary", () => {
    expect(parseVocabulary("# nothing yet\n", FILE).synonymGroups).toEqual([]);
    const folder = makeTemporaryFolder();
    try {
      expect(readVocabulary(folder.root).synonymGroups).toEqual([]);
    } finally {
      folder.cleanUp();
    }
  });

  it.each([
    ["synonyms:\n  - 押金\n", 2, "a group needs at least two different words"],
    ["synonyms:\n  - 押金, 押金\n", 2, "a group needs at least two different words"],
    ["synonyms:\n  - 押金, 保證金\n  - 宿舍, 的\n", 3, "has no word that can be searched for"],
    ["stop_words:\n  - 的\n", 2, "already left out of every question"],
    ["synonym:\n  - 押金, 保證金\n", 1, "Unrecognized key"],
    ["synonyms:\n  - { preferred: 保證金, also: 保證金 }\n", 2, "a group needs at least two different words"],
    ["synonyms:\n  - preferred: 保證金\n    also:\n      - 押金\n      - 的\n", 5, "also[1]: has no word"],
    ["synonyms:\n  - { preferred: 保證金, others: 押金 }\n", 2, "{ preferred: word, also: [words] }"],
    ["synonyms: [押金, 保證金\n", 2, ""],
  ])("reports a mistake with its file and line: %j", (source, line, message) => {
    let thrown: unknown;
    try {
      parseVocabulary(source, FILE);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SettingsFileError);
    expect((thrown as Error).message).toMatch(new RegExp(`^${FILE}:${line}: `));
    expect((thrown as Error).message).toContain(message);
  });
});

it("refuses, as a mistake in the file, aliases that expand without end", () => {
  const laughs = [
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
    ...Array.from({ length: 8 }, (_, index) => {
      const name = String.fromCharCode(98 + index);
      const previous = String.fromCharCode(97 + index);
      return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`;
    }),
    "synonyms: [*i]",
  ].join("\n");
  expect(() => parseVocabulary(laughs, FILE)).toThrow(SettingsFileError);
});

it("reads a tag such as !!binary as the text it tags, never as bytes", () => {
  expect(() => parseVocabulary("synonyms:\n  - !!binary |\n      AAAA", FILE)).toThrow(
    `${FILE}:2: synonyms[0]: a group needs at least two different words`,
  );
});

describe("watchVocabulary", () => {
  const folder = makeTemporaryFolder();
  afterEach(() => folder.cleanUp());

  it("takes an edit without a restart, and keeps the last good vocabulary when an edit has a mistake", async () => {
    folder.write("docs/deposit.md", "# 住宿\n\n入住時須繳交保證金新臺幣 3,000 元。\n");
    const store = new SqliteIndexStore(`${folder.root}/index.sqlite`);
    const { syncFolder } = await import("../../ingest/sync-folder.js");
    await syncFolder(store, `${folder.root}/docs`);
    const mistakes: string[] = [];
    const vocabulary = watchVocabulary(folder.root, (message) => mistakes.push(message), 0);
    const coverage = async () =>
      (await retrievePassages(store, "押金多少", { limit: 1, vocabulary: vocabulary() })).passages[0]?.coverage ?? 0;

    const before = await coverage();
    folder.write(VOCABULARY_FILE, "synonyms:\n  - 押金, 保證金\n");
    const taught = await coverage();
    expect(taught).toBeGreaterThan(before);

    folder.write(VOCABULARY_FILE, "synonyms:\n  - 押金\n");
    expect(await coverage()).toBe(taught);
    expect(mistakes).toHaveLength(1);
    expect(mistakes[0]).toContain(`${VOCABULARY_FILE}:2:`);

    folder.remove(VOCABULARY_FILE);
    expect(await coverage()).toBe(before);
    store.close();
  });

  it("looks at the file at most once a recheck interval", () => {
    folder.write(VOCABULARY_FILE, "synonyms:\n  - 押金, 保證金\n");
    const vocabulary = watchVocabulary(folder.root, () => {}, 60_000);
    const first = vocabulary();
    folder.write(VOCABULARY_FILE, "synonyms:\n  - dorm, residence hall\n");
    expect(vocabulary()).toBe(first);
  });
});
