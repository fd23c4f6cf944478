import type { ConfidenceModel, ConfidenceSignals } from "../config/confidence-model.js";
import type { ContactLines } from "../config.js";
import type { Embedder } from "../models/embedder.js";
import { type Passage, retrievePassages } from "../retrieval/retrieve-passages.js";
import { weightedCoverage } from "../retrieval/term-weights.js";
import type { AnswerRequest, AnswerResponse, Citation } from "../schemas.js";
import type { IndexStore } from "../store/index-store.js";
import type { BilingualDictionary } from "../text/bilingual-dictionary.js";
import { detectLanguage, isInAnotherLanguage } from "../text/language.js";
import { normalizeForMatching } from "../text/normalize.js";
import type { Equivalents, Vocabulary } from "../text/vocabulary.js";
import { type Audience, abstentionMessage, partAbstentionMessage } from "./abstention-message.js";
import { type AskedAnswer, answerFit, isGivenInAnyWords, isStatedInFigures, readAskedAnswer } from "./answer-types.js";
import { citePassage, withoutCitationMarkers } from "./citations.js";
import { choiceFor, clarifyingChoices, clarifyingQuestion, isOneWord } from "./clarifying-choices.js";
import { type AnsweredPart, combineAnswers } from "./combine-answers.js";
import { composeExtractiveAnswer } from "./compose-extractive-answer.js";
import { estimateConfidence, measureConfidenceSignals } from "./confidence.js";
import { passagesOfDocumentReferredTo, passagesReferredTo } from "./follow-referral.js";
import { contentWords, type FollowUp, looksLikeFollowUp, namesATopic, standaloneText } from "./follow-up.js";
import { type FaqMatch, findMatchingFaq } from "./match-faq.js";
import { isAboutTheQuestion, relatedTopics } from "./related-topics.js";
import { quoteSection } from "./section-quote.js";
import { backgroundAndQuestion, separateQuestions } from "./separate-questions.js";
import { withSourceLanguageNote } from "./source-language-note.js";
import { withTermNote } from "./term-note.js";
import { afterYesOrNoOpening } from "./yes-or-no-opening.js";

/** What a question asks for: a follow-up that names no kind of answer asks the one asked before. */
function askedAnswerOf({ question, askedBefore }: QuestionRequest): AskedAnswer {
  const asked = readAskedAnswer(question);
  if (asked.types.length > 0 || asked.unit || askedBefore === undefined) return asked;
  return readAskedAnswer(askedBefore);
}

/** Passages an answer is composed from. */
const PASSAGES_FOR_ANSWER = 10;
/** The most an extractive answer to a one-word message is trusted: not sure (0.8), yet given. */
const ONE_WORD_CEILING = 0.6;

export interface AnsweringSettings {
  /** Below this confidence the answer is abstained on. */
  abstainThreshold: number;
  /** A curated FAQ question at least this similar is answered with its curated answer. */
  faqMatchThreshold: number;
  contactLines: ContactLines;
  /**
   * Where an abstention on a question asked of every collection sends people, by the collection its
   * best passage is in (the office whose documents come closest); `contactLines` when unset.
   */
  contactLinesOf?: (collection: string) => ContactLines;
  /** Set when an embedding model is configured: retrieval is then hybrid. */
  embedder?: Pick<Embedder, "embedQuestion">;
  /** Who reads an abstention: the asker (the default), or staff reviewing a draft reply. */
  audience?: Audience;
  /** The built-in model, or one calibrated for these documents (CONFIDENCE_MODEL_FILE). */
  confidenceModel: ConfidenceModel;
  /** The deployment's vocabulary as it is now: its file is read again when it changes. None by default. */
  vocabulary?: () => Vocabulary;
  /**
   * The dictionary that answers a question from documents in the other language (see
   * retrievePassages), once it is read: the service starts answering before it is.
   */
  dictionary?: () => BilingualDictionary | undefined;
}

