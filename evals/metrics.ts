import type { ConfidenceSignals } from "../src/config/confidence-model.js";
import { isSafetyStatus } from "../src/safety/safety-reply.js";

/** What happened to one eval question. */
export interface CaseResult {
  id: string;
  lang: string;
  /** How the question is put (golden sets: direct, paraphrase, short…). */
  kind?: string;
  /** Asked in the other language than every document that answers it (English about a Chinese page). */
  crossLanguage?: boolean;
  /** What the service replied: answered, abstained, or a reply that is not an answer (safety…). */
  status?: string;
  /** The reply expected instead of an answer (golden sets: safety, declined, clarify). */
  expectedStatus?: string;
  answerable: boolean;
  /** Distinct documents retrieved, best first. */
  rankedDocIds: string[];
  expectedDocIds: string[];
  confidence: number;
  /** The answer text, as the API would return it when answered. */
  answer: string;
  mode: "extractive" | "faq" | "generative" | "safety" | "record" | "none";
  citedDocIds: string[];
  answerCorrect: boolean;
  latencyMs: number;
  /** What the extractive confidence was estimated from, for calibration and error analysis. */
  signals?: ConfidenceSignals;
  /** Whether the service answered, when that was decided by the model and the grounding check, not the threshold. */
  decided?: boolean;
  /** Generated sentences the grounding check kept and dropped. */
  grounding?: { kept: number; dropped: number };
  /** Distinct documents plain BM25 ranks for the question, best first (see bm25-baseline.ts). */
  bm25RankedDocIds?: string[];
  /** Topics offered beside an abstention (see relatedTopics). */
  offeredTopics?: string[];
  /** Whether one of the offered topics, asked as the asker would by clicking it, was answered with every fact. */
  answeredByOfferedTopic?: boolean;
}

export interface AbstentionPoint {
  threshold: number;
  /** Of the questions abstained on, the share that were unanswerable. */
  precision: number;
  /** Of the unanswerable questions, the share abstained on. */
  recall: number;
  /** Of the answerable questions, the share wrongly refused. */
  answerableRefused: number;
}

/** An answer at or above this confidence is shown as sure; wrong there is the worst this service can do. */
export const CONFIDENT = 0.8;

export interface EvalMetrics {
  questions: number;
  answerable: number;
  unanswerable: number;
  hitAt1: number;
  hitAt5: number;
  mrrAt10: number;
  /** Answerable questions answered with every fact (golden) or the gold text (SQuAD). */
  answerCorrectness: number;
  /** Citations of answered answerable questions that point to an expected document. */
  citationCorrectness: number;
  faqAnswers: number;
  medianAnswerChars: number;
  /**
   * Of the questions answered, the share answered with confidence ≥ CONFIDENT and wrong: an
   * answerable question without every expected fact, or any answer to an unanswerable one.
   */
  confidentlyWrong: number;
  confidentlyWrongCount: number;
  abstention: AbstentionPoint;
  p50LatencyMs: number;
  p95LatencyMs: number;
  /** Generative mode: the share of generated sentences the grounding check kept. */
  groundingKept?: number;
  /** Of the questions expecting a reply other than an answer or abstention, the share that got it. */
  expectedReplies?: number;
  /** Questions the safety check answered instead of the documents (safety or declined replies). */
  safetyReplies?: number;
  /** Abstentions that offered related topics, and the answerable ones a topic, asked, answered right. */
  offeredTopics?: { answerableRefused: number; offered: number; answeredByATopic: number; unanswerableOffered: number };
}

export function isAnswered(result: CaseResult, threshold: number): boolean {
  return result.decided ?? (result.mode !== "none" && result.confidence >= threshold);
}

