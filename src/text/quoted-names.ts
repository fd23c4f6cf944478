/**
 * A name in quotation or title marks (「弱勢家庭水電費優惠」, 〈付款方式〉, "Gangbei-Free"), not an inch
 * mark after a figure (15" laptop … 17" monitor): a name is written word for word or not at all.
 */
const QUOTED_NAME =
  /(?<![\d.])["“「『〈《](?=[^"“”「」『』〈〉《》\n]{0,39}\p{L})([^"“”「」『』〈〉《》\n]{2,40})["”」』〉》]/gu;

/** The names a text quotes, as written. */
export function quotedNames(text: string): string[] {
  return [...text.matchAll(QUOTED_NAME)].map(([, name]) => name as string);
}
