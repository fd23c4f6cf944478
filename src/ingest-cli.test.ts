import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openEditorialDatabase } from "./database/open-database.js";
import { PassagePhrasings } from "./editorial/passage-phrasings.js";
import { runIngestWithPhrasings } from "./ingest-cli.js";
import { SqliteIndexStore } from "./store/sqlite/sqlite-index-store.js";
import { runCommand, runScript } from "./test-support/run-script.js";
import { makeTemporaryFolder } from "./test-support/temporary-folder.js";

const folder = makeTemporaryFolder();
afterAll(() => folder.cleanUp());

const dataDir = path.join(folder.root, "data");
const ingest = (...args: string[]) => runCommand(runIngestWithPhrasings, args, { DATA_DIR: dataDir });
const PASSAGE = "Books may be borrowed for 14 days and renewed twice.";

describe("npm run ingest", () => {
  it("runs as a command: prints the summary and exits 0", async () => {
    folder.write("smoke/guide.md", "# Printing\n\nThe printing quota is 500 pages a term.");
    const result = await runScript("src/ingest-cli.ts", [path.join(folder.root, "smoke")], {
      DATA_DIR: path.join(folder.root, "smoke-data"),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("added 1, updated 0, removed 0, unchanged 0 documents");
  });

  it("keeps the wordings editors taught on the passages of a document it rewrites", async () => {
    folder.write("docs/library/loans.md", `# Borrowing\n\n${PASSAGE}\n`);
    expect((await ingest(path.join(folder.root, "docs"))).code).toBe(0);

    // An editor teaches a wording, as the service does, in the same DATA_DIR.
    const store = new SqliteIndexStore(path.join(dataDir, "grounded-faq.sqlite"));
    const database = await openEditorialDatabase({ file: path.join(dataDir, "editorial.sqlite") });
    const chunkId =
      (await store.getDocument("library/loans.md"))?.chunks.find((chunk) => chunk.text === PASSAGE)?.chunkId ?? "";
    await new PassagePhrasings(database.db, store).teach(
      { docId: "library/loans.md", chunkId, text: "how long can I keep a paperback" },
      { name: "library desk", keyId: "k1" },
    );
    await database.close();
    await store.close();

    // The file changes elsewhere: the document is written again, with its taught wording.
    folder.write("docs/library/loans.md", `# Borrowing\n\n${PASSAGE}\n\n## Fines\n\nNT$ 5 a day.\n`);
    const second = await ingest(path.join(folder.root, "docs"));
    expect(second.stdout).toContain("updated 1");
    const reopened = new SqliteIndexStore(path.join(dataDir, "grounded-faq.sqlite"));
    const chunk = (await reopened.getDocument("library/loans.md"))?.chunks.find((each) => each.text === PASSAGE);
    expect(chunk?.phrasings).toEqual(["how long can I keep a paperback"]);
    await reopened.close();
  });
});
