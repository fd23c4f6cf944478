import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type CommandContext, runWhenMain } from "../src/command-line.js";
import { safetyText } from "../src/safety/detect-safety-concern.js";
import { type LinearModel, type MessageClassifierModels, messageFeatures } from "../src/safety/message-classifier.js";
import { type NamedCrisisTopic, namedCrisisTopics } from "../src/safety/safety-topics.js";
import { seededRandom } from "../src/seeded-random.js";
import { loadGoldenSet } from "./eval-cases.js";

/**
 * The messages the safety classifier learns from: sets we wrote for many kinds of help desk, each
 * a folder of `ordinary.txt`, `crisis.txt` and `harmful.txt`, one message a line. A line may open
 * with its topic and a tab (`self_harm\t…`): a crisis so labelled also teaches the model of topics.
 */
export const SAFETY_MESSAGES = path.join(import.meta.dirname, "safety-messages");

export interface SafetyMessageSet {
  name: string;
  ordinary: string[];
  crisis: string[];
  harmful: string[];
  /** The crises whose line names their topic, with it. */
  crisisTopics: { topic: NamedCrisisTopic; message: string }[];
}

const TOPIC_PREFIX = /^([a-z_]+)\t/;

/** A file's messages, one a line, each with the topic its line opens with, if any. */
function readLabelledLines(file: string): { topic: string | undefined; message: string }[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((line) => ({ topic: TOPIC_PREFIX.exec(line)?.[1], message: line.replace(TOPIC_PREFIX, "").trim() }))
    .filter(({ message }) => message !== "");
}

const isNamedCrisisTopic = (topic: string | undefined): topic is NamedCrisisTopic =>
  namedCrisisTopics.includes(topic as NamedCrisisTopic);

export function readSafetyMessageSet(folder: string): SafetyMessageSet {
  const messagesOf = (file: string) => readLabelledLines(path.join(folder, file)).map(({ message }) => message);
  const crises = readLabelledLines(path.join(folder, "crisis.txt"));
  const set = {
    name: path.basename(folder),
    ordinary: messagesOf("ordinary.txt"),
    crisis: crises.map(({ message }) => message),
    harmful: messagesOf("harmful.txt"),
    crisisTopics: crises.flatMap(({ topic, message }) => (isNamedCrisisTopic(topic) ? [{ topic, message }] : [])),
  };
  if (set.ordinary.length + set.crisis.length + set.harmful.length === 0)
    throw new Error(`${folder}: no ordinary.txt, crisis.txt or harmful.txt with messages`);
  return set;
}

export function readSafetyMessageSets(folder = SAFETY_MESSAGES): SafetyMessageSet[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readSafetyMessageSet(path.join(folder, entry.name)))
    .sort((left, right) => codePointOrder(left.name, right.name));
}

/** The sample deployments' questions, none in distress: more ordinary messages to learn from. */
export function sampleQuestions(): string[] {
  const evals = import.meta.dirname;
  return [
    "golden-set.jsonl",
    "city-office/golden-set.jsonl",
    "city-office/faq-paraphrases.jsonl",
    "shop/golden-set.jsonl",
  ]
    .flatMap((file) => loadGoldenSet(path.join(evals, file)))
    .filter((testCase) => testCase.expectedStatus !== "safety" && testCase.expectedStatus !== "declined")
    .map((testCase) => testCase.question);
}

