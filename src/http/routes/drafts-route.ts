import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { type DraftResponse, draftRequestSchema, draftResponseSchema } from "../../schemas.js";
import type { AppDependencies } from "../app.js";
import { answerFrom, apiErrorResponses, logAnswer, requireKnownCollection } from "./shared.js";

/**
 * A person reads every draft before it is sent, so one is offered down to half the confidence an
 * answer shown to the asker needs: greetings and context in a message lower lexical confidence.
 */
const DRAFT_THRESHOLD_SHARE = 0.5;

const draftsRoute = createRoute({
  method: "post",
  path: "/v1/drafts",
  summary: "Suggest a cited reply to a message, for a staff member to review before sending",
  description:
    "The semi-automatic mode: the same retrieval, generation and grounding checks as `/v1/answer`, but the result is a draft for a person, never sent to the asker by this service.",
  request: { body: { required: true, content: { "application/json": { schema: draftRequestSchema } } } },
  responses: {
    200: {
      description: "A suggested reply with citations, or a note that the documents do not cover the message",
      content: { "application/json": { schema: draftResponseSchema } },
    },
    ...apiErrorResponses,
  },
});

export function registerDraftsRoute(app: OpenAPIHono, dependencies: AppDependencies): void {
  app.openapi(draftsRoute, async (context) => {
    const { message, collection } = context.req.valid("json");
    await requireKnownCollection(dependencies.store, collection);
    const answer = await answerFrom(
      dependencies,
      { question: message, collection },
      {
        signal: context.req.raw.signal,
        purpose: "draft",
        abstainThreshold: dependencies.answering.abstainThreshold * DRAFT_THRESHOLD_SHARE,
      },
    );
    const { status, answer: text, conversation_id, standalone_question, ...rest } = answer;
    // An abstention is already worded for staff ("No draft: …"): see answerFrom.
    const draft: DraftResponse = {
      ...rest,
      status: status === "answered" ? "drafted" : "no_draft",
      draft: true,
      reply: text,
    };
    logAnswer(dependencies, "draft", draft);
    return context.json(draft, 200);
  });
}
