import { describe, expect, it } from "vitest";
import { campusSynonymGroups, termsOfMember } from "./campus-thesaurus.js";
import { analyzeText } from "./tokenize.js";

describe("campus thesaurus", () => {
  const members = campusSynonymGroups.flatMap((group) => group.split(", "));

  it("has members that a passage writing them would hold in full", () => {
    for (const member of members) {
      const required = termsOfMember(member);
      // A stop word inside a member (還 in 還書) masks its bigrams, and "at most" analyses to nothing.
      expect(required.length, member).toBeGreaterThanOrEqual(member.split(" ").length);
      const passageTerms = new Set(analyzeText(`其他文字 ${member} 其他文字`));
      for (const term of required) expect(passageTerms.has(term), `${member}: ${term}`).toBe(true);
    }
  });
});
