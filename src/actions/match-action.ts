import { weightedAgreement } from "../retrieval/term-weights.js";
import { asksAboutTheAsker } from "../text/asks-about-the-asker.js";
import { nearSpellings } from "../text/near-spellings.js";
import { analyzeQueryTerms, type QueryTerm } from "../text/tokenize.js";
import { type Equivalent, type Equivalents, noEquivalents } from "../text/vocabulary.js";
import { wordSpecificity } from "../text/word-specificity.js";
import type { ActionDefinition } from "./action-definition.js";

/**
 * The least similarity (weighted F1 of the question's and an example's terms) at which a question
 * asks for an action. An example reworded in the asker's own words stays above it; a policy
 * question that shares the topic ("借書可以借多久" against "我借的書什麼時候到期") falls below.
 */
export const defaultActionMatchThreshold = 0.5;
/**
 * An example said whole inside a longer question ("我的學分" in 「我的學分夠畢業了嗎？」) matches it
 * too: the question asks for the record and something more, which the documents may answer. The
 * example must be at least this much of the question, so that "my" alone matches nothing.
 */
const CONTAINED_PRECISION = 0.9;
const CONTAINED_LEAST_RECALL = 0.25;
/** A word one slip away counts for less than the word itself, as in retrieval. */
const NEAR_SPELLING_SHARE = 0.8;

export interface ActionMatch {
  action: ActionDefinition;
  /** Weighted F1 of the question's terms and its closest example's (0–1). */
  similarity: number;
  /**
   * Share of the question's weight that example covers: below 1, the question asks something
   * besides the record ("夠畢業了嗎" beside "my credits"), which the documents may answer.
   */
  recall: number;
}

interface Example {
  action: ActionDefinition;
  weights: Map<string, number>;
}

/** Each of an action's question parameters' patterns, to find every value of it in a text. */
type ValuePatterns = ReadonlyMap<ActionDefinition, RegExp[]>;

/**
 * Matches a question to the action whose example questions say the same, with the text analysis
 * FAQ matching uses: each side's terms weighted by how few actions use them and how topical they
 * are in the language at large, and the two compared both ways. Only a question about the asker
 * ("我的…", "my …") asks for their record.
 */
export class ActionMatcher {
  private readonly examples: Example[];
  private readonly inverseFrequency: (term: string) => number;
  private readonly valuePatterns: ValuePatterns;
  /** Every term of every example: what a misspelt word of a question is looked up against. */
  private readonly exampleTerms = new Set<string>();

  constructor(
    readonly actions: readonly ActionDefinition[],
    private readonly threshold = defaultActionMatchThreshold,
  ) {
    this.valuePatterns = new Map(
      actions.map((action) => [
        action,
        Object.values(action.parameters).flatMap((parameter) =>
          parameter.from === "question" ? [new RegExp(parameter.regex.source, "gu")] : [],
        ),
      ]),
    );
    const read = actions.flatMap((action) =>
      [...action.examples.zh, ...action.examples.en].map((text) => ({
        action,
        terms: analyzeQueryTerms(this.withoutParameterValues(action, text)),
      })),
    );
    // How many actions use a term: a word every action's examples share ("查詢", "my") tells none apart.
    const actionsUsing = new Map<string, Set<string>>();
    for (const { action, terms } of read) {
      for (const term of terms.keys()) {
        const using = actionsUsing.get(term) ?? new Set<string>();
        using.add(action.id);
        actionsUsing.set(term, using);
        this.exampleTerms.add(term);
      }
    }
    const total = Math.max(actions.length, 1);
    this.inverseFrequency = (term) => {
      const using = actionsUsing.get(term)?.size ?? 0;
      return Math.log(1 + (total - using + 0.5) / (using + 0.5));
    };
    this.examples = read.map(({ action, terms }) => ({ action, weights: this.weigh(terms) }));
  }

  /** The action the question asks for, or none. */
  match(question: string, equivalents: Equivalents = noEquivalents): ActionMatch | undefined {
    if (this.examples.length === 0 || !asksAboutTheAsker(question)) return undefined;
    // Read as each action reads it: without the values of its parameters (a barcode is no word). The
    // question is read once for every action that has no value to take out of it.
    const readTexts = new Map<string, Map<string, number>>();
    const read = (text: string) => {
      let weights = readTexts.get(text);
      if (!weights) {
        weights = this.weigh(analyzeQueryTerms(text));
        readTexts.set(text, weights);
      }
      return weights;
    };
    const askedBy = (action: ActionDefinition) => read(this.withoutParameterValues(action, question));
    // A word no example uses may be one the examples use, typed with a slip ("libary", 時簡), as retrieval reads it.
    const slips = this.slipsIn(read(question).keys());
    const withSlips: Equivalents =
      slips.size === 0 ? equivalents : (term) => [...equivalents(term), ...(slips.get(term) ?? [])];
    let best: ActionMatch | undefined;
    for (const { action, weights } of this.examples) {
      const { recall, precision, f1 } = weightedAgreement(askedBy(action), weights, withSlips);
      const contained = precision >= CONTAINED_PRECISION && recall >= CONTAINED_LEAST_RECALL;
      const similarity = Math.max(f1, contained ? this.threshold : 0);
      if (!best || similarity > best.similarity || (similarity === best.similarity && recall > best.recall))
        best = { action, similarity, recall };
    }
    return best && best.similarity >= this.threshold ? best : undefined;
  }

  /** For each of the question's words no example uses, the example words one typing slip away. */
  private slipsIn(terms: Iterable<string>): Map<string, Equivalent[]> {
    const slips = new Map<string, Equivalent[]>();
    for (const term of terms) {
      if (this.exampleTerms.has(term)) continue;
      const near = nearSpellings(term).filter((candidate) => this.exampleTerms.has(candidate));
      if (near.length > 0)
        slips.set(
          term,
          near.map((candidate) => ({ terms: [candidate], share: NEAR_SPELLING_SHARE })),
        );
    }
    return slips;
  }

  /** `text` without what the action's parameter patterns match in it: "renew L0012345" is "renew". */
  private withoutParameterValues(action: ActionDefinition, text: string): string {
    let stripped = text;
    for (const pattern of this.valuePatterns.get(action) ?? []) stripped = stripped.replace(pattern, " ");
    return stripped;
  }

  private weigh(terms: ReadonlyMap<string, QueryTerm>): Map<string, number> {
    return new Map(
      [...terms].map(([term, { share, acrossWords }]) => [
        term,
        // A bigram across two words is an accident of phrasing: it counts for little.
        (acrossWords ? 0.25 : 1) * share * wordSpecificity(term) * this.inverseFrequency(term),
      ]),
    );
  }
}
