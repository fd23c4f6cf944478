import type { OpenAPIHono } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { NotFoundError } from "../../errors.js";
import { RecentValue } from "../../recent-value.js";
import type { IndexStore } from "../../store/index-store.js";
import { detectLanguage } from "../../text/language.js";
import type { AppDependencies } from "../app-dependencies.js";
import { BROWSER_SCRIPTS } from "../browser-scripts/browser-scripts.js";
import { STUDENT_API_ROUTES } from "../routes/shared.js";
import { type ChatLanguage, chatLanguage } from "./chat-text.js";
import { ChatPage, SourcePage } from "./chat-views.js";

const SUGGESTION_COUNT = 6;
const SUGGESTIONS_TTL_MS = 60_000;

/**
 * What students see: the chat page at `/` (also framed by the widget), the widget script, and a
 * page per cited passage. The API calls the page and widget make may come from the origins in
 * ALLOWED_ORIGINS, which are also the only sites that may frame the page.
 */
export function registerChatPage(app: OpenAPIHono, { store, allowedOrigins }: AppDependencies): void {
  const suggestions = suggestedQuestions(store);
  const frameAncestors = allowedOrigins.includes("*") ? "*" : ["'self'", ...allowedOrigins].join(" ");
  const allowsOrigin = (origin: string) => allowedOrigins.includes("*") || allowedOrigins.includes(origin);

  for (const path of STUDENT_API_ROUTES) {
    app.use(
      path,
      cors({
        origin: (origin) => (allowsOrigin(origin) ? origin : null),
        allowMethods: ["POST"],
        allowHeaders: ["Content-Type", "Authorization", "X-API-Key"],
        maxAge: 600,
      }),
    );
  }

  app.get("/", async (context) => {
    const language = chatLanguage(context.req.query("lang"), context.req.header("accept-language"));
    const collection = context.req.query("collection")?.slice(0, 100) || undefined;
    const known = collection === undefined || (await store.listCollections()).includes(collection);
    context.header("Content-Security-Policy", `frame-ancestors ${frameAncestors}`);
    return context.html(
      <ChatPage
        language={language}
        collection={known ? collection : undefined}
        embedded={context.req.query("embed") === "1"}
        suggestions={await suggestions(language, known ? collection : undefined)}
      />,
    );
  });

  app.get("/widget.js", (context) => {
    context.header("Cache-Control", "public, max-age=300");
    return context.body(BROWSER_SCRIPTS.widget, 200, { "Content-Type": "text/javascript; charset=utf-8" });
  });

  app.get("/sources/:chunkId{.+}", async (context) => {
    const chunkId = context.req.param("chunkId");
    const docId = chunkId.slice(0, chunkId.lastIndexOf("#"));
    const stored = docId ? await store.getDocument(docId) : undefined;
    const index = stored?.chunks.findIndex((chunk) => chunk.chunkId === chunkId) ?? -1;
    const cited = stored?.chunks[index];
    if (!stored || !cited || stored.document.status !== "published") {
      throw new NotFoundError(`No published passage "${chunkId}".`);
    }
    const language = chatLanguage(context.req.query("lang"), context.req.header("accept-language"));
    return context.html(
      <SourcePage
        language={language}
        document={stored.document}
        chunks={stored.chunks.slice(Math.max(0, index - 2), index + 3)}
        cited={cited}
      />,
    );
  });
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
