import type { LookUpOutcome, RecordLookUps } from "../actions/look-up-records.js";
import {
  type AnswerCandidate,
  type AnsweringSettings,
  answerQuestion,
  elapsedMs,
  type QuestionRequest,
} from "../answering/answer-question.js";
import { hasWordsOfItsOwn, standaloneText } from "../answering/follow-up.js";
import { replyToSmallTalk } from "../answering/small-talk.js";
import { defaultCrisisResources } from "../config/help-desk-settings.js";
import type { CrisisResources, Persona } from "../config.js";
import {
  type Conversations,
  type ConversationTurn,
  type PendingAction,
  RECENT_TURNS,
} from "../conversation/conversation-memory.js";
import { rewriteFollowUp } from "../conversation/rewrite-follow-up.js";
import { type AnswerEvent, type GenerationSettings, generateAnswer, sendWhole } from "../generation/generate-answer.js";
import { type InteractionStore, PICKED_TOPIC_MODE } from "../interactions/interaction-store.js";
import { type Passage, retrievePassages } from "../retrieval/retrieve-passages.js";
import { detectSafetyConcern, type SafetyConcern } from "../safety/detect-safety-concern.js";
import { type SafetyAudience, safetyAnswer } from "../safety/safety-reply.js";
import type { AnswerResponse, DraftResponse } from "../schemas.js";
import type { IndexStore } from "../store/index-store.js";
import { requireKnownCollection } from "../store/require-known-collection.js";
import type { Student } from "../students/verify-student-token.js";
import type { PersonalDataMask } from "../text/mask-personal-data.js";
import { settleWithin, untilDeadline } from "../until-deadline.js";
import { answerLanguageOf, recordReply } from "./record-reply.js";

/**
 * A person reads every draft before it is sent, so one is offered down to half the confidence an
 * answer shown to the asker needs: greetings and context in a message lower lexical confidence.
 */
const DRAFT_THRESHOLD_SHARE = 0.5;

export interface AnswerServiceDependencies {
  store: IndexStore;
  /** Contact lines are the asked collection's, from `personaFor`. */
  answering: Omit<AnsweringSettings, "contactLines">;
  /** Set when a chat model is configured: answers are then generated, checked and cited. */
  generation?: GenerationSettings;
  /** Contact lines (and, for generated answers, the persona) of a collection. */
  personaFor(collection: string | undefined): Persona;
  /** Recent turns of conversations, for follow-up questions. */
  conversations: Conversations;
  /** Where every answer is kept (masked) under the id that feedback and hand-offs refer to. */
  answerLog: Pick<InteractionStore, "logAnswer">;
  /** The crisis lines safety replies give (Taiwan's national lines by default). */
  crisisResources?: CrisisResources;
  /** What counts as personal data (the built-in patterns by default): none is carried into a follow-up. */
  personalData?: PersonalDataMask;
  /** One structured line per answer (mode, status, fallback, tokens used, latency), never the question. */
  log?: (event: string, fields: Record<string, unknown>) => void;
  /** Look-ups in the organisation's systems for signed-in students ("my loans"); none when no actions are declared. */
  records?: RecordLookUps;
  /** Where a student who is not signed in is sent to sign in (SIGN_IN_URL). */
  signInUrl?: string;
}

/** A question as any door receives it: the chat page, the API, an OpenAI client, the eval. */
export interface AskRequest {
  question: string;
  collection?: string;
  /** The conversation the server remembers: its recent turns are read, and this turn is added. */
  conversationId?: string;
  /**
   * Or the conversation as the caller holds it, oldest first (an OpenAI client sends its messages
   * each time): its recent turns are understood in order, as remembered ones would have been.
   */
  history?: readonly Pick<ConversationTurn, "question" | "answer">[];
  /** The signed-in student, from a verified token (never from the question): their own records may be read. */
  student?: Student;
  /** The question is a choice the last reply offered, sent as offered (see QuestionRequest.choice). */
  choice?: boolean;
}

