import fs from "node:fs";

export type StorageState = "ok" | "full";

/** Whether the disk under DATA_DIR has room to write: what /readyz reports as `storage`. */
export interface StorageHealth {
  /** A write failed because the disk was full (SQLITE_FULL, ENOSPC). */
  recordFull(): void;
  state(): Promise<StorageState>;
}

/** How long a write that failed for lack of space keeps `storage` at "full": short, as nothing sees space freed. */
const FULL_REMEMBERED_MS = 60_000;

/**
 * "full" when less than `minFreeBytes` is free where `folder` lives, or when a write failed for
 * lack of space in the last minute (a quota or a reserved block can refuse writes that free
 * space alone would allow). A failed measurement reports what the writes said.
 */
export function watchStorage(
  folder: string,
  options: { minFreeBytes: number; now?: () => number; freeBytes?: (folder: string) => Promise<number> },
): StorageHealth {
  const { minFreeBytes, now = Date.now, freeBytes = freeBytesUnder } = options;
  let lastFullAt: number | undefined;
  return {
    recordFull: () => {
      lastFullAt = now();
    },
    async state() {
      const free = await freeBytes(folder).catch(() => undefined);
      if (free !== undefined && free < minFreeBytes) return "full";
      return lastFullAt !== undefined && now() - lastFullAt < FULL_REMEMBERED_MS ? "full" : "ok";
    },
  };
}

async function freeBytesUnder(folder: string): Promise<number> {
  const { bavail, bsize } = await fs.promises.statfs(folder);
  return bavail * bsize;
}
