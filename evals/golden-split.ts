import { createHash } from "node:crypto";

/**
 * Whether an eval question is in the held-out part, which nothing is ever tuned on: about a third
 * of the questions, chosen by a hash of the question's id, so the split is fixed, needs no list, and
 * a question added later falls on one side for good. Never change this rule: a new rule would
 * mix questions already tuned on into the held-out part.
 */
export function isHeldOut(questionId: string): boolean {
  const [firstByte = 0] = createHash("sha256").update(`grounded-faq held-out:${questionId}`).digest();
  return firstByte % 3 === 0;
}
