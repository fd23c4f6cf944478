import { createHash } from "node:crypto";

/** How a page's own inline `<script>` or `<style>` is allowed: by the hash of its exact text. */
export function inlineHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * The Content-Security-Policy of an HTML page, built once when the server starts: scripts and
 * styles from this server and the page's own inline ones (by hash, so no injected text runs), no
 * plugins, no `<base>`, forms posted here only, framed only by `frameAncestors`.
 */
export function pagePolicy(
  inline: { scripts?: string[]; styles?: string[] },
  frameAncestors: string[] = ["'none'"],
): string {
  const sources = (texts: string[] = []) => ["'self'", ...texts.map(inlineHash)].join(" ");
  return [
    "default-src 'self'",
    `script-src ${sources(inline.scripts)}`,
    `style-src ${sources(inline.styles)}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(" ")}`,
  ].join("; ");
}

/** What is not a page (JSON, CSV, files) loads nothing and is framed by no one (as secureHeaders takes it). */
export const NOT_A_PAGE_POLICY_DIRECTIVES = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};
