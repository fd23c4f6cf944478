import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { swaggerUI } from "@hono/swagger-ui";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { NotFoundError } from "../../errors.js";
import { pagePolicy } from "../content-security-policy.js";
import { newRouteGroup } from "./shared.js";

/** Our own script that starts swagger-ui, served beside its files. */
const START_SCRIPT = "start-swagger-ui.js";

/** Where the page finds swagger-ui: served from this server, for intranets that reach no CDN. */
const ASSETS_BASE = "/docs/assets";

/** The files the page loads, by name, with their type. */
const ASSET_TYPES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  [START_SCRIPT]: "text/javascript; charset=utf-8",
};

/** Starts swagger-ui on the page: a file rather than an inline script, which the page's policy would not run. */
const START_SCRIPT_TEXT = `window.onload = () => {
  window.ui = SwaggerUIBundle({ dom_id: "#swagger-ui", url: "/openapi.json" });
};
`;

/** Scripts and styles from this server only: swagger-ui styles its elements through the DOM, which CSP allows. */
const DOCS_PAGE_POLICY = pagePolicy({});

/** The routes that serve the reference itself, and so are not in it; the route-coverage test reads this. */
export const OUTSIDE_API_REFERENCE = [
  "GET /openapi.json",
  "GET /docs",
  `GET ${ASSETS_BASE}/swagger-ui-dist/:file`,
] as const;

let assets: Map<string, string> | undefined;

/** swagger-ui's files, read once from the installed swagger-ui-dist package. */
function swaggerAssets(): Map<string, string> {
  if (!assets) {
    const folder = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
    assets = new Map(
      Object.keys(ASSET_TYPES).map((name) => [
        name,
        name === START_SCRIPT ? START_SCRIPT_TEXT : readFileSync(join(folder, name), "utf8"),
      ]),
    );
  }
  return assets;
}

/** `GET /docs`: the OpenAPI document at /openapi.json, browsable, with swagger-ui served locally. */
export function docsRoutes(): OpenAPIHono {
  const files = swaggerAssets();
  const routes = newRouteGroup();
  // @hono/swagger-ui loads `${baseUrl}/swagger-ui-dist/<file>`.
  routes.get(
    "/docs",
    async (context, next) => {
      await next();
      context.header("Content-Security-Policy", DOCS_PAGE_POLICY);
    },
    swaggerUI({
      url: "/openapi.json",
      baseUrl: ASSETS_BASE,
      title: "grounded-faq API",
      // swagger-ui's own files and our start script, with no inline script.
      manuallySwaggerUIHtml: ({ css, js }) =>
        [
          '<div id="swagger-ui"></div>',
          ...css.map((url) => `<link rel="stylesheet" href="${url}" />`),
          ...[...js, `${ASSETS_BASE}/swagger-ui-dist/${START_SCRIPT}`].map((url) => `<script src="${url}"></script>`),
        ].join("\n"),
    }),
  );
  routes.get(`${ASSETS_BASE}/swagger-ui-dist/:file`, (context) => {
    const name = context.req.param("file");
    const file = files.get(name);
    if (!file) throw new NotFoundError(`No file "${name}" in the API reference.`);
    return context.body(file, 200, {
      "Content-Type": ASSET_TYPES[name] ?? "application/octet-stream",
      "Cache-Control": "public, max-age=86400",
    });
  });
  return routes;
}
