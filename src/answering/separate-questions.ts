import { analyzeQueryTerms } from "../text/tokenize.js";

/** More question marks than this in one message is a pasted text, not a few questions asked at once. */
const MAX_QUESTIONS = 3;

/**
 * The questions of a message that asks several at once (「運費多少？可以寄到日本嗎？」): its parts
 * ended by a question mark or a line break that name something of their own. One question, or
 * a message of more than a few, is returned whole.
 */
export function separateQuestions(message: string): string[] {
  const parts = message
    .split(/(?<=[?？])|\n/u)
    .map((part) => part.trim())
    .filter(namesSomething);
  return parts.length > 1 && parts.length <= MAX_QUESTIONS ? parts : [message];
}

/** Whether a part holds a word of its own, not only greetings, question words or a bigram across them. */
function namesSomething(part: string): boolean {
  return [...analyzeQueryTerms(part)].some(([term, { acrossWords }]) => !acrossWords && term.length > 1);
}
