import { DocumentParseError } from "../../src/errors.js";

/**
 * Deepest Markdown nesting read (quotes, lists, brackets). The parser's cost grows with depth on
 * every line and its tree walks recurse, so thousands of levels stalled it or overflowed the stack;
 * documents people write stay under ten.
 */
export const MAX_MARKDOWN_NESTING = 32;

/** Deepest HTML element nesting read; generated pages reach about fifty. */
export const MAX_HTML_NESTING = 256;

function tooDeep(what: string, limit: number, where: string): DocumentParseError {
  return new DocumentParseError(
    `the document nests ${what} more than ${limit} deep (${where}); flatten it and upload it again`,
    "too_deeply_nested",
  );
}

// "- - -", "* * *" and "___" are thematic breaks, not lists nested in lists.
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** "1. " or "12) ": an ordered list marker, read from where the quote and list markers before it end. */
const ORDERED_LIST_MARKER = /^\d{1,9}[.)](?=[ \t]|$)/;

/**
 * Refuses Markdown nested deeper than MAX_MARKDOWN_NESTING, before it reaches the parser, in one
 * pass: quote and list markers at the start of a line (with their indentation, two columns a
 * level), and unescaped `[` open within a paragraph.
 */
export function refuseDeepMarkdown(source: string): void {
  let lineNumber = 0;
  let openBrackets = 0;
  for (const line of source.split("\n")) {
    lineNumber++;
    if (line.trim() === "") {
      openBrackets = 0; // a link never spans paragraphs
      continue;
    }
    if (!THEMATIC_BREAK.test(line) && containerDepth(line) > MAX_MARKDOWN_NESTING) {
      throw tooDeep("quotes or lists", MAX_MARKDOWN_NESTING, `line ${lineNumber}`);
    }
    for (let index = 0; index < line.length; index++) {
      const character = line[index];
      if (character === "\\") index++;
      else if (character === "[" && ++openBrackets > MAX_MARKDOWN_NESTING) {
        throw tooDeep("brackets", MAX_MARKDOWN_NESTING, `line ${lineNumber}`);
      } else if (character === "]" && openBrackets > 0) openBrackets--;
    }
  }
}

/** Quote and list markers a line opens with, plus its indentation in two-column steps. */
function containerDepth(line: string): number {
  let markers = 0;
  let columns = 0;
  let index = 0;
  while (index < line.length) {
    const character = line[index];
    const next = line[index + 1];
    if (character === " " || character === "\t") {
      columns += character === "\t" ? 4 : 1;
      index++;
    } else if (character === ">") {
      markers++;
      index++;
    } else if ((character === "-" || character === "*" || character === "+") && (next === " " || next === "\t")) {
      markers++;
      index++;
    } else {
      const ordered = ORDERED_LIST_MARKER.exec(line.slice(index, index + 11));
      if (!ordered) break;
      markers++;
      index += ordered[0].length;
    }
  }
  return markers === 0 ? 0 : markers + Math.floor(columns / 2);
}

// Elements that never hold others, and those whose end tag may be left out (the parser closes them).
const NOT_NESTING = new Set(
  "area base br col embed hr img input link meta source track wbr p li dt dd tr td th thead tbody tfoot option optgroup rt rp colgroup caption".split(
    " ",
  ),
);
// `[^<>]`, not `[^>]`: a "<a" never closed must not make every later "<a" scan to the end.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>/g;

/**
 * Refuses HTML whose elements nest deeper than MAX_HTML_NESTING, from its tags before it is parsed:
 * tags still open, counted per name, so that a stray end tag cannot hide the depth of others.
 */
export function refuseDeepHtml(source: string): void {
  const openByName = new Map<string, number>();
  let open = 0;
  for (const [tag, closing, rawName] of source.matchAll(TAG)) {
    const name = (rawName ?? "").toLowerCase();
    if (NOT_NESTING.has(name) || tag.endsWith("/>")) continue;
    const count = openByName.get(name) ?? 0;
    if (closing) {
      if (count === 0) continue;
      openByName.set(name, count - 1);
      open--;
    } else {
      openByName.set(name, count + 1);
      if (++open > MAX_HTML_NESTING) throw tooDeep("elements", MAX_HTML_NESTING, `at <${name}>`);
    }
  }
}
