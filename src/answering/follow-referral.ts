import type { Passage } from "../retrieval/retrieve-passages.js";
import type { Citation } from "../schemas.js";
import type { IndexStore } from "../store/index-store.js";
import { REFERS_ELSEWHERE } from "../text/line-kinds.js";
import { normalizeForMatching } from "../text/normalize.js";
import { quotedNames } from "../text/quoted-names.js";
import { splitSentences } from "../text/sentences.js";
import { analyzeText } from "../text/tokenize.js";
import { phrasePattern } from "../text/vocabulary.js";

/** A shorter name than this matches a title only in full: 「停車」 is in too many titles. */
const MIN_PART_OF_TITLE = 4;

/**
 * The retrieved passages with those of the document a quoted sentence sends the reader to first
 * (「符合低收入戶資格者，請另參閱「弱勢家庭水電費優惠」。」 and the page so titled), so that the answer
 * is looked for where the documents say it is. The document titled as named comes before one whose
 * title only holds the name. Undefined when no quoted sentence refers to a retrieved document by
 * name, or when the answer already quotes it.
 */
export function passagesReferredTo(
  citations: readonly Citation[],
  passages: readonly Passage[],
): Passage[] | undefined {
  const names = namesReferredTo(citations);
  if (names.length === 0) return undefined;
  const cited = new Set(citations.map((citation) => citation.doc_id));
  const candidates = passages.filter((passage) => !cited.has(passage.document.docId));
  const referredIds = new Set(
    titledAs(
      names,
      candidates.map((passage) => passage.document),
    ).map(({ docId }) => docId),
  );
  const referred = candidates.filter((passage) => referredIds.has(passage.document.docId));
  if (referred.length === 0) return undefined;
  return [...referred, ...passages.filter((passage) => !referred.includes(passage))];
}

/** Chunks of one referred document read for an answer, the best covering first: a page is rarely longer. */
const MAX_REFERRED_CHUNKS = 200;
/** And of those, the ones composed from. */
const REFERRED_PASSAGES = 10;

/**
 * The passages of a published document that a quoted sentence refers to by name when retrieval did
 * not find it (「時刻表與價格請參閱英文頁面〈Airport & Station Shuttle〉」 and the English page so
 * titled, which the words of a Chinese question did not reach), before the other passages retrieved:
 * each chunk covering the question as `coverageOf` reads its terms, the best covering first. Of the
 * collection asked, when one is. Undefined when the quote refers to no one such document, or the
 * index cannot be read: the quote is then answered as it is.
 */
export async function passagesOfDocumentReferredTo(
  store: Pick<IndexStore, "listDocuments" | "getDocument">,
  citations: readonly Citation[],
  passages: readonly Passage[],
  coverageOf: (terms: ReadonlySet<string>) => number,
  collection?: string,
): Promise<Passage[] | undefined> {
  const names = namesReferredTo(citations);
  if (names.length === 0) return undefined;
  const cited = new Set(citations.map((citation) => citation.doc_id));
  const known = new Set([...cited, ...passages.map((passage) => passage.document.docId)]);
  try {
    const documents = [...(await store.listDocuments()).values()].filter(
      (document) =>
        document.status === "published" &&
        !known.has(document.docId) &&
        (collection === undefined || document.collection === collection),
    );
    // One page, or none: a name several titles hold («收費標準») points to no one of them.
    const titled = titledAs(names, documents);
    const [referred] = titled;
    if (titled.length !== 1 || !referred) return undefined;
    const stored = await store.getDocument(referred.docId);
    if (!stored || stored.chunks.length === 0) return undefined;
    const { document } = stored;
    const read = stored.chunks
      .slice(0, MAX_REFERRED_CHUNKS)
      .map((chunk) => {
        const terms = new Set(
          analyzeText([document.title, ...chunk.headingPath, chunk.faqQuestion ?? "", chunk.text].join("\n")),
        );
        const coverage = coverageOf(terms);
        // Found by its name, not searched: it has no index score to rank by.
        return { chunk, document, score: 0, terms, coverage, relevance: coverage };
      })
      .sort((left, right) => right.coverage - left.coverage)
      .slice(0, REFERRED_PASSAGES);
    // The pointer is not read again: the page it points to is.
    return [...read, ...passages.filter((passage) => !cited.has(passage.document.docId))];
  } catch {
    return undefined;
  }
}

/** The names that the quote's referring sentences give (「…請參閱「弱勢家庭水電費優惠」。」), folded for matching. */
function namesReferredTo(citations: readonly Citation[]): string[] {
  // The names in the very sentences that refer: 「…印有「某某」字樣。詳見背面。」 names nothing to go to.
  return citations
    .flatMap((citation) => splitSentences(citation.quote))
    .filter((sentence) => REFERS_ELSEWHERE.test(sentence.text))
    .flatMap((sentence) => quotedNames(sentence.text))
    .map((name) => normalizeForMatching(name));
}

/** Of the documents, those titled as a name, else those whose title holds one. */
function titledAs<T extends { docId: string; title: string }>(names: readonly string[], documents: readonly T[]): T[] {
  const titled = (matches: (title: string, name: string) => boolean) =>
    documents.filter((document) => {
      const title = normalizeForMatching(document.title);
      return names.some((name) => matches(title, name));
    });
  const named = titled((title, name) => title === name);
  return named.length > 0 ? named : titled(holdsName);
}

/** Whether a title holds a name long enough to tell it, a Latin one as whole words ("Fees" is not in "Coffees"). */
function holdsName(title: string, name: string): boolean {
  return name.length >= MIN_PART_OF_TITLE && phrasePattern(name).test(title);
}
