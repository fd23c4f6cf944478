import type { AppConfig } from "../config.js";
import type { IndexStore } from "./index-store.js";
import { QdrantIndexStore } from "./qdrant/qdrant-index-store.js";
import { SqliteIndexStore } from "./sqlite/sqlite-index-store.js";

/** The index the configuration names: Qdrant when QDRANT_URL is set, else the SQLite file under DATA_DIR. */
export function openIndexStore(config: Pick<AppConfig, "qdrant" | "databaseFile">): {
  store: IndexStore;
  /** Makes the index usable (Qdrant: creates the collection); may be retried until it succeeds. */
  prepare(): Promise<void>;
  description: string;
} {
  if (config.qdrant) {
    const store = new QdrantIndexStore(config.qdrant);
    return {
      store,
      prepare: () => store.prepare(),
      description: `Qdrant at ${config.qdrant.url}, collection ${config.qdrant.collection}`,
    };
  }
  return {
    store: new SqliteIndexStore(config.databaseFile),
    prepare: async () => {},
    description: `SQLite at ${config.databaseFile}`,
  };
}
