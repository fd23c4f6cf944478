import type { Passage } from "../retrieval/retrieve-passages.js";
import type { Citation } from "../schemas.js";

/** Where a passage sits in its document, in the fields citations and search results share. */
export function passageLocation(passage: Passage): { heading?: string; page?: number; url?: string } {
  const heading = passage.chunk.headingPath.join(" > ");
  return {
    ...(heading ? { heading } : {}),
    ...(passage.chunk.page === undefined ? {} : { page: passage.chunk.page }),
    ...(passage.document.url === undefined ? {} : { url: passage.document.url }),
  };
}

/** A citation quoting `chunk.text.slice(start, end)`, verbatim. */
export function citePassage(n: number, passage: Passage, start: number, end: number): Citation {
  return {
    n,
    doc_id: passage.document.docId,
    chunk_id: passage.chunk.chunkId,
    title: passage.document.title,
    quote: passage.chunk.text.slice(start, end),
    ...passageLocation(passage),
  };
}
