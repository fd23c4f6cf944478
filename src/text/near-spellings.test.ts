import { describe, expect, it } from "vitest";
import { isMisspeltStopWord, nearSpellings } from "./near-spellings.js";

describe("nearSpellings", () => {
  it("gives the words one letter left out, added, changed or swapped away", () => {
    const near = nearSpellings("conect");
    expect(near).toContain("connect");
    expect(nearSpellings("recieve")).toContain("receive");
    expect(nearSpellings("attachmnt")).toContain("attachment");
    expect(near).not.toContain("conect");
    expect(near).not.toContain("connects");
  });

  it("leaves short words, numbers and codes alone", () => {
    expect(nearSpellings("vpn")).toEqual([]);
    expect(nearSpellings("fees")).toEqual([]);
    expect(nearSpellings("12345")).toEqual([]);
    expect(nearSpellings("cs101")).toEqual([]);
  });
});

describe("isMisspeltStopWord", () => {
  it("knows a function word typed with two letters swapped", () => {
    expect(isMisspeltStopWord("teh")).toBe(true);
    expect(isMisspeltStopWord("adn")).toBe(true);
    expect(isMisspeltStopWord("waht")).toBe(true);
  });

  it("takes names and function words as written", () => {
    expect(isMisspeltStopWord("chen")).toBe(false);
    expect(isMisspeltStopWord("lin")).toBe(false);
    expect(isMisspeltStopWord("the")).toBe(false);
    expect(isMisspeltStopWord("vpn")).toBe(false);
  });
});
