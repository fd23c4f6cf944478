import { pinyin } from "pinyin-pro";
import { isKnownWord } from "./word-specificity.js";

const TWO_HAN_CHARACTERS = /^\p{Script=Han}{2}$/u;
const FIRST_HAN = 0x4e00;
const LAST_HAN = 0x9fff;

/** Characters by their sound without tone ("jian" → 间, 简, 见…), built on first use (about 0.2 s). */
let charactersBySound: Map<string, string[]> | undefined;
const soundsByCharacter = new Map<string, string[]>();

function soundsOf(character: string): string[] {
  let sounds = soundsByCharacter.get(character);
  if (!sounds) {
    sounds = [...new Set(pinyin(character, { toneType: "none", type: "array", multiple: true }))];
    soundsByCharacter.set(character, sounds);
  }
  return sounds;
}

/** A character's most common reading, tones aside: "chang" of 長, "lü" of 綠. */
export function readingOf(character: string): string {
  return soundsOf(character)[0] ?? "";
}

/**
 * Builds the table of characters by sound now rather than at the first question with a slip in it,
 * which would otherwise wait for it (about 0.2 s).
 */
export function prepareSoundAlikes(): void {
  characterTable();
}

function characterTable(): Map<string, string[]> {
  if (!charactersBySound) {
    charactersBySound = new Map();
    for (let code = FIRST_HAN; code <= LAST_HAN; code++) {
      const character = String.fromCodePoint(code);
      for (const each of soundsOf(character)) {
        const characters = charactersBySound.get(each);
        if (characters) characters.push(character);
        else charactersBySound.set(each, [character]);
      }
    }
  }
  return charactersBySound;
}

function charactersSounding(sound: string): readonly string[] {
  return characterTable().get(sound) ?? [];
}

/**
 * The two-character words that sound like `word` with one character changed, tones aside: what a
 * Zhuyin or Pinyin keyboard offers for the same keys ("时简" → "时间", "底免" → "抵免"), among the
 * words the general-language table knows; none for a word it knows itself. `word` is in the matching script (Simplified, as
 * normalizeForMatching folds it); so are the results.
 */
export function soundAlikes(word: string): string[] {
  // A word the language knows is taken as written: 累積 is not a slip for 累計.
  if (!TWO_HAN_CHARACTERS.test(word) || isKnownWord(word)) return [];
  const characters = [...word];
  const alike = new Set<string>();
  characters.forEach((character, position) => {
    for (const sound of soundsOf(character)) {
      for (const other of charactersSounding(sound)) {
        if (other === character) continue;
        const changed = [...characters];
        changed[position] = other;
        const candidate = changed.join("");
        if (isKnownWord(candidate)) alike.add(candidate);
      }
    }
  });
  return [...alike];
}

/**
 * Whether `written` is `word` with at most one character typed as another of the same sound, tones
 * aside ("多少前" for "多少钱"): a slip of a Zhuyin or Pinyin keyboard. Both in the matching script.
 */
export function soundsLikeWithOneSlip(written: string, word: string): boolean {
  const writtenCharacters = [...written];
  const wordCharacters = [...word];
  if (writtenCharacters.length !== wordCharacters.length) return false;
  let slips = 0;
  for (const [position, character] of writtenCharacters.entries()) {
    const intended = wordCharacters[position] as string;
    if (character === intended) continue;
    slips++;
    const sounds = soundsOf(intended);
    if (slips > 1 || !soundsOf(character).some((sound) => sounds.includes(sound))) return false;
  }
  return true;
}