export interface AskOptions {
  /** The caller went away: stop the model call. */
  signal?: AbortSignal;
  /** A streaming caller's events: citations, checked text, resets. */
  onEvent?: (event: AnswerEvent) => void;
  /** Sees the candidate the answer was settled from (the eval reads its confidence signals). */
  onCandidate?: (candidate: AnswerCandidate) => void;
  /** Sees what a look-up in the organisation's systems came to (the eval reads which action answered). */
  onLookUp?: (outcome: LookUpOutcome) => void;
}

export interface DraftRequest {
  message: string;
  collection?: string;
}

export interface AnswerService {
  /** The ask use case: the conversation, a follow-up made standalone, the answer, the log, the turn remembered. */
  ask(request: AskRequest, options?: AskOptions): Promise<AnswerResponse>;
  /** A cited reply for a staff member to review, never shown to the asker by this service. */
  draft(request: DraftRequest, options?: Pick<AskOptions, "signal">): Promise<DraftResponse>;
  /**
   * One answer as the asker would get it, neither logged nor remembered: the editors' preview,
   * from the published index or (`index`) from a preview of their drafts.
   */
  preview(question: string, options?: { index?: IndexStore }): Promise<AnswerResponse>;
  /** The passages that best match a query, best first. */
  search(query: string, options: { collection?: string; limit: number }): Promise<Passage[]>;
  /** The collections answers can be asked of. */
  collections(): Promise<string[]>;
}

interface AnswerOptions extends AskOptions {
  index?: IndexStore;
  deadline?: AbortSignal;
  purpose?: "answer" | "draft";
}

/** The ask use case and its neighbours; see createObservedAnswerService for one that reports to metrics. */

/** The database's part of an answer (its log, its conversation) may take this long; past it, the answer goes on without. */
const DATABASE_BUDGET_MS = 2000;

const withinDatabaseBudget = <T>(work: Promise<T>) => settleWithin(work, DATABASE_BUDGET_MS, "the database");

