import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { PendingAction } from "../conversation/conversation-memory.js";
import type { ChatModel } from "../models/chat-model.js";
import type { Student } from "../students/verify-student-token.js";
import type { Equivalents } from "../text/vocabulary.js";
import type { ActionAudit } from "./action-audit.js";
import type { ActionConfirmations } from "./action-confirmations.js";
import { type ActionDefinition, fillTemplate } from "./action-definition.js";
import type { CallFailure, CallResult, RecordSystems } from "./call-record-system.js";
import { type ChosenAction, chooseActionWithModel } from "./choose-action.js";
import { type ActionMatcher, asksAboutTheAsker } from "./match-action.js";
import { type AnswerLanguage, renderRecord, renderRefusal } from "./render-record.js";
import { writeRecordAnswer } from "./write-record-answer.js";
import { answersNo, answersYes } from "./yes-or-no.js";

/** What every outcome of a look-up says besides its own. */
interface LookedUp {
  action: ActionDefinition;
  /** The language to reply in: the question's, or the conversation's when it continues a look-up. */
  language: AnswerLanguage;
  /** The question also asks something the record does not answer (see ActionMatch.recall). */
  asksMore: boolean;
  /**
   * The confirmed change this outcome is of: kept with the turn, so that the same confirmation sent
   * again (a retried request) gets this reply, and runs nothing.
   */
  confirmed?: PendingAction;
}

/** What a look-up came to, for the answer service to word as a reply. */
export type LookUpOutcome = LookedUp &
  (
    | {
        /** The record, or what a confirmed change came to (done, or refused with the system's reason). */
        kind: "record";
        text: string;
        readAt: Date;
        /** How closely the question matched the action's examples (0–1). */
        similarity: number;
      }
    /** "My …" from someone who has not signed in: nobody's record is read. */
    | { kind: "sign_in" }
    /** A detail the question did not give, or a change to confirm: asked, and the action waits for the next turn. */
    | { kind: "ask" | "confirm"; text: string; pending: PendingAction }
    /** The student said no to the change: nothing was done. */
    | { kind: "cancelled" }
    /** A confirmation sent again after its change was done (or while it runs): not run again. */
    | { kind: "done_before" | "in_progress" }
    /** The system did not answer, or not readably. */
    | { kind: "unavailable"; failure: CallFailure | "unreadable" }
    /** The student asked for more look-ups than their share: nothing was called. */
    | { kind: "limited"; retryAfterMinutes: number }
  );

export interface LookUpRequest {
  question: string;
  language: AnswerLanguage;
  /** The signed-in student, from a verified token; absent for anyone else. */
  student?: Student;
  /** The action the conversation's last turn asked a detail or a confirmation for, if any. */
  pending?: PendingAction;
  /** The deployment's synonyms, for matching questions to examples. */
  equivalents?: Equivalents;
}

/** Look-ups one student may make in a window, and of them changes. */
export interface StudentLookUpLimits {
  lookUps: { limit: number; windowMs: number };
  changes: { limit: number; windowMs: number };
}

/** Enough for a student who checks their records all day; a script reading records in a loop is not one. */
export const defaultStudentLookUpLimits: StudentLookUpLimits = {
  lookUps: { limit: 30, windowMs: 10 * 60_000 },
  changes: { limit: 5, windowMs: 10 * 60_000 },
};

export interface RecordLookUpOptions {
  limits?: StudentLookUpLimits;
  now?: () => number;
  /**
   * With a chat model, the model chooses the action by tool calling (falling back to the examples
   * when it fails) and words the record as the question asked for it, checked against the record.
   */
  model?: ChatModel;
}

/** Below this share of its weight covered by the action's example, a question asks more than the record. */
const ASKS_ONLY_THE_RECORD = 0.8;
/** Replies of changes kept by confirmation key, for a confirmation sent again (a retried request). */
const REMEMBERED_REPLIES = 1000;

/**
 * Answers "my …" questions from the organisation's systems: matches the question to an action,
 * fills its parameters (the student's id from the verified token only; others from the question,
 * or asked for), asks a change to be confirmed and runs it once, calls the system, and renders the
 * record. Every call is audited.
 */
export class RecordLookUps {
  private readonly counts = new LRUCache<string, number[]>({ max: 50_000 });
  private readonly replies = new LRUCache<string, LookUpOutcome>({ max: REMEMBERED_REPLIES });

