import type { IndexStore } from "../src/store/index-store.js";
import { analyzeQuery, analyzeText } from "../src/text/tokenize.js";

/** Okapi BM25's usual constants: term-frequency saturation and length normalisation. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** What the baseline reads of an indexed chunk. */
export interface BaselineChunk {
  docId: string;
  text: string;
  /** A curated FAQ pair's question; `text` is then its answer. */
  faqQuestion?: string;
}

interface IndexedChunk {
  docId: string;
  termCounts: Map<string, number>;
  length: number;
}

/**
 * Plain BM25 over the chunks the service indexes, the baseline the service's ranking is measured
 * against: one field (an FAQ pair's question and answer together, any other chunk's text), the
 * project's own tokenizer, and nothing else: no field weights, no coverage rerank, no synonyms,
 * translations or near spellings.
 */
export class Bm25Baseline {
  private readonly chunks: IndexedChunk[];
  private readonly chunkFrequency = new Map<string, number>();
  private readonly averageLength: number;

  constructor(chunks: readonly BaselineChunk[]) {
    this.chunks = chunks.map((chunk) => {
      const terms = analyzeText(chunk.faqQuestion === undefined ? chunk.text : `${chunk.faqQuestion}\n${chunk.text}`);
      const termCounts = new Map<string, number>();
      for (const term of terms) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
      for (const term of termCounts.keys()) this.chunkFrequency.set(term, (this.chunkFrequency.get(term) ?? 0) + 1);
      return { docId: chunk.docId, termCounts, length: terms.length };
    });
    const totalLength = this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    this.averageLength = this.chunks.length === 0 ? 0 : totalLength / this.chunks.length;
  }

  /** The published chunks of an index, as the service searches them. */
  static async fromStore(store: IndexStore): Promise<Bm25Baseline> {
    const chunks: BaselineChunk[] = [];
    for (const [docId, document] of await store.listDocuments()) {
      if (document.status !== "published") continue;
      for (const chunk of (await store.getDocument(docId))?.chunks ?? []) chunks.push(chunk);
    }
    return new Bm25Baseline(chunks);
  }

  /** Lucene's inverse document frequency, never negative: a term in most chunks still counts a little. */
  private inverseFrequency(term: string): number {
    const frequency = this.chunkFrequency.get(term) ?? 0;
    return Math.log(1 + (this.chunks.length - frequency + 0.5) / (frequency + 0.5));
  }

  /** The score of every chunk holding one of the question's distinct terms, best first (ties in index order). */
  scoreChunks(question: string): { docId: string; score: number }[] {
    const terms = analyzeQuery(question).filter((term) => this.chunkFrequency.has(term));
    const scored = this.chunks.flatMap(({ docId, termCounts, length }) => {
      let score = 0;
      for (const term of terms) {
        const count = termCounts.get(term) ?? 0;
        if (count === 0) continue;
        const lengthNorm = 1 - BM25_B + (BM25_B * length) / this.averageLength;
        score += (this.inverseFrequency(term) * count * (BM25_K1 + 1)) / (count + BM25_K1 * lengthNorm);
      }
      return score > 0 ? [{ docId, score }] : [];
    });
    return scored.sort((left, right) => right.score - left.score);
  }

  /** Distinct documents by their best chunk, best first. */
  rankDocuments(question: string, limit = 10): string[] {
    return [...new Set(this.scoreChunks(question).map((chunk) => chunk.docId))].slice(0, limit);
  }
}
