import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AnswerService, AskRequest } from "../../ask/answer-service.js";
import { InvalidRequestError, NotFoundError } from "../../errors.js";
import { type AnswerResponse, MAX_QUESTION_CHARS } from "../../schemas.js";
import type { AppDependencies } from "../app-dependencies.js";
import { studentOf } from "../student-sign-in.js";
import {
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  chatCompletionChunkSchema,
  chatCompletionRequestSchema,
  chatCompletionSchema,
  type GroundedFaqExtension,
  groundedFaqExtensionSchema,
  MODEL_FAMILY,
  modelListSchema,
  modelSchema,
  textOf,
} from "./openai-schemas.js";
import { streamInOrder } from "./ordered-stream.js";
import { apiErrorResponses, errorBody, json, newRouteGroup, OPENAI_CHAT_ROUTE } from "./shared.js";

const modelNotFound = errorBody("model_not_found: the model names no collection");

const chatCompletionsRoute = createRoute({
  method: "post",
  path: OPENAI_CHAT_ROUTE,
  tags: ["answers"],
  summary: "Ask as an OpenAI chat model: any OpenAI SDK, Open WebUI or LibreChat can use the service",
  description: `The last user message is the question; the earlier user and assistant messages are the conversation. \`model\` is \`${MODEL_FAMILY}\` (every collection) or \`${MODEL_FAMILY}:<collection>\`. The content keeps its \`[n]\` markers; \`grounded_faq\` holds the citations, status, confidence and grounding. An abstention is an ordinary assistant message saying where to ask. With \`stream: true\`, chunks follow OpenAI's format and the last one before \`[DONE]\` carries \`grounded_faq\`; the text comes in one piece once the answer is checked, since OpenAI's protocol cannot take back text that a fallback would replace.`,
  request: { body: { required: true, content: json(chatCompletionRequestSchema) } },
  responses: {
    200: {
      description: "The answer as a chat completion, or a stream of chat completion chunks",
      content: { ...json(chatCompletionSchema), "text/event-stream": { schema: chatCompletionChunkSchema } },
    },
    ...apiErrorResponses,
    404: modelNotFound,
  },
});

const modelsRoute = createRoute({
  method: "get",
  path: "/v1/models",
  tags: ["answers"],
  summary: "The collections, as OpenAI models to choose from",
  responses: {
    200: { description: "One model for every collection, and one for all", content: json(modelListSchema) },
  },
});

const modelRoute = createRoute({
  method: "get",
  path: "/v1/models/{model}",
  tags: ["answers"],
  summary: "One of the models /v1/models lists",
  request: { params: z.object({ model: z.string().openapi({ example: `${MODEL_FAMILY}:registrar` }) }) },
  responses: {
    200: { description: "The model", content: json(modelSchema) },
    404: modelNotFound,
  },
});

/** `POST /v1/chat/completions` and `GET /v1/models`: the answer service behind OpenAI's protocol. */
export function openAiRoutes({ answers }: Pick<AppDependencies, "answers">): OpenAPIHono {
  const routes = newRouteGroup();
  routes.openapi(modelsRoute, async (context) => {
    const names = modelNames(await answers.collections());
    return context.json({ object: "list" as const, data: names.map(modelNamed) }, 200);
  });
  routes.openapi(modelRoute, async (context) => {
    const { model } = context.req.valid("param");
    await collectionOf(answers, model);
    return context.json(modelNamed(model), 200);
  });

  routes.openapi(chatCompletionsRoute, async (context) => {
    const request = context.req.valid("json");
    const asked = {
      ...askFromMessages(request.messages),
      collection: await collectionOf(answers, request.model),
      student: studentOf(context),
    };
    const reply = {
      id: `chatcmpl-${crypto.randomUUID()}`,
      created: Math.floor(Date.now() / 1000),
      model: request.model,
    };
    if (request.stream) return streamCompletion(context, answers, asked, reply, request) as never;
    const answered = await answers.ask(asked, { signal: context.req.raw.signal });
    const completion: ChatCompletion = {
      ...reply,
      object: "chat.completion",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: messageText(answered) },
          finish_reason: "stop",
          logprobs: null,
        },
      ],
      usage: usageOf(answered),
      grounded_faq: extensionOf(answered),
    };
    return context.json(completion, 200);
  });
  return routes;
}

/** Models are listed as created when the service started: they change with its documents. */
const STARTED_AT = Math.floor(Date.now() / 1000);

