import { SettingsFileError } from "../config/yaml-settings.js";
import { ConflictError, InvalidRequestError, PayloadTooLargeError } from "../errors.js";
import { Vocabulary } from "../text/vocabulary.js";
import { parseVocabulary } from "../text/vocabulary-file.js";
import type { Actor } from "./document-versions.js";
import type { EditorialDatabase } from "./editorial-database.js";

/** What messages about the editors' vocabulary call it, where a file's would name the file. */
const EDITORS_VOCABULARY_LABEL = "editors' vocabulary";

/** Far above a desk's vocabulary (the sample's 55 groups are 2 KB); parsing this much takes under a second. */
export const MAX_VOCABULARY_BYTES = 200 * 1024;

/** A saved vocabulary longer than this many problems is reported with the first ones and a count. */
const MAX_PROBLEMS_SHOWN = 100;

/** The editors' vocabulary's entries in the audit trail, beside the documents' (see editorial-database.ts). */
const AUDIT_SUBJECT = "(vocabulary)";

/** One saved text of the editors' vocabulary. */
export interface SavedVocabulary {
  version: number;
  /** YAML, in the format of `_vocabulary.yml`. */
  text: string;
  savedAt: string;
  /** The name of the key that saved it. */
  savedBy: string;
}

export interface VocabularyAuditEvent {
  action: "saved";
  version: number;
  actor: string;
  actorKeyId: string;
  at: string;
}

/** A vocabulary with mistakes: the message names each with its line (`editors' vocabulary:3: synonyms[1]: …`). */
export class InvalidVocabularyError extends InvalidRequestError {
  constructor(message: string) {
    super(message, "invalid_vocabulary");
  }
}

export class VocabularyTooLargeError extends PayloadTooLargeError {
  constructor() {
    super(
      MAX_VOCABULARY_BYTES,
      "vocabulary_too_large",
      `The vocabulary is larger than ${MAX_VOCABULARY_BYTES / 1024} KB; a help desk's words fit in far less.`,
    );
  }
}

/**
 * The vocabulary was saved again after the version a text was edited from: saving the text would
 * undo that save unseen. The message says what is saved now, by whom and when, and what to do.
 */
export class VocabularyChangedError extends ConflictError {
  constructor(basedOnVersion: number, latest: SavedVocabulary | undefined) {
    const editedFrom = basedOnVersion === 0 ? "before any version was saved" : `from version ${basedOnVersion}`;
    super(
      "vocabulary_changed",
      latest
        ? `The editors' vocabulary was saved again after this text was edited ${editedFrom}: version ${latest.version} is now saved, by ${latest.savedBy} at ${latest.savedAt}. Load it again, merge your changes into it and save again.`
        : `The editors' vocabulary has no saved version, but this text was edited ${editedFrom}. Load it again and save again.`,
    );
  }
}

type VersionRow = { version: number; text: string; created_at: string; created_by: string };
type AuditRow = { version: number; actor: string; actor_key_id: string; at: string };

/**
 * The editors' own vocabulary, kept in the editorial file because the knowledge folder may be
 * read-only: YAML in the format of `_vocabulary.yml`, every saved version, and who saved each.
 * The vocabulary is parsed when first asked for and again only after a save, so that a question
 * costs no reading or parsing; a save takes effect with the next question.
 */
export class EditorsVocabulary {
  private readonly statements;
  private parsed?: Vocabulary;

  constructor(
    private readonly database: EditorialDatabase,
    /** Told when the saved text no longer parses (a later release checks more): it is then not used. */
    private readonly onMistake: (message: string) => void = () => {},
  ) {
    this.statements = {
      insert: database.prepare<[string, string, string], { version: number }>(
        "INSERT INTO vocabulary_versions (text, created_at, created_by) VALUES (?, ?, ?) RETURNING version",
      ),
      latest: database.prepare<[], VersionRow>("SELECT * FROM vocabulary_versions ORDER BY version DESC LIMIT 1"),
      version: database.prepare<[number], VersionRow>("SELECT * FROM vocabulary_versions WHERE version = ?"),
      audit: database.prepare<[string, number, string, string, string]>(
        "INSERT INTO audit_events (doc_id, action, version, actor, actor_key_id, at) VALUES (?, 'saved', ?, ?, ?, ?)",
      ),
      auditTrail: database.prepare<[string], AuditRow>(
        "SELECT version, actor, actor_key_id, at FROM audit_events WHERE doc_id = ? ORDER BY id",
      ),
    };
  }

  /** The vocabulary answers use from the editors: the last saved, or an empty one before any save. */
  current(): Vocabulary {
    this.parsed ??= this.parseSaved();
    return this.parsed;
  }

