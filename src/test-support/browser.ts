import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Browser, chromium, type FrameLocator } from "playwright-core";

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
 * Asks a question in the chat page inside another site's frame, as a person would: a click on the
 * box, the text, a click on the send button. Keys go to whichever frame Chromium has given the
 * keyboard, and under load that can stay the page around the frame however often the box is
 * clicked: the text never arrived in about one run in ten. Then it is put in the box as typing
 * would have left it. Clicks go where they point, so the question is sent by the button.
 */
export async function askInFrame(frame: FrameLocator, text: string): Promise<void> {
  const field = frame.locator("#question");
  await field.click();
  await field.fill(text);
  if ((await field.inputValue()) !== text) {
    await field.evaluate((box, typed) => {
      Object.assign(box, { value: typed });
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
  }
  await frame.locator("#ask-form [type=submit]").click();
}
