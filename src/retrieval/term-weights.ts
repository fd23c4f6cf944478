import type { TermStatistics } from "../store/index-store.js";
import type { QueryTerm } from "../text/tokenize.js";
import { type Equivalents, noEquivalents } from "../text/vocabulary.js";
import { wordSpecificity } from "../text/word-specificity.js";
import { chunkFrequencyOf } from "./term-statistics.js";

/** BM25-style inverse chunk frequency; a term the index has never seen weighs the most. */
export function inverseChunkFrequency(term: string, statistics: TermStatistics): number {
  const frequency = chunkFrequencyOf(statistics, term);
  return Math.log(1 + (statistics.chunkCount - frequency + 0.5) / (frequency + 0.5));
}

/**
 * The weight of each term of a question: inverse chunk frequency, times the share of it that counts
 * (less for bigrams across words) and its general-language specificity (less for everyday words).
 * A bigram across two words that no chunk holds ("到第", "后办") is an accident of phrasing, not
 * something the question asks about, so it weighs nothing.
 */
export function weighTerms(
  terms: ReadonlyMap<string, QueryTerm>,
  statistics: TermStatistics,
  specificity: (term: string) => number = wordSpecificity,
): Map<string, number> {
  return new Map(
    [...terms].map(([term, { share, acrossWords }]) => {
      const unseen = chunkFrequencyOf(statistics, term) === 0;
      const weight = acrossWords && unseen ? 0 : inverseChunkFrequency(term, statistics) * share * specificity(term);
      return [term, weight];
    }),
  );
}

/**
 * More distinct terms than any question needs: the golden set's longest has 19, a 1,000-character
 * paragraph about 360, and 1,000 unrelated characters over 1,500.
 */
export const MAX_QUERY_TERMS = 64;
/** Bigrams across two words tell least about what is asked, so they are the first to go. */
const ACROSS_WORDS_PRIORITY = 0.5;

/**
 * A query's `max` most telling terms, in their order. Retrieving and answering cost grows with each
 * distinct term, so a pasted page or a string of unrelated characters would cost seconds of CPU;
 * this bounds it at the cost of a long question. "Telling" is judged before the index is read: the
 * share that counts and the word's general-language specificity.
 */
export function mostTellingTerms(terms: ReadonlyMap<string, QueryTerm>, max = MAX_QUERY_TERMS): Map<string, QueryTerm> {
  if (terms.size <= max) return new Map(terms);
  const priority = ([term, { share, acrossWords }]: [string, QueryTerm]) =>
    share * wordSpecificity(term) * (acrossWords ? ACROSS_WORDS_PRIORITY : 1);
  const ranked = [...terms].sort((left, right) => priority(right) - priority(left));
  const kept = new Set(ranked.slice(0, max).map(([term]) => term));
  return new Map([...terms].filter(([term]) => kept.has(term)));
}

const SINGLE_HAN_CHARACTER = /^\p{Script=Han}$/u;

/** Terms to compare a query with: a set of terms, the keys of a map of weighed terms, or a view of either. */
export interface TermSet {
  has(term: string): boolean;
  keys(): Iterable<string>;
}

/** The terms of both sets, without copying either. */
export function unionOf(first: TermSet, second: TermSet): TermSet {
  return {
    has: (term) => first.has(term) || second.has(term),
    *keys() {
      yield* first.keys();
      yield* second.keys();
    },
  };
}

/** The terms of `terms` that `excluded` lacks, without copying either. */
export function withoutTerms(terms: TermSet, excluded: TermSet): TermSet {
  return {
    has: (term) => terms.has(term) && !excluded.has(term),
    *keys() {
      for (const term of terms.keys()) if (!excluded.has(term)) yield term;
    },
  };
}

/**
 * How much of a question's term a set of terms covers, from 0 to 1: all of it when it holds the
 * term, the equivalent's share when it holds an equivalent (the deployment's synonym, a
 * translation). A one-character Chinese word ("退", "開", "繳") is usually written in documents
 * inside a longer term ("退還", "開放", "繳費"), so any term holding the character covers it.
 */
function coveredShare(terms: TermSet, term: string, equivalents: Equivalents): number {
  if (terms.has(term)) return 1;
  const share = equivalentShare(terms, term, equivalents);
  if (share > 0 || !SINGLE_HAN_CHARACTER.test(term)) return share;
  for (const candidate of terms.keys()) if (candidate.length > 1 && candidate.includes(term)) return 1;
  return 0;
}

/** The largest share of `term` that one of its equivalents held whole by `terms` gives, or 0. */
function equivalentShare(terms: TermSet, term: string, equivalents: Equivalents): number {
  let share = 0;
  for (const equivalent of equivalents(term)) {
    if (equivalent.share > share && equivalent.terms.every((part) => terms.has(part))) share = equivalent.share;
  }
  return share;
}

/** Whether a set of terms holds a question's term, in its words or others, read loosely (see coveredShare). */
export function holdsTerm(terms: TermSet, term: string, equivalents: Equivalents = noEquivalents): boolean {
  return coveredShare(terms, term, equivalents) > 0;
}

/** How much of a question's weight a set of terms covers, from 0 to 1, reading the question's words loosely (see coveredShare). */
export function weightedCoverage(
  queryWeights: ReadonlyMap<string, number>,
  terms: TermSet,
  equivalents: Equivalents = noEquivalents,
): number {
  return coverageBy(queryWeights, (term) => coveredShare(terms, term, equivalents));
}

/**
 * How much of a question's weight `extra` covers beyond what `terms` covers, term by term: a
 * sentence's heading adds only what the sentence does not already say, in its words or others.
 */
export function addedCoverage(
  queryWeights: ReadonlyMap<string, number>,
  terms: TermSet,
  extra: TermSet,
  equivalents: Equivalents = noEquivalents,
): number {
  return coverageBy(queryWeights, (term) =>
    Math.max(0, coveredShare(extra, term, equivalents) - coveredShare(terms, term, equivalents)),
  );
}

/**
 * How far two weighed questions say the same thing: how much of the first's weight the second
 * covers (`recall`), how much of the second's the first covers (`precision`), and their harmonic
 * mean (`f1`). A curated FAQ question, or an action's example, is matched to a student's by it.
 */
export function weightedAgreement(
  asked: ReadonlyMap<string, number>,
  other: ReadonlyMap<string, number>,
  equivalents: Equivalents = noEquivalents,
): { recall: number; precision: number; f1: number } {
  const recall = weightedCoverage(asked, other, equivalents);
  const precision = weightedCoverage(other, asked, equivalents);
  return { recall, precision, f1: recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision) };
}

/**
 * How much of a text's weight a set of terms holds word for word, from 0 to 1. Checking a model's
 * sentence against its passage needs this: 付款 in an answer is not supported by 繳交 in a passage.
 */
export function literalCoverage(
  weights: ReadonlyMap<string, number>,
  terms: TermSet,
  /** Other ways of writing a term that count, for their share (a translation); none by default. */
  equivalents: Equivalents = noEquivalents,
): number {
  return coverageBy(weights, (term) => (terms.has(term) ? 1 : equivalentShare(terms, term, equivalents)));
}

function coverageBy(weights: ReadonlyMap<string, number>, shareCovered: (term: string) => number): number {
  let total = 0;
  let covered = 0;
  for (const [term, weight] of weights) {
    total += weight;
    if (weight > 0) covered += weight * shareCovered(term);
  }
  return total === 0 ? 0 : covered / total;
}