  /** The text in use and who saved it; undefined before any save. */
  saved(): SavedVocabulary | undefined {
    const row = this.statements.latest.get();
    return row && fromRow(row);
  }

  /** An earlier text, by its version: every save is kept. */
  version(version: number): SavedVocabulary | undefined {
    const row = this.statements.version.get(version);
    return row && fromRow(row);
  }

  /** Who saved which version, and when, oldest first. */
  auditTrail(): VocabularyAuditEvent[] {
    return this.statements.auditTrail.all(AUDIT_SUBJECT).map((row) => ({
      action: "saved",
      version: row.version,
      actor: row.actor,
      actorKeyId: row.actor_key_id,
      at: row.at,
    }));
  }

  /**
   * Checks `text` and saves it as the editors' vocabulary, used from the next question on. A text
   * with mistakes is refused (InvalidVocabularyError, every mistake with its line) and nothing is
   * stored; an empty text leaves the editors with no vocabulary of their own. With `basedOnVersion`
   * (the version the text was edited from, 0 when none was saved yet), a text edited from any but
   * the latest version is refused (VocabularyChangedError) and nothing is stored; without it, the
   * text is saved whatever was saved meanwhile.
   */
  save(text: string, actor: Actor, basedOnVersion?: number): SavedVocabulary {
    const vocabulary = parseEditorsVocabulary(text);
    const savedAt = new Date().toISOString();
    // IMMEDIATE takes the write lock before the check, so two saves from one version cannot both pass it.
    const saved = this.database
      .transaction((): SavedVocabulary => {
        if (basedOnVersion !== undefined) {
          const latest = this.saved();
          if (basedOnVersion !== (latest?.version ?? 0)) throw new VocabularyChangedError(basedOnVersion, latest);
        }
        const inserted = this.statements.insert.get(text, savedAt, actor.name);
        if (!inserted) throw new Error("vocabulary_versions returned no version");
        this.statements.audit.run(AUDIT_SUBJECT, inserted.version, actor.name, actor.keyId, savedAt);
        return { version: inserted.version, text, savedAt, savedBy: actor.name };
      })
      .immediate();
    // Only once it is stored: a save that failed leaves the vocabulary in use as it was.
    this.parsed = vocabulary;
    return saved;
  }

  private parseSaved(): Vocabulary {
    const saved = this.saved();
    if (!saved) return Vocabulary.empty;
    try {
      return parseEditorsVocabulary(saved.text);
    } catch (error) {
      if (!(error instanceof InvalidVocabularyError || error instanceof VocabularyTooLargeError)) throw error;
      this.onMistake(
        `${error.message}\nThe editors' vocabulary (version ${saved.version}) is not used until it is saved again.`,
      );
      return Vocabulary.empty;
    }
  }
}

/** The vocabulary in an editor's text, or an InvalidVocabularyError (VocabularyTooLargeError) that says what to fix. */
function parseEditorsVocabulary(text: string): Vocabulary {
  if (Buffer.byteLength(text) > MAX_VOCABULARY_BYTES) throw new VocabularyTooLargeError();
  try {
    return parseVocabulary(text, EDITORS_VOCABULARY_LABEL);
  } catch (error) {
    // Brackets nested thousands deep exhaust the YAML parser's stack: the editor's mistake, said as one.
    const tooDeep = "nested too deeply; write one group per line";
    if (error instanceof SettingsFileError) {
      throw new InvalidVocabularyError(shortened(error.message.replaceAll(STACK_EXHAUSTED, tooDeep)));
    }
    if (error instanceof RangeError) throw new InvalidVocabularyError(`${EDITORS_VOCABULARY_LABEL}: ${tooDeep}.`);
    throw error;
  }
}

/** V8's words for a stack overflow, which the YAML parser reports as a problem of the text. */
const STACK_EXHAUSTED = "Maximum call stack size exceeded";

/** Each problem once (a parser may report one on every level of nesting), the first of a long list, and how many more there are. */
function shortened(problems: string): string {
  const lines = [...new Set(problems.split("\n"))];
  if (lines.length <= MAX_PROBLEMS_SHOWN) return lines.join("\n");
  const more = lines.length - MAX_PROBLEMS_SHOWN;
  return [...lines.slice(0, MAX_PROBLEMS_SHOWN), `… and ${more} more problems.`].join("\n");
}

function fromRow(row: VersionRow): SavedVocabulary {
  return { version: row.version, text: row.text, savedAt: row.created_at, savedBy: row.created_by };
}
