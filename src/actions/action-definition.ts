import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseYamlSettings, SettingsFileError } from "../config/yaml-settings.js";

/** Where a deployment declares its actions: one YAML file per action, in the knowledge folder. */
export const ACTIONS_FOLDER = "_actions";

/** Who may use an action: the `programme` a student's token carries. */
export const audiences = ["undergraduate", "graduate", "international"] as const;
export type Audience = (typeof audiences)[number];

const ACTION_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const PARAMETER_NAME = /^[a-z][a-z0-9_]{0,40}$/;
/** `{student_id}`, `{loan.title}`: a field of the record (or of one listed item), or a parameter. */
const PLACEHOLDER = /\{([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)\}/gi;
/** Characters of a question (or a model's argument) a parameter's pattern is tried on: a question's most. */
const MAX_SEARCHED_CHARS = 1000;
/** An environment variable's name, as a shell writes it. */
const VARIABLE_NAME = /^[A-Z][A-Z0-9_]{0,100}$/;

const text = (max: number) => z.string().trim().min(1, "write some text").max(max, `at most ${max} characters`);
const bilingual = (max: number) => z.strictObject({ zh: text(max), en: text(max) });

const environmentVariable = z.string().regex(VARIABLE_NAME, "name an environment variable, such as SIS_API_TOKEN");

/** A header's value: written out, or read from an environment variable so that no secret is in the file. */
const headerValue = z.union([
  text(500),
  z.strictObject({ env: environmentVariable, prefix: z.string().max(50).optional() }),
]);

const parameterSchema = z.union([
  // The signed-in student's id, from the verified token and nowhere else.
  z.strictObject({ from: z.literal("token") }),
  // Found in the question by a pattern (a course code, a date), else asked for in the next turn.
  z.strictObject({
    from: z.literal("question"),
    pattern: z.string().min(1).max(200).refine(compiles, "is not a regular expression that can be used"),
    ask: bilingual(300),
    /** The value as the system writes it, whichever way the student typed it ("l0012345" → "L0012345"). */
    case: z.enum(["upper", "lower"], { message: "use upper or lower" }).optional(),
  }),
]);

const actionSchema = z
  .strictObject({
    id: z.string().regex(ACTION_ID, "use lowercase letters, digits and -, such as library-loans"),
    title: bilingual(100),
    description: bilingual(500).optional(),
    /** Questions students ask for it, in both languages: a question is matched to the action by them. */
    examples: z.strictObject({
      zh: z.array(text(200), { error: "give a list of example questions" }).min(1, "give at least one").max(50),
      en: z.array(text(200), { error: "give a list of example questions" }).min(1, "give at least one").max(50),
    }),
    /** The system the record comes from, as the citation names it. */
    system: bilingual(100),
    /** Programmes that may use it; absent: every signed-in student. */
    audiences: z.array(z.enum(audiences, { message: `use ${audiences.join(", ")}` })).optional(),
    parameters: z.record(z.string().regex(PARAMETER_NAME, "use lowercase letters, digits and _"), parameterSchema),
    request: z.strictObject({
      method: z.enum(["GET", "POST"], { message: "use GET or POST" }),
      /** The environment variable holding the system's base URL: no address comes from a question. */
      base_url_env: environmentVariable,
      /** A path on that base URL, with parameters in braces: /students/{student_id}/loans. */
      path: z.string().regex(/^\/[^\s?#]*$/, "write a path that starts with /, such as /students/{student_id}/loans"),
      headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/, "is not a header name"), headerValue).optional(),
      timeout_ms: z.coerce.number().int().min(100).max(30_000).default(5000),
    }),
    response: z.strictObject({
      /** The field holding the list the answer goes through, item by item (loans, courses). */
      list: z
        .string()
        .regex(/^[a-z_][a-z0-9_.]*$/i, "name a field of the response")
        .optional(),
      /** The answer's opening, from the record's fields; `{count}` is the number of listed items. */
      answer: bilingual(1000),
      /** One line per listed item, from the item's fields. */
      item: bilingual(500).optional(),
      /** Said instead when the list is empty. */
      empty: bilingual(500).optional(),
      /** Words for a field's coded values, per field: { status: { paid: { zh: 已繳清, en: paid } } }. */
      labels: z.record(z.string().min(1).max(100), z.record(z.string().min(1).max(100), bilingual(200))).optional(),
      /**
       * Said when the system refuses the request (a 4xx other than 401 and 403: no renewals left),
       * from the fields of its answer: the student hears why, not that the system is down.
       */
      refused: bilingual(500).optional(),
    }),
    /** Whether it changes something (renews a loan, requests a transcript): it then runs only once the student confirms. */
    changes: z
      .enum(["true", "false"], { message: "use true or false" })
      .transform((value) => value === "true")
      .default(false),
    /** With `changes: true`: what the student is asked to confirm, from the parameters. */
    confirm: bilingual(500).optional(),
  })
  .superRefine((action, context) => {
    const parameterNames = new Set(Object.keys(action.parameters));
    for (const name of placeholders(action.request.path)) {
      if (!parameterNames.has(name))
        context.addIssue({
          code: "custom",
          path: ["request", "path"],
          message: `{${name}} is not one of the parameters (${[...parameterNames].join(", ") || "none"})`,
        });
    }
    if (action.response.item && !action.response.list)
      context.addIssue({ code: "custom", path: ["response", "item"], message: "an item line needs response.list" });
    if (action.changes && !action.confirm)
      context.addIssue({
        code: "custom",
        path: ["changes"],
        message: "an action that changes something needs `confirm`: what the student is asked before it runs",
      });
    for (const language of ["zh", "en"] as const) {
      for (const name of placeholders(action.confirm?.[language] ?? "")) {
        if (!parameterNames.has(name))
          context.addIssue({
            code: "custom",
            path: ["confirm", language],
            message: `{${name}} is not one of the parameters (${[...parameterNames].join(", ") || "none"})`,
          });
      }
    }
  });

/** A parameter as an action uses it: one from the question has its pattern compiled once, when its file is read. */
export type ActionParameter =
  | Extract<z.infer<typeof parameterSchema>, { from: "token" }>
  | (Extract<z.infer<typeof parameterSchema>, { from: "question" }> & { regex: RegExp });
export type ActionDefinition = Omit<z.infer<typeof actionSchema>, "parameters"> & {
  parameters: Record<string, ActionParameter>;
  file: string;
};

/** The names inside braces in a template: {student_id} → student_id. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");
}

/** A template with each placeholder replaced by `textOf`'s text for it. */
export function fillTemplate(template: string, textOf: (name: string) => string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => textOf(name));
}

