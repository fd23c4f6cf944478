import { describe, expect, it } from "vitest";
import type { Passage } from "../retrieval/retrieve-passages.js";
import { analyzeText } from "../text/tokenize.js";
import { noEquivalents } from "../text/vocabulary.js";
import { relatedTopics } from "./related-topics.js";

function passage(docId: string, title: string, coverage: number, extra: Partial<Passage["chunk"]> = {}): Passage {
  const text = extra.text ?? "本館週一閉館。";
  return {
    chunk: { chunkId: `${docId}#0`, docId, position: 0, text, headingPath: [], start: 0, end: text.length, ...extra },
    document: { docId, title, collection: "library" },
    score: coverage,
    terms: new Set(analyzeText(`${title} ${text}`)),
    relevance: coverage,
    coverage,
  };
}

// The question's terms as the index writes them (in the matching script).
const asked = new Map(analyzeText("圖書館 停車").map((term) => [term, 1]));

describe("relatedTopics", () => {
  it("offers each topic about the question once, by its title and section heading", () => {
    const hours = passage("library/hours.html", "開放時間 | 湖光圖書館 | 臺北湖濱大學", 0.5, {
      headingPath: ["閉館日"],
    });
    const hoursAgain = { ...hours, chunk: { ...hours.chunk, chunkId: "library/hours.html#1" } };
    const loans = passage("library/loans.html", "借閱規則｜湖光圖書館", 0.4);
    expect(relatedTopics([hours, hoursAgain, loans], asked, noEquivalents)).toEqual([
      "開放時間 | 湖光圖書館 | 臺北湖濱大學：閉館日",
      "借閱規則｜湖光圖書館",
    ]);
  });

  it("names a web page whose heading is its title without the site's name once", () => {
    const page = passage("library/fees.html", "罰款規定｜湖光圖書館", 0.5, { headingPath: ["罰款規定"] });
    expect(relatedTopics([page], asked, noEquivalents)).toEqual(["罰款規定｜湖光圖書館"]);
  });

  it("leaves out a passage that covers little of the question, or whose title and headings name nothing asked", () => {
    const barely = passage("library/hours.html", "湖光圖書館", 0.1);
    const unnamed = passage("campus/map.md", "校園地圖", 0.5, { text: "圖書館旁有停車場。" });
    expect(relatedTopics([barely, unnamed], asked, noEquivalents)).toEqual([]);
  });

  it("offers at most three", () => {
    const many = ["一", "二", "三", "四"].map((n) => passage(`library/${n}.md`, `圖書館規則${n}`, 0.5));
    expect(relatedTopics(many, asked, noEquivalents)).toHaveLength(3);
  });
});
