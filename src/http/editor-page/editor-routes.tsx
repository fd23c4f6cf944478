import { createRoute, type OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { type Caller, roleAllows } from "../../editorial/api-keys.js";
import { publishCuratedAnswer } from "../../editorial/curated-faq.js";
import { EDITOR_SESSION_SECONDS } from "../../editorial/editor-sessions.js";
import { VocabularyChangedError } from "../../editorial/editors-vocabulary.js";
import { AppError, InvalidRequestError, PayloadTooLargeError, RateLimitedError } from "../../errors.js";
import { knowledgeGapReportFor } from "../../interactions/knowledge-gap-report.js";
import { MAX_QUESTION_CHARS } from "../../schemas.js";
import { analyzeQuery } from "../../text/tokenize.js";
import type { AppDependencies } from "../app-dependencies.js";
import { type CallerEnv, callerWithRole } from "../authorize.js";
import { limitBodyTo, limitUploadTo, MAX_BODY_BYTES } from "../body-limits.js";
import { errorResponse, httpStatusOf } from "../error-response.js";
import { readForm } from "../read-form.js";
import { readUpload } from "../read-upload.js";
import {
  documentUploadSchema,
  newPhrasingSchema,
  phrasingTextSchema,
  vocabularyFormSchema,
} from "../routes/editorial-schemas.js";
import { curatedFaqSchema, reportQuerySchema } from "../routes/interaction-schemas.js";
import { csvResponse, htmlPage, idParamsSchema, newRouteGroup, parseInput, servedAs } from "../routes/shared.js";
import { vocabularyOverviewOf } from "../routes/vocabulary-routes.js";
import {
  ActionsView,
  AnsweredByView,
  DocumentListView,
  DocumentView,
  documentPage,
  ErrorView,
  HandoffsView,
  LoginView,
  ProposedPhrasingsView,
  ReportView,
  TryQuestionView,
  VocabularyView,
} from "./editor-views.js";
import { SAFE_METHODS, sameOriginOnly } from "./same-origin-only.js";

/** Passages offered for a question of the report: enough to find the one that answers it. */
const ANSWERED_BY_RESULTS = 8;

/** Holds a session id, never the key: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
const SESSION_COOKIE = "grounded_faq_editor_session";
/** The forms anyone may post, signed in or not: small bodies only. */
const SIGN_IN_AND_OUT: ReadonlySet<string> = new Set(["/editor/login", "/editor/logout"]);

const signInPage = htmlPage("Not signed in: the sign-in page");
const afterForm = { 303: { description: "Back to the page, with a notice that says what happened" } };
const editorsPage = { tags: ["editors' page"] };

/** Calls looked through for the editors' list of recent failures. */
const RECENT_ACTION_CALLS = 200;

/** The editors' page in the OpenAPI document: forms and pages for people, not an API to build on. */
const EDITOR_ROUTES = {
  home: createRoute({
    ...editorsPage,
    method: "get",
    path: "/editor",
    summary: "The documents, or the sign-in page",
    responses: { 200: htmlPage("The document list, or the sign-in page") },
  }),
  login: createRoute({
    ...editorsPage,
    method: "post",
    path: "/editor/login",
    summary: "Sign in with an editor's API key; the session is an HttpOnly cookie",
    request: {
      body: { content: { "application/x-www-form-urlencoded": { schema: z.object({ key: z.string() }) } } },
    },
    responses: {
      303: { description: "Signed in: to /editor" },
      401: signInPage,
      403: htmlPage("The key is not an editor's"),
    },
  }),
  logout: createRoute({
    ...editorsPage,
    method: "post",
    path: "/editor/logout",
    summary: "Sign out",
    responses: { 303: { description: "Signed out: to /editor" } },
  }),
  upload: createRoute({
    ...editorsPage,
    method: "post",
    path: "/editor/upload",
    summary: "The page's uploads, one file per request",
    request: { body: { content: { "multipart/form-data": { schema: documentUploadSchema } } } },
    responses: {
      201: {
        description: "Uploaded as a draft",
        content: { "application/json": { schema: z.object({ doc_id: z.string(), version: z.number().int() }) } },
      },
      401: signInPage,
    },
  }),
  handoffs: createRoute({
    ...editorsPage,
    method: "get",
    path: "/editor/handoffs",
    summary: "Hand-off tickets",
    responses: { 200: htmlPage("The tickets"), 401: signInPage },
  }),
  closeHandoff: createRoute({
    ...editorsPage,
    method: "post",
    path: "/editor/handoffs/{id}/close",
    summary: "Close a ticket",
    request: { params: idParamsSchema },
    responses: { ...afterForm, 401: signInPage },
  }),
  reports: createRoute({
    ...editorsPage,
    method: "get",
    path: "/editor/reports",
    summary: "The knowledge-gap report",
    request: { query: reportQuerySchema },
    responses: { 200: htmlPage("The report"), 401: signInPage },
  }),
  reportsCsv: createRoute({
    ...editorsPage,
    method: "get",
    path: "/editor/reports.csv",
    summary: "The knowledge-gap report as a CSV download",
    request: { query: reportQuerySchema },
    responses: { 200: { description: "The report", content: { "text/csv": { schema: z.string() } } }, 401: signInPage },
  }),
  curatedFaq: createRoute({
    ...editorsPage,
    method: "post",
    path: "/editor/reports/faq",
    summary: "Publish a curated answer as an FAQ entry",
    request: { body: { content: { "application/x-www-form-urlencoded": { schema: curatedFaqSchema } } } },
    responses: { ...afterForm, 401: signInPage },
  }),
  actions: createRoute({
    ...editorsPage,
    method: "get",
    path: "/editor/actions",
    summary: "The actions students' questions may run, and their latest failed calls",
    responses: { 200: htmlPage("The actions"), 401: signInPage },
  }),
  vocabulary: createRoute({
    ...editorsPage,
    method: "get",
    path: "/editor/vocabulary",
    summary: "The vocabulary: the editors' own, to edit, and the knowledge folder's file, read-only",
    responses: { 200: htmlPage("The vocabulary"), 401: signInPage },
  }),
  saveVocabulary: createRoute({
    ...editorsPage,
    method: "post",
    path: "/editor/vocabulary",
    summary: "Save the editors' vocabulary (YAML in `text`, the version it was edited from in `based_on_version`)",
    request: {
      body: { content: { "application/x-www-form-urlencoded": { schema: vocabularyFormSchema } } },
    },
    responses: {
      ...afterForm,
      400: htmlPage("The vocabulary page, with each mistake and its line; nothing was saved"),
      401: signInPage,
      409: htmlPage("The vocabulary page, with the text sent and the version saved meanwhile; nothing was saved"),
    },
  }),
  tryQuestion: createRoute({
    ...editorsPage,
    method: "get",
    path: "/editor/try",
    summary: "Try a question against the published documents and the drafts",
    request: { query: z.object({ question: z.string().optional() }) },
    responses: { 200: htmlPage("Both answers side by side"), 401: signInPage },
  }),
  documentAction: createRoute({
    ...editorsPage,
    method: "post",
    path: "/editor/documents/{id}/{action}",
    summary: "Publish, unpublish, delete or replace (multipart `file`) a document",
    request: {
      params: idParamsSchema.extend({
        action: z
          .enum(["publish", "unpublish", "delete", "replace"])
          .openapi({ param: { name: "action", in: "path" } }),
      }),
    },
    responses: { ...afterForm, 401: signInPage },
  }),
  answeredBy: createRoute({
    ...editorsPage,
    method: "get",
    path: "/editor/answered-by",
    summary: "Find the passage that answers a question of the report, to teach its wording",
    request: { query: z.object({ question: z.string().optional(), query: z.string().optional() }) },
    responses: { 200: htmlPage("The question and the passages a search finds"), 401: signInPage },
  }),
  teachPhrasing: createRoute({
    ...editorsPage,
    method: "post",
    path: "/editor/phrasings",
    summary: "Teach a question's wording as a phrasing of the passage picked",
    request: { body: { content: { "application/x-www-form-urlencoded": { schema: newPhrasingSchema } } } },
    responses: { ...afterForm, 401: signInPage },
  }),
  proposedPhrasings: createRoute({
    ...editorsPage,
    method: "get",
    path: "/editor/phrasings",
    summary: "Phrasings students' 👍 proposed, to accept or reject",
    responses: { 200: htmlPage("The proposals"), 401: signInPage },
  }),
  phrasingAction: createRoute({
    ...editorsPage,
    method: "post",
    path: "/editor/phrasings/{id}/{action}",
    summary: "Accept, reject, reword (`text`) or remove a phrasing",
    request: {
      params: idParamsSchema.extend({
        action: z.enum(["accept", "reject", "edit", "remove"]).openapi({ param: { name: "action", in: "path" } }),
      }),
      body: {
        content: {
          "application/x-www-form-urlencoded": {
            schema: z.object({ text: z.string().optional(), return_to: z.enum(["document", "proposed"]).optional() }),
          },
        },
      },
    },
    responses: { ...afterForm, 401: signInPage },
  }),
  document: createRoute({
    ...editorsPage,
    method: "get",
    path: "/editor/documents/{id}",
    summary: "A document: its versions, chunks and audit trail",
    request: { params: idParamsSchema, query: z.object({ version: z.string().optional() }) },
    responses: { 200: htmlPage("The document"), 401: signInPage },
  }),
};

/**
 * The editors' page: server-rendered, no front-end build. It signs in with an API key kept in a
 * cookie and works through the same DocumentEditor as the API; every request that changes
 * something is checked against the page's own origin (CSRF), whatever its content type.
 */
export function editorPageRoutes(
  dependencies: Pick<AppDependencies, "editorial" | "answers" | "vocabularyFile" | "actions">,
): OpenAPIHono<CallerEnv> {
  const { editorial } = dependencies;
  const { keys, editor, interactions, phrasings, sessions } = editorial;
  const routes = newRouteGroup<CallerEnv>();
  const sessionCaller = async (context: Context): Promise<Caller | undefined> => {
    const keyId = await sessions.keyOf(getCookie(context, SESSION_COOKIE));
    const caller = keyId === undefined ? undefined : await keys.callerById(keyId);
    return caller && roleAllows(caller.role, "editor") ? caller : undefined;
  };
  /** The signed-in editor, as the `/editor/*` middleware below found them once for the request; else undefined. */
  const signedIn = (context: Context<CallerEnv>): Caller | undefined => context.get("caller");
  /** Only for a signed-in editor (`context.get("caller")`): anyone else gets the sign-in page instead. */
  const signedInOnly = {
    middleware: createMiddleware<CallerEnv>(async (context, next) => {
      const caller = signedIn(context);
      if (!caller) return context.html(<LoginView />, 401);
      await next();
      // A page gets its error as a page; the upload script reads the JSON error instead.
      const { error } = context;
      if (error instanceof AppError && context.req.method === "GET") {
        context.res = await context.html(
          <ErrorView signedInAs={caller.name} message={error.message} />,
          httpStatusOf(error),
        );
      }
    }),
  } as const;
  /** A signed-in editor's page or form, which reads its own request (see servedAs). */
  const signedInRoute = <R extends RouteConfig>(route: R, honoPath?: string) =>
    servedAs(routes, { ...route, ...signedInOnly }, { honoPath, requestReadByHandler: true });
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
      const taught = await phrasings.ofDocument(docId).catch(() => []);
      return context.html(
        <DocumentView detail={detail} phrasings={taught} signedInAs={caller.name} error={error.message} />,
        httpStatusOf(error),
      );
    }
    return redirectWithNotice(context, documentPage(docId), done);
  };

  // Also covers "/editor" itself.
  routes.use("/editor/*", sameOriginOnly(SESSION_COOKIE));
  // The session is checked before any body is read: signing in and out take small bodies only, a
  // signed-in editor's forms may carry a file, and anyone else posting is shown the sign-in page.
  // The session is looked up here once: the editor found is the routes' `context.get("caller")`.
  const formLimit = limitBodyTo(MAX_BODY_BYTES);
  const uploadLimit = limitUploadTo(editorial.maxUploadBytes);
  routes.use("/editor/*", async (context, next) => {
    if (SIGN_IN_AND_OUT.has(context.req.path)) return formLimit(context, next);
    const caller = await sessionCaller(context);
    if (caller) {
      context.set("caller", caller);
      return uploadLimit(context, next);
    }
    if (SAFE_METHODS.has(context.req.method)) return next();
    return context.html(<LoginView />, 401);
  });

  routes.openapi(EDITOR_ROUTES.home, async (context) => {
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

  routes.openapi(servedAs(routes, EDITOR_ROUTES.login, { requestReadByHandler: true }), async (context) => {
    let caller: Caller;
    try {
      // An unreadable form is said on the sign-in page, like a wrong key.
      const form = await readForm(context);
      caller = await callerWithRole(keys, typeof form.key === "string" ? form.key.trim() : undefined, "editor");
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return context.html(<LoginView error={error.message} />, httpStatusOf(error));
    }
    const https = new URL(context.req.url).protocol === "https:" || context.req.header("x-forwarded-proto") === "https";
    setCookie(context, SESSION_COOKIE, await sessions.open(caller.keyId), {
      httpOnly: true,
      sameSite: "Strict",
      path: "/editor",
      secure: https,
      maxAge: EDITOR_SESSION_SECONDS,
    });
    return context.redirect("/editor", 303);
  });

  routes.openapi(EDITOR_ROUTES.logout, async (context) => {
    await sessions.close(getCookie(context, SESSION_COOKIE));
    deleteCookie(context, SESSION_COOKIE, { path: "/editor" });
    return context.redirect("/editor", 303);
  });

  // The page's uploads: JSON back to its script, one file per request.
  routes.openapi(signedInRoute(EDITOR_ROUTES.upload), async (context) => {
    const upload = await readUpload(context, editorial.maxUploadBytes);
    const version = await editor.upload(upload, context.get("caller"));
    return context.json({ doc_id: version.docId, version: version.version }, 201);
  });

  routes.openapi(signedInRoute(EDITOR_ROUTES.handoffs), async (context) =>
    context.html(
      <HandoffsView
        signedInAs={context.get("caller").name}
        tickets={await interactions.handoffs()}
        notice={context.req.query("notice")}
      />,
    ),
  );

  routes.openapi(signedInRoute(EDITOR_ROUTES.closeHandoff), (context) =>
    withNotice(context, "/editor/handoffs", async () => {
      await interactions.closeHandoff(context.req.param("id"), context.get("caller"));
      return "Ticket closed.";
    }),
  );

  routes.openapi(signedInRoute(EDITOR_ROUTES.reports), async (context) => {
    const query = parseInput(reportQuerySchema, context.req.query());
    return context.html(
      <ReportView
        signedInAs={context.get("caller").name}
        report={await knowledgeGapReportFor(interactions, query)}
        notice={context.req.query("notice")}
      />,
    );
  });

  routes.openapi(signedInRoute(EDITOR_ROUTES.reportsCsv), async (context) =>
    csvResponse(context, await knowledgeGapReportFor(interactions, parseInput(reportQuerySchema, context.req.query()))),
  );

  routes.openapi(signedInRoute(EDITOR_ROUTES.curatedFaq), async (context) => {
    const form = await readForm(context);
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
      const { docId } = await publishCuratedAnswer(editor, input, context.get("caller"));
      return `Published as ${docId}.`;
    });
  });

  routes.openapi(signedInRoute(EDITOR_ROUTES.actions), async (context) =>
    context.html(
      <ActionsView
        signedInAs={context.get("caller").name}
        actions={dependencies.actions?.definitions ?? []}
        failures={((await dependencies.actions?.latestCalls(RECENT_ACTION_CALLS)) ?? []).filter(
          (call) => call.outcome !== "ok",
        )}
      />,
    ),
  );

  routes.openapi(signedInRoute(EDITOR_ROUTES.vocabulary), async (context) =>
    context.html(
      <VocabularyView
        signedInAs={context.get("caller").name}
        overview={await vocabularyOverviewOf(editorial.vocabulary, dependencies.vocabularyFile)}
        notice={context.req.query("notice")}
      />,
    ),
  );

  routes.openapi(signedInRoute(EDITOR_ROUTES.saveVocabulary), async (context) => {
    const caller = context.get("caller");
    let text: string | undefined;
    let basedOnVersion: number | undefined;
    try {
      const form = await readForm(context);
      if (typeof form.text !== "string") {
        throw new InvalidRequestError("The form has no `text` field: send the vocabulary in a field named text.");
      }
      // Browsers send a textarea's line breaks as CRLF: the editor wrote plain ones.
      text = form.text.replace(/\r\n?/g, "\n");
      basedOnVersion = parseInput(vocabularyFormSchema, form).based_on_version;
      await editorial.vocabulary.save(text, caller, basedOnVersion);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Shown again with what was sent, for the editor to fix; the vocabulary in use is unchanged.
      const overview = await vocabularyOverviewOf(editorial.vocabulary, dependencies.vocabularyFile);
      const changed = error instanceof VocabularyChangedError;
      return context.html(
        <VocabularyView
          signedInAs={caller.name}
          overview={overview}
          text={text}
          // After a conflict the page shows the latest version to merge, so the next save is based on it;
          // after a mistake the text is still the one edited from the version sent.
          basedOnVersion={changed ? undefined : basedOnVersion}
          savedMeanwhile={changed ? overview.editors.saved : undefined}
          error={`Not saved. ${error.message}`}
        />,
        httpStatusOf(error),
      );
    }
    return redirectWithNotice(context, "/editor/vocabulary", "Saved: the next question uses it.");
  });

  routes.openapi(signedInRoute(EDITOR_ROUTES.tryQuestion), async (context) => {
    const signedInAs = context.get("caller").name;
    const question = context.req.query("question")?.trim().slice(0, MAX_QUESTION_CHARS);
    if (!question) return context.html(<TryQuestionView signedInAs={signedInAs} />);
    // The editor keeps the drafts' index for the next preview: it is not closed here.
    const drafts = await editor.previewIndex(analyzeQuery(question));
    // As students would be answered: generated when a model is configured, with each collection's contact lines.
    const [published, fromDrafts] = await Promise.all([
      dependencies.answers.preview(question),
      dependencies.answers.preview(question, { index: drafts }),
    ]);
    return context.html(
      <TryQuestionView signedInAs={signedInAs} question={question} published={published} drafts={fromDrafts} />,
    );
  });

  routes.openapi(
    signedInRoute(EDITOR_ROUTES.documentAction, "/editor/documents/:id{.+}/:action{publish|unpublish|delete|replace}"),
    async (context) => {
      const caller = context.get("caller");
      const docId = context.req.param("id");
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
    },
  );

  routes.openapi(signedInRoute(EDITOR_ROUTES.answeredBy), async (context) => {
    const question = context.req.query("question")?.trim().slice(0, MAX_QUESTION_CHARS) ?? "";
    const query = context.req.query("query")?.trim().slice(0, MAX_QUESTION_CHARS) || question;
    const passages = query ? await dependencies.answers.search(query, { limit: ANSWERED_BY_RESULTS }) : [];
    return context.html(
      <AnsweredByView signedInAs={context.get("caller").name} question={question} query={query} passages={passages} />,
    );
  });

  routes.openapi(signedInRoute(EDITOR_ROUTES.teachPhrasing), async (context) => {
    const form = await readForm(context);
    return withNotice(context, "/editor/reports", async () => {
      const input = parseInput(newPhrasingSchema, { doc_id: form.doc_id, chunk_id: form.chunk_id, text: form.text });
      await phrasings.teach({ docId: input.doc_id, chunkId: input.chunk_id, text: input.text }, context.get("caller"));
      return `Taught: questions worded like “${input.text}” now find that passage of ${input.doc_id}.`;
    });
  });

  routes.openapi(signedInRoute(EDITOR_ROUTES.proposedPhrasings), async (context) =>
    context.html(
      <ProposedPhrasingsView
        signedInAs={context.get("caller").name}
        phrasings={await phrasings.placed(await phrasings.list("proposed"))}
        notice={context.req.query("notice")}
      />,
    ),
  );

  routes.openapi(
    signedInRoute(EDITOR_ROUTES.phrasingAction, "/editor/phrasings/:id/:action{accept|reject|edit|remove}"),
    async (context) => {
      const caller = context.get("caller");
      const id = context.req.param("id");
      const form = await readForm(context);
      // Back where the form was: the document's page, or the proposals.
      const docId = (await phrasings.find(id))?.docId;
      const page = form.return_to === "document" && docId ? documentPage(docId) : "/editor/phrasings";
      return withNotice(context, page, async () => {
        switch (context.req.param("action")) {
          case "accept":
            await phrasings.accept(id, caller);
            return "Accepted: questions worded like it now find its passage.";
          case "reject":
            await phrasings.reject(id, caller);
            return "Rejected: it was never searched.";
          case "edit": {
            const { text } = parseInput(phrasingTextSchema, { text: form.text });
            await phrasings.edit(id, text, caller);
            return `Reworded: “${text}”.`;
          }
          default:
            await phrasings.remove(id, caller);
            return "Removed: it no longer finds its passage.";
        }
      });
    },
  );

  routes.openapi(signedInRoute(EDITOR_ROUTES.document, "/editor/documents/:id{.+}"), async (context) => {
    const version = Number(context.req.query("version")) || undefined;
    const docId = context.req.param("id");
    const detail = await editor.get(docId, version);
    return context.html(
      <DocumentView
        detail={detail}
        phrasings={await phrasings.ofDocument(docId)}
        signedInAs={context.get("caller").name}
        notice={context.req.query("notice")}
      />,
    );
  });

  return routes;
}

/**
 * Too many failed sign-ins, or a sign-in form too large, refused before the form's handler runs:
 * said on the sign-in page, as a wrong key is, with its status and Retry-After. Else undefined.
 */
export function signInPageError(context: Context, error: unknown): Response | Promise<Response> | undefined {
  const { method, path } = context.req;
  if (method !== "POST" || path !== "/editor/login") return undefined;
  if (!(error instanceof RateLimitedError || error instanceof PayloadTooLargeError)) return undefined;
  const { status, headers } = errorResponse(error);
  return context.html(<LoginView error={error.message} />, status, headers);
}

/** Goes to an editor page (after a form post) that shows `notice` at its top. */
function redirectWithNotice(context: Context, page: string, notice: string): Response {
  return context.redirect(`${page}?notice=${encodeURIComponent(notice)}`, 303);
}
