import type { IndexStore, TermStatistics } from "../store/index-store.js";
import { type BilingualDictionary, MAX_PHRASE_WORDS } from "../text/bilingual-dictionary.js";
import { type CompoundReading, compoundReadings } from "../text/compound-words.js";
import { derivationalBases } from "../text/english-derivation.js";
import { englishTermOf } from "../text/english-term.js";
import { isSlipForFunctionWord, nearSpellings } from "../text/near-spellings.js";
import { hasHan, isAllHan, normalizeForMatching, taiwanWordFor } from "../text/normalize.js";
import { isRomanisedTerm, romanisedTermOf } from "../text/romanised-names.js";
import { analyzeQueryTerms, analyzeText, type QueryTerm } from "../text/tokenize.js";
import {
  type Equivalent,
  type Equivalents,
  joinEquivalents,
  Vocabulary,
  withMoreEquivalents,
} from "../text/vocabulary.js";
import { TOPICAL, wordSpecificity } from "../text/word-specificity.js";
import { type AskedStatistics, chunkFrequencyOf, statisticsFor } from "./term-statistics.js";
import { mostTellingTerms, weighTerms } from "./term-weights.js";

/** Share of their weight that words carried over from earlier in a conversation count for. */
const CONTEXT_SHARE = 0.5;
/**
 * Share of a question's word that a passage holding only its translation covers: the question's
 * own words come first, and a dictionary's translation may be of another sense.
 */
const TRANSLATION_SHARE = 0.7;
/**
 * Share of each word of an English phrase that a passage holding the phrase's translation covers
 * ("outlying island" and 離島): a phrase is a dictionary gloss far less often ambiguous than its words.
 */
const PHRASE_TRANSLATION_SHARE = 0.7;
/**
 * Share of a character standing alone that its translation covers (罰, "fine"): a character has
 * more senses than a word, and 停 is "stop" in few of them.
 */
const CHARACTER_TRANSLATION_SHARE = 0.5;
/** A name has one sense, and its translation is it (香港 and "Hong Kong", "Malaysia" and 馬來西亞). */
const NAME_TRANSLATION_SHARE = 1;
/** A word written another way (身份 for 身分, 打印 for Taiwan's 列印) is the same word: a passage holding it covers it fully. */
const SPELLING_SHARE = 1;
/** Translations of one word kept, of those the documents use. */
const MAX_TRANSLATIONS = 4;
/** Translations of one word looked up in the index: "time" alone glosses hundreds of words. */
const MAX_TRANSLATION_CANDIDATES = 12;
/** Translations looked up of each word an English word is made of ("pay" of "payment"). */
const MAX_DERIVED_TRANSLATION_CANDIDATES = 6;
const LATIN_WORD = /^[a-z]+$/;
/** A compound written apart or together is the same word: a passage holding it so covers it fully. */
const COMPOUND_SHARE = 1;
/** Share of a misspelt word that a passage holding a word one slip away covers: an exact spelling always wins. */
const NEAR_SPELLING_SHARE = 0.9;
/**
 * Share of a two-character word that the documents never write (養貓, 換證) held by a passage
 * that writes one of its characters as a word of its own (貓 in 「包括貓、狗」): the segmenter joins
 * a verb and its object that documents write apart, and the character alone may be another word.
 */
const CHARACTER_SHARE = 0.5;
/** Near spellings of one word kept, the ones the documents use most. */
const MAX_NEAR_SPELLINGS = 2;
/** Words of one question looked at for slips, the longest first: each costs hundreds of lookups. */
const MAX_MISSPELT_WORDS = 3;

/** What a question is read with besides its words. */
export interface QuestionContext {
  /** Words carried over from earlier in a conversation: they count, for less than the question's own. */
  context?: string;
  /** The deployment's synonyms and stop words; none by default. */
  vocabulary?: Vocabulary;
  /** Set to find passages in the other language: the question's words are also searched translated. */
  dictionary?: BilingualDictionary;
}

