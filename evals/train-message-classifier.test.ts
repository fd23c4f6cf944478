import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messageFeatures, probabilityOf } from "../src/safety/message-classifier.js";
import {
  readSafetyMessageSet,
  readSafetyMessageSets,
  sampleQuestions,
  trainLinearModel,
  trainMessageClassifier,
} from "./train-message-classifier.js";

const example = (text: string, label: 0 | 1) => ({ features: messageFeatures(text), label });

describe("trainLinearModel", () => {
  const examples = [
    example("please help me now", 1),
    example("help me please", 1),
    example("what time do you open", 0),
    example("how much is the fee", 0),
    example("where do I pay the fee", 0),
    example("do you open on sunday", 0),
  ];

  it("learns which words tell one kind from the other, the same way every time", () => {
    const model = trainLinearModel(examples);
    expect(probabilityOf(model, messageFeatures("help me"))).toBeGreaterThan(0.8);
    expect(probabilityOf(model, messageFeatures("what is the fee"))).toBeLessThan(0.2);
    expect(trainLinearModel(examples)).toEqual(model);
  });

  it("refuses messages of one kind only", () => {
    expect(() => trainLinearModel(examples.filter((item) => item.label === 0))).toThrow(/both kinds/);
  });
});

describe("readSafetyMessageSet", () => {
  it("reads a set's messages without their topic, and refuses a folder with none", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "safety-set-"));
    expect(() => readSafetyMessageSet(folder)).toThrow(/no ordinary.txt/);
    fs.writeFileSync(path.join(folder, "crisis.txt"), "self_harm\t我在橋上\n\nemergency\tHe is not breathing\n");
    fs.writeFileSync(path.join(folder, "ordinary.txt"), "幾點開門\n");
    expect(readSafetyMessageSet(folder)).toEqual({
      name: path.basename(folder),
      ordinary: ["幾點開門"],
      crisis: ["我在橋上", "He is not breathing"],
      harmful: [],
    });
  });
});

describe("the shipped model", () => {
  it("is what training the repository's messages gives (npm run train:safety)", () => {
    const shipped = JSON.parse(
      fs.readFileSync(new URL("../src/safety/message-classifier.json", import.meta.url), "utf8"),
    ) as Record<"crisis", { intercept: number; weights: Record<string, number> }>;
    const trained = trainMessageClassifier(readSafetyMessageSets(), sampleQuestions());
    for (const kind of ["crisis"] as const) {
      expect(Object.keys(trained[kind].weights)).toEqual(Object.keys(shipped[kind].weights));
      expect(trained[kind].intercept).toBeCloseTo(shipped[kind].intercept, 3);
      // Rounded to four places when written; floating point may differ in the last on another machine.
      const drift = Object.entries(trained[kind].weights).filter(
        ([feature, weight]) => Math.abs(weight - (shipped[kind].weights[feature] ?? Number.NaN)) > 0.001,
      );
      expect(drift).toEqual([]);
    }
  });
});
