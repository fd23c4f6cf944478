import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { webAddress } from "../../../ingest/index-document.js";
import { chunkLocation } from "../../answering/citations.js";
import { MAX_QUESTION_CHARS } from "../../schemas.js";
import type { ChunkRecord, StoredDocument } from "../../store/index-store.js";
import { BROWSER_SCRIPTS } from "../browser-scripts/browser-scripts.js";
import { pagePolicy } from "../content-security-policy.js";
import {
  CHAT_CONFIG_ELEMENT_ID,
  CHAT_TEXT,
  CHAT_TEXT_ELEMENT_ID,
  type ChatConfig,
  type ChatLanguage,
} from "./chat-text.js";

const STYLE = `
  :root { color-scheme: light; }
  body { font: 17px/1.6 system-ui, "Noto Sans TC", "PingFang TC", sans-serif; margin: 0; color: #1b1b1b; background: #f6f7f9; }
  header { background: #12355b; color: #fff; padding: .6rem 1rem; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 1.15rem; margin: 0; flex: 1; }
  header a, header button { color: #fff; background: none; border: 1px solid #fff; border-radius: .3rem; padding: .2rem .6rem; font: inherit; cursor: pointer; text-decoration: none; }
  main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
  #conversation { display: flex; flex-direction: column; gap: .75rem; margin: 1rem 0; }
  .question { align-self: flex-end; background: #12355b; color: #fff; padding: .5rem .8rem; border-radius: .8rem .8rem 0 .8rem; margin: 0; max-width: 85%; }
  .answer { background: #fff; border: 1px solid #c9ced6; border-radius: .8rem .8rem .8rem 0; padding: .6rem .9rem; max-width: 92%; }
  .answer.abstained { border-color: #a15c00; }
  .answer.safety { border: 2px solid #12355b; }
  .answer .handoff-offer.urgent { background: #12355b; color: #fff; font-weight: 600; margin-top: .4rem; }
  .answer-text { white-space: pre-wrap; margin: 0 0 .4rem; }
  .answer h3 { font-size: .9rem; margin: .4rem 0 .2rem; color: #444; }
  .sources { margin: 0; padding-left: 1.2rem; font-size: .95rem; }
  .feedback { margin-top: .4rem; font-size: .95rem; }
  .feedback p { margin: 0 0 .3rem; }
  .choices { list-style: none; padding: 0; margin: .4rem 0 0; display: flex; flex-wrap: wrap; gap: .4rem; }
  .feedback button, .handoff-offer, .choice, form button { font: inherit; padding: .3rem .8rem; cursor: pointer; border-radius: .3rem; border: 1px solid #12355b; background: #fff; color: #12355b; }
  .handoff { background: #fff; border: 1px solid #12355b; border-radius: .6rem; padding: .6rem .9rem; display: grid; gap: .3rem; }
  .handoff h2 { font-size: 1rem; margin: 0; }
  input, textarea { font: inherit; padding: .4rem; border: 1px solid #767676; border-radius: .3rem; width: 100%; box-sizing: border-box; }
  #ask-form { display: flex; gap: .5rem; position: sticky; bottom: 0; background: #f6f7f9; padding: .5rem 0; }
  #ask-form button { background: #12355b; color: #fff; white-space: nowrap; }
  .suggestions { display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; list-style: none; }
  .suggestions button { font: inherit; font-size: .95rem; border: 1px solid #12355b; background: #fff; color: #12355b; border-radius: 1rem; padding: .2rem .7rem; cursor: pointer; }
  .notice { background: #e8f1fb; padding: .5rem .8rem; border-left: 4px solid #12355b; }
  .error { background: #fdecea; padding: .5rem .8rem; border-left: 4px solid #b3261e; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  :focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
  mark { background: #fff2a8; }
  .passage-location { font-size: .95rem; color: #444; }
  .passage { white-space: pre-wrap; }
`;

/** The chat page runs only its own script; the students' pages use only their style sheet. */
export function chatPagePolicy(frameAncestors: string[]): string {
  return pagePolicy({ scripts: [BROWSER_SCRIPTS.chat], styles: [STYLE] }, frameAncestors);
}

/** The passage page and the closed page: no script at all, and no site frames them. */
export const STUDENT_PAGE_POLICY = pagePolicy({ styles: [STYLE] });

