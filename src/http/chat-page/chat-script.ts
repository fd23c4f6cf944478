/**
 * The chat page's script: asks, shows answers with numbered sources, takes feedback, and offers a
 * person when the documents do not cover a question or the student asks for one. Every piece of
 * text from the server is set with textContent, never as HTML, so neither a document nor a model
 * can inject markup or script.
 */
/** Asking for a person, not a question that mentions people ("可以找人代選嗎?" is a question). */
export const ASKS_FOR_A_PERSON =
  /轉真人|找真人|真人客服|人工客服|轉人工|^\s*(真人|人工|客服)\s*[!！。]?\s*$|talk to (a )?(human|person|someone)|real person|human agent|speak (to|with) (a )?(human|person|someone)/i;

export const CHAT_SCRIPT = `
(() => {
  const text = JSON.parse(document.getElementById("chat-text").textContent);
  const config = JSON.parse(document.getElementById("chat-config").textContent);
  const conversation = document.getElementById("conversation");
  const form = document.getElementById("ask-form");
  const input = document.getElementById("question");
  const button = form.querySelector("button[type=submit]");
  const askForPerson = ${ASKS_FOR_A_PERSON};
  // One conversation per page: it lives in memory only, so what the server remembers is what the
  // student sees (and a frame without storage access still works).
  let conversationId = startConversation();

  function startConversation() {
    // randomUUID needs a secure context (https or localhost); plain http on a campus network has none.
    const random = crypto.randomUUID ? crypto.randomUUID() : Math.random().toString(36).slice(2) + Date.now().toString(36);
    const id = "c-" + random;
    return id;
  }

  function element(tag, properties, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, properties || {});
    for (const child of children) node.append(child);
    return node;
  }

  function show(node) {
    conversation.append(node);
    node.scrollIntoView({ block: "nearest" });
    return node;
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const reply = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error((reply.error && reply.error.message) || response.statusText);
    return reply;
  }

  // Streams the answer: checked text appears as it comes (a reset withdraws it), then the final
  // answer with its sources replaces it.
  async function streamAnswer(body) {
    const response = await fetch("/v1/answer", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ ...body, stream: true }),
    });
    if (!response.ok) {
      const reply = await response.json().catch(() => ({}));
      throw new Error((reply.error && reply.error.message) || response.statusText);
    }
    const draftText = element("p", { className: "answer-text" });
    const draft = show(element("article", { className: "answer streaming", ariaBusy: "true" }, draftText));
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    let final;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\\r\\n/g, "\\n");
        let boundary;
        while ((boundary = buffer.indexOf("\\n\\n")) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const event = (/^event: ?(.*)$/m.exec(block) || [])[1];
          const data = block.split("\\n").filter((line) => line.startsWith("data:")).map((line) => line.replace(/^data: ?/, "")).join("\\n");
          if (!event || !data) continue;
          const payload = JSON.parse(data);
          if (event === "delta") draftText.textContent += payload.text;
          else if (event === "reset") draftText.textContent = "";
          else if (event === "done") final = payload;
          else if (event === "error") throw new Error(payload.error.message);
        }
      }
    } finally {
      draft.remove();
    }
    if (!final) throw new Error(response.statusText || "the answer was cut off");
    return final;
  }

  function sourceLink(citation) {
    const href = /^https?:\\/\\//i.test(citation.url || "")
      ? citation.url
      : "/sources/" + encodeURIComponent(citation.chunk_id);
    const label = "[" + citation.n + "] " + citation.title +
      (citation.page ? " (" + text.page.replace("{page}", citation.page) + ")" : "");
    return element("a", { href, target: "_blank", rel: "noopener", textContent: label });
  }

  function feedbackControls(answerId) {
    const box = element("div", { className: "feedback" });
    const label = element("span", { textContent: text.helpful + " " });
    const up = element("button", { type: "button", textContent: "👍 " + text.up });
    const down = element("button", { type: "button", textContent: "👎 " + text.down });
    box.append(label, up, " ", down);
    const done = () => {
      const thanks = element("span", { role: "status", tabIndex: -1, textContent: text.thanks });
      box.replaceChildren(thanks);
      thanks.focus();
    };
    up.addEventListener("click", () => post("/v1/feedback", { answer_id: answerId, rating: "up" }).then(done, fail));
    down.addEventListener("click", () => {
      const comment = element("textarea", { id: "comment-" + answerId, rows: 2 });
      const commentLabel = element("label", { htmlFor: comment.id, textContent: text.commentLabel });
      const send = element("button", { type: "button", textContent: text.sendFeedback });
      send.addEventListener("click", () =>
        post("/v1/feedback", { answer_id: answerId, rating: "down", comment: comment.value || undefined }).then(done, fail),
      );
      box.replaceChildren(commentLabel, comment, send);
      comment.focus();
    });
    return box;
  }

  function handoffForm(message, answerId) {
    const id = (name) => name + "-" + Math.random().toString(36).slice(2);
    const fields = [
      ["name", text.nameLabel, "input", ""],
      ["contact", text.contactLabel, "input", ""],
      ["message", text.messageLabel, "textarea", message],
    ].map(([name, label, tag, value]) => {
      const control = element(tag, { id: id(name), name, value });
      return [element("label", { htmlFor: control.id, textContent: label }), control];
    });
    const formNode = element("form", { className: "handoff", ariaLabel: text.handoffTitle },
      element("h2", { textContent: text.handoffTitle }), ...fields.flat(),
      element("button", { type: "submit", textContent: text.sendHandoff }));
    formNode.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(formNode));
      const body = { conversation_id: conversationId, collection: config.collection || undefined };
      for (const key of ["name", "contact", "message"]) if (data[key].trim()) body[key] = data[key].trim();
      if (answerId) body.answer_id = answerId;
      try {
        const ticket = await post("/v1/handoffs", body);
        const sent = element("p", { className: "notice", role: "status", tabIndex: -1,
          textContent: text.handoffSent.replace("{id}", ticket.id.slice(0, 8)) });
        formNode.replaceWith(show(sent));
        sent.focus();
      } catch (error) { fail(error); }
    });
    show(formNode);
    fields[0][1].focus();
  }

  function fail(error) {
    show(element("p", { className: "error", role: "alert", textContent: text.error + error.message }));
  }

  function showAnswer(reply, question) {
    const article = element("article", { className: "answer " + reply.status });
    article.append(element("p", { className: "answer-text", textContent: reply.answer }));
    if (reply.citations.length > 0) {
      const list = element("ol", { className: "sources", ariaLabel: text.sources });
      for (const citation of reply.citations) list.append(element("li", {}, sourceLink(citation)));
      article.append(element("h3", { textContent: text.sources }), list);
    }
    if (reply.status === "abstained") {
      const offer = element("button", { type: "button", className: "handoff-offer", textContent: text.talkToPerson });
      offer.addEventListener("click", () => { offer.disabled = true; handoffForm(question, reply.answer_id); });
      article.append(element("p", { textContent: text.notCovered }), offer);
    }
    if (reply.answer_id) article.append(feedbackControls(reply.answer_id));
    show(article);
  }

  async function ask(question) {
    show(element("p", { className: "question", textContent: question }));
    if (askForPerson.test(question)) return handoffForm(question);
    button.disabled = true;
    const waiting = show(element("p", { className: "waiting", role: "status", textContent: text.asking }));
    try {
      showAnswer(await streamAnswer({
        question,
        conversation_id: conversationId,
        ...(config.collection ? { collection: config.collection } : {}),
      }), question);
    } catch (error) {
      fail(error);
    } finally {
      waiting.remove();
      button.disabled = false;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const question = input.value.trim();
    if (!question) return;
    input.value = "";
    ask(question);
  });
  for (const suggestion of document.querySelectorAll("[data-suggestion]")) {
    suggestion.addEventListener("click", () => ask(suggestion.dataset.suggestion));
  }
  document.getElementById("new-conversation").addEventListener("click", () => {
    conversationId = startConversation();
    conversation.replaceChildren();
    input.focus();
  });
})();
`;

