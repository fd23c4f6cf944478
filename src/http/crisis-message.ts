import type { Context } from "hono";
import { detectSafetyConcern } from "../safety/detect-safety-concern.js";
import { answerRequestSchema } from "../schemas.js";
import { MAX_CONVERSATION_BYTES } from "./body-limits.js";
import { chatCompletionRequestSchema, textOf } from "./routes/openai-schemas.js";

/**
 * Whether the question of an asking request (`question`, or an OpenAI client's last message) shows
 * a crisis: its safety reply needs no index and no model, so it is given however busy or new the
 * service is. Read only when its size is declared and small: a client refused for another reason
 * cannot make the service read more than a conversation's worth.
 */
export async function saysSomeoneIsInDanger(context: Context): Promise<boolean> {
  const declared = Number(context.req.header("content-length"));
  if (!(declared > 0 && declared <= MAX_CONVERSATION_BYTES) || context.req.header("transfer-encoding")) return false;
  const body: unknown = await context.req.json().catch(() => undefined);
  const question = questionIn(body);
  return question !== undefined && detectSafetyConcern(question)?.kind === "crisis";
}

/** The question as the answer route or an OpenAI client sends it, read by their schemas. */
function questionIn(body: unknown): string | undefined {
  const asked = answerRequestSchema.safeParse(body);
  if (asked.success) return asked.data.question;
  const chat = chatCompletionRequestSchema.safeParse(body);
  const last = chat.success ? chat.data.messages.at(-1) : undefined;
  return last && textOf(last);
}
