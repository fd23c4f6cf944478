import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

/**
 * The pages' browser scripts: TypeScript entries in a browser/ folder beside each page's module,
 * type-checked by tsconfig.browser.json. They are resolved from this module and bundled from the
 * .ts sources: `npm run build` copies each page's browser/ folder beside the compiled page modules
 * in dist/, where the browser files' relative imports find the modules they use.
 */
const ENTRIES = {
  /** The students' chat page. */
  chat: new URL("../chat-page/browser/chat.ts", import.meta.url),
  /** The script tag other sites add to offer the chat. */
  widget: new URL("../chat-page/browser/widget.ts", import.meta.url),
  /** The editors' uploads. */
  upload: new URL("../editor-page/browser/upload.ts", import.meta.url),
  /** The editors' "are you sure?" before deleting. */
  confirm: new URL("../editor-page/browser/confirm.ts", import.meta.url),
};

/**
 * Each entry bundled with what it imports into one classic script (no imports left), for pages to
 * inline or serve. One esbuild run for all of them, and esbuild's process is stopped afterwards so
 * that the server does not keep it.
 */
export async function bundleBrowserScripts<Name extends string>(
  entries: Record<Name, URL>,
): Promise<Record<Name, string>> {
  const entryPoints = Object.entries<URL>(entries).map(([name, url]) => {
    const source = fileURLToPath(url);
    if (!existsSync(source)) {
      throw new Error(`No browser script at ${source}: ship the browser/ sources beside the page modules.`);
    }
    return { in: source, out: name };
  });
  try {
    const { outputFiles } = await esbuild.build({
      entryPoints,
      outdir: "browser-scripts", // names the outputs: nothing is written
      write: false,
      bundle: true,
      format: "iife",
      platform: "browser",
      target: "es2019",
      // The settings of tsconfig.browser.json that change the output, given here so that no
      // tsconfig file is read at start-up (the nearest one on disk is the server's).
      tsconfigRaw: { compilerOptions: { strict: true, verbatimModuleSyntax: true } },
      logLevel: "silent",
    });
    const scripts = Object.fromEntries(outputFiles.map((file) => [path.basename(file.path, ".js"), file.text]));
    for (const [name, script] of Object.entries(scripts)) {
      // Pages inline these scripts as raw HTML: text that closes the tag would end the script there.
      if (/<\/script/i.test(script)) throw new Error(`The browser script "${name}" contains "</script".`);
    }
    return scripts as Record<Name, string>;
  } finally {
    await esbuild.stop();
  }
}

/** Bundled once, when the server starts (0.1–0.2 s), and kept; never per request. */
export const BROWSER_SCRIPTS = await bundleBrowserScripts(ENTRIES);
