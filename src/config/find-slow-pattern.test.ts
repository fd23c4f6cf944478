import { describe, expect, it } from "vitest";
import { findSlowPattern, slowPersonalDataPattern } from "./find-slow-pattern.js";

describe("findSlowPattern", () => {
  it("finds a pattern that backtracks without end on a long run of letters", async () => {
    const patterns = [{ pattern: /M\d{8}/giu }, { pattern: /(\w+)+@example\.edu/gu }, { pattern: /T\d{6}/gu }];
    // It would never finish: a short budget finds it as surely as a long one.
    expect(await findSlowPattern(patterns, { textLength: 10_000, budgetMs: 300 })).toBe(1);
  });

  it("passes patterns that run in linear time", async () => {
    const patterns = [
      { pattern: /(?<![A-Za-z0-9])M\d{8}(?![0-9])/giu },
      { pattern: /[A-Z]{3}-\d{4}/gu },
      { pattern: /會員編號\s*\d{6,10}/gu },
    ];
    expect(await findSlowPattern(patterns, { textLength: 10_000, budgetMs: 2000 })).toBeUndefined();
  });

  it("names the file and the entry of a slow deployment pattern", async () => {
    const settings = {
      defaults: true,
      file: "/etc/grounded-faq/patterns.json",
      patterns: [{ name: "alumni mail", pattern: /(\w+)+@alumni\.example\.edu/gu, replacement: "[email]" }],
    };
    expect(await slowPersonalDataPattern(settings, 10_000)).toMatch(
      /PERSONAL_DATA_PATTERNS_FILE: \/etc\/grounded-faq\/patterns\.json: patterns\[0\] \(alumni mail\): takes more than/,
    );
    expect(await slowPersonalDataPattern({ ...settings, patterns: [] }, 10_000)).toBeUndefined();
  });
});
