import { describe, expect, it } from "vitest";
import { analyzeText } from "../../text/tokenize.js";
import { chunkFields } from "../chunk-fields.js";
import { sampleDocument } from "../index-store.case.js";
import { encodeFields, encodeQuery, termIndex } from "./sparse-vector.js";

describe("sparse BM25 vectors for Qdrant", () => {
  it("maps a term to the same 32-bit index every time (FNV-1a)", () => {
    expect(termIndex("")).toBe(0x811c9dc5);
    expect(termIndex("a")).toBe(0xe40c292c);
    expect(termIndex("加退选")).toBe(termIndex("加退选"));
    expect(termIndex("加退选")).not.toBe(termIndex("宿舍"));
  });

  it("weighs a chunk's terms by field and saturates repeats, indices sorted", () => {
    const [document, [chunk]] = sampleDocument("registrar/a.md", "加退選", ["加退選期限。加退選。宿舍。"]);
    const vector = encodeFields(chunkFields(analyzeText(document.title), chunk as NonNullable<typeof chunk>));
    expect(vector.indices).toEqual([...vector.indices].sort((left, right) => left - right));
    const weightOf = (term: string) => vector.values[vector.indices.indexOf(termIndex(term))] ?? 0;
    // 加退选: twice in the body and once in the title; 宿舍: once in the body.
    expect(weightOf("加退选")).toBeGreaterThan(weightOf("宿舍"));
    expect(weightOf("加退选")).toBeLessThan(2.2); // saturates below k1 + 1
    expect(weightOf("宿舍")).toBeGreaterThan(0);
  });

  it("gives each distinct query term weight 1", () => {
    expect(encodeQuery(["b", "a", "b"])).toEqual({
      indices: [termIndex("a"), termIndex("b")].sort((left, right) => left - right),
      values: [1, 1],
    });
  });
});
