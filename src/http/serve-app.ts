import { createServer, type Server, STATUS_CODES } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { getRequestListener, RequestError } from "@hono/node-server";
import { HeadersTooLargeError, InvalidRequestError } from "../errors.js";
import type { App } from "./app.js";
import { errorResponse } from "./error-response.js";

/**
 * Serves the app over HTTP/1.1. Requests the app never sees get the same JSON error body as the
 * ones it refuses: a request line, Host header or framing Node's parser or the adapter cannot read
 * (rather than their bare `400` with no body).
 */
export function serveApp(
  app: App,
  options: { port: number; hostname?: string },
  onListening?: (address: AddressInfo) => void,
): Server {
  const listener = getRequestListener(app.fetch, {
    ...(options.hostname ? { hostname: options.hostname } : {}),
    // Only errors before the app runs reach here (app.onError answers the rest); anything else is a 500, logged.
    errorHandler: (error) => {
      const known =
        error instanceof RequestError
          ? new InvalidRequestError(`The request could not be read: ${error.message}.`, "malformed_request")
          : error;
      const { status, headers, body } = errorResponse(known);
      return Response.json(body, { status, headers });
    },
  });
  // HTTP/1.1 requires Host; refused here in JSON rather than by Node with a bare 400.
  const server = createServer({ requireHostHeader: false }, (incoming, outgoing) => {
    if (incoming.httpVersion !== "1.1" || incoming.headers.host) return listener(incoming, outgoing);
    const { status, body } = errorResponse(
      new InvalidRequestError("An HTTP/1.1 request needs a Host header.", "malformed_request"),
    );
    const text = JSON.stringify(body);
    outgoing
      .writeHead(status, {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(text),
        Connection: "close",
      })
      .end(text);
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => answerUnreadable(error, socket));
  server.listen(options.port, options.hostname, () => onListening?.(server.address() as AddressInfo));
  return server;
}

/**
 * Node could not parse the request: say so in JSON and close, as HTTP requires. As Node does, only
 * while no answer has begun on the connection; a reset peer gets nothing, a slow one Node's 408.
 */
function answerUnreadable(error: NodeJS.ErrnoException, socket: Socket): void {
  const inProgress = (socket as { _httpMessage?: { _headerSent?: boolean } })._httpMessage;
  const replyable = socket.writable && !inProgress?._headerSent;
  if (replyable && error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    socket.end("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n");
    return;
  }
  if (!replyable || !error.code?.startsWith("HPE_")) {
    socket.destroy();
    return;
  }
  const known =
    error.code === "HPE_HEADER_OVERFLOW"
      ? new HeadersTooLargeError()
      : new InvalidRequestError(
          `The request is not valid HTTP/1.1 (${error.code}): check its request line, headers and body framing.`,
          "malformed_request",
        );
  const { status, body } = errorResponse(known);
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Bad Request"}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
