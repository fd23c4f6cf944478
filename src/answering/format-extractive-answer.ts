import type { Citation } from "../schemas.js";
import { ENDS_A_SENTENCE, LIST_ITEM, NUMBERED_LIST_ITEM } from "../text/line-kinds.js";
import { hasHan } from "../text/normalize.js";
import { type QuotedSentence, startsNewLine } from "./candidate-sentence.js";
import { citePassage } from "./citations.js";
import { goesOnIn } from "./sentence-completion.js";

/**
 * One citation per passage, numbered once: the sentences quoted from it, in reading order, then its
 * `[n]`; its quote runs verbatim from the first of them to the last. List markers are left out of
 * the answer text (the quote keeps them), and a sentence cut at a semicolon ends as a sentence.
 */
export function formatAnswer(
  selected: QuotedSentence[],
  firstCitation: number,
  /** Whether a list opening its section is introduced by the heading (see withHeadingAsLeadIn); not for a section asked for by its heading. */
  { introduceByHeading = true }: { introduceByHeading?: boolean } = {},
): { answer: string; citations: Citation[] } {
  const groups: QuotedSentence[][] = [];
  for (const sentence of [...selected].sort((left, right) => left.index - right.index)) {
    const group = groups.at(-1);
    if (group && group[0]?.passage === sentence.passage) group.push(sentence);
    else groups.push([sentence]);
  }
  const citations: Citation[] = [];
  let answer = "";
  // Whether the last passage's quote ended a sentence: a table row does not, and the next passage's
  // quote then starts a line of its own rather than running on after the row's citation.
  let endedSentence = true;
  for (const group of groups) {
    const first = group[0] as QuotedSentence;
    const last = group.at(-1) as QuotedSentence;
    const n = firstCitation + citations.length;
    citations.push(citePassage(n, first.passage, first.span.start, last.span.end));
    let text = "";
    // A step's number is kept where the answer quotes the steps, not on a single item ("2. 租借時須出示…").
    const keepNumbers = group.filter((sentence) => NUMBERED_LIST_ITEM.test(sentence.span.text)).length > 1;
    group.forEach((sentence, position) => {
      const previous = group[position - 1];
      const next = group[position + 1];
      // Lines that stood on lines of their own (table rows, list items without a full stop) stay so.
      // So do the numbered steps of a procedure, with their numbers.
      const onItsOwnLine =
        previous?.index === sentence.index - 1 &&
        (!ENDS_A_SENTENCE.test(previous.span.text) || NUMBERED_LIST_ITEM.test(sentence.span.text)) &&
        startsNewLine(previous, sentence);
      // A clause whose sentence goes on in the answer keeps its semicolon.
      const readable = readableSentence(sentence.span.text, {
        endsHere: !(next && goesOnIn(sentence, next)),
        keepNumber: keepNumbers,
        // A clause quoted without the one before its semicolon starts the answer's sentence.
        startsSentence: position === 0 || previous?.index !== sentence.index - 1,
        afterSemicolon: /[;；]\s*$/.test(sentence.passage.chunk.text.slice(0, sentence.span.start)),
      });
      // Nor is a piece that ends no sentence (a table row) run into the next one.
      const apart = onItsOwnLine || (text !== "" && !ENDS_A_SENTENCE.test(text));
      text = apart ? `${text}\n${readable}` : joinSentences(text, readable);
    });
    if (introduceByHeading) text = withHeadingAsLeadIn(text, first);
    answer = endedSentence ? joinSentences(answer, `${text}[${n}]`) : `${answer}\n${text}[${n}]`;
    endedSentence = ENDS_A_SENTENCE.test(text);
  }
  return { answer, citations };
}

/**
 * A sentence as an answer shows it: without its bullet (and without its number, unless the steps
 * are quoted), a clause cut at a semicolon ended as a sentence unless it goes on, and begun as one
 * when quoted without the clause before it ("we accept cash…" → "We accept cash…").
 */
function readableSentence(
  text: string,
  how: { endsHere: boolean; keepNumber: boolean; startsSentence: boolean; afterSemicolon: boolean },
): string {
  const withoutBullet = how.keepNumber && NUMBERED_LIST_ITEM.test(text) ? text : text.replace(LIST_ITEM, "");
  const begun =
    how.startsSentence && how.afterSemicolon
      ? withoutBullet.replace(/^[a-z]/, (letter) => letter.toUpperCase())
      : withoutBullet;
  return how.endsHere ? begun.replace(/；$/, "。").replace(/;$/, ".") : begun;
}

function joinSentences(text: string, sentence: string): string {
  if (!text) return sentence;
  return needsSpaceBetween(text, sentence) ? `${text} ${sentence}` : text + sentence;
}

function needsSpaceBetween(before: string, after: string): boolean {
  return /[A-Za-z0-9.!?:;,)\]]$/.test(before) && /^[A-Za-z0-9("']/.test(after);
}

/** An item that opens with its own label: 「上網登錄：於…」, "Deadline: 5 May". */
const LABELLED_ITEM = /^[^\d：:。.!?！？\n][^：:。.!?！？\n]{0,15}[：:]\s*\S/u;

/**
 * A list that opens its section with no sentence to introduce it is introduced by the section's
 * heading (「禁止寄送的物品：單獨寄送的鋰電池及行動電源」): alone, an item says nothing of what it is
 * an item of.
 */
function withHeadingAsLeadIn(text: string, first: QuotedSentence): string {
  const { chunk } = first.passage;
  // A heading that asks a question ("What can't I send?") introduces nothing as a lead-in does.
  const heading = chunk.headingPath
    .at(-1)
    ?.trim()
    .replace(/[:：]+$/u, "");
  if (!heading || /[?？]$/u.test(heading)) return text;
  if (!LIST_ITEM.test(first.span.text) || chunk.text.slice(0, first.span.start).trim() !== "") return text;
  // An item that names its own subject first ("上網登錄：…") needs no other.
  if (LABELLED_ITEM.test(first.span.text.replace(LIST_ITEM, ""))) return text;
  const chinese = hasHan(heading);
  return `${heading}${chinese ? "：" : ":"}${text.includes("\n") ? "\n" : chinese ? "" : " "}${text}`;
}
