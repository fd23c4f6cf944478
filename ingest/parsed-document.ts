import type { DocumentFormat, DocumentStatus } from "../src/store/index-store.js";

/** One structural unit of a document, in reading order. */
export type DocumentBlock =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string; page?: number }
  /** One self-describing line per row (see `renderTableRows`); chunks are cut between rows only. */
  | { kind: "table"; rows: string[]; page?: number }
  | { kind: "faq"; question: string; answer: string };

/** What a parser extracts from a file; metadata left out is filled in from the path. */
export interface ParsedDocument {
  format: DocumentFormat;
  title?: string;
  url?: string;
  collection?: string;
  tags?: string[];
  lang?: string;
  status?: DocumentStatus;
  effectiveDate?: string;
  blocks: DocumentBlock[];
}

/** The text a block contributes to the document, as chunks quote it. */
export function blockText(block: DocumentBlock): string {
  if (block.kind === "faq") return `${block.question}\n${block.answer}`;
  if (block.kind === "table") return block.rows.join("\n");
  return block.text;
}
