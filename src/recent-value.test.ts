import { describe, expect, it } from "vitest";
import { RecentValue } from "./recent-value.js";

describe("RecentValue", () => {
  it("reads once for callers that arrive together, and keeps the value until it is old or forgotten", async () => {
    let reads = 0;
    const read = async () => ++reads;
    const recent = new RecentValue<number>(60_000);
    expect(await Promise.all([recent.get(read), recent.get(read)])).toEqual([1, 1]);
    expect(await recent.get(read)).toBe(1);
    recent.forget();
    expect(await recent.get(read)).toBe(2);
    const brief = new RecentValue<number>(1);
    await brief.get(read);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await brief.get(read)).toBe(4);
  });

  it("keeps an undefined value, but not a failed read", async () => {
    const recent = new RecentValue<string | undefined>(60_000);
    await expect(recent.get(() => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await recent.get(async () => undefined)).toBeUndefined();
    expect(await recent.get(async () => "read again")).toBeUndefined();
  });

  it("gives waiting callers the read under way when it is forgotten, and reads again after", async () => {
    const recent = new RecentValue<string>(60_000);
    let finish: (value: string) => void = () => {};
    const waiting = recent.get(() => new Promise((resolve) => (finish = resolve)));
    recent.forget();
    finish("old");
    expect(await waiting).toBe("old");
    expect(await recent.get(async () => "new")).toBe("new");
  });
});
