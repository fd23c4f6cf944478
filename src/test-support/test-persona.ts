import type { ContactLines, Persona } from "../config.js";

/** The persona tests answer with: the sample's name, formal, no guidance, and `contactLines`. */
export function testPersona(contactLines: ContactLines = { zh: "櫃檯", en: "Desk" }): Persona {
  return { assistantName: "Lakeside", tone: "formal", guidance: [], contactLines };
}
