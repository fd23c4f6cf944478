import { describe, expect, it } from "vitest";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp } from "../test-support/editorial-app.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { OUTSIDE_API_REFERENCE } from "./routes/docs-routes.js";

// biome-ignore lint/suspicious/noExplicitAny: the document is checked field by field by the assertions
type OpenApiDocument = { paths: Record<string, any> };

const store = new SqliteIndexStore(":memory:");
const app = editorialApp(store, await editorialFor(store));

describe("the API reference", () => {
  it("documents every registered route in /openapi.json", async () => {
    const { paths } = (await (await app.request("/openapi.json")).json()) as OpenApiDocument;
    const outside = new Set<string>(OUTSIDE_API_REFERENCE);
    const routes = app.routes
      // Middleware is registered for ALL methods; HEAD is answered by the GET route.
      .filter((route) => route.method !== "ALL" && route.method !== "HEAD")
      .map((route) => `${route.method} ${route.path}`)
      .filter((route) => !outside.has(route));
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes.filter((route) => {
      const [method = "", path = ""] = route.split(" ");
      // Hono's `:id{.+}` is OpenAPI's `{id}`.
      const openApiPath = path.replace(/:(\w+)(\{[^/]*?\})?/g, "{$1}");
      return paths[openApiPath]?.[method.toLowerCase()] === undefined;
    });
    expect(missing).toEqual([]);
  });

  it("describes uploads as multipart/form-data and pages as HTML", async () => {
    const { paths } = (await (await app.request("/openapi.json")).json()) as OpenApiDocument;
    expect(Object.keys(paths["/v1/documents"].post.requestBody.content)).toEqual([
      "multipart/form-data",
      "application/json",
    ]);
    expect(paths["/v1/documents"].post.requestBody.content["multipart/form-data"].schema).toMatchObject({
      $ref: "#/components/schemas/DocumentUpload",
    });
    expect(Object.keys(paths["/"].get.responses["200"].content)).toEqual(["text/html"]);
    expect(Object.keys(paths["/widget.js"].get.responses["200"].content)).toEqual(["text/javascript"]);
  });

  it("serves a browsable reference at /docs with swagger-ui from this server, not a CDN", async () => {
    const page = await app.request("/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(assets).toEqual([
      "/docs/assets/swagger-ui-dist/swagger-ui.css",
      "/docs/assets/swagger-ui-dist/swagger-ui-bundle.js",
      "/docs/assets/swagger-ui-dist/start-swagger-ui.js",
    ]);
    const [css = "", bundle = "", start = ""] = await Promise.all(
      assets.map(async (asset) => {
        const response = await app.request(asset);
        expect(response.status).toBe(200);
        return response.text();
      }),
    );
    expect(css.length + bundle.length).toBeGreaterThan(100_000);
    expect(start).toContain("/openapi.json");
    // No inline script: the page's policy runs this server's files only.
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self';");
    expect((await app.request("/docs/assets/swagger-ui-dist/../package.json")).status).toBe(404);
  });
});
