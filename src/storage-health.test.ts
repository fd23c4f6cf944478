import { describe, expect, it } from "vitest";
import { watchStorage } from "./storage-health.js";

const MB = 1024 * 1024;

describe("watchStorage", () => {
  it("reports full when free space under the folder is below the threshold", async () => {
    let free = 10 * MB;
    const storage = watchStorage("/data", { minFreeBytes: 50 * MB, freeBytes: async () => free });
    expect(await storage.state()).toBe("full");
    free = 500 * MB;
    expect(await storage.state()).toBe("ok");
  });

  it("reports full for a minute after a write failed for lack of space, even with free space measured", async () => {
    let now = 0;
    const storage = watchStorage("/data", { minFreeBytes: 50 * MB, now: () => now, freeBytes: async () => 500 * MB });
    storage.recordFull();
    now = 50_000;
    expect(await storage.state()).toBe("full");
    now = 70_000;
    expect(await storage.state()).toBe("ok");
  });

  it("measures a real folder, and goes by the writes when it cannot measure", async () => {
    expect(await watchStorage(process.cwd(), { minFreeBytes: 0 }).state()).toBe("ok");
    expect(await watchStorage(process.cwd(), { minFreeBytes: Number.MAX_SAFE_INTEGER }).state()).toBe("full");
    const unmeasurable = watchStorage("/no/such/folder", { minFreeBytes: Number.MAX_SAFE_INTEGER });
    expect(await unmeasurable.state()).toBe("ok");
    unmeasurable.recordFull();
    expect(await unmeasurable.state()).toBe("full");
  });
});