export function createAnswerService(dependencies: AnswerServiceDependencies): AnswerService {
  const { store, answering, generation, personaFor, conversations, answerLog, personalData, log, records } =
    dependencies;
  const crisisResources = dependencies.crisisResources ?? defaultCrisisResources;

  /** The reply to a message with a safety concern: fixed words, no search, no model, streamed whole. */
  function replyToConcern(
    message: string,
    concern: SafetyConcern,
    options: Pick<AskOptions, "onEvent"> = {},
    audience: SafetyAudience = "asker",
  ): AnswerResponse {
    const startedAt = performance.now();
    const reply = { ...safetyAnswer(message, concern, crisisResources, audience), latency_ms: elapsedMs(startedAt) };
    return sendWhole(reply, options.onEvent);
  }

  /** "hi", 「謝謝」: answered in kind, not searched for (nor counted as a question the documents missed). */
  function replyInKind(message: string): AnswerResponse | undefined {
    const startedAt = performance.now();
    const reply = replyToSmallTalk(message);
    if (reply === undefined) return undefined;
    return {
      status: "clarify",
      answer: reply,
      citations: [],
      confidence: 0,
      mode: "extractive",
      latency_ms: elapsedMs(startedAt),
    };
  }

  /**
   * Generated, checked and cited when a model is configured, else extractive, with the contact
   * lines of the asked collection. Either way a streaming caller gets `citations` and `delta` events.
   */
  async function answer(request: QuestionRequest, options: AnswerOptions = {}): Promise<AnswerResponse> {
    const inKind = replyInKind(request.question);
    if (inKind) return sendWhole(inKind, options.onEvent);
    const persona = personaFor(request.collection);
    const isDraft = options.purpose === "draft";
    const settings = {
      ...answering,
      abstainThreshold: answering.abstainThreshold * (isDraft ? DRAFT_THRESHOLD_SHARE : 1),
      contactLines: persona.contactLines,
      contactLinesOf: (collection: string) => personaFor(collection).contactLines,
      audience: isDraft ? ("staff" as const) : ("asker" as const),
    };
    const index = options.index ?? store;
    if (generation) return generateAnswer(index, request, { ...settings, ...generation, persona }, options);
    return sendWhole(await answerQuestion(index, request, settings, options.onCandidate), options.onEvent);
  }

  function logLine(event: string, response: AnswerResponse | DraftResponse, concern?: SafetyConcern): void {
    log?.(event, {
      status: response.status,
      mode: response.mode,
      // The kind of concern, never the message.
      ...(concern ? { safety_topic: concern.topic } : {}),
      citations: response.citations.length,
      ...(response.fallback_reason ? { fallback_reason: response.fallback_reason } : {}),
      ...(response.usage
        ? { input_tokens: response.usage.input_tokens, output_tokens: response.usage.output_tokens }
        : {}),
      latency_ms: response.latency_ms,
    });
  }

  /**
   * A client's recent turns with each question made standalone, as the memory keeps them: a second
   * follow-up ("那博士生呢?") then carries the words of the first one's topic. Lexical rewriting only:
   * asking the model once per earlier turn would cost more than the answer.
   */
  async function understoodTurns(history: NonNullable<AskRequest["history"]>): Promise<ConversationTurn[]> {
    const turns: ConversationTurn[] = [];
    for (const { question, answer } of history.slice(-RECENT_TURNS)) {
      // Told apart as they were when asked: a safety reply breaks the topic, and one that repeated the
      // care for an earlier concern ("然後呢?") is known by the reply it got.
      const earlierConcern = turns.at(-1)?.concern;
      const concern =
        detectSafetyConcern(question) ??
        (earlierConcern &&
        (!hasWordsOfItsOwn(question) ||
          answer.trim() === safetyAnswer(question, earlierConcern, crisisResources).answer.trim())
          ? earlierConcern
          : undefined);
      if (concern) {
        turns.push({ question, standaloneQuestion: question, answer, concern });
        continue;
      }
      const standaloneQuestion = standaloneText(await rewriteFollowUp(question, turns, { store, personalData }));
      turns.push({ question, standaloneQuestion, answer });
    }
    return turns;
  }

  /**
   * The answer's id in the log, or none when the log cannot be written (a full or failing disk):
   * the student still gets the answer, without feedback or a hand-off tied to it.
   */
  async function keepInLog(entry: Parameters<typeof answerLog.logAnswer>[0]): Promise<string | undefined> {
    try {
      return (await withinDatabaseBudget(answerLog.logAnswer(entry))).id;
    } catch (error) {
      log?.("answer_log_failed", { reason: (error as Error).message });
      return undefined;
    }
  }

  /**
   * An answer as a turn of its conversation: logged (masked) under the id feedback and hand-offs
   * refer to, and remembered, with the question as understood and the concern it answered, if any;
   * a topic picked from the choices offered is logged as one (PICKED_TOPIC_MODE).
   */
  async function recordTurn(
    request: AskRequest,
    answered: AnswerResponse,
    standaloneQuestion: string,
    {
      concern,
      looked,
      picked = false,
    }: {
      concern?: SafetyConcern;
      looked?: { lookUp: LookUpOutcome; keptPending?: PendingAction };
      picked?: boolean;
    } = {},
  ): Promise<AnswerResponse> {
    const lookUp = looked?.lookUp;
    const { conversationId } = request;
    logLine("answer", answered, concern);
    const logged = keepInLog({
      // A follow-up as understood ("那暑假呢?（住宿 費用）"): what the weekly review can group and answer.
      question: standaloneQuestion,
      // A student's record is theirs: the log says which look-up answered, never what it read.
      answer: lookUp?.kind === "record" ? `[${lookUp.action.id}: ${lookUp.action.system.en}]` : answered.answer,
      status: answered.status,
      mode: picked ? PICKED_TOPIC_MODE : answered.mode,
      confidence: answered.confidence,
      latencyMs: answered.latency_ms,
      collection: request.collection,
      conversationId,
      citations: answered.citations.map((citation) => ({
        n: citation.n,
        docId: citation.doc_id,
        title: citation.title,
        // The passage a 👍 proposes the question as a wording of.
        chunkId: citation.chunk_id,
      })),
    });
    const rewritten = standaloneQuestion === request.question ? {} : { standalone_question: standaloneQuestion };
    // The answer is sent even when the turn cannot be kept (the database is away): the next
    // question of the conversation then reads without it. Logged and kept at the same time.
    const remembered =
      conversationId === undefined
        ? undefined
        : withinDatabaseBudget(
            conversations.remember(conversationId, {
              question: request.question,
              standaloneQuestion,
              answer: lookUp?.kind === "record" ? `[${lookUp.action.title.en}]` : answered.answer,
              ...(concern ? { concern } : {}),
              ...(pendingAfter(looked) ? { pendingAction: pendingAfter(looked) } : {}),
            }),
          ).catch((error: unknown) => log?.("conversation_unavailable", { reason: (error as Error).message }));
    const [answerId] = await Promise.all([logged, remembered]);
    const response = { ...(answerId === undefined ? {} : { answer_id: answerId }), ...answered };
    if (conversationId === undefined) return { ...response, ...rewritten };
    return { ...response, conversation_id: conversationId, ...rewritten };
  }

  /**
   * The reply to a look-up, after the documents' answer when they also answer the question (the
   * rule beside the record). Streamed whole: a record is short, and nothing of it may be withdrawn.
   */
  async function replyToLookUp(
    request: AskRequest,
    lookUp: LookUpOutcome,
    options: AskOptions,
  ): Promise<AnswerResponse> {
    const startedAt = performance.now();
    // Only a question that asks more than the record ("我的學分夠畢業了嗎？") is asked of the documents too.
    const asksMore = "asksMore" in lookUp && lookUp.asksMore;
    const documentsAnswer =
      !["record", "sign_in", "unavailable"].includes(lookUp.kind) || !asksMore
        ? undefined
        : await answer({ question: request.question, collection: request.collection }, { signal: options.signal });
    const reply = recordReply(lookUp, request.question, { documentsAnswer, signInUrl: dependencies.signInUrl });
    return sendWhole({ ...reply, latency_ms: elapsedMs(startedAt) }, options.onEvent);
  }

  /** A safety reply as a turn of the conversation, remembered with its concern. */
  function replyToConcernInConversation(
    request: AskRequest,
    concern: SafetyConcern,
    options: Pick<AskOptions, "onEvent">,
  ): Promise<AnswerResponse> {
    return recordTurn(request, replyToConcern(request.question, concern, options), request.question, { concern });
  }

  return {
    async ask(request, options = {}) {
      await requireKnownCollection(store, request.collection);
      const { conversationId } = request;
      // Before anything is searched or any model asked: a message in distress, or a harmful request.
      const concern = detectSafetyConcern(request.question);
      if (concern) return replyToConcernInConversation(request, concern, options);
      const turns = request.history
        ? await understoodTurns(request.history)
        : conversationId === undefined
          ? []
          : await withinDatabaseBudget(conversations.recentTurns(conversationId)).catch((error: unknown) => {
              // Answered as a first question rather than not at all.
              log?.("conversation_unavailable", { reason: (error as Error).message });
              return [];
            });
      // "那怎麼辦?" right after a safety reply or a refusal continues that conversation, not one about
      // the documents; so does every reply after it while it keeps leaning on it.
      const earlierConcern = turns.at(-1)?.concern;
      if (earlierConcern && !hasWordsOfItsOwn(request.question)) {
        return replyToConcernInConversation(request, earlierConcern, options);
      }
      // After a crisis, a message in words of its own ("有人可以陪我聊聊嗎?") is answered only if the
      // documents answer it; an abstention would leave the person with the desk's opening hours.
      // Streaming waits for that to be known.
      const inCrisis = earlierConcern?.kind === "crisis";
      // "thanks" after a safety reply keeps the care; elsewhere small talk is answered in kind, with
      // no topic to carry over or record to look up.
      const inKind = replyInKind(request.question);
      if (inKind && inCrisis) return replyToConcernInConversation(request, earlierConcern, options);
      if (inKind) return recordTurn(request, sendWhole(inKind, options.onEvent), request.question);
      if (records && !inCrisis) {
        const pending = turns.at(-1)?.pendingAction;
        const lookUp = await records.lookUp({
          question: request.question,
          language: answerLanguageOf(request.question),
          student: request.student,
          pending,
          equivalents: answering.vocabulary?.().equivalentsOf,
          signal: options.signal,
          // Only remembered conversations: an OpenAI client's history carries no waiting change.
          inConversation: conversationId !== undefined,
        });
        if (lookUp) {
          options.onLookUp?.(lookUp);
          // Someone else's turn in the conversation leaves the student's waiting change waiting.
          const othersChange = pending?.studentId !== undefined && pending.studentId !== request.student?.id;
          return recordTurn(request, await replyToLookUp(request, lookUp, options), request.question, {
            looked: { lookUp, ...(othersChange ? { keptPending: pending } : {}) },
          });
        }
      }
      // One budget for the whole answer: rewriting a follow-up, embedding it and generating.
      const deadline = generation && AbortSignal.timeout(generation.timeoutMs);
      // A choice offered is a topic of its own: nothing of the turns before is carried over to it.
      const followUp = request.choice
        ? { question: request.question }
        : await rewriteFollowUp(request.question, turns, {
            store,
            chatModel: generation?.chatModel,
            personalData,
            signal: deadline && untilDeadline(options.signal, deadline),
          });
      const standaloneQuestion = standaloneText(followUp);
      let picked = false;
      const answered = await answer(
        { ...followUp, collection: request.collection, ...(request.choice ? { choice: true } : {}) },
        {
          ...options,
          deadline,
          onCandidate: (candidate) => {
            picked = candidate.picked === true;
            options.onCandidate?.(candidate);
          },
          ...(inCrisis ? { onEvent: undefined } : {}),
        },
      );
      if (inCrisis && answered.status === "abstained") {
        return replyToConcernInConversation(request, earlierConcern, options);
      }
      if (inCrisis) sendWhole(answered, options.onEvent);
      return recordTurn(request, answered, standaloneQuestion, { picked });
    },

    async draft({ message, collection }, options = {}) {
      await requireKnownCollection(store, collection);
      const concern = detectSafetyConcern(message);
      if (concern) {
        // Said to the staff member: a person in crisis is answered personally, not from a draft.
        const { status, answer: text, ...rest } = replyToConcern(message, concern, {}, "staff");
        const draft: DraftResponse = {
          ...rest,
          status: status === "safety" ? "safety" : "declined",
          draft: true,
          reply: text,
        };
        logLine("draft", draft, concern);
        return draft;
      }
      const answered = await answer({ question: message, collection }, { ...options, purpose: "draft" });
      const { status, answer: text, conversation_id, standalone_question, ...rest } = answered;
      // An abstention is already worded for staff ("No draft: …"): see settleAnswer's audience.
      const draft: DraftResponse = {
        ...rest,
        status: status === "answered" ? "drafted" : "no_draft",
        draft: true,
        reply: text,
      };
      logLine("draft", draft);
      return draft;
    },

    async preview(question, options = {}) {
      const concern = detectSafetyConcern(question);
      if (concern) return replyToConcern(question, concern);
      return answer({ question }, options);
    },

    async search(query, { collection, limit }) {
      await requireKnownCollection(store, collection);
      const queryEmbedding = answering.embedder?.embedQuestion(query);
      const vocabulary = answering.vocabulary?.();
      const dictionary = answering.dictionary?.();
      const { passages } = await retrievePassages(store, query, {
        collection,
        limit,
        queryEmbedding,
        vocabulary,
        dictionary,
      });
      return passages;
    },

    collections: () => store.listCollections(),
  };
}

/**
 * What the conversation waits on after a look-up's turn: the detail or confirmation it asked for;
 * a change already confirmed, so that its confirmation sent again gets the same reply; or another
 * student's waiting change, which this turn leaves as it was.
 */
function pendingAfter(
  looked: { lookUp: LookUpOutcome; keptPending?: PendingAction } | undefined,
): PendingAction | undefined {
  if (!looked) return undefined;
  const { lookUp, keptPending } = looked;
  if (lookUp.kind === "ask" || lookUp.kind === "confirm") return lookUp.pending;
  if (lookUp.confirmed && lookUp.kind !== "cancelled") return lookUp.confirmed;
  return keptPending;
}
