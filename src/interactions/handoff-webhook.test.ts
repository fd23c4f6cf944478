import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { deliverHandoff } from "./handoff-webhook.js";

/** A webhook on 127.0.0.1 answering with the given statuses in turn (the last repeats). */
async function startReceiver(statuses: number[]) {
  let received = 0;
  const server = http.createServer((request, response) => {
    request.resume().on("end", () => {
      received++;
      response.writeHead(statuses[Math.min(received - 1, statuses.length - 1)] ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    settings: {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tickets`,
      secret: "secret",
      firstDelayMs: 0,
      timeoutMs: 2000,
    },
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("deliverHandoff", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  afterEach(() => receiver.close());

  it("tries a server error and a rate limit again, and reports each attempt", async () => {
    receiver = await startReceiver([503, 429, 200]);
    const attempts: number[] = [];
    const result = await deliverHandoff({ id: "t1" }, { ...receiver.settings, attempts: 5 }, (attempt) =>
      attempts.push(attempt),
    );
    expect(result).toEqual({ delivered: true, attempts: 3 });
    expect(attempts).toEqual([1, 2, 3]);
  });

  it("does not try a refused ticket again", async () => {
    receiver = await startReceiver([400]);
    expect(await deliverHandoff({ id: "t1" }, { ...receiver.settings, attempts: 5 })).toEqual({
      delivered: false,
      attempts: 1,
    });
    expect(receiver.received()).toBe(1);
  });

  it("gives up after the last attempt, and on a webhook that cannot be reached", async () => {
    receiver = await startReceiver([500]);
    expect(await deliverHandoff({ id: "t1" }, { ...receiver.settings, attempts: 3 })).toEqual({
      delivered: false,
      attempts: 3,
    });
    const unreachable = { ...receiver.settings, url: "http://127.0.0.1:1/tickets", attempts: 2 };
    expect(await deliverHandoff({ id: "t2" }, unreachable)).toEqual({ delivered: false, attempts: 2 });
  });
});
