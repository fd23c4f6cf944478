import type { ChunkHit, IndexStore, QueryVector, TermStatistics } from "../store/index-store.js";
import { isMostlyChinese } from "../text/language.js";
import { quantitiesStatedIn, type StatedQuantity, withQuantitiesHeld } from "../text/quantity-ranges.js";
import { analyzeText } from "../text/tokenize.js";
import { type Equivalents, withMoreEquivalents } from "../text/vocabulary.js";
import { type QuestionContext, readQuestion } from "./read-question.js";
import { type AskedStatistics, chunkFrequencyOf } from "./term-statistics.js";
import { weightedCoverage } from "./term-weights.js";

/** How many lexical candidates are reranked. */
const CANDIDATE_COUNT = 40;
/** Terms in more than this share of chunks, and more than a few, are not matched on (they still count for coverage). */
const COMMON_TERM_SHARE = 0.25;
const COMMON_TERM_MIN_CHUNKS = 50;
const MIN_MATCH_TERMS = 3;
/** Share of the rerank score that comes from query coverage rather than BM25; 0.5 measured best of 0.3–0.7 on both evals. */
const COVERAGE_SHARE = 0.5;
/**
 * For a chunk whose own section heading, below its document's title, names what is asked ("What are
 * the overdue fines?" and the section "Overdue fines"): every section of the document shares the
 * title, and the one that merely mentions the words in its text would otherwise win.
 */
const SECTION_NAMED_BONUS = 0.1;
/** A heading names what is asked when it covers this share of the question. */
const SECTION_NAMES_QUESTION = 0.5;
/** Coverages this close are the same: weights summed in another order differ in their last digits. */
const COVERAGE_TIE = 1e-9;

/**
 * Whether a chunk's own section, below its document's title, names what is asked ("Ordering
 * transcripts" for "How do I order a transcript?"); the composer asks it too.
 */
export function namesOwnSection(
  chunk: Pick<ChunkHit["chunk"], "headingPath">,
  queryWeights: ReadonlyMap<string, number>,
  equivalents: Equivalents,
): boolean {
  const [, ...sections] = chunk.headingPath;
  const section = sections.at(-1);
  return (
    section !== undefined &&
    weightedCoverage(queryWeights, new Set(analyzeText(section)), equivalents) >= SECTION_NAMES_QUESTION
  );
}

export interface Passage extends ChunkHit {
  /** Rerank score: the index's score (BM25, or the fused one) relative to the best candidate, blended with query coverage. */
  relevance: number;
  /** Share of the query's weight that the chunk's terms cover (0–1). */
  coverage: number;
}

export interface RetrievedPassages {
  /** The query's distinct terms with their weights: inverse chunk frequency, less for boundary bigrams and everyday words. */
  queryWeights: Map<string, number>;
  /** The question's words among them (see ReadQuestion.words). */
  words: string[];
  passages: Passage[];
  /** What was read for the query's terms, for later steps to reuse. */
  statistics: AskedStatistics;
  /** Other ways of writing the query's terms that a passage's coverage counts (see weightedCoverage). */
  equivalents: Equivalents;
  /**
   * Those and the terms' translations, whichever language was searched: a page in the other language
   * that a retrieved one refers to is read with them.
   */
  equivalentsAcrossLanguages: Equivalents;
}

export interface RetrievalOptions extends QuestionContext {
  collection?: string;
  limit: number;
  /**
   * The query's embedding: the index then fuses chunks found by meaning with the lexical ones. It
   * may still be on its way; it is awaited only when the index is searched.
   */
  queryEmbedding?: QueryVector | Promise<QueryVector | undefined>;
}

/**
 * The terms worth matching on: one found in most chunks adds almost nothing to BM25 but makes the
 * index score nearly every chunk. The rarest few of the query's own are always kept so that a
 * query never matches nothing; other ways of writing them (the vocabulary's) only when selective.
 */
function selectiveTerms(terms: string[], alternatives: string[], statistics: TermStatistics): string[] {
  const frequency = (term: string) => chunkFrequencyOf(statistics, term);
  const ceiling = Math.max(statistics.chunkCount * COMMON_TERM_SHARE, COMMON_TERM_MIN_CHUNKS);
  const isSelective = (term: string) => frequency(term) <= ceiling;
  const selective = terms.filter(isSelective);
  const kept =
    selective.length >= MIN_MATCH_TERMS
      ? selective
      : [...terms].sort((left, right) => frequency(left) - frequency(right)).slice(0, MIN_MATCH_TERMS);
  return [...new Set([...kept, ...alternatives.filter(isSelective)])];
}