export function computeMetrics(results: CaseResult[], threshold: number): EvalMetrics {
  const answerable = results.filter((result) => result.answerable);
  const reciprocalRanks = answerable.map((result) => {
    const rank = result.rankedDocIds.slice(0, 10).findIndex((docId) => result.expectedDocIds.includes(docId));
    return rank < 0 ? 0 : 1 / (rank + 1);
  });
  const answeredAnswerable = answerable.filter((result) => isAnswered(result, threshold));
  const citations = answeredAnswerable.flatMap((result) =>
    result.citedDocIds.map((docId) => result.expectedDocIds.includes(docId)),
  );
  const answerLengths = results
    .filter((result) => isAnswered(result, threshold))
    .map((result) => [...result.answer].length);
  const latencies = results.map((result) => result.latencyMs);
  const answered = results.filter((result) => isAnswered(result, threshold));
  const confidentlyWrong = answered.filter(
    (result) => result.confidence >= CONFIDENT && !(result.answerable && result.answerCorrect),
  );
  return {
    questions: results.length,
    answerable: answerable.length,
    unanswerable: results.length - answerable.length,
    hitAt1: share(reciprocalRanks, (rank) => rank === 1),
    hitAt5: share(reciprocalRanks, (rank) => rank >= 1 / 5),
    mrrAt10: mean(reciprocalRanks),
    answerCorrectness: share(answerable, (result) => isAnswered(result, threshold) && result.answerCorrect),
    citationCorrectness: share(citations, Boolean),
    faqAnswers: results.filter((result) => isAnswered(result, threshold) && result.mode === "faq").length,
    medianAnswerChars: percentile(answerLengths, 50),
    confidentlyWrong: answered.length === 0 ? 0 : round(confidentlyWrong.length / answered.length),
    confidentlyWrongCount: confidentlyWrong.length,
    abstention: abstentionAt(results, threshold),
    p50LatencyMs: percentile(latencies, 50),
    p95LatencyMs: percentile(latencies, 95),
    ...groundingKept(results),
    ...expectedReplies(results),
    ...safetyReplies(results),
    ...offeredTopics(results),
  };
}

/** What the topics offered beside abstentions did, when they were asked (golden sets). */
function offeredTopics(results: CaseResult[]): Pick<EvalMetrics, "offeredTopics"> {
  if (!results.some((result) => result.answeredByOfferedTopic !== undefined)) return {};
  const abstained = results.filter((result) => result.status === "abstained");
  const refused = abstained.filter((result) => result.answerable);
  return {
    offeredTopics: {
      answerableRefused: refused.length,
      offered: refused.filter((result) => result.offeredTopics).length,
      answeredByATopic: refused.filter((result) => result.answeredByOfferedTopic).length,
      unanswerableOffered: abstained.filter((result) => !result.answerable && result.offeredTopics).length,
    },
  };
}

/**
 * The metrics of each question kind, in the order kinds first appear, then of the questions asked
 * in the other language than their documents ("cross-language", whatever their kind), when any are.
 */
export function metricsByKind(results: CaseResult[], threshold: number): Record<string, EvalMetrics> {
  // Questions labelled cross-language are in that row with the ones told from their documents.
  const kinds = [...new Set(results.map((result) => result.kind ?? "unlabelled"))].filter(
    (kind) => kind !== CROSS_LANGUAGE,
  );
  const crossLanguage = results.filter((result) => result.crossLanguage || result.kind === CROSS_LANGUAGE);
  return Object.fromEntries([
    ...kinds.map((kind) => [
      kind,
      computeMetrics(
        results.filter((result) => (result.kind ?? "unlabelled") === kind),
        threshold,
      ),
    ]),
    ...(crossLanguage.length > 0 ? [[CROSS_LANGUAGE, computeMetrics(crossLanguage, threshold)]] : []),
  ]);
}

/** How a system does on answerable questions: finding a right document, and answering from one. */
export interface RankingFigures {
  questions: number;
  hitAt1: number;
  hitAt5: number;
  /** Answered, citing a right document (a ranker "answers" every question with its first document). */
  answeredRightCitation: number;
  /** Answered with every fact (the service only: a ranker states no facts). */
  answerCorrectness?: number;
}

/** The service as it answers, the service's ranking alone, and plain BM25, on the same questions. */
export interface BaselineComparison {
  service: RankingFigures;
  /** Abstention off: the service's first-ranked document is its answer, as the baseline's is. */
  serviceRanking: RankingFigures;
  bm25: RankingFigures;
}

/**
 * The service against plain BM25 on the answerable questions whose results carry the baseline's
 * ranking. The service answers when its reply is "answered" and one of its citations is right; its
 * ranking alone and BM25 are credited with their first document, since neither abstains.
 */