// Paraphrases of a curated question score 0.4–1 on the golden set; no other question scored above 0.4.
export const defaultFaqMatchThreshold = 0.4;

/**
 * What answering needs of a request: the question, where to look, and words carried over from
 * earlier in its conversation (see rewriteFollowUp).
 */
export type QuestionRequest = Pick<AnswerRequest, "question" | "collection"> &
  Omit<FollowUp, "question"> & {
    /**
     * The question is a choice the last reply offered (a clarifying or a related topic), sent as
     * offered: the topic so named is quoted from its start. Typed, the same words are a question.
     */
    choice?: boolean;
  };

export type CandidateAnswer = Omit<AnswerResponse, "status" | "latency_ms">;

/** The best answer the documents allow, before the abstention threshold is applied. */
export interface AnswerCandidate {
  answer?: CandidateAnswer;
  /** What the extractive confidence was estimated from (absent for FAQ answers and empty results). */
  signals?: ConfidenceSignals;
  /** The passages retrieved for the question, best first. */
  passages: Passage[];
  /** The collection whose office an abstention sends people to (see closestOfficeOf), when one is. */
  closestOffice?: string;
  /** Topics the documents cover near the question, offered when it is abstained on (see relatedTopics). */
  related?: string[];
  /** Set when the answer quotes the topic the asker picked: it is sent as quoted, by a model too. */
  picked?: true;
}

/** Answers from the published documents with citations, or abstains and says where to ask. */
export async function answerQuestion(
  store: IndexStore,
  request: QuestionRequest,
  settings: AnsweringSettings,
  onCandidate?: (candidate: AnswerCandidate) => void,
): Promise<AnswerResponse> {
  const startedAt = performance.now();
  const candidate = await findMessageCandidate(store, request, settings);
  onCandidate?.(candidate);
  const contactLines = handOffLines(request, candidate, settings);
  return settleAnswer(request.question, candidate, { ...settings, contactLines }, startedAt);
}

/**
 * The answer to a message: to one that asks several questions at once, one question at a time,
 * so that each gets its answer rather than only the one that weighs most, and one the documents
 * do not cover is told where to ask. A question that leans on the one before (「學費多少？什麼時候
 * 要繳？」) is read with it as its context. The message is answered whole when none of its questions
 * is answered on its own, when one of them is too vague to be (its topics are offered for the
 * whole), or when read whole it is answered as surely with words of every question.
 */
