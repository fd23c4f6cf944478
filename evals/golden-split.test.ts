import { describe, expect, it } from "vitest";
import { loadGoldenSet } from "./eval-cases.js";
import { isHeldOut } from "./golden-split.js";

describe("isHeldOut", () => {
  it("puts about a third of the golden set aside, with answerable and unanswerable questions in both parts", () => {
    const cases = loadGoldenSet("evals/golden-set.jsonl");
    const heldOut = cases.filter((testCase) => isHeldOut(testCase.id));
    expect(heldOut.length / cases.length).toBeGreaterThan(0.2);
    expect(heldOut.length / cases.length).toBeLessThan(0.45);
    for (const part of [heldOut, cases.filter((testCase) => !isHeldOut(testCase.id))]) {
      expect(new Set(part.map((testCase) => testCase.answerable))).toEqual(new Set([true, false]));
    }
  });

  it("decides by the id alone, the same way every time", () => {
    const ids = Array.from({ length: 300 }, (_, index) => `q-${index}`);
    expect(ids.map(isHeldOut)).toEqual(ids.map(isHeldOut));
    expect(new Set(ids.map(isHeldOut))).toEqual(new Set([true, false]));
  });
});
