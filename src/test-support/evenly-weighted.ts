import { analyzeQueryTerms } from "../text/tokenize.js";

/** Query weights as retrieval would give them if every term were equally rare. */
export function evenlyWeighted(question: string): Map<string, number> {
  return new Map([...analyzeQueryTerms(question)].map(([term, { share }]) => [term, share]));
}
