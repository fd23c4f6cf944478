import fs from "node:fs";
import { z } from "zod";
import { normalizeForMatching } from "../text/normalize.js";
import { type NamedCrisisTopic, namedCrisisTopics } from "./safety-topics.js";

/**
 * A third reading of a message for distress, after patterns and warning signs, learned from messages
 * we wrote for many kinds of help desk (evals/safety-messages/): a logistic model over the message's
 * character n-grams (Chinese) and words and word pairs (English). The patterns and signs name what
 * they know; this weighs every piece of a message, so wordings no pattern names still count. It is
 * trusted only together with a sign of the kind of crisis (see detectSafetyConcern).
 */

/** Character n-grams read of a Chinese run: one to three characters. */
const MAX_HAN_GRAM = 3;
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[a-z]+(?:'[a-z]+)?/g;

/** A message's features: each character n-gram of its Chinese and each word and word pair of its English, once. */
export function messageFeatures(message: string): Set<string> {
  const text = normalizeForMatching(message);
  const features = new Set<string>();
  for (const [run] of text.matchAll(HAN_RUN)) {
    const characters = [...run];
    for (let size = 1; size <= MAX_HAN_GRAM; size++) {
      for (let start = 0; start + size <= characters.length; start++) {
        features.add(`z:${characters.slice(start, start + size).join("")}`);
      }
    }
  }
  const words = text.match(LATIN_WORD) ?? [];
  words.forEach((word, index) => {
    features.add(`e:${word}`);
    const next = words[index + 1];
    if (next !== undefined) features.add(`e:${word} ${next}`);
  });
  return features;
}

const linearModelSchema = z.strictObject({
  intercept: z.number(),
  weights: z.record(z.string(), z.number()),
});
export type LinearModel = z.infer<typeof linearModelSchema>;

export const classifierFileSchema = z.strictObject({
  /** How the model was made, for a reader of the file: the command and the messages it read. */
  about: z.string(),
  crisis: linearModelSchema,
  /** Each kind of crisis against the others, to name the kind where no warning sign does. */
  topics: z
    .strictObject(
      Object.fromEntries(namedCrisisTopics.map((topic) => [topic, linearModelSchema])) as Record<
        NamedCrisisTopic,
        typeof linearModelSchema
      >,
    )
    .optional(),
});
export type MessageClassifierModels = z.infer<typeof classifierFileSchema>;

/** The probability a linear model gives a message's features. */
export function probabilityOf(model: LinearModel, features: ReadonlySet<string>): number {
  let logit = model.intercept;
  for (const feature of features) logit += model.weights[feature] ?? 0;
  return 1 / (1 + Math.exp(-logit));
}

/** The least probability at which the model of topics names a crisis's kind. */
const TOPIC_PROBABILITY = 0.5;

export class MessageClassifier {
  constructor(private readonly models: Pick<MessageClassifierModels, "crisis" | "topics">) {}

  /** The model shipped with the service (`npm run train:safety` writes it). */
  static shipped(): MessageClassifier {
    const file = new URL("./message-classifier.json", import.meta.url);
    return new MessageClassifier(classifierFileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8"))));
  }

  /** How likely a message is to tell of a crisis. */
  crisisProbability(message: string): number {
    return this.read(message).crisisProbability;
  }

  /** The kind of crisis a message most likely tells of, where the model of topics is sure enough of one. */
  crisisTopic(message: string): NamedCrisisTopic | undefined {
    return this.read(message).crisisTopic();
  }

  /** A message read once (its features found once) for both of the models' readings of it. */
  read(message: string): { crisisProbability: number; crisisTopic: () => NamedCrisisTopic | undefined } {
    const features = messageFeatures(message);
    return {
      crisisProbability: probabilityOf(this.models.crisis, features),
      crisisTopic: () => this.topicOf(features),
    };
  }

  private topicOf(features: ReadonlySet<string>): NamedCrisisTopic | undefined {
    const { topics } = this.models;
    if (!topics) return undefined;
    const [best] = (Object.entries(topics) as [NamedCrisisTopic, LinearModel][])
      .map(([topic, model]) => [topic, probabilityOf(model, features)] as const)
      .sort(([, left], [, right]) => right - left);
    return best && best[1] >= TOPIC_PROBABILITY ? best[0] : undefined;
  }
}
