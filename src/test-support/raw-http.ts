import net from "node:net";

/** How a raw exchange ended: the server closed the connection, reset it, or kept silent too long. */
export type ExchangeEnd = "closed" | "reset" | "silent";

export interface RawExchange {
  /** Everything the server sent, as latin1 text. */
  received: string;
  end: ExchangeEnd;
  /** The status of the first response, when there was one. */
  status?: number;
  /** Its header lines and its body (de-chunked), after any interim `100 Continue`. */
  head: string;
  body: string;
}

/** The head and body of the first final response in `received`. */
function responseParts(received: string): { head: string; body: string } {
  const response = received.replace(/^HTTP\/1\.1 100 [^\r\n]*\r\n\r\n/, "");
  const split = response.indexOf("\r\n\r\n");
  if (split === -1) return { head: response, body: "" };
  const head = response.slice(0, split);
  let body = response.slice(split + 4);
  if (/^transfer-encoding:\s*chunked/im.test(head)) {
    let decoded = "";
    for (let size = Number.parseInt(body, 16); size > 0; size = Number.parseInt(body, 16)) {
      const start = body.indexOf("\r\n") + 2;
      decoded += body.slice(start, start + size);
      body = body.slice(start + size + 2);
    }
    body = decoded;
  }
  return { head, body: Buffer.from(body, "latin1").toString("utf8") };
}

/**
 * Writes `bytes` to a new connection as they are (no client library to tidy them up), optionally
 * half-closes it, and reads until the server closes it. A server that says nothing for
 * `silenceMs` is given up on: the caller decides whether waiting was right.
 */
export function exchangeRaw(
  port: number,
  bytes: Buffer,
  options: { halfClose: boolean; silenceMs?: number },
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = net.connect({ port, host: "127.0.0.1", allowHalfOpen: true });
    const finish = (end: ExchangeEnd) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const received = Buffer.concat(chunks).toString("latin1");
      const { head, body } = responseParts(received);
      const status = head.match(/^HTTP\/1\.[01] (\d{3})/)?.[1];
      resolve({ received, end, head, body, ...(status ? { status: Number(status) } : {}) });
    };
    socket.setTimeout(options.silenceMs ?? 10_000, () => finish("silent"));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => finish("closed"));
    socket.on("close", () => finish("closed"));
    socket.on("error", (error: NodeJS.ErrnoException) => finish(error.code === "ECONNRESET" ? "reset" : "closed"));
    socket.write(bytes, () => {
      if (options.halfClose) socket.end();
    });
  });
}
