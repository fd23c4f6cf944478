import type { Passage } from "../retrieval/retrieve-passages.js";
import { unionOf, weightedCoverage, withoutTerms } from "../retrieval/term-weights.js";
import type { Citation } from "../schemas.js";
import { INTRODUCES_WHAT_FOLLOWS, LIST_ITEM, TABLE_ROW } from "../text/line-kinds.js";
import { splitSentences, type TextSpan } from "../text/sentences.js";
import { analyzeText } from "../text/tokenize.js";
import { citePassage } from "./citations.js";

/** Passages whose sentences may be quoted, best first. */
const PASSAGES_TO_QUOTE = 3;
const MAX_SENTENCES = 3;
/** A further sentence must add this much of the question's weight to be worth its length. */
const MIN_ADDED_COVERAGE = 0.2;
/** Later passages are trusted a little less than the best one. */
const PASSAGE_RANK_DISCOUNT = 0.15;
const MAX_ANSWER_CHARS = 300;
/** Question terms found only in the passage's title or headings count this much for its sentences. */
const CONTEXT_WEIGHT = 0.9;
/** Preference for a sentence that holds the kind of answer asked for (a number for "how many"). */
const ANSWER_TYPE_BONUS = 0.3;
/** A sentence that is itself a question rarely answers one. */
const QUESTION_PENALTY = 0.6;
const ASKS_FOR_A_NUMBER =
  /多少|幾|何時|什麼時候|哪(一)?(天|年|月|日|週|周)|期限|截止|how (many|much|long|often|late|early|soon)|when|what time|deadline|which (day|date|year)/i;
const HAS_A_NUMBER =
  /[0-9０-９]|[一二三四五六七八九十兩半][十百千萬]?(?:個)?(?:學分|分|天|日|週|周|年|月|次|冊|元|小時|點|人|倍|成|%)/;
const IS_A_QUESTION = /[?？]$/;
const TABLE_HEADER_PENALTY = 1;

interface CandidateSentence {
  /** Position among all candidates, in reading order: neighbours are adjacent sentences. */
  index: number;
  passageRank: number;
  passage: Passage;
  span: TextSpan;
  terms: Set<string>;
  coverage: number;
  /** How well the sentence answers the question, all signals together. */
  score: number;
}

export interface ExtractiveAnswer {
  answer: string;
  citations: Citation[];
  /** Share of the question's weight covered by the quoted sentences (0–1). */
  sentenceCoverage: number;
}

/**
 * The best one to three sentences of the top passages: the sentence covering most of the
 * question, then others only where they cover what it missed; quoted in reading order, each
 * followed by the `[n]` of its passage.
 */
export function composeExtractiveAnswer(
  question: string,
  queryWeights: ReadonlyMap<string, number>,
  passages: Passage[],
): ExtractiveAnswer {
  const asksForANumber = ASKS_FOR_A_NUMBER.test(question);
  const candidates: CandidateSentence[] = [];
  passages.slice(0, PASSAGES_TO_QUOTE).forEach((passage, passageRank) => {
    const headingTerms = new Set(analyzeText(`${passage.document.title} ${passage.chunk.headingPath.join(" ")}`));
    const spans = splitSentences(passage.chunk.text);
    let tableHeaderTerms: ReadonlySet<string> = new Set();
    spans.forEach((span, spanIndex) => {
      const terms = new Set(analyzeText(span.text));
      const isRow = TABLE_ROW.test(span.text);
      const followsRow = spanIndex > 0 && TABLE_ROW.test(spans[spanIndex - 1]?.text ?? "");
      const isTableHeader = isRow && !followsRow && TABLE_ROW.test(spans[spanIndex + 1]?.text ?? "");
      if (isTableHeader) tableHeaderTerms = terms;
      // A table row means what its header says ("每學期住宿費"): the header's words count for it.
      const contextTerms = isRow && followsRow ? unionOf(headingTerms, tableHeaderTerms) : headingTerms;
      const coverage = weightedCoverage(queryWeights, terms);
      const onlyInContext = withoutTerms(contextTerms, terms);
      const score =
        coverage +
        CONTEXT_WEIGHT * weightedCoverage(queryWeights, onlyInContext) +
        (asksForANumber && HAS_A_NUMBER.test(span.text) ? ANSWER_TYPE_BONUS : 0) -
        (IS_A_QUESTION.test(span.text) ? QUESTION_PENALTY : 0) -
        // A header row alone answers nothing; it comes with the row that does.
        (isTableHeader ? TABLE_HEADER_PENALTY : 0) -
        PASSAGE_RANK_DISCOUNT * passageRank;
      candidates.push({ index: candidates.length, passageRank, passage, span, terms, coverage, score });
    });
  });
  const best = candidates.reduce<CandidateSentence | undefined>(
    (leader, candidate) => (!leader || candidate.score > leader.score ? candidate : leader),
    undefined,
  );
  if (!best) return { answer: "", citations: [], sentenceCoverage: 0 };

  const leadIn = listLeadIn(candidates, best) ?? tableHeader(candidates, best);
  const selected = leadIn ? [leadIn, best] : [best];
  const coveredTerms = new Set(selected.flatMap((sentence) => [...sentence.terms]));
  const length = () => selected.reduce((sum, sentence) => sum + sentence.span.text.length, 0);
  while (selected.length < MAX_SENTENCES && length() < MAX_ANSWER_CHARS) {
    const next =
      followingListLines(candidates, selected) ?? bestAddition(candidates, selected, queryWeights, coveredTerms);
    if (!next) break;
    selected.push(next);
    for (const term of next.terms) coveredTerms.add(term);
  }
  return formatAnswer(selected, weightedCoverage(queryWeights, coveredTerms));
}

