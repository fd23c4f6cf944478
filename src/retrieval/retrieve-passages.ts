import type { ChunkHit, IndexStore, QueryVector, TermStatistics } from "../store/index-store.js";
import type { BilingualDictionary } from "../text/bilingual-dictionary.js";
import { isSlipForFunctionWord, nearSpellings } from "../text/near-spellings.js";
import { analyzeQueryTerms, type QueryTerm } from "../text/tokenize.js";
import { type Equivalent, type Equivalents, Vocabulary } from "../text/vocabulary.js";
import { mostTellingTerms, weighTerms, weightedCoverage } from "./term-weights.js";

/** How many lexical candidates are reranked. */
const CANDIDATE_COUNT = 40;
/** Terms in more than this share of chunks, and more than a few, are not matched on (they still count for coverage). */
const COMMON_TERM_SHARE = 0.25;
const COMMON_TERM_MIN_CHUNKS = 50;
const MIN_MATCH_TERMS = 3;
/** Share of the rerank score that comes from query coverage rather than BM25; 0.5 measured best of 0.3–0.7 on both evals. */
const COVERAGE_SHARE = 0.5;
/** Share of their weight that words carried over from earlier in a conversation count for. */
const CONTEXT_SHARE = 0.5;
/**
 * Share of a question's word that a passage holding only its translation covers: the question's
 * own words come first, and a dictionary's translation may be of another sense.
 */
const TRANSLATION_SHARE = 0.7;
/** Translations of one word kept, of those the documents use. */
const MAX_TRANSLATIONS = 4;
/** Share of a misspelt word that a passage holding a word one slip away covers: an exact spelling always wins. */
const NEAR_SPELLING_SHARE = 0.8;
/** Near spellings of one word kept, the ones the documents use most. */
const MAX_NEAR_SPELLINGS = 2;

export interface Passage extends ChunkHit {
  /** Rerank score: the index's score (BM25, or the fused one) relative to the best candidate, blended with query coverage. */
  relevance: number;
  /** Share of the query's weight that the chunk's terms cover (0–1). */
  coverage: number;
}

/** Term statistics, with the terms they were read for (a term in no chunk is absent from `chunkFrequency`). */
export interface AskedStatistics extends TermStatistics {
  asked: ReadonlySet<string>;
}

/** Statistics for `terms`, reading from the index only those `known` was not read for. */
export async function statisticsFor(
  store: IndexStore,
  terms: Iterable<string>,
  known?: AskedStatistics,
): Promise<AskedStatistics> {
  const missing = [...new Set(terms)].filter((term) => !known?.asked.has(term));
  if (known && missing.length === 0) return known;
  const read = await store.termStatistics(missing);
  return {
    chunkCount: known?.chunkCount ?? read.chunkCount,
    chunkFrequency: new Map([...(known?.chunkFrequency ?? []), ...read.chunkFrequency]),
    asked: new Set([...(known?.asked ?? []), ...missing]),
  };
}

export interface RetrievedPassages {
  /** The query's distinct terms with their weights: inverse chunk frequency, less for boundary bigrams and everyday words. */
  queryWeights: Map<string, number>;
  passages: Passage[];
  /** What was read for the query's terms, for later steps to reuse. */
  statistics: AskedStatistics;
  /** Other ways of writing the query's terms that a passage's coverage counts (see weightedCoverage). */
  equivalents: Equivalents;
}

export interface RetrievalOptions {
  collection?: string;
  limit: number;
  /**
   * The query's embedding: the index then fuses chunks found by meaning with the lexical ones. It
   * may still be on its way; it is awaited only when the index is searched.
   */
  queryEmbedding?: QueryVector | Promise<QueryVector | undefined>;
  /** Words carried over from earlier in a conversation: they count, for less than the query's own. */
  context?: string;
  /** The deployment's synonyms and stop words; none by default. */
  vocabulary?: Vocabulary;
  /** Set to find passages in the other language: the question's words are also searched translated. */
  dictionary?: BilingualDictionary;
}

/**
 * The terms worth matching on: one found in most chunks adds almost nothing to BM25 but makes the
 * index score nearly every chunk. The rarest few of the query's own are always kept so that a
 * query never matches nothing; other ways of writing them (the vocabulary's) only when selective.
 */
