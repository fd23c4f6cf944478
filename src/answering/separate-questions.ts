import { webAddressSpans } from "../text/web-addresses.js";
import { contentWords } from "./follow-up.js";

/** More questions than this in one message is a pasted text, not a few questions asked at once. */
const MAX_QUESTIONS = 3;
/** Pieces between question marks looked at: beyond this the message is returned whole unread. */
const MAX_PIECES = 2 * MAX_QUESTIONS;

/**
 * The questions of a message that asks several at once (「運費多少？可以寄到日本嗎？」): its pieces
 * ended by a question mark that name something of their own ("請問一下？" names nothing). One
 * question, a message of more than a few, or one holding a link (whose "?" ends no question), is
 * returned whole.
 */
export function separateQuestions(message: string): string[] {
  if (webAddressSpans(message).length > 0) return [message];
  const pieces = piecesEndedByQuestionMarks(message);
  if (pieces.length < 2 || pieces.length > MAX_PIECES) return [message];
  const questions = pieces.filter((piece) => contentWords(piece).length > 0);
  return questions.length > 1 && questions.length <= MAX_QUESTIONS ? questions : [message];
}

/** A text's pieces, each ended by a question mark but the last, trimmed, none empty. */
export function piecesEndedByQuestionMarks(text: string): string[] {
  return text
    .split(/(?<=[?？])/u)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== "");
}
