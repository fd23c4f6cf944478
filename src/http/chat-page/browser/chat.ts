/**
 * The chat page's script: asks, shows answers with numbered sources, takes feedback, and offers a
 * person when the documents do not cover a question or the student asks for one. Every piece of
 * text from the server is set with textContent, never as HTML, so neither a document nor a model
 * can inject markup or script; the http(s) addresses in answers become links built as elements.
 */
import type { z } from "@hono/zod-openapi";
import { createParser } from "eventsource-parser";
import type { AnswerRequest, AnswerResponse, Citation } from "../../../schemas.js";
import { splitWebAddresses } from "../../../text/web-addresses.js";
import type { feedbackCommentSchema, feedbackSchema, handoffSchema } from "../../routes/interaction-schemas.js";
import { ASKS_FOR_A_PERSON } from "../asks-for-a-person.js";
import { CHAT_CONFIG_ELEMENT_ID, CHAT_TEXT_ELEMENT_ID, type ChatConfig, type ChatText } from "../chat-text.js";

// The API's own request and response types (erased from the bundle), so that the compiler checks
// the script against the server.
type Feedback = z.input<typeof feedbackSchema>;
type FeedbackComment = z.input<typeof feedbackCommentSchema>;
type Handoff = z.input<typeof handoffSchema>;
type ErrorReply = { error?: { message?: string } };

/** The page's element with this id, which must be of this kind. */
function byId<Kind extends HTMLElement>(id: string, kind: new () => Kind): Kind {
  const found = document.getElementById(id);
  if (!(found instanceof kind)) throw new Error(`The chat page has no #${id}.`);
  return found;
}

function readJson<Value>(id: string): Value {
  return JSON.parse(byId(id, HTMLScriptElement).textContent ?? "") as Value;
}

const text = readJson<ChatText>(CHAT_TEXT_ELEMENT_ID);
const config = readJson<ChatConfig>(CHAT_CONFIG_ELEMENT_ID);
const conversation = byId("conversation", HTMLDivElement);
const form = byId("ask-form", HTMLFormElement);
const input = byId("question", HTMLInputElement);
const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
// One conversation per page: it lives in memory only, so what the server remembers is what the
// student sees (and a frame without storage access still works). Only a switch of the page's
// language hands it on, through the tab's session storage (see keepAcrossLanguageSwitch).
let conversationId = startConversation();

/** What the conversation has shown, for the page in the other language to show again. */
type Turn =
  | { kind: "question"; question: string }
  | { kind: "answer"; question: string; reply: AnswerResponse; rating?: "up" | "down" }
  | { kind: "handoff"; ticketId: string; contact?: string };
let turns: Turn[] = [];
const SWITCH_STORAGE_KEY = "grounded-faq:language-switch";

// A signed-in student's token, handed over by the widget on the portal's page (never in the
// address, where logs and referrers would keep it). Only the page that frames the chat may hand it
// over, and only sites in ALLOWED_ORIGINS may frame it.
let userToken: string | undefined;
const tokenWaiters: ((token: string | undefined) => void)[] = [];
window.addEventListener("message", (event) => {
  if (window.parent === window || event.source !== window.parent) return;
  const data = event.data as { type?: unknown; token?: unknown } | null;
  if (data?.type !== "grounded-faq:user-token" || typeof data.token !== "string") return;
  userToken = data.token || undefined;
  for (const waiter of tokenWaiters.splice(0)) waiter(userToken);
});

/** A fresh token from the portal's page, when it gives one within a few seconds. */
function renewedToken(): Promise<string | undefined> {
  if (window.parent === window) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    tokenWaiters.push(resolve);
    window.parent.postMessage({ type: "grounded-faq:token-expired" }, "*");
    setTimeout(() => resolve(undefined), 5000);
  });
}

function startConversation(): string {
  // randomUUID needs a secure context (https or localhost); plain http on a campus network has none.
  const random = crypto.randomUUID
    ? crypto.randomUUID()
    : Math.random().toString(36).slice(2) + Date.now().toString(36);
  return `c-${random}`;
}

function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  properties: Partial<HTMLElementTagNameMap[Tag]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  Object.assign(node, properties);
  for (const child of children) node.append(child);
  return node;
}

function show<Shown extends HTMLElement>(node: Shown): Shown {
  conversation.append(node);
  node.scrollIntoView({ block: "nearest" });
  return node;
}

/** Not a failure: the server asks the student to slow down, in the page's words. */
class PleaseWait extends Error {}

