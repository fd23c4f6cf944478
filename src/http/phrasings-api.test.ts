import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp } from "../test-support/editorial-app.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import type { App } from "./app.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field by the assertions
const readJson = (response: Response): Promise<any> => response.json();

const LOANS = `# Borrowing

## Loan periods

Books may be borrowed for 14 days and renewed twice through the catalogue.

## Overdue items

Overdue items accrue a charge of NT$ 5 per day.
`;
const HOURS = "# Opening hours\n\nThe reading room is open from 8 am to 10 pm on weekdays.\n";
/** In words no document uses: abstained on until a phrasing teaches them. */
const MISSED = "How long can I hang on to a paperback?";

describe("taught phrasings over the API", () => {
  let folder: ReturnType<typeof makeTemporaryFolder>;
  let store: SqliteIndexStore;
  let editorial: Awaited<ReturnType<typeof editorialFor>>;
  let app: App;
  let editorKey: string;
  let readerKey: string;

  beforeEach(async () => {
    folder = makeTemporaryFolder();
    folder.write("library/loans.md", LOANS);
    folder.write("library/hours.md", HOURS);
    store = new SqliteIndexStore(":memory:");
    await syncFolder(store, folder.root);
    editorial = await editorialFor(store);
    editorKey = (await editorial.keys.create({ name: "library desk", role: "editor", createdBy: "test" })).key;
    readerKey = (await editorial.keys.create({ name: "kiosk", role: "reader", createdBy: "test" })).key;
    app = editorialApp(store, editorial);
  });
  afterEach(async () => {
    await store.close();
    folder.cleanUp();
  });

  const send = (method: string, path: string, body?: unknown, key: string | undefined = editorKey) =>
    app.request(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const ask = async (question: string) => readJson(await send("POST", "/v1/answer", { question }, undefined));
  const searchFor = async (query: string): Promise<string[]> =>
    (await readJson(await send("POST", "/v1/search", { query }, undefined))).results.map(
      (result: { chunk_id: string }) => result.chunk_id,
    );
  const loanPassage = async () => {
    const [chunkId] = await searchFor("books borrowed 14 days renewed");
    expect(chunkId).toMatch(/^library\/loans\.md#/);
    return chunkId as string;
  };

  it("answers a missed question from the passage it was taught for, and abstains again once it is removed", async () => {
    expect((await ask(MISSED)).status).toBe("abstained");
    const chunkId = await loanPassage();

    const taught = await send("POST", "/v1/phrasings", { doc_id: "library/loans.md", chunk_id: chunkId, text: MISSED });
    expect(taught.status).toBe(201);
    const phrasing = await readJson(taught);
    expect(phrasing).toMatchObject({
      doc_id: "library/loans.md",
      chunk_id: chunkId,
      text: MISSED,
      state: "accepted",
      source: "editor",
      created_by: "library desk",
    });
    expect(phrasing.passage).toContain("14 days");

    const answered = await ask(MISSED);
    expect(answered.status).toBe("answered");
    expect(answered.citations[0]).toMatchObject({ doc_id: "library/loans.md", chunk_id: chunkId });
    expect(answered.answer).toContain("14 days");
    // The very wording taught is answered with the whole passage, as a curated question is.
    expect(answered.mode).toBe("faq");

    const listed = await readJson(await send("GET", "/v1/phrasings?doc_id=library%2Floans.md"));
    expect(listed.phrasings.map((listedPhrasing: { id: string }) => listedPhrasing.id)).toEqual([phrasing.id]);

    expect((await send("DELETE", `/v1/phrasings/${phrasing.id}`)).status).toBe(204);
    expect((await ask(MISSED)).status).toBe("abstained");
    expect((await readJson(await send("GET", "/v1/phrasings?doc_id=library%2Floans.md"))).phrasings).toEqual([]);
  });

  it("turns a 👍 into a proposal only: matching changes when an editor accepts it, never before", async () => {
    const asked = await ask("How long can I hang on to borrowed books?");
    expect(asked.status).toBe("answered");
    const chunkId = asked.citations[0].chunk_id;
    expect(await searchFor("hang on")).toEqual([]);

    const rated = await send("POST", "/v1/feedback", { answer_id: asked.answer_id, rating: "up" }, undefined);
    expect(rated.status).toBe(201);
    const { phrasings } = await readJson(await send("GET", "/v1/phrasings?state=proposed"));
    expect(phrasings).toHaveLength(1);
    const [proposed] = phrasings;
    expect(proposed).toMatchObject({
      doc_id: "library/loans.md",
      chunk_id: chunkId,
      state: "proposed",
      source: "feedback",
      answer_id: asked.answer_id,
    });
    expect(proposed.text).toBe("How long can I hang on to borrowed books?");
    // Not searched: neither the index nor a search has changed.
    expect(await searchFor("hang on")).toEqual([]);
    expect((await store.getDocument("library/loans.md"))?.chunks.some((chunk) => chunk.phrasings)).toBe(false);
    // A second 👍 on the same answer proposes nothing more.
    await send("POST", "/v1/feedback", { answer_id: asked.answer_id, rating: "up" }, undefined);
    expect((await readJson(await send("GET", "/v1/phrasings?state=proposed"))).phrasings).toHaveLength(1);

    const accepted = await send("POST", `/v1/phrasings/${proposed.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(await readJson(accepted)).toMatchObject({ state: "accepted", updated_by: "library desk" });
    expect((await searchFor("hang on"))[0]).toBe(chunkId);
    expect((await readJson(await send("GET", "/v1/phrasings?state=proposed"))).phrasings).toEqual([]);
  });

  it("proposes nothing on a 👎, and a rejected proposal is gone without ever being searched", async () => {
    const down = await ask("How long can I hang on to borrowed books?");
    await send("POST", "/v1/feedback", { answer_id: down.answer_id, rating: "down" }, undefined);
    expect((await readJson(await send("GET", "/v1/phrasings"))).phrasings).toEqual([]);

    const up = await ask("How long can I hang on to borrowed books?");
    await send("POST", "/v1/feedback", { answer_id: up.answer_id, rating: "up" }, undefined);
    const [proposed] = (await readJson(await send("GET", "/v1/phrasings?state=proposed"))).phrasings;
    expect((await send("POST", `/v1/phrasings/${proposed.id}/reject`)).status).toBe(204);
    expect(await searchFor("hang on")).toEqual([]);
    expect((await readJson(await send("GET", "/v1/phrasings"))).phrasings).toEqual([]);
  });

  it("rewords a phrasing, and keeps every change in the document's audit trail", async () => {
    const chunkId = await loanPassage();
    const { id } = await readJson(
      await send("POST", "/v1/phrasings", { doc_id: "library/loans.md", chunk_id: chunkId, text: MISSED }),
    );
    const edited = await send("PATCH", `/v1/phrasings/${id}`, { text: "Can I keep a paperback over the holidays?" });
    expect(edited.status).toBe(200);
    expect(await readJson(edited)).toMatchObject({
      text: "Can I keep a paperback over the holidays?",
      chunk_id: chunkId,
    });
    expect((await searchFor("holidays"))[0]).toBe(chunkId);
    expect(await searchFor("hang on")).toEqual([]);

    const detail = await readJson(await send("GET", "/v1/documents/library%2Floans.md"));
    expect(detail.audit.map((event: { action: string; actor: string }) => [event.action, event.actor])).toEqual([
      ["phrasing_taught", "library desk"],
      ["phrasing_edited", "library desk"],
    ]);
    expect(detail.audit[0].detail).toBe(MISSED);
  });

  it("refuses what it cannot teach with 4xx and the error body, never a 500", async () => {
    const chunkId = await loanPassage();
    const teach = (body: unknown, key?: string) => send("POST", "/v1/phrasings", body, key);
    const valid = { doc_id: "library/loans.md", chunk_id: chunkId, text: MISSED };
    const cases: [Response | Promise<Response>, number, string][] = [
      [teach(valid, ""), 401, "unauthorized"],
      [teach(valid, readerKey), 403, "forbidden"],
      [teach({ ...valid, text: "" }), 400, "invalid_request"],
      [teach({ ...valid, text: "\u202e\u0000" }), 400, "invalid_request"],
      [teach({ ...valid, text: "x".repeat(1001) }), 400, "invalid_request"],
      // Words no search could ever match.
      [teach({ ...valid, text: "\u200b\u200b" }), 400, "invalid_request"],
      [teach({ ...valid, text: "the of a" }), 400, "invalid_request"],
      [teach({ ...valid, state: "accepted" }), 400, "invalid_request"],
      [teach({ doc_id: "library/loans.md", text: MISSED }), 400, "invalid_request"],
      [teach({ ...valid, chunk_id: "library/loans.md#99" }), 404, "not_found"],
      [teach({ ...valid, doc_id: "library/none.md" }), 404, "not_found"],
      [send("PATCH", "/v1/phrasings/no-such-id", { text: "Where are the novels?" }), 404, "not_found"],
      [send("DELETE", "/v1/phrasings/no-such-id"), 404, "not_found"],
      [send("POST", "/v1/phrasings/no-such-id/accept"), 404, "not_found"],
      [send("GET", "/v1/phrasings?limit=0"), 400, "invalid_request"],
      [send("GET", "/v1/phrasings?state=rejected"), 400, "invalid_request"],
    ];
    for (const [response, status, code] of cases) {
      const settled = await response;
      expect([settled.status, (await readJson(settled)).error.code]).toEqual([status, code]);
    }
    const { id } = await readJson(await teach(valid));
    for (const [response, code] of [
      [teach({ ...valid, text: MISSED.toUpperCase() }), "phrasing_exists"],
      [send("POST", `/v1/phrasings/${id}/accept`), "not_proposed"],
      [send("POST", `/v1/phrasings/${id}/reject`), "not_proposed"],
    ] as const) {
      const settled = await response;
      expect([settled.status, (await readJson(settled)).error.code]).toEqual([409, code]);
    }
  });
});