async function findMessageCandidate(
  store: IndexStore,
  request: QuestionRequest,
  settings: AnsweringSettings,
): Promise<AnswerCandidate> {
  const questions = separateQuestions(request.question);
  if (questions.length < 2) return findAnswerCandidate(store, request, settings);
  // A choice is one topic, whatever punctuation its name holds; text that names none is read as it is.
  if (request.choice) {
    const picked = await findAnswerCandidate(store, request, settings);
    if (picked.picked) return picked;
  }
  const parts: AnsweredPart[] = [];
  let first: AnswerCandidate | undefined;
  let citations = 0;
  let earlierUnanswered = false;
  // Whether a question was not answered only because what it leans on is not covered: read whole, the
  // message would answer it with another topic's words all the same.
  let heldBack = false;
  const isAnswered = (candidate: AnswerCandidate) => isConfident(candidate.answer, settings.abstainThreshold);
  for (const [index, question] of questions.entries()) {
    const earlier = [request.context, ...questions.slice(0, index)].filter(Boolean).join(" ");
    const ask = (context: string | undefined) =>
      findAnswerCandidate(
        store,
        { ...request, question, ...(context ? { context } : {}) },
        settings,
        undefined,
        citations + 1,
      );
    // One that leans on the questions before is read with them; one that does not, on its own first,
    // then with them ("計網中心有沒有借筆電？最多能借幾天" asks how long of the laptops).
    // One that names nothing of its own to ask about (「幾點到幾點有人？」) asks of what the one before named.
    const words = contentWords(question);
    const leans = looksLikeFollowUp(question, words) || !namesATopic(question, words);
    let candidate = await ask(leans ? earlier : request.context);
    if (candidate.answer?.choices) return findAnswerCandidate(store, request, settings);
    if (!isAnswered(candidate) && !leans && index > 0 && !earlierUnanswered) {
      const withEarlier = await ask(earlier);
      if (isAnswered(withEarlier)) candidate = withEarlier;
    }
    const { answer } = candidate;
    // What a question leans on is what the earlier ones ask about: when the documents do not cover
    // one of them, they do not cover it either ("Is there a cafeteria? what time does it open?").
    const leansOnUnanswered = leans && earlierUnanswered;
    // Asked of what the answer before already quotes (「一日券多少錢？在哪裡賣？」 and 「一日券 150 元，僅於遊客中心
    // 售票窗口販售」), it is answered there: no note that the documents do not cover it.
    if ((!answer || !isAnswered(candidate)) && leans && !earlierUnanswered && statedIn(parts.at(-1), question))
      continue;
    if (!answer || !isAnswered(candidate) || leansOnUnanswered) {
      // Staff drafting a reply read the message themselves: a draft does not tell them where to ask.
      const contactLines = handOffLines({ ...request, question }, candidate, settings);
      parts.push(settings.audience === "staff" ? {} : { note: partAbstentionMessage(question, contactLines) });
      earlierUnanswered = true;
      heldBack ||= leansOnUnanswered;
      continue;
    }
    earlierUnanswered = false;
    // Two questions answered by the same words (「可以換房間嗎？要不要錢」) get them once.
    if (repeatsEarlierAnswers(answer, parts)) continue;
    // One that quotes all the last answer said and more answers both: it replaces it, numbered as it
    // was ("is the ride cancelled if it rains? do i get refunded"), rather than quoting it twice.
    const last = parts.at(-1);
    if (last && "answer" in last && repeatsEarlierAnswers(last.answer, [{ answer }])) {
      parts[parts.length - 1] = { answer: numberedFrom(answer, last.answer.citations[0]?.n ?? citations + 1) };
      citations += answer.citations.length - last.answer.citations.length;
      continue;
    }
    parts.push({ answer });
    first ??= candidate;
    citations += answer.citations.length;
  }
  const whole = await findAnswerCandidate(store, request, settings);
  if (!first && heldBack) {
    const { answer: _notAnswered, ...abstention } = whole;
    return abstention;
  }
  if (!first) return whole;
  const combined = combineAnswers(parts);
  // Read whole, the message may be answered better still: by words touching every question it asks,
  // more surely ("學費可以分期付嗎？分幾期" and the one sentence on paying in three instalments).
  const quoted = normalizeForMatching(whole.answer?.citations.map((citation) => citation.quote).join("\n") ?? "");
  const touches = (question: string) =>
    contentWords(question).some((word) => quoted.includes(normalizeForMatching(word.toLowerCase())));
  const wholeIsBetter =
    whole.answer !== undefined &&
    whole.answer.choices === undefined &&
    whole.answer.confidence >= combined.confidence &&
    questions.every(touches);
  return wholeIsBetter ? whole : { ...first, answer: combined };
}

/**
 * Whether an answered part's quotes state what `question` asks for: a figure or a place, which a
 * sentence states or does not; not a yes or no, a condition or whom to ask, which any of a few
 * words can seem to give.
 */
function statedIn(part: AnsweredPart | undefined, question: string): boolean {
  if (!part || !("answer" in part)) return false;
  const asked = readAskedAnswer(question);
  const checkable = asked.types.filter((type) => isStatedInFigures(type) || type === "contact");
  if (asked.yesOrNo || checkable.length === 0) return false;
  const quoted = part.answer.citations.map((citation) => citation.quote).join("\n");
  return answerFit(quoted, { ...asked, types: checkable }).fits;
}

