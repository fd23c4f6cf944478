import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** A JSON file a deployment names in a variable, as read: where it is, and what it holds. */
export interface DeploymentJsonFile {
  /** The resolved path, for messages. */
  file: string;
  json: unknown;
}

/**
 * The one way a variable naming a deployment's JSON file is read (CONFIDENCE_MODEL_FILE,
 * PERSONAL_DATA_PATTERNS_FILE): once, at start-up, and a problem names the file ("/etc/x.json:
 * cannot be read (ENOENT)", "…: is not valid JSON (…)"), followed by `hint` when there is one.
 */
export function deploymentJsonFile(hint?: string) {
  return z
    .string()
    .min(1)
    .transform((name, context): DeploymentJsonFile => {
      const file = path.resolve(name);
      const fail = (problem: string) => {
        context.addIssue({ code: "custom", message: `${file}: ${problem}${hint ? `; ${hint}` : ""}` });
        return z.NEVER;
      };
      let text: string;
      try {
        text = fs.readFileSync(file, "utf8");
      } catch (error) {
        return fail(`cannot be read (${(error as NodeJS.ErrnoException).code})`);
      }
      try {
        return { file, json: JSON.parse(text) as unknown };
      } catch (error) {
        return fail(`is not valid JSON (${(error as Error).message})`);
      }
    });
}
