import { Worker } from "node:worker_threads";
import type { PersonalDataPatterns } from "./personal-data-patterns.js";

/** How long a deployment's pattern may take on the probes: a linear one needs milliseconds. */
const PATTERN_BUDGET_MS = 2000;

/**
 * Runs of one kind of character, then one that ends the run: what makes a nested quantifier such
 * as `(\w+)+@` backtrack without end. A pattern is tried on each, as long as the longest text masked.
 */
const RUN_CHARACTERS = ["a", "Z", "1", " ", ".", "-", "_", "@", "+", "中", "a1", "a."];

/** Runs the patterns it is sent on the probes, and says so when it is done. */
const PROBE_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
// matchAll needs the g flag: without it, it throws, and the pattern would pass untried.
const pattern = new RegExp(workerData.source, workerData.flags.includes("g") ? workerData.flags : workerData.flags + "g");
for (const run of workerData.runs) {
  const repeated = run.repeat(Math.ceil(workerData.length / run.length));
  for (const text of [repeated + "!", repeated]) {
    for (const _ of text.matchAll(pattern));
  }
}
parentPort.postMessage("done");
`;

/**
 * The index of the first pattern that does not get through long runs of letters, digits or
 * punctuation within `budgetMs`, or undefined. Each is run in a worker thread that is stopped when
 * its time is up: a pattern that backtracks exponentially would otherwise never return, and later
 * stall every request whose text it masks.
 */
export async function findSlowPattern(
  patterns: readonly { pattern: RegExp }[],
  options: { textLength: number; budgetMs: number },
): Promise<number | undefined> {
  for (const [index, { pattern }] of patterns.entries()) {
    const finished = await runsWithin(pattern, options);
    if (!finished) return index;
  }
  return undefined;
}

async function runsWithin(pattern: RegExp, options: { textLength: number; budgetMs: number }): Promise<boolean> {
  const worker = new Worker(PROBE_WORKER, {
    eval: true,
    workerData: { source: pattern.source, flags: pattern.flags, runs: RUN_CHARACTERS, length: options.textLength },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), options.budgetMs);
      worker.once("message", () => resolve(true));
      // The pattern compiled at start-up already; any other failure of the worker is not the pattern's.
      worker.once("error", () => resolve(true));
    });
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}

/**
 * What is wrong with the slowest of a deployment's personal-data patterns, said as a configuration
 * problem naming the file and the entry, or undefined when each runs in time on text of
 * `textLength` characters (the longest text masked).
 */
export async function slowPersonalDataPattern(
  settings: PersonalDataPatterns,
  textLength: number,
): Promise<string | undefined> {
  const index = await findSlowPattern(settings.patterns, { textLength, budgetMs: PATTERN_BUDGET_MS });
  if (index === undefined) return undefined;
  const name = settings.patterns[index]?.name;
  return `Invalid configuration. Fix these environment variables:
  PERSONAL_DATA_PATTERNS_FILE: ${settings.file}: patterns[${index}] (${name}): takes more than ${PATTERN_BUDGET_MS / 1000} s on ${textLength.toLocaleString("en")} characters of one letter, digit or sign in a row, and would stall every answer it masks; rewrite it without a repetition inside a repetition, such as (\\w+)+`;
}
