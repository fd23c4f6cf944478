import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { passageLocation } from "../../answering/citations.js";
import { searchRequestSchema, searchResponseSchema } from "../../schemas.js";
import type { AppDependencies } from "../app-dependencies.js";
import { apiErrorResponses, newRouteGroup } from "./shared.js";

const searchRoute = createRoute({
  tags: ["answers"],
  method: "post",
  path: "/v1/search",
  summary: "Find the passages of published documents that best match a query",
  request: { body: { required: true, content: { "application/json": { schema: searchRequestSchema } } } },
  responses: {
    200: { description: "Passages, best first", content: { "application/json": { schema: searchResponseSchema } } },
    ...apiErrorResponses,
  },
});

/** `POST /v1/search`: passages from the answer service, without an answer. */
export function searchRoutes({ answers }: Pick<AppDependencies, "answers">): OpenAPIHono {
  const routes = newRouteGroup();
  routes.openapi(searchRoute, async (context) => {
    const { query, top_k, collection } = context.req.valid("json");
    const passages = await answers.search(query, { collection, limit: top_k });
    const results = passages.map((passage) => ({
      doc_id: passage.document.docId,
      chunk_id: passage.chunk.chunkId,
      title: passage.document.title,
      text: passage.chunk.text,
      score: Math.round(passage.relevance * 1000) / 1000,
      ...passageLocation(passage),
    }));
    return context.json({ results }, 200);
  });
  return routes;
}
