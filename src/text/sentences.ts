import { webAddressSpans } from "./web-addresses.js";

export interface TextSpan {
  text: string;
  /** Offset of the first character within the text that was split. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

const sentenceSegmenter = new Intl.Segmenter("zh-Hant", { granularity: "sentence" });
// Intl.Segmenter ends sentences at 。！？.!?; a semicolon or a line break ends one here too.
const EXTRA_SENTENCE_END = /[；;]|\n/g;
const ENUMERATOR_ONLY = /^\s*(?:\d{1,3}|[a-zA-Z])[.)]\s*$/;
/**
 * Intl.Segmenter's time grows with the square of the text's length (400,000 characters took 8 s):
 * longer text is segmented in windows of about this many characters, each cut after a sentence end.
 */
const SEGMENT_WINDOW = 8192;
// Where a window may end: after 。！？ (and what closes the quote), or after . ! ? and a space
// before a capital or a Chinese character, so that "e.g. the" is never cut.
const WINDOW_CUT = /[。！？][」』）)”’"']*|[.!?][」』）)”’"']*\s+(?=[\p{Lu}\p{Script=Han}])/gu;
const WHITESPACE_RUN = /\s+/g;
/** A title before a name never ends a sentence ("Dr. Lin"). */
const TITLE_END = /(?:^|[\s(（])(?:dr|mr|mrs|ms|prof)\.\s*$/i;
/**
 * An abbreviation before a number, a lower-case word or a code does not end one either ("(ext.
 * 401)", "No. 5", "Notice no. HF-2026-004").
 */
const ABBREVIATION_END =
  /(?:^|[\s(（])(?:ext|no|nos|tel|fax|rm|bldg|approx|fig|vol|vs|st|ave|rd|sec|dist|ln|aly|blvd|dept)\.\s*$/i;
const NUMBER_OR_LOWER_CASE_NEXT = /^\s*(?:[\p{Ll}\p{Nd}]|\p{Lu}{1,4}-?\d)/u;
/** A compass point before a road's name does not end one ("Nanjing W. Rd", "Fuxing S. Road"). */
const COMPASS_POINT_END = /(?:^|\s)[NSEW]\.\s*$/;
const ROAD_NEXT = /^\s*(?:Rd|Road|St|Street|Ave|Avenue|Blvd|Boulevard|Ln|Lane)\b/;
/** Intl.Segmenter leaves a quotation or title that opens the next sentence on this one ("…為主。《"). */
const OPENS_NEXT_SENTENCE = /[「『《〈（(【“‘]+\s*$/u;

/** Splits text into sentences, each trimmed and with its offsets in the original text. */
export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const withinWebAddress = webAddressTest(text);
  let carriedStart: number | undefined;
  for (const { segment, index } of sentenceSegments(text)) {
    // "1. 申請期限…": the segmenter ends a sentence after "1."; the number belongs to what follows.
    if (ENUMERATOR_ONLY.test(segment)) {
      carriedStart ??= index;
      continue;
    }
    let pieceStart = carriedStart ?? index;
    carriedStart = undefined;
    for (const boundary of segment.matchAll(EXTRA_SENTENCE_END)) {
      const pieceEnd = index + boundary.index + boundary[0].length;
      if (withinWebAddress(pieceEnd)) continue;
      pushTrimmed(spans, text, pieceStart, pieceEnd);
      pieceStart = pieceEnd;
    }
    // "…/booking?hall=east": the segmenter ends a sentence after the `?`; the address goes on. So does
    // a sentence after an abbreviation the segmenter took for its end.
    const end = index + segment.length;
    if (withinWebAddress(end) || endsInAbbreviation(segment, text.slice(end, end + 8))) {
      carriedStart = pieceStart;
      continue;
    }
    const opener = OPENS_NEXT_SENTENCE.exec(segment);
    if (opener && end < text.length) {
      pushTrimmed(spans, text, pieceStart, end - opener[0].length);
      carriedStart = end - opener[0].length;
      continue;
    }
    pushTrimmed(spans, text, pieceStart, end);
  }
  if (carriedStart !== undefined) pushTrimmed(spans, text, carriedStart, text.length);
  return spans;
}

function endsInAbbreviation(segment: string, following: string): boolean {
  return (
    TITLE_END.test(segment) ||
    (ABBREVIATION_END.test(segment) && NUMBER_OR_LOWER_CASE_NEXT.test(following)) ||
    (COMPASS_POINT_END.test(segment) && ROAD_NEXT.test(following))
  );
}

/**
 * Whether an offset of `text` falls inside one of its web addresses (not at its edges). Asked of
 * offsets in increasing order, so the addresses are walked once.
 */
function webAddressTest(text: string): (offset: number) => boolean {
  const addresses = text.includes("://") ? webAddressSpans(text) : [];
  let next = 0;
  return (offset) => {
    while (next < addresses.length && (addresses[next]?.end ?? 0) <= offset) next++;
    const address = addresses[next];
    return address !== undefined && address.start < offset;
  };
}

/** The segmenter's sentences of `text`, window by window, with offsets in the whole text. */
function* sentenceSegments(text: string): Generator<{ segment: string; index: number }> {
  let start = 0;
  while (start < text.length) {
    const end = windowEnd(text, start);
    for (const { segment, index } of sentenceSegmenter.segment(text.slice(start, end))) {
      yield { segment, index: start + index };
    }
    start = end;
  }
}

/** The end of the window that starts at `start`: the last sentence end in its second half, else its last space, else its length. */
function windowEnd(text: string, start: number): number {
  if (text.length - start <= SEGMENT_WINDOW) return text.length;
  const searchFrom = start + SEGMENT_WINDOW / 2;
  const searched = text.slice(searchFrom, start + SEGMENT_WINDOW);
  let cut = -1;
  for (const match of searched.matchAll(WINDOW_CUT)) cut = match.index + match[0].length;
  if (cut < 0) for (const match of searched.matchAll(WHITESPACE_RUN)) cut = match.index + match[0].length;
  if (cut > 0) return searchFrom + cut;
  // Never between the two halves of a character outside the BMP.
  const hardEnd = start + SEGMENT_WINDOW;
  return /[\uD800-\uDBFF]/.test(text[hardEnd - 1] ?? "") ? hardEnd - 1 : hardEnd;
}

function pushTrimmed(spans: TextSpan[], text: string, start: number, end: number): void {
  let trimmedStart = start;
  let trimmedEnd = end;
  while (trimmedStart < trimmedEnd && /\s/.test(text[trimmedStart] ?? "")) trimmedStart++;
  while (trimmedEnd > trimmedStart && /\s/.test(text[trimmedEnd - 1] ?? "")) trimmedEnd--;
  if (trimmedEnd > trimmedStart) {
    spans.push({ text: text.slice(trimmedStart, trimmedEnd), start: trimmedStart, end: trimmedEnd });
  }
}
