import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { openEditorialDatabase } from "../database/open-database.js";
import { EditorialStoreUnavailableError } from "../errors.js";
import { createHandoffDelivery } from "../interactions/handoff-delivery.js";
import { unavailableEditorial } from "../open-editorial.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp } from "../test-support/editorial-app.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { combinedVocabularyOf, Vocabulary } from "../text/vocabulary.js";
import type { App } from "./app.js";

const folder = makeTemporaryFolder();
afterAll(() => folder.cleanUp());

/** The app as the service builds it when editorial.sqlite could not be opened. */
async function appWithoutEditorialStore(store: SqliteIndexStore, requireApiKeyForAnswers: boolean): Promise<App> {
  let unavailable: EditorialStoreUnavailableError | undefined;
  try {
    await openEditorialDatabase({ file: path.join(folder.root, "editorial.sqlite") });
  } catch (error) {
    if (error instanceof EditorialStoreUnavailableError) unavailable = error;
  }
  if (!unavailable) throw new Error("the corrupted editorial file was opened");
  const editorial = unavailableEditorial(unavailable);
  return editorialApp(
    store,
    {
      ...editorial,
      maxUploadBytes: 1024 * 1024,
      requireApiKeyForAnswers,
      handoffDelivery: createHandoffDelivery(editorial.interactions, undefined),
    },
    [],
    { readiness: { ready: true, reason: "", databaseProblem: () => editorial.problem() } },
  );
}

const ask = (app: App, headers: Record<string, string> = {}) =>
  app.request("/v1/answer", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ question: "When are the dormitory quiet hours?" }),
  });

describe("a corrupted editorial.sqlite", () => {
  const editorialFile = path.join(folder.root, "editorial.sqlite");
  const garbage = Buffer.from("not a database, whatever it once was ".repeat(200));
  let store: SqliteIndexStore;

  beforeAll(async () => {
    folder.write(
      "knowledge/housing/quiet-hours.md",
      "# Dormitory quiet hours\n\nQuiet hours in the dormitories run from 11 pm to 7 am.\n",
    );
    store = new SqliteIndexStore(":memory:");
    await syncFolder(store, path.join(folder.root, "knowledge"));
    fs.writeFileSync(editorialFile, garbage);
  });

  it("is refused at opening with the editors' own error, and left exactly as it was", async () => {
    await expect(openEditorialDatabase({ file: editorialFile })).rejects.toThrow(EditorialStoreUnavailableError);
    expect(fs.readFileSync(editorialFile)).toEqual(garbage);
    expect(fs.readdirSync(folder.root).filter((name) => name.startsWith("editorial"))).toEqual(["editorial.sqlite"]);
  });

  it("still lets folder documents be answered, without an answer id (the log is in that file)", async () => {
    const response = await ask(await appWithoutEditorialStore(store, false));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "answered", citations: [{ doc_id: "housing/quiet-hours.md" }] });
    expect(body).not.toHaveProperty("answer_id");
  });

  it("answers the editors' routes 503 editorial_store_unavailable, with the way to recover", async () => {
    const app = await appWithoutEditorialStore(store, false);
    const key = { authorization: "Bearer gfk_anything" };
    const requests: [string, RequestInit][] = [
      ["/v1/documents", { headers: key }],
      ["/v1/keys", { headers: key }],
      ["/v1/vocabulary", { headers: key }],
      [
        "/v1/vocabulary",
        { method: "PUT", headers: { ...key, "content-type": "application/json" }, body: '{"text":""}' },
      ],
      ["/v1/handoffs", { method: "POST", headers: { "content-type": "application/json" }, body: '{"message":"help"}' }],
      [
        "/v1/feedback",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ answer_id: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", rating: "up" }),
        },
      ],
    ];
    for (const [route, init] of requests) {
      const response = await app.request(route, init);
      expect({ route, status: response.status }).toEqual({ route, status: 503 });
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("editorial_store_unavailable");
      expect(error.message).toMatch(/restores editorial\.sqlite from a backup/);
    }
  });

  it("leaves answers the knowledge folder's vocabulary alone: the editors' is empty, and cannot be read or saved", async () => {
    let unavailable: unknown;
    try {
      await openEditorialDatabase({ file: editorialFile });
    } catch (error) {
      unavailable = error;
    }
    const { vocabulary } = unavailableEditorial(unavailable as EditorialStoreUnavailableError);
    const fromFile = new Vocabulary([["dorm", "residence hall"]], []);
    expect(combinedVocabularyOf([() => fromFile, () => vocabulary.current()])()).toBe(fromFile);
    expect(() => vocabulary.saved()).toThrow(EditorialStoreUnavailableError);
    expect(() => vocabulary.save("", { name: "housing office", keyId: "k1" })).toThrow(EditorialStoreUnavailableError);
  });

  it("tells an editor signing in on the editors' page, with a 503", async () => {
    const response = await (await appWithoutEditorialStore(store, false)).request("/editor/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
      body: "key=gfk_anything",
    });
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/editorial\.sqlite/);
  });

  it("answers 503, not 500 nor an open door, when answers need a key that cannot be checked", async () => {
    const app = await appWithoutEditorialStore(store, true);
    const withKey = await ask(app, { authorization: "Bearer gfk_anything" });
    expect(withKey.status).toBe(503);
    expect(((await withKey.json()) as { error: { code: string } }).error.code).toBe("editorial_store_unavailable");
    expect((await ask(app)).status).toBe(401);
  });

  it("keeps the service ready, and /readyz says what is off and how to recover", async () => {
    const response = await (await appWithoutEditorialStore(store, false)).request("/readyz");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; editorial: string; warnings: string[] };
    expect(body).toMatchObject({ status: "ready", editorial: "unavailable" });
    expect(body.warnings.join(" ")).toMatch(/editorial\.sqlite.*backup/);
  });
});
