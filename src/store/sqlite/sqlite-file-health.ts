import fs from "node:fs";
import Database from "better-sqlite3";
import { isCorruptDatabaseError } from "../../errors.js";

/**
 * What SQLite's quick check finds wrong with an open database, or nothing when it is sound. A file
 * too damaged to be checked at all says so too; any other failure (permissions, a full disk) is thrown.
 */
export function corruptionIn(database: Database.Database): string | undefined {
  try {
    const findings = database.pragma("quick_check") as { quick_check: string }[];
    const problems = findings.map((finding) => finding.quick_check).filter((finding) => finding !== "ok");
    return problems.length > 0 ? problems.slice(0, 3).join("; ") : undefined;
  } catch (error) {
    if (isCorruptDatabaseError(error)) return (error as Error).message;
    throw error;
  }
}

/** What is wrong with the database file, or nothing when it is sound or does not exist yet. */
export function corruptionInFile(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  let database: Database.Database | undefined;
  try {
    database = new Database(file, { fileMustExist: true });
    return corruptionIn(database);
  } catch (error) {
    if (isCorruptDatabaseError(error)) return (error as Error).message;
    throw error;
  } finally {
    database?.close();
  }
}

/**
 * Renames a database file, with its write-ahead log and shared-memory file, to
 * `<file>.corrupt-<UTC time>` (the log keeps its `-wal` suffix, so the set still opens together),
 * and returns the new name. Nothing is deleted: the operator decides what to do with it.
 */
export function moveDatabaseAside(file: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const movedTo = `${file}.corrupt-${stamp}`;
  // The log first: left beside a new file without its own, it could be replayed into it.
  for (const suffix of ["-wal", "-shm", ""]) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, movedTo + suffix);
  }
  return movedTo;
}
