import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { PlacedPhrasing } from "../../editorial/passage-phrasings.js";
import type { AppDependencies } from "../app-dependencies.js";
import { type CallerEnv, requireRole } from "../authorize.js";
import {
  newPhrasingSchema,
  phrasingListQuerySchema,
  phrasingListSchema,
  phrasingSchema,
  phrasingTextSchema,
} from "./editorial-schemas.js";
import { errorBody, idParamsSchema, json, keyErrorResponses, keySecurity, newRouteGroup } from "./shared.js";

const common = { tags: ["phrasings"], security: keySecurity };
const onePhrasing = (description: string) => ({ description, content: json(phrasingSchema) });
const notFound = errorBody("not_found: no such phrasing (or, to teach one, no such indexed document or passage)");
const unavailable = errorBody("editorial_store_unavailable, store_unavailable or not_ready");
/** An editor on another replica changed the phrasing between this request's read and its write. */
const CHANGED = "; or phrasing_changed: changed by someone else meanwhile, reload it and try again";

const listRoute = createRoute({
  ...common,
  method: "get",
  path: "/v1/phrasings",
  summary: "Phrasings: a document's (`doc_id`), or those awaiting review (`state=proposed`)",
  request: { query: phrasingListQuerySchema },
  responses: { 200: { description: "Newest first", content: json(phrasingListSchema) }, ...keyErrorResponses },
});

const teachRoute = createRoute({
  ...common,
  method: "post",
  path: "/v1/phrasings",
  summary: "Teach a wording of a passage: questions worded like it find the passage from now on",
  description:
    "The passage is one `POST /v1/search` returned (`doc_id` and `chunk_id`). The phrasing is accepted at once and written into that document's chunks in the index, with no restart or re-index. The same wording already proposed for the passage is accepted instead.",
  request: { body: { required: true, content: json(newPhrasingSchema) } },
  responses: {
    201: onePhrasing("Taught"),
    404: notFound,
    409: errorBody(`phrasing_exists: the passage already has that wording${CHANGED}`),
    ...keyErrorResponses,
    503: unavailable,
  },
});

const editRoute = createRoute({
  ...common,
  method: "patch",
  path: "/v1/phrasings/{id}",
  summary: "Reword a phrasing; an accepted one is searched in its new words from now on",
  request: { params: idParamsSchema, body: { required: true, content: json(phrasingTextSchema) } },
  responses: {
    200: onePhrasing("Reworded"),
    404: notFound,
    409: errorBody(`phrasing_exists: the passage already has that wording${CHANGED}`),
    ...keyErrorResponses,
    503: unavailable,
  },
});

const removeRoute = createRoute({
  ...common,
  method: "delete",
  path: "/v1/phrasings/{id}",
  summary: "Remove a phrasing: it no longer finds its passage (its audit event is kept)",
  request: { params: idParamsSchema },
  responses: {
    204: { description: "Removed" },
    404: notFound,
    409: errorBody("phrasing_changed: changed by someone else meanwhile, reload it and try again"),
    ...keyErrorResponses,
    503: unavailable,
  },
});

const acceptRoute = createRoute({
  ...common,
  method: "post",
  path: "/v1/phrasings/{id}/accept",
  summary: "Accept a phrasing a 👍 proposed: from now on it finds its passage",
  request: { params: idParamsSchema },
  responses: {
    200: onePhrasing("Accepted"),
    404: notFound,
    409: errorBody(`not_proposed: it is accepted already${CHANGED}`),
    ...keyErrorResponses,
    503: unavailable,
  },
});

const rejectRoute = createRoute({
  ...common,
  method: "post",
  path: "/v1/phrasings/{id}/reject",
  summary: "Turn down a phrasing a 👍 proposed (it was never searched)",
  request: { params: idParamsSchema },
  responses: {
    204: { description: "Rejected and deleted; its audit event is kept" },
    404: notFound,
    409: errorBody(`not_proposed: it is accepted; remove it instead${CHANGED}`),
    ...keyErrorResponses,
    503: unavailable,
  },
});

/** Editors teach, review, reword and remove the other wordings of passages (src/editorial/passage-phrasings.ts). */
export function phrasingRoutes({ editorial }: Pick<AppDependencies, "editorial">): OpenAPIHono<CallerEnv> {
  const { keys, phrasings } = editorial;
  const routes = newRouteGroup<CallerEnv>();
  const editorsOnly = { middleware: requireRole(keys, "editor") } as const;

  routes.openapi({ ...listRoute, ...editorsOnly }, async (context) => {
    const { doc_id, state, limit } = context.req.valid("query");
    const listed =
      doc_id === undefined
        ? await phrasings.placed(await phrasings.list(state, limit))
        : (await phrasings.ofDocument(doc_id))
            .filter((phrasing) => state === undefined || phrasing.state === state)
            .reverse()
            .slice(0, limit);
    return context.json({ phrasings: listed.map(toPhrasingBody) }, 200);
  });

  routes.openapi({ ...teachRoute, ...editorsOnly }, async (context) => {
    const { doc_id, chunk_id, text } = context.req.valid("json");
    const taught = await phrasings.teach({ docId: doc_id, chunkId: chunk_id, text }, context.get("caller"));
    return context.json(toPhrasingBody({ ...taught, chunkId: chunk_id }), 201);
  });

  routes.openapi({ ...editRoute, ...editorsOnly }, async (context) => {
    const { id } = context.req.valid("param");
    const edited = await phrasings.edit(id, context.req.valid("json").text, context.get("caller"));
    const [placed = edited] = await phrasings.placed([edited]);
    return context.json(toPhrasingBody(placed), 200);
  });

  routes.openapi({ ...removeRoute, ...editorsOnly }, async (context) => {
    await phrasings.remove(context.req.valid("param").id, context.get("caller"));
    return context.body(null, 204);
  });

  routes.openapi({ ...acceptRoute, ...editorsOnly }, async (context) => {
    const accepted = await phrasings.accept(context.req.valid("param").id, context.get("caller"));
    const [placed = accepted] = await phrasings.placed([accepted]);
    return context.json(toPhrasingBody(placed), 200);
  });

  routes.openapi({ ...rejectRoute, ...editorsOnly }, async (context) => {
    await phrasings.reject(context.req.valid("param").id, context.get("caller"));
    return context.body(null, 204);
  });

  return routes;
}

function toPhrasingBody(phrasing: PlacedPhrasing) {
  return {
    id: phrasing.id,
    doc_id: phrasing.docId,
    chunk_id: phrasing.chunkId ?? null,
    passage: phrasing.passageText,
    text: phrasing.text,
    state: phrasing.state,
    source: phrasing.source,
    ...(phrasing.answerId === undefined ? {} : { answer_id: phrasing.answerId }),
    created_at: phrasing.createdAt,
    created_by: phrasing.createdBy,
    updated_at: phrasing.updatedAt,
    updated_by: phrasing.updatedBy,
  };
}
