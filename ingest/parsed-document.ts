import type { DocumentFormat, DocumentStatus } from "../src/store/index-store.js";

/** One structural unit of a document, in reading order. */
export type DocumentBlock =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string; page?: number }
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
