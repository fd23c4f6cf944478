import {
  type AnswerCandidate,
  type AnsweringSettings,
  type CandidateAnswer,
  elapsedMs,
  findAnswerCandidate,
  handOffLines,
  isConfident,
  type QuestionRequest,
  settleAnswer,
} from "../answering/answer-question.js";
import { citePassage } from "../answering/citations.js";
import { isDeclined } from "../answering/declined-reply.js";
import { standaloneText } from "../answering/follow-up.js";
import type { Persona } from "../config.js";
import type { ChatModel } from "../models/chat-model.js";
import { ModelCallError } from "../models/model-call-error.js";
import { translationEquivalents } from "../retrieval/read-question.js";
import type { Passage } from "../retrieval/retrieve-passages.js";
import type { AnswerResponse, Citation } from "../schemas.js";
import type { IndexStore } from "../store/index-store.js";
import { detectLanguage } from "../text/language.js";
import { type Equivalents, noEquivalents } from "../text/vocabulary.js";
import { untilDeadline } from "../until-deadline.js";
import {
  type CheckedSentence,
  checkSentence,
  type GeneratedSentence,
  joinSentences,
  quoteSpan,
  renderSentence,
  separatorBefore,
  splitGeneratedSentences,
} from "./check-grounding.js";
import { buildGroundedPrompt } from "./grounded-prompt.js";

/** Passages given to the model, numbered [1]…[n] in the prompt. */
const PASSAGES_FOR_MODEL = 5;
/** Text that has started a sentence, not just markers or a bracket still being written. */
const SENTENCE_CONTENT = /[^\s[\]\d,]/;
/** What can end a sentence (full stops, closing brackets of markers, line breaks): text without any cannot. */
const SENTENCE_END = /[。！？.!?；;\n\]】］]/;

/** The model that writes answers, and how long a whole answer may take. */
export interface GenerationSettings {
  chatModel: ChatModel;
  timeoutMs: number;
}

/** One generated answer's settings: answering (with its collection's contact lines), the model, and the collection's persona. */
export interface GenerationRun extends AnsweringSettings, GenerationSettings {
  persona: Persona;
}

/**
 * What a streaming client is sent before the final answer. `reset` says that the text sent so far
 * is withdrawn (the model failed or its answer did not hold up); new citations and text follow.
 */
export type AnswerEvent =
  | { type: "citations"; citations: Citation[] }
  | { type: "delta"; text: string }
  | { type: "reset"; reason: FallbackReason };

type FallbackReason = NonNullable<AnswerResponse["fallback_reason"]>;

export interface GenerationOptions {
  /** The client went away: stop the model call. */
  signal?: AbortSignal;
  /** When the whole answer is due (ANSWER_TIMEOUT_MS from the request's start); by default from now. */
  deadline?: AbortSignal;
  onEvent?: (event: AnswerEvent) => void;
  /** A reply for a staff member to review (`/v1/drafts`) rather than an answer shown to the asker. */
  purpose?: "answer" | "draft";
  /** Sees the candidate found before the model is asked (the eval reads its confidence signals). */
  onCandidate?: (candidate: AnswerCandidate) => void;
}

/**
 * Answers with the model from the top passages, checking each generated sentence against the
 * passage it cites as it arrives. A curated FAQ answer is sent as it is, and a question the
 * documents are not confidently found to cover is abstained on without asking the model. When the
 * model fails, times out, declines or writes nothing the passages support, the extractive answer
 * (or an abstention) is sent instead, saying why.
 */
