import { describe, expect, it } from "vitest";
import { isUsableVector } from "../store/index-store.js";
import type { Embedder } from "./embedder.js";

/** The contract every embedder (adapter, decorator or fake) must keep; run it from each one's test file. */
export function describeEmbedderContract(name: string, openEmbedder: () => Embedder): void {
  describe(`Embedder contract: ${name}`, () => {
    it("gives one usable vector per text, in order, all of one size", async () => {
      const embedder = openEmbedder();
      const texts = ["宿舍押金為新臺幣三千元。", "The library opens at eight.", "宿舍押金為新臺幣三千元。"];
      const vectors = await embedder.embedTexts(texts);
      expect(vectors).toHaveLength(3);
      expect(vectors.every(isUsableVector)).toBe(true);
      expect(new Set(vectors.map((vector) => vector.length)).size).toBe(1);
      expect(vectors[2]).toEqual(vectors[0]);
      expect(vectors[1]).not.toEqual(vectors[0]);
      expect(await embedder.embedTexts([])).toEqual([]);
    });

    it("embeds a question into the passages' space, named by the model", async () => {
      const embedder = openEmbedder();
      const [passage] = await embedder.embedTexts(["加退選期限為開學後第二週週五。"]);
      const question = await embedder.embedQuestion("加退選期限是什麼時候?");
      expect(question?.model).toBe(embedder.model);
      expect(question?.vector).toHaveLength(passage?.length ?? -1);
    });

    it("gives no question vector, rather than fail, once the answer's time is up", async () => {
      await expect(openEmbedder().embedQuestion("加退選期限?", AbortSignal.abort())).resolves.toBeUndefined();
    });
  });
}
