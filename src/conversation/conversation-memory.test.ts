import { describe, expect, it } from "vitest";
import { ConversationMemory } from "./conversation-memory.js";

const turn = (question: string) => ({ question, standaloneQuestion: question, answer: `answer to ${question}` });

describe("ConversationMemory", () => {
  it("keeps the most recent turns of each conversation apart", async () => {
    const memory = new ConversationMemory({ maxTurns: 2, idleMs: 1000, maxConversations: 10 });
    for (const question of ["q1", "q2", "q3"]) await memory.remember("a", turn(question));
    await memory.remember("b", turn("other"));
    expect((await memory.recentTurns("a")).map((entry) => entry.question)).toEqual(["q2", "q3"]);
    expect((await memory.recentTurns("b")).map((entry) => entry.question)).toEqual(["other"]);
    expect(await memory.recentTurns("unknown")).toEqual([]);
  });

  it("keeps both turns when two answers in one conversation finish at once", async () => {
    const memory = new ConversationMemory();
    await Promise.all([memory.remember("a", turn("q1")), memory.remember("a", turn("q2"))]);
    expect((await memory.recentTurns("a")).map((entry) => entry.question)).toEqual(["q1", "q2"]);
  });

  it("forgets an idle conversation, and the idlest when there are too many", async () => {
    let now = 10_000;
    const memory = new ConversationMemory({ maxTurns: 5, idleMs: 1000, maxConversations: 2 }, () => now);
    await memory.remember("old", turn("q"));
    now = 11_500;
    expect(await memory.recentTurns("old")).toEqual([]);
    await memory.remember("first", turn("q"));
    now = 11_600;
    await memory.remember("second", turn("q"));
    now = 11_700;
    await memory.remember("third", turn("q"));
    expect(await memory.recentTurns("first")).toEqual([]);
    expect(await memory.recentTurns("second")).toHaveLength(1);
    expect(await memory.recentTurns("third")).toHaveLength(1);
  });
});
