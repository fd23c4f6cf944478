import { LRUCache } from "lru-cache";
import { KeyedQueue } from "../keyed-queue.js";
import type { SafetyConcern } from "../safety/detect-safety-concern.js";

/** One question and answer of a conversation. */
export interface ConversationTurn {
  question: string;
  /** The question as retrieval saw it, after a follow-up was made standalone. */
  standaloneQuestion: string;
  answer: string;
  /**
   * Why the turn got a safety reply or a declined request: kept, not re-detected, because a reply that
   * continues the care ("然後呢?") shows no concern in its own words. Such a turn breaks the topic:
   * later questions are not read as follow-ups of it, nor of anything before it (see turnsSinceTopicBreak).
   */
  concern?: SafetyConcern;
  /** A look-up that asked this turn for a detail (which course?): the next turn may give it. */
  pendingAction?: PendingAction;
}

/** An action waiting for a detail the student was asked for, with the parameters found so far. */
export interface PendingAction {
  actionId: string;
  /** Never the student's id: that is read from each turn's verified token. */
  parameters: Record<string, string>;
  /** The language the look-up was asked in: a reply of one word ("CS101") keeps it. */
  language: "zh" | "en";
  /** Set when a change waits for the student's yes: the key it runs under, once. */
  confirmation?: string;
  /** With `confirmation`: the student asked to confirm (only they can); kept with the conversation. */
  studentId?: string;
}

/** The turns after the last one that broke the topic (had a safety concern): what a follow-up may lean on. */
export function turnsSinceTopicBreak<Turn extends Pick<ConversationTurn, "concern">>(
  turns: readonly Turn[],
): readonly Turn[] {
  const lastBreak = turns.findLastIndex((turn) => turn.concern !== undefined);
  return lastBreak === -1 ? turns : turns.slice(lastBreak + 1);
}

export interface ConversationMemoryOptions {
  /** Turns kept per conversation; older ones are forgotten. */
  maxTurns: number;
  /** A conversation idle (not written to) for longer is forgotten. */
  idleMs: number;
  /** Conversations kept at most; the idlest are forgotten first. */
  maxConversations: number;
}

/** Turns a follow-up is understood from: older ones rarely matter, and each costs a rewrite's prompt. */
export const RECENT_TURNS = 5;

export const defaultConversationMemoryOptions: ConversationMemoryOptions = {
  maxTurns: RECENT_TURNS,
  idleMs: 30 * 60 * 1000,
  maxConversations: 10_000,
};

/** Where the recent turns of conversations are kept: in memory, or in the database replicas share. */
export interface Conversations {
  recentTurns(conversationId: string): Promise<ConversationTurn[]>;
  remember(conversationId: string, turn: ConversationTurn): Promise<void>;
}

/**
 * Recent turns by conversation id, in process memory bounded by `maxConversations` and `idleMs`
 * (an LRU cache: the least recently written conversation is dropped first, an idle one reads as empty).
 */
export class ConversationMemory implements Conversations {
  private readonly writes = new KeyedQueue();
  private readonly conversations: LRUCache<string, ConversationTurn[]>;

  constructor(
    private readonly options: ConversationMemoryOptions = defaultConversationMemoryOptions,
    now: () => number = Date.now,
  ) {
    this.conversations = new LRUCache({
      max: options.maxConversations,
      ttl: options.idleMs,
      // Reading `now()` each time, not a cached clock, so that an injected clock is seen at once.
      ttlResolution: 0,
      perf: { now },
    });
  }

  async recentTurns(conversationId: string): Promise<ConversationTurn[]> {
    // A read does not make a conversation less idle: only answers do.
    return this.conversations.peek(conversationId) ?? [];
  }

  async remember(conversationId: string, turn: ConversationTurn): Promise<void> {
    // Two answers in one conversation at once must both be kept: writes to an id take turns.
    await this.writes.run(conversationId, async () => {
      const turns = [...(await this.recentTurns(conversationId)), turn].slice(-this.options.maxTurns);
      this.conversations.set(conversationId, turns);
    });
  }
}
