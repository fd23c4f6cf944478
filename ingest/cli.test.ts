import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCommand, runScript } from "../src/test-support/run-script.js";
import { makeTemporaryFolder } from "../src/test-support/temporary-folder.js";
import { runIngestCommand } from "./cli.js";

const folder = makeTemporaryFolder();
afterAll(() => folder.cleanUp());

const ingest = (...args: string[]) => runCommand(runIngestCommand, args, { DATA_DIR: path.join(folder.root, "data") });

describe("npm run ingest", () => {
  it("prints a summary, lists failures with reasons and exits 1 when a file failed", async () => {
    folder.write("docs/guide.md", "# Printing\n\nThe printing quota is 500 pages a term.");
    folder.write("docs/broken.pdf", "%PDF-1.4 garbage");
    const first = await ingest(path.join(folder.root, "docs"));
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("added 1, updated 0, removed 0, unchanged 0 documents");
    expect(first.stdout).toMatch(/1 file\(s\) failed[^\n]*\n {2}broken\.pdf: not a readable PDF/);

    folder.remove("docs/broken.pdf");
    const second = await ingest(path.join(folder.root, "docs"));
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("added 0, updated 0, removed 0, unchanged 1 documents");
  });

  it("run as a script, points to the command that keeps taught phrasings, and exits 2", async () => {
    const result = await runScript("ingest/cli.ts", [path.join(folder.root, "docs")], {
      DATA_DIR: path.join(folder.root, "script-data"),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("npm run ingest -- <folder>");
  });

  it("explains its usage when the folder is missing, and exits 2", async () => {
    for (const args of [[], ["--force"], ["a", "b"]]) {
      const result = await ingest(...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("usage: npm run ingest -- <folder>");
    }
  });

  it("says so when the folder does not exist, and exits 1", async () => {
    const result = await ingest(path.join(folder.root, "nowhere"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("cannot read the folder");
  });
});
