import type { ChunkRecord } from "../src/store/index-store.js";
import { INTRODUCES_WHAT_FOLLOWS, LIST_ITEM, NUMBERED_LIST_ITEM } from "../src/text/line-kinds.js";
import { splitSentences } from "../src/text/sentences.js";
import { blockText, type DocumentBlock } from "./parsed-document.js";

export interface ChunkingOptions {
  /** Longest chunk in characters, unless one sentence alone is longer. 400 measured best of 250–1000 on the evals. */
  maxChars: number;
}

export const defaultChunkingOptions: ChunkingOptions = { maxChars: 400 };

const BLOCK_SEPARATOR = "\n\n";

export interface ChunkedDocument {
  /** The document's extracted text; every chunk is a verbatim slice of it. */
  text: string;
  chunks: ChunkRecord[];
}

interface Span {
  start: number;
  end: number;
}

/**
 * Splits a document along its structure: a heading starts a new chunk, paragraphs of one section
 * (and page) are packed together up to `maxChars`, a longer paragraph is packed by sentences,
 * a table is packed by rows, and each FAQ pair is a chunk of its own.
 */
export function chunkDocument(
  docId: string,
  blocks: DocumentBlock[],
  options: ChunkingOptions = defaultChunkingOptions,
): ChunkedDocument {
  const chunks: ChunkRecord[] = [];
  const headingPath: { level: number; text: string }[] = [];
  // The text is joined once at the end: slicing a string that is still being appended to copies it
  // whole each time, which made chunking quadratic in the number of blocks.
  const pieces: string[] = [];
  let length = 0;
  let pending: Span | undefined;
  let pendingPage: number | undefined;
  let pendingIntroducesNext = false;

  const emit = (span: Span, extra: Partial<ChunkRecord> = {}) => {
    chunks.push({
      chunkId: `${docId}#${chunks.length}`,
      docId,
      position: chunks.length,
      text: "",
      headingPath: headingPath.map((heading) => heading.text),
      start: span.start,
      end: span.end,
      ...extra,
    });
  };
  const flush = () => {
    if (pending) emit(pending, pendingPage === undefined ? {} : { page: pendingPage });
    pending = undefined;
  };
  const add = (span: Span, page: number | undefined, spanText: string, keepsTogether = false) => {
    // A block ending in a colon introduces the next one ("應符合下列條件之一："), so they stay together;
    // so do the items of one numbered list, a procedure read from its first step.
    const limit = pendingIntroducesNext || keepsTogether ? 2 * options.maxChars : options.maxChars;
    const fits = pending && page === pendingPage && span.end - pending.start <= limit;
    pendingIntroducesNext = INTRODUCES_WHAT_FOLLOWS.test(spanText);
    if (pending && fits) {
      pending.end = span.end;
      return;
    }
    flush();
    pending = { ...span };
    pendingPage = page;
  };

  for (const block of blocks) {
    const content = blockText(block);
    if (length > 0) {
      pieces.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
    }
    const start = length;
    pieces.push(content);
    length += content.length;

    if (block.kind === "heading") {
      flush();
      while ((headingPath.at(-1)?.level ?? 0) >= block.level) headingPath.pop();
      headingPath.push({ level: block.level, text: block.text });
    } else if (block.kind === "faq") {
      flush();
      const answerStart = start + block.question.length + 1;
      emit({ start: answerStart, end: answerStart + block.answer.length }, { faqQuestion: block.question });
    } else if (content.length <= options.maxChars) {
      add({ start, end: length }, block.page, content);
    } else {
      // A table is cut between its rows (each names its columns, so any run of rows reads alone), a
      // list between its items: an item's second sentence never starts a chunk of its own.
      const lines = content.split("\n");
      const list = block.kind !== "table" && isList(lines);
      const units = block.kind === "table" || list ? lineSpans(lines) : splitSentences(content);
      const numbered = list && NUMBERED_LIST_ITEM.test(lines[1] ?? "");
      for (const unit of units) {
        for (const piece of splitLongSpan(content, unit, options.maxChars)) {
          add(
            { start: start + piece.start, end: start + piece.end },
            block.page,
            content.slice(piece.start, piece.end),
            numbered,
          );
        }
      }
    }
  }
  flush();
  const text = pieces.join("");
  for (const chunk of chunks) chunk.text = text.slice(chunk.start, chunk.end);
  return { text, chunks };
}

/** Whether a block's lines are a list: every line after the first (which may introduce it) is an item. */
function isList(lines: readonly string[]): boolean {
  return lines.length > 1 && lines.slice(1).every((line) => LIST_ITEM.test(line));
}

/** The offsets of `lines` in the text they were split from at "\n". */
function lineSpans(lines: readonly string[]): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const line of lines) {
    spans.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return spans;
}

const CLAUSE_END = /[，、,：:）)]\s*|\s+/g;

/**
 * A sentence longer than a chunk (a table flattened by a PDF, a run-on list) is cut after the last
 * clause mark or space that fits, or at the limit when there is none.
 */
function splitLongSpan(text: string, span: Span, maxChars: number): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    let cut = start + maxChars;
    for (const mark of text.slice(start, start + maxChars).matchAll(CLAUSE_END)) {
      if (mark.index > 0) cut = start + mark.index + mark[0].length;
    }
    pieces.push({ start, end: cut });
    start = cut;
  }
  pieces.push({ start, end: span.end });
  return pieces;
}
