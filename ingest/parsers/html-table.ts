import type { Cheerio, CheerioAPI } from "cheerio";
import type { TableCells } from "./table-rows.js";

/** An element as cheerio finds it: domhandler's `Element`, which cheerio uses but does not export. */
export type Element = ReturnType<ReturnType<CheerioAPI["root"]>["find"]>[number];

/** Elements that, in the cells of a table without `<th>`, show it holds a page's layout rather than values. */
const BLOCKS_IN_CELLS = "h1, h2, h3, h4, h5, h6, p, ul, ol, dl, pre, blockquote";
/** The HTML standard's own limits on a cell's spans. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

interface GridCell {
  text: string;
  isHeader: boolean;
}

/**
 * A table laid out for the eye holds text, not rows of values: `role=presentation`, tables inside
 * it, or, without `<th>` or `<caption>`, paragraphs in its cells or a single row or column.
 */
export function isLayoutTable(table: Cheerio<Element>): boolean {
  const role = table.attr("role");
  if (role === "presentation" || role === "none") return true;
  if (table.find("table").length > 0) return true;
  if (table.find("th").length > 0 || table.children("caption").length > 0) return false;
  if (table.find(BLOCKS_IN_CELLS).length > 0) return true;
  const rows = table.find("tr").get();
  return rows.length <= 1 || rows.every((row) => cellsOf(row).length <= 1);
}

/**
 * A data table's header and rows, spans expanded so every value sits under its column's name.
 * The header is the `<thead>` rows, else the leading rows of `<th>` only; several header rows name
 * a column together ("週末 週六"). A `<th>` among a row's `<td>`s (`scope=row`) labels the row.
 */
export function readHtmlTable(page: CheerioAPI, table: Cheerio<Element>): TableCells {
  const rowElements = table.find("tr").get();
  const grid = expandSpans(
    rowElements.map((row) => cellsOf(row)),
    (cell) => ({ text: collapseWhitespace(page(cell).text()), isHeader: cell.tagName.toLowerCase() === "th" }),
  );
  const inHead = rowElements.map((row) => page(row).parent("thead").length > 0);
  let headerRows = inHead.filter(Boolean).length;
  if (headerRows === 0) {
    // An empty corner cell (`<td></td><th>週六</th>…`) does not stop a row from naming columns.
    while (headerRows < grid.length && namesColumns(grid[headerRows] ?? [])) headerRows++;
  }
  // A table of `<th>` only still has a row of values: its last.
  headerRows = Math.min(headerRows, grid.length - 1);
  const header = headerRows > 0 ? columnNames(grid.slice(0, headerRows)) : undefined;
  const body = grid.slice(headerRows);
  const labelColumn = rowLabelColumn(body);
  return {
    header: header && moveToFront(header, labelColumn),
    rows: body.map((row) =>
      moveToFront(
        row.map((cell) => cell.text),
        labelColumn,
      ),
    ),
  };
}

function namesColumns(row: GridCell[]): boolean {
  return row.some((cell) => cell.isHeader) && row.every((cell) => cell.isHeader || !cell.text);
}

function cellsOf(row: Element): Element[] {
  return row.children.filter(
    (child): child is Element => child.type === "tag" && /^t[hd]$/i.test((child as Element).tagName),
  );
}

/** Each column named by the distinct texts of its header rows, top to bottom. */
function columnNames(headerRows: GridCell[][]): string[] {
  const width = headerRows.reduce((most, row) => Math.max(most, row.length), 0);
  return Array.from({ length: width }, (_, column) => {
    const names = headerRows.map((row) => row[column]?.text ?? "").filter(Boolean);
    return [...new Set(names)].join(" ");
  });
}

/** The column of the `<th>` that labels the rows, when rows mix `<th>` and `<td>`; else the first. */
function rowLabelColumn(body: GridCell[][]): number {
  for (const row of body) {
    const headerColumn = row.findIndex((cell) => cell.isHeader);
    if (headerColumn >= 0 && row.some((cell) => !cell.isHeader)) return headerColumn;
  }
  return 0;
}

function moveToFront<T>(cells: T[], column: number): T[] {
  if (column === 0 || column >= cells.length) return cells;
  return [cells[column] as T, ...cells.slice(0, column), ...cells.slice(column + 1)];
}

/**
 * Rows of cells laid on a grid, a cell repeated into every row and column it spans. Repeats are
 * budgeted by the table's own size (a cell beyond the budget spans nothing): `rowspan=65534` in a
 * few bytes, or a long cell spanning many rows, must not make gigabytes of rows.
 */
function expandSpans(rows: Element[][], read: (cell: Element) => GridCell): GridCell[][] {
  const cells = rows.map((row) => row.map((element) => ({ element, cell: read(element) })));
  const sourceCells = cells.reduce((total, row) => total + row.length, 0);
  let repeatsLeft = 4 * sourceCells + 100;
  let repeatedCharsLeft = cells.reduce((total, row) => row.reduce((sum, { cell }) => sum + cell.text.length, total), 0);
  const grid: GridCell[][] = rows.map(() => []);
  cells.forEach((row, rowIndex) => {
    const line = grid[rowIndex] as GridCell[];
    let column = 0;
    for (const { element, cell } of row) {
      while (line[column]) column++;
      let colspan = spanOf(element, "colspan", MAX_COLSPAN);
      let rowspan = Math.min(spanOf(element, "rowspan", MAX_ROWSPAN), rows.length - rowIndex);
      const repeats = colspan * rowspan - 1;
      if (repeats > repeatsLeft || repeats * cell.text.length > repeatedCharsLeft) {
        colspan = 1;
        rowspan = 1;
      } else {
        repeatsLeft -= repeats;
        repeatedCharsLeft -= repeats * cell.text.length;
      }
      for (let down = 0; down < rowspan; down++) {
        const target = grid[rowIndex + down] as GridCell[];
        for (let across = 0; across < colspan; across++) target[column + across] ??= cell;
      }
      column += colspan;
    }
  });
  const empty: GridCell = { text: "", isHeader: false };
  return grid.map((line) => Array.from(line, (cell) => cell ?? empty));
}

function spanOf(cell: Element, attribute: "colspan" | "rowspan", limit: number): number {
  const value = Number.parseInt(cell.attribs[attribute] ?? "1", 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, limit) : 1;
}

/** An element's text as the HTML parser reads it: whitespace runs as one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
