import type { OpenAPIHono } from "@hono/zod-openapi";
import { chunkLocation } from "../../answering/citations.js";
import type { DocumentDetail, DocumentSummary } from "../../editorial/document-editor.js";
import type { AppDependencies } from "../app-dependencies.js";
import { authorize } from "../authorize.js";
import { readUpload } from "../read-upload.js";
import {
  documentDetailSchema,
  documentListQuerySchema,
  documentListSchema,
  documentQuerySchema,
  documentTextSchema,
} from "./editorial-schemas.js";
import { json, keyErrorResponses, keySecurity, parseInput, refuseOtherMethods } from "./shared.js";

/** Document ids hold `/` (`registrar/add-drop.md`): sent as is or percent-encoded. */
const DOCUMENT_PATH = "/v1/documents/:id{.+}";

export function registerDocumentsRoutes(app: OpenAPIHono, { editorial }: AppDependencies): void {
  const { keys, editor } = editorial;

  app.post("/v1/documents", async (context) => {
    const caller = authorize(context, keys, "editor");
    const version = await editor.upload(await readUpload(context, editorial.maxUploadBytes), caller);
    context.header("Location", `/v1/documents/${encodeURIComponent(version.docId)}`);
    return context.json(toDetailBody(await editor.get(version.docId)), 201);
  });

  app.get("/v1/documents", async (context) => {
    authorize(context, keys, "editor");
    const query = parseInput(documentListQuerySchema, context.req.query());
    const matching = (await editor.list()).filter(
      (document) =>
        (query.collection === undefined || document.collection === query.collection) &&
        (query.status === undefined || document.status === query.status) &&
        (query.source === undefined || document.source === query.source),
    );
    return context.json({
      documents: matching.slice(query.offset, query.offset + query.limit).map(toSummaryBody),
      total: matching.length,
      limit: query.limit,
      offset: query.offset,
    });
  });

  for (const action of ["publish", "unpublish"] as const) {
    app.post(`${DOCUMENT_PATH}/${action}`, async (context) => {
      const caller = authorize(context, keys, "editor");
      const docId = context.req.param("id");
      await (action === "publish" ? editor.publish(docId, caller) : editor.unpublish(docId, caller));
      return context.json(toDetailBody(await editor.get(docId)));
    });
  }

  app.get(DOCUMENT_PATH, async (context) => {
    authorize(context, keys, "editor");
    const { version } = parseInput(documentQuerySchema, context.req.query());
    return context.json(toDetailBody(await editor.get(context.req.param("id"), version)));
  });

  app.put(DOCUMENT_PATH, async (context) => {
    const caller = authorize(context, keys, "editor");
    const docId = context.req.param("id");
    await editor.replace(docId, await readUpload(context, editorial.maxUploadBytes), caller);
    return context.json(toDetailBody(await editor.get(docId)));
  });

  app.delete(DOCUMENT_PATH, async (context) => {
    const caller = authorize(context, keys, "editor");
    await editor.delete(context.req.param("id"), caller);
    return context.body(null, 204);
  });

  refuseOtherMethods(app, "/v1/documents", ["GET", "POST"]);
  refuseOtherMethods(app, DOCUMENT_PATH, ["GET", "PUT", "DELETE"], ["POST"]);
  documentOpenApi(app);
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

/** The documents API in the OpenAPI document; the handlers above take ids with `/`, which the OpenAPI router cannot. */
function documentOpenApi(app: OpenAPIHono): void {
  const idParameter = {
    name: "id",
    in: "path" as const,
    required: true,
    schema: { type: "string" as const },
    description: "The document id, percent-encoded (`uploads%2Fdorm-rules-3f9a1c`) or with its `/` as is.",
  };
  const detail = {
    description: "The document, its versions, the shown version's chunks and the audit trail",
    content: json(documentDetailSchema),
  };
  const uploadBody = {
    required: true,
    content: {
      "multipart/form-data": {
        schema: {
          type: "object" as const,
          required: ["file"],
          properties: {
            file: {
              type: "string" as const,
              format: "binary",
              description:
                "PDF, Markdown, HTML, text, or an FAQ sheet (CSV or JSON); the type is read from the content",
            },
            title: { type: "string" as const },
            url: { type: "string" as const },
            collection: { type: "string" as const },
            tags: { type: "string" as const, description: "comma-separated" },
            lang: { type: "string" as const },
            effective_date: { type: "string" as const, format: "date" },
          },
        },
      },
      ...json(documentTextSchema),
    },
  };
  const uploadErrors = {
    ...keyErrorResponses,
    413: { description: "file_too_large (MAX_UPLOAD_MB)" },
    415: { description: "unsupported_file_type, file_type_mismatch or unsupported_media_type" },
    422: {
      description:
        "empty_file, invalid_encoding, corrupt_pdf, pdf_encrypted, no_extractable_text, too_many_pages, parse_timeout or unparseable_document",
    },
  };
  const routes = [
    {
      method: "post",
      path: "/v1/documents",
      summary: "Upload a document; it lands as a draft",
      request: { body: uploadBody },
      responses: { 201: detail, ...uploadErrors },
    },
    {
      method: "get",
      path: "/v1/documents",
      summary: "List uploaded and folder documents",
      request: { query: documentListQuerySchema },
      responses: {
        200: { description: "A page of documents", content: json(documentListSchema) },
        ...keyErrorResponses,
      },
    },
    {
      method: "get",
      path: "/v1/documents/{id}",
      summary: "A document with its versions, chunks and audit trail",
      request: { query: documentQuerySchema },
      parameters: [idParameter],
      responses: { 200: detail, 404: { description: "not_found" }, ...keyErrorResponses },
    },
    {
      method: "put",
      path: "/v1/documents/{id}",
      summary: "Upload a new version as a draft; the published one keeps answering",
      request: { body: uploadBody },
      parameters: [idParameter],
      responses: {
        200: detail,
        404: { description: "not_found" },
        409: { description: "folder_document" },
        ...uploadErrors,
      },
    },
    {
      method: "delete",
      path: "/v1/documents/{id}",
      summary: "Delete an uploaded document (its audit trail is kept)",
      parameters: [idParameter],
      responses: {
        204: { description: "Deleted" },
        404: { description: "not_found" },
        409: { description: "folder_document" },
        ...keyErrorResponses,
      },
    },
    {
      method: "post",
      path: "/v1/documents/{id}/publish",
      summary: "Publish the draft version: from now on it is searched and cited",
      parameters: [idParameter],
      responses: {
        200: detail,
        404: { description: "not_found" },
        409: { description: "nothing_to_publish, folder_document or document_changed" },
        ...keyErrorResponses,
      },
    },
    {
      method: "post",
      path: "/v1/documents/{id}/unpublish",
      summary: "Take the published version out of search and answers",
      parameters: [idParameter],
      responses: {
        200: detail,
        404: { description: "not_found" },
        409: { description: "not_published, folder_document or document_changed" },
        ...keyErrorResponses,
      },
    },
  ] as const;
  for (const route of routes) {
    app.openAPIRegistry.registerPath({ ...route, security: keySecurity, tags: ["documents"] } as Parameters<
      typeof app.openAPIRegistry.registerPath
    >[0]);
  }
}