/** `slowDown`: the page's words for a 429 here, with `{seconds}` to wait. */
async function errorOf(response: Response, slowDown: string = text.tooManyQuestions): Promise<Error> {
  if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after")) || 60;
    return new PleaseWait(slowDown.replace("{seconds}", String(seconds)));
  }
  const reply: ErrorReply = await response.json().catch(() => ({}));
  return new Error(reply.error?.message || response.statusText);
}

async function post<Reply>(
  path: string,
  body: Feedback | FeedbackComment | Handoff,
  method: "POST" | "PATCH" = "POST",
): Promise<Reply> {
  const response = await fetch(path, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  // A hand-off or a rating refused for now: the student is not told to stop asking questions.
  if (!response.ok) throw await errorOf(response, text.tooManyRequests);
  return response.json().catch(() => ({}));
}

// Streams the answer: checked text appears as it comes (a reset withdraws it), then the final
// answer with its sources replaces it.
async function streamAnswer(body: AnswerRequest, renewed = false): Promise<AnswerResponse> {
  const response = await fetch("/v1/answer", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      ...(userToken ? { "x-user-token": userToken } : {}),
    },
    body: JSON.stringify({ ...body, stream: true }),
  });
  // An expired sign-in: the portal's page is asked for a fresh token, and the question asked again once.
  if (response.status === 401 && userToken && !renewed) {
    const expired: ErrorReply & { error?: { code?: string } } = await response
      .clone()
      .json()
      .catch(() => ({}));
    if (expired.error?.code === "student_token_expired" && (await renewedToken())) return streamAnswer(body, true);
  }
  if (!response.ok) throw await errorOf(response);
  if (!response.body) throw new Error(response.statusText || "the answer was empty");
  const draftText = element("p", { className: "answer-text" });
  const draft = show(element("article", { className: "answer streaming", ariaBusy: "true" }, draftText));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let final: AnswerResponse | undefined;
  const parser = createParser({
    onEvent({ event, data }) {
      if (!event || !data) return;
      const payload = JSON.parse(data);
      if (event === "delta") draftText.textContent += payload.text;
      else if (event === "reset") draftText.textContent = "";
      else if (event === "done") final = payload;
      // Thrown out of parser.feed, so out of the reading loop below.
      else if (event === "error") throw new Error(payload.error.message);
    },
  });
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(value);
    }
  } finally {
    draft.remove();
  }
  if (!final) throw new Error(response.statusText || "the answer was cut off");
  return final;
}

function sourceLink(citation: Citation): HTMLElement {
  // A student's record is not a page to open: its system and the time it was read are the source.
  if (citation.kind === "record") return element("span", { textContent: `[${citation.n}] ${citation.title}` });
  const url = citation.url ?? "";
  const href = /^https?:\/\//i.test(url) ? url : `/sources/${encodeURIComponent(citation.chunk_id)}`;
  const label = `[${citation.n}] ${citation.title}${citation.page ? ` (${text.page.replace("{page}", String(citation.page))})` : ""}`;
  return element("a", { href, target: "_blank", rel: "noopener", textContent: label });
}

/** Answer text as text nodes, with its http(s) addresses as links: built as nodes, never parsed as HTML. */
function withWebLinks(answer: string): (Node | string)[] {
  return splitWebAddresses(answer).map(({ text: piece, href }) =>
    href ? element("a", { href, target: "_blank", rel: "noopener noreferrer", textContent: piece }) : piece,
  );
}

function feedbackControls(answerId: string): HTMLDivElement {
  const box = element("div", { className: "feedback" });
  const label = element("span", { textContent: `${text.helpful} ` });
  const up = element("button", { type: "button", textContent: `👍 ${text.up}` });
  const down = element("button", { type: "button", textContent: `👎 ${text.down}` });
  box.append(label, up, " ", down);
  const thank = (words: string, ...after: HTMLElement[]) => {
    const thanks = element("p", { role: "status", tabIndex: -1, textContent: words });
    box.replaceChildren(thanks, ...after);
    return thanks;
  };
  const rated = (rating: "up" | "down") => {
    for (const turn of turns) if (turn.kind === "answer" && turn.reply.answer_id === answerId) turn.rating = rating;
  };
  up.addEventListener("click", () =>
    post("/v1/feedback", { answer_id: answerId, rating: "up" }).then(() => {
      rated("up");
      thank(text.thanks).focus();
    }, fail),
  );
  // The 👎 counts from the click: the comment is optional, and added to it if the student writes one.
  down.addEventListener("click", () =>
    post("/v1/feedback", { answer_id: answerId, rating: "down" }).then(() => {
      rated("down");
      const comment = element("textarea", { id: `comment-${answerId}`, rows: 2 });
      const commentLabel = element("label", { htmlFor: comment.id, textContent: text.commentLabel });
      const send = element("button", { type: "button", textContent: text.sendFeedback });
      send.addEventListener("click", () => {
        if (!comment.value.trim()) return comment.focus();
        const commented: FeedbackComment = { comment: comment.value };
        post(`/v1/feedback/${encodeURIComponent(answerId)}`, commented, "PATCH").then(
          () => thank(text.commentAdded).focus(),
          fail,
        );
      });
      thank(text.thanks, commentLabel, comment, send);
      comment.focus();
    }, fail),
  );
  return box;
}

