import type { AnswerResponse, Citation } from "../schemas.js";

/** What an answer to one question is made of, as combining needs it. */
type PartAnswer = Pick<AnswerResponse, "answer" | "citations" | "confidence" | "mode">;

/** One question of a message that asked several, with the answer found for it alone, if any was sure enough. */
export interface AnsweredPart {
  question: string;
  answer?: PartAnswer;
}

/**
 * One answer to a message that asked several questions: each part's answer in turn, its citations
 * numbered on from the previous part's (a quote cited by two parts keeps its first number), one that
 * only repeats what an earlier part quoted left out, and for a part the documents do not cover,
 * `uncovered`'s line in its place. As sure as its least sure part.
 */
export function combineAnswers(parts: AnsweredPart[], uncovered: (question: string) => string): PartAnswer {
  const citations: Citation[] = [];
  const texts: string[] = [];
  let confidence = 1;
  for (const { question, answer } of parts) {
    if (!answer) {
      texts.push(uncovered(question));
      continue;
    }
    // Two questions answered by the same words (「可以換房間嗎？要不要錢」) get them once.
    const saidAlready = answer.citations.every((citation) =>
      citations.some((seen) => seen.chunk_id === citation.chunk_id && seen.quote.includes(citation.quote)),
    );
    if (saidAlready) continue;
    const numberOf = new Map<number, number>();
    for (const citation of answer.citations) {
      const cited = citations.find((seen) => seen.chunk_id === citation.chunk_id && seen.quote === citation.quote);
      if (cited) numberOf.set(citation.n, cited.n);
      else {
        const n = citations.length + 1;
        citations.push({ ...citation, n });
        numberOf.set(citation.n, n);
      }
    }
    texts.push(
      answer.answer.replace(/\[(\d+)\]/g, (marker, n: string) => {
        const renumbered = numberOf.get(Number(n));
        return renumbered === undefined ? marker : `[${renumbered}]`;
      }),
    );
    confidence = Math.min(confidence, answer.confidence);
  }
  const modes = new Set(parts.flatMap(({ answer }) => (answer ? [answer.mode] : [])));
  return {
    answer: texts.join("\n\n"),
    citations,
    confidence,
    mode: modes.size === 1 ? ([...modes][0] ?? "extractive") : "extractive",
  };
}
