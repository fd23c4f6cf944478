import fc from "fast-check";

/**
 * Generated HTTP/1.1 messages whose framing is wrong in ways `fetch` cannot send: bodies shorter or
 * longer than their Content-Length, chunked bodies (well formed, truncated, with a bad size),
 * contradictory lengths, header bytes HTTP forbids, a header too large to read. For the part of
 * the fuzz test that runs over a real server.
 */

const FRAMINGS = [
  "content-length",
  "content-length too long, then half-closed",
  "content-length too short",
  "chunked",
  "chunked, truncated, then half-closed",
  "chunked with a bad size",
  "content-length and chunked",
  "two content-lengths",
  "negative content-length",
  "control byte in a header",
  "header without a colon",
  "bare LF line endings",
  "expect 100-continue",
  "oversized header",
  "HTTP/1.0 without Host",
  "NUL in the path",
  "absolute-form target",
  "asterisk-form target",
  "target without a slash",
  "raw UTF-8 in the path",
  "invalid UTF-8 in the path",
  "odd Host",
  "Host with a path",
  "no Host",
  "GET with a body",
] as const;
export type Framing = (typeof FRAMINGS)[number];

export interface FramedRequest {
  method: string;
  path: string;
  framing: Framing;
  /** Whether the client half-closes after writing: the body it announced never comes. */
  halfClose: boolean;
  bytes: Buffer;
}

/** A route as the raw part sends it; `key` is the API key to send, if any. */
export interface RawRoute {
  method: string;
  path: string;
  contentType: string;
  body: string;
  key?: string;
}

function chunked(body: string): string {
  const data = Buffer.from(body);
  return `${data.length.toString(16)}\r\n${data.toString("latin1")}\r\n0\r\n\r\n`;
}

/** One framing of one route's request, as bytes. */
export function frame(route: RawRoute, framing: Framing, cut: number): FramedRequest {
  const body = Buffer.from(route.body).toString("latin1");
  const length = Buffer.byteLength(route.body);
  const start = (path = route.path, version = "HTTP/1.1") => `${route.method} ${path} ${version}\r\n`;
  const common = [
    "Host: 127.0.0.1",
    "Connection: close",
    `Content-Type: ${route.contentType}`,
    "Origin: http://127.0.0.1",
    ...(route.key ? [`Authorization: Bearer ${route.key}`] : []),
  ];
  const message = (lines: string[], payload: string, line = start()) =>
    `${line}${[...common, ...lines].join("\r\n")}\r\n\r\n${payload}`;
  const shorter = cut % Math.max(length, 1);
  const texts: Record<Framing, string> = {
    "content-length": message([`Content-Length: ${length}`], body),
    "content-length too long, then half-closed": message([`Content-Length: ${length + 1 + (cut % 1000)}`], body),
    "content-length too short": message([`Content-Length: ${shorter}`], body),
    chunked: message(["Transfer-Encoding: chunked"], chunked(route.body)),
    "chunked, truncated, then half-closed": message(
      ["Transfer-Encoding: chunked"],
      chunked(route.body).slice(0, cut % Math.max(chunked(route.body).length - 1, 1)),
    ),
    "chunked with a bad size": message(["Transfer-Encoding: chunked"], `zz\r\n${body}\r\n0\r\n\r\n`),
    "content-length and chunked": message(
      [`Content-Length: ${length}`, "Transfer-Encoding: chunked"],
      chunked(route.body),
    ),
    "two content-lengths": message([`Content-Length: ${length}`, `Content-Length: ${length + 5}`], body),
    "negative content-length": message(["Content-Length: -1"], body),
    "control byte in a header": message([`Content-Length: ${length}`, "X-Note: a\u0001b"], body),
    "header without a colon": message([`Content-Length: ${length}`, "this is not a header"], body),
    "bare LF line endings": message([`Content-Length: ${length}`], body).replace(/\r\n/g, "\n"),
    "expect 100-continue": message([`Content-Length: ${length}`, "Expect: 100-continue"], body),
    "oversized header": message(
      [`Content-Length: ${length}`, `X-Padding: ${"p".repeat(20_000 + (cut % 20_000))}`],
      body,
    ),
    "HTTP/1.0 without Host": message([`Content-Length: ${length}`], body, start(route.path, "HTTP/1.0")).replace(
      "Host: 127.0.0.1\r\n",
      "",
    ),
    "NUL in the path": message([`Content-Length: ${length}`], body, start(`${route.path}\u0000x`)),
    "absolute-form target": message([`Content-Length: ${length}`], body, start(`http://evil.example${route.path}`)),
    "asterisk-form target": message([`Content-Length: ${length}`], body, start("*")),
    "target without a slash": message([`Content-Length: ${length}`], body, start(route.path.slice(1))),
    // latin1 text: each character one byte, so these are the raw bytes of 宿舍 and a lone continuation byte.
    "raw UTF-8 in the path": message(
      [`Content-Length: ${length}`],
      body,
      start(`${route.path}/\xe5\xae\xbf\xe8\x88\x8d`),
    ),
    "invalid UTF-8 in the path": message([`Content-Length: ${length}`], body, start(`${route.path}/\xff\x80`)),
    "odd Host": message([`Content-Length: ${length}`], body).replace("Host: 127.0.0.1", "Host: [::1"),
    "Host with a path": message([`Content-Length: ${length}`], body).replace(
      "Host: 127.0.0.1",
      "Host: a.example/../b?c#d",
    ),
    "no Host": message([`Content-Length: ${length}`], body).replace("Host: 127.0.0.1\r\n", ""),
    "GET with a body": message([`Content-Length: ${length}`], body, `GET ${route.path} HTTP/1.1\r\n`),
  };
  return {
    method: route.method,
    path: route.path,
    framing,
    halfClose: framing.endsWith("half-closed"),
    bytes: Buffer.from(texts[framing], "latin1"),
  };
}

/** A route and a framing, chosen at random; `cut` says where a truncation falls. */
export function framedRequest(routes: RawRoute[]): fc.Arbitrary<FramedRequest> {
  return fc
    .record({ route: fc.constantFrom(...routes), framing: fc.constantFrom(...FRAMINGS), cut: fc.nat() })
    .map(({ route, framing, cut }) => frame(route, framing, cut));
}
