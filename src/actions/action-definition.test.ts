import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SettingsFileError } from "../config/yaml-settings.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { parseActionDefinition, readActionDefinitions } from "./action-definition.js";

const FILE = "knowledge/_actions/loans.yml";

/** A whole action file, with one line replaced where a test needs a mistake. */
function actionFile(replace: Record<string, string> = {}): string {
  let source = `id: library-loans
title: { zh: 我的借閱紀錄, en: My library loans }
examples:
  zh: [我借的書什麼時候到期？]
  en: [When are my library books due?]
system: { zh: 圖書館系統, en: library system }
parameters:
  student_id: { from: token }
request:
  method: GET
  base_url_env: SIS_BASE_URL
  path: /students/{student_id}/loans
  headers:
    Authorization: { env: SIS_API_TOKEN, prefix: "Bearer " }
response:
  list: loans
  answer: { zh: "你借了 {count} 本書：", en: "You have {count} books on loan:" }
  item: { zh: "《{title}》到期日 {due_date}", en: "{title}, due {due_date}" }
`;
  for (const [from, to] of Object.entries(replace)) source = source.replace(from, to);
  return source;
}

function mistakeIn(source: string): string {
  try {
    parseActionDefinition(source, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsFileError);
    return (error as Error).message;
  }
  throw new Error("the file was accepted");
}

describe("parseActionDefinition", () => {
  it("reads an action with its defaults", () => {
    const action = parseActionDefinition(actionFile(), FILE);
    expect(action).toMatchObject({
      id: "library-loans",
      file: FILE,
      parameters: { student_id: { from: "token" } },
      request: { method: "GET", path: "/students/{student_id}/loans", timeout_ms: 5000 },
    });
  });

  it("names the file and line of a mistake", () => {
    expect(mistakeIn(actionFile({ "id: library-loans": "id: Library Loans" }))).toMatch(
      /^knowledge\/_actions\/loans\.yml:1: id: use lowercase letters/,
    );
    expect(mistakeIn(actionFile({ "method: GET": "method: DELETE" }))).toMatch(/:10: request\.method: use GET or POST/);
    expect(mistakeIn(actionFile({ "  en: [When are my library books due?]\n": "" }))).toMatch(
      /:4: examples\.en: give a list of example questions/,
    );
  });

  it("refuses a path placeholder that no parameter fills, and an item line without a list", () => {
    expect(mistakeIn(actionFile({ "/loans": "/loans/{barcode}" }))).toMatch(
      /:12: request\.path: \{barcode\} is not one of the parameters \(student_id\)/,
    );
    expect(mistakeIn(actionFile({ "  list: loans\n": "" }))).toMatch(
      /response\.item: an item line needs response\.list/,
    );
  });

  it("refuses a change without a confirmation, and a confirmation naming no parameter", () => {
    expect(mistakeIn(`${actionFile()}changes: "true"\n`)).toMatch(
      /changes: an action that changes something needs `confirm`/,
    );
    expect(
      mistakeIn(`${actionFile()}changes: "true"\nconfirm: { zh: "續借 {barcode}？", en: "Renew {barcode}?" }\n`),
    ).toMatch(/confirm\.zh: \{barcode\} is not one of the parameters/);
  });

  it("refuses a secret written where an environment variable's name belongs, and a bad pattern", () => {
    expect(mistakeIn(actionFile({ "env: SIS_API_TOKEN": "env: sk-live-123" }))).toMatch(/name an environment variable/);
    const withPattern = actionFile({
      "  student_id: { from: token }":
        "  student_id: { from: token }\n  course: { from: question, pattern: '[A-Z', ask: { zh: 哪一門課？, en: Which course? } }",
    });
    expect(mistakeIn(withPattern)).toMatch(/parameters\.course\.pattern: is not a regular expression/);
  });
});

describe("readActionDefinitions", () => {
  const folder = makeTemporaryFolder();
  afterEach(() => folder.cleanUp());

  it("reads none from a folder without _actions", () => {
    expect(readActionDefinitions(folder.root)).toEqual([]);
  });

  it("reads every file, and reports every mistake of every file at once, with a repeated id", () => {
    folder.write("_actions/a.yml", actionFile());
    folder.write("_actions/b.yml", actionFile());
    folder.write("_actions/c.yaml", actionFile({ "id: library-loans": "id: x y" }));
    folder.write("_actions/notes.txt", "not an action");
    const message = (() => {
      try {
        readActionDefinitions(folder.root);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain(`${path.join(folder.root, "_actions/b.yml")}: id "library-loans" is already the id of`);
    expect(message).toContain(`${path.join(folder.root, "_actions/c.yaml")}:1: id:`);
  });

  it("reads the sample university's actions", () => {
    const actions = readActionDefinitions(path.resolve("knowledge"));
    expect(actions.map((action) => action.id).sort()).toEqual([
      "dormitory-application",
      "library-loans",
      "registered-courses",
      "renew-loan",
      "tuition-status",
    ]);
  });
});
