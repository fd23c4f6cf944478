import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EditorialDatabase } from "../database/open-database.js";
import { PassagePhrasings } from "../editorial/passage-phrasings.js";
import { sampleDocument } from "../store/index-store.case.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { databasesUnderTest } from "../test-support/test-databases.js";
import { InteractionStore, PICKED_TOPIC_MODE } from "./interaction-store.js";
import { proposePhrasingFromRating } from "./propose-phrasing.js";

describe.each(databasesUnderTest)("proposePhrasingFromRating on $name", (under) => {
  describe.skipIf(under.skip)("", () => {
    let database: EditorialDatabase;
    let store: SqliteIndexStore;
    beforeEach(async () => {
      database = await under.open();
      store = new SqliteIndexStore(":memory:");
    });
    afterEach(async () => {
      await store.close();
      await database.close();
    });

    const setUp = async () => {
      await store.replaceDocument(
        ...sampleDocument("library/a.md", "Loans", ["The library opens at 8.", "Books are lent for two weeks."]),
      );
      const interactions = new InteractionStore(database.db);
      const phrasings = new PassagePhrasings(database.db, store);
      const logged = async (
        question: string,
        citations = [{ n: 1, docId: "library/a.md", title: "Loans", chunkId: "library/a.md#1" }],
        mode = "extractive",
      ) =>
        (
          await interactions.logAnswer({
            question,
            answer: "Books are lent for two weeks. [1]",
            status: "answered",
            mode,
            confidence: 0.8,
            latencyMs: 3,
            citations,
          })
        ).id;
      return { interactions, phrasings, logged };
    };

    it("proposes the question as the log keeps it, personal data masked, for the passage cited first", async () => {
      const { interactions, phrasings, logged } = await setUp();
      const answerId = await logged("I am lin.mei@example.com, how long can I keep a book?");
      await interactions.recordFeedback(answerId, "up");
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
      const answerId = await logged("How long can I keep a book?");
      await interactions.recordFeedback(answerId, "up");
      const both = await Promise.all([
        proposePhrasingFromRating(interactions, phrasings, answerId),
        proposePhrasingFromRating(interactions, phrasings, answerId),
      ]);
      expect(both.filter((proposed) => proposed !== undefined)).toHaveLength(1);
      expect(await phrasings.list("proposed")).toHaveLength(1);
    });

    it("proposes nothing for a 👎, an answer without a cited passage, one logged before passages were kept, or a topic picked", async () => {
      const { interactions, phrasings, logged } = await setUp();
      const down = await logged("How long can I keep a book?");
      await interactions.recordFeedback(down, "down");
      const uncited = await logged("How long can I keep a book?", []);
      await interactions.recordFeedback(uncited, "up");
      const older = await logged("How long can I keep a book?", [
        { n: 1, docId: "library/a.md", title: "Loans" },
      ] as never);
      await interactions.recordFeedback(older, "up");
      const gone = await logged("How long can I keep a book?", [
        { n: 1, docId: "library/gone.md", title: "Gone", chunkId: "library/gone.md#0" },
      ]);
      await interactions.recordFeedback(gone, "up");
      // A topic picked from the choices is named by the passage's own title and heading.
      const picked = await logged("Loans: Lending", undefined, PICKED_TOPIC_MODE);
      await interactions.recordFeedback(picked, "up");
      for (const answerId of [down, uncited, older, gone, picked]) {
        expect(await proposePhrasingFromRating(interactions, phrasings, answerId)).toBeUndefined();
      }
      expect(await phrasings.list()).toEqual([]);
    });
  });
});
