import { isAllHan, normalizeForMatching } from "./normalize.js";
import { analyzeQuery, analyzeQueryTerms, analyzeText } from "./tokenize.js";

/** Another way of writing a question's term: the terms a text must all hold, and the share of the term's weight it earns. */
export interface Equivalent {
  terms: readonly string[];
  share: number;
}

/** The equivalents of a term; none for most. */
export type Equivalents = (term: string) => readonly Equivalent[];

export const noEquivalents: Equivalents = () => [];

/**
 * `base` with more equivalents for some terms (a question's near spellings, translations), joined
 * once: coverage asks for a term's equivalents for every passage and sentence it weighs.
 */
export function withMoreEquivalents(
  base: Equivalents,
  ...more: ReadonlyMap<string, readonly Equivalent[]>[]
): Equivalents {
  const extra = joinEquivalents(...more);
  if (extra.size === 0) return base;
  const joined = new Map([...extra].map(([term, equivalents]) => [term, [...base(term), ...equivalents]]));
  return (term) => joined.get(term) ?? base(term);
}

/** Each term's equivalents from every map, in the maps' order. */
export function joinEquivalents(...maps: ReadonlyMap<string, readonly Equivalent[]>[]): Map<string, Equivalent[]> {
  const joined = new Map<string, Equivalent[]>();
  for (const map of maps)
    for (const [term, equivalents] of map) joined.set(term, [...(joined.get(term) ?? []), ...equivalents]);
  return joined;
}

/** A group's members are the same thing in other words: a passage holding one covers a question's other. */
const SYNONYM_SHARE = 1;

/**
 * A deployment's own words (`_vocabulary.yml` in its knowledge folder): groups of words its people
 * and its documents use for the same thing, and words too common in its questions to tell anything.
 * Lexical search cannot know that 押金 is a 保證金, or that a dorm is a residence hall; only the
 * deployment can, so none of this is in code.
 */
export class Vocabulary {
  static readonly empty = new Vocabulary([], []);

  private readonly equivalentsByTerm = new Map<string, Equivalent[]>();
  private readonly stopPhrases: readonly { pattern: RegExp; terms: string[] }[];
  /** Members a question writes as more than one of its terms ("late fee", 回來念), with the group's others. */
  private readonly phraseMembers: PhraseMember[];
  /** The groups that name the deployment's own word, with where each word is written. */
  private readonly namedGroups: readonly { preferred: WrittenWord; others: WrittenWord[] }[];

  constructor(
    readonly synonymGroups: readonly (readonly string[])[],
    readonly stopWords: readonly string[],
    /** Of the groups' words, the ones the deployment's documents use: 保證金 rather than 押金. */
    readonly preferredTerms: readonly string[] = [],
  ) {
    for (const members of synonymGroups) this.addGroup(members);
    this.phraseMembers = synonymGroups.flatMap((members) =>
      members
        .filter(isPhrase)
        .map((member) => phraseMemberOf(member, members.filter((other) => other !== member).map(termsOfMember))),
    );
    this.stopPhrases = stopWords.map((stopWord) => ({
      pattern: phrasePattern(stopWord),
      terms: analyzeQuery(stopWord),
    }));
    const written = (word: string): WrittenWord => ({ word, pattern: phrasePattern(word) });
    this.namedGroups = synonymGroups.flatMap((members) => {
      const preferred = members.find((member) => preferredTerms.includes(member));
      return preferred
        ? [{ preferred: written(preferred), others: members.filter((other) => other !== preferred).map(written) }]
        : [];
    });
  }

  /**
   * The question's words that `answer` gives in the deployment's own word instead ("押金" answered
   * with "保證金"), so that the asker can be told they are the same thing.
   */
  renamedIn(question: string, answer: string): { asked: string; preferred: string }[] {
    if (this.namedGroups.length === 0) return [];
    const asked = normalizeForMatching(question);
    const answered = normalizeForMatching(answer);
    return this.namedGroups.flatMap(({ preferred, others }) => {
      if (preferred.pattern.test(asked) || !preferred.pattern.test(answered)) return [];
      const word = others.find(({ pattern }) => pattern.test(asked) && !pattern.test(answered));
      return word ? [{ asked: word.word, preferred: preferred.word }] : [];
    });
  }

