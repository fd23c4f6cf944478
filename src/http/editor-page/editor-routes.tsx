import { randomBytes } from "node:crypto";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { type Caller, roleAllows } from "../../editorial/api-keys.js";
import { publishCuratedAnswer } from "../../editorial/curated-faq.js";
import { AppError, ForbiddenError } from "../../errors.js";
import { knowledgeGapReportFor } from "../../interactions/knowledge-gap-report.js";
import { MAX_QUESTION_CHARS } from "../../schemas.js";
import { analyzeQuery } from "../../text/tokenize.js";
import type { AppDependencies } from "../app-dependencies.js";
import { callerWithRole } from "../authorize.js";
import { httpStatusOf } from "../error-response.js";
import { readUpload } from "../read-upload.js";
import { curatedFaqSchema, reportQuerySchema } from "../routes/interaction-schemas.js";
import { csvResponse, parseInput } from "../routes/shared.js";
import {
  DocumentListView,
  DocumentView,
  documentPage,
  ErrorView,
  HandoffsView,
  LoginView,
  ReportView,
  TryQuestionView,
} from "./editor-views.js";

/** Holds a session id, never the key: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
const SESSION_COOKIE = "grounded_faq_editor_session";
const SESSION_SECONDS = 8 * 60 * 60;

/**
 * Signed-in editors by session id. In memory: a restart signs everyone out, and a revoked key
 * ends its sessions at once because the key is checked at every request.
 */
class EditorSessions {
  private readonly byId = new Map<string, { keyId: string; expiresAt: number }>();

  open(keyId: string): string {
    const now = Date.now();
    for (const [id, session] of this.byId) if (session.expiresAt < now) this.byId.delete(id);
    const id = randomBytes(32).toString("base64url");
    this.byId.set(id, { keyId, expiresAt: now + SESSION_SECONDS * 1000 });
    return id;
  }

  keyOf(id: string | undefined): string | undefined {
    const session = id === undefined ? undefined : this.byId.get(id);
    return session && session.expiresAt > Date.now() ? session.keyId : undefined;
  }

  close(id: string | undefined): void {
    if (id !== undefined) this.byId.delete(id);
  }
}

/**
 * The editors' page: server-rendered, no front-end build. It signs in with an API key kept in a
 * cookie and works through the same DocumentEditor as the API; form posts are checked against
 * the page's own origin (CSRF).
 */
