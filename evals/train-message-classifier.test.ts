import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type LinearModel,
  MessageClassifier,
  type MessageClassifierModels,
  messageFeatures,
  probabilityOf,
} from "../src/safety/message-classifier.js";
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
  it("reads a set's messages without their topic, the crises' topics apart, and refuses a folder with none", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "safety-set-"));
    expect(() => readSafetyMessageSet(folder)).toThrow(/no ordinary.txt/);
    fs.writeFileSync(path.join(folder, "crisis.txt"), "self_harm\t我在橋上\n\nemergency\tHe is not breathing\n");
    fs.writeFileSync(path.join(folder, "ordinary.txt"), "幾點開門\n");
    expect(readSafetyMessageSet(folder)).toEqual({
      name: path.basename(folder),
      ordinary: ["幾點開門"],
      crisis: ["我在橋上", "He is not breathing"],
      harmful: [],
      crisisTopics: [
        { topic: "self_harm", message: "我在橋上" },
        { topic: "emergency", message: "He is not breathing" },
      ],
    });
  });
});

describe("trainMessageClassifier", () => {
  const set = (crisisTopics: { topic: "self_harm" | "abuse" | "violence" | "emergency"; message: string }[]) => ({
    name: "a",
    ordinary: ["what time do you open", "how much is the fee", "where do I pay", "can I book online"],
    crisis: crisisTopics.map(({ message }) => message),
    harmful: [],
    crisisTopics,
  });

  it("learns each kind of crisis from the crises that name theirs, and names a message's kind", () => {
    const models = trainMessageClassifier([
      set([
        { topic: "self_harm", message: "i want to end my life tonight" },
        { topic: "self_harm", message: "i have saved my pills to end my life" },
        { topic: "abuse", message: "my stepdad hits me every night" },
        { topic: "abuse", message: "he hits my mum when he drinks" },
        { topic: "violence", message: "i will stab the clerk tomorrow" },
        { topic: "violence", message: "i am going to stab him with a knife" },
        { topic: "emergency", message: "my dad collapsed and is not breathing" },
        { topic: "emergency", message: "she is not breathing and turning blue" },
      ]),
    ]);
    const classifier = new MessageClassifier(models);
    expect(classifier.crisisTopic("he hits me")).toBe("abuse");
    expect(classifier.crisisTopic("not breathing")).toBe("emergency");
  });

  it("learns no kinds where some kind is named by no crisis", () => {
    const models = trainMessageClassifier([set([{ topic: "self_harm", message: "i want to end my life" }])]);
    expect(models.topics).toBeUndefined();
    expect(new MessageClassifier(models).crisisTopic("i want to end my life")).toBeUndefined();
  });
});

describe("the shipped model", () => {
  it("is what training the repository's messages gives (npm run train:safety)", () => {
    const shipped = JSON.parse(
      fs.readFileSync(new URL("../src/safety/message-classifier.json", import.meta.url), "utf8"),
    ) as MessageClassifierModels;
    const trained = trainMessageClassifier(readSafetyMessageSets(), sampleQuestions());
    const modelsOf = (file: Pick<MessageClassifierModels, "crisis" | "topics">) => ({
      crisis: file.crisis,
      ...file.topics,
    });
    const shippedModels: Record<string, LinearModel> = modelsOf(shipped);
    const trainedModels: Record<string, LinearModel> = modelsOf(trained);
    expect(Object.keys(trainedModels)).toEqual(["crisis", "self_harm", "abuse", "violence", "emergency"]);
    for (const [kind, model] of Object.entries(trainedModels)) {
      const inFile = shippedModels[kind] as LinearModel;
      expect(Object.keys(model.weights), kind).toEqual(Object.keys(inFile.weights));
      expect(model.intercept, kind).toBeCloseTo(inFile.intercept, 3);
      // Rounded to four places when written; floating point may differ in the last on another machine.
      const drift = Object.entries(model.weights).filter(
        ([feature, weight]) => Math.abs(weight - (inFile.weights[feature] ?? Number.NaN)) > 0.001,
      );
      expect(drift, kind).toEqual([]);
    }
  });
});