  /** Other ways of writing a query term, each the terms a passage must all hold to say the same. */
  readonly equivalentsOf: Equivalents = (term) => this.equivalentsByTerm.get(term) ?? [];

  /**
   * Equivalents for the terms of the group members a question writes as a phrase: asked "late fee",
   * a passage holding "fine" or 罰款 covers both "late" and "fee"; asked 回來念, one holding 復學
   * covers 回來 and 念. A member is a phrase when it is not one term of a question: several words,
   * or a Chinese word the segmenter may split.
   */
  phraseEquivalentsIn(question: string, questionTerms: readonly string[]): Map<string, Equivalent[]> {
    const found = new Map<string, Equivalent[]>();
    if (this.phraseMembers.length === 0) return found;
    let words: string[] | undefined;
    const written: WrittenQuestion = {
      folded: normalizeForMatching(question),
      terms: new Set(questionTerms),
      // Read in order only for a member whose words the question all holds: rarely.
      words: () => {
        words ??= analyzeText(question);
        return words;
      },
    };
    for (const { isWrittenIn, holds, others } of this.phraseMembers) {
      if (!isWrittenIn(written)) continue;
      for (const term of questionTerms.filter(holds)) {
        const known = found.get(term) ?? [];
        found.set(term, [...known, ...others.map((terms) => ({ terms, share: PHRASE_SHARE }))]);
      }
    }
    return found;
  }

  /**
   * The terms of the deployment's stop words that `text` holds whole: "Lakeside University" stops
   * its two words only where they are written together, 港北區 its characters only in 港北區.
   */
  stoppedTermsIn(text: string): Set<string> {
    const folded = normalizeForMatching(text);
    return new Set(this.stopPhrases.flatMap(({ pattern, terms }) => (pattern.test(folded) ? terms : [])));
  }

  private addGroup(members: readonly string[]): void {
    for (const member of members) {
      const key = keyOfMember(member);
      if (key === undefined) continue;
      const known = this.equivalentsByTerm.get(key) ?? [];
      for (const other of members) {
        const terms = other === member ? [] : termsOfMember(other);
        const isNew = !known.some((equivalent) => equivalent.terms.join(" ") === terms.join(" "));
        if (terms.length > 0 && isNew) known.push({ terms, share: SYNONYM_SHARE });
      }
      this.equivalentsByTerm.set(key, known);
    }
  }
}

interface PhraseMember {
  /** Whether a question writes the member whole. */
  isWrittenIn: (question: WrittenQuestion) => boolean;
  /** Whether a question's term is part of the member. */
  holds: (term: string) => boolean;
  /** The terms a passage must hold for each of the group's other members. */
  others: string[][];
}

/** A question as phrase members are looked for in it: folded, its terms, and its words in order. */
interface WrittenQuestion {
  folded: string;
  terms: ReadonlySet<string>;
  words: () => string[];
}

/**
 * Share of each of a phrase's terms that a passage holding another member of its group covers: the
 * phrase's words, each also a word of its own ("late", "fee"), count for a little less than a
 * synonym of one word.
 */
const PHRASE_SHARE = 0.8;

/** Whether a member is asked as more than one term: several words, or a Chinese word of three characters or more. */
function isPhrase(member: string): boolean {
  return isAllHan(member) ? [...member].length >= 3 : keyOfMember(member) === undefined;
}

/**
 * A member as a question may write it whole: a Chinese one as written (folded to the matching
 * script), its parts being the question's terms inside it; an English one as its words in a row,
 * as the index reads them ("late fees", "late-fee"), each word a term of it.
 */
