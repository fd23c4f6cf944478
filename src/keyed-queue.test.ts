import { describe, expect, it } from "vitest";
import { KeyedQueue } from "./keyed-queue.js";

describe("KeyedQueue", () => {
  it("runs one key's tasks one after another, and other keys' at once", async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      queue.run("a", task("a1", 20)),
      queue.run("a", task("a2", 1)),
      queue.run("b", task("b1", 1)),
    ]);
    expect(results).toEqual(["a1", "a2", "b1"]);
    expect(events.indexOf("a2 start")).toBeGreaterThan(events.indexOf("a1 end"));
    expect(events.indexOf("b1 end")).toBeLessThan(events.indexOf("a1 end"));
  });

  it("does not fail a task because the one before it failed", async () => {
    const queue = new KeyedQueue();
    const failed = queue.run("a", async () => {
      throw new Error("disk full");
    });
    const next = queue.run("a", async () => "kept");
    await expect(failed).rejects.toThrow("disk full");
    await expect(next).resolves.toBe("kept");
  });
});
