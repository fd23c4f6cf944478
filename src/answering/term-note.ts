import { detectLanguage } from "../text/language.js";
import { convertToSimplified } from "../text/normalize.js";
import type { Vocabulary } from "../text/vocabulary.js";

/**
 * A line in the question's language saying that the answer calls a word of the question by the
 * deployment's own word ("押金" answered with "保證金"), or undefined when it does not: the asker
 * then knows the quote is about what they asked, and the word to use at the counter.
 */
export function termNote(question: string, answer: string, vocabulary: Vocabulary): string | undefined {
  const [renamed] = vocabulary.renamedIn(question, answer);
  if (!renamed) return undefined;
  const { asked, preferred } = renamed;
  const language = detectLanguage(question);
  if (language === "en") return `(What you call “${asked}” is called “${preferred}” here.)`;
  const note = `（您說的「${asked}」，在這裡稱為「${preferred}」。）`;
  return language === "zh-Hans" ? convertToSimplified(note) : note;
}

/** `answer` followed by the note on the deployment's words, when it needs one. */
export function withTermNote(question: string, answer: string, vocabulary: Vocabulary | undefined): string {
  const note = vocabulary && termNote(question, answer, vocabulary);
  return note ? `${answer}\n${note}` : answer;
}
