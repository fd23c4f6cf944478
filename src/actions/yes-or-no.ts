/** A reply that is a yes on its own: 確定, 好, 是的, yes, ok, go ahead (a polite ending allowed). */
const YES =
  /^(?:確定|确定|確認|确认|好|好的|好啊|是|是的|對|对|可以|沒問題|没问题|麻煩了|麻烦了|請|请|yes|yeah|yep|y|ok|okay|sure|confirm|go ahead|please do|please)(?:[,，\s]*(?:謝謝|谢谢|please|thanks|thank you))?[。！!.\s]*$/iu;
/** A reply that is a no on its own: 不要, 取消, 算了, no, cancel. */
const NO = /^(?:不要|不要了|不用|不用了|取消|算了|先不要|否|no|nope|n|cancel|don't|do not|not now)[。！!.\s]*$/iu;

/** Whether a reply to "shall I …?" says yes, and only that. */
export function answersYes(reply: string): boolean {
  return YES.test(reply.trim());
}

/** Whether a reply to "shall I …?" says no, and only that. */
export function answersNo(reply: string): boolean {
  return NO.test(reply.trim());
}
