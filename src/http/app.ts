import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { AnsweringSettings } from "../answering/answer-question.js";
import type { Persona } from "../config.js";
import type { ConversationMemory } from "../conversation/conversation-memory.js";
import type { ApiKeyStore } from "../editorial/api-keys.js";
import type { DocumentEditor } from "../editorial/document-editor.js";
import {
  AppError,
  FileTooLargeError,
  NotFoundError,
  NotReadyError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from "../errors.js";
import type { GenerationSettings } from "../generation/generate-answer.js";
import type { WebhookSettings } from "../interactions/handoff-webhook.js";
import type { InteractionStore } from "../interactions/interaction-store.js";
import type { IndexStore } from "../store/index-store.js";
import { authorize } from "./authorize.js";
import { registerChatPage } from "./chat-page/chat-routes.js";
import { registerEditorPage } from "./editor-page/editor-routes.js";
import { registerAnswerRoute } from "./routes/answer-route.js";
import { registerDocumentsRoutes } from "./routes/documents-routes.js";
import { registerDraftsRoute } from "./routes/drafts-route.js";
import { registerHealthRoutes } from "./routes/health-routes.js";
import { registerInteractionRoutes } from "./routes/interaction-routes.js";
import { registerKeysRoutes } from "./routes/keys-routes.js";
import { registerSearchRoute } from "./routes/search-route.js";
import { invalidRequest, refuseOtherMethods, registerKeySecuritySchemes, STUDENT_API_ROUTES } from "./routes/shared.js";

/** Whether the first sync has finished; `reason` says what is still missing. */
export interface Readiness {
  ready: boolean;
  reason: string;
}

export interface AppDependencies {
  store: IndexStore;
  readiness: Readiness;
  /** Contact lines are the asked collection's, from `personaFor`. */
  answering: Omit<AnsweringSettings, "contactLines">;
  /** Set when a chat model is configured: answers are then generated, checked and cited. */
  generation?: GenerationSettings;
  /** Writes one structured log line per answer (mode, status, fallback, tokens used, latency). */
  log?: (event: string, fields: Record<string, unknown>) => void;
  /** Recent turns of conversations, for follow-up questions. */
  conversations: ConversationMemory;
  /** Contact lines (and, for generated answers, the persona) of a collection. */
  personaFor(collection: string | undefined): Persona;
  /** Sites that may frame the chat page and call the answer API from the browser; `*` for any. */
  allowedOrigins: string[];
  /** Editors' documents and the API keys that guard them. */
  editorial: {
    keys: ApiKeyStore;
    editor: DocumentEditor;
    maxUploadBytes: number;
    /** Asking and searching need a key too (any role). */
    requireApiKeyForAnswers: boolean;
    /** The answer log, feedback and hand-off tickets. */
    interactions: InteractionStore;
    /** Where hand-off tickets are sent, when a helpdesk takes them. */
    handoffWebhook?: WebhookSettings;
  };
}

export type App = OpenAPIHono;

/** Far above any valid request (a 1,000-character question), far below what would hurt. */
const MAX_BODY_BYTES = 64 * 1024;

export function createApp(dependencies: AppDependencies): App {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw invalidRequest(result.error);
    },
  });

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
    for (const path of [...STUDENT_API_ROUTES, "/v1/drafts"]) {
      app.on("POST", path, async (context, next) => {
        authorize(context, dependencies.editorial.keys, "reader");
        await next();
      });
    }
  }
  registerSearchRoute(app, dependencies);
  registerAnswerRoute(app, dependencies);
  registerDraftsRoute(app, dependencies);
  registerKeySecuritySchemes(app);
  registerDocumentsRoutes(app, dependencies);
  registerKeysRoutes(app, dependencies);
  registerInteractionRoutes(app, dependencies);
  for (const path of ["/v1/search", "/v1/answer", "/v1/drafts"]) refuseOtherMethods(app, path, ["POST"]);
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
    const known = asAppError(error);
    return context.json({ error: { code: known.code, message: known.message } }, known.status, known.headers);
  });
  return app;
}

/**
 * Every error as the AppError it is answered with: ours as they are, Hono's client errors by their
 * status, anything else a 500 that is logged here and never shown.
 */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException && error.status === 415) return new UnsupportedMediaTypeError();
  if (error instanceof HTTPException && error.status < 500) {
    const code = /json/i.test(error.message) ? "invalid_json" : "invalid_request";
    return new AppError(code, error.status as AppError["status"], error.message);
  }
  console.error(error);
  return new AppError("internal_error", 500, "Something went wrong on our side.");
}
