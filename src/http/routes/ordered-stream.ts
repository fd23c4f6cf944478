import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { AppError } from "../../errors.js";
import { asAppError } from "../error-response.js";

/** Sends one Server-Sent Event: `data` as it is when a string, else as JSON. */
export type SendEvent = (data: unknown, event?: string) => void;

/**
 * A Server-Sent Events response whose events are written in the order they are sent, each write
 * waiting for the one before. `clientGone` aborts when the client goes away; any other failure is
 * given to `onError` as the AppError it is answered with, to send as the stream's last events.
 */
export function streamInOrder(
  context: Context,
  run: (send: SendEvent, clientGone: AbortSignal) => Promise<void>,
  onError: (error: AppError, send: SendEvent) => void,
): Response {
  return streamSSE(context, async (stream) => {
    const clientGone = new AbortController();
    stream.onAbort(() => clientGone.abort());
    let writing = Promise.resolve();
    const send: SendEvent = (data, event) => {
      const text = typeof data === "string" ? data : JSON.stringify(data);
      writing = writing.then(() => stream.writeSSE(event === undefined ? { data: text } : { event, data: text }));
    };
    try {
      await run(send, clientGone.signal);
    } catch (error) {
      if (clientGone.signal.aborted) return;
      onError(asAppError(error), send);
    }
    await writing;
  });
}
