/** A piece of answer text: plain text, or a web address to show as a link. */
export type TextPiece = { text: string; href?: string };

// ASCII only: in Chinese text an address is often followed, without a space, by 。，）or a word,
// none of which belongs to it (an address with Chinese in its path is linked up to there). No `[`
// or `]` either: answers end sentences with citation markers, "…/apply.[1]".
const WEB_ADDRESS = /\bhttps?:\/\/[^\s"<>[\\\]^`{|}\u0080-\uffff]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'*_]+$/;

/**
 * Answer text cut into plain text and http(s) addresses, in order, nothing lost: the chat page makes
 * links of the addresses only, so no other scheme (`javascript:`, `data:`) ever becomes one.
 * Punctuation that ends a sentence, or a bracket the address did not open, is left outside the link.
 */
export function splitWebAddresses(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let plainFrom = 0;
  // exec, not matchAll: the chat page's script targets ES2019.
  const addresses = new RegExp(WEB_ADDRESS);
  for (let match = addresses.exec(text); match; match = addresses.exec(text)) {
    const address = withoutTrailingPunctuation(match[0]);
    if (!isWebAddress(address)) continue;
    if (match.index > plainFrom) pieces.push({ text: text.slice(plainFrom, match.index) });
    pieces.push({ text: address, href: address });
    plainFrom = match.index + address.length;
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