/** An answer numbered from `first`: its citations and their markers shifted alike. */
function numberedFrom(answer: CandidateAnswer, first: number): CandidateAnswer {
  const shift = first - (answer.citations[0]?.n ?? first);
  if (shift === 0) return answer;
  const own = new Set(answer.citations.map(({ n }) => n));
  return {
    ...answer,
    answer: answer.answer.replace(/\[(\d+)\]/g, (marker, n: string) =>
      own.has(Number(n)) ? `[${Number(n) + shift}]` : marker,
    ),
    citations: answer.citations.map((citation) => ({ ...citation, n: citation.n + shift })),
  };
}

/**
 * Whether an answer says nothing an earlier part's answer did not say already: each of its lines (a
 * quote, a note on its source's language) is in one. What an answer says is its text, not its
 * citations' quotes: a quote spans the lines between the first and the last it quotes, so a table
 * row passed over between two quoted lines is in it without having been said.
 */
function repeatsEarlierAnswers(answer: CandidateAnswer, earlier: AnsweredPart[]): boolean {
  const said = earlier.map((part) => ("answer" in part ? withoutCitationMarkers(part.answer.answer) : "")).join("\n");
  return withoutCitationMarkers(answer.answer)
    .split("\n")
    .map((line) => line.trim())
    .every((line) => said.includes(line));
}

/** The contact lines an abstention gives: the asked collection's, else those of the office whose documents come closest. */
export function handOffLines(
  request: QuestionRequest,
  candidate: Pick<AnswerCandidate, "closestOffice">,
  settings: Pick<AnsweringSettings, "contactLines" | "contactLinesOf">,
): ContactLines {
  const { closestOffice } = candidate;
  if (request.collection !== undefined || !settings.contactLinesOf || closestOffice === undefined) {
    return settings.contactLines;
  }
  return settings.contactLinesOf(closestOffice);
}

/** The collection of the best passage when it is about what the question asks: an office to send the asker to. */
function closestOfficeOf(
  passages: Passage[],
  queryWeights: ReadonlyMap<string, number>,
  equivalents: Equivalents,
): string | undefined {
  const [best] = passages;
  return best && isAboutTheQuestion(best, queryWeights, equivalents) ? best.document.collection : undefined;
}

/**
 * The passage a choice names as it was offered (see choiceFor): a curated FAQ pair, or the first
 * passage of a section (a long section's best-ranked passage may be its third). The document is
 * read again only while it is published and still holds the passage found, so that a draft saved
 * meanwhile is never quoted.
 */
async function pickedSection(store: IndexStore, choice: string, passages: Passage[]): Promise<Passage | undefined> {
  const named = normalizeForMatching(choice).trim();
  const found = passages.find((passage) => normalizeForMatching(choiceFor(passage)).trim() === named);
  if (!found || found.chunk.faqQuestion !== undefined) return found;
  const stored = await store.getDocument(found.document.docId);
  if (
    stored?.document.status !== "published" ||
    !stored.chunks.some(({ chunkId }) => chunkId === found.chunk.chunkId)
  ) {
    return found;
  }
  const sameSection = (chunk: Passage["chunk"]) =>
    chunk.faqQuestion === undefined && chunk.headingPath.join("\n") === found.chunk.headingPath.join("\n");
  const first = stored.chunks
    .filter(sameSection)
    .reduce((earliest, chunk) => (chunk.position < earliest.position ? chunk : earliest), found.chunk);
  return first === found.chunk ? found : { ...found, chunk: first };
}

/** Milliseconds since `startedAt`, to two decimals, as responses report them. */
export function elapsedMs(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 100) / 100;
}

/** Whether a candidate answer is confident enough to be given (else the service abstains). */
export function isConfident(answer: CandidateAnswer | undefined, abstainThreshold: number): boolean {
  return (answer?.confidence ?? 0) >= abstainThreshold;
}