/** Candidates from the index, reranked so that passages covering the whole question win. */
export async function retrievePassages(
  store: IndexStore,
  query: string,
  options: RetrievalOptions,
): Promise<RetrievedPassages> {
  const {
    terms,
    ownTerms,
    words,
    queryWeights,
    statistics,
    equivalents: equivalentsOf,
    translations,
  } = await readQuestion(store, query, options);
  const dense = await options.queryEmbedding;
  // The asker's figures (「我女兒 10 歲」), which a band holds (「未滿 12 歲」) as writing them would,
  // told in the question or before it.
  const quantities = quantitiesStatedIn([options.context, query].filter(Boolean).join("\n"));
  const search = async (equivalents: Equivalents): Promise<RetrievedPassages> => {
    // Passages that say the question's words another way ("保證金" for "押金", "deposit") are candidates too.
    const alternatives = ownTerms.flatMap((term) => equivalents(term).flatMap((equivalent) => equivalent.terms));
    const hits = await store.searchChunks({
      terms: selectiveTerms(terms, alternatives, statistics),
      dense,
      collection: options.collection,
      limit: Math.max(CANDIDATE_COUNT, options.limit),
    });
    const passages = inQuestionsLanguageFirst(rerank(hits, queryWeights, equivalents, quantities), query).slice(
      0,
      options.limit,
    );
    return { queryWeights, words, passages, statistics, equivalents, equivalentsAcrossLanguages };
  };
  const equivalentsAcrossLanguages =
    translations.size === 0 ? equivalentsOf : withMoreEquivalents(equivalentsOf, translations);
  const inOwnLanguage = await search(equivalentsOf);
  const bestCoverage = ({ passages }: RetrievedPassages) => Math.max(0, ...passages.map((passage) => passage.coverage));
  // Nothing is left to translate when a passage in the question's words covers all of it.
  if (translations.size === 0 || bestCoverage(inOwnLanguage) >= 1) return inOwnLanguage;
  // Translated only when that explains more of the question: a passage in the question's own
  // words, where there is one, is not pushed aside by another sense of a translation.
  const acrossLanguages = await search(equivalentsAcrossLanguages);
  return bestCoverage(acrossLanguages) > bestCoverage(inOwnLanguage) ? acrossLanguages : inOwnLanguage;
}

/**
 * The passages with one in the question's language before one in the other that covers no more of
 * it: two pages that say the same (an FAQ sheet in English and the Chinese page, joined by the
 * deployment's vocabulary) answer in the asker's language. Their BM25 scores, over terms in two
 * languages, say nothing of which is the better.
 */
function inQuestionsLanguageFirst(passages: Passage[], question: string): Passage[] {
  const asksInChinese = isMostlyChinese(question);
  // Each passage's language read once; most searches find none in the other.
  const ordered = passages.map((passage) => ({
    passage,
    inOtherLanguage: isMostlyChinese(passage.chunk.text) !== asksInChinese,
  }));
  if (!ordered.some(({ inOtherLanguage }) => inOtherLanguage)) return passages;
  for (let index = 0; index < ordered.length; index++) {
    const { passage, inOtherLanguage } = ordered[index] as (typeof ordered)[number];
    if (!inOtherLanguage) continue;
    const later = ordered.findIndex(
      (other, at) => at > index && !other.inOtherLanguage && other.passage.coverage >= passage.coverage - COVERAGE_TIE,
    );
    if (later >= 0) ordered.splice(index, 0, ...ordered.splice(later, 1));
  }
  return ordered.map(({ passage }) => passage);
}

/** Candidates reranked so that passages covering the whole question win, best first. */
function rerank(
  hits: ChunkHit[],
  queryWeights: ReadonlyMap<string, number>,
  equivalents: Equivalents,
  quantities: readonly StatedQuantity[],
): Passage[] {
  // A hybrid search ranks by the fused score; BM25 alone would sink what was found by meaning.
  const indexScore = (hit: ChunkHit) => hit.fused ?? hit.score;
  const bestScore = Math.max(...hits.map(indexScore), Number.EPSILON);
  const passages = hits.map((hit): Passage => {
    const terms = withQuantitiesHeld(hit.terms, hit.chunk.text, quantities);
    const coverage = weightedCoverage(queryWeights, terms, equivalents);
    // A chunk's terms hold its headings': one covering less than a heading must is not named by its
    // section, and its heading need not be segmented (40 candidates a question).
    const sectionNamed = coverage >= SECTION_NAMES_QUESTION && namesOwnSection(hit.chunk, queryWeights, equivalents);
    const relevance =
      (1 - COVERAGE_SHARE) * (indexScore(hit) / bestScore) +
      COVERAGE_SHARE * coverage +
      (sectionNamed ? SECTION_NAMED_BONUS : 0);
    return { ...hit, terms, coverage, relevance };
  });
  return passages.sort((left, right) => right.relevance - left.relevance);
}
