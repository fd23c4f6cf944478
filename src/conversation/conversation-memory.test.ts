import { afterEach, describe, expect, it } from "vitest";
import type { EditorialDatabase } from "../database/open-database.js";
import { databasesUnderTest } from "../test-support/test-databases.js";
import { ConversationMemory, type ConversationMemoryOptions, type Conversations } from "./conversation-memory.js";
import { DatabaseConversations } from "./database-conversations.js";

const turn = (question: string) => ({ question, standaloneQuestion: question, answer: `answer to ${question}` });

type Options = Pick<ConversationMemoryOptions, "maxTurns" | "idleMs">;

/** Each place conversations are kept, with an injectable clock. */
const implementations: {
  name: string;
  skip: boolean;
  open(options: Options, now: () => number): Promise<{ conversations: Conversations; close(): Promise<void> }>;
}[] = [
  {
    name: "memory",
    skip: false,
    open: async (options, now) => ({
      conversations: new ConversationMemory({ ...options, maxConversations: 100 }, now),
      close: async () => {},
    }),
  },
  ...databasesUnderTest.map((database) => ({
    name: database.name,
    skip: database.skip,
    open: async (options: Options, now: () => number) => {
      const opened: EditorialDatabase = await database.open();
      return { conversations: new DatabaseConversations(opened.db, options, now), close: () => opened.close() };
    },
  })),
];

describe.each(implementations)("conversations kept in $name", ({ skip, open }) => {
  let close = async () => {};
  afterEach(() => close());
  const openWith = async (options: Options, now: () => number = Date.now) => {
    const opened = await open(options, now);
    close = opened.close;
    return opened.conversations;
  };

  it.skipIf(skip)("keeps the most recent turns of each conversation apart", async () => {
    const conversations = await openWith({ maxTurns: 2, idleMs: 60_000 });
    for (const question of ["q1", "q2", "q3"]) await conversations.remember("a", turn(question));
    await conversations.remember("b", turn("other"));
    expect((await conversations.recentTurns("a")).map((entry) => entry.question)).toEqual(["q2", "q3"]);
    expect((await conversations.recentTurns("b")).map((entry) => entry.question)).toEqual(["other"]);
    expect(await conversations.recentTurns("unknown")).toEqual([]);
  });

  it.skipIf(skip)("keeps both turns when two answers in one conversation finish at once", async () => {
    const conversations = await openWith({ maxTurns: 5, idleMs: 60_000 });
    await Promise.all([conversations.remember("a", turn("q1")), conversations.remember("a", turn("q2"))]);
    expect((await conversations.recentTurns("a")).map((entry) => entry.question).sort()).toEqual(["q1", "q2"]);
  });

  it.skipIf(skip)("keeps what a turn carries: its concern and a pending action", async () => {
    const conversations = await openWith({ maxTurns: 5, idleMs: 60_000 });
    const pending = {
      ...turn("renew it"),
      pendingAction: {
        actionId: "renew-loan",
        parameters: { barcode: "L0012345" },
        language: "en" as const,
        confirmation: "c-1",
        studentId: "s1141234",
      },
    };
    await conversations.remember("a", pending);
    expect(await conversations.recentTurns("a")).toEqual([pending]);
  });

  it.skipIf(skip)("forgets an idle conversation", async () => {
    let now = Date.parse("2026-12-01T10:00:00Z");
    const conversations = await openWith({ maxTurns: 5, idleMs: 1000 }, () => now);
    await conversations.remember("old", turn("q"));
    now += 500;
    expect(await conversations.recentTurns("old")).toHaveLength(1);
    now += 1000;
    expect(await conversations.recentTurns("old")).toEqual([]);
  });
});

describe("conversations kept in the database", () => {
  const [sqlite] = databasesUnderTest;
  it("keeps what it writes masked, as the answer log is", async () => {
    const opened = await (sqlite as (typeof databasesUnderTest)[number]).open();
    try {
      const mask = (text: string) => text.replace(/[\w.]+@[\w.]+/g, "[email]");
      const conversations = new DatabaseConversations(opened.db, { maxTurns: 5, idleMs: 60_000, mask });
      await conversations.remember("c1", turn("我是 ann@example.edu，宿舍幾點關門?"));
      const rows = await opened.db.selectFrom("conversation_turns").select("turn").execute();
      expect(rows.map((row) => row.turn).join()).not.toContain("ann@example.edu");
      expect((await conversations.recentTurns("c1"))[0]?.question).toBe("我是 [email]，宿舍幾點關門?");
    } finally {
      await opened.close();
    }
  });

  it("deletes the turns of idle conversations", async () => {
    const opened = await (sqlite as (typeof databasesUnderTest)[number]).open();
    try {
      let now = Date.parse("2026-12-01T10:00:00Z");
      const conversations = new DatabaseConversations(opened.db, { maxTurns: 5, idleMs: 1000 }, () => now);
      await conversations.remember("old", turn("q1"));
      now += 5000;
      await conversations.remember("new", turn("q2"));
      expect(await conversations.forgetIdle()).toBe(1);
      expect(await conversations.recentTurns("new")).toHaveLength(1);
    } finally {
      await opened.close();
    }
  });
});

describe("ConversationMemory", () => {
  it("forgets the idlest conversation when there are too many", async () => {
    let now = 10_000;
    const memory = new ConversationMemory({ maxTurns: 5, idleMs: 1000, maxConversations: 2 }, () => now);
    await memory.remember("first", turn("q"));
    now = 10_100;
    await memory.remember("second", turn("q"));
    now = 10_200;
    await memory.remember("third", turn("q"));
    expect(await memory.recentTurns("first")).toEqual([]);
    expect(await memory.recentTurns("second")).toHaveLength(1);
    expect(await memory.recentTurns("third")).toHaveLength(1);
  });
});
