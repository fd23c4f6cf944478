import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import type { LanguageVariables } from "hono/language";
import { NotFoundError } from "../../errors.js";
import { RecentValue } from "../../recent-value.js";
import type { IndexStore } from "../../store/index-store.js";
import { detectLanguage } from "../../text/language.js";
import type { AppDependencies } from "../app-dependencies.js";
import { requireRole } from "../authorize.js";
import { BROWSER_SCRIPTS } from "../browser-scripts/browser-scripts.js";
import {
  errorBody,
  FEEDBACK_COMMENT_ROUTE,
  htmlPage,
  newRouteGroup,
  OPENAI_CHAT_ROUTE,
  OPENAI_MODEL_ROUTES,
  STUDENT_API_ROUTES,
  servedAs,
} from "../routes/shared.js";
import { chatLanguageOf, detectChatLanguage } from "./chat-language.js";
import type { ChatLanguage } from "./chat-text.js";
import {
  ChatClosedPage,
  ChatPage,
  chatPagePolicy,
  SourcePage,
  STUDENT_PAGE_POLICY,
  UnknownCollectionPage,
} from "./chat-views.js";
import { widgetCheckQuerySchema, widgetCheckSchema } from "./widget-check.js";

const SUGGESTION_COUNT = 6;
const SUGGESTIONS_TTL_MS = 60_000;

const languageField = z
  .enum(["zh-Hant", "en"])
  .optional()
  .openapi({ description: "The page's language; unset: as the browser's Accept-Language prefers" });

const chatPageRoute = createRoute({
  tags: ["pages"],
  method: "get",
  path: "/",
  summary: "The chat page (also framed by the widget)",
  request: {
    query: z.object({
      lang: languageField,
      collection: z.string().optional().openapi({ description: "Only answer from this collection" }),
      embed: z.literal("1").optional().openapi({ description: "The compact layout the widget frames" }),
    }),
  },
  responses: {
    200: htmlPage("The chat page"),
    403: htmlPage("REQUIRE_API_KEY_FOR_ANSWERS is on: a page saying the chat page is not open"),
    404: htmlPage("No such collection: a page saying so, with the collections there are"),
  },
});

const widgetRoute = createRoute({
  tags: ["pages"],
  method: "get",
  path: "/widget.js",
  summary: "The widget script: a chat button for any site in ALLOWED_ORIGINS",
  responses: {
    200: { description: "The script", content: { "text/javascript": { schema: z.string() } } },
  },
});

const widgetCheckRoute = createRoute({
  tags: ["pages"],
  method: "get",
  path: "/widget/check",
  summary: "What the widget asks first: may the calling site frame the chat, and is its collection known?",
  request: { query: widgetCheckQuerySchema },
  responses: {
    200: {
      description: "The check, readable from any site",
      content: { "application/json": { schema: widgetCheckSchema } },
    },
  },
});

const sourceRoute = createRoute({
  tags: ["pages"],
  method: "get",
  path: "/sources/{chunkId}",
  summary: "A cited passage in context, with the passages around it",
  request: {
    params: z.object({
      chunkId: z.string().openapi({ param: { name: "chunkId", in: "path" }, example: "registrar/add-drop.md#2" }),
    }),
    query: z.object({ lang: languageField }),
  },
  responses: {
    200: htmlPage("The passage"),
    401: errorBody("unauthorized: REQUIRE_API_KEY_FOR_ANSWERS is on and no reader key was sent"),
    404: errorBody("not_found: no published passage with this id"),
  },
});

/**
 * What students see: the chat page at `/` (also framed by the widget), the widget script, and a
 * page per cited passage. The API calls the page and widget make may come from the origins in
 * ALLOWED_ORIGINS, which are also the only sites that may frame the page.
 */
