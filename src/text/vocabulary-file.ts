import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseYamlSettings, readSettingsFile, SettingsFileError } from "../config/yaml-settings.js";
import { hasSearchableWord, NO_SEARCHABLE_WORD } from "./tokenize.js";
import { Vocabulary } from "./vocabulary.js";

/** The deployment's vocabulary in its knowledge folder: a `_` name marks it as settings, not a document. */
export const VOCABULARY_FILE = "_vocabulary.yml";

const MAX_GROUPS = 10_000;
const MAX_MEMBERS = 50;
const MAX_STOP_WORDS = 5_000;

const word = z.string().trim().min(1, "an empty word").max(100, "at most 100 characters");
const member = word.refine(hasSearchableWord, { message: NO_SEARCHABLE_WORD });
/** A word of a group, with where it is written in the group (for a mistake's line). */
type WrittenMember = { word: string; path: PropertyKey[] };
// Words are written as a list ([押金, 保證金]) or as one line with commas between them.
const wordsWritten = z.union([
  z.string().transform((line) => line.split(/[,，、]/u).map((word): WrittenMember => ({ word, path: [] }))),
  z.array(z.string()).transform((words) => words.map((word, index): WrittenMember => ({ word, path: [index] }))),
]);
// A group is its words, or the deployment's own word and the others people use for it
// ({ preferred: 保證金, also: [押金, 訂金] }), so that an answer can tell the asker they are the same.
const synonymGroup = z
  .union(
    [
      wordsWritten.transform((members) => ({ members, preferred: false })),
      z.strictObject({ preferred: z.string(), also: wordsWritten }).transform(({ preferred, also }) => ({
        members: [
          { word: preferred, path: ["preferred"] },
          ...also.map(({ word, path }) => ({ word, path: ["also", ...path] })),
        ],
        preferred: true,
      })),
    ],
    { error: "write a group as a line of words, a list of words, or { preferred: word, also: [words] }" },
  )
  // Each word checked where it is written, with its own message, however the group is written.
  .transform(({ members, preferred }, context) => {
    if (members.length > MAX_MEMBERS) {
      context.addIssue({ code: "custom", message: `at most ${MAX_MEMBERS} words in a group`, input: members });
      return z.NEVER;
    }
    const checked = members.map(({ word: written, path }) => {
      const result = member.safeParse(written);
      for (const issue of result.error?.issues ?? []) {
        context.addIssue({ code: "custom", message: issue.message, path, input: written });
      }
      return result.data;
    });
    if (!checked.every((word) => word !== undefined)) return z.NEVER;
    return { members: [...new Set(checked)], preferred: preferred ? checked[0] : undefined };
  })
  .refine(({ members }) => members.length >= 2, { message: "a group needs at least two different words" });
const stopWord = word.refine(hasSearchableWord, {
  message: "is already left out of every question (only punctuation or common function words)",
});

const vocabularySchema = z
  .strictObject({
    synonyms: z.array(synonymGroup).max(MAX_GROUPS, `at most ${MAX_GROUPS} groups`).optional(),
    stop_words: z.array(stopWord).max(MAX_STOP_WORDS, `at most ${MAX_STOP_WORDS} stop words`).optional(),
  })
  // An empty file reads as null: no vocabulary.
  .nullable();

/** The vocabulary in `source` (the text of `file`, which messages name); a mistake names its line. */
export function parseVocabulary(source: string, file: string): Vocabulary {
  const parsed = parseYamlSettings(source, file, vocabularySchema);
  const groups = parsed?.synonyms ?? [];
  return new Vocabulary(
    groups.map((group) => group.members),
    parsed?.stop_words ?? [],
    groups.flatMap((group) => (group.preferred === undefined ? [] : [group.preferred])),
  );
}

/** `<knowledgeDir>/_vocabulary.yml`'s vocabulary; none there means an empty one. */
export function readVocabulary(knowledgeDir: string): Vocabulary {
  const file = path.join(knowledgeDir, VOCABULARY_FILE);
  const source = readSettingsFile(file);
  return source === undefined ? Vocabulary.empty : parseVocabulary(source, file);
}

/**
 * How often the file is looked at for a change: every question asks for the vocabulary, and a
 * synchronous stat per question would hold up the others.
 */
const RECHECK_MS = 1000;

/**
 * The vocabulary of a knowledge folder as it is now: the file is read again when it changes, so an
 * edit takes effect without a restart, within `recheckMs`. An edit with a mistake is reported and
 * the last good vocabulary stays in use; a mistake at start-up stops it, like any bad setting.
 */
export function watchVocabulary(
  knowledgeDir: string,
  onMistake: (message: string) => void,
  recheckMs = RECHECK_MS,
): () => Vocabulary {
  const file = path.join(knowledgeDir, VOCABULARY_FILE);
  let current = readVocabulary(knowledgeDir);
  let version = versionOf(file);
  let checkedAt = Date.now();
  return () => {
    if (Date.now() - checkedAt < recheckMs) return current;
    checkedAt = Date.now();
    const now = versionOf(file);
    if (now === version) return current;
    version = now;
    try {
      current = readVocabulary(knowledgeDir);
    } catch (error) {
      if (!(error instanceof SettingsFileError)) throw error;
      onMistake(error.message);
    }
    return current;
  };
}

/** What tells that the file changed: its inode (a file replaced by rename), modification time and size; a stat costs microseconds. */
function versionOf(file: string): string {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.mtimeMs}:${stat.size}` : "none";
}
