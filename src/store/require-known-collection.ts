import { UnknownCollectionError } from "../errors.js";
import type { IndexStore } from "./index-store.js";

/** A typo in a collection name must not look like "the documents do not cover this". */
export async function requireKnownCollection(
  store: Pick<IndexStore, "listCollections">,
  collection: string | undefined,
): Promise<void> {
  if (collection === undefined) return;
  const known = await store.listCollections();
  if (!known.includes(collection)) throw new UnknownCollectionError(collection, known);
}