function selectiveTerms(terms: string[], alternatives: string[], statistics: TermStatistics): string[] {
  const frequency = (term: string) => statistics.chunkFrequency.get(term) ?? 0;
  const ceiling = Math.max(statistics.chunkCount * COMMON_TERM_SHARE, COMMON_TERM_MIN_CHUNKS);
  const isSelective = (term: string) => frequency(term) <= ceiling;
  const selective = terms.filter(isSelective);
  const kept =
    selective.length >= MIN_MATCH_TERMS
      ? selective
      : [...terms].sort((left, right) => frequency(left) - frequency(right)).slice(0, MIN_MATCH_TERMS);
  return [...new Set([...kept, ...alternatives.filter(isSelective)])];
}

/** Of each word's translations, the first few whose terms the documents all use, as equivalents. */
function translationsInIndex(
  candidates: ReadonlyMap<string, readonly (readonly string[])[]>,
  statistics: TermStatistics,
): Map<string, Equivalent[]> {
  const inIndex = (term: string) => (statistics.chunkFrequency.get(term) ?? 0) > 0;
  const translated = new Map<string, Equivalent[]>();
  for (const [term, translations] of candidates) {
    const used = translations.filter((terms) => terms.every(inIndex)).slice(0, MAX_TRANSLATIONS);
    if (used.length > 0)
      translated.set(
        term,
        used.map((terms) => ({ terms, share: TRANSLATION_SHARE })),
      );
  }
  return translated;
}

/**
 * For each of the question's words that no document uses, the words one typing slip away that the
 * documents do use ("conect" → "connect", "时简" → "时间"), the most used first, as equivalents.
 */
async function nearSpellingsInIndex(
  store: IndexStore,
  terms: string[],
  known: AskedStatistics,
): Promise<Map<string, Equivalent[]>> {
  const frequency = (statistics: TermStatistics, term: string) => statistics.chunkFrequency.get(term) ?? 0;
  const candidates = new Map(
    terms.flatMap((term) => {
      const near = frequency(known, term) === 0 ? nearSpellings(term) : [];
      return near.length > 0 ? [[term, near] as const] : [];
    }),
  );
  const corrections = new Map<string, Equivalent[]>();
  if (candidates.size === 0) return corrections;
  const statistics = await statisticsFor(store, [...candidates.values()].flat(), known);
  for (const [term, near] of candidates) {
    const used = near
      .filter((candidate) => frequency(statistics, candidate) > 0)
      .sort((left, right) => frequency(statistics, right) - frequency(statistics, left))
      .slice(0, MAX_NEAR_SPELLINGS);
    if (used.length > 0)
      corrections.set(
        term,
        used.map((candidate) => ({ terms: [candidate], share: NEAR_SPELLING_SHARE })),
      );
  }
  return corrections;
}

/**
 * The question's terms as its asker meant them: a function word typed with a slip is left out, and
 * a pair of characters read as a slip for a word the documents use counts as that word, in place
 * of its two characters ("時簡" for 時間, not 時 and 簡).
 */
function readAsWritten(
  shares: ReadonlyMap<string, QueryTerm>,
  corrections: ReadonlyMap<string, unknown>,
  isSlipForStopWord: (term: string) => boolean,
): Map<string, QueryTerm> {
  const read = new Map([...shares].filter(([term]) => !isSlipForStopWord(term)));
  for (const term of corrections.keys()) {
    const asked = read.get(term);
    if (!asked?.acrossWords) continue;
    read.set(term, { share: 1, acrossWords: false });
    for (const character of term) read.delete(character);
  }
  return read;
}

