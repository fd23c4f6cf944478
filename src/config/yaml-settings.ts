import fs from "node:fs";
import { isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";

/** Thrown with every mistake in a deployment's settings file, each naming its file and line. */
export class SettingsFileError extends Error {}

/** The text of a settings file, or undefined when there is none (a deployment need not have one). */
export function readSettingsFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === "ENOENT") return undefined;
    throw new SettingsFileError(`${file}: cannot be read (${code})`);
  }
}

/**
 * The settings in `source` (the text of `file`, which messages name), checked against `schema`. A
 * mistake is reported with the file and the line it is on ("knowledge/_help-desk.yml:7:
 * crisis_lines[1].number: …"), so that the person who edits the file finds it. Every value is read
 * as text ("failsafe"): YAML would read 0800013999 as 800013999, 1e3 as 1000 and "no" as false.
 */
export function parseYamlSettings<Schema extends z.ZodType>(
  source: string,
  file: string,
  schema: Schema,
): z.output<Schema> {
  const lineCounter = new LineCounter();
  // Tags such as !!binary are read as the text they tag: nothing but text is expected.
  const document = parseDocument(source, {
    lineCounter,
    prettyErrors: false,
    schema: "failsafe",
    resolveKnownTags: false,
  });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  if (document.errors.length > 0) {
    throw new SettingsFileError(
      document.errors.map((error) => `${file}:${lineOf(error.pos[0])}: ${error.message}`).join("\n"),
    );
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // An alias that expands without end ("a billion laughs") is refused as a mistake in the file.
    throw new SettingsFileError(`${file}: cannot be read (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("");
    // A misspelt key is on its own line, not on its map's first one.
    const line =
      issue.code === "unrecognized_keys" ? lineOfKey(issue.path, issue.keys[0] ?? "") : lineOfPath(issue.path);
    return `${file}:${line}: ${where.replace(/^\./, "") || "the file"}: ${issue.message}`;
  });
  throw new SettingsFileError(problems.join("\n"));

  /** The line of the value at `issuePath`, or of its nearest parent that exists (a missing field's map). */
  function lineOfPath(issuePath: PropertyKey[]): number {
    for (let length = issuePath.length; length > 0; length--) {
      const node = document.getIn(issuePath.slice(0, length), true);
      if (isNode(node) && node.range) return lineOf(node.range[0]);
    }
    return document.contents?.range ? lineOf(document.contents.range[0]) : 1;
  }

  /** The line of `key` in the map at `mapPath`. */
  function lineOfKey(mapPath: PropertyKey[], key: string): number {
    const map = mapPath.length === 0 ? document.contents : document.getIn(mapPath, true);
    if (isMap(map)) {
      const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (isScalar(pair?.key) && pair.key.range) return lineOf(pair.key.range[0]);
    }
    return lineOfPath(mapPath);
  }
}
