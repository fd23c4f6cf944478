/**
 * Forms marked `data-confirm` ask before they are sent. A script of the page's own, because the
 * page's Content-Security-Policy runs no inline event handlers.
 */
for (const form of Array.from(document.querySelectorAll<HTMLFormElement>("form[data-confirm]"))) {
  form.addEventListener("submit", (event) => {
    if (!window.confirm(form.dataset.confirm ?? "")) event.preventDefault();
  });
}
