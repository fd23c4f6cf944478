import type { Passage } from "../retrieval/retrieve-passages.js";
import type { Citation } from "../schemas.js";
import type { ChunkRecord } from "../store/index-store.js";

/** Where a passage sits in its document, in the fields citations and search results share. */
export function passageLocation(passage: Passage): { heading?: string; page?: number; url?: string } {
  return {
    ...chunkLocation(passage.chunk),
    ...(passage.document.url === undefined ? {} : { url: passage.document.url }),
  };
}

/** Where a chunk is in its document: its heading path, ` > ` separated, and its PDF page. */
export function chunkLocation(chunk: Pick<ChunkRecord, "headingPath" | "page">): { heading?: string; page?: number } {
  const heading = chunk.headingPath.join(" > ");
  return { ...(heading ? { heading } : {}), ...(chunk.page === undefined ? {} : { page: chunk.page }) };
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

const CITATION_MARKER = /\[\d+\]/g;

/** An extractive answer's text without its citation markers ("[1]"): what it says. */
export function withoutCitationMarkers(answer: string): string {
  return answer.replace(CITATION_MARKER, "");
}
