import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { PendingAction } from "../conversation/conversation-memory.js";
import type { ChatModel, ToolDefinition } from "../models/chat-model.js";
import type { Student } from "../students/verify-student-token.js";
import { asksAboutTheAsker } from "../text/asks-about-the-asker.js";
import type { Equivalents } from "../text/vocabulary.js";
import type { ActionAudit } from "./action-audit.js";
import type { ActionConfirmations } from "./action-confirmations.js";
import { type ActionDefinition, fillTemplate, valueIn } from "./action-definition.js";
import type { CallFailure, CallResult, RecordSystems } from "./call-record-system.js";
import { actionTools, type ChosenAction, chooseActionWithModel } from "./choose-action.js";
import type { ActionMatcher } from "./match-action.js";
import { type AnswerLanguage, renderRecord, renderRefusal } from "./render-record.js";
import { type StudentLookUpLimits, StudentShares } from "./student-shares.js";
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
export type LookUpOutcome =
  /** A bare yes or no with no change of the asker's waiting for one. */
  | { kind: "nothing_to_confirm"; language: AnswerLanguage; action?: undefined; confirmed?: undefined }
  | (LookedUp &
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
        /** A detail or a confirmation would be needed, and the request has no conversation to give it in. */
        | { kind: "needs_conversation" }
        /** The system has no record of this student (404 to a look-up). */
        | { kind: "no_record" }
        /** A confirmation sent again after its change was done (or while it runs): not run again. */
        | { kind: "done_before" | "in_progress" }
        /** The system did not answer, or not readably. */
        | { kind: "unavailable"; failure: CallFailure }
        /** The student asked for more look-ups than their share: nothing was called. */
        | { kind: "limited"; retryAfterMinutes: number }
      ));

export interface LookUpRequest {
  question: string;
  language: AnswerLanguage;
  /** The signed-in student, from a verified token; absent for anyone else. */
  student?: Student;
  /** The action the conversation's last turn asked a detail or a confirmation for, if any. */
  pending?: PendingAction;
  /** The deployment's synonyms, for matching questions to examples. */
  equivalents?: Equivalents;
  /** The asker went away, or the answer's time is up: model calls stop. */
  signal?: AbortSignal;
  /**
   * Whether the next turn will be read with this one (a remembered conversation): without one, a
   * detail or a confirmation cannot be asked for.
   */
  inConversation: boolean;
}

export interface RecordLookUpOptions {
  limits?: StudentLookUpLimits;
  now?: () => number;
  /** Where an operator hears of a system refusing the service itself (401, 403) or failing (5xx). */
  log?: (event: string, fields: Record<string, unknown>) => void;
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
 * Failures after which a change may not have reached the system, or did without our hearing of it
 * (these, and a 5xx): its confirmation may run it again, with the same key. A refusal, or a record
 * we could not read, is an answer: the change is settled.
 */
const UNSETTLED: ReadonlySet<CallFailure> = new Set(["not_configured", "circuit_open", "timeout", "unreachable"]);
/** Statuses that say the system is busy or not ready, not that it refuses the change. */
const NOT_A_REFUSAL = new Set([401, 403, 408, 429]);

/** A match of a question to an action, with the parameters read so far. */
interface AskedAction {
  action: ActionDefinition;
  similarity: number;
  recall: number;
  parameters: Record<string, string>;
}

/**
 * Answers "my …" questions from the organisation's systems: matches the question to an action,
 * fills its parameters (the student's id from the verified token only; others from the question,
 * or asked for), asks a change to be confirmed and runs it once, calls the system, and renders the
 * record. Every call is audited.
 */
export class RecordLookUps {
  private readonly replies = new LRUCache<string, LookUpOutcome>({ max: REMEMBERED_REPLIES });
  private readonly shares: StudentShares;
  private readonly now: () => number;
  /** The actions as a model's tools, made once. */
  private readonly tools: ToolDefinition[];

  constructor(
    private readonly matcher: ActionMatcher,
    private readonly systems: RecordSystems,
    private readonly audit: ActionAudit,
    private readonly confirmations: ActionConfirmations,
    private readonly options: RecordLookUpOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.shares = new StudentShares(options.limits, this.now);
    this.tools = options.model ? actionTools(matcher.actions) : [];
  }

