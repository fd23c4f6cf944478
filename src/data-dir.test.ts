import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "./config.js";
import { type DataDirFileSystem, prepareDataDir } from "./data-dir.js";
import { makeTemporaryFolder } from "./test-support/temporary-folder.js";

const folder = makeTemporaryFolder();
afterAll(() => folder.cleanUp());

const configFor = (dataDir: string) => ({
  dataDir,
  databaseFile: path.join(dataDir, "grounded-faq.sqlite"),
  editorialFile: path.join(dataDir, "editorial.sqlite"),
});

const failure = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** The real file system, but with one call failing as a read-only disk or a missing permission would. */
function failing(call: "mkdirSync" | "accessSync", code: string): DataDirFileSystem {
  return {
    statSync: fs.statSync,
    mkdirSync:
      call === "mkdirSync"
        ? () => {
            throw failure(code);
          }
        : fs.mkdirSync,
    accessSync:
      call === "accessSync"
        ? () => {
            throw failure(code);
          }
        : fs.accessSync,
  } as DataDirFileSystem;
}

const messageOf = (run: () => void): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("prepareDataDir accepted it");
};

describe("prepareDataDir", () => {
  it("creates a missing DATA_DIR, parents included", () => {
    const dataDir = path.join(folder.root, "new", "data");
    prepareDataDir(configFor(dataDir));
    expect(fs.statSync(dataDir).isDirectory()).toBe(true);
  });

  it("says so when DATA_DIR is a file, or lies under one", () => {
    folder.write("a-file", "not a folder");
    const file = path.join(folder.root, "a-file");
    expect(messageOf(() => prepareDataDir(configFor(file)))).toBe(
      `DATA_DIR ${file} is a file, not a folder. Move that file away, or set DATA_DIR to a folder (it is created if missing).`,
    );
    expect(messageOf(() => prepareDataDir(configFor(path.join(file, "data"))))).toMatch(
      new RegExp(`^DATA_DIR ${file}/data cannot be created: ${file} is a file, not a folder`),
    );
  });

  it("says so when a database file is a folder", () => {
    const dataDir = path.join(folder.root, "folder-for-file");
    fs.mkdirSync(path.join(dataDir, "editorial.sqlite"), { recursive: true });
    expect(messageOf(() => prepareDataDir(configFor(dataDir)))).toMatch(/editorial\.sqlite is a folder, not a file/);
  });

  // Injected failures: tests may run as root, whom permission bits do not stop.
  it("names a read-only disk, whether DATA_DIR exists or must be created", () => {
    const existing = path.join(folder.root, "existing");
    fs.mkdirSync(existing);
    expect(messageOf(() => prepareDataDir(configFor(existing), failing("accessSync", "EROFS")))).toBe(
      `DATA_DIR ${existing} is on a read-only file system. Mount it read-write, or set DATA_DIR to a writable folder.`,
    );
    const missing = path.join(folder.root, "missing");
    expect(messageOf(() => prepareDataDir(configFor(missing), failing("mkdirSync", "EROFS")))).toMatch(
      new RegExp(`^DATA_DIR ${missing} cannot be created: ${folder.root} is on a read-only file system`),
    );
  });

  it("names a missing permission, to create the folder or to write in it or its files", () => {
    const missing = path.join(folder.root, "not-permitted");
    expect(messageOf(() => prepareDataDir(configFor(missing), failing("mkdirSync", "EACCES")))).toMatch(
      new RegExp(`^Permission denied creating DATA_DIR ${missing}\\.`),
    );
    const existing = path.join(folder.root, "locked");
    fs.mkdirSync(existing);
    expect(messageOf(() => prepareDataDir(configFor(existing), failing("accessSync", "EACCES")))).toMatch(
      new RegExp(`^DATA_DIR ${existing} is read-only for this user \\(permission denied\\)`),
    );
    fs.writeFileSync(path.join(existing, "grounded-faq.sqlite"), "");
    const onlyFilesLocked: DataDirFileSystem = {
      ...failing("accessSync", "EACCES"),
      accessSync: (target: fs.PathLike) => {
        if (String(target).endsWith(".sqlite")) throw failure("EACCES");
      },
    } as DataDirFileSystem;
    expect(messageOf(() => prepareDataDir(configFor(existing), onlyFilesLocked))).toMatch(
      /^The database file .*grounded-faq\.sqlite is read-only for this user/,
    );
  });
});
