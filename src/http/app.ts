import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { methodNotAllowed } from "hono/method-not-allowed";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { MethodNotAllowedError, NotFoundError, NotReadyError, UnsupportedMediaTypeError } from "../errors.js";
import { observeRequests } from "../observability/index.js";
import type { AppDependencies } from "./app-dependencies.js";
import { callerPresenting, requireRole } from "./authorize.js";
import {
  limitBodyTo,
  limitUploadTo,
  MAX_BODY_BYTES,
  MAX_CONVERSATION_BYTES,
  MAX_VOCABULARY_BODY_BYTES,
} from "./body-limits.js";
import { chatPageRoutes } from "./chat-page/chat-routes.js";
import { NOT_A_PAGE_POLICY_DIRECTIVES } from "./content-security-policy.js";
import { saysSomeoneIsInDanger } from "./crisis-message.js";
import { editorPageRoutes, signInPageError } from "./editor-page/editor-routes.js";
import { EDITOR_PAGE_POLICY } from "./editor-page/editor-views.js";
import { errorResponse } from "./error-response.js";
import { limitRates } from "./rate-limits.js";
import { answerRoutes } from "./routes/answer-route.js";
import { docsRoutes } from "./routes/docs-routes.js";
import { documentsRoutes } from "./routes/documents-routes.js";
import { draftsRoutes } from "./routes/drafts-route.js";
import { healthRoutes } from "./routes/health-routes.js";
import { interactionRoutes } from "./routes/interaction-routes.js";
import { keysRoutes } from "./routes/keys-routes.js";
import { metricsRoutes } from "./routes/metrics-routes.js";
import { openAiRoutes } from "./routes/openai-routes.js";
import { phrasingRoutes } from "./routes/phrasing-routes.js";
import { searchRoutes } from "./routes/search-route.js";
import {
  FEEDBACK_COMMENT_ROUTE,
  invalidRequest,
  OPENAI_CHAT_ROUTE,
  OPENAI_MODEL_ROUTES,
  registerKeySecuritySchemes,
  STUDENT_API_ROUTES,
} from "./routes/shared.js";
import { VOCABULARY_ROUTE, vocabularyRoutes } from "./routes/vocabulary-routes.js";
import { signInStudents } from "./student-sign-in.js";

export type App = OpenAPIHono;

/** The reference's sections: the API first, the pages people use after it. */
const REFERENCE_TAGS = [
  "answers",
  "interactions",
  "documents",
  "vocabulary",
  "phrasings",
  "keys",
  "health",
  "pages",
  "editors' page",
];

