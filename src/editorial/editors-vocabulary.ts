import type { Kysely, Transaction } from "kysely";
import { SettingsFileError } from "../config/yaml-settings.js";
import type { EditorialTables } from "../database/editorial-tables.js";
import { isUniqueViolation } from "../database/unique-violation.js";
import { ConflictError, InvalidRequestError, PayloadTooLargeError } from "../errors.js";
import { Vocabulary } from "../text/vocabulary.js";
import { parseVocabulary } from "../text/vocabulary-file.js";
import type { Actor } from "./document-versions.js";

/** What messages about the editors' vocabulary call it, where a file's would name the file. */
const EDITORS_VOCABULARY_LABEL = "editors' vocabulary";

/** Far above a desk's vocabulary (the sample's 55 groups are 2 KB); parsing this much takes under a second. */
export const MAX_VOCABULARY_BYTES = 200 * 1024;

/** A saved vocabulary longer than this many problems is reported with the first ones and a count. */
const MAX_PROBLEMS_SHOWN = 100;

/** The `doc_id` of the editors' vocabulary's entries in the audit trail, beside the documents' (no document id has parentheses). */
/** The audit trail's subject for the editors' vocabulary's saves. */
export const VOCABULARY_AUDIT_SUBJECT = "(vocabulary)";

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

/** How often a save without `basedOnVersion` tries again when another replica's save took its version number. */
const SAVE_ATTEMPTS = 5;

/**
 * The editors' own vocabulary, kept in the editorial database because the knowledge folder may be
 * read-only: YAML in the format of `_vocabulary.yml`, every saved version, and who saved each.
 * The latest is parsed by `refresh` and again only after a save, so that a question costs no
 * reading or parsing; a save takes effect with the next question.
 */
export class EditorsVocabulary {
  /** Empty until `refresh` has read the saved text. */
  private parsed: Vocabulary = Vocabulary.empty;
  /** The saved version `parsed` is of (0: none): an older one read late never replaces it. */
  private parsedVersion = 0;

  constructor(
    private readonly db: Kysely<EditorialTables>,
    /** Told when the saved text no longer parses (a later release checks more): it is then not used. */
    private readonly onMistake: (message: string) => void = () => {},
  ) {}

  /** The vocabulary answers use from the editors: the last saved as of `refresh` or a save, or an empty one. */
  current(): Vocabulary {
    return this.parsed;
  }

  /**
   * Reads and parses the latest saved text, so that `current()` needs no reading: at start, and
   * again to take up other replicas' saves.
   */
  async refresh(): Promise<void> {
    const saved = await this.saved();
    // Parsed once per version: a text that no longer parses is reported once.
    if (!saved || saved.version <= this.parsedVersion) return;
    this.use(this.parseSaved(saved), saved.version);
  }

  /** The text in use and who saved it; undefined before any save. */
  async saved(): Promise<SavedVocabulary | undefined> {
    const row = await this.db
      .selectFrom("vocabulary_versions")
      .selectAll()
      .orderBy("version", "desc")
      .limit(1)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /** An earlier text, by its version: every save is kept. */
  async version(version: number): Promise<SavedVocabulary | undefined> {
    const row = await this.db
      .selectFrom("vocabulary_versions")
      .selectAll()
      .where("version", "=", version)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /** Who saved which version, and when, oldest first. */
  async auditTrail(): Promise<VocabularyAuditEvent[]> {
    const rows = await this.db
      .selectFrom("audit_events")
      .select(["version", "actor", "actor_key_id", "at"])
      .where("doc_id", "=", VOCABULARY_AUDIT_SUBJECT)
      .orderBy("id")
      .execute();
    return rows.map((row) => ({
      action: "saved",
      version: row.version ?? 0,
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
  async save(text: string, actor: Actor, basedOnVersion?: number): Promise<SavedVocabulary> {
    const vocabulary = parseEditorsVocabulary(text);
    for (let attempt = 1; ; attempt++) {
      try {
        const saved = await this.db.transaction().execute((trx) => this.insert(trx, text, actor, basedOnVersion));
        // Only once it is stored: a save that failed leaves the vocabulary in use as it was.
        this.use(vocabulary, saved.version);
        return saved;
      } catch (error) {
        // Another replica's save, uncommitted when ours read the latest, took the same version number (PostgreSQL).
        if (!isUniqueViolation(error)) throw error;
        if (basedOnVersion !== undefined) throw new VocabularyChangedError(basedOnVersion, await this.saved());
        if (attempt >= SAVE_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Adds `text` as the version after the latest, then checks that the latest was the one it was
   * edited from. The write comes first so that SQLite takes its write lock before reading (a read
   * first would fail with SQLITE_BUSY behind another connection's save); two saves on PostgreSQL
   * that read the same latest collide on the primary key.
   */
  private async insert(
    trx: Transaction<EditorialTables>,
    text: string,
    actor: Actor,
    basedOnVersion: number | undefined,
  ): Promise<SavedVocabulary> {
    const savedAt = new Date().toISOString();
    const inserted = await trx
      .insertInto("vocabulary_versions")
      .columns(["version", "text", "created_at", "created_by"])
      .expression((eb) =>
        eb
          .selectFrom("vocabulary_versions")
          // The values are cast: in a select list PostgreSQL cannot tell a parameter's type from its column.
          .select((inner) => [
            inner(inner.fn.coalesce(inner.fn.max("version"), inner.lit(0)), "+", 1).as("version"),
            inner.cast<string>(inner.val(text), "text").as("text"),
            inner.cast<string>(inner.val(savedAt), "text").as("created_at"),
            inner.cast<string>(inner.val(actor.name), "text").as("created_by"),
          ]),
      )
      .returning("version")
      .executeTakeFirstOrThrow();
    const { version } = inserted;
    // Checked after the write, under its lock: the version before ours is the latest anyone saved.
    if (basedOnVersion !== undefined && basedOnVersion !== version - 1) {
      const latest = await trx
        .selectFrom("vocabulary_versions")
        .selectAll()
        .where("version", "<", version)
        .orderBy("version", "desc")
        .limit(1)
        .executeTakeFirst();
      throw new VocabularyChangedError(basedOnVersion, latest && fromRow(latest));
    }
    await trx
      .insertInto("audit_events")
      .values({
        doc_id: VOCABULARY_AUDIT_SUBJECT,
        action: "saved",
        version,
        actor: actor.name,
        actor_key_id: actor.keyId,
        at: savedAt,
      })
      .execute();
    return { version, text, savedAt, savedBy: actor.name };
  }

  /** Makes `vocabulary`, of saved version `version`, the one answers use, unless a newer one is in use. */
  private use(vocabulary: Vocabulary, version: number): void {
    if (version < this.parsedVersion) return;
    this.parsed = vocabulary;
    this.parsedVersion = version;
  }

  private parseSaved(saved: SavedVocabulary): Vocabulary {
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
