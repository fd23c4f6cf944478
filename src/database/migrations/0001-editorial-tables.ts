import { type ColumnDefinitionBuilder, type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";
import type { SqlDialect } from "../sql-dialect.js";

/**
 * The tables as the releases before migrations made them, so that a file from one of those opens
 * unchanged: every statement is IF NOT EXISTS. Their oldest files lacked `audit_events.detail`.
 */
export function editorialTables(dialect: SqlDialect): Migration {
  // A row id the database assigns: SQLite's rowid, PostgreSQL's identity column.
  const rowId = (column: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey();
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("api_keys")
        .ifNotExists()
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("name", "text", (column) => column.notNull())
        .addColumn("role", "text", (column) => column.notNull())
        .addColumn("key_hash", "text", (column) => column.notNull().unique())
        .addColumn("key_prefix", "text", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("created_by", "text", (column) => column.notNull())
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema
        .createTable("document_versions")
        .ifNotExists()
        .addColumn("doc_id", "text", (column) => column.notNull())
        .addColumn("version", "integer", (column) => column.notNull())
        .addColumn("state", "text", (column) => column.notNull())
        .addColumn("metadata", "text", (column) => column.notNull())
        .addColumn("source_name", "text", (column) => column.notNull())
        .addColumn("byte_size", "integer", (column) => column.notNull())
        .addColumn("text", "text", (column) => column.notNull())
        .addColumn("chunks", "text", (column) => column.notNull())
        .addColumn("content_hash", "text", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("created_by", "text", (column) => column.notNull())
        .addPrimaryKeyConstraint("document_versions_pkey", ["doc_id", "version"])
        .execute();
      await db.schema
        .createTable("vocabulary_versions")
        .ifNotExists()
        .addColumn("version", "integer", (column) => column.primaryKey())
        .addColumn("text", "text", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("created_by", "text", (column) => column.notNull())
        .execute();
      await db.schema
        .createTable("audit_events")
        .ifNotExists()
        .addColumn("id", "integer", rowId)
        .addColumn("doc_id", "text", (column) => column.notNull())
        .addColumn("action", "text", (column) => column.notNull())
        .addColumn("version", "integer")
        .addColumn("actor", "text", (column) => column.notNull())
        .addColumn("actor_key_id", "text", (column) => column.notNull())
        .addColumn("at", "text", (column) => column.notNull())
        .addColumn("detail", "text")
        .execute();
      if (dialect === "sqlite") {
        const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info('audit_events')`.execute(db);
        if (!columns.rows.some((column) => column.name === "detail")) {
          await db.schema.alterTable("audit_events").addColumn("detail", "text").execute();
        }
      }
      await index(db, "audit_events_by_document", "audit_events", ["doc_id", "id"]);
      await db.schema
        .createTable("answer_log")
        .ifNotExists()
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("at", "text", (column) => column.notNull())
        .addColumn("question", "text", (column) => column.notNull())
        .addColumn("answer", "text", (column) => column.notNull())
        .addColumn("status", "text", (column) => column.notNull())
        .addColumn("mode", "text", (column) => column.notNull())
        .addColumn("confidence", "double precision", (column) => column.notNull())
        .addColumn("latency_ms", "double precision", (column) => column.notNull())
        .addColumn("collection", "text")
        .addColumn("conversation_id", "text")
        .addColumn("citations", "text", (column) => column.notNull())
        .execute();
      await index(db, "answer_log_by_time", "answer_log", ["at"]);
      await index(db, "answer_log_by_conversation", "answer_log", ["conversation_id", "at"]);
      await db.schema
        .createTable("feedback")
        .ifNotExists()
        .addColumn("answer_id", "text", (column) => column.primaryKey().references("answer_log.id"))
        .addColumn("rating", "text", (column) => column.notNull())
        .addColumn("comment", "text")
        .addColumn("at", "text", (column) => column.notNull())
        .execute();
      await db.schema
        .createTable("handoffs")
        .ifNotExists()
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("at", "text", (column) => column.notNull())
        .addColumn("status", "text", (column) => column.notNull())
        .addColumn("collection", "text")
        .addColumn("conversation_id", "text")
        .addColumn("answer_id", "text")
        .addColumn("name", "text")
        .addColumn("contact", "text")
        .addColumn("message", "text")
        .addColumn("transcript", "text", (column) => column.notNull())
        .addColumn("delivery", "text", (column) => column.notNull())
        .addColumn("delivery_attempts", "integer", (column) => column.notNull().defaultTo(0))
        .addColumn("closed_at", "text")
        .addColumn("closed_by", "text")
        .execute();
      await index(db, "handoffs_by_time", "handoffs", ["at"]);
      // The passage is known by its document and its text, which survive re-indexing; chunk ids do not.
      await db.schema
        .createTable("passage_phrasings")
        .ifNotExists()
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("doc_id", "text", (column) => column.notNull())
        .addColumn("passage_key", "text", (column) => column.notNull())
        .addColumn("passage_text", "text", (column) => column.notNull())
        .addColumn("text", "text", (column) => column.notNull())
        .addColumn("state", "text", (column) => column.notNull())
        .addColumn("source", "text", (column) => column.notNull())
        .addColumn("answer_id", "text", (column) => column.unique())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("created_by", "text", (column) => column.notNull())
        .addColumn("updated_at", "text", (column) => column.notNull())
        .addColumn("updated_by", "text", (column) => column.notNull())
        .execute();
      await index(db, "passage_phrasings_by_document", "passage_phrasings", ["doc_id", "created_at"]);
      await index(db, "passage_phrasings_by_state", "passage_phrasings", ["state", "created_at"]);
      // Every call an action made to a record system: who, what, when, how it went. Never the record.
      await db.schema
        .createTable("action_calls")
        .ifNotExists()
        .addColumn("id", "integer", (column) => (dialect === "sqlite" ? rowId(column).autoIncrement() : rowId(column)))
        .addColumn("action_id", "text", (column) => column.notNull())
        .addColumn("student_id", "text", (column) => column.notNull())
        .addColumn("at", "text", (column) => column.notNull())
        .addColumn("outcome", "text", (column) => column.notNull())
        .addColumn("http_status", "integer")
        .addColumn("latency_ms", "integer", (column) => column.notNull())
        .execute();
      await index(db, "action_calls_by_time", "action_calls", ["at"]);
      // Each confirmed change, claimed once by its key: a retried confirmation never runs it again.
      await db.schema
        .createTable("action_confirmations")
        .ifNotExists()
        .addColumn("key", "text", (column) => column.primaryKey())
        .addColumn("action_id", "text", (column) => column.notNull())
        .addColumn("student_id", "text", (column) => column.notNull())
        .addColumn("claimed_at", "text", (column) => column.notNull())
        .addColumn("outcome", "text")
        .execute();
    },
  };
}

function index(db: Kysely<unknown>, name: string, table: string, columns: string[]) {
  return db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
}
