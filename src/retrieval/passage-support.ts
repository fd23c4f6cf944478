import { numbersIn } from "../text/numbers.js";
import { analyzeQueryTerms, analyzeText } from "../text/tokenize.js";
import { type Equivalents, noEquivalents } from "../text/vocabulary.js";
import { wordSpecificity } from "../text/word-specificity.js";
import type { Passage } from "./retrieve-passages.js";
import { literalCoverage } from "./term-weights.js";

/** Share of a claim's content weight a passage must hold, with every number it states, to support it. */
export const MIN_SUPPORT = 0.5;

/** What a claim is checked by: its content terms, weighed, and the numbers it states. */
export interface Claim {
  weights: Map<string, number>;
  numbers: ReadonlySet<string>;
}

export function readClaim(text: string): Claim {
  return { weights: contentWeights(text), numbers: numbersIn(text) };
}

/** Content terms of a text, weighed by how topical they are in the language at large. */
export function contentWeights(text: string): Map<string, number> {
  return new Map(
    [...analyzeQueryTerms(text)].map(([term, { share }]) => [term, share * wordSpecificity(term)] as const),
  );
}

/**
 * How much of a claim a passage supports (0–1): the share of its content weight the passage holds
 * word for word (or, given `equivalents`, in translation, for their share), or 0 when the passage lacks a number the claim states (a number the passage does
 * not state is the commonest way a fluent answer goes wrong).
 */
export function supportOf(claim: Claim, passage: Passage, equivalents: Equivalents = noEquivalents): number {
  return statesAll(passage, claim.numbers) ? literalCoverage(claim.weights, termsOf(passage), equivalents) : 0;
}

export function isSupportedBy(claim: Claim, passage: Passage): boolean {
  return supportOf(claim, passage) >= MIN_SUPPORT;
}

function statesAll(passage: Passage, numbers: ReadonlySet<string>): boolean {
  if (numbers.size === 0) return true;
  const stated = numbersOf(passage);
  return [...numbers].every((number) => stated.has(number));
}

/**
 * The terms of what a passage says: its index terms, but for the wordings editors taught for it,
 * which are questions it answers, not what it states. Only a passage with taught wordings is
 * tokenised again (its title, headings, curated question and text), once.
 */
const statedTerms = new WeakMap<Passage, ReadonlySet<string>>();
function termsOf(passage: Passage): ReadonlySet<string> {
  const { chunk, document } = passage;
  if (!chunk.phrasings?.length) return passage.terms;
  let terms = statedTerms.get(passage);
  if (!terms) {
    const stated = [document.title, ...chunk.headingPath, chunk.faqQuestion ?? "", chunk.text].join(" ");
    terms = new Set(analyzeText(stated));
    statedTerms.set(passage, terms);
  }
  return terms;
}

/** The numbers a passage states, read once per passage: every claim is checked against them. */
const passageNumbers = new WeakMap<Passage, Set<string>>();
function numbersOf(passage: Passage): Set<string> {
  let numbers = passageNumbers.get(passage);
  if (!numbers) {
    numbers = numbersIn(`${passage.document.title} ${passage.chunk.headingPath.join(" ")} ${passage.chunk.text}`);
    passageNumbers.set(passage, numbers);
  }
  return numbers;
}
