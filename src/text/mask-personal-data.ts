import type { PersonalDataPattern, PersonalDataPatterns } from "../config/personal-data-patterns.js";

/**
 * Personal data is masked before questions, answers and comments are stored: the logs are read by
 * editors, who need what was asked, not who asked it. Masked by default: e-mail addresses, phone
 * numbers (Taiwanese and international forms), and student-ID-like codes and long digit runs; a
 * deployment adds its own patterns (PERSONAL_DATA_PATTERNS_FILE).
 */
export type { PersonalDataPattern } from "../config/personal-data-patterns.js";

export const defaultPersonalDataPatterns: readonly PersonalDataPattern[] = [
  // The local part starts where a run of its characters does (the lookbehind): trying every
  // position of a long run of letters would take time with the square of its length.
  {
    name: "email",
    pattern: /(?<![\w.%+-])[\w.%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[A-Za-z]{2,}(?![A-Za-z])/gu,
    replacement: "[email]",
  },
  // +886 2 2345 6789, +1-555-123-4567
  { name: "phone", pattern: /(?<![A-Za-z0-9])\+\d{1,3}(?:[\s-]?\d{1,4}){2,4}(?![0-9])/gu, replacement: "[phone]" },
  // 0912-345-678, 0912.345.678, 0912345678
  { name: "phone", pattern: /(?<![A-Za-z0-9])09\d{2}[\s.-]?\d{3}[\s.-]?\d{3}(?![0-9])/gu, replacement: "[phone]" },
  // (02)2345-6789, 02-2345-6789, 037-123456, (089)123456
  {
    name: "phone",
    pattern: /(?<![A-Za-z0-9])(?:\(0\d{1,3}\)|0\d{1,3}[\s.-])[\s.-]?\d{3,4}[\s.-]?\d{2,4}(?![0-9])/gu,
    replacement: "[phone]",
  },
  // B11001234, s1234567, A123456789 (a national ID): a letter or two and seven or more digits;
  // 410123456: eight or more digits, but not a date written as 20260315
  {
    name: "id",
    pattern:
      /(?<![A-Za-z0-9])(?:[A-Za-z]{1,2}\d{7,}|(?!(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![0-9]))\d{8,})(?![0-9])/gu,
    replacement: "[id]",
  },
];

/**
 * Text beyond this is cut before masking: a deployment's pattern that backtracks badly costs time
 * with the length of the text, and no question (1,000), comment (2,000) or answer comes near it.
 */
export const MAX_MASKED_CHARS = 10_000;

/**
 * Finds personal data on the text's NFKC form, so that a phone number typed in full-width digits
 * (０９３３…) or an e-mail address with a full-width ＠ is found too, while the rest of the text keeps
 * its own forms (Chinese punctuation stays as it was written).
 */
export class PersonalDataMask {
  private readonly patterns: readonly PersonalDataPattern[];

  constructor(patterns: readonly PersonalDataPattern[] = defaultPersonalDataPatterns) {
    // Every match is wanted, whatever flags the pattern was written with.
    this.patterns = patterns.map((entry) => ({
      ...entry,
      pattern: entry.pattern.global ? entry.pattern : new RegExp(entry.pattern, `${entry.pattern.flags}g`),
    }));
  }

  /** The text with each piece of personal data replaced by its pattern's placeholder ("[email]"). */
  mask(text: string): string {
    return this.replaceMatches(text, (entry) => entry.replacement);
  }

  /**
   * The text with personal data taken out (a space in its place): words carried from it to another
   * question then hold no fragment of it, and no placeholder either.
   */
  remove(text: string): string {
    return this.replaceMatches(text, () => " ");
  }

  private replaceMatches(text: string, replacementOf: (entry: PersonalDataPattern) => string): string {
    let result = withinLimit(text);
    let form = normalizedForm(result);
    for (const entry of this.patterns) {
      const { probe, startOf, endOf } = form;
      let kept = "";
      let end = 0;
      for (const match of probe.matchAll(entry.pattern)) {
        if (match[0] === "") continue;
        const start = startOf(match.index);
        // A match that began inside text already replaced (an expansion such as ㎏ → kg) is part of it.
        if (start < end) continue;
        kept += result.slice(end, start) + replacementOf(entry);
        end = endOf(match.index + match[0].length - 1);
      }
      // Mapped again only when something was replaced.
      if (end > 0) {
        result = kept + result.slice(end);
        form = normalizedForm(result);
      }
    }
    return result;
  }
}

/**
 * A deployment's own patterns, then the built-in ones (unless it turns them off): its own are the
 * more specific, and name what they find ("M12345678" is a member number before it is an ID).
 */
export function personalDataMaskOf(settings: Pick<PersonalDataPatterns, "defaults" | "patterns">): PersonalDataMask {
  return new PersonalDataMask([...settings.patterns, ...(settings.defaults ? defaultPersonalDataPatterns : [])]);
}

/** The built-in patterns only: for stores and tests given no deployment's. */
export const defaultPersonalDataMask = new PersonalDataMask();

/** The text masked with the built-in patterns. */
export function maskPersonalData(text: string): string {
  return defaultPersonalDataMask.mask(text);
}

function withinLimit(text: string): string {
  if (text.length <= MAX_MASKED_CHARS) return text;
  // Never half a surrogate pair.
  const lastUnit = text.charCodeAt(MAX_MASKED_CHARS - 1);
  const cut = lastUnit >= 0xd800 && lastUnit <= 0xdbff ? MAX_MASKED_CHARS - 1 : MAX_MASKED_CHARS;
  return `${text.slice(0, cut)}…`;
}

/** Where a UTF-16 unit of the NFKC form came from in the text: its character's start and end. */
interface NormalizedForm {
  probe: string;
  startOf(unit: number): number;
  endOf(unit: number): number;
}

/**
 * The text's NFKC form, character by character, mapped back to the text: most text is in that form
 * already, and is its own map.
 */
function normalizedForm(text: string): NormalizedForm {
  if (text.normalize("NFKC") === text) return { probe: text, startOf: (unit) => unit, endOf: (unit) => unit + 1 };
  const starts: number[] = [];
  const ends: number[] = [];
  let probe = "";
  let offset = 0;
  for (const character of text) {
    const normalized = character.normalize("NFKC");
    const end = offset + character.length;
    for (let unit = 0; unit < normalized.length; unit++) {
      starts.push(offset);
      ends.push(end);
    }
    probe += normalized;
    offset = end;
  }
  return { probe, startOf: (unit) => starts[unit] ?? offset, endOf: (unit) => ends[unit] ?? offset };
}
