import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeQuery, analyzeText } from "./tokenize.js";
import { combinedVocabularyOf, combineVocabularies, termsOfMember, Vocabulary } from "./vocabulary.js";
import { readVocabulary } from "./vocabulary-file.js";

const sampleKnowledge = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../knowledge");

describe("Vocabulary", () => {
  it("gives each word of a group the others as equivalents, a phrase as all of its terms", () => {
    const vocabulary = new Vocabulary([["dorm", "residence hall", "宿舍"]], []);
    const [dorm] = analyzeQuery("dorm");
    expect(vocabulary.equivalentsOf(dorm ?? "").map((equivalent) => equivalent.terms)).toEqual([
      analyzeText("residence hall"),
      ["宿舍"],
    ]);
    expect(vocabulary.equivalentsOf("宿舍").map((equivalent) => equivalent.terms)).toContainEqual(["dorm"]);
    // A phrase is matched, never asked with: "hall" alone is not a dorm.
    expect(vocabulary.equivalentsOf("hall")).toEqual([]);
  });

  it("asks a member as a question reads it, without the particle it is written with", () => {
    const vocabulary = new Vocabulary([["遺失", "掉了", "被偷"]], []);
    // 「手機掉了」 is asked as 掉, 「被偷了」 as 偷.
    for (const asked of ["掉", "偷"]) {
      expect(vocabulary.equivalentsOf(asked).map((equivalent) => equivalent.terms)).toContainEqual(["遗失"]);
    }
    // Only particles are left out: 不可以 is not asked as 不.
    const forbidden = new Vocabulary([["禁止", "不可以"]], []);
    expect(forbidden.equivalentsOf("不")).toEqual([]);
  });

  it("gives the terms of a member written in the question as a phrase the group's other members", () => {
    const vocabulary = new Vocabulary(
      [
        ["fine", "late fee", "penalty"],
        ["復學", "回來念"],
      ],
      [],
    );
    const terms = (question: string) => analyzeQuery(question);
    const lateFee = vocabulary.phraseEquivalentsIn("how much is the late fee?", terms("how much is the late fee?"));
    const [late, fee] = analyzeQuery("late fee");
    expect(lateFee.get(late ?? "")?.map((equivalent) => equivalent.terms)).toEqual([
      analyzeText("fine"),
      analyzeText("penalty"),
    ]);
    expect(lateFee.get(fee ?? "")?.map((equivalent) => equivalent.terms)).toEqual([
      analyzeText("fine"),
      analyzeText("penalty"),
    ]);
    // Each counts for a little less than a synonym of one word.
    expect(lateFee.get(fee ?? "")?.[0]?.share).toBeLessThan(1);
    // Written as the index reads it, in the plural or hyphenated, it is the phrase still.
    for (const question of ["are late fees charged?", "what's the late-fee"]) {
      expect(vocabulary.phraseEquivalentsIn(question, terms(question)).get(fee ?? "")).toHaveLength(2);
    }
    // Its words apart are not the phrase: a fee paid late is no fine.
    expect(vocabulary.phraseEquivalentsIn("is the fee late?", terms("is the fee late?")).size).toBe(0);
    // A Chinese member the segmenter splits: each part of it is the group's other word.
    const back = vocabulary.phraseEquivalentsIn("下學期想回來念", terms("下學期想回來念"));
    expect([...back.keys()].length).toBeGreaterThan(0);
    for (const [term, equivalents] of back) {
      expect("回来念".includes(term)).toBe(true);
      expect(equivalents.map((equivalent) => equivalent.terms)).toEqual([termsOfMember("復學")]);
    }
  });

  it("merges groups that share a word without repeating an equivalent", () => {
    const vocabulary = new Vocabulary(
      [
        ["押金", "保證金"],
        ["押金", "保證金", "訂金"],
      ],
      [],
    );
    expect(vocabulary.equivalentsOf("押金").map((equivalent) => equivalent.terms.join(" "))).toEqual([
      "保证 证金",
      "订金",
    ]);
  });

  it("finds the words of a question that an answer gives in the deployment's own word", () => {
    const vocabulary = new Vocabulary(
      [
        ["保證金", "押金"],
        ["residence hall", "dorm"],
        ["學費", "學雜費"],
      ],
      [],
      ["保證金", "residence hall"],
    );
    expect(vocabulary.renamedIn("宿舍押金多少", "住宿保證金為 3,000 元。")).toEqual([
      { asked: "押金", preferred: "保證金" },
    ]);
    expect(vocabulary.renamedIn("Can I keep a pet in my dorm?", "No pets in the residence hall.")).toEqual([
      { asked: "dorm", preferred: "residence hall" },
    ]);
    // Asked in the deployment's word, answered without it, or a group naming none: nothing to tell.
    expect(vocabulary.renamedIn("宿舍保證金多少", "住宿保證金為 3,000 元。")).toEqual([]);
    expect(vocabulary.renamedIn("宿舍押金多少", "請洽住宿組。")).toEqual([]);
    expect(vocabulary.renamedIn("學費多少", "學雜費為 30,000 元。")).toEqual([]);
  });

  it("stops a stop word's terms only where the question writes it whole", () => {
    const vocabulary = new Vocabulary([], ["學校", "港北區", "Lakeside University"]);
    expect(vocabulary.stoppedTermsIn("學校的宿舍")).toEqual(new Set(["学校"]));
    expect(vocabulary.stoppedTermsIn("港北區公所")).toEqual(new Set(analyzeQuery("港北區")));
    // The parts of a stop word are words of their own elsewhere.
    expect(vocabulary.stoppedTermsIn("北區的宿舍")).toEqual(new Set());
    expect(vocabulary.stoppedTermsIn("Is Lakeside University open?")).toEqual(
      new Set(analyzeQuery("Lakeside University")),
    );
    expect(vocabulary.stoppedTermsIn("Which university is it?")).toEqual(new Set());
    expect(vocabulary.stoppedTermsIn("lakeside universityx")).toEqual(new Set());
  });

  it("has, in the sample deployment, words that a passage writing them holds in full", () => {
    const { synonymGroups } = readVocabulary(sampleKnowledge);
    expect(synonymGroups.length).toBeGreaterThan(40);
    for (const member of synonymGroups.flat()) {
      const required = termsOfMember(member);
      expect(required.length, member).toBeGreaterThanOrEqual(member.split(" ").length);
      const passageTerms = new Set(analyzeText(`其他文字 ${member} 其他文字`));
      for (const term of required) expect(passageTerms.has(term), `${member}: ${term}`).toBe(true);
    }
  });
});

