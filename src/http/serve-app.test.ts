import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp } from "../test-support/editorial-app.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { exchangeRaw } from "../test-support/raw-http.js";
import { serveApp } from "./serve-app.js";

describe("serveApp", () => {
  let store: SqliteIndexStore;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    store = new SqliteIndexStore(":memory:");
    const app = editorialApp(store, await editorialFor(store));
    server = await new Promise<Server>((resolve) => {
      const started = serveApp(app, { port: 0, hostname: "127.0.0.1" }, () => resolve(started));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });

  const send = (text: string) => exchangeRaw(port, Buffer.from(text, "latin1"), { halfClose: false });
  const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string; message: string } }).error;

  it("serves the app", async () => {
    const exchange = await send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    expect(exchange.status).toBe(200);
  });

  it.each([
    [
      "a body shorter than its chunk size says",
      "POST /v1/answer HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ],
    ["a control byte in a header", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Note: a\u0001b\r\n\r\n"],
    ["two lengths", "POST /v1/answer HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}"],
    ["no Host in HTTP/1.1", "GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n"],
    ["a Host that is not one", "GET /healthz HTTP/1.1\r\nHost: a.example/../b\r\nConnection: close\r\n\r\n"],
    ["an asterisk target", "GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"],
  ])("answers a request Node or the adapter cannot read (%s) with a JSON 400", async (_, text) => {
    const exchange = await send(text);
    expect([exchange.status, exchange.end]).toEqual([400, "closed"]);
    expect(exchange.head).toMatch(/^content-type: application\/json/im);
    expect(errorOf(exchange.body)).toEqual({ code: "malformed_request", message: expect.any(String) });
  });

  it("answers headers too large to read with a JSON 431", async () => {
    const exchange = await send(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ${"p".repeat(20_000)}\r\n\r\n`);
    expect(exchange.status).toBe(431);
    expect(errorOf(exchange.body).code).toBe("headers_too_large");
  });
});