export function registerEditorPage(app: OpenAPIHono, dependencies: AppDependencies): void {
  const { editorial } = dependencies;
  const { keys, editor, interactions } = editorial;
  const sessions = new EditorSessions();
  const signedIn = (context: Context): Caller | undefined => {
    const keyId = sessions.keyOf(getCookie(context, SESSION_COOKIE));
    const caller = keyId === undefined ? undefined : keys.callerById(keyId);
    return caller && roleAllows(caller.role, "editor") ? caller : undefined;
  };
  /** The signed-in editor, or a sign-in page instead of the requested one. */
  const withEditor = (page: (context: Context, caller: Caller) => Promise<Response> | Response) => {
    return async (context: Context) => {
      const caller = signedIn(context);
      if (!caller) return context.html(<LoginView />, 401);
      try {
        return await page(context, caller);
      } catch (error) {
        // A page gets its error as a page; the upload script reads the JSON error instead.
        if (!(error instanceof AppError) || context.req.method !== "GET") throw error;
        return context.html(<ErrorView signedInAs={caller.name} message={error.message} />, httpStatusOf(error));
      }
    };
  };
  /** Runs an editor action, then goes to `page` saying what happened or what went wrong. */
  const withNotice = async (context: Context, page: string, act: () => Promise<string> | string) => {
    let notice: string;
    try {
      notice = await act();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      notice = error.message;
    }
    return redirectWithNotice(context, page, notice);
  };
  /** Runs an editor action and shows the document again, with what happened or what went wrong. */
  const afterAction = async (
    context: Context,
    caller: Caller,
    docId: string,
    act: () => Promise<unknown>,
    done: string,
  ) => {
    try {
      await act();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const detail = await editor.get(docId).catch(() => undefined);
      if (!detail) return redirectWithNotice(context, "/editor", error.message);
      return context.html(
        <DocumentView detail={detail} signedInAs={caller.name} error={error.message} />,
        httpStatusOf(error),
      );
    }
    return redirectWithNotice(context, documentPage(docId), done);
  };

  // Also covers "/editor" itself.
  const refuseCrossSitePosts = csrf();
  app.use("/editor/*", async (context, next) => {
    try {
      return await refuseCrossSitePosts(context, next);
    } catch (error) {
      if (!(error instanceof HTTPException && error.status === 403)) throw error;
      throw new ForbiddenError("Form posts from another site are refused: use the editors' page on this server.");
    }
  });

  app.get("/editor", async (context) => {
    const caller = signedIn(context);
    if (!caller) return context.html(<LoginView />);
    return context.html(
      <DocumentListView
        documents={await editor.list()}
        signedInAs={caller.name}
        notice={context.req.query("notice")}
      />,
    );
  });

  app.post("/editor/login", async (context) => {
    const form = await context.req.parseBody();
    let caller: Caller;
    try {
      caller = callerWithRole(keys, typeof form.key === "string" ? form.key.trim() : undefined, "editor");
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return context.html(<LoginView error={error.message} />, httpStatusOf(error));
    }
    const https = new URL(context.req.url).protocol === "https:" || context.req.header("x-forwarded-proto") === "https";
    setCookie(context, SESSION_COOKIE, sessions.open(caller.keyId), {
      httpOnly: true,
      sameSite: "Strict",
      path: "/editor",
      secure: https,
      maxAge: SESSION_SECONDS,
    });
    return context.redirect("/editor", 303);
  });

  app.post("/editor/logout", (context) => {
    sessions.close(getCookie(context, SESSION_COOKIE));
    deleteCookie(context, SESSION_COOKIE, { path: "/editor" });
    return context.redirect("/editor", 303);
  });

  // The page's uploads: JSON back to its script, one file per request.
  app.post(
    "/editor/upload",
    withEditor(async (context, caller) => {
      const version = await editor.upload(await readUpload(context, editorial.maxUploadBytes), caller);
      return context.json({ doc_id: version.docId, version: version.version }, 201);
    }),
  );

  app.get(
    "/editor/handoffs",
    withEditor((context, caller) =>
      context.html(
        <HandoffsView
          signedInAs={caller.name}
          tickets={interactions.handoffs()}
          notice={context.req.query("notice")}
        />,
      ),
    ),
  );

  app.post(
    "/editor/handoffs/:id/close",
    withEditor((context, caller) =>
      withNotice(context, "/editor/handoffs", () => {
        interactions.closeHandoff(context.req.param("id") ?? "", caller);
        return "Ticket closed.";
      }),
    ),
  );

  app.get(
    "/editor/reports",
    withEditor((context, caller) => {
      const query = parseInput(reportQuerySchema, context.req.query());
      return context.html(
        <ReportView
          signedInAs={caller.name}
          report={knowledgeGapReportFor(interactions, query)}
          notice={context.req.query("notice")}
        />,
      );
    }),
  );

  app.get(
    "/editor/reports.csv",
    withEditor((context) =>
      csvResponse(context, knowledgeGapReportFor(interactions, parseInput(reportQuerySchema, context.req.query()))),
    ),
  );

  app.post(
    "/editor/reports/faq",
    withEditor(async (context, caller) => {
      const form = await context.req.parseBody();
      const field = (name: string) => {
        const value = form[name];
        return typeof value === "string" && value.trim() ? value.trim() : undefined;
      };
      const input = parseInput(curatedFaqSchema, {
        question: field("question"),
        answer: field("answer"),
        collection: field("collection"),
        source_doc_id: field("source_doc_id"),
      });
      return withNotice(context, "/editor/reports", async () => {
        const { docId } = await publishCuratedAnswer(editor, input, caller);
        return `Published as ${docId}.`;
      });
    }),
  );

  app.get(
    "/editor/try",
    withEditor(async (context, caller) => {
      const question = context.req.query("question")?.trim().slice(0, MAX_QUESTION_CHARS);
      if (!question) return context.html(<TryQuestionView signedInAs={caller.name} />);
      const drafts = await editor.previewIndex(analyzeQuery(question));
      try {
        // As students would be answered: generated when a model is configured, with each collection's contact lines.
        const [published, fromDrafts] = await Promise.all([
          dependencies.answers.preview(question),
          dependencies.answers.preview(question, { index: drafts }),
        ]);
        return context.html(
          <TryQuestionView signedInAs={caller.name} question={question} published={published} drafts={fromDrafts} />,
        );
      } finally {
        await drafts.close();
      }
    }),
  );

  app.post(
    "/editor/documents/:id{.+}/:action{publish|unpublish|delete|replace}",
    withEditor(async (context, caller) => {
      const docId = context.req.param("id") ?? "";
      switch (context.req.param("action")) {
        case "publish":
          return afterAction(
            context,
            caller,
            docId,
            () => editor.publish(docId, caller),
            "Published: students get answers from this version now.",
          );
        case "unpublish":
          return afterAction(
            context,
            caller,
            docId,
            () => editor.unpublish(docId, caller),
            "Unpublished: no longer searched or cited.",
          );
        case "delete":
          return withNotice(context, "/editor", async () => {
            await editor.delete(docId, caller);
            return `Deleted ${docId}.`;
          });
        default: {
          return afterAction(
            context,
            caller,
            docId,
            async () => editor.replace(docId, await readUpload(context, editorial.maxUploadBytes), caller),
            "New version uploaded as a draft: students get the published version, if any, until you publish this one.",
          );
        }
      }
    }),
  );

  app.get(
    "/editor/documents/:id{.+}",
    withEditor(async (context, caller) => {
      const version = Number(context.req.query("version")) || undefined;
      const detail = await editor.get(context.req.param("id") ?? "", version);
      return context.html(
        <DocumentView detail={detail} signedInAs={caller.name} notice={context.req.query("notice")} />,
      );
    }),
  );
}

/** Goes to an editor page (after a form post) that shows `notice` at its top. */
function redirectWithNotice(context: Context, page: string, notice: string): Response {
  return context.redirect(`${page}?notice=${encodeURIComponent(notice)}`, 303);
}
