import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { answerQuestion } from "../../answering/answer-question.js";
import { answerRequestSchema, answerResponseSchema } from "../../schemas.js";
import type { AppDependencies } from "../app.js";
import { apiErrorResponses, requireKnownCollection } from "./shared.js";

const answerRoute = createRoute({
  method: "post",
  path: "/v1/answer",
  summary: "Answer a question from the published documents, with citations, or abstain",
  request: { body: { required: true, content: { "application/json": { schema: answerRequestSchema } } } },
  responses: {
    200: {
      description: "An answer with `[n]` citation markers, or an abstention that says where to ask",
      content: { "application/json": { schema: answerResponseSchema } },
    },
    ...apiErrorResponses,
  },
});

export function registerAnswerRoute(app: OpenAPIHono, { store, answering }: AppDependencies): void {
  app.openapi(answerRoute, async (context) => {
    const request = context.req.valid("json");
    await requireKnownCollection(store, request.collection);
    const answer = await answerQuestion(store, request, answering);
    return context.json(answer, 200);
  });
}