/** The same order on every machine, whatever its locale: the model file's bytes depend on it. */
function codePointOrder(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

interface Example {
  features: ReadonlySet<string>;
  label: 0 | 1;
}

const EPOCHS = 30;
const LEARNING_RATE = 0.2;
/** Shrinks a feature's weight each time a message holding it is read (lazily: features absent are left). */
const L2 = 0.001;
const INTERCEPT_RATE = 0.1;
/** Weights this small change no probability the service acts on: left out of the file. */
const SMALLEST_WEIGHT = 0.05;

/**
 * Logistic regression by stochastic gradient descent over sparse features, the rarer class weighed
 * up to the other's count: a few dozen crises among hundreds of ordinary messages.
 */
export function trainLinearModel(examples: readonly Example[]): LinearModel {
  const positives = examples.filter((example) => example.label === 1).length;
  const negatives = examples.length - positives;
  if (positives === 0 || negatives === 0) throw new Error("training needs messages of both kinds");
  const positiveWeight = negatives / positives;
  const weights = new Map<string, number>();
  let intercept = 0;
  const random = seededRandom(19);
  const order = examples.map((_, index) => index);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other] as number, order[index] as number];
    }
    const rate = LEARNING_RATE / (1 + epoch / 10);
    for (const position of order) {
      const { features, label } = examples[position] as Example;
      let logit = intercept;
      for (const feature of features) logit += weights.get(feature) ?? 0;
      const error = (1 / (1 + Math.exp(-Math.max(-30, Math.min(30, logit)))) - label) * (label ? positiveWeight : 1);
      // The intercept moves a tenth as fast: every message moves it, and a few dozen crises among
      // hundreds of others would swing it from one side to the other.
      intercept -= rate * error * INTERCEPT_RATE;
      for (const feature of features) {
        const weight = weights.get(feature) ?? 0;
        weights.set(feature, weight - rate * (error + L2 * weight));
      }
    }
  }
  const kept = [...weights]
    .filter(([, weight]) => Math.abs(weight) >= SMALLEST_WEIGHT)
    .sort(([left], [right]) => codePointOrder(left, right))
    .map(([feature, weight]) => [feature, Math.round(weight * 1e4) / 1e4] as const);
  return { intercept: Math.round(intercept * 1e4) / 1e4, weights: Object.fromEntries(kept) };
}

/**
 * The models: a crisis against everything else, harmful requests among the rest; and, where crises
 * name their topic, each topic against the other crises.
 */
export function trainMessageClassifier(
  sets: readonly SafetyMessageSet[],
  moreOrdinary: readonly string[] = [],
): Pick<MessageClassifierModels, "crisis" | "topics"> {
  const read = (texts: readonly string[], label: 0 | 1): Example[] =>
    texts.map((text) => ({ features: messageFeatures(safetyText(text)), label }));
  const ordinary = read([...sets.flatMap((set) => set.ordinary), ...moreOrdinary], 0);
  const crisis = sets.flatMap((set) => set.crisis);
  const harmful = sets.flatMap((set) => set.harmful);
  const model = { crisis: trainLinearModel([...ordinary, ...read(harmful, 0), ...read(crisis, 1)]) };
  const labelled = sets.flatMap((set) => set.crisisTopics);
  const everyTopicTaught = namedCrisisTopics.every((topic) => labelled.some((crisis) => crisis.topic === topic));
  if (!everyTopicTaught) return model;
  const features = labelled.map(({ message }) => messageFeatures(safetyText(message)));
  const topicModel = (topic: NamedCrisisTopic) =>
    trainLinearModel(
      labelled.map((crisis, index) => ({
        features: features[index] as ReadonlySet<string>,
        label: crisis.topic === topic ? 1 : 0,
      })),
    );
  const topics = Object.fromEntries(namedCrisisTopics.map((topic) => [topic, topicModel(topic)]));
  return { ...model, topics: topics as Record<NamedCrisisTopic, LinearModel> };
}

/** `npm run train:safety`: trains on every set under evals/safety-messages and writes the shipped model. */
export async function trainSafetyCommand(_argv: string[], { stdout, stderr }: CommandContext): Promise<number> {
  try {
    const sets = readSafetyMessageSets();
    const moreOrdinary = sampleQuestions();
    const models = trainMessageClassifier(sets, moreOrdinary);
    const counts = (pick: (set: SafetyMessageSet) => string[]) => sets.reduce((sum, set) => sum + pick(set).length, 0);
    const file: MessageClassifierModels = {
      about: `npm run train:safety: ${sets.length} sets of evals/safety-messages (${counts((set) => set.ordinary)} ordinary, ${counts((set) => set.crisis)} crisis, ${counts((set) => set.harmful)} harmful messages) and ${moreOrdinary.length} sample questions`,
      ...models,
    };
    const target = fileURLToPath(new URL("../src/safety/message-classifier.json", import.meta.url));
    // One weight a line, so that a retrained model's diff shows what moved.
    fs.writeFileSync(target, `${JSON.stringify(file, null, 1)}\n`);
    stdout.write(
      `${file.about}\nwrote ${path.relative(process.cwd(), target)}: ${Object.keys(models.crisis.weights).length} weights\n`,
    );
    return 0;
  } catch (error) {
    stderr.write(`train:safety failed: ${(error as Error).message}\n`);
    return 1;
  }
}

runWhenMain(import.meta.url, trainSafetyCommand);
