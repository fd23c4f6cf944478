import type { Passage } from "../retrieval/retrieve-passages.js";
import type { TextSpan } from "../text/sentences.js";
import { analyzeText } from "../text/tokenize.js";

/** A sentence of a passage read for an extractive answer, with how well it answers the question. */
export interface CandidateSentence {
  /** Position among all candidates, in reading order: neighbours are adjacent sentences. */
  index: number;
  passage: Passage;
  span: TextSpan;
  terms: Set<string>;
  coverage: number;
  /** Whether it states an answer of a kind the question asks for. */
  fitsAskedType: boolean;
  /** Whether its passage's title or headings hold any of the question's words. */
  subjectAsked: boolean;
  /**
   * Whether the question names it: a table row by its key or by words of its label that the title
   * and headings lack, or a line whose label names the field asked for.
   */
  isNamed: boolean;
  /** How much of the question the words of its label cover that its title and headings lack; 0 without a label. */
  labelCoverage: number;
  /** Of a table row, its label (its first cell) when the question names it as written ("Japan" in "Japan shipping fee?"), folded. */
  namedLabel?: string;
  /** Of such a row, set when the question names one of its columns too ("the minimum term of the student plan"). */
  namedColumnToo?: true;
  /** How many cells it has as a table row; 0 when it is not one (a list item's "label：value" is not). */
  tableCells: number;
  /** Set for an item of a list under a heading that names the field asked ("Documents to bring"). */
  inNamedList?: true;
  /** How well the sentence answers the question, all signals together. */
  score: number;
}

/** A sentence as it is quoted: where it stands in its passage. */
export type QuotedSentence = Pick<CandidateSentence, "index" | "passage" | "span">;

export const IS_A_QUESTION = /[?？]$/;
/** A clause cut at a semicolon: the sentence goes on after it. */
export const ENDS_A_CLAUSE = /[;；]$/;

export function bestScoring(candidates: CandidateSentence[]): CandidateSentence | undefined {
  return candidates.reduce<CandidateSentence | undefined>(
    (leader, candidate) => (!leader || candidate.score > leader.score ? candidate : leader),
    undefined,
  );
}

/**
 * The terms of what names a passage's subject: its document's title, its headings, and an FAQ
 * pair's question, which heads its answer as a section's heading does. Read once per passage: the
 * office an abstention names, the topics it offers and the composer all ask again.
 */
const subjectTerms = new WeakMap<Passage, ReadonlySet<string>>();
export function subjectTermsOf(passage: Passage): ReadonlySet<string> {
  let terms = subjectTerms.get(passage);
  if (!terms) {
    terms = new Set(analyzeText(subjectTextOf(passage)));
    subjectTerms.set(passage, terms);
  }
  return terms;
}

/** What a passage is under: its document's title, its headings and its FAQ question. */
export function subjectTextOf({ document, chunk }: Passage): string {
  return [document.title, ...chunk.headingPath, chunk.faqQuestion ?? ""].join(" ");
}

/** Whether two passages lie under the same headings. */
export function isSameSection(passage: Passage, other: Passage): boolean {
  const [path, otherPath] = [passage.chunk.headingPath, other.chunk.headingPath];
  return path.length === otherPath.length && path.every((heading, index) => heading === otherPath[index]);
}

/**
 * Whether two passages are about one subject: they come from one document, unless that document is
 * an FAQ sheet, whose curated pairs each answer a question of their own (how to pay the house tax is
 * not what paying it late costs).
 */
export function isSameSubject(passage: Passage, other: Passage): boolean {
  if (passage.document.docId !== other.document.docId) return false;
  return passage.chunk.faqQuestion === undefined || passage.chunk.chunkId === other.chunk.chunkId;
}

/**
 * Whether two sentences follow each other in one paragraph of prose: not table rows, each a record
 * of its own, nor lines apart, as list items are.
 */
export function areInOneParagraph(one: CandidateSentence, other: CandidateSentence): boolean {
  const [first, second] = one.index < other.index ? [one, other] : [other, one];
  return (
    first.passage === second.passage &&
    second.index - first.index === 1 &&
    first.tableCells === 0 &&
    second.tableCells === 0 &&
    !startsNewLine(first, second)
  );
}

/** Whether a line break stands between two sentences of one passage. */
export function startsNewLine(sentence: QuotedSentence, later: QuotedSentence): boolean {
  return sentence.passage.chunk.text.slice(sentence.span.end, later.span.start).includes("\n");
}
