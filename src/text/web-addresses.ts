/** A piece of text: plain text, or a web address (`href`) to show as a link. */
export type TextPiece = { text: string; href?: string };

// ASCII only: in Chinese text an address is often followed, without a space, by 。，）or a word,
// none of which belongs to it (an address with Chinese in its path is linked up to there). No `[`
// or `]` either: answers end sentences with citation markers, "…/apply.[1]".
const WEB_ADDRESS = /\bhttps?:\/\/[^\s"<>[\\\]^`{|}\u0080-\uffff]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'*_]+$/;

/**
 * Where the http(s) addresses in `text` are. Punctuation that ends a sentence, or a bracket the
 * address did not open, is not part of one; no other scheme (`javascript:`, `data:`) is ever one.
 */
export function webAddressSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  // exec, not matchAll: the chat page's script, which imports this, targets ES2019.
  const addresses = new RegExp(WEB_ADDRESS);
  for (let match = addresses.exec(text); match; match = addresses.exec(text)) {
    const address = withoutTrailingPunctuation(match[0]);
    if (isWebAddress(address)) spans.push({ start: match.index, end: match.index + address.length });
  }
  return spans;
}

/** Answer text cut into plain text and web addresses, in order, nothing lost: the chat page links the addresses. */
export function splitWebAddresses(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let plainFrom = 0;
  for (const { start, end } of webAddressSpans(text)) {
    if (start > plainFrom) pieces.push({ text: text.slice(plainFrom, start) });
    pieces.push({ text: text.slice(start, end), href: text.slice(start, end) });
    plainFrom = end;
  }
  if (plainFrom < text.length) pieces.push({ text: text.slice(plainFrom) });
  return pieces;
}

function withoutTrailingPunctuation(candidate: string): string {
  let address = candidate;
  for (;;) {
    const trimmed = address.replace(TRAILING_PUNCTUATION, "");
    // `https://en.wikipedia.org/wiki/Fee_(finance)` keeps its `)`; "(see https://a.edu/x)" does not.
    const unopened =
      trimmed.endsWith(")") && count(trimmed, ")") > count(trimmed, "(") ? trimmed.slice(0, -1) : trimmed;
    if (unopened === address) return address;
    address = unopened;
  }
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

function isWebAddress(candidate: string): boolean {
  try {
    const { protocol, hostname } = new URL(candidate);
    return (protocol === "http:" || protocol === "https:") && hostname !== "";
  } catch {
    return false;
  }
}