describe("combining vocabularies", () => {
  const fromFile = new Vocabulary([["dorm", "residence hall"]], ["本校"]);
  const fromEditors = new Vocabulary(
    [
      ["dorm", "hostel"],
      ["押金", "保證金"],
    ],
    ["學校"],
  );

  it("holds the groups and stop words of both, merging groups that share a word", () => {
    const combined = combineVocabularies([fromFile, fromEditors]);
    expect(combined.synonymGroups).toEqual([
      ["dorm", "residence hall"],
      ["dorm", "hostel"],
      ["押金", "保證金"],
    ]);
    expect(combined.stopWords).toEqual(["本校", "學校"]);
    const [dorm] = analyzeQuery("dorm");
    expect(combined.equivalentsOf(dorm ?? "").map((equivalent) => equivalent.terms)).toEqual([
      analyzeText("residence hall"),
      analyzeText("hostel"),
    ]);
    expect(combined.stoppedTermsIn("本校和學校")).toEqual(new Set(["本校", "学校"]));
  });

  it("gives the one vocabulary that holds anything as it is", () => {
    expect(combineVocabularies([fromFile, Vocabulary.empty])).toBe(fromFile);
    expect(combineVocabularies([Vocabulary.empty, Vocabulary.empty])).toBe(Vocabulary.empty);
  });

  it("combines its sources again only when one of them changes", () => {
    let editors = Vocabulary.empty;
    const current = combinedVocabularyOf([() => fromFile, () => editors]);
    expect(current()).toBe(fromFile);
    editors = fromEditors;
    const combined = current();
    expect(combined.synonymGroups).toHaveLength(3);
    expect(current()).toBe(combined);
    editors = Vocabulary.empty;
    expect(current()).toBe(fromFile);
  });
});
