import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../ingest/sync-folder.js";
import type { App } from "./http/app.js";
import { SqliteIndexStore } from "./store/sqlite/sqlite-index-store.js";
import { editorialApp } from "./test-support/editorial-app.js";
import { editorialFor } from "./test-support/editorial-for.js";
import { makeTemporaryFolder } from "./test-support/temporary-folder.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The sample document the README's example question is about: a corpus of one. */
const SAMPLE_DOCUMENT = "registrar/add-drop.md";

interface FencedBlock {
  language: string;
  body: string;
}

/** The ```-fenced blocks of a Markdown text, in order. */
function fencedBlocks(markdown: string): FencedBlock[] {
  return [...markdown.matchAll(/^```([\w-]*)[^\n]*\n([\s\S]*?)^```/gm)].map((match) => ({
    language: match[1] ?? "",
    body: match[2] ?? "",
  }));
}

/** The request the README's first curl command sends, and the JSON response it shows right after it. */
function readmeExample(): { path: string; body: unknown; response: Record<string, unknown> } {
  const blocks = fencedBlocks(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"));
  const curlAt = blocks.findIndex((block) => block.body.includes("curl"));
  const curl = blocks[curlAt];
  const shown = blocks[curlAt + 1];
  if (!curl) throw new Error("README.md has no fenced block with a curl command");
  if (shown?.language !== "json") throw new Error("README.md's first curl block is not followed by a ```json block");
  const route = curl.body.match(/curl\b[\s\S]*?(?:https?:\/\/)?(?:localhost|127\.0\.0\.1)(?::\d+)?(\/[^\s'"\\]*)/)?.[1];
  const data = curl.body.match(/(?:-d|--data(?:-raw)?)\s+'([^']*)'/)?.[1];
  if (!route || data === undefined) throw new Error("README.md's curl command needs a localhost URL and -d '<json>'");
  return { path: route, body: JSON.parse(data), response: JSON.parse(shown.body) };
}

/** A value's JSON type: `null` and arrays apart from objects. */
function jsonType(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** Each key with its JSON type, sorted: the shape a client relies on. */
function shapeOf(value: Record<string, unknown>): string[] {
  return Object.entries(value)
    .map(([key, field]) => `${key}: ${jsonType(field)}`)
    .sort();
}

describe("README", () => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;
  let app: App;

  beforeAll(async () => {
    store = new SqliteIndexStore(path.join(folder.root, "index.sqlite"));
    folder.write(
      `knowledge/${SAMPLE_DOCUMENT}`,
      fs.readFileSync(path.join(ROOT, "knowledge", SAMPLE_DOCUMENT), "utf8"),
    );
    await syncFolder(store, path.join(folder.root, "knowledge"));
    app = editorialApp(store, await editorialFor(store));
  });
  afterAll(async () => {
    await store.close();
    folder.cleanUp();
  });

  it("shows a curl example whose response has the fields and types the service returns", async () => {
    const example = readmeExample();
    const response = await app.request(example.path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(example.body),
    });
    expect(response.status).toBe(200);
    const actual = (await response.json()) as Record<string, unknown>;
    expect(shapeOf(actual)).toEqual(shapeOf(example.response));
    // One level down too, for lists of objects the example shows (the citations a client renders).
    for (const [key, shown] of Object.entries(example.response)) {
      const [shownItem] = Array.isArray(shown) ? shown : [];
      if (jsonType(shownItem) !== "object") continue;
      const [actualItem] = actual[key] as Record<string, unknown>[];
      expect(actualItem, `the response's ${key} is empty`).toBeDefined();
      expect(shapeOf(actualItem ?? {})).toEqual(shapeOf(shownItem));
    }
  });
});
