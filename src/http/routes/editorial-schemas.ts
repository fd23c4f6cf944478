import { z } from "@hono/zod-openapi";
import { ROLES } from "../../editorial/api-keys.js";
import { PHRASING_ACTIONS } from "../../editorial/document-versions.js";
import { MAX_PHRASING_CHARS } from "../../editorial/passage-phrasings.js";
import { dateField, hasNoNul, NO_NUL } from "../../schemas.js";
import {
  collectionName,
  languageTag,
  MAX_TAG_CHARS,
  MAX_TAGS,
  MAX_TITLE_CHARS,
  splitTags,
  webAddress,
} from "../../text/document-metadata.js";
import { hasSearchableWord, NO_SEARCHABLE_WORD } from "../../text/tokenize.js";
import { labelField } from "./label-field.js";

/** Metadata an editor may give with a document; what is left out comes from the file. */
const metadataFields = {
  title: labelField(MAX_TITLE_CHARS).optional(),
  url: webAddress.optional(),
  collection: collectionName.optional().openapi({ example: "registrar" }),
  lang: languageTag.optional(),
  effective_date: dateField.optional().openapi({ example: "2026-08-01" }),
};

const tagsField = z.array(labelField(MAX_TAG_CHARS)).max(MAX_TAGS);

/** A whole number in a query or a form, with its range said when it is not one in it ("?limit=abc", "?limit=500"). */
const wholeNumber = (min: number, max?: number) => {
  const message =
    max === undefined ? `use a whole number of at least ${min}` : `use a whole number from ${min} to ${max}`;
  const number = z.coerce.number({ error: message }).int(message).min(min, message);
  return max === undefined ? number : number.max(max, message);
};

/** `POST /v1/documents` with a JSON body: the text itself (Markdown), under its title. */
export const documentTextSchema = z
  .strictObject({
    ...metadataFields,
    title: labelField(MAX_TITLE_CHARS),
    text: z.string().trim().min(1).max(2_000_000).refine(hasNoNul, NO_NUL),
    tags: tagsField.optional(),
  })
  .openapi("DocumentText");

/** `PUT /v1/documents/{id}` with a JSON body: a new version's text; its title, as any metadata left out, is kept. */
export const documentNewTextSchema = documentTextSchema
  .extend({ title: labelField(MAX_TITLE_CHARS).optional() })
  .openapi("DocumentNewText");

/** The same metadata as form fields next to a multipart `file`; tags are comma-separated there. */
export const documentFormSchema = z.strictObject({
  ...metadataFields,
  tags: z
    .string()
    .optional()
    .transform((text) => (text === undefined ? undefined : splitTags(text)))
    .pipe(tagsField.optional()),
});

/** A multipart upload as the OpenAPI document shows it; readUpload reads it, checking the fields with documentFormSchema. */
export const documentUploadSchema = z
  .object({
    file: z.string().openapi({
      format: "binary",
      description: "PDF, Markdown, HTML, text, or an FAQ sheet (CSV or JSON); the type is read from the content",
    }),
    ...metadataFields,
    tags: z.string().optional().openapi({ description: "comma-separated" }),
  })
  .openapi("DocumentUpload");

/** A document id in a path: percent-encoded or with its `/` as is. */
export const documentIdParamsSchema = z.object({
  id: z.string().openapi({
    param: { name: "id", in: "path" },
    description: "The document id, percent-encoded (`uploads%2Fdorm-rules-3f9a1c`) or with its `/` as is.",
  }),
});

export const documentListQuerySchema = z.object({
  collection: z.string().min(1).max(100).optional(),
  status: z.enum(["published", "draft", "unpublished"]).optional(),
  source: z.enum(["upload", "folder"]).optional(),
  limit: wholeNumber(1, 200).default(50),
  offset: wholeNumber(0).default(0),
});

export const documentQuerySchema = z.object({
  version: wholeNumber(1).optional(),
});

export const newKeySchema = z
  .strictObject({
    name: labelField(100).openapi({ example: "registrar office" }),
    role: z.enum(ROLES),
  })
  .openapi("NewApiKey");

const summarySchema = z
  .object({
    doc_id: z.string(),
    title: z.string(),
    collection: z.string(),
    url: z.string().optional(),
    tags: z.array(z.string()),
    lang: z.string().optional(),
    effective_date: z.string().optional(),
    format: z.string(),
    source: z.enum(["upload", "folder"]),
    status: z.enum(["published", "draft", "unpublished"]),
    published_version: z.number().int().optional(),
    draft_version: z.number().int().optional(),
    updated_at: z.string().optional(),
  })
  .openapi("DocumentSummary");

export const documentListSchema = z
  .object({ documents: z.array(summarySchema), total: z.number().int(), limit: z.number(), offset: z.number() })
  .openapi("DocumentList");

export const documentDetailSchema = z
  .object({
    document: summarySchema,
    versions: z.array(
      z.object({
        version: z.number().int(),
        state: z.enum(["draft", "published", "superseded", "withdrawn", "discarded"]),
        source_name: z.string(),
        byte_size: z.number().int(),
        created_at: z.string(),
        created_by: z.string(),
      }),
    ),
    shown_version: z.number().int().optional(),
    text: z.string().optional(),
    chunks: z.array(
      z.object({
        chunk_id: z.string(),
        position: z.number().int(),
        text: z.string(),
        heading: z.string().optional(),
        page: z.number().int().optional(),
        faq_question: z.string().optional(),
      }),
    ),
    audit: z.array(
      z.object({
        action: z.enum(["uploaded", "replaced", "published", "unpublished", "deleted", ...PHRASING_ACTIONS]),
        version: z.number().int().optional(),
        detail: z.string().optional().openapi({ description: "The phrasing a phrasing_… event is about" }),
        actor: z.string(),
        at: z.string(),
      }),
    ),
  })
  .openapi("DocumentDetail");

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    key_prefix: z.string(),
    created_at: z.string(),
    created_by: z.string(),
    revoked_at: z.string().optional(),
  })
  .openapi("ApiKey");

