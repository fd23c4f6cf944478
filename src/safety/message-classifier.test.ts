import { describe, expect, it } from "vitest";
import { detectSafetyConcern } from "./detect-safety-concern.js";
import { MessageClassifier, messageFeatures, probabilityOf } from "./message-classifier.js";

describe("messageFeatures", () => {
  it("reads Chinese as one to three characters folded to one script, and English as words and word pairs", () => {
    const features = messageFeatures("橋上 Sorry Mom");
    for (const feature of ["z:桥", "z:上", "z:桥上", "e:sorry", "e:mom", "e:sorry mom"]) {
      expect(features.has(feature), feature).toBe(true);
    }
    expect(features.has("z:橋")).toBe(false);
    expect([...messageFeatures("再見 再見")].filter((feature) => feature === "z:再见")).toHaveLength(1);
  });
});

describe("probabilityOf", () => {
  it("is the logistic of the intercept and the weights of the features present", () => {
    const model = { intercept: -1, weights: { "e:a": 2, "e:b": -3 } };
    expect(probabilityOf(model, new Set(["e:a"]))).toBeCloseTo(1 / (1 + Math.exp(-1)));
    expect(probabilityOf(model, new Set(["e:a", "e:b", "e:c"]))).toBeCloseTo(1 / (1 + Math.exp(2)));
  });
});

describe("a crisis the classifier reads", () => {
  // A model that reads only the made-up word "qqq", as sure as each test needs.
  const classifierSure = (logit: number) =>
    new MessageClassifier({ crisis: { intercept: 0, weights: { "e:qqq": logit } } });

  it("is one of the kind a sign names, once it is read as likely as CRISIS_PROBABILITY", () => {
    expect(detectSafetyConcern("qqq, I kept the pills", classifierSure(8))).toEqual({
      kind: "crisis",
      topic: "self_harm",
    });
    expect(detectSafetyConcern("qqq, I kept the pills", classifierSure(4))).toBeUndefined();
  });

  it("is distress of no kind named when no sign names one, only when all but certain", () => {
    expect(detectSafetyConcern("qqq", classifierSure(12))).toEqual({ kind: "crisis", topic: "distress" });
    expect(detectSafetyConcern("qqq", classifierSure(8))).toBeUndefined();
  });

  it("is of the kind the model of topics names, where it is sure of one and no sign names any", () => {
    const topic = (logit: number) => ({ intercept: 0, weights: { "e:qqq": logit } });
    const naming = (emergency: number) =>
      new MessageClassifier({
        crisis: { intercept: 0, weights: { "e:qqq": 12 } },
        topics: { self_harm: topic(-2), abuse: topic(-3), violence: topic(-4), emergency: topic(emergency) },
      });
    expect(detectSafetyConcern("qqq", naming(3))).toEqual({ kind: "crisis", topic: "emergency" });
    expect(detectSafetyConcern("qqq", naming(-1))).toEqual({ kind: "crisis", topic: "distress" });
  });
});

describe("the shipped classifier", () => {
  const classifier = MessageClassifier.shipped();

  it("reads a crisis no pattern names, and names its kind by a sign", () => {
    // Written for this test, in words the patterns and signs do not reach together.
    for (const message of [
      "他把我反鎖在房間，手機也被拿走了",
      "my boyfriend took my passport and says I can't leave the flat, he'll be back soon",
      "I'm on the top floor of the car park, I just wanted to say sorry to my mum",
    ]) {
      expect(detectSafetyConcern(message, null), message).toBeUndefined();
      expect(classifier.crisisProbability(message), message).toBeGreaterThan(0.99);
      expect(detectSafetyConcern(message)?.kind, message).toBe("crisis");
    }
  });

  it("leaves ordinary questions alone, words of distress or not", () => {
    for (const message of [
      "這個月水費怎麼突然變兩倍",
      "我爸過世了，他的門號要怎麼停",
      "Can I set up autopay with a debit card instead of a credit card?",
      "上禮拜有乘客在車上昏倒，後來沒事了，想謝謝站務員",
      "直到現在，中華民國的法定陪都是哪一個城市?",
    ]) {
      expect(detectSafetyConcern(message), message).toBeUndefined();
    }
  });
});
