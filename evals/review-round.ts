import type { PassagePhrasings } from "../src/editorial/passage-phrasings.js";
import { ConflictError } from "../src/errors.js";
import type { ChunkRecord, IndexStore } from "../src/store/index-store.js";
import type { EvalCase } from "./eval-cases.js";
import { isHeldOut } from "./golden-split.js";
import { type CaseResult, computeMetrics, containsFacts, type EvalMetrics, isAnswered } from "./metrics.js";

/** Who the simulated review round's phrasings are taught by, in the audit trail of its scratch file. */
const REVIEWER = { name: "eval review round", keyId: "eval" };

/** One group of questions before and after the round. */
export interface ReviewRoundRow {
  group: string;
  before: EvalMetrics;
  after: EvalMetrics;
}

export interface ReviewRoundReport {
  /** The tuning part's answerable questions not answered correctly before the round, by id. */
  misses: number;
  /** Of those, the ones whose wording was taught (every other by id)… */
  taught: string[];
  /** …those left as they were… */
  untouched: string[];
  /** …and those chosen but not taught: no passage of an expected document holds one of their facts. */
  withoutPassage: string[];
  rows: ReviewRoundRow[];
  /** Each taught question after the round: what was answered, how sure, and whether it holds every fact. */
  taughtAfter: Pick<CaseResult, "id" | "confidence" | "answerCorrect" | "answer" | "citedDocIds">[];
  /** Questions not taught whose answer changed, with what they got before and after. */
  changedElsewhere: { id: string; before: string; after: string }[];
}

/**
 * One review round as an editor would do it, simulated on a golden set: of the tuning part's
 * answerable questions that were not answered correctly, every other one (by id, so the choice is
 * fixed) is taught as a phrasing of the passage of its expected document that holds its facts,
 * through the same code the editors' page uses, which re-writes only that document's chunks. Then
 * every question is asked again. The held-out part is never taught: it only shows what the taught
 * wordings do to questions nobody looked at.
 */
export async function simulateReviewRound(
  store: IndexStore,
  phrasings: PassagePhrasings,
  cases: EvalCase[],
  before: CaseResult[],
  options: { threshold: number; askAgain: () => Promise<CaseResult[]> },
): Promise<ReviewRoundReport> {
  const { threshold } = options;
  const byId = new Map(cases.map((testCase) => [testCase.id, testCase]));
  const misses = before
    .filter((result) => !isHeldOut(result.id) && result.answerable)
    .filter((result) => !(isAnswered(result, threshold) && result.answerCorrect))
    .map((result) => result.id)
    .sort();
  const chosen = misses.filter((_, index) => index % 2 === 0);
  const taught: string[] = [];
  const withoutPassage: string[] = [];
  for (const id of chosen) {
    const testCase = byId.get(id);
    const passage = testCase && (await passageWithFacts(store, testCase));
    if (!testCase || !passage) {
      withoutPassage.push(id);
      continue;
    }
    try {
      await phrasings.teach({ docId: passage.docId, chunkId: passage.chunkId, text: testCase.question }, REVIEWER);
    } catch (error) {
      // Two questions worded alike for one passage: the first taught covers both.
      if (!(error instanceof ConflictError)) throw error;
    }
    taught.push(id);
  }
  const after = await options.askAgain();
  const groups: [string, (result: CaseResult) => boolean][] = [
    ["taught (tuning)", (result) => taught.includes(result.id)],
    ["untouched misses (tuning)", (result) => misses.includes(result.id) && !chosen.includes(result.id)],
    ["held-out, all", (result) => isHeldOut(result.id)],
    ...[...new Set(before.filter((result) => isHeldOut(result.id)).map((result) => result.kind ?? "unlabelled"))].map(
      (kind): [string, (result: CaseResult) => boolean] => [
        `held-out, ${kind}`,
        (result) => isHeldOut(result.id) && (result.kind ?? "unlabelled") === kind,
      ],
    ),
  ];
  const outcome = (result: CaseResult | undefined) =>
    result && isAnswered(result, threshold)
      ? `${result.answerCorrect ? "correct" : "answered"} (${result.mode}, ${result.confidence}): ${result.answer.slice(0, 120)}`
      : "not answered";
  const beforeById = new Map(before.map((result) => [result.id, result]));
  return {
    changedElsewhere: after
      .filter((result) => !taught.includes(result.id))
      .map((result) => ({ id: result.id, before: outcome(beforeById.get(result.id)), after: outcome(result) }))
      .filter((change) => change.before !== change.after),
    misses: misses.length,
    taught,
    untouched: misses.filter((id) => !chosen.includes(id)),
    withoutPassage,
    taughtAfter: after
      .filter((result) => taught.includes(result.id))
      .map(({ id, confidence, answerCorrect, answer, citedDocIds }) => ({
        id,
        confidence,
        answerCorrect,
        answer,
        citedDocIds,
      })),
    rows: groups.map(([group, isIn]) => ({
      group,
      before: computeMetrics(before.filter(isIn), threshold),
      after: computeMetrics(after.filter(isIn), threshold),
    })),
  };
}

/**
 * The chunk of an expected document that holds the most of the question's facts (all of them, when
 * one does), first in reading order on a tie; none when no chunk holds any.
 */
async function passageWithFacts(store: IndexStore, testCase: EvalCase): Promise<ChunkRecord | undefined> {
  let best: { chunk: ChunkRecord; facts: number } | undefined;
  for (const docId of testCase.expectedDocIds) {
    for (const chunk of (await store.getDocument(docId))?.chunks ?? []) {
      const facts = testCase.facts.filter((fact) => containsFacts(chunk.text, [fact], "all")).length;
      if (facts > 0 && facts > (best?.facts ?? 0)) best = { chunk, facts };
    }
  }
  return best?.chunk;
}

/** The round as a table: each group's questions, and its figures before → after. */
export function formatReviewRound(name: string, round: ReviewRoundReport): string[] {
  const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;
  const change = (before: number, after: number, shown: boolean) =>
    (shown ? `${percent(before)} → ${percent(after)}` : "–").padStart(17);
  const lines = [
    `\n${name}: one review round (${round.misses} answerable misses in the tuning part; ${round.taught.length} taught, ${round.untouched.length} untouched${round.withoutPassage.length > 0 ? `, ${round.withoutPassage.length} with no passage holding a fact` : ""})`,
    "  group                       questions    answer-correct              hit@1   confidently-wrong  unanswerable-abstained",
  ];
  for (const { group, before, after } of round.rows) {
    const answerable = before.answerable > 0;
    lines.push(
      `  ${group.padEnd(26)} ${String(before.questions).padStart(10)} ${change(before.answerCorrectness, after.answerCorrectness, answerable)} ${change(before.hitAt1, after.hitAt1, answerable)} ${`${before.confidentlyWrongCount} → ${after.confidentlyWrongCount}`.padStart(19)} ${change(before.abstention.recall, after.abstention.recall, before.unanswerable > 0).padStart(23)}`,
    );
  }
  return lines;
}