/** A question as retrieval reads it: its terms, their weights, and the other ways they may be written. */
export interface ReadQuestion {
  /** The terms searched for: the question's own and its conversation's, the most telling first kept. */
  terms: string[];
  /** Of those, the question's own. */
  ownTerms: string[];
  /**
   * Of the question's own terms, those that are words of it and weigh something: no bigram across
   * two words (請期 in 申請期限), which is an accident of writing them together.
   */
  words: string[];
  /** Each term's weight: inverse chunk frequency, less for boundary bigrams and everyday words. */
  queryWeights: Map<string, number>;
  statistics: AskedStatistics;
  /**
   * Other ways of writing the terms in the question's language: the vocabulary's, the dictionary's
   * spellings, Taiwan's word for a mainland one (打印 and 列印), near spellings.
   */
  equivalents: Equivalents;
  /** The terms' translations that the documents use; empty without a dictionary. */
  translations: Map<string, Equivalent[]>;
}

/** Reads a question's terms against the index: one statistics read, one more for near spellings, and one for the bigrams beside a slip. */
export async function readQuestion(store: IndexStore, query: string, options: QuestionContext): Promise<ReadQuestion> {
  const vocabulary = options.vocabulary ?? Vocabulary.empty;
  const stopped = vocabulary.stoppedTermsIn(query);
  const ownTerms = new Map([...analyzeQueryTerms(query)].filter(([term]) => !stopped.has(term)));
  const asked = new Map(ownTerms);
  const stoppedInContext = vocabulary.stoppedTermsIn(options.context ?? "");
  for (const [term, contextTerm] of analyzeQueryTerms(options.context ?? "")) {
    if (!asked.has(term) && !stoppedInContext.has(term))
      asked.set(term, { ...contextTerm, share: contextTerm.share * CONTEXT_SHARE });
  }
  const coverageShares = mostTellingTerms(asked);
  const terms = [...coverageShares.keys()];
  const ownAsked = terms.filter((term) => ownTerms.has(term));
  const { dictionary } = options;
  // Two characters the segmenter left apart that the dictionary knows as one word (年 + 費, 手 + 語).
  const splitDictionaryWords = ownAsked.filter(
    (term) =>
      ownTerms.get(term)?.acrossWords &&
      isAllHan(term) &&
      isPairOfLoneCharacters(term, ownTerms) &&
      (dictionary?.translationsOf(term).length ?? 0) > 0,
  );
  // The question as its English words are typed, read for phrases, slips and the words they are made of.
  const written = query.normalize("NFKC").toLowerCase();
  const writtenWords = englishWordsByTerm(written);
  const translatable = [...ownAsked.filter((term) => !ownTerms.get(term)?.acrossWords), ...splitDictionaryWords];
  const ownTranslations = lookUp(translatable, (term) =>
    dictionary?.translationsOf(term).slice(0, MAX_TRANSLATION_CANDIDATES),
  );
  const translationsOfBases = lookUp(
    translatable,
    (term) => dictionary && translationsOfBaseWords(term, writtenWords.get(term) ?? [term], dictionary),
  );
  // Words of three or four characters the dictionary knows that the segmenter cut apart (電子書 as 電子
  // and 書): translated whole, as a phrase is, for each of their pieces.
  const cutWords = dictionary
    ? dictionaryWordsCutApart(normalizeForMatching(query), ownTerms, dictionary)
    : new Map<string, string[]>();
  // A name an English question writes in Pinyin ("Beijiao"), as a Chinese page's name is indexed.
  const romanisations = lookUp(ownAsked, (term) => {
    if (!LATIN_WORD.test(term)) return undefined;
    const marked = (writtenWords.get(term) ?? [term]).map(romanisedTermOf).filter((name) => name !== undefined);
    return marked.map((name) => [name]);
  });
  const cutWordTranslations = lookUp([...cutWords.keys()], (word) =>
    dictionary?.translationsOf(word).slice(0, MAX_TRANSLATION_CANDIDATES),
  );
  // And written another way (充電寶, cut as 充電 and 寶, is Taiwan's 行動電源), for each of their pieces.
  const cutWordSpellings = lookUp([...cutWords.keys()], (word) => dictionary?.spellingsOf(word));
  const candidatePhrases = phraseTranslationsIn(written, new Set(ownAsked), dictionary);
  const candidateSpellings = lookUp(ownAsked, (term) => {
    const taiwan = isAllHan(term) && [...term].length > 1 ? taiwanWordFor(term) : undefined;
    return [...(dictionary?.spellingsOf(term) ?? []), ...(taiwan ? [[taiwan]] : [])];
  });
  const isOwnTerm = new Set(ownAsked);
  const compounds = compoundReadings(query, (term) => dictionary?.knowsEnglish(term) ?? false).filter((reading) =>
    isOwnTerm.has(reading.term),
  );
  const phrases = vocabulary.phraseEquivalentsIn(query, ownAsked);
  const twoCharacterWords = ownAsked.filter(
    (term) => !ownTerms.get(term)?.acrossWords && isAllHan(term) && [...term].length === 2,
  );
  // Looked up only when topical: an everyday one (去, 沒, 家) is never read for its word.
  const topicalCharacters = [...new Set(twoCharacterWords.flatMap((term) => [...term]))].filter(
    (character) => wordSpecificity(character) >= TOPICAL,
  );
  const ofQuestion = await statisticsFor(store, [
    ...terms,
    ...ownAsked.flatMap((term) => vocabulary.equivalentsOf(term).flatMap((equivalent) => equivalent.terms)),
    ...[...phrases.values()].flatMap((equivalents) => equivalents.flatMap((equivalent) => equivalent.terms)),
    ...[
      ...ownTranslations.values(),
      ...translationsOfBases.values(),
      ...cutWordTranslations.values(),
      ...romanisations.values(),
    ].flat(2),
    ...candidatePhrases.flatMap((phrase) => phrase.translations.flat()),
    ...[...candidateSpellings.values(), ...cutWordSpellings.values()].flat(2),
    ...compounds.flatMap((reading) => reading.instead),
    ...topicalCharacters,
  ]);
  const folded = normalizeForMatching(query);
  const fellApart = (term: string) => fellApartFromSlip(term, folded, ownTerms, ofQuestion);
  // An English word as written that some gloss writes; without a dictionary, any.
  const isEnglishWord = (word: string) => dictionary?.knowsEnglishWord(word) ?? true;
  // A word the dictionary knows is spelt right, even where no document uses it (cancer is no cancel);
  // one only stemmed to a word it knows is not ("roming", stemmed "rome").
  const isWordOfTheLanguage = (term: string) =>
    (dictionary?.knowsEnglish(term) ?? false) && (writtenWords.get(term) ?? []).every(isEnglishWord);
  const mayBeMisspelt = (term: string) =>
    (!ownTerms.get(term)?.acrossWords || fellApart(term)) && !isWordOfTheLanguage(term);
  // The statistics of the question's terms, and of the words its slips stand for.
  const corrected = await nearSpellingsInIndex(
    store,
    ownAsked.filter(mayBeMisspelt),
    ofQuestion,
    writtenWords,
    isEnglishWord,
  );
  const { corrections } = corrected;
  // A slip is also a slip in the bigrams across it and its neighbours (洋前 of 「打洋前」 is 烊前).
  const slipNeighbours = neighboursOfSlips(corrections, ownTerms);
  const statistics = await statisticsFor(store, [...slipNeighbours.values()], corrected.statistics);
  const neighboursPutRight = new Map(
    [...slipNeighbours]
      .filter(([, neighbour]) => chunkFrequencyOf(statistics, neighbour) > 0)
      .map(([bigram, neighbour]) => [bigram, [{ terms: [neighbour], share: NEAR_SPELLING_SHARE }]]),
  );
  const isSlipForStopWord = (term: string) =>
    chunkFrequencyOf(statistics, term) === 0 && isSlipForFunctionWord(term, isWordOfTheLanguage);
  // A small corpus has never seen many everyday words ("throw", "bring"): the language at large says
  // they are. Not names: 美國 is everyday in the news, and a question naming it asks about it.
  const specificity = (term: string) => {
    if (!dictionary) return wordSpecificity(term);
    if (!hasHan(term)) return dictionary.specificityOf(term);
    return dictionary.isName(term) ? 1 : wordSpecificity(term);
  };
  const unknownWords = new Set(ownAsked.filter((term) => isUnknownWord(term, ownTerms, statistics)));
  const inIndex = (term: string) => chunkFrequencyOf(statistics, term) > 0;
  // A word's own translations first; those of the word it is made of only where the documents use none.
  const candidateTranslations = new Map(ownTranslations);
  for (const [term, ofBases] of translationsOfBases) {
    const own = ownTranslations.get(term) ?? [];
    if (own.some((translation) => translation.every(inIndex))) continue;
    // A base of another sense is no help ("signal" is no "sign", 信號 no 報名): where the word has
    // translations of its own, a base's must share a character with one of them (每月 with 按月).
    const ownCharacters = new Set(own.flatMap((translation) => translation.flatMap((part) => [...part])));
    const kept =
      own.length === 0
        ? ofBases
        : ofBases.filter((translation) => translation.some((part) => [...part].some((c) => ownCharacters.has(c))));
    if (kept.length > 0) candidateTranslations.set(term, kept);
  }
  for (const [term, names] of romanisations)
    candidateTranslations.set(term, [...names, ...(candidateTranslations.get(term) ?? [])]);
  // Such a word that no document of the question's language writes, and the other language's do,
  // is asked in its translation: 年費 is the "annual fee" of an English page.
  const translatedSplitWords = splitDictionaryWords.filter(
    (term) =>
      !inIndex(term) && (candidateTranslations.get(term) ?? []).some((translation) => translation.every(inIndex)),
  );
  const readTerms = readAsWritten(
    coverageShares,
    [...corrections.keys(), ...unknownWords, ...translatedSplitWords],
    isSlipForStopWord,
  );
  const queryWeights = weighTerms(readTerms, statistics, specificity);
  // A slip weighs what the word it stands for weighs: unseen, it would weigh as the rarest word
  // of all ("buildng" over "building", far above the day and the time asked).
  for (const [term, [correction]] of [...corrections, ...neighboursPutRight]) {
    const typed = readTerms.get(term);
    const [word] = correction?.terms ?? [];
    if (typed && word !== undefined && chunkFrequencyOf(statistics, term) === 0)
      queryWeights.set(term, weighTerms(new Map([[word, typed]]), statistics, specificity).get(word) ?? 0);
  }
  const spellings = equivalentsInIndex(candidateSpellings, statistics, () => SPELLING_SHARE);
  const cutWordsWritten = equivalentsInIndex(cutWordSpellings, statistics, () => SPELLING_SHARE);
  const readOtherwise = withMoreEquivalents(
    vocabulary.equivalentsOf,
    phrases,
    spellings,
    corrections,
    neighboursPutRight,
    compoundsInIndex(compounds, statistics),
    equivalentsOfInnerBigrams(piecesOf(cutWords), (word) => cutWordsWritten.get(word) ?? []),
  );
  // Only a word read no other way: 定單 is a slip for 訂單, not 定 and 單.
  const unread = twoCharacterWords.filter((term) => readOtherwise(term).length === 0);
  const wordsOfInnerBigram = innerBigramsOf(ownAsked.filter((term) => !ownTerms.get(term)?.acrossWords));
  const wordEquivalents = withMoreEquivalents(
    readOtherwise,
    charactersInIndex(unread, new Set(topicalCharacters), statistics),
  );
  const equivalents = withMoreEquivalents(
    wordEquivalents,
    equivalentsOfInnerBigrams(wordsOfInnerBigram, wordEquivalents),
  );
  const isName = (term: string) => dictionary?.isName(term) ?? false;
  const wordTranslations = equivalentsInIndex(candidateTranslations, statistics, (term, translation) =>
    isRomanisedTerm(translation[0] ?? "") ||
    isName(term) ||
    (translation.length === 1 && isName(translation[0] ?? "")) ||
    (dictionary?.namesTranslating(term).has(translation.join(" ")) ?? false)
      ? NAME_TRANSLATION_SHARE
      : isAllHan(term) && [...term].length === 1
        ? CHARACTER_TRANSLATION_SHARE
        : TRANSLATION_SHARE,
  );
  const ofWords = joinEquivalents(wordTranslations, phrasesInIndex(candidatePhrases, statistics));
  const ofCutWords = equivalentsInIndex(cutWordTranslations, statistics, () => TRANSLATION_SHARE);
  const translations = joinEquivalents(
    ofWords,
    equivalentsOfInnerBigrams(wordsOfInnerBigram, (word) => ofWords.get(word) ?? []),
    equivalentsOfInnerBigrams(piecesOf(cutWords), (word) => ofCutWords.get(word) ?? []),
  );
  const words = ownAsked.filter(
    (term) => (!ownTerms.get(term)?.acrossWords || unknownWords.has(term)) && (queryWeights.get(term) ?? 0) > 0,
  );
  return { terms, ownTerms: ownAsked, words, queryWeights, statistics, equivalents, translations };
}

