import type { Kysely } from "kysely";
import type { EditorialTables } from "../database/editorial-tables.js";
import {
  type ConversationMemoryOptions,
  type Conversations,
  type ConversationTurn,
  defaultConversationMemoryOptions,
} from "./conversation-memory.js";

/**
 * Recent turns by conversation id in the editorial database, so that every replica sees a
 * conversation whichever one answered its last turn. What is written is masked as the answer log
 * is (e-mail addresses, phone numbers… replaced); only what is recent enough is read, and older
 * rows are deleted now and then (`forgetIdle`).
 */
export class DatabaseConversations implements Conversations {
  constructor(
    private readonly db: Kysely<EditorialTables>,
    private readonly options: Pick<ConversationMemoryOptions, "maxTurns" | "idleMs"> & {
      mask?: (text: string) => string;
    } = defaultConversationMemoryOptions,
    private readonly now: () => number = Date.now,
  ) {}

  async recentTurns(conversationId: string): Promise<ConversationTurn[]> {
    const rows = await this.db
      .selectFrom("conversation_turns")
      .select(["turn", "at"])
      .where("conversation_id", "=", conversationId)
      .orderBy("id", "desc")
      .limit(this.options.maxTurns)
      .execute();
    // Idle: the last turn is older than idleMs, so the whole conversation reads as empty.
    const latest = rows[0]?.at;
    if (latest === undefined || Date.parse(latest) < this.now() - this.options.idleMs) return [];
    return rows.reverse().map((row) => JSON.parse(row.turn) as ConversationTurn);
  }

  async remember(conversationId: string, turn: ConversationTurn): Promise<void> {
    const at = new Date(this.now()).toISOString();
    const mask = this.options.mask ?? ((text: string) => text);
    const masked = {
      ...turn,
      question: mask(turn.question),
      standaloneQuestion: mask(turn.standaloneQuestion),
      answer: mask(turn.answer),
    };
    await this.db
      .insertInto("conversation_turns")
      .values({ conversation_id: conversationId, at, turn: JSON.stringify(masked) })
      .execute();
  }

  /** Deletes the turns of conversations idle for longer than idleMs; returns how many. */
  async forgetIdle(): Promise<number> {
    const cutoff = new Date(this.now() - this.options.idleMs).toISOString();
    const result = await this.db.deleteFrom("conversation_turns").where("at", "<", cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
