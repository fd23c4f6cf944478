import { UnknownCollectionError } from "../../errors.js";
import { errorResponseSchema } from "../../schemas.js";
import type { IndexStore } from "../../store/index-store.js";

const errorBody = (description: string) => ({
  description,
  content: { "application/json": { schema: errorResponseSchema } },
});

/** The error responses every `/v1` route can give, for the OpenAPI document. */
export const apiErrorResponses = {
  400: errorBody("invalid_request, invalid_json or unknown_collection: the message says what to fix"),
  405: errorBody("method_not_allowed: the route takes POST"),
  413: errorBody("payload_too_large: the body is over 64 KiB"),
  415: errorBody("unsupported_media_type: send Content-Type: application/json"),
  503: errorBody("not_ready (the first sync has not finished) or store_unavailable"),
} as const;

/** A typo in a collection name must not look like "the documents do not cover this". */
export async function requireKnownCollection(store: IndexStore, collection: string | undefined): Promise<void> {
  if (collection === undefined) return;
  const known = await store.listCollections();
  if (!known.includes(collection)) throw new UnknownCollectionError(collection, known);
}
