import { type ColumnDefinitionBuilder, type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";
import { CHANGES_CHANNEL, type SqlDialect } from "../sql-dialect.js";

/**
 * What replicas must share beyond the editors' records: editors' sessions, conversations (a
 * follow-up may reach another replica), word of each change every replica's index follows, and
 * which replica is delivering a hand-off's webhook.
 */
export function sharedByReplicas(dialect: SqlDialect): Migration {
  const rowId = (column: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey().autoIncrement();
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("editor_sessions")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("key_id", "text", (column) => column.notNull())
        .addColumn("expires_at", "text", (column) => column.notNull())
        .execute();
      await db.schema
        .createTable("conversation_turns")
        .addColumn("id", "integer", rowId)
        .addColumn("conversation_id", "text", (column) => column.notNull())
        .addColumn("at", "text", (column) => column.notNull())
        .addColumn("turn", "text", (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex("conversation_turns_by_conversation")
        .on("conversation_turns")
        .columns(["conversation_id", "id"])
        .execute();
      await db.schema.createIndex("conversation_turns_by_time").on("conversation_turns").column("at").execute();
      // Each replica's embedded index follows the audit trail (every change to what a document
      // answers is in it): PostgreSQL tells the listening replicas of each event as it commits.
      if (dialect === "postgres") {
        await sql`
          CREATE FUNCTION notify_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            PERFORM pg_notify(${sql.lit(CHANGES_CHANNEL)}, NEW.id::text);
            RETURN NEW;
          END $$`.execute(db);
        await sql`
          CREATE TRIGGER audit_events_notify AFTER INSERT ON audit_events
          FOR EACH ROW EXECUTE FUNCTION notify_audit_event()`.execute(db);
      }
      // Until then, one replica is delivering the ticket's webhook; the others leave it alone.
      await db.schema.alterTable("handoffs").addColumn("delivery_lease_until", "text").execute();
    },
  };
}
