import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Browser, chromium } from "playwright-core";

/** Debian's chromium, installed by .ci/run; no browser is downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No browser at ${CHROMIUM}: sudo apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
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
