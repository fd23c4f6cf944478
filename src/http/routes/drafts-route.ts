import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { draftRequestSchema, draftResponseSchema } from "../../schemas.js";
import type { AppDependencies } from "../app-dependencies.js";
import { apiErrorResponses, newRouteGroup } from "./shared.js";

const draftsRoute = createRoute({
  tags: ["answers"],
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

/** `POST /v1/drafts`: a message to the answer service, a reply for staff to review. */
export function draftsRoutes({ answers }: Pick<AppDependencies, "answers">): OpenAPIHono {
  const routes = newRouteGroup();
  routes.openapi(draftsRoute, async (context) =>
    context.json(await answers.draft(context.req.valid("json"), { signal: context.req.raw.signal }), 200),
  );
  return routes;
}