/**
 * The sentence that introduces the list a chosen list line belongs to ("住宿生不得有下列行為："):
 * without it, "使用電鍋" would read as allowed.
 */
function listLeadIn(candidates: CandidateSentence[], line: CandidateSentence): CandidateSentence | undefined {
  if (!LIST_ITEM.test(line.span.text)) return undefined;
  const before = candidates[firstOfRun(candidates, line, LIST_ITEM) - 1];
  return before?.passage === line.passage && INTRODUCES_WHAT_FOLLOWS.test(before.span.text) ? before : undefined;
}

/** The header row of the table a chosen row belongs to: "2026年9月25日" means little without "截止". */
function tableHeader(candidates: CandidateSentence[], row: CandidateSentence): CandidateSentence | undefined {
  if (!TABLE_ROW.test(row.span.text)) return undefined;
  const header = candidates[firstOfRun(candidates, row, TABLE_ROW)];
  return header === row ? undefined : header;
}

/** Index of the first sentence in the unbroken run of `kind` lines, in one passage, that ends at `sentence`. */
function firstOfRun(candidates: CandidateSentence[], sentence: CandidateSentence, kind: RegExp): number {
  let index = sentence.index;
  while (candidates[index - 1]?.passage === sentence.passage && kind.test(candidates[index - 1]?.span.text ?? "")) {
    index--;
  }
  return index;
}

/** A sentence ending in a colon introduces the list lines that follow it, which belong with it. */
function followingListLines(
  candidates: CandidateSentence[],
  selected: CandidateSentence[],
): CandidateSentence | undefined {
  const last = selected.at(-1);
  if (!last) return undefined;
  const lastIndex = last.index;
  const previous = candidates[lastIndex - 1];
  const continuesList = LIST_ITEM.test(last.span.text) && previous !== undefined && selected.includes(previous);
  if (!INTRODUCES_WHAT_FOLLOWS.test(last.span.text) && !continuesList) return undefined;
  const following = candidates[lastIndex + 1];
  const isListLine = following !== undefined && (LIST_ITEM.test(following.span.text) || !continuesList);
  return isListLine && following.passage === last.passage && !selected.includes(following) ? following : undefined;
}

function bestAddition(
  candidates: CandidateSentence[],
  selected: CandidateSentence[],
  queryWeights: ReadonlyMap<string, number>,
  coveredTerms: Set<string>,
): CandidateSentence | undefined {
  const coveredNow = weightedCoverage(queryWeights, coveredTerms);
  let best: CandidateSentence | undefined;
  let bestGain = MIN_ADDED_COVERAGE;
  for (const candidate of candidates) {
    if (selected.includes(candidate) || IS_A_QUESTION.test(candidate.span.text)) continue;
    const union = unionOf(coveredTerms, candidate.terms);
    const gain = weightedCoverage(queryWeights, union) - coveredNow;
    if (gain >= bestGain) {
      best = candidate;
      bestGain = gain;
    }
  }
  return best;
}

/**
 * Each run of adjacent sentences from one passage is one citation, whose quote is exactly that run;
 * list markers are left out of the answer text (the quote keeps them, verbatim).
 */
function formatAnswer(selected: CandidateSentence[], sentenceCoverage: number): ExtractiveAnswer {
  const runs: CandidateSentence[][] = [];
  for (const sentence of [...selected].sort((left, right) => left.index - right.index)) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && last.index + 1 === sentence.index && last.passage === sentence.passage) run.push(sentence);
    else runs.push([sentence]);
  }
  const citations: Citation[] = [];
  let answer = "";
  for (const run of runs) {
    const first = run[0] as CandidateSentence;
    const last = run.at(-1) as CandidateSentence;
    const n = citations.length + 1;
    citations.push(citePassage(n, first.passage, first.span.start, last.span.end));
    const text = run.map((sentence) => sentence.span.text.replace(LIST_ITEM, "")).reduce(joinSentences, "");
    answer = joinSentences(answer, `${text}[${n}]`);
  }
  return { answer, citations, sentenceCoverage };
}

function joinSentences(text: string, sentence: string): string {
  if (!text) return sentence;
  // Table rows stay one to a line: "每學期住宿費松園" would run a header into its row.
  const lastLine = text.slice(text.lastIndexOf("\n") + 1);
  if (TABLE_ROW.test(lastLine) && TABLE_ROW.test(sentence)) return `${text}\n${sentence}`;
  return needsSpaceBetween(text, sentence) ? `${text} ${sentence}` : text + sentence;
}

function needsSpaceBetween(before: string, after: string): boolean {
  return /[A-Za-z0-9.!?:;,)\]]$/.test(before) && /^[A-Za-z0-9("']/.test(after);
}