/**
 * The candidate as the response, or an abstention in the question's language when it is not
 * confident enough, offering the topics near the question as choices.
 */
export function settleAnswer(
  question: string,
  { answer, related = [] }: Pick<AnswerCandidate, "answer" | "related">,
  settings: Pick<AnsweringSettings, "abstainThreshold" | "contactLines" | "audience">,
  startedAt: number,
  extra: Pick<AnswerResponse, "grounding" | "fallback_reason" | "usage"> = {},
): AnswerResponse {
  const latency_ms = elapsedMs(startedAt);
  if (answer?.choices) {
    const text = clarifyingQuestion(detectLanguage(question), settings.audience);
    return { status: "clarify", ...answer, answer: text, ...extra, latency_ms };
  }
  if (answer && isConfident(answer, settings.abstainThreshold)) {
    return { status: "answered", ...answer, ...extra, latency_ms };
  }
  // A question in a language not read is told so, not offered topics it may not read either.
  const offered = isInAnotherLanguage(question) ? [] : related;
  return {
    status: "abstained",
    answer: abstentionMessage(question, settings.contactLines, settings.audience, offered.length > 0),
    ...(offered.length > 0 ? { choices: offered } : {}),
    citations: [],
    confidence: answer?.confidence ?? 0,
    mode: "extractive",
    ...extra,
    latency_ms,
  };
}

