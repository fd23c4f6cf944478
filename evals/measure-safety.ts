import { parseArgs } from "node:util";
import { type CommandContext, runWhenMain } from "../src/command-line.js";
import { detectSafetyConcern } from "../src/safety/detect-safety-concern.js";
import { MessageClassifier } from "../src/safety/message-classifier.js";
import {
  readSafetyMessageSet,
  readSafetyMessageSets,
  type SafetyMessageSet,
  sampleQuestions,
  trainMessageClassifier,
} from "./train-message-classifier.js";

const USAGE = `usage: npm run eval:safety [-- --held-out DIR]
  (no options)     each set of evals/safety-messages read with a classifier trained on the others,
                   against the patterns and signs alone
  --held-out DIR   also a set outside the repository (ordinary.txt, crisis.txt, harmful.txt),
                   read with a classifier trained on every set of evals/safety-messages`;

export interface SafetyFigures {
  ordinaryFlagged: number;
  ordinary: number;
  crisisMissed: number;
  crisis: number;
  harmfulMissed: number;
  harmful: number;
}

/** How a detector reads a set: ordinary messages flagged, crises and harmful requests missed. */
export function measureSet(set: SafetyMessageSet, classifier: MessageClassifier | null): SafetyFigures {
  const read = (message: string) => detectSafetyConcern(message, classifier);
  return {
    ordinaryFlagged: set.ordinary.filter((message) => read(message) !== undefined).length,
    ordinary: set.ordinary.length,
    crisisMissed: set.crisis.filter((message) => read(message)?.kind !== "crisis").length,
    crisis: set.crisis.length,
    harmfulMissed: set.harmful.filter((message) => read(message)?.kind !== "harmful_request").length,
    harmful: set.harmful.length,
  };
}

/** Every row's figures added up. */
function total(rows: readonly SafetyFigures[]): SafetyFigures {
  const sum = (field: keyof SafetyFigures) => rows.reduce((sum, row) => sum + row[field], 0);
  return {
    ordinaryFlagged: sum("ordinaryFlagged"),
    ordinary: sum("ordinary"),
    crisisMissed: sum("crisisMissed"),
    crisis: sum("crisis"),
    harmfulMissed: sum("harmfulMissed"),
    harmful: sum("harmful"),
  };
}

function formatFigures(figures: SafetyFigures): string {
  return (
    `${figures.ordinaryFlagged}/${figures.ordinary}`.padEnd(10) +
    `${figures.crisisMissed}/${figures.crisis}`.padEnd(10) +
    `${figures.harmfulMissed}/${figures.harmful}`
  );
}

async function measure(argv: string[], { stdout }: CommandContext): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { "held-out": { type: "string" } } });
  const print = (line: string) => stdout.write(`${line}\n`);
  const sets = readSafetyMessageSets();
  const moreOrdinary = sampleQuestions();
  print(
    "safety: each set read with a classifier trained on the other sets (ordinary flagged, crisis missed, harmful missed)",
  );
  print(`  ${"set".padEnd(20)}${"patterns and signs".padEnd(32)}with the classifier`);
  const alone: SafetyFigures[] = [];
  const withClassifier: SafetyFigures[] = [];
  for (const set of sets) {
    const others = sets.filter((other) => other !== set);
    const classifier = new MessageClassifier(trainMessageClassifier(others, moreOrdinary));
    alone.push(measureSet(set, null));
    withClassifier.push(measureSet(set, classifier));
    print(
      `  ${set.name.padEnd(20)}${formatFigures(alone.at(-1) as SafetyFigures).padEnd(32)}${formatFigures(withClassifier.at(-1) as SafetyFigures)}`,
    );
  }
  print(`  ${"all".padEnd(20)}${formatFigures(total(alone)).padEnd(32)}${formatFigures(total(withClassifier))}`);
  const heldOut = values["held-out"];
  if (heldOut) {
    const set = readSafetyMessageSet(heldOut);
    const classifier = new MessageClassifier(trainMessageClassifier(sets, moreOrdinary));
    print(
      `  ${"held out".padEnd(20)}${formatFigures(measureSet(set, null)).padEnd(32)}${formatFigures(measureSet(set, classifier))}`,
    );
  }
}

export async function measureSafetyCommand(argv: string[], context: CommandContext): Promise<number> {
  try {
    await measure(argv, context);
    return 0;
  } catch (error) {
    context.stderr.write(`eval:safety failed: ${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
}

runWhenMain(import.meta.url, measureSafetyCommand);