function handoffForm(message: string, answerId?: string): void {
  const id = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;
  const fields = [
    { name: "name", label: text.nameLabel, control: element("input", { id: id("name"), name: "name" }) },
    { name: "contact", label: text.contactLabel, control: element("input", { id: id("contact"), name: "contact" }) },
    {
      name: "message",
      label: text.messageLabel,
      control: element("textarea", { id: id("message"), name: "message", value: message }),
    },
  ] as const;
  const formNode = element(
    "form",
    { className: "handoff", ariaLabel: text.handoffTitle },
    element("h2", { textContent: text.handoffTitle }),
    ...fields.flatMap(({ label, control }) => [element("label", { htmlFor: control.id, textContent: label }), control]),
    element("button", { type: "submit", textContent: text.sendHandoff }),
  );
  const empty = element("p", { className: "error", role: "alert", textContent: text.handoffEmpty, hidden: true });
  formNode.append(empty);
  formNode.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body: Handoff = { conversation_id: conversationId, collection: config.collection || undefined };
    for (const { name, control } of fields) if (control.value.trim()) body[name] = control.value.trim();
    if (answerId) body.answer_id = answerId;
    // A ticket with nothing to act on is not sent: the API would refuse it too.
    empty.hidden = Boolean(body.message || body.contact);
    if (!empty.hidden) return fields[2].control.focus();
    try {
      const ticket = await post<{ id: string }>("/v1/handoffs", body);
      turns.push({ kind: "handoff", ticketId: ticket.id, contact: body.contact });
      const sent = handoffSent(ticket.id, body.contact);
      formNode.replaceWith(show(sent));
      sent.focus();
    } catch (error) {
      fail(error);
    }
  });
  show(formNode);
  fields[0].control.focus();
}

/** Filed: the ticket's number, and how a person will reply (no time is promised: the deployment sets none). */
function handoffSent(ticketId: string, contact: string | undefined): HTMLParagraphElement {
  const reply = contact ? text.handoffReply.replace("{contact}", contact) : text.handoffNoReply;
  return element("p", {
    className: "notice",
    role: "status",
    tabIndex: -1,
    textContent: `${text.handoffSent.replace("{id}", ticketId.slice(0, 8))} ${reply}`,
  });
}

