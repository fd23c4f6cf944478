import { describe, expect, it } from "vitest";
import { openEditorialDatabase } from "../editorial/editorial-database.js";
import { PassagePhrasings } from "../editorial/passage-phrasings.js";
import { sampleDocument } from "../store/index-store.case.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { InteractionStore } from "./interaction-store.js";
import { proposePhrasingFromRating } from "./propose-phrasing.js";

describe("proposePhrasingFromRating", () => {
  const setUp = async () => {
    const store = new SqliteIndexStore(":memory:");
    await store.replaceDocument(
      ...sampleDocument("library/a.md", "Loans", ["The library opens at 8.", "Books are lent for two weeks."]),
    );
    const database = openEditorialDatabase(":memory:");
    const interactions = new InteractionStore(database);
    const phrasings = new PassagePhrasings(database, store);
    const logged = (
      question: string,
      citations = [{ n: 1, docId: "library/a.md", title: "Loans", chunkId: "library/a.md#1" }],
    ) =>
      interactions.logAnswer({
        question,
        answer: "Books are lent for two weeks. [1]",
        status: "answered",
        mode: "extractive",
        confidence: 0.8,
        latencyMs: 3,
        citations,
      }).id;
    return { interactions, phrasings, logged };
  };

  it("proposes the question as the log keeps it, personal data masked, for the passage cited first", async () => {
    const { interactions, phrasings, logged } = await setUp();
    const answerId = logged("I am lin.mei@example.com, how long can I keep a book?");
    interactions.recordFeedback(answerId, "up");
    const proposed = await proposePhrasingFromRating(interactions, phrasings, answerId);
    expect(proposed).toMatchObject({
      state: "proposed",
      docId: "library/a.md",
      passageText: "Books are lent for two weeks.",
    });
    expect(proposed?.text).toBe("I am [email], how long can I keep a book?");
  });

  it("proposes once for two 👍 on one answer given at the same time", async () => {
    const { interactions, phrasings, logged } = await setUp();
    const answerId = logged("How long can I keep a book?");
    interactions.recordFeedback(answerId, "up");
    const both = await Promise.all([
      proposePhrasingFromRating(interactions, phrasings, answerId),
      proposePhrasingFromRating(interactions, phrasings, answerId),
    ]);
    expect(both.filter((proposed) => proposed !== undefined)).toHaveLength(1);
    expect(phrasings.list("proposed")).toHaveLength(1);
  });

  it("proposes nothing for a 👎, an answer without a cited passage, or one logged before passages were kept", async () => {
    const { interactions, phrasings, logged } = await setUp();
    const down = logged("How long can I keep a book?");
    interactions.recordFeedback(down, "down");
    const uncited = logged("How long can I keep a book?", []);
    interactions.recordFeedback(uncited, "up");
    const older = logged("How long can I keep a book?", [{ n: 1, docId: "library/a.md", title: "Loans" }] as never);
    interactions.recordFeedback(older, "up");
    const gone = logged("How long can I keep a book?", [
      { n: 1, docId: "library/gone.md", title: "Gone", chunkId: "library/gone.md#0" },
    ]);
    interactions.recordFeedback(gone, "up");
    for (const answerId of [down, uncited, older, gone]) {
      expect(await proposePhrasingFromRating(interactions, phrasings, answerId)).toBeUndefined();
    }
    expect(phrasings.list()).toEqual([]);
  });
});
