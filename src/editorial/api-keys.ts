import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { EditorialDatabase } from "./editorial-database.js";

/** What a key may do: `reader` only asks (when answers need a key), `editor` also manages documents, `admin` also manages keys. */
export const ROLES = ["reader", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

const KEY_PREFIX = "gfk_";

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  /** The first characters of the key, to tell keys apart in a list; never enough to use it. */
  keyPrefix: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
}

/** Who made a request: a key's id and name, for the audit trail. */
export interface Caller {
  keyId: string;
  name: string;
  role: Role;
}

interface KeyRow {
  id: string;
  name: string;
  role: Role;
  key_prefix: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/**
 * API keys, stored as SHA-256 hashes: a key is 256 random bits, so a fast hash is as safe as a
 * slow one and lets every request be checked with one indexed lookup. The key itself is shown once.
 */
export class ApiKeyStore {
  private readonly statements;

  constructor(database: EditorialDatabase) {
    this.statements = {
      insert: database.prepare(
        `INSERT INTO api_keys (id, name, role, key_hash, key_prefix, created_at, created_by)
         VALUES (@id, @name, @role, @keyHash, @keyPrefix, @createdAt, @createdBy)`,
      ),
      byHash: database.prepare<[string], KeyRow>("SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL"),
      list: database.prepare<[], KeyRow>("SELECT * FROM api_keys ORDER BY created_at, id"),
      byId: database.prepare<[string], KeyRow>("SELECT * FROM api_keys WHERE id = ?"),
      revoke: database.prepare<[string, string]>(
        "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
      ),
    };
  }

  create(input: { name: string; role: Role; createdBy: string }): { key: string; record: ApiKeyRecord } {
    const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
    const record: ApiKeyRecord = {
      id: randomUUID(),
      name: input.name,
      role: input.role,
      keyPrefix: key.slice(0, KEY_PREFIX.length + 6),
      createdAt: new Date().toISOString(),
      createdBy: input.createdBy,
    };
    this.statements.insert.run({ ...record, keyHash: hashKey(key) });
    return { key, record };
  }

  /** The caller a key belongs to, or nothing for an unknown or revoked key. */
  verify(key: string): Caller | undefined {
    if (!key.startsWith(KEY_PREFIX)) return undefined;
    const row = this.statements.byHash.get(hashKey(key));
    return row && toCaller(row);
  }

  /** The caller of an active key by its id (for a signed-in session), or nothing once it is revoked. */
  callerById(id: string): Caller | undefined {
    const row = this.statements.byId.get(id);
    return row && !row.revoked_at ? toCaller(row) : undefined;
  }

  list(): ApiKeyRecord[] {
    return this.statements.list.all().map(toRecord);
  }

  /** Revokes a key and returns it, or nothing when there is no such key. Revoking twice keeps the first time. */
  revoke(id: string): ApiKeyRecord | undefined {
    this.statements.revoke.run(new Date().toISOString(), id);
    const row = this.statements.byId.get(id);
    return row && toRecord(row);
  }
}

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function toCaller(row: KeyRow): Caller {
  return { keyId: row.id, name: row.name, role: row.role };
}

function toRecord(row: KeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    keyPrefix: row.key_prefix,
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  };
}