function fail(error: unknown): void {
  if (error instanceof PleaseWait) {
    show(element("p", { className: "error", role: "alert", textContent: error.message }));
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  show(element("p", { className: "error", role: "alert", textContent: text.error + message }));
}

function showAnswer(reply: AnswerResponse, question: string): HTMLElement {
  const article = element("article", { className: `answer ${reply.status}` });
  article.append(element("p", { className: "answer-text" }, ...withWebLinks(reply.answer)));
  if (reply.citations.length > 0) {
    const list = element("ol", { className: "sources", ariaLabel: text.sources });
    for (const citation of reply.citations) list.append(element("li", {}, sourceLink(citation)));
    article.append(element("h3", { textContent: text.sources }), list);
  }
  if (reply.handoff_suggested) {
    // Someone may be in danger: a person is offered first, and there is nothing to rate.
    const offer = element("button", {
      type: "button",
      className: "handoff-offer urgent",
      textContent: text.talkToPersonNow,
    });
    offer.addEventListener("click", () => {
      offer.disabled = true;
      handoffForm(question, reply.answer_id);
    });
    article.append(offer);
    return show(article);
  }
  const choices = reply.choices ?? [];
  if (reply.status === "clarify" && choices.length > 0) {
    // A question back: each topic is asked as it is, with one click; there is nothing to rate.
    article.append(choiceList(choices, text.choices));
    return show(article);
  }
  if (reply.status === "abstained") {
    // Topics the documents do cover near the question, each asked with one click, beside a person.
    if (choices.length > 0) article.append(choiceList(choices, text.relatedTopics));
    const offer = element("button", { type: "button", className: "handoff-offer", textContent: text.talkToPerson });
    offer.addEventListener("click", () => {
      offer.disabled = true;
      handoffForm(question, reply.answer_id);
    });
    article.append(element("p", { textContent: text.notCovered }), offer);
  }
  // A reply in kind to "hi", or a look-up asking for a detail, answers nothing to rate.
  if (reply.answer_id && reply.status !== "clarify") article.append(feedbackControls(reply.answer_id));
  return show(article);
}

/** Topics as buttons, each asking its topic as it is written. */
function choiceList(choices: string[], label: string): HTMLUListElement {
  const list = element("ul", { className: "choices", ariaLabel: label });
  for (const choice of choices) {
    const pick = element("button", { type: "button", className: "choice", textContent: choice });
    pick.addEventListener("click", () => ask(choice, { choice: true }));
    list.append(element("li", {}, pick));
  }
  return list;
}

function showQuestion(question: string): void {
  show(element("p", { className: "question", textContent: question }));
}

/** Asks a question, or sends a choice the last reply offered (`choice`), and shows the reply. */
async function ask(question: string, { choice = false } = {}): Promise<void> {
  showQuestion(question);
  turns.push({ kind: "question", question });
  // A topic offered is a topic, whatever its name says ("人工客服").
  if (!choice && ASKS_FOR_A_PERSON.test(question)) return handoffForm(question);
  if (button) button.disabled = true;
  const waiting = show(element("p", { className: "waiting", role: "status", textContent: text.asking }));
  try {
    const reply = await streamAnswer({
      question,
      conversation_id: conversationId,
      ...(config.collection ? { collection: config.collection } : {}),
      ...(choice ? { choice: true } : {}),
    });
    showAnswer(reply, question);
    turns.push({ kind: "answer", question, reply });
  } catch (error) {
    fail(error);
  } finally {
    waiting.remove();
    if (button) button.disabled = false;
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  input.value = "";
  ask(question);
});
for (const suggestion of document.querySelectorAll<HTMLElement>("[data-suggestion]")) {
  suggestion.addEventListener("click", () => ask(suggestion.dataset.suggestion ?? ""));
}
// The page sends questions now (the input is disabled until then: see chat-views.tsx).
input.disabled = false;
byId("new-conversation", HTMLButtonElement).addEventListener("click", () => {
  conversationId = startConversation();
  turns = [];
  conversation.replaceChildren();
  input.focus();
});
keepAcrossLanguageSwitch(byId("switch-language", HTMLAnchorElement));

/**
 * The language switch loads the page in the other language: the conversation goes with it, in the
 * tab's session storage, and is shown again in the new words (its id too, so follow-ups still work).
 * Where storage is denied (some browsers, in another site's frame) the switch starts afresh, as before.
 */
function keepAcrossLanguageSwitch(link: HTMLAnchorElement): void {
  link.addEventListener("click", () => {
    try {
      sessionStorage.setItem(SWITCH_STORAGE_KEY, JSON.stringify({ language: link.lang, conversationId, turns }));
    } catch {
      // Storage denied: the page in the other language starts a new conversation.
    }
  });
  let kept: { language?: string; conversationId?: string; turns?: Turn[] } | undefined;
  try {
    kept = JSON.parse(sessionStorage.getItem(SWITCH_STORAGE_KEY) ?? "null") ?? undefined;
    sessionStorage.removeItem(SWITCH_STORAGE_KEY);
  } catch {
    return;
  }
  // Only for the page it was switched to: a later reload starts afresh, as before.
  if (kept?.language !== document.documentElement.lang || !kept.conversationId || !Array.isArray(kept.turns)) return;
  conversationId = kept.conversationId;
  turns = kept.turns;
  for (const turn of turns) {
    if (turn.kind === "question") showQuestion(turn.question);
    else if (turn.kind === "handoff") show(handoffSent(turn.ticketId, turn.contact));
    else {
      const feedback = showAnswer(turn.reply, turn.question).querySelector(".feedback");
      if (turn.rating) feedback?.replaceChildren(element("p", { textContent: text.thanks }));
    }
  }
}
