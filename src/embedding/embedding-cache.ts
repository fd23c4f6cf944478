import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Vectors by (model, hash of the text), in their own SQLite file: re-syncing unchanged text, or
 * changing back to a model used before, calls the model for nothing. Kept apart from the index so
 * that any index adapter (SQLite or Qdrant) shares it.
 */
export class EmbeddingCache {
  private readonly database: Database.Database;
  private readonly statements;

  constructor(databaseFile: string) {
    if (databaseFile !== ":memory:") fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
    this.database = new Database(databaseFile);
    this.database.pragma("journal_mode = WAL");
    this.database.exec(
      `CREATE TABLE IF NOT EXISTS embeddings (
         model TEXT NOT NULL, text_hash TEXT NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (model, text_hash)
       ) WITHOUT ROWID`,
    );
    this.statements = {
      get: this.database.prepare<[string, string], { vector: Buffer }>(
        "SELECT vector FROM embeddings WHERE model = ? AND text_hash = ?",
      ),
      put: this.database.prepare<[string, string, Buffer]>(
        "INSERT OR REPLACE INTO embeddings (model, text_hash, vector) VALUES (?, ?, ?)",
      ),
    };
  }

  get(model: string, text: string): number[] | undefined {
    const row = this.statements.get.get(model, hashText(text));
    if (!row) return undefined;
    return [...new Float32Array(row.vector.buffer, row.vector.byteOffset, row.vector.byteLength / 4)];
  }

  putAll(model: string, entries: [text: string, vector: number[]][]): void {
    this.database.transaction(() => {
      for (const [text, vector] of entries) {
        this.statements.put.run(model, hashText(text), Buffer.from(new Float32Array(vector).buffer));
      }
    })();
  }

  close(): void {
    this.database.close();
  }
}

function hashText(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}
