/**
 * The widget: one script tag on any page adds a chat button that opens the chat page in a frame,
 * for the collection named by `data-collection`.
 */

// Read while the tag runs: currentScript is null once the script has finished.
const script = document.currentScript;
if (!(script instanceof HTMLScriptElement)) throw new Error("The chat widget must be loaded by a <script> tag.");
const origin = new URL(script.src).origin;
const params = new URLSearchParams({ embed: "1" });
if (script.dataset.collection) params.set("collection", script.dataset.collection);
if (script.dataset.lang) params.set("lang", script.dataset.lang);
const frame = document.createElement("iframe");
frame.src = `${origin}/?${params}`;
frame.title = script.dataset.title || "Help desk chat";
frame.hidden = true;
frame.style.cssText =
  "position:fixed;right:1rem;bottom:5rem;width:min(24rem,calc(100vw - 2rem));height:min(36rem,calc(100vh - 7rem));border:1px solid #888;border-radius:.5rem;background:#fff;z-index:2147483646;box-shadow:0 .5rem 2rem rgba(0,0,0,.25)";
const button = document.createElement("button");
button.type = "button";
button.textContent = "?";
button.setAttribute("aria-label", frame.title);
button.setAttribute("aria-expanded", "false");
button.style.cssText =
  "position:fixed;right:1rem;bottom:1rem;width:3.5rem;height:3.5rem;border-radius:50%;border:0;background:#12355b;color:#fff;font-size:1.5rem;cursor:pointer;z-index:2147483647";
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
