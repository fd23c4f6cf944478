import fs from "node:fs";
import { createRequire } from "node:module";
import { pinyin } from "pinyin-pro";
import { englishTermOf } from "./english-term.js";

const NAME_LENGTH = /^\p{Script=Han}{2,4}$/u;
/** jieba's classes of names of places, organisations and other proper nouns (not people's). */
const NAME_CLASSES = /^(?:ns|nz|nt)$/;

/** Names jieba's dictionary knows, by their romanized term; built on first use (about 0.4 s). */
let namesByRomanization: Map<string, string[]> | undefined;

/**
 * How an English page writes a Chinese name, as an index term: its Hanyu Pinyin run together, without
 * tones ("Tianchi Hut" for 天池山屋's 天池, "Beitun District" for 北屯, "Fenggu" for 楓谷), as Taiwan
 * writes its places, roads and buildings. Undefined for a single character or a longer run: a name
 * is two to four. A common word's spelling ("shenqing") is in no English page, so looking it up is
 * harmless.
 */
export function romanizedTerm(word: string): string | undefined {
  if (!NAME_LENGTH.test(word)) return undefined;
  const spelt = pinyin(word, { toneType: "none", type: "array" }).join("").replace(/ü/g, "u");
  return /^[a-z]+$/.test(spelt) ? englishTermOf(spelt) : undefined;
}

/**
 * The Chinese names (Simplified, the script terms are matched in) an English term spells in Pinyin:
 * "tianchi" → 天池, "shanlin" → 山林, 杉林. Only names jieba's dictionary knows, of places,
 * organisations and the like; no English word is spelt as one ("change", "china" are not).
 */
export function namesSpelledAs(term: string): readonly string[] {
  return romanizationTable().get(term) ?? [];
}

/** Builds the table now rather than at the first English question naming a place (about 0.4 s). */
export function prepareRomanizedNames(): void {
  romanizationTable();
}

function romanizationTable(): Map<string, string[]> {
  if (!namesByRomanization) {
    namesByRomanization = new Map();
    // jieba's dictionary: one "word frequency class" line per word.
    const file = createRequire(import.meta.url).resolve("@node-rs/jieba/dict.txt");
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      const [word, , wordClass] = line.split(" ");
      if (!word || !wordClass || !NAME_CLASSES.test(wordClass)) continue;
      const term = romanizedTerm(word);
      if (!term) continue;
      const names = namesByRomanization.get(term);
      if (names) names.push(word);
      else namesByRomanization.set(term, [word]);
    }
  }
  return namesByRomanization;
}
