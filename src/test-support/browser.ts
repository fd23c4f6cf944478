import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Browser, chromium, type Locator } from "playwright-core";

/** Debian's chromium, installed by .ci/run; no browser is downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const violationsOf = new WeakMap<Browser, string[]>();

/**
 * A browser whose pages (`browser.newPage()`) have what their Content-Security-Policy refused
 * recorded, from every frame, for `policyViolations`.
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No browser at ${CHROMIUM}: sudo apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  const violations: string[] = [];
  violationsOf.set(browser, violations);
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
        violations.push(`${page.url()}: ${message.text()}`);
      }
    });
    return page;
  };
  return browser;
}

/** What the Content-Security-Policy of the pages `browser` opened refused: none, when they work as written. */
export function policyViolations(browser: Browser): string[] {
  return violationsOf.get(browser) ?? [];
}

/** Serves an app on a free port of `hostname`, for a browser to open. */
export async function serveApp(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  hostname: string,
): Promise<{ url: string; close: () => void }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname });
  await new Promise((resolve) => server.once("listening", resolve));
  return { url: `http://${hostname}:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/**
 * Types into a field of another site's frame as a person would, clicking it first. A fill alone
 * could send its text before Chromium had moved the keyboard into the frame's process: the text
 * was lost and the Enter after it too (seen about once in ten runs).
 */
export async function typeInFrame(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.fill(text);
}