function modelNamed(id: string) {
  return { id, object: "model" as const, created: STARTED_AT, owned_by: MODEL_FAMILY };
}

/** The model for every collection, then one per collection. */
function modelNames(collections: string[]): string[] {
  return [MODEL_FAMILY, ...collections.map((collection) => `${MODEL_FAMILY}:${collection}`)];
}

/** `grounded-faq` asks every collection, `grounded-faq:<collection>` one of them. */
async function collectionOf(answers: AnswerService, model: string): Promise<string | undefined> {
  if (model === MODEL_FAMILY) return undefined;
  const collection = model.startsWith(`${MODEL_FAMILY}:`) ? model.slice(MODEL_FAMILY.length + 1) : undefined;
  const known = await answers.collections();
  if (collection === undefined || !known.includes(collection)) {
    throw new NotFoundError(
      `The model "${model}" does not exist; use one of: ${modelNames(known).join(", ")}.`,
      "model_not_found",
    );
  }
  return collection;
}

type ChatMessage = ChatCompletionRequest["messages"][number];

/**
 * The question is the last message, which must be the user's; earlier user messages, each with
 * the assistant's reply after it, are the conversation. System prompts are not obeyed: what is
 * said comes from the documents and the deployment's persona.
 */
function askFromMessages(messages: readonly ChatMessage[]): Pick<AskRequest, "question" | "history"> {
  const last = messages.at(-1);
  const question = last ? textOf(last).trim() : "";
  if (last?.role !== "user" || question === "") {
    throw new InvalidRequestError("messages: the last message must be the user's question, with text.");
  }
  if (question.length > MAX_QUESTION_CHARS) {
    throw new InvalidRequestError(`messages: the question is longer than ${MAX_QUESTION_CHARS} characters.`);
  }
  const history: { question: string; answer: string }[] = [];
  messages.slice(0, -1).forEach((message, index) => {
    if (message.role !== "user") return;
    const next = messages[index + 1];
    const text = textOf(message).trim();
    if (text !== "") history.push({ question: text, answer: next?.role === "assistant" ? textOf(next) : "" });
  });
  return { question, history };
}

/** The extension's fields, named once by its schema. */
const EXTENSION_FIELDS = Object.keys(groundedFaqExtensionSchema.shape) as (keyof GroundedFaqExtension)[];

function extensionOf(answered: AnswerResponse): GroundedFaqExtension {
  const present = EXTENSION_FIELDS.filter((field) => answered[field] !== undefined);
  return Object.fromEntries(present.map((field) => [field, answered[field]])) as GroundedFaqExtension;
}

function usageOf({ usage }: AnswerResponse): ChatCompletion["usage"] {
  const prompt = usage?.input_tokens ?? 0;
  const completion = usage?.output_tokens ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/**
 * The answer as chat completion chunks. OpenAI's protocol cannot take text back, and a generated
 * answer may still fall back to the extractive one after sentences were sent (whose markers would
 * then cite nothing): so the text is sent once the answer is settled, the role chunk at once.
 */
function streamCompletion(
  context: Context,
  answers: AnswerService,
  asked: AskRequest,
  reply: Pick<ChatCompletionChunk, "id" | "created" | "model">,
  request: ChatCompletionRequest,
): Response {
  const chunk = (delta: ChatCompletionChunk["choices"][number]["delta"], extra: Partial<ChatCompletionChunk> = {}) =>
    ({
      ...reply,
      object: "chat.completion.chunk",
      choices: [{ index: 0, delta, finish_reason: extra.grounded_faq ? "stop" : null }],
      ...extra,
    }) satisfies ChatCompletionChunk;
  return streamInOrder(
    context,
    async (send, clientGone) => {
      send(chunk({ role: "assistant", content: "" }));
      const answered = await answers.ask(asked, { signal: clientGone });
      send(chunk({ content: messageText(answered) }));
      send(chunk({}, { grounded_faq: extensionOf(answered) }));
      if (request.stream_options?.include_usage) send({ ...chunk({}), choices: [], usage: usageOf(answered) });
      send("[DONE]");
    },
    ({ code, message }, send) => {
      send({ error: { code, message } });
      send("[DONE]");
    },
  );
}

/** The assistant message: a question back lists its choices, since a chat client shows text only. */
function messageText(answered: AnswerResponse): string {
  if (!answered.choices?.length) return answered.answer;
  return `${answered.answer}\n\n${answered.choices.map((choice) => `- ${choice}`).join("\n")}`;
}