/** JSON for a script tag: `<` escaped, so that no text in it can close the tag. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

export function ChatPage(props: {
  language: ChatLanguage;
  collection?: string;
  embedded: boolean;
  suggestions: string[];
}) {
  const text = CHAT_TEXT[props.language];
  const other: ChatLanguage = props.language === "en" ? "zh-Hant" : "en";
  const switchParams = new URLSearchParams({
    lang: other,
    ...(props.collection ? { collection: props.collection } : {}),
    ...(props.embedded ? { embed: "1" } : {}),
  });
  return (
    <ChatFrame
      language={props.language}
      headerActions={
        <>
          <button type="button" id="new-conversation">
            {text.newConversation}
          </button>
          <a href={`/?${switchParams}`} lang={other} id="switch-language">
            {text.switchLanguage}
          </a>
        </>
      }
    >
      <main>
        {props.embedded ? null : <p>{text.intro}</p>}
        {props.suggestions.length > 0 ? (
          <section aria-labelledby="suggestions-heading">
            <h2 id="suggestions-heading" class="visually-hidden">
              {text.suggestions}
            </h2>
            <ul class="suggestions">
              {props.suggestions.map((suggestion) => (
                <li>
                  <button type="button" data-suggestion={suggestion}>
                    {suggestion}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <div id="conversation" aria-live="polite" />
        <form id="ask-form">
          <label for="question" class="visually-hidden">
            {text.questionLabel}
          </label>
          <input
            id="question"
            name="question"
            placeholder={text.placeholder}
            maxlength={MAX_QUESTION_CHARS}
            required
            autocomplete="off"
            // Enabled by the page's script once it can send a question: typed earlier, a question
            // would go nowhere.
            disabled
          />
          <button type="submit">{text.ask}</button>
        </form>
      </main>
      <script type="application/json" id={CHAT_TEXT_ELEMENT_ID}>
        {raw(scriptJson(text))}
      </script>
      <script type="application/json" id={CHAT_CONFIG_ELEMENT_ID}>
        {raw(scriptJson({ collection: props.collection ?? null } satisfies ChatConfig))}
      </script>
      <script>{raw(BROWSER_SCRIPTS.chat)}</script>
    </ChatFrame>
  );
}

/** Instead of the chat page when answers need a key: a public page cannot hold one. */
export function ChatClosedPage(props: { language: ChatLanguage }) {
  const text = CHAT_TEXT[props.language];
  return <ChatNotOpenPage language={props.language} problem={text.closed} forOperators={text.closedForOperators} />;
}

/** Instead of the chat page for a collection that does not exist (a typo in a link or a widget's tag). */
export function UnknownCollectionPage(props: { language: ChatLanguage; collection: string; collections: string[] }) {
  const text = CHAT_TEXT[props.language];
  return (
    <ChatNotOpenPage
      language={props.language}
      problem={text.unknownCollection.replace("{collection}", props.collection)}
      forOperators={text.unknownCollectionForOperators.replace("{collections}", props.collections.join(", "))}
    />
  );
}

function ChatNotOpenPage(props: { language: ChatLanguage; problem: string; forOperators: string }) {
  return (
    <ChatFrame language={props.language}>
      <main>
        <p class="error" role="alert">
          {props.problem}
        </p>
        <p>{props.forOperators}</p>
      </main>
    </ChatFrame>
  );
}

/** The chat page's document, head and title bar, around what the page shows. */
function ChatFrame(props: { language: ChatLanguage; headerActions?: Child; children: Child }) {
  const text = CHAT_TEXT[props.language];
  return (
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{text.title}</title>
        <style>{raw(STYLE)}</style>
      </head>
      <body>
        <header>
          <h1>{text.title}</h1>
          {props.headerActions}
        </header>
        {props.children}
      </body>
    </html>
  );
}

/** A cited passage in its document: the chunks around it, the passage marked, with its page. */
export function SourcePage(props: {
  language: ChatLanguage;
  document: StoredDocument;
  chunks: ChunkRecord[];
  cited: ChunkRecord;
}) {
  const text = CHAT_TEXT[props.language];
  return (
    <html lang={props.document.lang ?? props.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.document.title}</title>
        <style>{raw(STYLE)}</style>
      </head>
      <body>
        <header>
          <h1>{props.document.title}</h1>
        </header>
        <main>
          {webAddress(props.document.url) ? (
            <p>
              <a href={props.document.url}>{props.document.url}</a>
            </p>
          ) : null}
          {props.chunks.map((chunk) => {
            const { heading, page } = chunkLocation(chunk);
            const where = [heading, page === undefined ? undefined : text.page.replace("{page}", String(page))]
              .filter(Boolean)
              .join(" · ");
            return (
              <section id={chunk === props.cited ? "cited" : undefined}>
                {where ? <h2 class="passage-location">{where}</h2> : null}
                <p class="passage">{chunk === props.cited ? <mark>{chunk.text}</mark> : chunk.text}</p>
              </section>
            );
          })}
        </main>
      </body>
    </html>
  );
}
