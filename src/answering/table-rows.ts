import { normalizeForMatching } from "../text/normalize.js";
import { analyzeText, segmentWords } from "../text/tokenize.js";

/** A table row as parsers write it: its label, a colon, then its cells, each after its column's name. */
export const TABLE_ROW = /^([^：:。.!?]{1,40})[：:]\s*(\S.*)$/u;
/** Between a row's cells: "，" or ", ", never the comma inside "24,310". */
const CELL_SEPARATOR = /，|,\s/u;

/**
 * Whether the question names one of a table row's columns ("週日" in "週日 13:00–21:00"): a row of
 * the table that has the column asked about answers before a sentence that mentions it in passing.
 */
export function namesTableColumn(row: RegExpExecArray, queryWeights: ReadonlyMap<string, number>): boolean {
  return cellsOf(row).some((cell) => asksAbout(analyzeText(cellParts(cell).column), queryWeights));
}

/**
 * Whether the question names a column of the row whatever the length of its cells' values ("Minimum
 * term 6 months": the column is some words before the last): asked only of a row the question also
 * names by its label, where a column read too long costs nothing.
 */
export function namesColumnOfNamedRow(row: RegExpExecArray, queryWeights: ReadonlyMap<string, number>): boolean {
  return cellsOf(row).some((cell) => {
    const words = cell.trim().split(/\s+/);
    return words.slice(1).some((_, end) => asksAbout(analyzeText(words.slice(0, end + 1).join(" ")), queryWeights));
  });
}

function asksAbout(terms: string[], queryWeights: ReadonlyMap<string, number>): boolean {
  return terms.length > 0 && terms.every((term) => (queryWeights.get(term) ?? 0) > 0);
}

/**
 * Whether a table row's label, or the value of one of its cells, or an item a value lists
 * ("空氣清淨機" of "除濕機、空氣清淨機、電暖器"), the question holds whole.
 */
export function namesTableKey(row: RegExpExecArray, normalizedQuestion: string): boolean {
  const [, label = ""] = row;
  // Split before folding: folding turns "，" into "," and would run the cells together.
  const values = cellsOf(row).flatMap((cell) => {
    const { value } = cellParts(cell);
    return value.includes("、") ? [value, ...value.split("、")] : [value];
  });
  // Folded together, once: a line break survives folding and parts the keys again.
  const keys = normalizeForMatching([label, labelHead(label), ...values].map((key) => key.trim()).join("\n")).split(
    "\n",
  );
  return keys.some((key) => key.length >= 2 && holdsWhole(normalizedQuestion, key));
}

/**
 * A table row's label, folded, when the question names it, as written or in other words: a value's
 * unit ("5 公斤") names no row.
 */
export function namedLabelOf(
  row: RegExpExecArray,
  normalizedQuestion: string,
  namesInOtherWords: (label: string) => boolean,
): { namedLabel?: string } {
  const written = (row[1] ?? "").trim();
  for (const name of new Set([written, labelHead(written)])) {
    const label = normalizeForMatching(name);
    if (label.length >= 2 && (holdsWhole(normalizedQuestion, label) || namesInOtherWords(name)))
      return { namedLabel: label };
  }
  return {};
}

/** A label without the qualifier in brackets after it: "總館（各樓層閱覽區）" is named by 總館. */
export function labelHead(label: string): string {
  return label.replace(/\s*[（(][^（）()]*[）)]\s*$/u, "");
}

/** Whether `text` holds `key` not as part of a longer word: "理学院" is not in "管理学院", nor "a" in "a-". */
function holdsWhole(written: string, writtenKey: string): boolean {
  // "all access" names the All-Access row, and "all-access" an All Access one.
  const text = withHyphensAsSpaces(written);
  const key = withHyphensAsSpaces(writtenKey);
  let from = text.indexOf(key);
  while (from >= 0) {
    const before = text[from - 1] ?? " ";
    const after = text[from + key.length] ?? " ";
    if (!/[\p{L}\p{N}+-]/u.test(before) && !/[\p{L}\p{N}+-]/u.test(after)) return true;
    // Chinese is written without spaces: a label is whole unless a Han character runs on before it
    // in one word (普通全票), not when a word ends there (「請問全票多少錢」).
    if (/\p{Script=Han}/u.test(key) && (!/\p{Script=Han}/u.test(before) || wordStartsOf(text).has(from))) return true;
    from = text.indexOf(key, from + 1);
  }
  return false;
}

/** Where the words of a text start, for the last text asked: every row of every passage asks of one question. */
let wordStarts: { text: string; starts: ReadonlySet<number> } | undefined;
function wordStartsOf(text: string): ReadonlySet<number> {
  if (wordStarts?.text !== text) {
    const starts = new Set<number>();
    let at = 0;
    for (const { segment } of segmentWords(text)) {
      starts.add(at);
      at += segment.length;
    }
    wordStarts = { text, starts };
  }
  return wordStarts.starts;
}

/** A hyphen between two letters read as the space it stands for ("all-access"); "A-" keeps its. */
function withHyphensAsSpaces(text: string): string {
  return text.includes("-") ? text.replace(/(?<=\p{L})-(?=\p{L})/gu, " ") : text;
}

/** Whether every cell of a table row is a figure ("西醫門診 150"), in a unit its table states elsewhere. */
export function statesOnlyFigures(row: RegExpExecArray): boolean {
  return cellsOf(row).every((cell) => /^[\d,.]+$/.test(cellParts(cell).value));
}

/** A cell as rows are written ("週日 13:00–21:00", "學費 24,310"): its column's name, then its value. */
function cellParts(cell: string): { column: string; value: string } {
  const words = cell.trim().split(/\s+/);
  return { column: words.slice(0, -1).join(" "), value: words.at(-1) ?? "" };
}

/** A table row's cells, as written. */
export function cellsOf(row: RegExpExecArray): string[] {
  return (row[2] ?? "").split(CELL_SEPARATOR);
}
