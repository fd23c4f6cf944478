import type { WeightedFields } from "../chunk-fields.js";

/** A Qdrant sparse vector: term indices and their weights. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

/** BM25 term-frequency saturation and length normalisation; Qdrant's `idf` modifier supplies the IDF. */
const K1 = 1.2;
const B = 0.75;
/**
 * The average chunk length in terms that length normalisation divides by. A fixed figure (about a
 * 400-character chunk's term count) rather than the corpus's, which would need every vector
 * rewritten whenever a document is added.
 */
const AVERAGE_TERMS = 250;

const utf8 = new TextEncoder();

/** The index of a term in the sparse space: 32-bit FNV-1a of its UTF-8 bytes (collisions are rare and only blur two terms). */
export function termIndex(term: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(term)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The BM25 document side of a chunk (see chunkFields): field-weighted, saturated term frequencies. */
export function encodeFields(fields: WeightedFields): SparseVector {
  const frequencies = new Map<number, number>();
  let length = 0;
  for (const [terms, weight] of fields) {
    for (const term of terms) {
      const index = termIndex(term);
      frequencies.set(index, (frequencies.get(index) ?? 0) + weight);
      length++;
    }
  }
  const normaliser = K1 * (1 - B + (B * length) / AVERAGE_TERMS);
  return toSparse(
    [...frequencies].map(([index, frequency]) => [index, (frequency * (K1 + 1)) / (frequency + normaliser)]),
  );
}

/** The query side: each distinct term once, with weight 1 (Qdrant multiplies in its IDF). */
export function encodeQuery(terms: readonly string[]): SparseVector {
  return toSparse([...new Set(terms.map(termIndex))].map((index) => [index, 1]));
}

function toSparse(entries: [number, number][]): SparseVector {
  entries.sort((left, right) => left[0] - right[0]);
  return { indices: entries.map(([index]) => index), values: entries.map(([, value]) => value) };
}
