import { OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { Context, Env } from "hono";
import { AppError, InvalidJsonError, InvalidRequestError, UnsupportedMediaTypeError } from "../../errors.js";
import { knowledgeGapCsv } from "../../interactions/knowledge-gap-csv.js";
import type { KnowledgeGapReport } from "../../interactions/knowledge-gap-report.js";
import { errorResponseSchema } from "../../schemas.js";

/** An error response for the OpenAPI document; `description` names its codes. */
export const errorBody = (description: string) => ({
  description,
  content: { "application/json": { schema: errorResponseSchema } },
});

/** An HTML page response for the OpenAPI document. */
export const htmlPage = (description: string) => ({
  description,
  content: { "text/html": { schema: z.string() } },
});

/** The error responses every `/v1` route can give, for the OpenAPI document. */
export const apiErrorResponses = {
  400: errorBody("invalid_request, invalid_json or unknown_collection: the message says what to fix"),
  405: errorBody("method_not_allowed: the `Allow` header lists the methods the route takes"),
  413: errorBody("payload_too_large: the body is over 64 KiB"),
  415: errorBody("unsupported_media_type: send Content-Type: application/json"),
  503: errorBody("not_ready (the first sync has not finished) or store_unavailable"),
} as const;

/** A 400 that names each field and what is wrong with it. */
export function invalidRequest(error: z.ZodError): InvalidRequestError {
  const problems = error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
  );
  return new InvalidRequestError(problems.join("; "));
}

/** A group of routes, mounted with `app.route()`; a request its schema refuses is a 400 that says why. */
export function newRouteGroup<E extends Env = Env>(): OpenAPIHono<E> {
  return new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) throw invalidRequest(result.error);
    },
  });
}

/** Input checked by its one schema, or a 400. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidRequest(result.error);
  return result.data;
}

/** The request's JSON body, or a 400 `invalid_json`. */
export async function readJsonBody(context: Context): Promise<unknown> {
  if (!/^application\/json\b/i.test(context.req.header("content-type") ?? "")) throw new UnsupportedMediaTypeError();
  try {
    return await context.req.json();
  } catch (error) {
    // A body refused while it was read (too large) says so, rather than that it is not JSON.
    if (error instanceof AppError) throw error;
    throw new InvalidJsonError((error as Error).message);
  }
}

/**
 * `route` as `routes.openapi()` should serve it when requests are matched or read differently from
 * what the OpenAPI document says. The document gets `route` as written; the served copy is matched
 * by `honoPath` (ids holding `/` need Hono's `:id{.+}`, which an OpenAPI path cannot say) and, with
 * `requestReadByHandler`, leaves the request to the handler, unchecked (uploads: readUpload names
 * their errors; pages: a stray query parameter is ignored, not refused).
 */
export function servedAs<R extends RouteConfig>(
  routes: Pick<OpenAPIHono<never>, "openAPIRegistry">,
  route: R,
  served: { honoPath?: string; requestReadByHandler?: boolean },
): R {
  const { middleware: _middleware, hide: _hide, ...documented } = route;
  routes.openAPIRegistry.registerPath(documented);
  return {
    ...route,
    hide: true,
    // openapi() turns `/{name…}` into `/:name…`: `:id{.+}` is written `{id{.+}}` for it.
    path: served.honoPath?.replace(/:(\w+)(\{[^/]*?\})?/g, "{$1$2}") ?? route.path,
    request: served.requestReadByHandler ? undefined : route.request,
  };
}

/** An `{id}` path parameter (a key's, a ticket's), for routes whose ids hold no `/`. */
export const idParamsSchema = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });

/** A JSON body of `schema`, for the OpenAPI document. */
export const json = <T>(schema: T) => ({ "application/json": { schema } });

/** Routes that need an API key, in the OpenAPI document: as a bearer token or in `X-API-Key`. */
export const keySecurity: Record<string, string[]>[] = [{ apiKey: [] }, { apiKeyHeader: [] }];

export function registerKeySecuritySchemes(app: Pick<OpenAPIHono, "openAPIRegistry">): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key from `npm run keys -- create` or POST /v1/keys.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKeyHeader", {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
    description: "The same key, in a header of its own.",
  });
}

/** The error responses of routes that need an API key, for the OpenAPI document. */
export const keyErrorResponses = {
  400: apiErrorResponses[400],
  401: errorBody("unauthorized: no API key, or an unknown or revoked one"),
  403: errorBody("forbidden: the key's role does not allow this"),
} as const;

/** OpenAI's protocol: questions, and the models (collections) they may be asked of. */
export const OPENAI_CHAT_ROUTE = "/v1/chat/completions";
export const OPENAI_MODEL_ROUTES = ["/v1/models", "/v1/models/*"] as const;

/** The API routes the chat page and the widget call from students' browsers (POST). */
export const STUDENT_API_ROUTES = ["/v1/search", "/v1/answer", "/v1/feedback", "/v1/handoffs"] as const;

/**
 * The one they PATCH: a comment added to a rating. Its parameter is named as in the route's own
 * path (`{answer_id}`): with two names for one path Hono's RegExpRouter gives up, and the router it
 * falls back on misroutes the editors' `:id{.+}/publish` paths.
 */
export const FEEDBACK_COMMENT_ROUTE = "/v1/feedback/:answer_id";

/** The report as a CSV download. */
export function csvResponse(context: Context, report: KnowledgeGapReport): Response {
  context.header("Content-Disposition", `attachment; filename="knowledge-gaps-${report.from}-${report.to}.csv"`);
  return context.body(knowledgeGapCsv(report), 200, { "Content-Type": "text/csv; charset=utf-8" });
}
