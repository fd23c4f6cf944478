/**
 * The widget: one script tag on any page adds a chat button that opens the chat page in a frame,
 * for the collection named by `data-collection`. It asks the service first whether the chat can
 * open here: a site missing from ALLOWED_ORIGINS, or an unknown collection, is explained in the
 * panel instead of a frame the browser would leave blank.
 */
import type { WidgetCheck } from "../widget-check.js";

// Read while the tag runs: currentScript is null once the script has finished.
const script = document.currentScript;
if (!(script instanceof HTMLScriptElement)) throw new Error("The chat widget must be loaded by a <script> tag.");
const origin = new URL(script.src).origin;
const collection = script.dataset.collection;
const params = new URLSearchParams({ embed: "1" });
if (collection) params.set("collection", collection);
if (script.dataset.lang) params.set("lang", script.dataset.lang);
const PANEL_STYLE =
  "position:fixed;right:1rem;bottom:5rem;width:min(24rem,calc(100vw - 2rem));height:min(36rem,calc(100vh - 7rem));border:1px solid #888;border-radius:.5rem;background:#fff;z-index:2147483646;box-shadow:0 .5rem 2rem rgba(0,0,0,.25)";
// A signed-in student's token from the portal, handed to the chat by message once it has loaded;
// `data-token-callback` names the portal's function that gives a fresh one when it expires.
const userToken = script.dataset.userToken;
const tokenCallback = script.dataset.tokenCallback;
const frame = document.createElement("iframe");
frame.title = script.dataset.title || "Help desk chat";
frame.hidden = true;
frame.style.cssText = PANEL_STYLE;
// What the button opens: the frame, or the explanation of why the chat cannot open here.
let panel: HTMLElement = frame;
const button = document.createElement("button");
button.type = "button";
button.textContent = "?";
button.setAttribute("aria-label", frame.title);
button.setAttribute("aria-expanded", "false");
button.style.cssText =
  "position:fixed;right:1rem;bottom:1rem;width:3.5rem;height:3.5rem;border-radius:50%;border:0;background:#12355b;color:#fff;font-size:1.5rem;cursor:pointer;z-index:2147483647";

const checked = checkSetup();
button.addEventListener("click", async () => {
  await checked;
  panel.hidden = !panel.hidden;
  button.setAttribute("aria-expanded", String(!panel.hidden));
  if (!panel.hidden) panel.focus();
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !panel.hidden) {
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }
});
frame.addEventListener("load", () => {
  if (userToken) handOverToken(userToken);
});
window.addEventListener("message", async (event) => {
  if (event.source !== frame.contentWindow || event.origin !== origin) return;
  if ((event.data as { type?: unknown } | null)?.type !== "grounded-faq:token-expired") return;
  const give = tokenCallback ? (window as unknown as Record<string, unknown>)[tokenCallback] : undefined;
  let token = "";
  try {
    if (typeof give === "function") token = String((await give()) ?? "");
  } catch (error) {
    console.warn("The help desk chat could not get a fresh sign-in token:", error);
  }
  handOverToken(token);
});

function handOverToken(token: string): void {
  frame.contentWindow?.postMessage({ type: "grounded-faq:user-token", token }, origin);
}

// The tag may sit in <head>, before there is a body to add the button to.
const mount = () => document.body.append(panel, button);
if (document.body) mount();
else document.addEventListener("DOMContentLoaded", mount);

/**
 * Loads the chat in the frame once the service says it can open here; else puts the explanation in
 * its place (and in the console, for whoever is setting the widget up). A service that cannot be
 * asked gets the frame, as before the check existed.
 */
async function checkSetup(): Promise<void> {
  const query = new URLSearchParams(collection ? { collection } : {});
  let problem: string | undefined;
  try {
    // A click waits for this answer: a service that is slow to give it gets the frame after 5 s.
    const response = await fetch(`${origin}/widget/check?${query}`, { signal: AbortSignal.timeout(5000) });
    if (response.ok) problem = setupProblem((await response.json()) as WidgetCheck);
  } catch (error) {
    console.warn("The help desk chat could not check its setup:", error);
  }
  if (!problem) {
    frame.src = `${origin}/?${params}`;
    return;
  }
  console.error(problem);
  const notice = document.createElement("div");
  notice.setAttribute("role", "alert");
  notice.tabIndex = -1;
  notice.textContent = problem;
  notice.hidden = frame.hidden;
  notice.style.cssText = `${PANEL_STYLE};height:auto;padding:1rem;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b`;
  frame.replaceWith(notice);
  panel = notice;
}

/** Why the chat cannot open on this page, in the page's language (Chinese or English), if it cannot. */
function setupProblem(check: WidgetCheck): string | undefined {
  const chinese = /^zh\b/i.test(script?.dataset.lang || document.documentElement.lang || navigator.language);
  const here = location.origin;
  if (!check.origin_allowed && here === "null") {
    return chinese
      ? "問答小幫手無法在以檔案開啟的網頁中使用：請用網頁伺服器提供這個網頁（例如 http://localhost:8080），並把該網址加入服務的 ALLOWED_ORIGINS。"
      : "The help desk chat cannot open in a page opened as a file: serve the page from a web server (for example http://localhost:8080) and add that address to the service's ALLOWED_ORIGINS.";
  }
  if (!check.origin_allowed) {
    return chinese
      ? `問答小幫手無法在這個網站開啟：${here} 不在服務的 ALLOWED_ORIGINS 中。請服務的管理者把它加入（例如 ALLOWED_ORIGINS=${here}）。`
      : `The help desk chat cannot open on this site: ${here} is not in the service's ALLOWED_ORIGINS. Its operator can add it (for example ALLOWED_ORIGINS=${here}).`;
  }
  if (!check.collection_known) {
    const known = check.collections.join(", ");
    return chinese
      ? `問答小幫手的 data-collection「${collection}」不存在（現有：${known}），所以不會回答。請檢查 widget 的 script 標籤。`
      : `The help desk chat's data-collection "${collection}" does not exist (there are: ${known}), so it will not answer. Check the widget's script tag.`;
  }
  return undefined;
}
