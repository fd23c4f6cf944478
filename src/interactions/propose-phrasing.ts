import type { PassagePhrasings, Phrasing } from "../editorial/passage-phrasings.js";
import { type InteractionStore, PICKED_TOPIC_MODE } from "./interaction-store.js";

/**
 * A student's 👍 proposes the answer's question, as the log keeps it (masked, a follow-up made
 * standalone), as a wording of the passage the answer cited first; a topic picked from the choices
 * is named by the passage's own title and heading, no wording of a student's. Only proposed: an editor accepts
 * it before it is ever searched, so that a public endpoint cannot change what the index matches.
 * A by-product of the rating: when it cannot be made (the passage is gone, the index is down), the
 * rating stands all the same and nothing is proposed.
 */
export async function proposePhrasingFromRating(
  interactions: Pick<InteractionStore, "answer">,
  phrasings: Pick<PassagePhrasings, "propose">,
  answerId: string,
): Promise<Phrasing | undefined> {
  const answer = await interactions.answer(answerId);
  const [cited] = answer?.citations ?? [];
  if (
    answer?.rating !== "up" ||
    answer.status !== "answered" ||
    answer.mode === PICKED_TOPIC_MODE ||
    cited?.chunkId === undefined
  ) {
    return undefined;
  }
  try {
    return await phrasings.propose({ answerId, docId: cited.docId, chunkId: cited.chunkId, question: answer.question });
  } catch {
    // Whatever went wrong (the index, the editorial file), the rating is already saved and stands.
    return undefined;
  }
}