/** The order `Allow` lists methods in, whatever order their routes were registered in. */
const METHOD_ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function createApp(dependencies: AppDependencies): App {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw invalidRequest(result.error);
    },
  });

  // An incoming X-Request-Id is kept when it is sane (word characters, `-`, `=`; at most 128), else one is made.
  app.use(requestId({ limitLength: 128 }));
  const { observability } = dependencies;
  if (observability) app.use(observeRequests(observability));
  // A write refused for lack of space (507) is remembered, for /readyz to report.
  const { storage } = dependencies;
  if (storage) {
    app.use(async (context, next) => {
      await next();
      if (context.res.status === 507) storage.recordFull();
    });
  }
  // nosniff, a referrer policy and the rest of Hono's defaults everywhere. Each page sets its own
  // Content-Security-Policy, kept here (overwrite: false); whatever is not a page gets the strictest.
  // Framing is decided per page (the chat page lets the allowed sites frame it); widget.js is loaded by other sites.
  app.use(
    secureHeaders({
      xFrameOptions: false,
      crossOriginResourcePolicy: "cross-origin",
      contentSecurityPolicy: NOT_A_PAGE_POLICY_DIRECTIVES,
      overwrite: false,
    }),
  );
  // Signed-in pages are neither framed by another site nor kept in a cache.
  app.use("/editor/*", async (context, next) => {
    await next();
    context.header("Content-Security-Policy", EDITOR_PAGE_POLICY);
    context.header("X-Frame-Options", "DENY");
    context.header("Cache-Control", "no-store");
  });
  // A path that has routes, but none for this method: 405 with `Allow` (GET routes also take HEAD).
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (context, allowed) => {
        const sorted = allowed.toSorted((a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b));
        throw new MethodNotAllowedError(context.req.method, context.req.path, sorted);
      },
    }),
  );
  // Open like /healthz: serve it on the internal network only (docs/operations.md).
  if (observability?.metrics) app.route("/", metricsRoutes(observability.metrics));
  app.route("/", healthRoutes(dependencies));
  app.route("/", docsRoutes());
  app.route("/", chatPageRoutes(dependencies));
  // Before any body is read; after CORS, so that a browser can read a 429.
  app.use(limitRates(dependencies.rateLimits));
  // Keys are checked before bodies are read (the upload routes' below, with their limit).
  if (dependencies.editorial.requireApiKeyForAnswers) {
    const readers = requireRole(dependencies.editorial.keys, "reader");
    app.on("POST", [...STUDENT_API_ROUTES, "/v1/drafts", OPENAI_CHAT_ROUTE], readers);
    app.on("PATCH", FEEDBACK_COMMENT_ROUTE, readers);
    app.on("GET", [...OPENAI_MODEL_ROUTES], readers);
  }
  // The body is read whole before validation, so its size is capped first; uploads have their own cap.
  const requestLimit = limitBodyTo(MAX_BODY_BYTES);
  const conversationLimit = limitBodyTo(MAX_CONVERSATION_BYTES);
  const uploadLimit = limitUploadTo(dependencies.editorial.maxUploadBytes);
  const vocabularyLimit = limitBodyTo(MAX_VOCABULARY_BODY_BYTES);
  const { keys } = dependencies.editorial;
  app.use("/v1/*", async (context, next) => {
    const { path, method } = context.req;
    // Bodies are read as sent: a compressed one would be read as broken JSON or a broken file.
    const encoding = context.req.header("content-encoding")?.trim().toLowerCase();
    if (encoding && encoding !== "identity") {
      throw new UnsupportedMediaTypeError(`Send the body uncompressed: Content-Encoding ${encoding} is not read.`);
    }
    if (/^\/v1\/documents(\/|$)/.test(path) && ["POST", "PUT"].includes(method)) {
      // The key first: no one without an editor's key can make us read 20 MB (the route checks it again).
      await callerPresenting(context, keys, "editor");
      return uploadLimit(context, next);
    }
    if (path === VOCABULARY_ROUTE && method === "PUT") {
      // Likewise for the vocabulary's 1 MiB.
      await callerPresenting(context, keys, "editor");
      return vocabularyLimit(context, next);
    }
    return path === OPENAI_CHAT_ROUTE ? conversationLimit(context, next) : requestLimit(context, next);
  });
  // The editors' page limits its bodies itself, once it knows whether the sender is signed in.
  app.route("/", editorPageRoutes(dependencies));
  // Before the first sync an empty index would make every question look unanswerable; a message
  // in distress gets its safety reply all the same, which needs no index.
  app.use("/v1/*", async (context, next) => {
    const asks = context.req.method === "POST" && ["/v1/answer", OPENAI_CHAT_ROUTE].includes(context.req.path);
    if (!dependencies.readiness.ready && !(asks && (await saysSomeoneIsInDanger(context)))) {
      throw new NotReadyError(dependencies.readiness.reason);
    }
    await next();
  });
  // Who is asking, when a portal signed them in: their own records may then be looked up.
  app.on("POST", ["/v1/answer", OPENAI_CHAT_ROUTE], signInStudents(dependencies.verifyStudentToken));
  app.route("/", searchRoutes(dependencies));
  app.route("/", answerRoutes(dependencies));
  app.route("/", draftsRoutes(dependencies));
  app.route("/", openAiRoutes(dependencies));
  registerKeySecuritySchemes(app);
  app.route("/", documentsRoutes(dependencies));
  app.route("/", vocabularyRoutes(dependencies));
  app.route("/", phrasingRoutes(dependencies));
  app.route("/", keysRoutes(dependencies));
  app.route("/", interactionRoutes(dependencies));

  const referenceConfig = {
    openapi: "3.1.0",
    info: {
      title: "grounded-faq",
      version: "0.1.0",
      description: "Answers questions only from the published documents, with citations, or says it cannot.",
    },
    tags: REFERENCE_TAGS.map((name) => ({ name })),
  };
  // Built once, at the first request, when every route is registered; not again for each reader.
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get("/openapi.json", (context) => {
    document ??= app.getOpenAPI31Document(referenceConfig);
    return context.json(document);
  });

  // Answered here rather than thrown, so that methodNotAllowed can tell a wrong method from a wrong path.
  app.notFound((context) =>
    respondWithError(context, new NotFoundError(`No route for ${context.req.method} ${context.req.path}`)),
  );

  // Refusals of the sign-in form before its handler are shown on the sign-in page; the rest as JSON.
  app.onError((error, context) => signInPageError(context, error) ?? respondWithError(context, error));
  return app;
}

/** Every error becomes `{ error: { code, message } }` here and nowhere else. */
function respondWithError(context: Context, error: unknown): Response {
  const { status, headers, body } = errorResponse(error);
  return context.json(body, status, headers);
}
