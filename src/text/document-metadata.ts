import { z } from "zod";
import { cleanLabel } from "./clean-label.js";

/**
 * The rules a document's metadata keeps however it is given: as form or JSON fields of an upload, or
 * in a Markdown file's front matter. A collection name ends up in model names and URLs, a language tag
 * in a page's `lang`, a title and tags in lists: what one way lets through, the other must not.
 */

/**
 * A one-line label people type (a title, a tag, a key's name): control and bidi characters are
 * removed (cleanLabel) before its length is checked, so that one made only of them is refused as empty.
 */
export function labelText(maxLength: number) {
  return z
    .string()
    .transform(cleanLabel)
    .pipe(
      z
        .string()
        .min(1, "must not be empty once control and bidi characters are removed")
        .max(maxLength, `use at most ${maxLength} characters`),
    );
}

export const MAX_TITLE_CHARS = 300;
export const MAX_TAG_CHARS = 50;
export const MAX_TAGS = 30;

export const collectionName = z.string().regex(/^[\w-]{1,100}$/, "use 1–100 letters, digits, `_` or `-`");
export const languageTag = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "use a language tag such as zh-Hant or en");
export const webAddress = z.url({ protocol: /^https?$/, message: "use an http or https address" });

/** A date in the form people type it. */
export const calendarDate = z.iso.date({ message: "use a date as YYYY-MM-DD" });

/** A tag as YAML may read it: words, or a number (`2026`). */
const tagText = z.union([z.string(), z.number()]).transform(String);

/**
 * Metadata a file states about itself, in Markdown front matter or an FAQ JSON sheet's fields, held to
 * the rules of an upload's fields. Tags and dates may be read as numbers from YAML (`tags: [2026]`).
 */
export const fileMetadataFields = {
  title: labelText(MAX_TITLE_CHARS).optional(),
  url: webAddress.optional(),
  collection: collectionName.optional(),
  lang: languageTag.optional(),
  status: z.enum(["published", "draft"]).optional(),
  // Editors write tags as they type them in the upload form too (`tags: ARC, 居留證`), not only as a list.
  tags: z
    .union([tagText.transform(splitTags), z.array(tagText)])
    .pipe(z.array(labelText(MAX_TAG_CHARS)).max(MAX_TAGS, `use at most ${MAX_TAGS} tags`))
    .optional(),
  effective_date: calendarDate.optional(),
};

/** Tags written on one line, separated by commas (half- or full-width), as the upload form takes them. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,，]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** What went wrong with metadata, field by field: "collection: use 1–100 letters…; tags.3: …". */
export function metadataProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(the whole)"}: ${issue.message}`).join("; ");
}
