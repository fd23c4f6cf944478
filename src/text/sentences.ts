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

/** Splits text into sentences, each trimmed and with its offsets in the original text. */
export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const { segment, index } of sentenceSegmenter.segment(text)) {
    let pieceStart = index;
    for (const boundary of segment.matchAll(EXTRA_SENTENCE_END)) {
      const pieceEnd = index + boundary.index + boundary[0].length;
      pushTrimmed(spans, text, pieceStart, pieceEnd);
      pieceStart = pieceEnd;
    }
    pushTrimmed(spans, text, pieceStart, index + segment.length);
  }
  return spans;
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
