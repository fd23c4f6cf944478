import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";

describe("PERSONAL_DATA_PATTERNS_FILE", () => {
  const folder = makeTemporaryFolder();
  afterAll(() => folder.cleanUp());
  const patternsFile = (name: string, json: unknown) => {
    folder.write(name, typeof json === "string" ? json : JSON.stringify(json));
    return path.join(folder.root, name);
  };
  const problemOf = (file: string) => {
    try {
      loadConfig({ PERSONAL_DATA_PATTERNS_FILE: file });
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("the configuration was accepted");
  };

  it("keeps the built-in patterns alone when no file is given", () => {
    expect(loadConfig({}).personalData).toEqual({ defaults: true, patterns: [] });
  });

  it("reads a list of patterns, each compiled for every match, with the built-in ones still on", () => {
    const file = patternsFile("list.json", [
      { name: "member number", pattern: "M\\d{8}", flags: "i", replacement: "[member number]" },
      { name: "plate", pattern: "[A-Z]{3}-\\d{4}" },
    ]);
    const { defaults, patterns } = loadConfig({ PERSONAL_DATA_PATTERNS_FILE: file }).personalData;
    expect(defaults).toBe(true);
    expect(patterns.map(({ name, replacement }) => ({ name, replacement }))).toEqual([
      { name: "member number", replacement: "[member number]" },
      { name: "plate", replacement: "[plate]" },
    ]);
    expect(patterns[0]?.pattern.flags).toBe("gi");
    expect(patterns[1]?.pattern.flags).toBe("gu");
    expect("m12345678".replace(patterns[0]?.pattern ?? /$^/, "x")).toBe("x");
  });

  it("turns the built-in patterns off when the file says so", () => {
    const file = patternsFile("only-mine.json", {
      defaults: false,
      patterns: [{ name: "member", pattern: "M\\d{8}" }],
    });
    expect(loadConfig({ PERSONAL_DATA_PATTERNS_FILE: file }).personalData.defaults).toBe(false);
  });

  it("refuses a pattern that does not compile, naming the variable, the file and the entry", () => {
    const file = patternsFile("broken.json", [
      { name: "member", pattern: "M\\d{8}" },
      { name: "ticket", pattern: "T(\\d+" },
    ]);
    const problem = problemOf(file);
    expect(problem).toContain(`PERSONAL_DATA_PATTERNS_FILE: ${file}: patterns[1] (ticket): does not compile`);
    expect(problem).not.toContain("(member)");
  });

  it("refuses a pattern that matches the empty string", () => {
    const file = patternsFile("empty.json", { patterns: [{ name: "anything", pattern: "\\d*" }] });
    expect(problemOf(file)).toMatch(/empty\.json: patterns\[0\] \(anything\): matches the empty string/);
  });

  it("refuses unknown flags and fields, a missing file and a file that is not JSON, saying which", () => {
    const flagged = patternsFile("flags.json", [{ name: "member", pattern: "M\\d{8}", flags: "gy" }]);
    expect(problemOf(flagged)).toMatch(/patterns\[0\] \(member\)\.flags: use only the flags/);
    const extra = patternsFile("extra.json", [{ name: "member", pattern: "M\\d{8}", replace: "[m]" }]);
    expect(problemOf(extra)).toMatch(/patterns\[0\] \(member\): .*replace/);
    expect(problemOf(path.join(folder.root, "missing.json"))).toMatch(/missing\.json: cannot be read \(ENOENT\)/);
    expect(problemOf(patternsFile("not-json.json", "[{"))).toMatch(/not-json\.json: is not valid JSON/);
  });
});