const LATIN_LETTER = /[a-z]/;

/** An English phrase of the question that the dictionary translates, as its terms and their translations. */
interface TranslatedPhrase {
  terms: string[];
  translations: readonly (readonly string[])[];
}

/**
 * The phrases of two or three English words in a question that some gloss is, with their Chinese
 * translations: words run together only where nothing but spaces and stop words stands between them.
 */
function phraseTranslationsIn(
  written: string,
  asked: ReadonlySet<string>,
  dictionary: BilingualDictionary | undefined,
): TranslatedPhrase[] {
  if (!dictionary) return [];
  // Most questions to a Chinese help desk have no English word to read again.
  if (!LATIN_LETTER.test(written)) return [];
  const phrases: TranslatedPhrase[] = [];
  for (const run of written.split(/[^a-z'\s]+/)) {
    const terms = analyzeText(run);
    for (let start = 0; start < terms.length; start++) {
      for (let length = 2; length <= MAX_PHRASE_WORDS && start + length <= terms.length; length++) {
        const phrase = terms.slice(start, start + length);
        if (!phrase.every((term) => asked.has(term))) continue;
        const translations = dictionary.translationsOfPhrase(phrase);
        if (translations.length > 0) phrases.push({ terms: phrase, translations });
      }
    }
  }
  return phrases;
}

/**
 * Each phrase word's equivalents through the translations of its phrases that the documents use,
 * besides its own: a phrase is glossed far less often in another sense than its words ("phone
 * number" is 電話, where "phone" alone reaches 致電 first and "number" 編號).
 */
function phrasesInIndex(phrases: TranslatedPhrase[], statistics: TermStatistics): Map<string, Equivalent[]> {
  const byPhrase = equivalentsInIndex(
    new Map(phrases.map(({ terms, translations }) => [terms.join(" "), translations])),
    statistics,
    () => PHRASE_TRANSLATION_SHARE,
  );
  return joinEquivalents(
    ...phrases.map(({ terms }) => new Map(terms.map((term) => [term, byPhrase.get(terms.join(" ")) ?? []]))),
  );
}

/**
 * For each bigram inside a Chinese word of three or more characters (来西 in 马来西亚), the words it
 * is inside. Such a word and its inner bigrams share one word's weight (analyzeQueryTerms), so a
 * passage writing the word another way ("Malaysia") covers them too, or it would cover half of it.
 */
function innerBigramsOf(words: string[]): Map<string, string[]> {
  const wordsOf = new Map<string, string[]>();
  for (const word of words) {
    const characters = [...word];
    if (characters.length < 3 || !isAllHan(word)) continue;
    for (let index = 0; index + 1 < characters.length; index++) {
      const bigram = `${characters[index]}${characters[index + 1]}`;
      wordsOf.set(bigram, [...(wordsOf.get(bigram) ?? []), word]);
    }
  }
  return wordsOf;
}

/**
 * For each inner bigram, the equivalents of the words it is inside (see innerBigramsOf), where
 * they have any: read once, as the question is.
 */
function equivalentsOfInnerBigrams(
  wordsOf: ReadonlyMap<string, string[]>,
  equivalentsOfWord: (word: string) => readonly Equivalent[],
): Map<string, Equivalent[]> {
  const found = new Map<string, Equivalent[]>();
  for (const [bigram, words] of wordsOf) {
    const ofWords = words.flatMap(equivalentsOfWord);
    if (ofWords.length > 0) found.set(bigram, ofWords);
  }
  return found;
}

/**
 * The compound readings the documents bear out, as equivalents: a joined form they use, or the
 * parts of a word they never write whole ("lunchtime" where they write "lunch time").
 */
function compoundsInIndex(readings: CompoundReading[], statistics: TermStatistics): Map<string, Equivalent[]> {
  const inIndex = (term: string) => chunkFrequencyOf(statistics, term) > 0;
  const found = new Map<string, Equivalent[]>();
  for (const { term, instead, split } of readings) {
    if (!instead.every(inIndex) || instead.includes(term) || (split && inIndex(term))) continue;
    found.set(term, [...(found.get(term) ?? []), { terms: instead, share: COMPOUND_SHARE }]);
  }
  return found;
}

/**
 * The topical characters of two-character words the documents never write, where the documents
 * write them as words of their own.
 */
function charactersInIndex(
  words: string[],
  topical: ReadonlySet<string>,
  statistics: TermStatistics,
): Map<string, Equivalent[]> {
  const inIndex = (term: string) => chunkFrequencyOf(statistics, term) > 0;
  const found = new Map<string, Equivalent[]>();
  for (const word of words) {
    if (inIndex(word)) continue;
    const read = [...word].filter((character) => topical.has(character) && inIndex(character));
    if (read.length > 0)
      found.set(
        word,
        read.map((character) => ({ terms: [character], share: CHARACTER_SHARE })),
      );
  }
  return found;
}

/**
 * The words of three or four Han characters in a question that the dictionary translates and the
 * segmenter cut into words of the question (電子書 into 電子 and 書, 停車場 into 停車 and 場), each with
 * the question's terms inside it: its pieces and the bigrams across them.
 */
function dictionaryWordsCutApart(
  folded: string,
  ownTerms: ReadonlyMap<string, QueryTerm>,
  dictionary: BilingualDictionary,
): Map<string, string[]> {
  const isWord = (piece: string) => ownTerms.has(piece) && !ownTerms.get(piece)?.acrossWords;
  // Whether the characters are at least `pieces` of the question's words written one after another.
  const areWordsInARow = (characters: string[], pieces: number): boolean =>
    characters.length === 0
      ? pieces <= 0
      : characters.some(
          (_, end) =>
            isWord(characters.slice(0, end + 1).join("")) && areWordsInARow(characters.slice(end + 1), pieces - 1),
        );
  const found = new Map<string, string[]>();
  for (const [run] of folded.matchAll(/\p{Script=Han}{3,}/gu)) {
    const characters = [...run];
    for (let start = 0; start < characters.length; start++) {
      for (const length of [4, 3]) {
        const word = characters.slice(start, start + length).join("");
        if ([...word].length !== length || ownTerms.has(word) || found.has(word) || !areWordsInARow([...word], 2))
          continue;
        if (dictionary.translationsOf(word).length === 0) continue;
        found.set(
          word,
          [...ownTerms.keys()].filter((term) => isAllHan(term) && word.includes(term)),
        );
      }
    }
  }
  return found;
}

/** For each question term inside a cut word (dictionaryWordsCutApart), the words it is inside. */
function piecesOf(cutWords: ReadonlyMap<string, string[]>): Map<string, string[]> {
  const wordsOf = new Map<string, string[]>();
  for (const [word, pieces] of cutWords) {
    for (const piece of pieces) wordsOf.set(piece, [...(wordsOf.get(piece) ?? []), word]);
  }
  return wordsOf;
}

/**
 * The translations of the words an English term is made of ("monthly" → "month", "payment" →
 * "pay"), which a dictionary glosses more often than the words made of them.
 */
function translationsOfBaseWords(
  term: string,
  writtenAs: readonly string[],
  dictionary: BilingualDictionary,
): readonly (readonly string[])[] {
  if (!LATIN_WORD.test(term)) return [];
  const bases = writtenAs.flatMap((word) => derivationalBases(word, (base) => dictionary.knowsEnglishWord(base)));
  return bases.flatMap((base) =>
    dictionary.translationsOf(englishTermOf(base)).slice(0, MAX_DERIVED_TRANSLATION_CANDIDATES),
  );
}

/** Each term's non-empty result of `find`. */
function lookUp<T>(terms: string[], find: (term: string) => readonly T[] | undefined): Map<string, readonly T[]> {
  return new Map(
    terms.flatMap((term) => {
      const found = find(term) ?? [];
      return found.length > 0 ? [[term, found] as const] : [];
    }),
  );
}

/**
 * Whether `term` is a pair of lone characters that may be a misspelt word. A word the segmenter does
 * not know falls apart into single characters: a pair of them that no document holds may be the
 * slip, unless one of its characters pairs with its other lone neighbour into a word the documents
 * use (鳥擊指: 擊 is 鳥擊's, and 擊指 is no word).
 */
function fellApartFromSlip(
  term: string,
  foldedQuestion: string,
  ownTerms: ReadonlyMap<string, QueryTerm>,
  statistics: TermStatistics,
): boolean {
  const isLonePair = (pair: string) => isPairOfLoneCharacters(pair, ownTerms);
  if (!isLonePair(term)) return false;
  // A character no document holds is half of a slip, whatever its other neighbour makes with the
  // next one: 「息燈時簡」 is 息燈 and 時簡, though the documents' 熄燈時間 holds 燈時.
  if ([...term].some((character) => chunkFrequencyOf(statistics, character) === 0)) return true;
  const at = foldedQuestion.indexOf(term);
  if (at < 0) return false;
  const neighbours = [foldedQuestion.slice(Math.max(0, at - 1), at + 1), foldedQuestion.slice(at + 1, at + 3)];
  return !neighbours.some((pair) => pair !== term && isLonePair(pair) && chunkFrequencyOf(statistics, pair) > 0);
}

/** Of each word's translations or spellings, the first few whose terms the documents all use, as equivalents. */
function equivalentsInIndex(
  candidates: ReadonlyMap<string, readonly (readonly string[])[]>,
  statistics: TermStatistics,
  shareOf: (term: string, terms: readonly string[]) => number,
): Map<string, Equivalent[]> {
  const inIndex = (term: string) => chunkFrequencyOf(statistics, term) > 0;
  const translated = new Map<string, Equivalent[]>();
  for (const [term, translations] of candidates) {
    const used = translations.filter((terms) => terms.every(inIndex)).slice(0, MAX_TRANSLATIONS);
    if (used.length > 0)
      translated.set(
        term,
        used.map((terms) => ({ terms, share: shareOf(term, terms) })),
      );
  }
  return translated;
}

/** The English words of a question as typed (lower-cased), by their terms ("evn" → ["evning"]). */
function englishWordsByTerm(written: string): Map<string, string[]> {
  const byTerm = new Map<string, string[]>();
  for (const [word] of written.matchAll(/[a-z]+/g)) {
    const term = englishTermOf(word);
    const words = byTerm.get(term) ?? [];
    if (term !== word && !words.includes(word)) byTerm.set(term, [...words, word]);
  }
  return byTerm;
}

/**
 * For each of the question's words that no document uses, the words one typing slip away that the
 * documents do use ("conect" → "connect", "时简" → "时间"), the most used first, as equivalents.
 */
async function nearSpellingsInIndex(
  store: IndexStore,
  terms: string[],
  known: AskedStatistics,
  /** The words of the question as typed, by their terms: a slip is one away from what was typed, not from its stem. */
  written: ReadonlyMap<string, readonly string[]>,
  /** Whether an English spelling is a word of the language (see nearSpellings). */
  isWord: (word: string) => boolean,
): Promise<{ corrections: Map<string, Equivalent[]>; statistics: AskedStatistics }> {
  const unseen = terms.filter((term) => chunkFrequencyOf(known, term) === 0);
  const longestFirst = unseen.sort((left, right) => [...right].length - [...left].length);
  const candidates = new Map(
    longestFirst
      .flatMap((term) => {
        // "evning" is one slip from "evening"; its stem "evn" is too short to correct.
        const near = [
          ...new Set([term, ...(written.get(term) ?? [])].flatMap((typed) => nearSpellings(typed, isWord))),
        ].filter((candidate) => candidate !== term);
        return near.length > 0 ? [[term, near] as const] : [];
      })
      .slice(0, MAX_MISSPELT_WORDS),
  );
  const corrections = new Map<string, Equivalent[]>();
  if (candidates.size === 0) return { corrections, statistics: known };
  const statistics = await statisticsFor(store, [...candidates.values()].flat(), known);
  for (const [term, near] of candidates) {
    const used = near
      .filter((candidate) => chunkFrequencyOf(statistics, candidate) > 0)
      .sort((left, right) => chunkFrequencyOf(statistics, right) - chunkFrequencyOf(statistics, left))
      .slice(0, MAX_NEAR_SPELLINGS);
    if (used.length > 0)
      corrections.set(
        term,
        used.map((candidate) => ({ terms: [candidate], share: NEAR_SPELLING_SHARE })),
      );
  }
  return { corrections, statistics };
}

/**
 * For each bigram the question holds across a Chinese word typed with a slip and its neighbour
 * (洋前 in 「打洋前」, 打洋 standing for 打烊), the bigram with the slip's character put right (烊前).
 */
function neighboursOfSlips(
  corrections: ReadonlyMap<string, readonly Equivalent[]>,
  ownTerms: ReadonlyMap<string, QueryTerm>,
): Map<string, string> {
  const neighbours = new Map<string, string>();
  for (const [slip, [correction]] of corrections) {
    const [meant] = correction?.terms ?? [];
    if (meant === undefined || !isAllHan(slip) || [...slip].length !== 2 || [...meant].length !== 2) continue;
    const [typedFirst, typedLast] = [...slip] as [string, string];
    const [meantFirst, meantLast] = [...meant] as [string, string];
    for (const [bigram, { acrossWords }] of ownTerms) {
      const characters = [...bigram];
      if (!acrossWords || characters.length !== 2 || !isAllHan(bigram)) continue;
      const [first, second] = characters as [string, string];
      if (first === typedLast && typedLast !== meantLast) neighbours.set(bigram, `${meantLast}${second}`);
      else if (second === typedFirst && typedFirst !== meantFirst) neighbours.set(bigram, `${first}${meantFirst}`);
    }
  }
  return neighbours;
}

/**
 * Whether `term` is a word the segmenter does not know: two characters it left on their own (總 +
 * 館 of 總館, the main library), which the documents write together.
 */
function isUnknownWord(term: string, ownTerms: ReadonlyMap<string, QueryTerm>, statistics: TermStatistics): boolean {
  return (
    ownTerms.get(term)?.acrossWords === true &&
    isAllHan(term) &&
    isPairOfLoneCharacters(term, ownTerms) &&
    chunkFrequencyOf(statistics, term) > 0
  );
}

/** Whether `pair` is two characters the question's words hold each on its own (總 and 館). */
function isPairOfLoneCharacters(pair: string, ownTerms: ReadonlyMap<string, QueryTerm>): boolean {
  const characters = [...pair];
  return characters.length === 2 && characters.every((character) => ownTerms.has(character));
}

/**
 * The question's terms as its asker meant them: a function word typed with a slip is left out, and
 * a pair of characters read as one word counts as that word, in place of its two characters: a
 * slip for a word the documents use ("時簡" for 時間, not 時 and 簡), a word the segmenter does not
 * know (總館), or a word the dictionary knows that only the other language's documents write (年費).
 */
function readAsWritten(
  shares: ReadonlyMap<string, QueryTerm>,
  pairsReadAsWords: Iterable<string>,
  isSlipForStopWord: (term: string) => boolean,
): Map<string, QueryTerm> {
  const read = new Map([...shares].filter(([term]) => !isSlipForStopWord(term)));
  for (const term of pairsReadAsWords) {
    const asked = read.get(term);
    if (!asked?.acrossWords) continue;
    read.set(term, { share: 1, acrossWords: false });
    for (const character of term) read.delete(character);
  }
  return read;
}

/**
 * Every translation the dictionary knows of a term, as equivalents worth `share` of it: for checking
 * a sentence written in the other language than the passage it cites, word by word.
 */
export function translationEquivalents(dictionary: BilingualDictionary, share: number): Equivalents {
  return (term) => dictionary.translationsOf(term).map((terms) => ({ terms, share }));
}
