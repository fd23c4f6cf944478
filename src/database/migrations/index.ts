import type { Migration } from "kysely/migration";
import type { SqlDialect } from "../sql-dialect.js";
import { editorialTables } from "./0001-editorial-tables.js";
import { sharedByReplicas } from "./0002-shared-by-replicas.js";

/**
 * Every migration, by name; names sort in the order they run. A migration is never edited once
 * released: a change to the tables is a new one, numbered after the last.
 */
export function editorialMigrations(dialect: SqlDialect): Record<string, Migration> {
  return {
    "0001-editorial-tables": editorialTables(dialect),
    "0002-shared-by-replicas": sharedByReplicas(dialect),
  };
}
