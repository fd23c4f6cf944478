/** The reply a model is asked to give when the passages do not answer; kept short so the check drops it. */
export const CANNOT_ANSWER = "CANNOT_ANSWER";

const DECLINED = new RegExp(`^\\W*${CANNOT_ANSWER}\\b`);

/** A model's reply that it cannot answer from the passages, however it was decorated. */
export function isDeclined(text: string): boolean {
  return DECLINED.test(text.trim());
}
