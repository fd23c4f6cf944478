/** A question ready to answer: rewritten whole by a model, or with words carried from the last turn. */
export interface FollowUp {
  question: string;
  /** Words of the previous question, searched for with less weight than the question's own. */
  context?: string;
}

/** How a follow-up reads once understood: "那研究生呢?（加退選）". */
export function standaloneText({ question, context }: FollowUp): string {
  return context ? `${question}（${context}）` : question;
}