export function compareWithBaseline(results: CaseResult[]): BaselineComparison {
  const compared = results.filter((result) => result.answerable && result.bm25RankedDocIds !== undefined);
  const isRight = (result: CaseResult) => (docId: string | undefined) =>
    docId !== undefined && result.expectedDocIds.includes(docId);
  const hitWithin = (ranked: (result: CaseResult) => string[], depth: number) =>
    share(compared, (result) => ranked(result).slice(0, depth).some(isRight(result)));
  const serviceRanked = (result: CaseResult) => result.rankedDocIds;
  const bm25Ranked = (result: CaseResult) => result.bm25RankedDocIds ?? [];
  const answered = (result: CaseResult) => result.status === "answered";
  const ranking = (ranked: (result: CaseResult) => string[]) => ({
    questions: compared.length,
    hitAt1: hitWithin(ranked, 1),
    hitAt5: hitWithin(ranked, 5),
    answeredRightCitation: hitWithin(ranked, 1),
  });
  return {
    service: {
      ...ranking(serviceRanked),
      answeredRightCitation: share(compared, (result) => answered(result) && result.citedDocIds.some(isRight(result))),
      answerCorrectness: share(compared, (result) => answered(result) && result.answerCorrect),
    },
    serviceRanking: {
      ...ranking(serviceRanked),
      // The answer it would give at any confidence.
      answerCorrectness: share(compared, (result) => result.answerCorrect),
    },
    bm25: ranking(bm25Ranked),
  };
}

/** The row of questions asked in the other language than their documents. */
const CROSS_LANGUAGE = "cross-language";

function safetyReplies(results: CaseResult[]): Pick<EvalMetrics, "safetyReplies"> {
  const count = results.filter((result) => result.status !== undefined && isSafetyStatus(result.status)).length;
  return count === 0 ? {} : { safetyReplies: count };
}

function expectedReplies(results: CaseResult[]): Pick<EvalMetrics, "expectedReplies"> {
  const expecting = results.filter(
    (result) => result.expectedStatus !== undefined && result.expectedStatus !== "abstained",
  );
  if (expecting.length === 0) return {};
  return { expectedReplies: share(expecting, (result) => result.status === result.expectedStatus) };
}

function groundingKept(results: CaseResult[]): Pick<EvalMetrics, "groundingKept"> {
  const checked = results.flatMap((result) => (result.grounding ? [result.grounding] : []));
  if (checked.length === 0) return {};
  const kept = checked.reduce((sum, grounding) => sum + grounding.kept, 0);
  const dropped = checked.reduce((sum, grounding) => sum + grounding.dropped, 0);
  return { groundingKept: kept + dropped === 0 ? 0 : round(kept / (kept + dropped)) };
}

export function abstentionAt(results: CaseResult[], threshold: number): AbstentionPoint {
  const abstained = results.filter((result) => !isAnswered(result, threshold));
  return {
    threshold,
    precision: share(abstained, (result) => !result.answerable),
    recall: share(
      results.filter((result) => !result.answerable),
      (result) => !isAnswered(result, threshold),
    ),
    answerableRefused: share(
      results.filter((result) => result.answerable),
      (result) => !isAnswered(result, threshold),
    ),
  };
}

/** The abstention trade-off at every threshold from 0.05 to 0.95. */
export function abstentionCurve(results: CaseResult[]): AbstentionPoint[] {
  return Array.from({ length: 19 }, (_, index) => abstentionAt(results, round((index + 1) * 0.05)));
}

/** Whether an answer holds the expected facts, ignoring width, case and spacing differences. */
export function containsFacts(answer: string, facts: string[], needed: "all" | "any"): boolean {
  const haystack = comparable(answer.replace(/\[\d+\]/g, ""));
  const found = (fact: string) => haystack.includes(comparable(fact));
  return needed === "all" ? facts.every(found) : facts.some(found);
}

function comparable(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

function share<T>(items: T[], predicate: (item: T) => boolean): number {
  return items.length === 0 ? 0 : round(items.filter(predicate).length / items.length);
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