function phraseMemberOf(member: string, others: string[][]): PhraseMember {
  if (isAllHan(member)) {
    const folded = normalizeForMatching(member);
    return {
      isWrittenIn: (question) => question.folded.includes(folded),
      holds: (term) => term !== folded && folded.includes(term),
      others,
    };
  }
  const words = analyzeText(member);
  const isInRow = (written: string[]) =>
    written.some((_, start) => words.every((word, offset) => written[start + offset] === word));
  return {
    isWrittenIn: (question) => words.every((word) => question.terms.has(word)) && isInRow(question.words()),
    holds: (term) => words.includes(term),
    others,
  };
}

interface WrittenWord {
  word: string;
  pattern: RegExp;
}

/**
 * Where a word or phrase is written, in text folded for matching: a Latin one whole ("fees" is not
 * in "coffees"), Chinese anywhere, as Chinese writes words together.
 */
export function phrasePattern(phrase: string): RegExp {
  const folded = normalizeForMatching(phrase.trim()).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return /\p{Script=Han}/u.test(folded)
    ? new RegExp(folded, "u")
    : new RegExp(`(?<![\\p{L}\\p{N}])${folded}(?![\\p{L}\\p{N}])`, "u");
}

/** The index terms a passage must hold to contain a member: a Chinese word's bigrams, however it was segmented. */
export function termsOfMember(member: string): string[] {
  if (!isAllHan(member)) return [...new Set(analyzeText(member))];
  const characters = [...normalizeForMatching(member)];
  if (characters.length <= 2) return [characters.join("")];
  return characters.slice(1).map((character, index) => `${characters[index]}${character}`);
}

/** What a member may be written with besides its word: particles and the passive 被 (掉了, 被偷). */
const PARTICLES = /^[了被給给著着過过的得地啦囉啰喔]+$/u;

/**
 * The query term a member is asked with, when it is a single word: as a question reads it, without
 * the particle or function word it is written with (掉了 is asked as 掉, 被偷 as 偷).
 */
function keyOfMember(member: string): string | undefined {
  if (isAllHan(member)) {
    const folded = normalizeForMatching(member);
    const words = [...analyzeQueryTerms(member)].filter(([, { acrossWords }]) => !acrossWords);
    const [word] = words.length === 1 ? (words[0] as [string, unknown]) : [];
    // Only particles may be left out: 不可以 is not asked as 不.
    return word !== undefined && PARTICLES.test(folded.replace(word, "")) ? word : folded;
  }
  const terms = member.includes(" ") ? [] : analyzeText(member);
  return terms.length === 1 ? terms[0] : undefined;
}

/**
 * One vocabulary holding the groups and stop words of all of `vocabularies` (the knowledge folder's
 * file and the editors' own). Groups that share a word are merged as within one vocabulary; when at
 * most one of them holds anything, it is returned as it is.
 */
export function combineVocabularies(vocabularies: readonly Vocabulary[]): Vocabulary {
  const holding = vocabularies.filter(
    (vocabulary) => vocabulary.synonymGroups.length > 0 || vocabulary.stopWords.length > 0,
  );
  if (holding.length <= 1) return holding[0] ?? Vocabulary.empty;
  return new Vocabulary(
    holding.flatMap((vocabulary) => vocabulary.synonymGroups),
    holding.flatMap((vocabulary) => vocabulary.stopWords),
    holding.flatMap((vocabulary) => vocabulary.preferredTerms),
  );
}

/**
 * The vocabulary of `sources` combined, as they are now. Each source returns the same object until
 * its vocabulary changes, so they are combined again only then, not at every question.
 */
export function combinedVocabularyOf(sources: readonly (() => Vocabulary)[]): () => Vocabulary {
  let combinedFrom: readonly Vocabulary[] = [];
  let combined = Vocabulary.empty;
  return () => {
    const current = sources.map((source) => source());
    if (current.some((vocabulary, index) => vocabulary !== combinedFrom[index])) {
      combined = combineVocabularies(current);
      combinedFrom = current;
    }
    return combined;
  };
}
