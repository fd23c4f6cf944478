import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AnswerService, AskRequest } from "../../ask/answer-service.js";
import type { AnswerEvent } from "../../generation/generate-answer.js";
import { answerRequestSchema, answerResponseSchema } from "../../schemas.js";
import { requireKnownCollection } from "../../store/require-known-collection.js";
import type { AppDependencies } from "../app-dependencies.js";
import { studentOf } from "../student-sign-in.js";
import { streamInOrder } from "./ordered-stream.js";
import { apiErrorResponses, newRouteGroup } from "./shared.js";

const answerRoute = createRoute({
  tags: ["answers"],
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

/** `POST /v1/answer`: the question to the answer service, the answer as JSON or as Server-Sent Events. */
export function answerRoutes({ answers }: Pick<AppDependencies, "answers">): OpenAPIHono {
  const routes = newRouteGroup();
  routes.openapi(answerRoute, async (context) => {
    const request = context.req.valid("json");
    const wantsStream = request.stream ?? (context.req.header("accept") ?? "").includes("text/event-stream");
    const asked = {
      question: request.question,
      collection: request.collection,
      conversationId: request.conversation_id,
      student: studentOf(context),
      ...(request.choice ? { choice: true } : {}),
    };
    if (wantsStream) {
      // Known before the stream starts, so answered as without it: 400, not 200 and an error event.
      await requireKnownCollection({ listCollections: () => answers.collections() }, request.collection);
      return streamAnswer(context, answers, asked) as never;
    }
    // A client that gives up also stops the model call.
    return context.json(await answers.ask(asked, { signal: context.req.raw.signal }), 200);
  });
  return routes;
}

function streamAnswer(context: Context, answers: AnswerService, request: AskRequest): Response {
  return streamInOrder(
    context,
    async (send, clientGone) => {
      const onEvent = (event: AnswerEvent) => {
        if (event.type === "citations") send({ citations: event.citations }, "citations");
        else if (event.type === "delta") send({ text: event.text }, "delta");
        else send({ reason: event.reason }, "reset");
      };
      send(await answers.ask(request, { signal: clientGone, onEvent }), "done");
    },
    ({ code, message }, send) => send({ error: { code, message } }, "error"),
  );
}
