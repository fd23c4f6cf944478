import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { DocumentParseError } from "../../src/errors.js";
import { fileMetadataFields, metadataProblems } from "../../src/text/document-metadata.js";
import type { ParsedDocument } from "../parsed-document.js";

const faqItemSchema = z.object({ question: z.string().trim().min(1), answer: z.string().trim().min(1) });

const faqJsonSchema = z.union([
  z.array(faqItemSchema),
  z.object({
    ...fileMetadataFields,
    items: z.array(faqItemSchema),
  }),
]);

function isObjectWithItems(data: unknown): boolean {
  return typeof data === "object" && data !== null && Array.isArray((data as { items?: unknown }).items);
}

/** A CSV sheet with `question` and `answer` columns: each row is one curated pair. */
export function parseFaqCsv(source: string): ParsedDocument {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(source, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new DocumentParseError(`invalid CSV (${(error as Error).message})`);
  }
  return faqDocument({ items: validateItems(rows) });
}

/** A JSON sheet: a list of `{ question, answer }`, or `{ title?, url?, …, items: [...] }`. */
export function parseFaqJson(source: string): ParsedDocument {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new DocumentParseError(`invalid JSON (${(error as Error).message})`);
  }
  const sheet = faqJsonSchema.safeParse(data);
  if (!sheet.success) {
    // A sheet with its items, whose fields break a rule: say which.
    const fields = faqJsonSchema.options[1].safeParse(data);
    if (!fields.success && isObjectWithItems(data)) {
      throw new DocumentParseError(`invalid FAQ sheet fields (${metadataProblems(fields.error)})`);
    }
    throw new DocumentParseError(
      'an FAQ JSON file must be a list of { "question", "answer" } or an object with "items" of them',
    );
  }
  return faqDocument(Array.isArray(sheet.data) ? { items: sheet.data } : sheet.data);
}

function validateItems(rows: Record<string, string>[]): z.infer<typeof faqItemSchema>[] {
  const items = z.array(faqItemSchema).safeParse(rows);
  if (!items.success) {
    const row = Number(items.error.issues[0]?.path[0] ?? 0) + 2;
    throw new DocumentParseError(`an FAQ CSV needs non-empty "question" and "answer" columns (problem at line ${row})`);
  }
  return items.data;
}

function faqDocument(
  sheet: Omit<ParsedDocument, "format" | "blocks"> & { items: z.infer<typeof faqItemSchema>[] },
): ParsedDocument {
  const { items, ...metadata } = sheet;
  return { format: "faq", ...metadata, blocks: items.map((item) => ({ kind: "faq", ...item })) };
}
