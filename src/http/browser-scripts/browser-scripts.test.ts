import { describe, expect, it } from "vitest";
import { bundleBrowserScripts } from "./browser-scripts.js";

describe("bundling the browser scripts", () => {
  it("names a browser source that was not shipped", async () => {
    await expect(bundleBrowserScripts({ gone: new URL("./browser/gone.ts", import.meta.url) })).rejects.toThrow(
      /No browser script at .*gone\.ts: ship the browser\/ sources/,
    );
  });
});
