import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import type { AnsweringSettings } from "../answering/answer-question.js";
import { AppError, InvalidRequestError, NotFoundError } from "../errors.js";
import type { IndexStore } from "../store/index-store.js";
import { registerAnswerRoute } from "./routes/answer-route.js";
import { registerHealthRoutes } from "./routes/health-routes.js";
import { registerSearchRoute } from "./routes/search-route.js";

/** Whether the first sync has finished; `reason` says what is still missing. */
export interface Readiness {
  ready: boolean;
  reason: string;
}

export interface AppDependencies {
  store: IndexStore;
  readiness: Readiness;
  answering: AnsweringSettings;
}

export type App = OpenAPIHono;

export function createApp(dependencies: AppDependencies): App {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const problems = result.error.issues.map((issue) =>
          issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
        );
        throw new InvalidRequestError(problems.join("; "));
      }
    },
  });

  registerHealthRoutes(app, dependencies);
  registerSearchRoute(app, dependencies);
  registerAnswerRoute(app, dependencies);

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
      return context.json({ error: { code: error.code, message: error.message } }, error.status);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code =
        error.status === 415
          ? "unsupported_media_type"
          : /json/i.test(error.message)
            ? "invalid_json"
            : "invalid_request";
      return context.json({ error: { code, message: error.message } }, error.status);
    }
    console.error(error);
    return context.json({ error: { code: "internal_error", message: "Something went wrong on our side." } }, 500);
  });
  return app;
}
