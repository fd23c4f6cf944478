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

/** Splits text into sentences, each trimmed and with its offsets in the original text. */
export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let carriedStart: number | undefined;
  for (const { segment, index } of sentenceSegmenter.segment(text)) {
    // "1. 申請期限…": the segmenter ends a sentence after "1."; the number belongs to what follows.
    if (ENUMERATOR_ONLY.test(segment)) {
      carriedStart ??= index;
      continue;
    }
    let pieceStart = carriedStart ?? index;
    carriedStart = undefined;
    for (const boundary of segment.matchAll(EXTRA_SENTENCE_END)) {
      const pieceEnd = index + boundary.index + boundary[0].length;
      pushTrimmed(spans, text, pieceStart, pieceEnd);
      pieceStart = pieceEnd;
    }
    pushTrimmed(spans, text, pieceStart, index + segment.length);
  }
  if (carriedStart !== undefined) pushTrimmed(spans, text, carriedStart, text.length);
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
