import type { AppConfig } from "../config.js";
import type { IndexStore } from "./index-store.js";
import { QdrantIndexStore } from "./qdrant/qdrant-index-store.js";
import { corruptionInFile, moveDatabaseAside } from "./sqlite/sqlite-file-health.js";
import { SqliteIndexStore } from "./sqlite/sqlite-index-store.js";

/** A corrupted index file found at opening, and where it was moved so that a new one could start. */
export interface SetAsideIndex {
  problem: string;
  movedTo: string;
}

/** The index the configuration names: Qdrant when QDRANT_URL is set, else the SQLite file under DATA_DIR. */
export function openIndexStore(config: Pick<AppConfig, "qdrant" | "databaseFile">): {
  store: IndexStore;
  /** Makes the index usable (Qdrant: creates the collection); may be retried until it succeeds. */
  prepare(): Promise<void>;
  description: string;
  /** Set when the SQLite file was corrupted: it was moved aside, and the first sync fills a new one. */
  setAside?: SetAsideIndex;
} {
  if (config.qdrant) {
    const store = new QdrantIndexStore(config.qdrant);
    return {
      store,
      prepare: () => store.prepare(),
      description: `Qdrant at ${config.qdrant.url}, collection ${config.qdrant.collection}`,
    };
  }
  // Everything in the file can be rebuilt (the knowledge folder, published uploads in editorial.sqlite),
  // so a corrupted one is set aside rather than retried forever; it is kept for a post-mortem.
  const problem = corruptionInFile(config.databaseFile);
  const setAside = problem === undefined ? undefined : { problem, movedTo: moveDatabaseAside(config.databaseFile) };
  return {
    store: new SqliteIndexStore(config.databaseFile),
    prepare: async () => {},
    description: `SQLite at ${config.databaseFile}`,
    ...(setAside ? { setAside } : {}),
  };
}
