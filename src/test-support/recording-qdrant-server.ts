import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are checked field by field by the tests
  body: any;
}

/**
 * Records the REST requests a Qdrant client sends and answers each with the smallest reply
 * Qdrant's API documents for it. It pins request shapes; it is not Qdrant (no search happens).
 */
export interface RecordingQdrantServer {
  url: string;
  requests: RecordedRequest[];
  /** Replies for the next requests to a path suffix ("/points/query"), in order; the last repeats. */
  reply(pathSuffix: string, ...results: unknown[]): void;
  close(): Promise<void>;
}

const DEFAULT_RESULTS: [RegExp, unknown][] = [
  [/\/exists$/, { exists: false }],
  [/\/points\/query$/, { points: [] }],
  [/\/points\/count$/, { count: 0 }],
  [/\/facet$/, { hits: [] }],
  [/\/points\/scroll$/, { points: [], next_page_offset: null }],
  [/\/points$/, []],
  [/^\/collections\/[^/]+$/, { config: { params: { vectors: {} } } }],
];

export async function startRecordingQdrantServer(port = 0): Promise<RecordingQdrantServer> {
  const requests: RecordedRequest[] = [];
  const scripted = new Map<string, unknown[]>();
  const server = http.createServer((request, response) => {
    let data = "";
    request.on("data", (chunk) => {
      data += chunk;
    });
    request.on("end", () => {
      const path = (request.url ?? "").split("?")[0] ?? "";
      requests.push({ method: request.method ?? "", path, body: data ? JSON.parse(data) : undefined });
      const suffix = [...scripted.keys()].find((key) => path.endsWith(key));
      const queue = suffix === undefined ? undefined : scripted.get(suffix);
      const result =
        queue && queue.length > 0
          ? queue.length > 1
            ? queue.shift()
            : queue[0]
          : (DEFAULT_RESULTS.find(([pattern]) => pattern.test(path))?.[1] ?? {
              operation_id: requests.length,
              status: "completed",
            });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ result, status: "ok", time: 0 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    reply: (pathSuffix, ...results) => {
      scripted.set(pathSuffix, results);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
