import type { Passage } from "../retrieval/retrieve-passages.js";
import type { Citation } from "../schemas.js";
import { REFERS_ELSEWHERE } from "../text/line-kinds.js";
import { normalizeForMatching } from "../text/normalize.js";
import { quotedNames } from "../text/quoted-names.js";
import { splitSentences } from "../text/sentences.js";

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
  // The names in the very sentences that refer: 「…印有「某某」字樣。詳見背面。」 names nothing to go to.
  const names = citations
    .flatMap((citation) => splitSentences(citation.quote))
    .filter((sentence) => REFERS_ELSEWHERE.test(sentence.text))
    .flatMap((sentence) => quotedNames(sentence.text))
    .map((name) => normalizeForMatching(name));
  if (names.length === 0) return undefined;
  const cited = new Set(citations.map((citation) => citation.doc_id));
  const candidates = passages.filter((passage) => !cited.has(passage.document.docId));
  const titled = (matches: (title: string, name: string) => boolean) =>
    candidates.filter((passage) => {
      const title = normalizeForMatching(passage.document.title);
      return names.some((name) => matches(title, name));
    });
  const named = titled((title, name) => title === name);
  const referred = named.length > 0 ? named : titled(holdsName);
  if (referred.length === 0) return undefined;
  return [...referred, ...passages.filter((passage) => !referred.includes(passage))];
}

/** Whether a title holds a name long enough to tell it, a Latin one as whole words ("Fees" is not in "Coffees"). */
function holdsName(title: string, name: string): boolean {
  if (name.length < MIN_PART_OF_TITLE) return false;
  if (!/\p{Script=Latin}/u.test(name)) return title.includes(name);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(title);
}
