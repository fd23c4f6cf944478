import type { BaseStore } from "@langchain/core/stores";
import { InMemoryStore } from "langchain/storage/in_memory";
import { KeyedQueue } from "../keyed-queue.js";

/** One question and answer of a conversation. */
export interface ConversationTurn {
  question: string;
  /** The question as retrieval saw it, after a follow-up was made standalone. */
  standaloneQuestion: string;
  answer: string;
}

interface StoredConversation {
  turns: ConversationTurn[];
  updatedAt: number;
}

export interface ConversationMemoryOptions {
  /** Turns kept per conversation; older ones are forgotten. */
  maxTurns: number;
  /** A conversation idle for longer is forgotten. */
  idleMs: number;
  /** Conversations kept at most; the idlest are forgotten first. */
  maxConversations: number;
  /**
   * Idle conversations are swept every so many writes, not on each, as a sweep reads every key;
   * between sweeps the store may hold that many conversations over the limit.
   */
  sweepEveryWrites: number;
}

const defaultConversationMemoryOptions: ConversationMemoryOptions = {
  maxTurns: 5,
  idleMs: 30 * 60 * 1000,
  maxConversations: 10_000,
  sweepEveryWrites: 100,
};

/**
 * Recent turns by conversation id, in a LangChain key-value store: the in-process one by default,
 * any other `BaseStore` (Redis, say) when several API processes must share conversations.
 */
export class ConversationMemory {
  private readonly writes = new KeyedQueue();
  private writesSinceSweep = 0;

  constructor(
    private readonly store: BaseStore<string, StoredConversation> = new InMemoryStore<StoredConversation>(),
    private readonly options: ConversationMemoryOptions = defaultConversationMemoryOptions,
    private readonly now: () => number = Date.now,
  ) {}

  async recentTurns(conversationId: string): Promise<ConversationTurn[]> {
    const [stored] = await this.store.mget([conversationId]);
    if (!stored || this.now() - stored.updatedAt > this.options.idleMs) return [];
    return stored.turns;
  }

  async remember(conversationId: string, turn: ConversationTurn): Promise<void> {
    // Two answers in one conversation at once must both be kept: writes to an id take turns.
    await this.writes.run(conversationId, async () => {
      const turns = [...(await this.recentTurns(conversationId)), turn].slice(-this.options.maxTurns);
      await this.store.mset([[conversationId, { turns, updatedAt: this.now() }]]);
    });
    this.writesSinceSweep++;
    if (this.writesSinceSweep >= this.options.sweepEveryWrites) await this.forgetIdle();
  }

  /**
   * Once there are more than `maxConversations`, drops the idle ones and the idlest beyond the limit.
   * Below it nothing is swept: an idle conversation reads as empty anyway (see recentTurns) and
   * memory stays bounded by the limit.
   */
  private async forgetIdle(): Promise<void> {
    this.writesSinceSweep = 0;
    const keys: string[] = [];
    for await (const key of this.store.yieldKeys()) keys.push(key);
    if (keys.length <= this.options.maxConversations) return;
    const stored = await this.store.mget(keys);
    const byIdleness = keys
      .map((key, index) => ({ key, updatedAt: stored[index]?.updatedAt ?? 0 }))
      .sort((left, right) => left.updatedAt - right.updatedAt);
    const excess = keys.length - this.options.maxConversations;
    const idle = byIdleness.filter(
      (entry, index) => index < excess || this.now() - entry.updatedAt > this.options.idleMs,
    );
    await this.store.mdelete(idle.map((entry) => entry.key));
  }
}
