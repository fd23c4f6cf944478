import path from "node:path";
import { z } from "zod";

const environmentSchema = z.object({
  /** HTTP port of the API. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Folder of allowlisted documents synced at start-up. */
  KNOWLEDGE_DIR: z.string().min(1).default("knowledge"),
  /** Folder for the embedded index (one SQLite file). */
  DATA_DIR: z.string().min(1).default("data"),
  /**
   * Answers whose confidence is below this are abstained on. 0.2 keeps refusals of answerable
   * DRCD questions under 5% (see the curve printed by `npm run eval`).
   */
  ABSTAIN_THRESHOLD: z.coerce.number().min(0).max(1).default(0.2),
  /** Where to send people when the documents do not answer, in Chinese and in English. */
  CONTACT_LINE_ZH: z.string().min(1).default("請洽教務處服務櫃檯（分機 1234，registrar@lakeside.example.edu）。"),
  CONTACT_LINE_EN: z
    .string()
    .min(1)
    .default("Please contact the Registrar's Office service desk (ext. 1234, registrar@lakeside.example.edu)."),
});

export interface AppConfig {
  port: number;
  knowledgeDir: string;
  dataDir: string;
  databaseFile: string;
  abstainThreshold: number;
  contactLines: { zh: string; en: string };
}

export class ConfigError extends Error {}

/** Reads every setting from the environment once; a bad value names the variable and the fix. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(withoutEmptyValues(environment));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration. Fix these environment variables:\n  ${problems.join("\n  ")}`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.DATA_DIR);
  return {
    port: values.PORT,
    knowledgeDir: path.resolve(values.KNOWLEDGE_DIR),
    dataDir,
    databaseFile: path.join(dataDir, "grounded-faq.sqlite"),
    abstainThreshold: values.ABSTAIN_THRESHOLD,
    contactLines: { zh: values.CONTACT_LINE_ZH, en: values.CONTACT_LINE_EN },
  };
}

// An empty variable (`PORT=`) means "not set", as shells and compose files usually intend.
function withoutEmptyValues(environment: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}