/**
 * The widget: one script tag on any page adds a chat button that opens the chat page in a frame,
 * for the collection named by `data-collection`.
 */
export const WIDGET_SCRIPT = `
(() => {
  const script = document.currentScript;
  const origin = new URL(script.src).origin;
  const params = new URLSearchParams({ embed: "1" });
  if (script.dataset.collection) params.set("collection", script.dataset.collection);
  if (script.dataset.lang) params.set("lang", script.dataset.lang);
  const frame = document.createElement("iframe");
  frame.src = origin + "/?" + params;
  frame.title = script.dataset.title || "Help desk chat";
  frame.hidden = true;
  frame.style.cssText = "position:fixed;right:1rem;bottom:5rem;width:min(24rem,calc(100vw - 2rem));height:min(36rem,calc(100vh - 7rem));border:1px solid #888;border-radius:.5rem;background:#fff;z-index:2147483646;box-shadow:0 .5rem 2rem rgba(0,0,0,.25)";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "?";
  button.setAttribute("aria-label", frame.title);
  button.setAttribute("aria-expanded", "false");
  button.style.cssText = "position:fixed;right:1rem;bottom:1rem;width:3.5rem;height:3.5rem;border-radius:50%;border:0;background:#12355b;color:#fff;font-size:1.5rem;cursor:pointer;z-index:2147483647";
  button.addEventListener("click", () => {
    frame.hidden = !frame.hidden;
    button.setAttribute("aria-expanded", String(!frame.hidden));
  });
  button.addEventListener("click", () => {
    if (!frame.hidden) frame.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !frame.hidden) {
      frame.hidden = true;
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
  });
  // The tag may sit in <head>, before there is a body to add the button to.
  const mount = () => document.body.append(frame, button);
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
`;
