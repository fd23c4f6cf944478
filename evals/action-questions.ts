import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { z } from "zod";
import { ActionAudit } from "../src/actions/action-audit.js";
import { ActionConfirmations } from "../src/actions/action-confirmations.js";
import type { LookUpOutcome, RecordLookUps } from "../src/actions/look-up-records.js";
import type { AnswerService, AskRequest } from "../src/ask/answer-service.js";
import type { EditorialTables } from "../src/database/editorial-tables.js";
import type { Student } from "../src/students/verify-student-token.js";
import { startFakeStudentSystem } from "../src/test-support/fake-student-system.js";
import { sampleRecordLookUps } from "../src/test-support/record-look-ups.js";
import { isHeldOut } from "./golden-split.js";

/** One question of the set: whether its asker is signed in, and the action that should answer it (none: the documents). */
const actionQuestionSchema = z.strictObject({
  id: z.string().min(1),
  question: z.string().min(1),
  lang: z.enum(["zh-Hant", "zh-Hans", "en"]),
  signed_in: z.boolean(),
  expected_action: z.string().min(1).nullable(),
});
type ActionQuestion = z.infer<typeof actionQuestionSchema>;

/** The student the signed-in questions are asked as. */
const STUDENT: Student = { id: "s1141234", programme: "undergraduate" };

export interface ActionQuestionResult {
  id: string;
  signedIn: boolean;
  expectedAction: string | null;
  /** The action that took the question, and what it came to; none when it went to the documents. */
  action?: string;
  outcome?: LookUpOutcome["kind"];
  status: string;
  /** Paths of the system calls this question made. */
  calls: string[];
}

export interface ActionFigures {
  questions: number;
  /** Of questions that ask for a record: the right action took them (a record, a sign-in reply, a question back or a confirmation). */
  recordQuestions: number;
  rightAction: number;
  wrongAction: number;
  missed: number;
  /** Of questions that ask for none: an action took them anyway. */
  ruleQuestions: number;
  falseLookUps: number;
  /** Of the signed-out: a reply asking them to sign in, with no call made. */
  signedOut: number;
  signInReplies: number;
  /** Calls for any student but the one signed in: must be 0. */
  callsForAnotherStudent: number;
}

export function loadActionQuestions(file: string): ActionQuestion[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, index) => {
      const parsed = actionQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/**
 * Students' questions about their own records (and rule questions that mention themselves), asked
 * of the answer service with the sample university's actions against the fake student-information system:
 * which action took each, whether a signed-out asker was asked to sign in, and whether any call
 * was for another student than the one signed in.
 */
export async function runActionQuestions(
  questions: ActionQuestion[],
  answersWith: (records: RecordLookUps) => AnswerService,
  database: Kysely<EditorialTables>,
): Promise<ActionQuestionResult[]> {
  const system = await startFakeStudentSystem();
  try {
    const records = sampleRecordLookUps(
      system,
      { actionAudit: new ActionAudit(database), actionConfirmations: new ActionConfirmations(database) },
      // Every question of the set is one student's: no share is spent.
      { limits: { lookUps: { limit: 1_000_000, windowMs: 1 }, changes: { limit: 1_000_000, windowMs: 1 } } },
    );
    const answers = answersWith(records);
    const results: ActionQuestionResult[] = [];
    for (const question of questions) {
      const before = system.requests.length;
      let lookUp: LookUpOutcome | undefined;
      const request: AskRequest = {
        question: question.question,
        // As the chat page asks: in a conversation of its own, where a detail or a confirmation can follow.
        conversationId: `eval-${question.id}`,
        ...(question.signed_in ? { student: STUDENT } : {}),
      };
      const reply = await answers.ask(request, { onLookUp: (outcome) => (lookUp = outcome) });
      results.push({
        id: question.id,
        signedIn: question.signed_in,
        expectedAction: question.expected_action,
        ...(lookUp ? { ...(lookUp.action ? { action: lookUp.action.id } : {}), outcome: lookUp.kind } : {}),
        status: reply.status,
        calls: system.requests.slice(before).map((call) => call.path),
      });
    }
    return results;
  } finally {
    await system.close();
  }
}

export function actionFigures(results: ActionQuestionResult[]): ActionFigures {
  const asksForRecord = results.filter((result) => result.expectedAction !== null);
  const asksForNone = results.filter((result) => result.expectedAction === null);
  const signedOut = asksForRecord.filter((result) => !result.signedIn);
  return {
    questions: results.length,
    recordQuestions: asksForRecord.length,
    rightAction: asksForRecord.filter((result) => result.action === result.expectedAction).length,
    wrongAction: asksForRecord.filter((result) => result.action && result.action !== result.expectedAction).length,
    missed: asksForRecord.filter((result) => !result.action).length,
    ruleQuestions: asksForNone.length,
    falseLookUps: asksForNone.filter((result) => result.action).length,
    signedOut: signedOut.length,
    signInReplies: signedOut.filter(
      (result) => result.outcome === "sign_in" && result.action === result.expectedAction && result.calls.length === 0,
    ).length,
    callsForAnotherStudent: results
      .flatMap((result) => result.calls)
      .filter((call) => !call.startsWith(`/students/${STUDENT.id}/`)).length,
  };
}

/** The figures of the tuning part, the held-out part and both, as lines to print. */
export function formatActionFigures(results: ActionQuestionResult[]): {
  lines: string[];
  figures: Record<string, ActionFigures>;
} {
  const figures = {
    tuning: actionFigures(results.filter((result) => !isHeldOut(result.id))),
    heldOut: actionFigures(results.filter((result) => isHeldOut(result.id))),
    both: actionFigures(results),
  };
  const lines = [
    "\nactions: students' questions about their own records, against the fake student-information system",
    "  part       questions  record-questions  right-action  wrong-action  missed  rule-questions  false-look-ups  signed-out  asked-to-sign-in  calls-for-another-student",
  ];
  for (const [part, f] of Object.entries(figures)) {
    lines.push(
      `  ${(part === "heldOut" ? "held-out" : part).padEnd(10)} ${String(f.questions).padStart(9)} ${String(f.recordQuestions).padStart(17)} ${String(f.rightAction).padStart(13)} ${String(f.wrongAction).padStart(13)} ${String(f.missed).padStart(7)} ${String(f.ruleQuestions).padStart(15)} ${String(f.falseLookUps).padStart(15)} ${String(f.signedOut).padStart(11)} ${String(f.signInReplies).padStart(17)} ${String(f.callsForAnotherStudent).padStart(26)}`,
    );
  }
  return { lines, figures };
}

/** The sample university's action questions, and the knowledge folder whose documents and actions answer them. */
export const ACTION_QUESTIONS = { file: path.join("evals", "actions", "questions.jsonl"), knowledge: "knowledge" };
