import type { Passage } from "../retrieval/retrieve-passages.js";
import type { Citation } from "../schemas.js";
import { splitSentences } from "../text/sentences.js";
import { MAX_ANSWER_CHARS } from "./compose-extractive-answer.js";
import { formatAnswer } from "./format-extractive-answer.js";

/**
 * A section quoted from its start, as an answer is: whole sentences, list items and table rows up to
 * an answer's length, at least the first. What the asker gets on picking a topic offered as a choice:
 * they asked for the section, not for one of its sentences.
 */
export function quoteSection(passage: Passage, firstCitation: number): { answer: string; citations: Citation[] } {
  const spans = splitSentences(passage.chunk.text);
  const quoted = [];
  let length = 0;
  for (const [index, span] of spans.entries()) {
    length += span.text.length;
    if (quoted.length > 0 && length > MAX_ANSWER_CHARS) break;
    quoted.push({ index, passage, span });
  }
  // The asker picked the section by its heading: it is said already.
  return formatAnswer(quoted, firstCitation, { introduceByHeading: false });
}
