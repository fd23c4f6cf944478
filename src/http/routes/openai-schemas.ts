import { z } from "@hono/zod-openapi";
import { answerResponseSchema } from "../../schemas.js";

/** The model every collection is asked through; `grounded-faq:<collection>` asks one collection. */
export const MODEL_FAMILY = "grounded-faq";

/**
 * Chat clients send the whole conversation with every question; only its last few turns are read
 * (RECENT_TURNS), so a long one is accepted rather than cut off midway.
 */
const MAX_MESSAGES = 2000;

/** OpenAI clients send text as a string or as typed parts; only text parts are read. */
const messageContentSchema = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
]);

const chatMessageSchema = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: messageContentSchema.nullable().optional(),
});

/**
 * A chat completion request as OpenAI clients send it. Loose: sampling options and other fields
 * clients add (temperature, user, n…) are accepted and ignored, since answers come from the documents.
 */
export const chatCompletionRequestSchema = z
  .looseObject({
    model: z
      .string()
      .min(1)
      .openapi({ example: `${MODEL_FAMILY}:registrar` }),
    messages: z.array(chatMessageSchema).min(1).max(MAX_MESSAGES),
    stream: z.boolean().optional(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
    // One answer per question: a client asking for several would otherwise get one and not know it.
    n: z.literal(1, { message: "only n: 1 is supported: each question has one answer" }).nullable().optional(),
  })
  .openapi("ChatCompletionRequest");

/** What this service adds to an OpenAI response: the answer's sources and how sure it is. */
export const groundedFaqExtensionSchema = answerResponseSchema
  .pick({
    answer_id: true,
    status: true,
    confidence: true,
    mode: true,
    citations: true,
    grounding: true,
    fallback_reason: true,
    standalone_question: true,
    handoff_suggested: true,
    choices: true,
    sign_in_url: true,
  })
  .openapi("GroundedFaqExtension", {
    description:
      "The answer's citations (numbered as the `[n]` markers in the content), status (`answered`, `abstained`, `clarify`, `safety` or `declined`), confidence, mode and grounding check; `choices` on a question back (`clarify`) and on an abstention near topics the documents cover, also listed in the content; `handoff_suggested` on a safety reply, whose content gives crisis lines and offers a person; a signed-in student's record is cited with `kind: record`, and `sign_in_url` says where to sign in (`sign_in_required`).",
  });

const usageSchema = z.object({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
});

export const chatCompletionSchema = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion"),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        message: z.object({ role: z.literal("assistant"), content: z.string() }),
        finish_reason: z.literal("stop"),
        logprobs: z.null(),
      }),
    ),
    usage: usageSchema,
    grounded_faq: groundedFaqExtensionSchema,
  })
  .openapi("ChatCompletion");

export const chatCompletionChunkSchema = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion.chunk"),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        delta: z.object({ role: z.literal("assistant").optional(), content: z.string().optional() }),
        finish_reason: z.literal("stop").nullable(),
      }),
    ),
    usage: usageSchema.nullable().optional(),
    grounded_faq: groundedFaqExtensionSchema
      .optional()
      .openapi({ description: "On the chunk that finishes the answer." }),
  })
  .openapi("ChatCompletionChunk");

export const modelSchema = z
  .object({ id: z.string(), object: z.literal("model"), created: z.number().int(), owned_by: z.string() })
  .openapi("Model");

export const modelListSchema = z.object({ object: z.literal("list"), data: z.array(modelSchema) }).openapi("ModelList");

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
type ChatMessage = ChatCompletionRequest["messages"][number];

/** A chat message's text: its string, or its text parts joined. */
export function textOf(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === "string") return content;
  return (content ?? []).map((part) => (part.type === "text" ? (part.text ?? "") : "")).join("");
}
export type ChatCompletion = z.infer<typeof chatCompletionSchema>;
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunkSchema>;
export type GroundedFaqExtension = z.infer<typeof groundedFaqExtensionSchema>;
