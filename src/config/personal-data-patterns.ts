import { z } from "zod";
import { deploymentJsonFile } from "./deployment-file.js";

/** A kind of personal data masked in the answer log: built in, or a deployment's own. */
export interface PersonalDataPattern {
  /** What it finds, for people ("member number"). */
  name: string;
  pattern: RegExp;
  /** What a match becomes in the log: "[member number]". */
  replacement: string;
}

export interface PersonalDataPatterns {
  /** Whether the built-in patterns (e-mail, phone, student and national IDs) stay on. */
  defaults: boolean;
  patterns: PersonalDataPattern[];
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
export const personalDataPatternsFile = deploymentJsonFile().transform(
  ({ file, json }, context): PersonalDataPatterns => {
    const parsed = fileSchema.safeParse(json);
    if (parsed.success) return { ...parsed.data, file };
    const entries = Array.isArray(json) ? json : (json as { patterns?: unknown } | null)?.patterns;
    const problems = parsed.error.issues.map((issue) => `${where(issue.path, entries)}: ${issue.message}`);
    context.addIssue({ code: "custom", message: `${file}: ${problems.join("; ")}` });
    return z.NEVER;
  },
);

/** "patterns[1] (member number).flags", so that an editor finds the entry. */
function where(issuePath: PropertyKey[], entries: unknown): string {
  const [, index, ...field] = issuePath;
  if (issuePath[0] !== "patterns" || typeof index !== "number") return issuePath.join(".") || "the file";
  const name = Array.isArray(entries) ? (entries[index] as { name?: unknown } | undefined)?.name : undefined;
  const named = typeof name === "string" ? ` (${name})` : "";
  return `patterns[${index}]${named}${field.map((key) => `.${String(key)}`).join("")}`;
}
