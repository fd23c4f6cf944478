import type { Context } from "hono";
import { detectSafetyConcern } from "../safety/detect-safety-concern.js";
import { MAX_CONVERSATION_BYTES } from "./body-limits.js";

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

function questionIn(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { question, messages } = body as { question?: unknown; messages?: unknown };
  if (typeof question === "string") return question;
  const content = Array.isArray(messages) ? (messages.at(-1) as { content?: unknown } | undefined)?.content : undefined;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return undefined;
  return content.map((part) => (typeof part?.text === "string" ? part.text : "")).join("");
}
