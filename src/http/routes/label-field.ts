import { labelText } from "../../text/document-metadata.js";

/** A one-line label people type (a key's name, a title, a tag, a hand-off's name); see labelText. */
export function labelField(maxLength: number) {
  return labelText(maxLength).openapi({
    minLength: 1,
    maxLength,
    description: "control and bidi characters are removed",
  });
}
