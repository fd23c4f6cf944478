import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { EditorialTables } from "../database/editorial-tables.js";

const SESSION_SECONDS = 8 * 60 * 60;

/**
 * Signed-in editors by session id, in the editorial database so that any replica knows the
 * session. Only a digest of each id is stored: the database alone cannot sign anyone in. A
 * revoked key ends its sessions at once because the key is checked at every request.
 */
export class EditorSessions {
  constructor(
    private readonly db: Kysely<EditorialTables>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new session for the key, and its id for the cookie. */
  async open(keyId: string): Promise<string> {
    const now = this.now();
    // Expired sessions go when someone signs in: there are few, and no timer is needed.
    await this.db.deleteFrom("editor_sessions").where("expires_at", "<", new Date(now).toISOString()).execute();
    const id = randomBytes(32).toString("base64url");
    await this.db
      .insertInto("editor_sessions")
      .values({ id: digest(id), key_id: keyId, expires_at: new Date(now + SESSION_SECONDS * 1000).toISOString() })
      .execute();
    return id;
  }

  /** The key a live session was opened with, or nothing. */
  async keyOf(id: string | undefined): Promise<string | undefined> {
    if (id === undefined) return undefined;
    const row = await this.db
      .selectFrom("editor_sessions")
      .select("key_id")
      .where("id", "=", digest(id))
      .where("expires_at", ">", new Date(this.now()).toISOString())
      .executeTakeFirst();
    return row?.key_id;
  }

  async close(id: string | undefined): Promise<void> {
    if (id !== undefined) await this.db.deleteFrom("editor_sessions").where("id", "=", digest(id)).execute();
  }
}

function digest(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

/** How long a session lasts, for the cookie's Max-Age. */
export const EDITOR_SESSION_SECONDS = SESSION_SECONDS;
