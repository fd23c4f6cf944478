import { describe, expect, it } from "vitest";
import { wordSpecificity } from "./word-specificity.js";

describe("wordSpecificity", () => {
  it("weighs everyday words little and topical words fully", () => {
    expect(wordSpecificity("知道")).toBeLessThan(0.2);
    expect(wordSpecificity("大概")).toBeLessThan(0.7);
    expect(wordSpecificity("健身房")).toBe(1);
    expect(wordSpecificity("宿舍")).toBeGreaterThan(0.9);
  });

  it("counts terms it does not know fully", () => {
    expect(wordSpecificity("deadlin")).toBe(1);
    expect(wordSpecificity("2026")).toBe(1);
  });
});
