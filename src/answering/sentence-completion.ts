import { INTRODUCES_WHAT_FOLLOWS, LIST_ITEM } from "../text/line-kinds.js";
import { foldedPattern, normalizeForMatching } from "../text/normalize.js";
import {
  type CandidateSentence,
  ENDS_A_CLAUSE,
  IS_A_QUESTION,
  type QuotedSentence,
  startsNewLine,
} from "./candidate-sentence.js";

/**
 * A sentence that opens by pointing back ("牠們…", "而他…", "該表格…", "This form…"), by going on
 * from the one before ("使得…", "自此…"), by leaving out its subject ("是歐洲唯一…") or by dating
 * itself from the one before ("同年，", "同年3月", "當時，") is about the one before it; one opening
 * with "It is…", "此外", "他人", "是的", "當年度", "同日辦理" or "同時符合" points nowhere.
 */
const POINTS_BACK = foldedPattern(
  "^(?:(?:就在|而|但|於是|因此|然而|不過)?(?:他們|他(?![人校])|[她它牠]們?)|其(?![他它實餘次])|該|此(?!外)|這|使得|自此|從此|隨後|之後|後來|原為|原是|同時[，,]|那[些個]|上述|前者|後者|兩者|雙方|兩[校國家方隊]|是(?![否的])|(?:同年|同月|同日|當年|當時|次年|翌年|隔年)(?:[，,]|\\s*[0-9一二三四五六七八九十]+\\s*[月日])|(?:they|this|these|those|he|she)\\b)",
  "iu",
);

/**
 * "This" with what it counts, anywhere in a sentence ("…，這支球隊…", "這一時期", "在這段時間裡",
 * "以此為藉口"): named before it. Not 所以此, 以此類推 or 應該, nor 該 after "…者，", which points
 * back to the 者 of its own sentence ("未繳費者，該生…").
 */
const POINTS_BACK_WITHIN = foldedPattern(
  "(?:這|(?<!應)該)[一支張個位些項種本部所座家間條名次場段]|(?<![所可])以此(?!類推)",
  "u",
);
const CONDITION_CLAUSE = foldedPattern("者[，,]", "u");
/**
 * "It" or "they" as the subject after an opening phrase ("In fall 2026 it takes place on…"): named in
 * the sentence before. Not "it is", which as often points nowhere ("In Taiwan it is usual to…").
 */
const POINTS_BACK_AFTER_OPENING =
  /^(?:in(?! case\b)|on|at|during|from|since|after|before|until|by|each|every)\b[^,.;:]{1,30}?,?\s+(?:it|they)\s+(?!is\b|was\b|are\b|were\b)[a-z]/i;

/**
 * The sentence before the best one, in its passage, when the best one opens by pointing back to
 * it: "牠們在建造水壩時…" alone does not say which animal.
 */
export function referent(candidates: CandidateSentence[], best: CandidateSentence): CandidateSentence | undefined {
  const before = candidates[best.index - 1];
  const sentence = normalizeForMatching(best.span.text.replace(LIST_ITEM, ""));
  return before?.passage === best.passage &&
    (POINTS_BACK.test(sentence) || pointsBackWithin(sentence) || POINTS_BACK_AFTER_OPENING.test(sentence)) &&
    !INTRODUCES_WHAT_FOLLOWS.test(before.span.text) &&
    !IS_A_QUESTION.test(before.span.text)
    ? before
    : undefined;
}

function pointsBackWithin(sentence: string): boolean {
  const pointer = POINTS_BACK_WITHIN.exec(sentence);
  return pointer !== null && !CONDITION_CLAUSE.test(sentence.slice(0, pointer.index));
}

/**
 * The selection with the rest of each sentence it cuts at a semicolon, on the same line: "service
 * dogs are welcome;" without "other pets must stay in a carrier" answers "can I bring my dog?" wrongly.
 */
export function withRestOfSentences(
  candidates: CandidateSentence[],
  selected: CandidateSentence[],
): CandidateSentence[] {
  const completed = [...selected];
  for (const sentence of selected) {
    for (const clause of clausesOfItsSentence(candidates, sentence, 1))
      if (!completed.includes(clause)) completed.push(clause);
  }
  return completed;
}

/**
 * The selection with the start of each table row it quotes from past a semicolon in a cell: "除濕機
 * 壓縮機保固 3 年" without its row ("大型家電：…保固期間 2 年，…主機本體；") says 3 years for a 2-year warranty.
 */
export function withStartsOfRows(candidates: CandidateSentence[], selected: CandidateSentence[]): CandidateSentence[] {
  const completed = [...selected];
  for (const sentence of selected) {
    const before = clausesOfItsSentence(candidates, sentence, -1);
    if ((before.at(-1) ?? sentence).tableCells > 0)
      completed.push(...before.filter((clause) => !completed.includes(clause)));
  }
  return completed;
}

/**
 * The other clauses of the sentence `sentence` is a clause of, cut from it at semicolons on its
 * line: those after it (`step` 1) or those before it, nearest first (`step` -1).
 */
function clausesOfItsSentence(
  candidates: CandidateSentence[],
  sentence: CandidateSentence,
  step: 1 | -1,
): CandidateSentence[] {
  const clauses: CandidateSentence[] = [];
  let clause = sentence;
  for (;;) {
    const other = candidates[clause.index + step];
    if (!other || !(step === 1 ? goesOnIn(clause, other) : goesOnIn(other, clause))) return clauses;
    clauses.push(other);
    clause = other;
  }
}

/** Whether `next`, the sentence right after `clause` in its passage, is the rest of the sentence `clause` cuts at a semicolon. */
export function goesOnIn(clause: QuotedSentence, next: QuotedSentence): boolean {
  return (
    next.index === clause.index + 1 &&
    next.passage === clause.passage &&
    ENDS_A_CLAUSE.test(clause.span.text) &&
    !startsNewLine(clause, next)
  );
}
