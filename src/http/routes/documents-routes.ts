import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { chunkLocation } from "../../answering/citations.js";
import type { DocumentDetail, DocumentSummary } from "../../editorial/document-editor.js";
import type { AppDependencies } from "../app-dependencies.js";
import { type CallerEnv, requireRole } from "../authorize.js";
import { readUpload } from "../read-upload.js";
import {
  documentDetailSchema,
  documentIdParamsSchema,
  documentListQuerySchema,
  documentListSchema,
  documentNewTextSchema,
  documentQuerySchema,
  documentTextSchema,
  documentUploadSchema,
} from "./editorial-schemas.js";
import { errorBody, json, keyErrorResponses, keySecurity, newRouteGroup, servedAs } from "./shared.js";

/** Document ids hold `/` (`registrar/add-drop.md`): sent as is or percent-encoded. */
const DOCUMENT_PATH = "/v1/documents/:id{.+}";

const detail = {
  description: "The document, its versions, the shown version's chunks and the audit trail",
  content: json(documentDetailSchema),
};
const uploadBody = {
  required: true,
  content: { "multipart/form-data": { schema: documentUploadSchema }, ...json(documentTextSchema) },
};
const uploadErrors = {
  ...keyErrorResponses,
  400: errorBody(
    "invalid_request, or invalid_form: a multipart body that cannot be read (truncated, missing or wrong boundary)",
  ),
  413: errorBody("file_too_large (MAX_UPLOAD_MB)"),
  415: errorBody("unsupported_file_type, file_type_mismatch or unsupported_media_type"),
  422: errorBody(
    "empty_file, invalid_encoding, corrupt_pdf, pdf_encrypted, no_extractable_text, too_many_pages, parse_timeout or unparseable_document",
  ),
};
const notFound = errorBody("not_found");
const common = { tags: ["documents"], security: keySecurity };

const uploadRoute = createRoute({
  ...common,
  method: "post",
  path: "/v1/documents",
  summary: "Upload a document; it lands as a draft",
  request: { body: uploadBody },
  responses: { 201: detail, ...uploadErrors },
});

const listRoute = createRoute({
  ...common,
  method: "get",
  path: "/v1/documents",
  summary: "List uploaded and folder documents",
  request: { query: documentListQuerySchema },
  responses: { 200: { description: "A page of documents", content: json(documentListSchema) }, ...keyErrorResponses },
});

const getRoute = createRoute({
  ...common,
  method: "get",
  path: "/v1/documents/{id}",
  summary: "A document with its versions, chunks and audit trail",
  request: { params: documentIdParamsSchema, query: documentQuerySchema },
  responses: { 200: detail, 404: notFound, ...keyErrorResponses },
});

const replaceRoute = createRoute({
  ...common,
  method: "put",
  path: "/v1/documents/{id}",
  summary: "Upload a new version as a draft; the published one keeps answering, and metadata left out is kept",
  request: {
    params: documentIdParamsSchema,
    body: { ...uploadBody, content: { ...uploadBody.content, ...json(documentNewTextSchema) } },
  },
  responses: { 200: detail, 404: notFound, 409: errorBody("folder_document"), ...uploadErrors },
});

const deleteRoute = createRoute({
  ...common,
  method: "delete",
  path: "/v1/documents/{id}",
  summary: "Delete an uploaded document (its audit trail is kept)",
  request: { params: documentIdParamsSchema },
  responses: {
    204: { description: "Deleted" },
    404: notFound,
    409: errorBody("folder_document"),
    ...keyErrorResponses,
  },
});

const publishRoute = createRoute({
  ...common,
  method: "post",
  path: "/v1/documents/{id}/publish",
  summary: "Publish the draft version: from now on it is searched and cited",
  request: { params: documentIdParamsSchema },
  responses: {
    200: detail,
    404: notFound,
    409: errorBody("nothing_to_publish, folder_document or document_changed"),
    ...keyErrorResponses,
  },
});

const unpublishRoute = createRoute({
  ...common,
  method: "post",
  path: "/v1/documents/{id}/unpublish",
  summary: "Take the published version out of search and answers",
  request: { params: documentIdParamsSchema },
  responses: {
    200: detail,
    404: notFound,
    409: errorBody("not_published, folder_document or document_changed"),
    ...keyErrorResponses,
  },
});

