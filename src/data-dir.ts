import fs from "node:fs";
import path from "node:path";
import { type AppConfig, ConfigError } from "./config.js";

/** The few file-system calls the check makes: Node's own, or a test's that fails on purpose. */
export type DataDirFileSystem = Pick<typeof fs, "statSync" | "mkdirSync" | "accessSync">;

/**
 * Creates DATA_DIR if it is missing and checks that the service can write there and in its files,
 * so that a start-up failure names the folder and the real cause (a file where the folder should
 * be, a read-only disk, a permission) instead of SQLite's "unable to open database file".
 */
export function prepareDataDir(
  config: Pick<AppConfig, "dataDir" | "databaseFile" | "editorialFile">,
  fileSystem: DataDirFileSystem = fs,
): void {
  const { dataDir } = config;
  const existing = statIfPresent(dataDir, fileSystem);
  if (existing && !existing.isDirectory()) {
    throw new ConfigError(
      `DATA_DIR ${dataDir} is a file, not a folder. Move that file away, or set DATA_DIR to a folder (it is created if missing).`,
    );
  }
  if (!existing) {
    try {
      fileSystem.mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new ConfigError(whyNotCreated(dataDir, error, fileSystem));
    }
  }
  checkWritable(dataDir, "DATA_DIR", fileSystem);
  for (const file of [config.databaseFile, config.editorialFile]) {
    const stats = statIfPresent(file, fileSystem);
    if (stats?.isDirectory()) {
      throw new ConfigError(
        `${file} is a folder, not a file: move it away so that the service can create its database there.`,
      );
    }
    if (stats) checkWritable(file, "The database file", fileSystem);
  }
}

function checkWritable(target: string, label: string, fileSystem: DataDirFileSystem): void {
  try {
    fileSystem.accessSync(target, fs.constants.W_OK);
  } catch (error) {
    const code = codeOf(error);
    if (code === "EROFS") {
      throw new ConfigError(
        `${label} ${target} is on a read-only file system. Mount it read-write, or set DATA_DIR to a writable folder.`,
      );
    }
    if (code === "EACCES" || code === "EPERM") {
      throw new ConfigError(
        `${label} ${target} is read-only for this user (permission denied). Give the service's user write access to it, or set DATA_DIR to a folder that user can write.`,
      );
    }
    throw new ConfigError(`${label} ${target} cannot be written: ${(error as Error).message}`);
  }
}

/** Why mkdir failed, in the folder's terms; recursive mkdir's own code can mislead (ENOENT on a read-only disk). */
function whyNotCreated(dataDir: string, error: unknown, fileSystem: DataDirFileSystem): string {
  const ancestor = nearestExisting(path.dirname(dataDir), fileSystem);
  if (ancestor && !statIfPresent(ancestor, fileSystem)?.isDirectory()) {
    return `DATA_DIR ${dataDir} cannot be created: ${ancestor} is a file, not a folder. Set DATA_DIR to a folder that can be created.`;
  }
  let code = codeOf(error);
  if (ancestor && code !== "EROFS") {
    try {
      fileSystem.accessSync(ancestor, fs.constants.W_OK);
    } catch (accessError) {
      code = codeOf(accessError) ?? code;
    }
  }
  if (code === "EROFS") {
    return `DATA_DIR ${dataDir} cannot be created: ${ancestor ?? "its parent"} is on a read-only file system. Mount it read-write, or set DATA_DIR to a writable folder.`;
  }
  if (code === "EACCES" || code === "EPERM") {
    return `Permission denied creating DATA_DIR ${dataDir}. Create it and give the service's user write access to it, or set DATA_DIR to a folder that user can write.`;
  }
  if (code === "ENOSPC") return `DATA_DIR ${dataDir} cannot be created: the disk is full.`;
  return `DATA_DIR ${dataDir} cannot be created: ${(error as Error).message}`;
}

function nearestExisting(folder: string, fileSystem: DataDirFileSystem): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    if (statIfPresent(current, fileSystem)) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** What is at `target`, or nothing when it or a folder on its way is missing (or is a file). */
function statIfPresent(target: string, fileSystem: DataDirFileSystem): fs.Stats | undefined {
  try {
    return fileSystem.statSync(target);
  } catch (error) {
    const code = codeOf(error);
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    if (code === "EACCES" || code === "EPERM") {
      throw new ConfigError(
        `Permission denied reading ${target}: give the service's user access to DATA_DIR and the folders above it.`,
      );
    }
    throw error;
  }
}

function codeOf(error: unknown): string | undefined {
  const { code } = (error ?? {}) as { code?: unknown };
  return typeof code === "string" ? code : undefined;
}
