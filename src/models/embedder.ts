import type { QueryVector } from "../store/index-store.js";

/** An embedding model: passages are embedded when indexed, questions when asked. */
export interface Embedder {
  /** Names the vector space: vectors of two models are never compared. */
  readonly model: string;
  /** One usable vector per text, in order; fails (a `ModelCallError`) rather than return fewer. */
  embedTexts(texts: readonly string[]): Promise<number[][]>;
  /**
   * The question's vector, or nothing when the model fails or is slow: retrieval then stays
   * lexical rather than keep the person waiting. Never fails.
   */
  embedQuestion(text: string, signal?: AbortSignal): Promise<QueryVector | undefined>;
}
