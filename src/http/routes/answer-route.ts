import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { rewriteFollowUp, standaloneText } from "../../conversation/rewrite-follow-up.js";
import type { AnswerEvent } from "../../generation/generate-answer.js";
import { type AnswerRequest, type AnswerResponse, answerRequestSchema, answerResponseSchema } from "../../schemas.js";
import { untilDeadline } from "../../until-deadline.js";
import { type AppDependencies, asAppError } from "../app.js";
import { answerFrom, apiErrorResponses, logAnswer, requireKnownCollection } from "./shared.js";

const answerRoute = createRoute({
  method: "post",
  path: "/v1/answer",
  summary: "Answer a question from the published documents, with citations, or abstain",
  description:
    "With `stream: true` (or `Accept: text/event-stream`) the answer comes as Server-Sent Events: `citations` (the passages offered, numbered as the markers use them), then `delta` events of checked text, then `done` with the final JSON answer. When the model fails or its answer does not hold up, a `reset` event withdraws the text sent so far, and `citations` and `delta` of the extractive answer (or the abstention) follow; `done` always carries the final answer.",
  request: { body: { required: true, content: { "application/json": { schema: answerRequestSchema } } } },
  responses: {
    200: {
      description: "An answer with `[n]` citation markers, or an abstention that says where to ask",
      content: {
        "application/json": { schema: answerResponseSchema },
        "text/event-stream": { schema: { type: "string" } },
      },
    },
    ...apiErrorResponses,
  },
});

export function registerAnswerRoute(app: OpenAPIHono, dependencies: AppDependencies): void {
  app.openapi(answerRoute, async (context) => {
    const request = context.req.valid("json");
    await requireKnownCollection(dependencies.store, request.collection);
    const wantsStream = request.stream ?? (context.req.header("accept") ?? "").includes("text/event-stream");
    if (wantsStream) return streamAnswer(context, dependencies, request) as never;
    // A client that gives up also stops the model call.
    return context.json(await answer(dependencies, request, { signal: context.req.raw.signal }), 200);
  });
}

/** Answers the question, understood in its conversation when it has one, and remembers the turn. */
async function answer(
  dependencies: AppDependencies,
  request: AnswerRequest,
  options: { signal?: AbortSignal; onEvent?: (event: AnswerEvent) => void } = {},
): Promise<AnswerResponse> {
  const { store, generation, conversations } = dependencies;
  // One budget for the whole answer: rewriting a follow-up, embedding it and generating.
  const deadline = generation && AbortSignal.timeout(generation.timeoutMs);
  const conversationId = request.conversation_id;
  const turns = conversationId === undefined ? [] : await conversations.recentTurns(conversationId);
  const followUp = await rewriteFollowUp(request.question, turns, {
    store,
    chatModel: generation?.chatModel,
    signal: deadline && untilDeadline(options.signal, deadline),
  });
  const standaloneQuestion = standaloneText(followUp);
  const asked = { ...followUp, collection: request.collection };
  const answered = await answerFrom(dependencies, asked, { ...options, deadline });
  logAnswer(dependencies, "answer", answered);
  // Kept (masked) under an id that feedback and hand-offs refer to.
  const { id: answerId } = dependencies.editorial.interactions.logAnswer({
    // A follow-up as understood ("那暑假呢?（住宿 費用）"): what the weekly review can group and answer.
    question: standaloneQuestion,
    answer: answered.answer,
    status: answered.status,
    mode: answered.mode,
    confidence: answered.confidence,
    latencyMs: answered.latency_ms,
    collection: request.collection,
    conversationId,
    citations: answered.citations.map((citation) => ({ n: citation.n, docId: citation.doc_id, title: citation.title })),
  });
  const response = { answer_id: answerId, ...answered };
  if (conversationId === undefined) return response;
  await conversations.remember(conversationId, {
    question: request.question,
    standaloneQuestion,
    answer: response.answer,
  });
  return {
    ...response,
    conversation_id: conversationId,
    ...(standaloneQuestion === request.question ? {} : { standalone_question: standaloneQuestion }),
  };
}

function streamAnswer(context: Context, dependencies: AppDependencies, request: AnswerRequest): Response {
  return streamSSE(context, async (stream) => {
    const clientGone = new AbortController();
    stream.onAbort(() => clientGone.abort());
    // Events are written in order; each write waits for the previous one.
    let writing = Promise.resolve();
    const send = (event: string, data: unknown) => {
      writing = writing.then(() => stream.writeSSE({ event, data: JSON.stringify(data) }));
    };
    const onEvent = (event: AnswerEvent) => {
      if (event.type === "citations") send("citations", { citations: event.citations });
      else if (event.type === "delta") send("delta", { text: event.text });
      else send("reset", { reason: event.reason });
    };
    try {
      const final = await answer(dependencies, request, { signal: clientGone.signal, onEvent });
      send("done", final);
    } catch (error) {
      if (clientGone.signal.aborted) return;
      const { code, message } = asAppError(error);
      send("error", { error: { code, message } });
    }
    await writing;
  });
}
