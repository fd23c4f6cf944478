import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { EditorialTables } from "../database/editorial-tables.js";

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

type KeyRow = Selectable<EditorialTables["api_keys"]>;

export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/**
 * API keys, stored as SHA-256 hashes: a key is 256 random bits, so a fast hash is as safe as a
 * slow one and lets every request be checked with one indexed lookup. The key itself is shown once.
 */
export class ApiKeyStore {
  constructor(private readonly db: Kysely<EditorialTables>) {}

  async create(input: { name: string; role: Role; createdBy: string }): Promise<{ key: string; record: ApiKeyRecord }> {
    const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
    const record: ApiKeyRecord = {
      id: randomUUID(),
      name: input.name,
      role: input.role,
      keyPrefix: key.slice(0, KEY_PREFIX.length + 6),
      createdAt: new Date().toISOString(),
      createdBy: input.createdBy,
    };
    await this.db
      .insertInto("api_keys")
      .values({
        id: record.id,
        name: record.name,
        role: record.role,
        key_hash: hashKey(key),
        key_prefix: record.keyPrefix,
        created_at: record.createdAt,
        created_by: record.createdBy,
      })
      .execute();
    return { key, record };
  }

  /** The caller a key belongs to, or nothing for an unknown or revoked key. */
  async verify(key: string): Promise<Caller | undefined> {
    if (!key.startsWith(KEY_PREFIX)) return undefined;
    const row = await this.db
      .selectFrom("api_keys")
      .selectAll()
      .where("key_hash", "=", hashKey(key))
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return row && toCaller(row);
  }

  /** The caller of an active key by its id (for a signed-in session), or nothing once it is revoked. */
  async callerById(id: string): Promise<Caller | undefined> {
    const row = await this.byId(id);
    return row && !row.revoked_at ? toCaller(row) : undefined;
  }

  async list(): Promise<ApiKeyRecord[]> {
    const rows = await this.db.selectFrom("api_keys").selectAll().orderBy("created_at").orderBy("id").execute();
    return rows.map(toRecord);
  }

  /** Revokes a key and returns it, or nothing when there is no such key. Revoking twice keeps the first time. */
  async revoke(id: string): Promise<ApiKeyRecord | undefined> {
    // Only a key not yet revoked: a second revoke (or a racing one) leaves the first time standing.
    await this.db
      .updateTable("api_keys")
      .set({ revoked_at: new Date().toISOString() })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .execute();
    const row = await this.byId(id);
    return row && toRecord(row);
  }

  private byId(id: string): Promise<KeyRow | undefined> {
    return this.db.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirst();
  }
}

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function toCaller(row: KeyRow): Caller {
  return { keyId: row.id, name: row.name, role: row.role as Role };
}

function toRecord(row: KeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    keyPrefix: row.key_prefix,
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  };
}
