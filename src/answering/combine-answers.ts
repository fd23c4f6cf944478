import type { AnswerResponse } from "../schemas.js";

/** What an answer to one question is made of, as combining needs it. */
type PartAnswer = Pick<AnswerResponse, "answer" | "citations" | "confidence" | "mode">;

/**
 * One question of a message that asked several: the answer found for it alone, numbered on from
 * the one before, or when none was sure enough, a note on where to ask (none in a staff draft).
 */
export type AnsweredPart = { answer: PartAnswer } | { note?: string };

/**
 * One answer to a message that asked several questions, its parts in turn: as sure as its least
 * sure answer, for the share of the questions it answers (half of a message answered is not an
 * answer to it, however sure that half is).
 */
export function combineAnswers(parts: AnsweredPart[]): PartAnswer {
  const answers = parts.flatMap((part) => ("answer" in part ? [part.answer] : []));
  const texts = parts.flatMap((part) => ("answer" in part ? [part.answer.answer] : part.note ? [part.note] : []));
  const modes = new Set(answers.map((answer) => answer.mode));
  return {
    answer: texts.join("\n\n"),
    citations: answers.flatMap((answer) => answer.citations),
    confidence:
      answers.length === 0
        ? 0
        : (Math.min(...answers.map((answer) => answer.confidence)) * answers.length) / parts.length,
    mode: modes.size === 1 ? ([...modes][0] ?? "extractive") : "extractive",
  };
}