/** Candidates from the index, reranked so that passages covering the whole question win. */
export async function retrievePassages(
  store: IndexStore,
  query: string,
  options: RetrievalOptions,
): Promise<RetrievedPassages> {
  const vocabulary = options.vocabulary ?? Vocabulary.empty;
  const isAskedTerm = (term: string) => !vocabulary.isStopTerm(term);
  const ownTerms = new Map([...analyzeQueryTerms(query)].filter(([term]) => isAskedTerm(term)));
  const asked = new Map(ownTerms);
  for (const [term, contextTerm] of analyzeQueryTerms(options.context ?? "")) {
    if (!asked.has(term) && isAskedTerm(term))
      asked.set(term, { ...contextTerm, share: contextTerm.share * CONTEXT_SHARE });
  }
  const coverageShares = mostTellingTerms(asked);
  const terms = [...coverageShares.keys()];
  const ownAsked = terms.filter((term) => ownTerms.has(term));
  const candidateTranslations = new Map(
    ownAsked.flatMap((term) => {
      const translations = options.dictionary?.translationsOf(term) ?? [];
      return translations.length > 0 && !ownTerms.get(term)?.acrossWords ? [[term, translations] as const] : [];
    }),
  );
  const statistics = await statisticsFor(store, [
    ...terms,
    ...ownAsked.flatMap((term) => vocabulary.equivalentsOf(term).flatMap((equivalent) => equivalent.terms)),
    ...[...candidateTranslations.values()].flat(2),
  ]);
  // A misspelt Chinese word is one the segmenter does not know, so it falls apart into single
  // characters: a pair of them that no document holds may be the slip, and is looked at too.
  const fellApart = (term: string) => [...term].length === 2 && [...term].every((character) => ownTerms.has(character));
  const corrections = await nearSpellingsInIndex(
    store,
    ownAsked.filter((term) => !ownTerms.get(term)?.acrossWords || fellApart(term)),
    statistics,
  );
  const isSlipForStopWord = (term: string) => !statistics.chunkFrequency.get(term) && isSlipForFunctionWord(term);
  const queryWeights = weighTerms(readAsWritten(coverageShares, corrections, isSlipForStopWord), statistics);
  const dense = await options.queryEmbedding;
  const search = async (equivalents: Equivalents): Promise<RetrievedPassages> => {
    // Passages that say the question's words another way ("保證金" for "押金", "deposit") are candidates too.
    const alternatives = ownAsked.flatMap((term) => equivalents(term).flatMap((equivalent) => equivalent.terms));
    const hits = await store.searchChunks({
      terms: selectiveTerms(terms, alternatives, statistics),
      dense,
      collection: options.collection,
      limit: Math.max(CANDIDATE_COUNT, options.limit),
    });
    const passages = rerank(hits, queryWeights, equivalents).slice(0, options.limit);
    return { queryWeights, passages, statistics, equivalents };
  };
  const equivalentsOf: Equivalents = (term) => {
    const corrected = corrections.get(term);
    return corrected ? [...vocabulary.equivalentsOf(term), ...corrected] : vocabulary.equivalentsOf(term);
  };
  const inOwnLanguage = await search(equivalentsOf);
  const translated = translationsInIndex(candidateTranslations, statistics);
  if (translated.size === 0) return inOwnLanguage;
  // Translated only when that explains more of the question: a passage in the question's own
  // words, where there is one, is not pushed aside by another sense of a translation.
  const acrossLanguages = await search((term) => [...equivalentsOf(term), ...(translated.get(term) ?? [])]);
  const bestCoverage = ({ passages }: RetrievedPassages) => Math.max(0, ...passages.map((passage) => passage.coverage));
  return bestCoverage(acrossLanguages) > bestCoverage(inOwnLanguage) ? acrossLanguages : inOwnLanguage;
}

/** Candidates reranked so that passages covering the whole question win, best first. */
function rerank(hits: ChunkHit[], queryWeights: ReadonlyMap<string, number>, equivalents: Equivalents): Passage[] {
  // A hybrid search ranks by the fused score; BM25 alone would sink what was found by meaning.
  const indexScore = (hit: ChunkHit) => hit.fused ?? hit.score;
  const bestScore = Math.max(...hits.map(indexScore), Number.EPSILON);
  const passages = hits.map((hit): Passage => {
    const coverage = weightedCoverage(queryWeights, hit.terms, equivalents);
    const relevance = (1 - COVERAGE_SHARE) * (indexScore(hit) / bestScore) + COVERAGE_SHARE * coverage;
    return { ...hit, coverage, relevance };
  });
  return passages.sort((left, right) => right.relevance - left.relevance);
}
