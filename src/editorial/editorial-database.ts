import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { EditorialStoreUnavailableError, isCorruptDatabaseError } from "../errors.js";
import { corruptionIn } from "../store/sqlite/sqlite-file-health.js";

/**
 * What the service records, apart from the search index: API keys, every version of every
 * uploaded document and of the editors' vocabulary and who changed what, and the answer log with
 * feedback and hand-offs. The index holds only what may be searched; this file is the record of
 * uploads, from which a new index is refilled.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    key_prefix TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE IF NOT EXISTS document_versions (
    doc_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    state TEXT NOT NULL,
    metadata TEXT NOT NULL,
    source_name TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    text TEXT NOT NULL,
    chunks TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (doc_id, version)
  );
  CREATE TABLE IF NOT EXISTS vocabulary_versions (
    version INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  );
  -- An upload's changes by its id (uploads/…); the editors' vocabulary's under "(vocabulary)"; the
  -- taught phrasings of any document under its id, with the phrasing in detail.
  CREATE TABLE IF NOT EXISTS audit_events (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    action TEXT NOT NULL,
    version INTEGER,
    actor TEXT NOT NULL,
    actor_key_id TEXT NOT NULL,
    at TEXT NOT NULL,
    detail TEXT
  );
  CREATE INDEX IF NOT EXISTS audit_events_by_document ON audit_events (doc_id, id);
  CREATE TABLE IF NOT EXISTS answer_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    status TEXT NOT NULL,
    mode TEXT NOT NULL,
    confidence REAL NOT NULL,
    latency_ms REAL NOT NULL,
    collection TEXT,
    conversation_id TEXT,
    citations TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS answer_log_by_time ON answer_log (at);
  CREATE INDEX IF NOT EXISTS answer_log_by_conversation ON answer_log (conversation_id, at);
  CREATE TABLE IF NOT EXISTS feedback (
    answer_id TEXT PRIMARY KEY REFERENCES answer_log (id),
    rating TEXT NOT NULL,
    comment TEXT,
    at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS handoffs (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    status TEXT NOT NULL,
    collection TEXT,
    conversation_id TEXT,
    answer_id TEXT,
    name TEXT,
    contact TEXT,
    message TEXT,
    transcript TEXT NOT NULL,
    delivery TEXT NOT NULL,
    delivery_attempts INTEGER NOT NULL DEFAULT 0,
    closed_at TEXT,
    closed_by TEXT
  );
  CREATE INDEX IF NOT EXISTS handoffs_by_time ON handoffs (at);
  -- Other wordings of what a passage answers (see passage-phrasings.ts). The passage is known by its
  -- document and its text, which survive re-indexing; chunk ids do not.
  CREATE TABLE IF NOT EXISTS passage_phrasings (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    passage_key TEXT NOT NULL,
    passage_text TEXT NOT NULL,
    text TEXT NOT NULL,
    state TEXT NOT NULL,
    source TEXT NOT NULL,
    answer_id TEXT UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS passage_phrasings_by_document ON passage_phrasings (doc_id, created_at);
  CREATE INDEX IF NOT EXISTS passage_phrasings_by_state ON passage_phrasings (state, created_at);
  -- Every call an action made to a record system: who, what, when, how it went. Never the record.
  CREATE TABLE IF NOT EXISTS action_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id TEXT NOT NULL,
    student_id TEXT NOT NULL,
    at TEXT NOT NULL,
    outcome TEXT NOT NULL,
    http_status INTEGER,
    latency_ms INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS action_calls_by_time ON action_calls (at);
  -- Each confirmed change, claimed once by its key: a retried confirmation never runs it again.
  CREATE TABLE IF NOT EXISTS action_confirmations (
    key TEXT PRIMARY KEY,
    action_id TEXT NOT NULL,
    student_id TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    outcome TEXT
  );
`;

/** Columns added after a table was first created: CREATE TABLE IF NOT EXISTS leaves an older file's table as it was. */
const ADDED_COLUMNS = [{ table: "audit_events", column: "detail", type: "TEXT" }];

export type EditorialDatabase = Database.Database;

/**
 * Opens (and creates, if new) the editorial file; `:memory:` for tests. A corrupted file throws
 * EditorialStoreUnavailableError and is left exactly as it is: it may hold the only copy of
 * editors' work, so only an operator decides what becomes of it.
 */
export function openEditorialDatabase(file: string): EditorialDatabase {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new Database(file);
  try {
    // The service and `npm run keys` may use the file at the same time.
    database.pragma("journal_mode = WAL");
    database.pragma("busy_timeout = 5000");
    const problem = corruptionIn(database);
    if (problem !== undefined) throw new EditorialStoreUnavailableError(file, problem);
    database.exec(SCHEMA);
    for (const { table, column, type } of ADDED_COLUMNS) {
      const columns = database.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all();
      if (!columns.some((existing) => existing.name === column)) {
        database.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
      }
    }
    return database;
  } catch (error) {
    database.close();
    if (isCorruptDatabaseError(error)) throw new EditorialStoreUnavailableError(file, (error as Error).message);
    throw error;
  }
}
