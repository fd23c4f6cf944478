import path from "node:path";
import { z } from "zod";
import { parseYamlSettings, readSettingsFile } from "./yaml-settings.js";

/** The deployment's settings file in the knowledge folder: a `_` name marks it as settings, not a document. */
const HELP_DESK_SETTINGS_FILE = "_help-desk.yml";

/** Text in the two languages the service answers in. */
export interface BilingualText {
  zh: string;
  en: string;
}

/** A line a person in crisis can call. */
export interface CrisisLine {
  name: BilingualText;
  number: string;
  /** When to call it ("24 小時", "緊急危險時"); absent when the deployment did not say. */
  hours?: BilingualText;
  /** Police or ambulance: listed first when someone is in danger now, after the others otherwise. */
  emergency?: boolean;
}

/** What a safety reply offers: the public crisis lines, and the campus's own security line when there is one. */
export interface CrisisResources {
  lines: CrisisLine[];
  campusSecurity?: CrisisLine;
}

/** The settings file as read; every field is optional, and what is absent falls back to the defaults. */
interface HelpDeskSettings {
  contactLines?: Partial<BilingualText>;
  /** Where an abstention sends people when the question is about a collection's documents. */
  collectionContactLines?: Record<string, Partial<BilingualText>>;
  /** How to reach the people who run this help desk; added to the neutral contact line. */
  serviceContact?: string;
  crisisLines?: CrisisLine[];
  campusSecurity?: CrisisLine;
  /** The file they were read from, for messages; absent when there was none. */
  file?: string;
}

const TWENTY_FOUR_HOURS: BilingualText = { zh: "24 小時", en: "24 hours" };

/** Taiwan's national lines, for a deployment that has not listed its own. */
export const defaultCrisisResources: CrisisResources = {
  lines: [
    { name: { zh: "安心專線", en: "Mental health support line" }, number: "1925", hours: TWENTY_FOUR_HOURS },
    { name: { zh: "生命線", en: "Lifeline" }, number: "1995", hours: TWENTY_FOUR_HOURS },
    {
      name: { zh: "警察／救護", en: "Police / ambulance" },
      number: "110 / 119",
      hours: { zh: "緊急危險時", en: "in an emergency" },
      emergency: true,
    },
  ],
};

/** The contact line of a deployment that set none: never a particular office of the sample university. */
export function neutralContactLines(serviceContact: string | undefined): BilingualText {
  if (serviceContact === undefined) {
    return { zh: "請洽負責此業務的單位。", en: "Please contact the office responsible." };
  }
  return {
    zh: `請洽負責此業務的單位，或聯絡本服務：${serviceContact}。`,
    en: `Please contact the office responsible, or reach this help desk at ${serviceContact}.`,
  };
}

const text = z.string().trim().min(1).max(500);
const bilingual = z.strictObject({ zh: text, en: text });
const NUMBER_TO_CALL = "give the number to call, such as 1925 or 03-555-0110";
// Read as typed: the file is parsed with every scalar a string, so 0800013999 keeps its 0.
const phoneNumber = z.string({ message: NUMBER_TO_CALL }).trim().min(1, NUMBER_TO_CALL).max(500);

const crisisLine = z
  .strictObject({
    name: bilingual,
    number: phoneNumber,
    hours: bilingual.optional(),
    // Every value is read as text: `emergency: true` arrives as "true".
    emergency: z.enum(["true", "false"], { message: "write true or false" }).optional(),
  })
  .transform(({ emergency, ...line }): CrisisLine => (emergency === "true" ? { ...line, emergency: true } : line));

const settingsSchema = z
  .strictObject({
    contact_lines: z.strictObject({ zh: text.optional(), en: text.optional() }).optional(),
    collections: z
      .record(
        z.string().trim().min(1).max(100),
        z.strictObject({ contact_lines: z.strictObject({ zh: text.optional(), en: text.optional() }) }),
      )
      .optional(),
    service_contact: text.optional(),
    crisis_lines: z.array(crisisLine).min(1, "list at least one line, or leave crisis_lines out").optional(),
    campus_security: crisisLine.optional(),
  })
  // An empty file reads as null: no settings.
  .nullable();

/**
 * Reads `<knowledgeDir>/_help-desk.yml`; none there means no settings. A mistake is reported with the
 * file and the line it is on ("knowledge/_help-desk.yml:7: crisis_lines[1].number: …"), so that the
 * person who edits the file finds it.
 */
export function readHelpDeskSettings(knowledgeDir: string): HelpDeskSettings {
  const file = path.join(knowledgeDir, HELP_DESK_SETTINGS_FILE);
  const source = readSettingsFile(file);
  return source === undefined ? {} : { ...parseHelpDeskSettings(source, file), file };
}

/** The settings in `source` (the text of `file`, which messages name). */
export function parseHelpDeskSettings(source: string, file: string): HelpDeskSettings {
  const settings = parseYamlSettings(source, file, settingsSchema) ?? {};
  return {
    ...(settings.contact_lines ? { contactLines: settings.contact_lines } : {}),
    ...(settings.collections
      ? {
          collectionContactLines: Object.fromEntries(
            Object.entries(settings.collections).map(([collection, { contact_lines }]) => [collection, contact_lines]),
          ),
        }
      : {}),
    ...(settings.service_contact ? { serviceContact: settings.service_contact } : {}),
    ...(settings.crisis_lines ? { crisisLines: settings.crisis_lines } : {}),
    ...(settings.campus_security ? { campusSecurity: settings.campus_security } : {}),
  };
}
