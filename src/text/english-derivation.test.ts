import { describe, expect, it } from "vitest";
import { derivationalBases } from "./english-derivation.js";

describe("derivationalBases", () => {
  const words = new Set(["month", "pay", "renew", "arrive", "inspect", "cancel", "day", "park", "drive", "ring"]);
  const isWord = (word: string) => words.has(word);

  it.each([
    ["monthly", ["month"]],
    ["payment", ["pay"]],
    ["renewal", ["renew"]],
    ["arrival", ["arrive"]],
    ["inspection", ["inspect"]],
    ["cancellation", ["cancel"]],
    ["daily", ["day"]],
    ["payments", ["pay"]],
    ["cancellations", ["cancel"]],
  ])("reads %s as made of %j", (word, bases) => {
    expect(derivationalBases(word, isWord)).toEqual(bases);
  });

  it("finds none for a word made of no word it knows, nor a base too short to be one", () => {
    expect(derivationalBases("deadline", isWord)).toEqual([]);
    expect(derivationalBases("early", new Set(["ear"]).has.bind(new Set(["ear"])))).toEqual([]);
    expect(derivationalBases("reply", new Set(["rep"]).has.bind(new Set(["rep"])))).toEqual([]);
  });
});