/** `POST /v1/keys`: the new key, shown this once. */
export const newApiKeySchema = apiKeySchema.extend({ key: z.string() }).openapi("NewApiKeyCreated");

export const apiKeyListSchema = z.object({ keys: z.array(apiKeySchema) }).openapi("ApiKeyList");

// A phrasing no search could ever match ("the of a", zero-width spaces) teaches nothing.
const phrasingTextField = labelField(MAX_PHRASING_CHARS).refine(hasSearchableWord, NO_SEARCHABLE_WORD).openapi({
  description: "A question as people word it; control and bidi characters are removed. 1–1000 characters.",
  example: "Where do I borrow novels?",
});

export const phrasingListQuerySchema = z.object({
  doc_id: z.string().min(1).max(500).optional().openapi({ description: "Only this document's phrasings" }),
  state: z
    .enum(["proposed", "accepted"])
    .optional()
    .openapi({ description: "`proposed`: awaiting an editor's review" }),
  limit: wholeNumber(1, 500).default(100),
});

/** `POST /v1/phrasings`: teach a wording of a passage, as found by `POST /v1/search` (its `doc_id` and `chunk_id`). */
export const newPhrasingSchema = z
  .strictObject({
    doc_id: z.string().min(1).max(500).openapi({ example: "library/borrowing.md" }),
    chunk_id: z.string().min(1).max(600).openapi({ example: "library/borrowing.md#2" }),
    text: phrasingTextField,
  })
  .openapi("NewPhrasing");

/** `PATCH /v1/phrasings/{id}`: the phrasing's new words. */
export const phrasingTextSchema = z.strictObject({ text: phrasingTextField }).openapi("PhrasingText");

export const phrasingSchema = z
  .object({
    id: z.string(),
    doc_id: z.string(),
    chunk_id: z.string().nullable().openapi({
      description:
        "The chunk that holds the passage now; null when the document no longer has its text (detached: kept, not searched)",
    }),
    passage: z.string().openapi({ description: "The passage as it read when the phrasing was taught" }),
    text: z.string(),
    state: z.enum(["proposed", "accepted"]).openapi({
      description: "`accepted`: searched with its passage; `proposed` (by a 👍): never searched until accepted",
    }),
    source: z.enum(["editor", "feedback"]),
    answer_id: z.string().optional().openapi({ description: "The rated answer a proposal came from" }),
    created_at: z.string(),
    created_by: z.string(),
    updated_at: z.string(),
    updated_by: z.string(),
  })
  .openapi("Phrasing");

export const phrasingListSchema = z.object({ phrasings: z.array(phrasingSchema) }).openapi("PhrasingList");

/** `PUT /v1/vocabulary`: the editors' vocabulary, YAML in the format of the knowledge folder's `_vocabulary.yml`. */
export const vocabularyTextSchema = z
  .strictObject({
    text: z.string().openapi({
      description:
        "`synonyms:` (one group per line, commas between its words) and `stop_words:`; an empty text leaves the editors with none. At most 200 KB.",
      example: "synonyms:\n  - 押金, 保證金\n  - dorm, residence hall\nstop_words: [本校]\n",
    }),
    // null is what GET gives as the version before any save: edited from none, as 0 says.
    based_on_version: z
      .number()
      .int()
      .min(0)
      .nullable()
      .optional()
      .transform((version) => (version === null ? 0 : version))
      .openapi({
        description:
          "The `editors.version` the text was edited from, as `GET` gave it (`null` or `0`: none was saved yet). When another version has been saved since, the save is refused with 409 `vocabulary_changed` and nothing is saved. Absent: saved whatever was saved meanwhile.",
        example: 3,
      }),
  })
  .openapi("VocabularyText");

/** The editors' page's vocabulary form: the text, and the version the page showed (a hidden field). */
export const vocabularyFormSchema = z.object({
  text: z.string(),
  based_on_version: wholeNumber(0).optional(),
});

const vocabularyCounts = { synonym_groups: z.number().int(), stop_words: z.number().int() };

/** `GET` and `PUT /v1/vocabulary`: the knowledge folder's part and the editors', which answers use together. */
export const vocabularySchema = z
  .object({
    file: z
      .object({
        path: z.string(),
        text: z.string().nullable().openapi({ description: "null when the knowledge folder has no vocabulary file" }),
        ...vocabularyCounts,
      })
      .nullable()
      .openapi({ description: "The knowledge folder's `_vocabulary.yml`, edited there; counts are of what is in use" }),
    editors: z.object({
      text: z.string().openapi({ description: "empty until an editor saves one" }),
      version: z.number().int().nullable(),
      updated_at: z.string().nullable(),
      updated_by: z.string().nullable(),
      ...vocabularyCounts,
      audit: z.array(
        z.object({ action: z.enum(["saved"]), version: z.number().int(), actor: z.string(), at: z.string() }),
      ),
    }),
  })
  .openapi("Vocabulary");
