import type { Passage } from "../retrieval/retrieve-passages.js";
import { INTRODUCES_WHAT_FOLLOWS, LIST_ITEM, NUMBERED_LIST_ITEM } from "../text/line-kinds.js";
import { type CandidateSentence, ENDS_A_CLAUSE, isSameSubject, startsNewLine } from "./candidate-sentence.js";

/** Lines of a list quoted at most; a longer list is cut with its citation pointing to the rest. */
export const MAX_STEPS = 6;
/** Every numbered line of a text, to count a procedure's steps. */
const NUMBERED_LINES = new RegExp(NUMBERED_LIST_ITEM.source, "gm");

/**
 * A how-to answer: the list of steps the best sentence belongs to or introduces, with its lead-in,
 * at most MAX_STEPS lines (an item of two sentences is one line); with `anyList`, whatever list it
 * is on, steps or not. From the list's first line, or from a later one where the best line would
 * be cut off: 「置物櫃鑰匙遺失怎麼辦」 is answered by the sixth rule on lockers, not the first four.
 * Undefined when the best sentence is not part of a list.
 */
export function listOfSteps(
  candidates: CandidateSentence[],
  best: CandidateSentence,
  anyList = false,
): CandidateSentence[] | undefined {
  const at = candidates.indexOf(best);
  const marker = (candidate: CandidateSentence | undefined) => listMarkerIn(candidate, best.passage);
  const own = marker(best);
  const nextMarker = INTRODUCES_WHAT_FOLLOWS.test(best.span.text) ? marker(candidates[at + 1]) : undefined;
  // An item introducing a list of another kind under it ("- 最低應繳金額：計算方式如下：" and its
  // numbered lines) is answered by that list, not by the items beside it.
  const introduced = nextMarker !== own ? nextMarker : undefined;
  const kind = introduced ?? own;
  // Steps are numbered, or say what to do: a bulleted list of limits is not a procedure. But the
  // list that the sentence answering best introduces is what it says ("…得申請學雜費分期：" and how).
  if (!kind || (kind === "bulleted" && !best.fitsAskedType && !nextMarker && !anyList)) return undefined;
  const listStart = introduced ? at + 1 : firstLineOfList(candidates, at, kind);
  // Where each line of the list begins, in `candidates`.
  const lineStarts: number[] = [];
  let listEnd = listStart;
  for (; marker(candidates[listEnd]) === kind; listEnd++) {
    const previous = candidates[listEnd - 1];
    if (listEnd === listStart || (previous && startsNewLine(previous, candidates[listEnd] as CandidateSentence)))
      lineStarts.push(listEnd);
  }
  const bestLine = lineStarts.findLastIndex((start) => start <= at);
  const firstLine = Math.max(0, bestLine - MAX_STEPS + 1);
  const first = lineStarts[firstLine] ?? listStart;
  const steps = candidates.slice(first, lineStarts[firstLine + MAX_STEPS] ?? listEnd);
  const leadIn = candidates[first - 1];
  const introduces = leadIn?.passage === best.passage && INTRODUCES_WHAT_FOLLOWS.test(leadIn.span.text);
  return introduces ? [leadIn, ...steps] : steps;
}

/**
 * The best-ranked passage on `best`'s subject, other than it, that holds a numbered list of at least
 * two steps and covers the question at least `minimumCoverage`: a numbered list of notes under
 * another heading of the page ("注意事項：1. 各項優惠不得重複使用…") is not how to do what is asked.
 */
export function procedureIn(passages: Passage[], best: Passage, minimumCoverage: number): Passage | undefined {
  return passages.find(
    (passage) =>
      passage !== best &&
      isSameSubject(passage, best) &&
      passage.coverage >= minimumCoverage &&
      (passage.chunk.text.match(NUMBERED_LINES)?.length ?? 0) >= 2,
  );
}

/**
 * The kind of list the sentence's line belongs to, numbered or bulleted, or undefined: a list item
 * of two sentences has its second on the same line ("4. Approve the sign-in. MFA is required.").
 */
type ListKind = "numbered" | "bulleted";

export function listMarkerOf(sentence: CandidateSentence): ListKind | undefined {
  const { text } = sentence.passage.chunk;
  const line = text.slice(text.lastIndexOf("\n", sentence.span.start - 1) + 1);
  const item = LIST_ITEM.exec(line)?.[0];
  if (!item) return undefined;
  return NUMBERED_LIST_ITEM.test(item) ? "numbered" : "bulleted";
}

/** The kind of list `sentence` is on, when it is in `passage`. */
function listMarkerIn(sentence: CandidateSentence | undefined, passage: Passage | undefined): ListKind | undefined {
  return sentence && sentence.passage === passage ? listMarkerOf(sentence) : undefined;
}

/**
 * The selection without a sentence that ends in a colon but is not followed by what it introduces:
 * "…得申請停修：" alone promises a list the answer does not give.
 */