export function chatPageRoutes({
  store,
  allowedOrigins,
  editorial,
}: Pick<AppDependencies, "store" | "allowedOrigins" | "editorial">): OpenAPIHono<{ Variables: LanguageVariables }> {
  const routes = newRouteGroup<{ Variables: LanguageVariables }>();
  const { requireApiKeyForAnswers } = editorial;
  const suggestions = suggestedQuestions(store);
  const frameAncestors = allowedOrigins.includes("*") ? ["*"] : ["'self'", ...allowedOrigins];
  // The widget frames the chat page (and so the page saying it is closed), on the allowed sites only.
  const chatPolicy = chatPagePolicy(frameAncestors);
  const allowsOrigin = (origin: string) => allowedOrigins.includes("*") || allowedOrigins.includes(origin);

  // Allowed sites' pages may call the student routes, and OpenAI clients running in a browser the chat ones.
  const callableFrom = (allowMethods: string[]) =>
    cors({
      origin: (origin) => (allowsOrigin(origin) ? origin : null),
      allowMethods,
      allowHeaders: ["Content-Type", "Authorization", "X-API-Key", "X-User-Token"],
      maxAge: 600,
    });
  for (const path of [...STUDENT_API_ROUTES, OPENAI_CHAT_ROUTE]) routes.use(path, callableFrom(["POST"]));
  routes.use(FEEDBACK_COMMENT_ROUTE, callableFrom(["PATCH"]));
  // Any site may read the check: a site that is not allowed is who most needs to be told.
  routes.use(widgetCheckRoute.path, cors({ origin: "*", allowMethods: ["GET"] }));
  for (const path of OPENAI_MODEL_ROUTES) routes.use(path, callableFrom(["GET"]));

  const page = { middleware: detectChatLanguage } as const;
  // Passages are what answers quote, and their ids are easy to guess: they need the same key.
  const passagePage = {
    middleware: requireApiKeyForAnswers
      ? [requireRole(editorial.keys, "reader"), detectChatLanguage]
      : detectChatLanguage,
  } as const;
  routes.openapi(servedAs(routes, { ...chatPageRoute, ...page }, { requestReadByHandler: true }), async (context) => {
    const language = chatLanguageOf(context);
    context.header("Content-Security-Policy", chatPolicy);
    // Its questions would carry no key, so every one would be refused: say so once, here.
    if (requireApiKeyForAnswers) return context.html(<ChatClosedPage language={language} />, 403);
    const collection = context.req.query("collection")?.slice(0, 100) || undefined;
    const collections = await store.listCollections();
    // A typo in a link or a widget's data-collection is said, rather than answered from every collection.
    if (collection !== undefined && !collections.includes(collection)) {
      return context.html(
        <UnknownCollectionPage language={language} collection={collection} collections={collections} />,
        404,
      );
    }
    return context.html(
      <ChatPage
        language={language}
        collection={collection}
        embedded={context.req.query("embed") === "1"}
        suggestions={await suggestions(language, collection)}
      />,
    );
  });

  routes.openapi(widgetCheckRoute, async (context) => {
    const origin = context.req.header("origin");
    const { collection } = context.req.valid("query");
    const collections = await store.listCollections();
    // The answer depends on who asks: no cache may hand one site's answer to another.
    context.header("Cache-Control", "no-store");
    context.header("Vary", "Origin");
    return context.json(
      {
        ...(origin === undefined ? {} : { origin }),
        // No Origin: the service's own page (same-origin GETs send none), which may always frame it.
        origin_allowed: origin === undefined || origin === new URL(context.req.url).origin || allowsOrigin(origin),
        // An empty data-collection is none, as on the chat page.
        collection_known: !collection || collections.includes(collection),
        collections,
      },
      200,
    );
  });

  routes.openapi(widgetRoute, (context) => {
    context.header("Cache-Control", "public, max-age=300");
    return context.body(BROWSER_SCRIPTS.widget, 200, { "Content-Type": "text/javascript; charset=utf-8" });
  });

  routes.openapi(
    servedAs(
      routes,
      { ...sourceRoute, ...passagePage },
      { honoPath: "/sources/:chunkId{.+}", requestReadByHandler: true },
    ),
    async (context) => {
      const chunkId = context.req.param("chunkId");
      const docId = chunkId.slice(0, chunkId.lastIndexOf("#"));
      const stored = docId ? await store.getDocument(docId) : undefined;
      const index = stored?.chunks.findIndex((chunk) => chunk.chunkId === chunkId) ?? -1;
      const cited = stored?.chunks[index];
      if (!stored || !cited || stored.document.status !== "published") {
        throw new NotFoundError(`No published passage "${chunkId}".`);
      }
      const language = chatLanguageOf(context);
      context.header("Content-Security-Policy", STUDENT_PAGE_POLICY);
      return context.html(
        <SourcePage
          language={language}
          document={stored.document}
          chunks={stored.chunks.slice(Math.max(0, index - 2), index + 3)}
          cited={cited}
        />,
      );
    },
  );
  return routes;
}

/** Questions from the published FAQ sheets in the page's language and collection, read again at most once a minute. */
function suggestedQuestions(
  store: IndexStore,
): (language: ChatLanguage, collection: string | undefined) => Promise<string[]> {
  const recent = new RecentValue<{ question: string; collection: string; isChinese: boolean }[]>(SUGGESTIONS_TTL_MS);
  const readQuestions = async () => {
    const sheets = [...(await store.listDocuments()).values()].filter(
      (document) => document.format === "faq" && document.status === "published",
    );
    const questions: { question: string; collection: string; isChinese: boolean }[] = [];
    for (const sheet of sheets) {
      for (const { faqQuestion } of (await store.getDocument(sheet.docId))?.chunks ?? []) {
        if (faqQuestion) {
          questions.push({
            question: faqQuestion,
            collection: sheet.collection,
            isChinese: detectLanguage(faqQuestion) !== "en",
          });
        }
      }
    }
    return questions;
  };
  return async (language, collection) => {
    const wantsChinese = language === "zh-Hant";
    return (await recent.get(readQuestions))
      .filter(
        (entry) => (collection === undefined || entry.collection === collection) && entry.isChinese === wantsChinese,
      )
      .map((entry) => entry.question)
      .slice(0, SUGGESTION_COUNT);
  };
}
