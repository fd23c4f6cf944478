import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { FileTooLargeError, NotFoundError, NotReadyError, PayloadTooLargeError } from "../errors.js";
import { metricsHandler, observeRequests } from "../observability/index.js";
import type { AppDependencies } from "./app-dependencies.js";
import { authorize } from "./authorize.js";
import { registerChatPage } from "./chat-page/chat-routes.js";
import { registerEditorPage } from "./editor-page/editor-routes.js";
import { errorResponse } from "./error-response.js";
import { answerRoutes } from "./routes/answer-route.js";
import { registerDocumentsRoutes } from "./routes/documents-routes.js";
import { draftsRoutes } from "./routes/drafts-route.js";
import { registerHealthRoutes } from "./routes/health-routes.js";
import { registerInteractionRoutes } from "./routes/interaction-routes.js";
import { registerKeysRoutes } from "./routes/keys-routes.js";
import { openAiRoutes } from "./routes/openai-routes.js";
import { searchRoutes } from "./routes/search-route.js";
import { invalidRequest, refuseOtherMethods, registerKeySecuritySchemes, STUDENT_API_ROUTES } from "./routes/shared.js";

export type App = OpenAPIHono;

/** Far above any valid request (a 1,000-character question), far below what would hurt. */
const MAX_BODY_BYTES = 64 * 1024;

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
  // Open like /healthz: serve it on the internal network only (docs/operations.md).
  if (observability?.metrics) app.get("/metrics", metricsHandler(observability.metrics));
  registerHealthRoutes(app, dependencies);
  registerChatPage(app, dependencies);
  // The body is read whole before validation, so its size is capped first; uploads have their own cap.
  const requestLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new PayloadTooLargeError(MAX_BODY_BYTES);
    },
  });
  const { maxUploadBytes } = dependencies.editorial;
  const uploadLimit = bodyLimit({
    // Room for the multipart envelope and metadata fields around the file.
    maxSize: maxUploadBytes + MAX_BODY_BYTES,
    onError: () => {
      throw new FileTooLargeError(maxUploadBytes);
    },
  });
  app.use("/v1/*", (context, next) =>
    /^\/v1\/documents(\/|$)/.test(context.req.path) && ["POST", "PUT"].includes(context.req.method)
      ? uploadLimit(context, next)
      : requestLimit(context, next),
  );
  app.use("/editor/*", uploadLimit);
  registerEditorPage(app, dependencies);
  // Before the first sync an empty index would make every question look unanswerable.
  app.use("/v1/*", async (_, next) => {
    if (!dependencies.readiness.ready) throw new NotReadyError(dependencies.readiness.reason);
    await next();
  });
  if (dependencies.editorial.requireApiKeyForAnswers) {
    for (const path of [...STUDENT_API_ROUTES, "/v1/drafts", "/v1/chat/completions"]) {
      app.on("POST", path, async (context, next) => {
        authorize(context, dependencies.editorial.keys, "reader");
        await next();
      });
    }
    app.on("GET", "/v1/models", async (context, next) => {
      authorize(context, dependencies.editorial.keys, "reader");
      await next();
    });
  }
  app.route("/", searchRoutes(dependencies));
  app.route("/", answerRoutes(dependencies));
  app.route("/", draftsRoutes(dependencies));
  app.route("/", openAiRoutes(dependencies));
  registerKeySecuritySchemes(app);
  registerDocumentsRoutes(app, dependencies);
  registerKeysRoutes(app, dependencies);
  registerInteractionRoutes(app, dependencies);
  for (const path of ["/v1/search", "/v1/answer", "/v1/drafts", "/v1/chat/completions"]) {
    refuseOtherMethods(app, path, ["POST"]);
  }
  refuseOtherMethods(app, "/v1/models", ["GET"]);
  for (const path of ["/healthz", "/readyz"]) refuseOtherMethods(app, path, ["GET"]);

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "grounded-faq",
      version: "0.1.0",
      description: "Answers questions only from the published documents, with citations, or says it cannot.",
    },
  });

  app.notFound((context) => {
    throw new NotFoundError(`No route for ${context.req.method} ${context.req.path}`);
  });

  // Every error becomes `{ error: { code, message } }` here and nowhere else.
  app.onError((error, context) => {
    const { status, headers, body } = errorResponse(error);
    return context.json(body, status, headers);
  });
  return app;
}