export function withoutDanglingLeadIns(
  candidates: CandidateSentence[],
  selected: CandidateSentence[],
): CandidateSentence[] {
  const kept = selected.filter((sentence) => {
    if (!INTRODUCES_WHAT_FOLLOWS.test(sentence.span.text)) return true;
    // It is followed by what it introduces: the next line, or a line of the list right after it (a
    // note may end its own line: "…如下。健保部分負擔另計。").
    for (let index = sentence.index + 1; candidates[index]?.passage === sentence.passage; index++) {
      const line = candidates[index] as CandidateSentence;
      if (selected.includes(line)) return true;
      if (!startsNewLine(sentence, line)) continue;
      if (!LIST_ITEM.test(line.span.text)) return false;
    }
    return false;
  });
  return kept.length > 0 ? kept : selected;
}

/**
 * The selection with the sentence that introduces each quoted list line's list, where it has one
 * and it is not quoted: 「參考工具書（字典、百科全書…）」 alone reads as a kind of book that may be
 * borrowed, under 「下列資料僅限館內閱覽：」 as one that may not.
 */
export function withListLeadIns(candidates: CandidateSentence[], selected: CandidateSentence[]): CandidateSentence[] {
  const leadIns = selected
    .map((sentence) => listLeadIn(candidates, sentence))
    .filter((leadIn): leadIn is CandidateSentence => leadIn !== undefined && !selected.includes(leadIn));
  return leadIns.length === 0 ? selected : [...new Set([...leadIns, ...selected])];
}

/**
 * The sentence that introduces the list a chosen list line belongs to ("住宿生不得有下列行為："):
 * without it, "使用電鍋" would read as allowed.
 */
export function listLeadIn(candidates: CandidateSentence[], line: CandidateSentence): CandidateSentence | undefined {
  const kind = listMarkerOf(line);
  if (!kind) return undefined;
  const before = candidates[firstLineOfList(candidates, line.index, kind) - 1];
  return before?.passage === line.passage && INTRODUCES_WHAT_FOLLOWS.test(before.span.text) ? before : undefined;
}

/** Position in `candidates` of the first sentence of the list, of one kind and in one passage, that `at` is on. */
function firstLineOfList(candidates: CandidateSentence[], at: number, kind: ListKind): number {
  const passage = candidates[at]?.passage;
  let first = at;
  while (listMarkerIn(candidates[first - 1], passage) === kind) first--;
  return first;
}

/** A sentence ending in a colon introduces the list lines that follow it, which belong with it. */
export function followingListLines(
  candidates: CandidateSentence[],
  selected: CandidateSentence[],
): CandidateSentence | undefined {
  const last = selected.at(-1);
  if (!last) return undefined;
  const lastIndex = last.index;
  const previous = candidates[lastIndex - 1];
  const continuesList = LIST_ITEM.test(last.span.text) && previous !== undefined && selected.includes(previous);
  if (!INTRODUCES_WHAT_FOLLOWS.test(last.span.text) && !continuesList) return undefined;
  const following = candidates[lastIndex + 1];
  const isListLine = following !== undefined && (LIST_ITEM.test(following.span.text) || !continuesList);
  return isListLine && following.passage === last.passage && !selected.includes(following) ? following : undefined;
}

/**
 * The selection with the rest of each list item it quotes a sentence of, where the answer has room:
 * the sentences of one item qualify each other ("…can be topped up there in cash. The machines
 * themselves do not take cash." for "can I pay cash at the printer").
 */
export function withRestOfItems(
  candidates: CandidateSentence[],
  selected: CandidateSentence[],
  maxChars: number,
): CandidateSentence[] {
  const completed = [...selected];
  let length = selected.reduce((sum, sentence) => sum + sentence.span.text.length, 0);
  for (const sentence of selected) {
    if (!listMarkerOf(sentence)) continue;
    const line = sentencesOnItsLine(candidates, sentence);
    // A line cut at semicolons is one sentence in clauses, each quoted for what it says (withRestOfSentences).
    if (line.some((other) => ENDS_A_CLAUSE.test(other.span.text))) continue;
    const rest = line.filter((other) => !completed.includes(other));
    const added = rest.reduce((sum, other) => sum + other.span.text.length, 0);
    if (rest.length === 0 || length + added > maxChars) continue;
    completed.push(...rest);
    length += added;
  }
  return completed;
}

/** The sentences of `sentence`'s passage written on its line, in reading order. */
function sentencesOnItsLine(candidates: CandidateSentence[], sentence: CandidateSentence): CandidateSentence[] {
  const sameLine = (one: CandidateSentence | undefined, next: CandidateSentence | undefined) =>
    one !== undefined && next !== undefined && one.passage === next.passage && !startsNewLine(one, next);
  let first = sentence.index;
  while (sameLine(candidates[first - 1], candidates[first])) first--;
  let last = sentence.index;
  while (sameLine(candidates[last], candidates[last + 1])) last++;
  return candidates.slice(first, last + 1);
}
