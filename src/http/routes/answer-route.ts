import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { answerQuestion } from "../../answering/answer-question.js";
import { answerRequestSchema, answerResponseSchema, errorResponseSchema } from "../../schemas.js";
import type { AppDependencies } from "../app.js";

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
    400: { description: "Invalid request", content: { "application/json": { schema: errorResponseSchema } } },
  },
});

export function registerAnswerRoute(app: OpenAPIHono, { store, answering }: AppDependencies): void {
  app.openapi(answerRoute, async (context) => {
    const answer = await answerQuestion(store, context.req.valid("json"), answering);
    return context.json(answer, 200);
  });
}
