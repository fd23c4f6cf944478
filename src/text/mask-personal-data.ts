/**
 * Personal data is masked before questions, answers and comments are stored: the logs are read by
 * editors, who need what was asked, not who asked it. Masked: e-mail addresses, phone numbers
 * (Taiwanese and international forms), and student-ID-like codes and long digit runs.
 */
const PATTERNS: [RegExp, string][] = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, "[email]"],
  // +886 2 2345 6789, +1-555-123-4567
  [/(?<![A-Za-z0-9])\+\d{1,3}(?:[\s-]?\d{1,4}){2,4}(?![0-9])/gu, "[phone]"],
  // 0912-345-678, 0912.345.678, 0912345678
  [/(?<![A-Za-z0-9])09\d{2}[\s.-]?\d{3}[\s.-]?\d{3}(?![0-9])/gu, "[phone]"],
  // (02)2345-6789, 02-2345-6789, 037-123456, (089)123456
  [/(?<![A-Za-z0-9])(?:\(0\d{1,3}\)|0\d{1,3}[\s.-])[\s.-]?\d{3,4}[\s.-]?\d{2,4}(?![0-9])/gu, "[phone]"],
  // B11001234, s1234567: a letter or two and seven or more digits; 410123456: eight or more digits,
  // but not a date written as 20260315
  [
    /(?<![A-Za-z0-9])(?:[A-Za-z]{1,2}\d{7,}|(?!(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![0-9]))\d{8,})(?![0-9])/gu,
    "[id]",
  ],
];

/** Full-width forms of ASCII (０９３３, Ｂ１０８, ＠) and the ideographic space, as IMEs type them. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

/** The same text with full-width ASCII forms as ASCII: one UTF-16 unit for one, so offsets match. */
function asciiForms(text: string): string {
  return text.replace(FULL_WIDTH, (character) =>
    character === "\u3000" ? " " : String.fromCharCode(character.charCodeAt(0) - 0xfee0),
  );
}

/**
 * The text with personal data masked. Patterns are matched on the text's ASCII forms, so a phone
 * number typed in full-width digits is masked too, while the rest of the text keeps its own forms
 * (Chinese punctuation stays as it was written).
 */
export function maskPersonalData(text: string): string {
  let masked = text;
  for (const [pattern, replacement] of PATTERNS) {
    const probe = asciiForms(masked);
    let kept = "";
    let end = 0;
    for (const match of probe.matchAll(pattern)) {
      kept += masked.slice(end, match.index) + replacement;
      end = match.index + match[0].length;
    }
    masked = kept + masked.slice(end);
  }
  return masked;
}
