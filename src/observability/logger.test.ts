import { describe, expect, it } from "vitest";
import { createLogger, eventLogOf } from "./logger.js";
import { runWithRequestLogger } from "./request-context.js";

function capturingLogger(level: Parameters<typeof createLogger>[0]["level"]) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
  return { logger, lines };
}

describe("createLogger", () => {
  it("writes JSON lines at its level and above, naming the level and the time", () => {
    const { logger, lines } = capturingLogger("warn");
    logger.info({ event: "routine" });
    logger.warn({ event: "unusual" });
    logger.error({ event: "broken" });
    expect(lines.map((line) => [line.level, line.event])).toEqual([
      ["warn", "unusual"],
      ["error", "broken"],
    ]);
    expect(lines[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("writes nothing when silent, and debug lines only when asked", () => {
    const silent = capturingLogger("silent");
    silent.logger.fatal({ event: "anything" });
    expect(silent.lines).toEqual([]);
    const debug = capturingLogger("debug");
    debug.logger.debug({ event: "probe" });
    debug.logger.trace({ event: "detail" });
    expect(debug.lines.map((line) => line.event)).toEqual(["probe"]);
  });

  it("puts an error's type, message and stack inside the line", () => {
    const { logger, lines } = capturingLogger("info");
    logger.error({ event: "internal_error", err: new TypeError("no such thing") });
    expect(lines[0]?.err).toMatchObject({
      type: "TypeError",
      message: "no such thing",
      stack: expect.stringContaining("logger.test.ts"),
    });
  });
});

describe("eventLogOf", () => {
  it("keeps the event name operators grep for, at info, or error for a failed hand-off", () => {
    const { logger, lines } = capturingLogger("info");
    const log = eventLogOf(logger);
    log("answer", { status: "answered", latency_ms: 3 });
    log("handoff_delivery_error", { ticket: "t1", reason: "refused" });
    expect(lines).toEqual([
      expect.objectContaining({ level: "info", event: "answer", status: "answered", latency_ms: 3 }),
      expect.objectContaining({ level: "error", event: "handoff_delivery_error", ticket: "t1" }),
    ]);
  });

  it("writes through the request's logger while a request is handled, so the line has its request_id", async () => {
    const { logger, lines } = capturingLogger("info");
    const log = eventLogOf(logger);
    await runWithRequestLogger(logger.child({ request_id: "r-1" }), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log("answer", { status: "answered" });
    });
    log("synced", { added: 1 });
    expect(lines.map((line) => [line.event, line.request_id])).toEqual([
      ["answer", "r-1"],
      ["synced", undefined],
    ]);
  });
});