/** The editors' documents API: every route needs an editor's key. */
export function documentsRoutes({ editorial }: Pick<AppDependencies, "editorial">): OpenAPIHono<CallerEnv> {
  const { keys, editor, maxUploadBytes } = editorial;
  const routes = newRouteGroup<CallerEnv>();
  const editorsOnly = { middleware: requireRole(keys, "editor") } as const;

  routes.openapi(
    servedAs(routes, { ...uploadRoute, ...editorsOnly }, { requestReadByHandler: true }),
    async (context) => {
      const version = await editor.upload(await readUpload(context, maxUploadBytes), context.get("caller"));
      context.header("Location", `/v1/documents/${encodeURIComponent(version.docId)}`);
      return context.json(toDetailBody(await editor.get(version.docId)), 201);
    },
  );

  routes.openapi({ ...listRoute, ...editorsOnly }, async (context) => {
    const query = context.req.valid("query");
    const matching = (await editor.list()).filter(
      (document) =>
        (query.collection === undefined || document.collection === query.collection) &&
        (query.status === undefined || document.status === query.status) &&
        (query.source === undefined || document.source === query.source),
    );
    return context.json(
      {
        documents: matching.slice(query.offset, query.offset + query.limit).map(toSummaryBody),
        total: matching.length,
        limit: query.limit,
        offset: query.offset,
      },
      200,
    );
  });

  for (const [route, action] of [
    [publishRoute, "publish"],
    [unpublishRoute, "unpublish"],
  ] as const) {
    routes.openapi(
      servedAs(routes, { ...route, ...editorsOnly }, { honoPath: `${DOCUMENT_PATH}/${action}` }),
      async (context) => {
        const docId = context.req.param("id");
        const caller = context.get("caller");
        // The document as the change left it: a delete queued behind it does not answer for it.
        const detail = await (action === "publish" ? editor.publish(docId, caller) : editor.unpublish(docId, caller));
        return context.json(toDetailBody(detail), 200);
      },
    );
  }

  routes.openapi(servedAs(routes, { ...getRoute, ...editorsOnly }, { honoPath: DOCUMENT_PATH }), async (context) => {
    const { version } = context.req.valid("query");
    return context.json(toDetailBody(await editor.get(context.req.param("id"), version)), 200);
  });

  routes.openapi(
    servedAs(routes, { ...replaceRoute, ...editorsOnly }, { honoPath: DOCUMENT_PATH, requestReadByHandler: true }),
    async (context) => {
      const docId = context.req.param("id");
      const upload = await readUpload(context, maxUploadBytes, { newVersion: true });
      await editor.replace(docId, upload, context.get("caller"));
      return context.json(toDetailBody(await editor.get(docId)), 200);
    },
  );

  routes.openapi(servedAs(routes, { ...deleteRoute, ...editorsOnly }, { honoPath: DOCUMENT_PATH }), async (context) => {
    await editor.delete(context.req.param("id"), context.get("caller"));
    return context.body(null, 204);
  });

  return routes;
}

function toSummaryBody(summary: DocumentSummary) {
  return {
    doc_id: summary.docId,
    title: summary.title,
    collection: summary.collection,
    url: summary.url,
    tags: summary.tags,
    lang: summary.lang,
    effective_date: summary.effectiveDate,
    format: summary.format,
    source: summary.source,
    status: summary.status,
    published_version: summary.publishedVersion,
    draft_version: summary.draftVersion,
    updated_at: summary.updatedAt,
  };
}

function toDetailBody(detail: DocumentDetail) {
  return {
    document: toSummaryBody(detail.summary),
    versions: detail.versions.map((version) => ({
      version: version.version,
      state: version.state,
      source_name: version.sourceName,
      byte_size: version.byteSize,
      created_at: version.createdAt,
      created_by: version.createdBy,
    })),
    shown_version: detail.shownVersion,
    text: detail.text,
    chunks: detail.chunks.map((chunk) => ({
      chunk_id: chunk.chunkId,
      position: chunk.position,
      text: chunk.text,
      ...chunkLocation(chunk),
      ...(chunk.faqQuestion !== undefined ? { faq_question: chunk.faqQuestion } : {}),
    })),
    audit: detail.audit,
  };
}
