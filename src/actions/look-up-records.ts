import type { PendingAction } from "../conversation/conversation-memory.js";
import type { Student } from "../students/verify-student-token.js";
import type { Equivalents } from "../text/vocabulary.js";
import type { ActionAudit } from "./action-audit.js";
import type { ActionDefinition } from "./action-definition.js";
import type { CallFailure, RecordSystems } from "./call-record-system.js";
import { type ActionMatcher, asksAboutTheAsker } from "./match-action.js";
import { type AnswerLanguage, renderRecord } from "./render-record.js";

/** What every outcome of a look-up says besides its own. */
interface LookedUp {
  action: ActionDefinition;
  /** The language to reply in: the question's, or the conversation's when it continues a look-up. */
  language: AnswerLanguage;
  /** The question also asks something the record does not answer (see ActionMatch.recall). */
  asksMore: boolean;
}

/** What a look-up came to, for the answer service to word as a reply. */
export type LookUpOutcome = LookedUp &
  (
    | {
        kind: "record";
        text: string;
        readAt: Date;
        /** How closely the question matched the action's examples (0–1). */
        similarity: number;
      }
    /** "My …" from someone who has not signed in: nobody's record is read. */
    | { kind: "sign_in" }
    /** A parameter the question did not give: asked for, and the action waits for the next turn. */
    | { kind: "ask"; text: string; pending: PendingAction }
    /** The system did not answer, or not readably. */
    | { kind: "unavailable"; failure: CallFailure | "unreadable" }
  );

/** Below this share of its weight covered by the action's example, a question asks more than the record. */
const ASKS_ONLY_THE_RECORD = 0.8;

export interface LookUpRequest {
  question: string;
  language: AnswerLanguage;
  /** The signed-in student, from a verified token; absent for anyone else. */
  student?: Student;
  /** The action the conversation's last turn asked a parameter for, if any. */
  pending?: PendingAction;
  /** The deployment's synonyms, for matching questions to examples. */
  equivalents?: Equivalents;
}

/**
 * Answers "my …" questions from the organisation's systems: matches the question to an action,
 * fills its parameters (the student's id from the verified token only; others from the question,
 * or asked for), calls the system, and renders the record. Every call is audited.
 */
export class RecordLookUps {
  constructor(
    private readonly matcher: ActionMatcher,
    private readonly systems: RecordSystems,
    private readonly audit: ActionAudit,
  ) {}

  /** The look-up a question asks for, or undefined when it asks for none (it goes to the documents). */
  async lookUp(request: LookUpRequest): Promise<LookUpOutcome | undefined> {
    const continued = this.continuePending(request);
    const match = continued ?? this.matcher.match(request.question, request.equivalents);
    if (!match) return undefined;
    const { action } = match;
    const language = continued?.language ?? request.language;
    const looked: LookedUp = { action, language, asksMore: match.recall < ASKS_ONLY_THE_RECORD };
    const { student } = request;
    if (!student) return { ...looked, kind: "sign_in" };
    // An action for other programmes is not this student's: their question goes to the documents.
    if (action.audiences && !(student.programme && action.audiences.includes(student.programme))) return undefined;
    const parameters: Record<string, string> = { ...(continued?.parameters ?? {}) };
    for (const [name, parameter] of Object.entries(action.parameters)) {
      if (parameter.from === "token") parameters[name] = student.id;
      else if (parameters[name] === undefined) {
        const found = new RegExp(parameter.pattern, "u").exec(request.question.slice(0, 1000));
        if (found) parameters[name] = found[1] ?? found[0];
        else
          return {
            ...looked,
            kind: "ask",
            text: parameter.ask[language],
            pending: { actionId: action.id, parameters: withoutTokenParameters(action, parameters), language },
          };
      }
    }
    const result = await this.systems.call(action, parameters);
    const rendered = result.ok ? renderRecord(action, result.body, language, parameters) : undefined;
    const outcome = result.ok ? (rendered === undefined ? "unreadable" : "ok") : result.failure;
    this.audit.record({
      actionId: action.id,
      studentId: student.id,
      outcome,
      latencyMs: result.latencyMs,
      ...(!result.ok && result.status !== undefined ? { httpStatus: result.status } : {}),
    });
    if (!result.ok) return { ...looked, kind: "unavailable", failure: result.failure };
    if (rendered === undefined) return { ...looked, kind: "unavailable", failure: "unreadable" };
    return { ...looked, kind: "record", text: rendered, readAt: result.readAt, similarity: match.similarity };
  }

  /**
   * The pending action, when this turn gives what it asked for (「CS101」 after "which course?"); a
   * turn that asks something else of its own leaves it.
   */
  private continuePending(request: LookUpRequest):
    | {
        action: ActionDefinition;
        similarity: number;
        recall: number;
        parameters: Record<string, string>;
        language: AnswerLanguage;
      }
    | undefined {
    const { pending } = request;
    const action = pending && this.matcher.actions.find((known) => known.id === pending.actionId);
    if (!pending || !action) return undefined;
    const answersIt = Object.values(action.parameters).some(
      (parameter) => parameter.from === "question" && new RegExp(parameter.pattern, "u").test(request.question),
    );
    if (!answersIt || (asksAboutTheAsker(request.question) && this.matcher.match(request.question))) return undefined;
    return { action, similarity: 1, recall: 1, parameters: pending.parameters, language: pending.language };
  }
}

function withoutTokenParameters(action: ActionDefinition, parameters: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(parameters).filter(([name]) => action.parameters[name]?.from !== "token"));
}
