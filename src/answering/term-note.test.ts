import { describe, expect, it } from "vitest";
import { Vocabulary } from "../text/vocabulary.js";
import { termNote, withTermNote } from "./term-note.js";

const vocabulary = new Vocabulary(
  [
    ["保證金", "押金"],
    ["residence hall", "dorm"],
  ],
  [],
  ["保證金", "residence hall"],
);

describe("termNote", () => {
  it("tells the asker, in the question's language, the deployment's word for theirs", () => {
    expect(termNote("宿舍押金多少", "住宿保證金為 3,000 元。[1]", vocabulary)).toBe(
      "（您說的「押金」，在這裡稱為「保證金」。）",
    );
    expect(termNote("宿舍押金多少钱", "住宿保證金為 3,000 元。[1]", vocabulary)).toBe(
      "（您说的「押金」，在这里称为「保证金」。）",
    );
    expect(termNote("is the dorm open in summer", "The residence hall closes in July.[1]", vocabulary)).toBe(
      "(What you call “dorm” is called “residence hall” here.)",
    );
  });

  it("adds nothing when the answer uses the asker's word, or no vocabulary names one", () => {
    expect(withTermNote("宿舍保證金多少", "住宿保證金為 3,000 元。[1]", vocabulary)).toBe("住宿保證金為 3,000 元。[1]");
    expect(withTermNote("宿舍押金多少", "住宿保證金為 3,000 元。[1]", undefined)).toBe("住宿保證金為 3,000 元。[1]");
    expect(withTermNote("宿舍押金多少", "住宿保證金為 3,000 元。[1]", vocabulary)).toBe(
      "住宿保證金為 3,000 元。[1]\n（您說的「押金」，在這裡稱為「保證金」。）",
    );
  });
});
