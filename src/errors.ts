/**
 * The one base error: a stable machine-readable `code` and a message for people. Errors say what
 * failed, not how a transport answers it: src/http/error-response.ts maps them to HTTP statuses.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule: the message says which and how to fix it. */
export class InvalidRequestError extends AppError {
  constructor(message: string, code = "invalid_request") {
    super(code, message);
  }
}

/** A body that is not valid JSON. */
export class InvalidJsonError extends InvalidRequestError {
  constructor(reason: string) {
    super(`The body is not valid JSON: ${reason}`, "invalid_json");
  }
}

export class UnknownCollectionError extends InvalidRequestError {
  constructor(collection: string, known: string[]) {
    super(
      `No published documents are in the collection "${collection}"; known collections: ${known.join(", ") || "(none yet)"}.`,
      "unknown_collection",
    );
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, code = "not_found") {
    super(code, message);
  }
}

/** The request does not fit the state of what it changes (already closed, nothing to publish…). */
export class ConflictError extends AppError {}

/** Two folders (or two syncs) tried to provide the same document id. */
export class DocumentConflictError extends ConflictError {
  constructor(docId: string, owner: string) {
    super("document_conflict", `${owner} already provides "${docId}"; rename one of the two files`);
  }
}

/** A body over the limit of its route. */
export class PayloadTooLargeError extends AppError {
  constructor(
    maxBytes: number,
    code = "payload_too_large",
    message = `The request body is larger than ${maxBytes} bytes.`,
  ) {
    super(code, message);
  }
}

/** Request headers larger than the server reads (Node's 16 KB). */
export class HeadersTooLargeError extends AppError {
  constructor() {
    super("headers_too_large", "The request's headers are too large: send fewer or shorter ones (at most 16 KB).");
  }
}

/** An upload over MAX_UPLOAD_MB. */
export class FileTooLargeError extends PayloadTooLargeError {
  constructor(maxBytes: number) {
    const limit =
      maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 104857.6) / 10} MB` : `${Math.ceil(maxBytes / 1024)} KB`;
    super(maxBytes, "file_too_large", `The file is larger than ${limit}, the upload limit (MAX_UPLOAD_MB).`);
  }
}

export class MethodNotAllowedError extends AppError {
  constructor(
    method: string,
    path: string,
    readonly allowed: string[],
  ) {
    super("method_not_allowed", `${path} does not accept ${method}; use ${allowed.join(" or ")}.`);
  }
}

export class NotReadyError extends AppError {
  constructor(reason: string) {
    super("not_ready", `The service is not ready yet: ${reason}. Retry shortly; GET /readyz tells when it is.`);
  }
}

/**
 * The index cannot be used. `retryable` is decided here, where the cause is known: an unreachable
 * server may come back, a refused key or a missing permission will not until someone fixes it.
 */
export class StoreUnavailableError extends AppError {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super("store_unavailable", message);
  }
}

/**
 * The editors' file (editorial.sqlite) cannot be used, so uploads, API keys, the answer log and
 * hand-offs are off while answers from the index go on. The message is for callers and says how an
 * operator recovers; `problem` is SQLite's own words, for the log.
 */
export class EditorialStoreUnavailableError extends AppError {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(
      "editorial_store_unavailable",
      "The editors' store (editorial.sqlite under DATA_DIR) is corrupted, so uploads, API keys, the answer log and hand-offs are unavailable; answers from the published documents go on. To recover, an operator stops the service, restores editorial.sqlite from a backup (or moves it aside to start with an empty one, losing its uploads, keys and answer log), and starts the service again.",
    );
  }
}

/** A database under DATA_DIR found corrupted while serving: nothing was changed; a restart deals with it. */
export class CorruptedDatabaseError extends AppError {
  constructor() {
    super(
      "database_corrupted",
      "A database under DATA_DIR turned out to be corrupted, so nothing was changed. An operator restarts the service: a corrupted index is then set aside and rebuilt, and a corrupted editorial.sqlite is left untouched with recovery steps in the log and on /readyz.",
    );
  }
}

/** The disk under DATA_DIR is full: nothing was stored, and nothing half-stored (writes are transactions). */
export class StorageFullError extends AppError {
  constructor() {
    super(
      "storage_full",
      "The server's disk is full, so nothing was saved. Ask its operator to free space under DATA_DIR.",
    );
  }
}

/** The editorial database did not answer (PostgreSQL down or out of connections, a file locked too long): try again. */
export class DatabaseUnavailableError extends AppError {
  constructor() {
    super(
      "database_unavailable",
      "The editorial database does not answer just now, so this could not be read or saved; nothing was changed. Try again in a moment; if it lasts, the operator checks the database (DATABASE_URL).",
    );
  }
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

/**
 * PostgreSQL's, the network's and SQLite's words for a database that cannot be reached or used
 * now: SQLSTATE class 08 (connection), 57P01–57P03 (shut down, starting), 57014 (a statement
 * over its timeout), 53300 (too many connections), a lost socket, the pool's connection or
 * query timeout, or a file locked beyond its timeout.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string") {
    if (
      code.startsWith("08") ||
      /^57P0[123]$/.test(code) ||
      code === "57014" ||
      code === "53300" ||
      code.startsWith("SQLITE_BUSY")
    ) {
      return true;
    }
    if (CONNECTION_CODES.has(code)) return true;
  }
  return (
    typeof message === "string" &&
    /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout)/.test(
      message,
    )
  );
}

/** SQLite's words for a file whose pages cannot be trusted, whichever call came across them. */
export function isCorruptDatabaseError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) return true;
  return typeof message === "string" && /file is not a database|database disk image is malformed/i.test(message);
}

/** SQLite's and the file system's words for a full disk, whichever store was writing. */
export function isDiskFullError(error: unknown): boolean {
  if (error instanceof StorageFullError) return true;
  const { code } = (error ?? {}) as { code?: unknown };
  return code === "SQLITE_FULL" || code === "ENOSPC";
}

/** A file that could not be turned into a document: the reason is for the person who owns it. */
export class DocumentParseError extends AppError {
  /** `code` names the case for API callers: `corrupt_pdf`, `pdf_encrypted`, `no_extractable_text`… */
  constructor(message: string, code = "unparseable_document") {
    super(code, message);
  }
}

/** A body or file of a type the route does not read. */
export class UnsupportedMediaTypeError extends AppError {
  constructor(
    message = "The body must be JSON: send it with the header Content-Type: application/json.",
    code = "unsupported_media_type",
  ) {
    super(code, message);
  }
}

export class UnsupportedDocumentError extends UnsupportedMediaTypeError {
  constructor(message: string, code = "unsupported_document") {
    super(message, code);
  }
}

/** A client over its rate limit: it may try again after `retryAfterSeconds`. */
export class RateLimitedError extends AppError {
  constructor(
    what: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", `Too many ${what} from you: wait ${retryAfterSeconds} s and try again.`);
  }
}

/** No API key, or one that is unknown or revoked. */
export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super("unauthorized", message);
  }
}

/** A valid key whose role does not allow the request. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super("forbidden", message);
  }
}

/** The university's published keys could not be read to check a sign-in token: try again shortly. */
export class SignInUnavailableError extends AppError {
  constructor(message: string) {
    super("sign_in_unavailable", message);
  }
}

/** A student's sign-in token that is expired, forged, or not for this service: refused, never read as anonymous. */
export class StudentTokenError extends AppError {
  constructor(message: string, code = "invalid_student_token") {
    super(code, message);
  }
}
