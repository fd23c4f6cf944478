/** A table as a parser read it: its column names, if it has a header row, and its rows of cells. */
export interface TableCells {
  header?: readonly string[];
  /** Cell 0 of each row is the row's label (a parser moves a `<th scope=row>` there). */
  rows: readonly (readonly string[])[];
}

interface TablePunctuation {
  /** After the row's label: "工學院：", "Engineering: ". */
  afterLabel: string;
  /** Between the cells of a row: "學費 24,310，雜費 6,020". */
  betweenCells: string;
}

const CHINESE: TablePunctuation = { afterLabel: "：", betweenCells: "，" };
const ENGLISH: TablePunctuation = { afterLabel: ": ", betweenCells: ", " };

/**
 * A first row with a longer cell is content, not column names; the limit also bounds how much a
 * header repeated in every row can grow a document.
 */
const MAX_COLUMN_NAME_CHARS = 60;
/** "—" or "-" in a cell says "nothing here", which leaving the cell out says as well. */
const NOTHING_MARK = /^[-–—－]+$/;
/** A cell's own sentence end would end the row's sentence in the middle of the row. */
const CELL_SENTENCE_END = /[。；;]+$/;
const LABEL_END = /[:：]$/;
const HAS_A_LETTER = /\p{L}/u;
const BAND_OF_FIGURES =
  /^(?:[A-Z]{0,3}\$|[€£¥])?\s*\d[\d,.\s~～–—-]*(?:(?:以下|以上|以內|以内|未滿|至|到|元|公斤|公克|公分|公尺|公升|分鐘|小時|個月|天|日|週|年|歲|件|台|次|%)[\d,.\s~～–—-]*)+$/u;

/** A figure after a word that makes it a band: "超過 NT$ 10,000", "未滿 6 歲", "over 20 kg". */
const FIGURE_AFTER_COMPARISON =
  /^(?:超過|逾|未滿|不滿|滿|不足|不到|低於|高於|少於|多於|大於|小於|至少|最多|over|under|above|below|up to|more than|less than|at least|at most)\s*(?:[A-Z]{0,3}\$|[€£¥])?\s*\d[\d,.]*\s*(?:\p{Script=Han}{1,2}|[A-Za-z]{1,6})?$/iu;

/**
 * Each row as one self-describing line: its label first, then every other cell after its column's
 * name ("工學院：學費 24,310，雜費 6,020，合計 30,330"). The header row itself gets no line: its
 * names are in every row, so a row quoted alone, or in a chunk of its own, still says what its
 * numbers are; a header line alone answers nothing and would only be quoted beside its row.
 * A one-column table reads as a list under its column name.
 */
export function renderTableRows(table: TableCells): string[] {
  // A header that cannot name the columns, or has no rows to name, is kept as a row, not lost.
  const header = table.rows.length > 0 ? usableColumnNames(table.header) : undefined;
  const dataRows = !header && table.header ? [table.header, ...table.rows] : table.rows;
  const rows = dataRows.map((row) => row.map(cleanCell)).filter((row) => row.some(Boolean));
  const punctuation = isChineseText(header ?? rows.flat()) ? CHINESE : ENGLISH;
  // A reduce, not Math.max(...rows): a table of a hundred thousand rows would overflow the call stack.
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), header?.length ?? 0);
  if (width === 1) return renderAsList(header?.[0], rows, punctuation);
  return rows.map((row) => renderRow(row, header, punctuation));
}

function renderRow(row: readonly string[], columnNames: readonly string[] | undefined, punctuation: TablePunctuation) {
  const cells = row
    .slice(1)
    .map((cell, index) => named(cell, columnNames?.[index + 1]))
    .filter(Boolean);
  let label = row[0] ?? "";
  // "90–100" alone names nothing: "Score 90–100" does; nor does a band of figures in Chinese ("NT$ 10,000 以下",
  // "5 公斤以下", "超過 NT$ 10,000"): "商品售價 NT$ 10,000 以下" does. A label with words names its row itself.
  if (label && (!HAS_A_LETTER.test(label) || BAND_OF_FIGURES.test(label) || FIGURE_AFTER_COMPARISON.test(label)))
    label = named(label, columnNames?.[0]);
  if (!label) return cells.join(punctuation.betweenCells);
  if (cells.length === 0) return label;
  const afterLabel = LABEL_END.test(label) ? (punctuation === ENGLISH ? " " : "") : punctuation.afterLabel;
  return `${label}${afterLabel}${cells.join(punctuation.betweenCells)}`;
}

/** "學費 24,310"; a cell that already starts with its column's name ("Fee waived" under "Fee") keeps it once. */
function named(cell: string, columnName: string | undefined): string {
  if (!cell || !columnName) return cell;
  return startsWithWord(cell, columnName) ? cell : `${columnName} ${cell}`;
}

/** "Fee waived" starts with "Fee", "Feedback form" does not; Chinese has no spaces to wait for ("截止日" starts with "截止"). */
function startsWithWord(text: string, word: string): boolean {
  if (!text.toLowerCase().startsWith(word.toLowerCase())) return false;
  return !/[A-Za-z]/.test(word.at(-1) ?? "") || !/[A-Za-z]/.test(text[word.length] ?? "");
}

function renderAsList(columnName: string | undefined, rows: readonly string[][], punctuation: TablePunctuation) {
  const items = rows.map((row) => `- ${row[0]}`);
  // Ending in a colon, the name introduces its items, which chunking then keeps with it.
  return columnName ? [`${columnName}${punctuation.afterLabel.trim()}`, ...items] : items;
}

/** Column names when the header has any; none when it is missing, blank or holds content. */
function usableColumnNames(header: readonly string[] | undefined): string[] | undefined {
  if (!header) return undefined;
  const names = header.map((name) => cleanCell(name).replace(LABEL_END, ""));
  if (!names.some(Boolean) || header.some((name) => name.length > MAX_COLUMN_NAME_CHARS)) return undefined;
  return names;
}

function cleanCell(cell: string): string {
  const text = cell.trim().replace(CELL_SENTENCE_END, "");
  return NOTHING_MARK.test(text) ? "" : text;
}

/** Chinese punctuation for a table written mostly in Chinese: more Han characters than Latin words. */
function isChineseText(texts: readonly string[]): boolean {
  const text = texts.join(" ");
  const hanCharacters = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latinWords = text.match(/[A-Za-z]+/g)?.length ?? 0;
  return hanCharacters > 0 && hanCharacters >= latinWords;
}