  private readonly limits: StudentLookUpLimits;
  private readonly now: () => number;

  constructor(
    private readonly matcher: ActionMatcher,
    private readonly systems: RecordSystems,
    private readonly audit: ActionAudit,
    private readonly confirmations: ActionConfirmations,
    private readonly options: RecordLookUpOptions = {},
  ) {
    this.limits = options.limits ?? defaultStudentLookUpLimits;
    this.now = options.now ?? Date.now;
  }

  /** The look-up a question asks for, or undefined when it asks for none (it goes to the documents). */
  async lookUp(request: LookUpRequest): Promise<LookUpOutcome | undefined> {
    const { student, pending } = request;
    const waiting = pending && this.matcher.actions.find((action) => action.id === pending.actionId);
    if (pending?.confirmation && waiting && student && student.id === pending.studentId) {
      const looked: LookedUp = { action: waiting, language: pending.language, asksMore: false, confirmed: pending };
      if (answersYes(request.question)) return this.runConfirmed(looked, student, pending, pending.confirmation);
      if (answersNo(request.question)) return { ...looked, kind: "cancelled" };
    }
    const continued = waiting && !pending?.confirmation ? this.continuePending(request, waiting) : undefined;
    const match = continued ?? (await this.actionAskedFor(request));
    if (!match) return undefined;
    const { action } = match;
    const language = continued?.language ?? request.language;
    const looked: LookedUp = { action, language, asksMore: match.recall < ASKS_ONLY_THE_RECORD };
    if (!student) return { ...looked, kind: "sign_in" };
    // An action for other programmes is not this student's: their question goes to the documents.
    if (action.audiences && !(student.programme && action.audiences.includes(student.programme))) return undefined;
    const parameters: Record<string, string> = { ...match.parameters };
    for (const [name, parameter] of Object.entries(action.parameters)) {
      if (parameter.from === "token") parameters[name] = student.id;
      else if (parameters[name] === undefined) {
        const found = new RegExp(parameter.pattern, "u").exec(request.question);
        if (found) parameters[name] = found[1] ?? found[0];
        else
          return {
            ...looked,
            kind: "ask",
            text: parameter.ask[language],
            pending: { actionId: action.id, parameters: fromQuestion(action, parameters), language },
          };
      }
    }
    if (action.changes && action.confirm) {
      const text = fillTemplate(action.confirm[language], (name) => parameters[name] ?? "");
      const confirmation = randomUUID();
      const pendingChange = { actionId: action.id, parameters: fromQuestion(action, parameters), language };
      return { ...looked, kind: "confirm", text, pending: { ...pendingChange, confirmation, studentId: student.id } };
    }
    const limited = this.spend(student.id, "lookUps");
    if (limited) return { ...looked, ...limited };
    const result = await this.systems.call(action, parameters);
    const outcome = this.outcomeOf(looked, student, parameters, result, match.similarity);
    if (outcome.kind !== "record" || !result.ok || !this.options.model) return outcome;
    const written = await writeRecordAnswer(this.options.model, {
      question: request.question,
      language,
      record: result.body,
      rendered: outcome.text,
    });
    return { ...outcome, text: written.text };
  }

  /**
   * The action a question asks for, with the parameters read so far: chosen by the model when one is
   * configured (by the examples when it fails), else by the examples. Only a question about the
   * asker is looked at.
   */
  private async actionAskedFor(
    request: LookUpRequest,
  ): Promise<
    { action: ActionDefinition; similarity: number; recall: number; parameters: Record<string, string> } | undefined
  > {
    const lexical = this.matcher.match(request.question, request.equivalents);
    const { model } = this.options;
    if (!model || !asksAboutTheAsker(request.question)) return lexical && { ...lexical, parameters: {} };
    let chosen: ChosenAction | undefined;
    try {
      chosen = await chooseActionWithModel(model, request.question, this.matcher.actions);
    } catch {
      return lexical && { ...lexical, parameters: {} };
    }
    if (!chosen) return undefined;
    // How much of the question the examples say decides whether the documents are asked too.
    const recall = lexical?.action === chosen.action ? lexical.recall : 0;
    return {
      action: chosen.action,
      similarity: lexical?.action === chosen.action ? lexical.similarity : 1,
      recall,
      parameters: chosen.parameters,
    };
  }

