/**
 * Asking for a person, in Traditional or Simplified Chinese or English, not a question that mentions
 * people ("可以找人代選嗎?" is a question). The chat page's script imports it, so the browser and
 * the tests use this one pattern.
 */
export const ASKS_FOR_A_PERSON =
  /[轉转]真人|找真人|真人客服|人工客服|[轉转]人工|^\s*(真人|人工|客服)\s*[!！。]?\s*$|talk to (a )?(human|person|someone)|real person|human agent|speak (to|with) (a )?(human|person|someone)/i;
