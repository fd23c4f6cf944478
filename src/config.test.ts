import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("defaults every setting so that a fresh clone runs with no environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      knowledgeDir: path.resolve("knowledge"),
      dataDir: path.resolve("data"),
      databaseFile: path.resolve("data", "grounded-faq.sqlite"),
      abstainThreshold: 0.2,
    });
    expect(config.contactLines.zh).toMatch(/教務處/);
  });

  it("reads the environment, treating an empty variable as unset", () => {
    const config = loadConfig({
      PORT: "8080",
      DATA_DIR: "/srv/faq",
      ABSTAIN_THRESHOLD: "",
      CONTACT_LINE_EN: "Call 123.",
    });
    expect(config).toMatchObject({ port: 8080, dataDir: "/srv/faq", abstainThreshold: 0.2 });
    expect(config.contactLines.en).toBe("Call 123.");
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["ABSTAIN_THRESHOLD", "2"],
  ])("stops on a bad %s and names it", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
