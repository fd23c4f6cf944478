import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** A deployment's own kind of personal data, masked in the answer log beside (or instead of) the built-in kinds. */
export interface ConfiguredPersonalDataPattern {
  name: string;
  pattern: RegExp;
  replacement: string;
}

export interface PersonalDataPatterns {
  /** Whether the built-in patterns (e-mail, phone, student and national IDs) stay on. */
  defaults: boolean;
  patterns: ConfiguredPersonalDataPattern[];
  /** The file they were read from, for messages. */
  file?: string;
}

/** Text a pattern is tried on at start-up: one that matches nothing in it anywhere would mask nothing, or loop. */
const EMPTY_MATCH_PROBES = ["", "a", "A1", "中文", " ", "@.-", "a1 中@"];

const entrySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    pattern: z.string().min(1).max(1000),
    /** Without `g`, which is always added; `u` by default, so that `\p{…}` works. */
    flags: z
      .string()
      .regex(/^[imsuv]*$/, "use only the flags i, m, s, u and v")
      .default("u"),
    replacement: z.string().max(100).optional(),
  })
  .transform((entry, context) => {
    let pattern: RegExp;
    try {
      pattern = new RegExp(entry.pattern, `${entry.flags}g`);
    } catch (error) {
      context.addIssue({ code: "custom", message: `does not compile (${(error as Error).message})` });
      return z.NEVER;
    }
    const probes = EMPTY_MATCH_PROBES.flatMap((probe) => [...probe.matchAll(pattern)]);
    if (probes.some((match) => match[0] === "")) {
      context.addIssue({ code: "custom", message: "matches the empty string; make it match at least one character" });
      return z.NEVER;
    }
    return { name: entry.name, pattern, replacement: entry.replacement ?? `[${entry.name}]` };
  });

/** The file: a list of patterns, or `{"defaults": false, "patterns": [...]}` to turn the built-in ones off. */
const fileSchema = z.preprocess(
  (json) => (Array.isArray(json) ? { patterns: json } : json),
  z.strictObject({ defaults: z.boolean().default(true), patterns: z.array(entrySchema) }),
);

/**
 * PERSONAL_DATA_PATTERNS_FILE: the path of a JSON file, read and checked at start-up. A problem
 * names the file and the entry ("patterns[1] (member number): does not compile …").
 */
export const personalDataPatternsFile = z
  .string()
  .min(1)
  .transform((file, context): PersonalDataPatterns => {
    const resolved = path.resolve(file);
    const fail = (message: string) => {
      context.addIssue({ code: "custom", message: `${resolved}: ${message}` });
      return z.NEVER;
    };
    let text: string;
    try {
      text = fs.readFileSync(resolved, "utf8");
    } catch (error) {
      return fail(`cannot be read (${(error as NodeJS.ErrnoException).code})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return fail(`is not valid JSON (${(error as Error).message})`);
    }
    const parsed = fileSchema.safeParse(json);
    if (parsed.success) return { ...parsed.data, file: resolved };
    const entries = Array.isArray(json) ? json : (json as { patterns?: unknown } | null)?.patterns;
    return fail(parsed.error.issues.map((issue) => `${where(issue.path, entries)}: ${issue.message}`).join("; "));
  });

/** "patterns[1] (member number).flags", so that an editor finds the entry. */
function where(issuePath: PropertyKey[], entries: unknown): string {
  const [, index, ...field] = issuePath;
  if (issuePath[0] !== "patterns" || typeof index !== "number") return issuePath.join(".") || "the file";
  const name = Array.isArray(entries) ? (entries[index] as { name?: unknown } | undefined)?.name : undefined;
  const named = typeof name === "string" ? ` (${name})` : "";
  return `patterns[${index}]${named}${field.map((key) => `.${String(key)}`).join("")}`;
}
