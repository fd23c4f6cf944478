import { describe, expect, it } from "vitest";
import { compoundReadings } from "./compound-words.js";

describe("compoundReadings", () => {
  const knows = (words: string[]) => (term: string) => words.includes(term);

  it("reads two neighbouring words as their joined form, for each of them", () => {
    const readings = compoundReadings("open at lunch time", knows([]));
    expect(readings).toContainEqual({ term: "lunch", instead: ["lunchtim"], split: false });
    expect(readings).toContainEqual({ term: "time", instead: ["lunchtim"], split: false });
    // A function word joins its neighbour ("log in" is "login") but has no term of its own to read.
    const login = compoundReadings("how do i log in", knows([]));
    expect(login).toContainEqual({ term: "log", instead: ["login"], split: false });
    expect(login.map((reading) => reading.term)).not.toContain("in");
  });

  it("joins no function word to the word after it, and no words apart across punctuation or other script", () => {
    const terms = (question: string) => compoundReadings(question, knows([])).map((reading) => reading.instead[0]);
    // "a round trip" is no "around": a function word opens no compound.
    expect(terms("a round trip")).toEqual(["roundtrip", "roundtrip"]);
    expect(terms("the office, hours")).toEqual([]);
    expect(terms("wifi 密碼 password")).toEqual([]);
  });

  it("splits a word into parts the language knows, never into a function word or a scrap", () => {
    expect(compoundReadings("streetlight", knows(["street", "light"]))).toEqual([
      { term: "streetlight", instead: ["street", "light"], split: true },
    ]);
    expect(compoundReadings("streetlight", knows(["street"]))).toEqual([]);
    // "id" + "card" is no reading: a part must be three letters or more.
    expect(compoundReadings("idcard", knows(["id", "card"]))).toEqual([]);
    expect(compoundReadings("keycard", knows(["kei", "card"]))).toEqual([
      { term: "keycard", instead: ["kei", "card"], split: true },
    ]);
    // "the" + "reason" neither: a function word is no part.
    expect(compoundReadings("thereason", knows(["the", "reason"]))).toEqual([]);
  });
});