/** A curated FAQ answer when one matches the question closely, else the best extractive answer. */
export async function findAnswerCandidate(
  store: IndexStore,
  request: QuestionRequest,
  settings: Pick<AnsweringSettings, "faqMatchThreshold" | "embedder" | "confidenceModel" | "vocabulary" | "dictionary">,
  signal?: AbortSignal,
  /** The number of the answer's first citation: more than 1 when it follows other answers in one reply. */
  firstCitation = 1,
): Promise<AnswerCandidate> {
  const vocabulary = settings.vocabulary?.();
  // What the asker tells first ("My dad is 78 and can't get to the library anymore.") is read as a
  // conversation's earlier words are: it counts for less than what they then ask.
  const { background, question } = backgroundAndQuestion(request.question);
  const { queryWeights, words, passages, statistics, equivalents, equivalentsAcrossLanguages } = await retrievePassages(
    store,
    question,
    {
      collection: request.collection,
      limit: PASSAGES_FOR_ANSWER,
      context: [request.context, background].filter(Boolean).join(" ") || undefined,
      queryEmbedding: settings.embedder?.embedQuestion(standaloneText(request), signal),
      vocabulary,
      dictionary: settings.dictionary?.(),
    },
  );
  // The answer in the question's terms: a note on the source's language, and on the deployment's words.
  const readable = (answer: string) =>
    withTermNote(request.question, withSourceLanguageNote(request.question, answer), vocabulary);
  if (passages.length === 0) return { passages };
  const closestOffice = closestOfficeOf(passages, queryWeights, equivalents);

  // A topic picked from the choices offered: its curated answer, or its section from its start.
  const picked = request.choice ? await pickedSection(store, request.question, passages) : undefined;
  if (picked) {
    const curated = picked.chunk.faqQuestion !== undefined;
    const { answer, citations } = curated ? curatedAnswer(picked, firstCitation) : quoteSection(picked, firstCitation);
    return {
      answer: { answer: readable(answer), citations, confidence: 1, mode: curated ? "faq" : "extractive" },
      passages: [picked, ...passages.filter((passage) => passage.chunk.chunkId !== picked.chunk.chunkId)],
      closestOffice,
      picked: true,
    };
  }

  // Offered should the question be abstained on; a topic picked above is not.
  const related = relatedTopics(passages, queryWeights, equivalents);
  // A follow-up carries its conversation's topic, and a question told its background is told what it
  // is about: only a question asked on its own can be vague.
  // The question is read once for all that follows: what it asks for, and its terms.
  const asked = askedAnswerOf(request);
  const choices =
    request.context || background ? undefined : clarifyingChoices(request.question, passages, { words, asked });
  if (choices) {
    return {
      answer: {
        answer: clarifyingQuestion(detectLanguage(request.question)),
        citations: [],
        confidence: 0,
        mode: "extractive",
        choices,
      },
      passages,
      closestOffice,
    };
  }

  const match = await findMatchingFaq(store, queryWeights, passages, statistics, equivalents);
  if (match && match.similarity >= settings.faqMatchThreshold && answersAskedType(asked, match)) {
    const start = asked.yesOrNo ? 0 : afterYesOrNoOpening(match.passage.chunk.text);
    const { answer, citations } = curatedAnswer(match.passage, firstCitation, start);
    return {
      answer: {
        answer: readable(answer),
        citations,
        confidence: round(match.similarity),
        mode: "faq",
      },
      passages,
      closestOffice,
      related,
    };
  }

  const compose = (read: Passage[], readWith = equivalents) =>
    composeExtractiveAnswer(request.question, queryWeights, read, asked, readWith, firstCitation);
  const quoted = compose(passages);
  // A quote that sends the reader to another page by name is answered from that page: retrieved, or
  // else read from the index, in the question's words or their translations (a Chinese FAQ's pointer
  // to the English timetable).
  const referred = passagesReferredTo(quoted.citations, passages);
  // Each of its passages is as sure as what it says itself: the pointer's words are not counted for it.
  const fetched = referred
    ? undefined
    : await passagesOfDocumentReferredTo(
        store,
        quoted.citations,
        passages,
        (terms) => weightedCoverage(queryWeights, terms, equivalentsAcrossLanguages),
        request.collection,
      );
  const toFollow = referred ?? fetched;
  const followed = toFollow && compose(toFollow, equivalentsAcrossLanguages);
  // A page read from the index answers in the quote's stead only when it states what is asked.
  const answersInstead =
    followed !== undefined &&
    followed.citations.length > 0 &&
    (referred !== undefined || followed.answerTypeFound !== false);
  const extractive = answersInstead ? followed : quoted;
  const signals = measureConfidenceSignals(queryWeights, passages, extractive);
  if (extractive.citations.length === 0 || !signals) return { passages, closestOffice, related };
  const estimated = estimateConfidence(signals, settings.confidenceModel);
  // A message of one word ("罰款?") names a topic, not what is asked of it: a passage about it is a guess.
  const namesOnlyATopic = isOneWord(request.question) && !request.context;
  return {
    answer: {
      answer: readable(extractive.answer),
      citations: extractive.citations,
      confidence: round(namesOnlyATopic ? Math.min(estimated, ONE_WORD_CEILING) : estimated),
      mode: "extractive",
    },
    signals,
    passages,
    closestOffice,
    related,
  };
}

/**
 * Whether a curated answer states the kind of answer the question asks for: a curated question
 * about how to pay, worded like one about when to pay ("地價稅繳費期間"), is not its answer, nor a
 * curated yes the answer to a question asking whether parking costs money ("停車要錢嗎").
 */
function answersAskedType(asked: AskedAnswer, match: FaqMatch): boolean {
  const needed = asked.types.filter((type) => !isGivenInAnyWords(type));
  return needed.length === 0 || answerFit(match.passage.chunk.text, { ...asked, types: needed }).fits;
}

/** A sentence left without its opening word starts with a capital again ("guest checkout…" → "Guest checkout…"). */
/** A curated FAQ pair's answer, whole or from `start` (past a yes or no the question does not ask), cited. */
function curatedAnswer(passage: Passage, firstCitation: number, start = 0): { answer: string; citations: Citation[] } {
  const { text } = passage.chunk;
  return {
    answer: `${start > 0 ? capitalized(text.slice(start)) : text}[${firstCitation}]`,
    citations: [citePassage(firstCitation, passage, start, text.length)],
  };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