  /** The look-up a question asks for, or undefined when it asks for none (it goes to the documents). */
  async lookUp(request: LookUpRequest): Promise<LookUpOutcome | undefined> {
    const { student, pending } = request;
    const waiting = pending && this.matcher.actions.find((action) => action.id === pending.actionId);
    const yes = answersYes(request.question);
    const yesOrNo = yes || answersNo(request.question);
    const confirmation = pending?.confirmation;
    if (confirmation && waiting && student && student.id === pending.studentId && yesOrNo) {
      const looked: LookedUp = { action: waiting, language: pending.language, asksMore: false, confirmed: pending };
      return yes ? this.runConfirmed(looked, student, pending, confirmation) : this.cancel(looked, confirmation);
    }
    // A bare yes or no with no change of this student's waiting confirms nothing: no question for the documents either.
    if (yesOrNo) return { kind: "nothing_to_confirm", language: pending?.language ?? request.language };
    const continued = waiting && !pending?.confirmation ? this.continuePending(request, waiting) : undefined;
    const match = continued ?? (await this.actionAskedFor(request));
    if (!match) return undefined;
    const { action } = match;
    const language = continued?.language ?? request.language;
    const looked: LookedUp = { action, language, asksMore: match.recall < ASKS_ONLY_THE_RECORD };
    if (!student) return { ...looked, kind: "sign_in" };
    // An action for other programmes is not this student's: their question goes to the documents.
    if (action.audiences && !(student.programme && action.audiences.includes(student.programme))) return undefined;
    const parameters = withStudent(action, match.parameters, student);
    for (const [name, parameter] of Object.entries(action.parameters)) {
      if (parameter.from === "question" && parameters[name] === undefined) {
        const found = valueIn(parameter, request.question);
        if (found !== undefined) parameters[name] = found;
        else if (!request.inConversation) return { ...looked, kind: "needs_conversation" };
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
      if (!request.inConversation) return { ...looked, kind: "needs_conversation" };
      // Said before the student confirms, not after: a change over the share would not run.
      const waitForChange = this.shares.waitMinutes(student.id, "changes");
      if (waitForChange !== undefined) return { ...looked, kind: "limited", retryAfterMinutes: waitForChange };
      const text = fillTemplate(action.confirm[language], (name) => parameters[name] ?? "");
      const change = { actionId: action.id, parameters: fromQuestion(action, parameters), language };
      return {
        ...looked,
        kind: "confirm",
        text,
        pending: { ...change, confirmation: randomUUID(), studentId: student.id },
      };
    }
    const wait = this.shares.waitMinutes(student.id, "lookUps");
    if (wait !== undefined) return { ...looked, kind: "limited", retryAfterMinutes: wait };
    this.shares.spend(student.id, "lookUps");
    const result = await this.systems.call(action, parameters);
    const { outcome } = await this.outcomeOf(looked, student, parameters, result, match.similarity);
    if (outcome.kind !== "record" || !result.ok || !this.options.model) return outcome;
    const written = await writeRecordAnswer(
      this.options.model,
      { question: request.question, language, record: result.body, rendered: outcome.text },
      request.signal,
    );
    return { ...outcome, text: written.text };
  }

  /**
   * A confirmed change, run once under its key: a confirmation sent again gets what the first one
   * came to. One that did not reach the system (down, timed out) leaves the key free, so that the
   * student's next yes tries it again under the same key, which the system knows.
   */
  private async runConfirmed(
    looked: LookedUp,
    student: Student,
    pending: PendingAction,
    confirmation: string,
  ): Promise<LookUpOutcome> {
    const { action } = looked;
    // Checked before the claim: a change refused for the share may be confirmed again later.
    const wait = this.shares.waitMinutes(student.id, "changes");
    if (wait !== undefined) return { ...looked, kind: "limited", retryAfterMinutes: wait };
    let claimed: boolean;
    try {
      claimed = await this.confirmations.claim(confirmation, action.id, student.id);
    } catch {
      // Without the record of claims the change could run twice: it does not run.
      return { ...looked, kind: "unavailable", failure: "not_configured" };
    }
    if (!claimed) return this.replies.get(confirmation) ?? this.settledBefore(looked, confirmation);
    this.shares.spend(student.id, "changes");
    const parameters = withStudent(action, pending.parameters, student);
    const result = await this.systems.call(action, parameters, { idempotencyKey: confirmation });
    const { outcome, audited } = await this.outcomeOf(looked, student, parameters, result, 1);
    if (!result.ok && (UNSETTLED.has(result.failure) || (result.status !== undefined && result.status >= 500))) {
      try {
        await this.confirmations.release(confirmation);
      } catch {
        // The claim stands: the change is not tried again under this key, which is the safe side.
      }
      return outcome;
    }
    try {
      await this.confirmations.finish(confirmation, audited);
    } catch {
      // The change ran; its reply is remembered below, and the claim stands: it cannot run again.
    }
    this.replies.set(confirmation, outcome);
    return outcome;
  }

  /** A no to a change: dropped, unless the change was already made (a no after a yes cannot undo it). */
  private async cancel(looked: LookedUp, confirmation: string): Promise<LookUpOutcome> {
    const { claimed } = await this.stateOf(confirmation);
    return claimed ? this.settledBefore(looked, confirmation) : { ...looked, kind: "cancelled" };
  }

  /** What a confirmation whose change was claimed before is told: it runs still, or it was done. */
  private async settledBefore(looked: LookedUp, confirmation: string): Promise<LookUpOutcome> {
    const state = await this.stateOf(confirmation);
    return { ...looked, kind: state.claimed && state.outcome === undefined ? "in_progress" : "done_before" };
  }

  /** A confirmation's state; claimed and running when the record of claims cannot be read (nothing runs on it). */
  private async stateOf(confirmation: string): ReturnType<ActionConfirmations["stateOf"]> {
    try {
      return await this.confirmations.stateOf(confirmation);
    } catch {
      return { claimed: true };
    }
  }

  /**
   * The reply a call came to, audited: the record, the system's refusal in its own words, or
   * unavailable; `audited` is the outcome as the audit trail names it.
   */
  private async outcomeOf(
    looked: LookedUp,
    student: Student,
    parameters: Record<string, string>,
    result: CallResult,
    similarity: number,
  ): Promise<{ outcome: LookUpOutcome; audited: string }> {
    const { action, language } = looked;
    const refusal =
      !result.ok && result.status !== undefined && result.status < 500 && !NOT_A_REFUSAL.has(result.status)
        ? renderRefusal(action, result.body, language, parameters)
        : undefined;
    const rendered = result.ok ? renderRecord(action, result.body, language, parameters) : refusal;
    // A look-up the system answers 404 finds no record of the student; a change's 404 is a refusal.
    const noRecord = !result.ok && result.status === 404 && rendered === undefined && !action.changes;
    const audited = result.ok
      ? rendered === undefined
        ? "unreadable"
        : "ok"
      : refusal
        ? "refused"
        : noRecord
          ? "no_record"
          : result.failure;
    if (!result.ok && !refusal && !noRecord)
      this.options.log?.("action_call_failed", {
        action: action.id,
        outcome: result.failure,
        ...(result.status === undefined ? {} : { http_status: result.status }),
      });
    // Awaited (it never rejects), so that the call is in the audit trail before its reply goes out.
    await this.audit.record({
      actionId: action.id,
      studentId: student.id,
      outcome: audited,
      latencyMs: result.latencyMs,
      ...(!result.ok && result.status !== undefined ? { httpStatus: result.status } : {}),
    });
    if (noRecord) return { outcome: { ...looked, kind: "no_record" }, audited };
    if (rendered === undefined)
      return {
        outcome: { ...looked, kind: "unavailable", failure: result.ok ? "unreadable" : result.failure },
        audited,
      };
    return {
      outcome: { ...looked, kind: "record", text: rendered, readAt: new Date(this.now()), similarity },
      audited,
    };
  }

  /**
   * The action a question asks for, with the parameters read so far: chosen by the model when one is
   * configured (by the examples when it fails), else by the examples. Only a question about the
   * asker is looked at.
   */
  private async actionAskedFor(request: LookUpRequest): Promise<AskedAction | undefined> {
    const lexical = this.matcher.match(request.question, request.equivalents);
    const { model } = this.options;
    if (!model || !asksAboutTheAsker(request.question)) return lexical && { ...lexical, parameters: {} };
    let chosen: ChosenAction | undefined;
    try {
      chosen = await chooseActionWithModel(model, request.question, this.matcher.actions, this.tools, request.signal);
    } catch {
      return lexical && { ...lexical, parameters: {} };
    }
    if (!chosen) return undefined;
    // How much of the question the examples say decides whether the documents are asked too.
    const same = lexical?.action === chosen.action;
    return {
      action: chosen.action,
      similarity: same ? lexical.similarity : 1,
      recall: same ? lexical.recall : 0,
      parameters: chosen.parameters,
    };
  }

  /**
   * The pending action, when this turn gives the detail it asked for (「CS101」 after "which
   * course?"); a turn that asks something else of its own leaves it.
   */
  private continuePending(request: LookUpRequest, action: ActionDefinition) {
    const { pending } = request;
    if (!pending) return undefined;
    const answersIt = Object.values(action.parameters).some(
      (parameter) => parameter.from === "question" && valueIn(parameter, request.question) !== undefined,
    );
    // A question of its own about the asker's records (the matcher hears the asker first) leaves it.
    if (!answersIt || this.matcher.match(request.question)) return undefined;
    return { action, similarity: 1, recall: 1, parameters: { ...pending.parameters }, language: pending.language };
  }
}

/** `parameters` with every token parameter set to the signed-in student's id, the only place it comes from. */
function withStudent(
  action: ActionDefinition,
  parameters: Readonly<Record<string, string>>,
  student: Student,
): Record<string, string> {
  const filled = { ...parameters };
  for (const [name, parameter] of Object.entries(action.parameters))
    if (parameter.from === "token") filled[name] = student.id;
  return filled;
}

/** The parameters a question gave: never the student's id, which is read from each turn's token. */
function fromQuestion(action: ActionDefinition, parameters: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(parameters).filter(([name]) => action.parameters[name]?.from !== "token"));
}
