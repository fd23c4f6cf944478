import type { Passage } from "../retrieval/retrieve-passages.js";
import { INTRODUCES_WHAT_FOLLOWS } from "../text/line-kinds.js";
import { type CandidateSentence, startsNewLine } from "./candidate-sentence.js";
import { TABLE_ROW } from "./table-rows.js";

/** A table of at most this many rows is quoted whole when the question names none of them. */
const MAX_TABLE_ROWS = 6;

/**
 * The rows of the small table the best sentence is a row of, when the question names none of its
 * rows: "戶籍謄本多少錢" is answered by the fee table, not by the row that happens to share most words.
 */
export function wholeTable(candidates: CandidateSentence[], best: CandidateSentence): CandidateSentence[] | undefined {
  // Rows of columns, each stating what was asked: lines of one label and one value are a record
  // ("申請對象：…", "撥款：…"), whose other lines answer other questions.
  if (best.isNamed || best.tableCells < 2) return undefined;
  const rows = rowsOfTable(candidates, best);
  const quotable = rows.every((row) => row.fitsAskedType && !row.isNamed);
  return rows.length >= 2 && rows.length <= MAX_TABLE_ROWS && quotable ? rows : undefined;
}

/**
 * The rows of the table `row` is in: the lines around it, of its passage, with as many cells each,
 * or opening on the same column. A value may hold the comma cells are parted by ("可用物品捐贈社福團體，
 * 其餘銷毀"), so rows of one table are counted a cell more or less; they still start on its first column.
 */
function rowsOfTable(candidates: CandidateSentence[], row: CandidateSentence): CandidateSentence[] {
  // The column a row of cells opens on ("保管期限" of "一般物品：保管期限 30 天，…").
  const firstColumnOf = (line: CandidateSentence) => (line.tableCells >= 2 ? columnNamedBy(line) : undefined);
  const firstColumn = firstColumnOf(row);
  const ofRow = (line: CandidateSentence) =>
    line.tableCells === row.tableCells || (firstColumn !== undefined && firstColumnOf(line) === firstColumn);
  const inTable = (line: CandidateSentence | undefined, next: CandidateSentence | undefined) =>
    line !== undefined &&
    next !== undefined &&
    line.passage === next.passage &&
    ofRow(line) &&
    ofRow(next) &&
    startsNewLine(line, next);
  let first = row.index;
  while (inTable(candidates[first - 1], candidates[first])) first--;
  let last = row.index;
  while (inTable(candidates[last], candidates[last + 1])) last++;
  return candidates.slice(first, last + 1);
}

/**
 * The rows of the best row's table whose labels name the question as much as its own does: "lunar
 * new year opening hours" is answered by the eve's row, the first day's and the second to fifth
 * days', not by the first of them alone. Undefined when only the best row is named so.
 */
export function rowsNamedAlike(
  candidates: CandidateSentence[],
  best: CandidateSentence,
): CandidateSentence[] | undefined {
  if (best.tableCells === 0 || best.labelCoverage === 0) return undefined;
  const named = rowsOfTable(candidates, best).filter(
    (row) => row.labelCoverage >= best.labelCoverage - 1e-9 && row.fitsAskedType === best.fitsAskedType,
  );
  return named.length >= 2 && named.length <= MAX_TABLE_ROWS ? named : undefined;
}

/** The rows of the one small table of a passage, when it has one and the question names none of its rows. */
export function tableIn(candidates: CandidateSentence[], passage: Passage): CandidateSentence[] | undefined {
  const ofPassage = candidates.filter((candidate) => candidate.passage === passage);
  const table =
    asOneTable(
      candidates,
      ofPassage.filter((candidate) => candidate.tableCells >= 2),
    ) ?? twoColumnTableIn(candidates, ofPassage);
  const small = table !== undefined && table.length >= 2 && table.length <= MAX_TABLE_ROWS;
  return small && table.every((row) => !row.isNamed) ? table : undefined;
}

/** The rows, when they are one table: the rows around the first of them are all of them. */
function asOneTable(candidates: CandidateSentence[], rows: CandidateSentence[]): CandidateSentence[] | undefined {
  const [first] = rows;
  return first !== undefined && rowsOfTable(candidates, first).length === rows.length ? rows : undefined;
}

/**
 * The rows of a table of two columns, a label and one value, that a passage is made of: lines of
 * one cell each, on lines of their own one after another, each naming the same column ("本島門市寄本島門市：
 * 費用 每件 65 元", "寄往離島門市：費用 每件 125 元"). A record's lines ("申請對象：…", "撥款：…") name none.
 */
function twoColumnTableIn(
  candidates: CandidateSentence[],
  ofPassage: CandidateSentence[],
): CandidateSentence[] | undefined {
  const lines = ofPassage.filter((candidate) => candidate.tableCells === 1);
  const columns = new Set(lines.map(columnNamedBy));
  if (lines.length < 2 || columns.size !== 1 || columns.has(undefined)) return undefined;
  return asOneTable(candidates, lines);
}

/**
 * The column a row's first cell names before its value ("費用" of "費用 每件 65 元"); undefined for a
 * bare value, which may open on a currency or a figure ("NT$ 5,000") as every value of a record does.
 */
function columnNamedBy(row: CandidateSentence): string | undefined {
  const cell = TABLE_ROW.exec(row.span.text)?.[2]?.trim() ?? "";
  const [first = "", ...rest] = cell.split(/\s+/);
  return rest.length > 0 && !/[\p{Sc}\p{N}]/u.test(first) ? first : undefined;
}

/** The sentence introducing a small table, with the table, when the sentence is the best one ("掛號費收費如下（單位：元）。"). */
export function introducedTable(
  candidates: CandidateSentence[],
  best: CandidateSentence,
): CandidateSentence[] | undefined {
  if (!INTRODUCES_WHAT_FOLLOWS.test(best.span.text)) return undefined;
  // The table starts on the next line: a note may end the introducing one ("…如下。健保部分負擔另計。").
  let at = best.index + 1;
  while (candidates[at]?.passage === best.passage && !startsNewLine(best, candidates[at] as CandidateSentence)) at++;
  const firstRow = candidates[at];
  if (firstRow?.passage !== best.passage || firstRow.tableCells < 2) return undefined;
  const rows = wholeTable(candidates, firstRow);
  return rows?.[0] === firstRow ? [best, ...rows] : undefined;
}
