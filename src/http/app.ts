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
  MethodNotAllowedError,
  NotFoundError,
  NotReadyError,
  PayloadTooLargeError,
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
import { invalidRequest } from "./routes/shared.js";

/** Whether the first sync has finished; `reason` says what is still missing. */
export interface Readiness {
  ready: boolean;
  reason: string;
}

export interface AppDependencies {
  store: IndexStore;
  readiness: Readiness;
  answering: AnsweringSettings;
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
    for (const path of ["/v1/search", "/v1/answer", "/v1/drafts", "/v1/feedback", "/v1/handoffs"]) {
      app.on("POST", path, async (context, next) => {
        authorize(context, dependencies.editorial.keys, "reader");
        await next();
      });
    }
  }
  registerSearchRoute(app, dependencies);
  registerAnswerRoute(app, dependencies);
  registerDraftsRoute(app, dependencies);
  registerDocumentsRoutes(app, dependencies);
  registerKeysRoutes(app, dependencies);
  registerInteractionRoutes(app, dependencies);
  for (const path of ["/v1/search", "/v1/answer", "/v1/drafts"]) {
    app.on(["GET", "PUT", "PATCH", "DELETE"], path, (context) => {
      throw new MethodNotAllowedError(context.req.method, path, ["POST"]);
    });
  }
  for (const path of ["/healthz", "/readyz"]) {
    app.on(["POST", "PUT", "PATCH", "DELETE"], path, (context) => {
      throw new MethodNotAllowedError(context.req.method, path, ["GET"]);
    });
  }

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
    if (error instanceof AppError) {
      return context.json({ error: { code: error.code, message: error.message } }, error.status, error.headers);
    }
    if (error instanceof HTTPException && error.status === 415) {
      const message = "The body must be JSON: send it with the header Content-Type: application/json.";
      return context.json({ error: { code: "unsupported_media_type", message } }, 415);
    }
    if (error instanceof HTTPException && error.status === 403) {
      // hono/csrf: a form posted from another site to the editors' page.
      const message = "Form posts from another site are refused: use the editors' page on this server.";
      return context.json({ error: { code: "forbidden", message } }, 403);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code = /json/i.test(error.message) ? "invalid_json" : "invalid_request";
      return context.json({ error: { code, message: error.message } }, error.status);
    }
    console.error(error);
    return context.json({ error: { code: "internal_error", message: "Something went wrong on our side." } }, 500);
  });
  return app;
}
