import { type ActionDefinition, fillTemplate, placeholders } from "./action-definition.js";

/** Items listed in one answer; a longer list is cut with a line that says how many more there are. */
const MAX_ITEMS = 20;
/** Longest text one field may put in an answer. */
const MAX_FIELD_CHARS = 200;
// Control characters and markup have no place in a record shown to a student.
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}<>]/gu;

export type AnswerLanguage = "zh" | "en";

/**
 * A record as the student reads it: the action's opening, then one line per listed item, filled
 * from the record's fields and the parameters. Undefined when the record lacks a field a template
 * names, or is not what the action expects: the student then hears the system gave no readable
 * answer, never a half-filled sentence.
 */
export function renderRecord(
  action: ActionDefinition,
  body: unknown,
  language: AnswerLanguage,
  parameters: Readonly<Record<string, string>>,
): string | undefined {
  if (!isRecord(body)) return undefined;
  const { response } = action;
  let items: unknown[] = [];
  if (response.list !== undefined) {
    const listed = valueAt(body, response.list);
    if (!Array.isArray(listed)) return undefined;
    items = listed;
  }
  const fill = templateFiller(action, language, parameters, items.length);
  if (items.length === 0 && response.empty) return fill(response.empty[language], body);
  const opening = fill(response.answer[language], body);
  if (opening === undefined) return undefined;
  if (!response.item) return opening;
  const lines: string[] = [];
  for (const item of items.slice(0, MAX_ITEMS)) {
    const line = isRecord(item) ? fill(response.item[language], item) : undefined;
    if (line === undefined) return undefined;
    lines.push(`- ${line}`);
  }
  const more = items.length - MAX_ITEMS;
  if (more > 0) lines.push(language === "zh" ? `（還有 ${more} 筆未列出）` : `(and ${more} more)`);
  return [opening, ...lines].join("\n");
}

/** What the system said when it refused a change ("no renewals left"), in the action's `refused` words. */
export function renderRefusal(
  action: ActionDefinition,
  body: unknown,
  language: AnswerLanguage,
  parameters: Readonly<Record<string, string>>,
): string | undefined {
  const { refused } = action.response;
  if (!refused) return undefined;
  return templateFiller(action, language, parameters, 0)(refused[language], isRecord(body) ? body : {});
}

/**
 * Fills a template of the action from a record's (or a listed item's) fields and the parameters:
 * coded values in the action's labels' words, numbers with separators, text cleaned and cut; none
 * when a field it names is missing or is not a value.
 */
function templateFiller(
  action: ActionDefinition,
  language: AnswerLanguage,
  parameters: Readonly<Record<string, string>>,
  count: number,
): (template: string, fields: Record<string, unknown>) => string | undefined {
  const labels = action.response.labels ?? {};
  const text = (value: unknown, field: string): string | undefined => {
    const label = labels[field.split(".").at(-1) ?? field]?.[String(value)];
    if (label) return label[language];
    if (typeof value === "number" && Number.isFinite(value)) return value.toLocaleString("en-US");
    if (typeof value === "boolean") return language === "zh" ? (value ? "是" : "否") : value ? "yes" : "no";
    if (typeof value !== "string") return undefined;
    const cleaned = value.replace(UNSAFE_CHARACTERS, "").trim();
    return cleaned === "" ? undefined : cleaned.slice(0, MAX_FIELD_CHARS);
  };
  return (template, fields) => {
    const values = new Map<string, string>();
    for (const name of placeholders(template)) {
      const value =
        name === "count" ? String(count) : name in parameters ? parameters[name] : text(valueAt(fields, name), name);
      if (value === undefined) return undefined;
      values.set(name, value);
    }
    return fillTemplate(template, (name) => values.get(name) ?? "");
  };
}

function valueAt(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split(".")) {
    if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
