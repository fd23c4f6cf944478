/**
 * A curated answer to a yes-or-no question opens with its yes or no ("Yes. We ship to…",
 * "Yes, we do.", 「可以，…」). Quoted for a question that asked something else ("What is the return
 * policy?"), that opening answers a question nobody asked, so it is left out.
 */
const YES_OR_NO_OPENING =
  /^\s*(?:(?:yes|no|yep|nope|sure|of course)\s*[.,!;:]\s*(?:(?:we|you|it|they|i|there)\s+(?:do|does|can|are|is|will|have|has)(?:\s*n[o']t)?\s*[.!]\s*)?|(?:是的|是|不是|對|不對|可以|不可以|不行|能|不能|會|不會|有|沒有|需要|不需要|不用|要|不要)\s*[。，！；：,.!]\s*)/iu;

/** A yes or no qualified by what follows it ("可以，但必須…", "No, but…") is part of its sentence. */
const QUALIFIED = /^(?:但|不過|只是|只要|除非|however\b|but\b|although\b|only\b|unless\b)/iu;

/**
 * Where `text` starts once a yes-or-no opening is left out: 0 when it has none, when nothing would
 * be left, or when the rest qualifies it.
 */
export function afterYesOrNoOpening(text: string): number {
  const opening = YES_OR_NO_OPENING.exec(text);
  if (!opening || opening[0].length >= text.trim().length) return 0;
  return QUALIFIED.test(text.slice(opening[0].length)) ? 0 : opening[0].length;
}

/** Whether `text` says only yes or no ("Yes.", 「可以。」): a reply to its own question, nothing more. */
export function saysOnlyYesOrNo(text: string): boolean {
  const opening = YES_OR_NO_OPENING.exec(text);
  return opening !== null && opening[0].length >= text.trim().length;
}
