import type { Passage } from "../retrieval/retrieve-passages.js";
import type { Citation } from "../schemas.js";
import { REFERS_ELSEWHERE } from "../text/line-kinds.js";
import { normalizeForMatching } from "../text/normalize.js";

/** A name in quotation marks or title marks: 「弱勢家庭水電費優惠」, 〈付款方式〉, "Overdue Fines". */
const QUOTED_NAME = /[「『〈《“"]([^」』〉》”"\n]{2,40})[」』〉》”"]/gu;
/** A shorter name than this matches a title only in full: 「停車」 is in too many titles. */
const MIN_PART_OF_TITLE = 4;

/**
 * The retrieved passages with those of the document a quoted sentence sends the reader to first
 * (「符合低收入戶資格者，請另參閱「弱勢家庭水電費優惠」。」 and the page so titled), so that the answer
 * is looked for where the documents say it is. Undefined when no quoted sentence refers to a
 * document by a name that a retrieved document's title bears, or when it is already first.
 */
export function passagesReferredTo(
  citations: readonly Citation[],
  passages: readonly Passage[],
): Passage[] | undefined {
  const names = citations
    .filter((citation) => REFERS_ELSEWHERE.test(citation.quote))
    .flatMap((citation) =>
      [...citation.quote.matchAll(QUOTED_NAME)].map(([, name]) => normalizeForMatching(name ?? "")),
    );
  if (names.length === 0) return undefined;
  const cited = new Set(citations.map((citation) => citation.doc_id));
  const isReferredTo = (passage: Passage) => {
    const title = normalizeForMatching(passage.document.title);
    return (
      !cited.has(passage.document.docId) &&
      names.some((name) => title === name || (name.length >= MIN_PART_OF_TITLE && title.includes(name)))
    );
  };
  const referred = passages.filter(isReferredTo);
  return referred.length === 0 ? undefined : [...referred, ...passages.filter((passage) => !isReferredTo(passage))];
}
