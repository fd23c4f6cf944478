import { analyzeText } from "../text/tokenize.js";
import type { ChunkRecord } from "./index-store.js";

/**
 * BM25 weight of each indexed field, the same in every index (in FTS5 column order): a match in a
 * title, heading or curated FAQ question counts more than one in the body. 3/2/3/1 measured within
 * 0.01 of these. A phrasing an editor taught is a question worded as people ask it, weighed as a
 * curated FAQ question is.
 */
export const FIELD_WEIGHTS = { title: 1.5, heading: 1.5, question: 2, body: 1, phrasing: 2 } as const;

/** A chunk's index terms by field, with each field's weight, in the order of FIELD_WEIGHTS. */
export type WeightedFields = [terms: string[], weight: number][];

/** The fields of a chunk; its document's title is tokenised once by the caller, not per chunk. */
export function chunkFields(titleTerms: string[], chunk: ChunkRecord): WeightedFields {
  return [
    [titleTerms, FIELD_WEIGHTS.title],
    [analyzeText(chunk.headingPath.join(" ")), FIELD_WEIGHTS.heading],
    [analyzeText(chunk.faqQuestion ?? ""), FIELD_WEIGHTS.question],
    [analyzeText(chunk.text), FIELD_WEIGHTS.body],
    [analyzeText((chunk.phrasings ?? []).join("\n")), FIELD_WEIGHTS.phrasing],
  ];
}
