import type { TableCells } from "./table-rows.js";

/** A table found among a page's lines: its header and rows, and the lines it takes (`start` to before `end`). */
export interface TextTable extends Required<TableCells> {
  start: number;
  end: number;
}

const MIN_COLUMNS = 2;
const MAX_COLUMNS = 8;
const MIN_ROWS = 2;
/** "理學院、工學院、電機資訊學院、設計學院" is 19; a longer run without a space is a sentence. */
const MAX_CELL_CHARS = 30;
/** Marks of a sentence: anywhere for Chinese, at a word's end for Latin text ("20,980" and "10:00" are values). */
const SENTENCE_MARK = /[，。；：！？]|[,.;:!?]$/;
/** A word on its own as a cell is no value or column name: a line holding one is prose. */
const FUNCTION_WORDS = new Set(
  "a an and are as at be by for from if in is it of on or our the this to until was we will with you your".split(" "),
);
/** "NT$ 800" is one cell, though PDF text puts a space in it. */
const CURRENCY_SIGN = /^(?:NT|US|HK)?\$$/;
const DIGIT = /\d/;

/**
 * Tables in a PDF page's text lines, where extraction has left one space between cells: a header
 * line of non-numeric cells, then at least two lines with as many cells, a column of numbers
 * among them. Conservative on purpose: a cell is one word ("NT$ 800" counts as one), and a line
 * with a sentence's punctuation, a long run of text or a function word ("the", "from") is prose.
 */
export function findTextTables(lines: readonly string[]): TextTable[] {
  // Each line is cut into cells once: a line is read as a header, then again as a row.
  const lineCells = lines.map(cellsOfLine);
  const tables: TextTable[] = [];
  let index = 0;
  while (index < lines.length) {
    const table = tableAt(lineCells, index);
    if (table) tables.push(table);
    index = table ? table.end : index + 1;
  }
  return tables;
}

function tableAt(lineCells: readonly (string[] | undefined)[], start: number): TextTable | undefined {
  const header = lineCells[start];
  if (!header || header.length < MIN_COLUMNS || header.length > MAX_COLUMNS) return undefined;
  if (header.some((cell) => DIGIT.test(cell))) return undefined;
  const rows: string[][] = [];
  let numberColumns: number[] = [];
  for (let index = start + 1; index < lineCells.length; index++) {
    const cells = lineCells[index];
    if (cells?.length !== header.length) break;
    // The columns of numbers are set by the first row; every later row has a number in one of them.
    if (rows.length === 0) numberColumns = columnsWithNumbers(cells);
    if (!numberColumns.some((column) => DIGIT.test(cells[column] ?? ""))) break;
    rows.push(cells);
  }
  if (rows.length < MIN_ROWS) return undefined;
  return { header, rows, start, end: start + 1 + rows.length };
}

/** The columns after the label that hold a digit. */
function columnsWithNumbers(cells: readonly string[]): number[] {
  return cells.flatMap((cell, column) => (column > 0 && DIGIT.test(cell) ? [column] : []));
}

/** The cells of a line that could be a table row; undefined for a line that reads as prose. */
function cellsOfLine(line: string): string[] | undefined {
  const cells: string[] = [];
  for (const word of line.trim().split(/\s+/)) {
    const previous = cells.at(-1);
    if (previous !== undefined && CURRENCY_SIGN.test(previous) && DIGIT.test(word)) {
      cells[cells.length - 1] = `${previous} ${word}`;
      continue;
    }
    if (SENTENCE_MARK.test(word) || word.length > MAX_CELL_CHARS || FUNCTION_WORDS.has(word.toLowerCase())) {
      return undefined;
    }
    cells.push(word);
  }
  return cells;
}
