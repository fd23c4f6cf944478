import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { neutralContactLines, parseHelpDeskSettings, readHelpDeskSettings } from "./help-desk-settings.js";
import { SettingsFileError } from "./yaml-settings.js";

const FILE = "knowledge/_help-desk.yml";

describe("the help desk's settings file", () => {
  it("reads contact lines, the service's contact, crisis lines and the campus security line", () => {
    const settings = parseHelpDeskSettings(
      [
        "contact_lines:",
        "  zh: 請洽學務處（分機 2000）。",
        "  en: Please ask Student Affairs (ext. 2000).",
        "service_contact: helpdesk@example.edu",
        "crisis_lines:",
        "  - name: { zh: 安心專線, en: Mental health support line }",
        "    number: 1925",
        "    hours: { zh: 24 小時, en: 24 hours }",
        "  - name: { zh: 救護車, en: Ambulance }",
        "    number: 119",
        "    emergency: true",
        "campus_security:",
        "  name: { zh: 校安中心, en: Campus security }",
        "  number: 03-555-0110",
      ].join("\n"),
      FILE,
    );
    expect(settings).toEqual({
      contactLines: { zh: "請洽學務處（分機 2000）。", en: "Please ask Student Affairs (ext. 2000)." },
      serviceContact: "helpdesk@example.edu",
      // A number YAML reads as one is still a phone number.
      crisisLines: [
        {
          name: { zh: "安心專線", en: "Mental health support line" },
          number: "1925",
          hours: { zh: "24 小時", en: "24 hours" },
        },
        { name: { zh: "救護車", en: "Ambulance" }, number: "119", emergency: true },
      ],
      campusSecurity: { name: { zh: "校安中心", en: "Campus security" }, number: "03-555-0110" },
    });
  });

  it("reads where an abstention sends people for each collection's documents", () => {
    const settings = parseHelpDeskSettings(
      [
        "collections:",
        "  housing:",
        "    contact_lines:",
        "      zh: 請洽住宿組（分機 2260）。",
        "      en: Please ask Housing (ext. 2260).",
        "  library:",
        "    contact_lines: { en: Please ask the library desk. }",
      ].join("\n"),
      FILE,
    );
    expect(settings.collectionContactLines).toEqual({
      housing: { zh: "請洽住宿組（分機 2260）。", en: "Please ask Housing (ext. 2260)." },
      library: { en: "Please ask the library desk." },
    });
    expect(() => parseHelpDeskSettings("collections:\n  housing:\n    contact_line: x\n", FILE)).toThrow(
      /_help-desk\.yml:3: collections\.housing/,
    );
  });

  it("names the file and the line of a mistake", () => {
    const source = [
      "contact_lines:",
      "  zh: 請洽學務處。",
      "crisis_lines:",
      "  - name: { zh: 安心專線, en: Mental health support line }",
      "    number: 1925",
      "  - name: { zh: 生命線 }",
      "    number: 1995",
      "campus_security:",
      "  name: { zh: 校安中心, en: Campus security }",
      "  phone: 03-555-0110",
    ].join("\n");
    expect(() => parseHelpDeskSettings(source, FILE)).toThrow(SettingsFileError);
    let message = "";
    try {
      parseHelpDeskSettings(source, FILE);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^knowledge\/_help-desk\.yml:6: crisis_lines\[1\]\.name\.en: /m);
    // The misspelt key on its own line; the missing one where its map starts.
    expect(message).toMatch(/^knowledge\/_help-desk\.yml:10: campus_security: .*"phone"/m);
    expect(message).toMatch(/^knowledge\/_help-desk\.yml:9: campus_security\.number: give the number to call/m);
  });

  it("keeps a phone number exactly as typed, quoted or not", () => {
    const source = [
      "crisis_lines:",
      "  - name: { zh: 免付費專線, en: Toll-free line }",
      "    number: 0800013999",
      "  - name: { zh: 專線, en: Line }",
      "    number: 1e3",
      "  - name: { zh: 生命線, en: Lifeline }",
      "    number: 1995",
    ].join("\n");
    const numbers = parseHelpDeskSettings(source, FILE).crisisLines?.map((line) => line.number);
    expect(numbers).toEqual(["0800013999", "1e3", "1995"]);
  });

  it("names the line of a YAML syntax error", () => {
    expect(() => parseHelpDeskSettings("contact_lines:\n  zh: 請洽學務處。\n  en: [unclosed\n", FILE)).toThrow(
      /^knowledge\/_help-desk\.yml:[34]: /,
    );
  });

  it("reads a missing or empty file as no settings", () => {
    const folder = makeTemporaryFolder();
    try {
      expect(readHelpDeskSettings(folder.root)).toEqual({});
      folder.write("_help-desk.yml", "# nothing set yet\n");
      expect(readHelpDeskSettings(folder.root)).toEqual({ file: path.join(folder.root, "_help-desk.yml") });
    } finally {
      folder.cleanUp();
    }
  });

  it("gives a neutral contact line, with the service's own contact when there is one", () => {
    expect(neutralContactLines(undefined)).toEqual({
      zh: "請洽負責此業務的單位。",
      en: "Please contact the office responsible.",
    });
    expect(neutralContactLines("helpdesk@example.edu").en).toBe(
      "Please contact the office responsible, or reach this help desk at helpdesk@example.edu.",
    );
  });

  it("holds the sample university's desk and campus security line in the sample knowledge folder", () => {
    const knowledge = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../knowledge");
    expect(fs.existsSync(path.join(knowledge, "_help-desk.yml"))).toBe(true);
    const settings = readHelpDeskSettings(knowledge);
    expect(settings.contactLines?.zh).toContain("分機 1234");
    expect(settings.campusSecurity).toMatchObject({ number: "(02) 2700-2999" });
  });
});