/** The action in `source` (the text of `file`); a mistake names the file and line. */
export function parseActionDefinition(source: string, file: string): ActionDefinition {
  const action = parseYamlSettings(source, file, actionSchema);
  const parameters = Object.fromEntries(
    Object.entries(action.parameters).map(([name, parameter]): [string, ActionParameter] => [
      name,
      parameter.from === "question" ? { ...parameter, regex: new RegExp(parameter.pattern, "u") } : parameter,
    ]),
  );
  return { ...action, parameters, file };
}

/**
 * Every action declared in `knowledgeDir/_actions`, in file order; none when there is no such
 * folder. Every mistake in every file is reported at once, and two files may not share an id.
 */
export function readActionDefinitions(knowledgeDir: string): ActionDefinition[] {
  const folder = path.join(knowledgeDir, ACTIONS_FOLDER);
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => /\.ya?ml$/.test(name) && !name.startsWith("."));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new SettingsFileError(`${folder}: cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  const actions: ActionDefinition[] = [];
  const problems: string[] = [];
  for (const name of names.sort()) {
    const file = path.join(folder, name);
    try {
      const action = parseActionDefinition(fs.readFileSync(file, "utf8"), file);
      const other = actions.find((known) => known.id === action.id);
      if (other) problems.push(`${file}: id "${action.id}" is already the id of ${other.file}`);
      else actions.push(action);
    } catch (error) {
      problems.push(error instanceof SettingsFileError ? error.message : `${file}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new SettingsFileError(problems.join("\n"));
  return actions;
}

/**
 * Whether `pattern` compiles: checked when the file is read, not when a student asks. Whether it
 * backtracks without end is checked at start-up (findSlowPattern), as it takes a worker thread.
 */
function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

/** The value of a question parameter that `text` gives: its pattern's first group, or its whole match. */
export function valueIn(parameter: Extract<ActionParameter, { from: "question" }>, text: string): string | undefined {
  const found = parameter.regex.exec(text.slice(0, MAX_SEARCHED_CHARS));
  const value = found ? (found[1] ?? found[0]) : undefined;
  if (value === undefined || parameter.case === undefined) return value;
  return parameter.case === "upper" ? value.toUpperCase() : value.toLowerCase();
}