  /** A confirmed change, run once: a confirmation sent again gets what the first one came to. */
  private async runConfirmed(
    looked: LookedUp,
    student: Student,
    pending: PendingAction,
    confirmation: string,
  ): Promise<LookUpOutcome> {
    const { action } = looked;
    if (!this.confirmations.claim(confirmation, action.id, student.id)) {
      const earlier = this.replies.get(confirmation);
      if (earlier) return earlier;
      // Claimed, and still running, or done where its reply is not remembered: said so, not run again.
      return {
        ...looked,
        kind: this.confirmations.outcomeOf(confirmation) === undefined ? "in_progress" : "done_before",
      };
    }
    const limited = this.spend(student.id, "changes");
    if (limited) {
      this.confirmations.finish(confirmation, "limited");
      return { ...looked, ...limited };
    }
    const parameters = { ...pending.parameters };
    for (const [name, parameter] of Object.entries(action.parameters))
      if (parameter.from === "token") parameters[name] = student.id;
    const result = await this.systems.call(action, parameters, { idempotencyKey: confirmation });
    const outcome = this.outcomeOf(looked, student, parameters, result, 1);
    this.confirmations.finish(confirmation, outcome.kind === "record" ? "ok" : outcome.kind);
    this.replies.set(confirmation, outcome);
    return outcome;
  }

  /** The reply a call came to, audited: the record, the system's refusal in its own words, or unavailable. */
  private outcomeOf(
    looked: LookedUp,
    student: Student,
    parameters: Record<string, string>,
    result: CallResult,
    similarity: number,
  ): LookUpOutcome {
    const { action, language } = looked;
    // A 4xx but 401 and 403 (the service's own key is wrong: the system is as good as down) is a refusal.
    const refusal =
      !result.ok && result.status !== undefined && result.status < 500 && ![401, 403].includes(result.status)
        ? renderRefusal(action, result.body, language, parameters)
        : undefined;
    const rendered = result.ok ? renderRecord(action, result.body, language, parameters) : refusal;
    const outcome = result.ok ? (rendered === undefined ? "unreadable" : "ok") : refusal ? "refused" : result.failure;
    this.audit.record({
      actionId: action.id,
      studentId: student.id,
      outcome,
      latencyMs: result.latencyMs,
      ...(!result.ok && result.status !== undefined ? { httpStatus: result.status } : {}),
    });
    if (rendered === undefined)
      return { ...looked, kind: "unavailable", failure: result.ok ? "unreadable" : result.failure };
    return { ...looked, kind: "record", text: rendered, readAt: new Date(this.now()), similarity };
  }

  /** Counts a look-up or change against the student's share; the wait when the share is spent. */
  private spend(
    studentId: string,
    kind: keyof StudentLookUpLimits,
  ): { kind: "limited"; retryAfterMinutes: number } | undefined {
    const { limit, windowMs } = this.limits[kind];
    const now = this.now();
    const key = `${kind}:${studentId}`;
    const recent = (this.counts.get(key) ?? []).filter((at) => at > now - windowMs);
    if (recent.length >= limit) {
      const retryAfterMinutes = Math.max(1, Math.ceil(((recent[0] ?? now) + windowMs - now) / 60_000));
      return { kind: "limited", retryAfterMinutes };
    }
    this.counts.set(key, [...recent, now]);
    return undefined;
  }

  /**
   * The pending action, when this turn gives the detail it asked for (「CS101」 after "which
   * course?"); a turn that asks something else of its own leaves it.
   */
  private continuePending(request: LookUpRequest, action: ActionDefinition) {
    const { pending } = request;
    if (!pending) return undefined;
    const answersIt = Object.values(action.parameters).some(
      (parameter) => parameter.from === "question" && new RegExp(parameter.pattern, "u").test(request.question),
    );
    if (!answersIt || (asksAboutTheAsker(request.question) && this.matcher.match(request.question))) return undefined;
    return { action, similarity: 1, recall: 1, parameters: { ...pending.parameters }, language: pending.language };
  }
}

/** The parameters a question gave: never the student's id, which is read from each turn's token. */
function fromQuestion(action: ActionDefinition, parameters: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(parameters).filter(([name]) => action.parameters[name]?.from !== "token"));
}
