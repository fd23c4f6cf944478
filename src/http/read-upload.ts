import type { Context } from "hono";
import type { Upload } from "../editorial/document-editor.js";
import { FileTooLargeError, InvalidRequestError, UnsupportedMediaTypeError } from "../errors.js";
import { cleanLabel } from "../text/clean-label.js";
import { readMultipart } from "./read-multipart.js";
import { documentFormSchema, documentNewTextSchema, documentTextSchema } from "./routes/editorial-schemas.js";
import { parseInput, readJsonBody } from "./routes/shared.js";

/**
 * The document of an upload request: one multipart `file` with metadata fields (the editors'
 * page sends the same), or JSON `{ title, text, … }` (a new version's `title` may be left out, to
 * keep the one before). Anything else, or a file over the limit, is refused before it is parsed; a
 * multipart body that cannot be read is a 400 `invalid_form`.
 */
export async function readUpload(context: Context, maxBytes: number, { newVersion = false } = {}): Promise<Upload> {
  const contentType = context.req.header("content-type") ?? "";
  if (/^application\/json\b/i.test(contentType)) {
    const body = parseInput(newVersion ? documentNewTextSchema : documentTextSchema, await readJsonBody(context));
    const bytes = new TextEncoder().encode(body.text);
    if (bytes.length > maxBytes) throw new FileTooLargeError(maxBytes);
    return { fileName: `${body.title ?? "text"}.md`, bytes, metadata: toMetadata(body) };
  }
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    throw new UnsupportedMediaTypeError(
      "Send the document as multipart/form-data with a `file` field, or as JSON { title, text }.",
    );
  }
  const { files, fields } = await readMultipart(context, maxBytes);
  const sent = files.get("file") ?? [];
  if (sent.length > 1) throw new InvalidRequestError("file: send one file per request.");
  const [file] = sent;
  if (!file) throw new InvalidRequestError("file: attach the document as the `file` field.");
  const misplaced = [...files.keys()].find((field) => field !== "file");
  if (misplaced) throw new InvalidRequestError(`${misplaced}: only the \`file\` field may hold a file.`);
  const metadata = parseInput(documentFormSchema, fields);
  return {
    // The name is only a label: shown to editors, never a path.
    fileName: cleanLabel(file.name) || "upload",
    bytes: file.bytes,
    metadata: toMetadata(metadata),
  };
}

function toMetadata(fields: {
  title?: string;
  url?: string;
  collection?: string;
  tags?: string[];
  lang?: string;
  effective_date?: string;
}): Upload["metadata"] {
  const { effective_date, ...rest } = fields;
  return Object.fromEntries(
    Object.entries({ ...rest, effectiveDate: effective_date }).filter(([, value]) => value !== undefined),
  );
}