export async function generateAnswer(
  store: IndexStore,
  request: QuestionRequest,
  settings: GenerationRun,
  options: GenerationOptions = {},
): Promise<AnswerResponse> {
  const startedAt = performance.now();
  const deadline = options.deadline ?? AbortSignal.timeout(settings.timeoutMs);
  const signal = untilDeadline(options.signal, deadline);
  const candidate = await findAnswerCandidate(store, request, settings, signal);
  options.onCandidate?.(candidate);
  const { persona } = settings;
  // An abstention, here or on falling back, sends people where the extractive answer would.
  const settling = { ...settings, contactLines: handOffLines(request, candidate, settings) };
  const passages = candidate.passages.slice(0, PASSAGES_FOR_MODEL);
  const send = (response: AnswerResponse) => sendWhole(response, options.onEvent);
  const fallBack = (reason: FallbackReason, extra: Pick<AnswerResponse, "grounding" | "usage">) => {
    options.onEvent?.({ type: "reset", reason });
    return send(settleAnswer(request.question, candidate, settling, startedAt, { ...extra, fallback_reason: reason }));
  };

  // The model rephrases what the documents are known to answer; it is not asked to rescue a
  // question they do not cover (it would be fluent, and the overlap check could not tell). A curated
  // answer and a section the asker picked are sent as they are.
  if (
    candidate.answer?.mode === "faq" ||
    candidate.picked ||
    candidate.answer?.choices !== undefined ||
    passages.length === 0 ||
    !isConfident(candidate.answer, settings.abstainThreshold)
  ) {
    return send(settleAnswer(request.question, candidate, settling, startedAt));
  }

  const language = detectLanguage(request.question);
  // The model writes in the question's language, which need not be the passages': its words are
  // then checked against them through the dictionary, and its numbers as they are. A translation
  // counts whole here: it is the word the model translated, not a guess at what a student meant.
  const dictionary = settings.dictionary?.();
  const translations = dictionary ? translationEquivalents(dictionary, 1) : noEquivalents;
  options.onEvent?.({
    type: "citations",
    citations: passages.map((passage, index) => citePassage(index + 1, passage, 0, passage.chunk.text.length)),
  });
  const kept: CheckedSentence[] = [];
  let dropped = 0;
  let declined = false;
  let usage: AnswerResponse["usage"];
  const take = (sentence: GeneratedSentence) => {
    if (declined || isDeclined(sentence.text)) {
      declined = true;
      return;
    }
    const checked = checkSentence(sentence, passages, translations);
    if (!checked) {
      dropped++;
      return;
    }
    kept.push(checked);
    const separator = kept.length > 1 ? separatorBefore(checked, language) : "";
    options.onEvent?.({ type: "delta", text: `${separator}${renderSentence(checked)}` });
  };

  try {
    let text = "";
    let released = 0;
    // Whether the text since the last split may end a sentence: only then is it split again, so a
    // long answer streamed in small pieces is not re-split at every piece.
    let mayEndSentence = false;
    for await (const chunk of settings.chatModel.stream(
      buildGroundedPrompt({ question: standaloneText(request), language, passages, persona, purpose: options.purpose }),
      { signal },
    )) {
      const piece = chunk.text;
      text += piece;
      if (chunk.usage) usage = { input_tokens: chunk.usage.inputTokens, output_tokens: chunk.usage.outputTokens };
      mayEndSentence ||= SENTENCE_END.test(piece);
      if (!mayEndSentence) continue;
      // A sentence is complete once the next one has begun (its markers may follow its full stop).
      const sentences = splitGeneratedSentences(text);
      const last = sentences.at(-1)?.text ?? "";
      const complete = SENTENCE_CONTENT.test(last) ? sentences.length - 1 : released;
      for (; released < complete; released++) {
        const sentence = sentences[released];
        if (sentence) take(sentence);
      }
      // The sentence still being written may already hold its end, waiting for the next to begin.
      mayEndSentence = SENTENCE_END.test(last);
    }
    for (const sentence of splitGeneratedSentences(text).slice(released)) take(sentence);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason = deadline.aborted
      ? "timeout"
      : error instanceof ModelCallError && error.isRateLimited
        ? "rate_limited"
        : "model_error";
    return fallBack(reason, { grounding: { checked: false, kept_sentences: 0, dropped_sentences: 0 } });
  }

  const grounding = { checked: true, kept_sentences: kept.length, dropped_sentences: dropped };
  if (declined) return fallBack("model_declined", { grounding, usage });
  if (!kept.some((sentence) => sentence.cites.length > 0)) return fallBack("ungrounded", { grounding, usage });
  const answer: CandidateAnswer = {
    answer: joinSentences(kept, language),
    citations: citationsOf(kept, passages, translations),
    confidence: candidate.answer?.confidence ?? 0,
    mode: "generative",
  };
  return { status: "answered", ...answer, grounding, ...(usage ? { usage } : {}), latency_ms: elapsedMs(startedAt) };
}

/** One citation per cited passage, numbered as in the prompt, quoting the sentences that support the answer. */
function citationsOf(
  sentences: CheckedSentence[],
  passages: readonly Passage[],
  translations: Equivalents,
): Citation[] {
  const cited = [...new Set(sentences.flatMap((sentence) => sentence.cites))];
  return cited.flatMap((n) => {
    const passage = passages[n - 1];
    if (!passage) return [];
    const citing = sentences.filter((sentence) => sentence.cites.includes(n)).map((sentence) => sentence.text);
    const { start, end } = quoteSpan(passage.chunk.text, citing, translations);
    return [citePassage(n, passage, start, end)];
  });
}

/** A whole answer to a streaming caller: its citations, then its text in one delta. */
export function sendWhole(response: AnswerResponse, onEvent: GenerationOptions["onEvent"]): AnswerResponse {
  onEvent?.({ type: "citations", citations: response.citations });
  onEvent?.({ type: "delta", text: response.answer });
  return response;
}
