/** The one base error: a stable machine-readable code, an HTTP status and a message for people. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 500 | 503,
    message: string,
    /** Response headers the error calls for, such as `Allow` on a 405. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidRequestError extends AppError {
  constructor(message: string) {
    super("invalid_request", 400, message);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super("not_found", 404, message);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(maxBytes: number) {
    super("payload_too_large", 413, `The request body is larger than ${maxBytes} bytes.`);
  }
}

export class UnknownCollectionError extends AppError {
  constructor(collection: string, known: string[]) {
    super(
      "unknown_collection",
      400,
      `No published documents are in the collection "${collection}"; known collections: ${known.join(", ") || "(none yet)"}.`,
    );
  }
}

export class MethodNotAllowedError extends AppError {
  constructor(method: string, path: string, allowed: string[]) {
    super("method_not_allowed", 405, `${path} does not accept ${method}; use ${allowed.join(" or ")}.`, {
      Allow: allowed.join(", "),
    });
  }
}

export class NotReadyError extends AppError {
  constructor(reason: string) {
    super("not_ready", 503, `The service is not ready yet: ${reason}. Retry shortly; GET /readyz tells when it is.`);
  }
}

/** Two folders (or two syncs) tried to provide the same document id. */
export class DocumentConflictError extends AppError {
  constructor(docId: string, owner: string) {
    super("document_conflict", 409, `${owner} already provides "${docId}"; rename one of the two files`);
  }
}

export class StoreUnavailableError extends AppError {
  constructor(message: string) {
    super("store_unavailable", 503, message);
  }
}

/** A file that could not be turned into a document: the reason is for the person who owns it. */
export class DocumentParseError extends AppError {
  /** `code` names the case for API callers: `corrupt_pdf`, `pdf_encrypted`, `no_extractable_text`… */
  constructor(message: string, code = "unparseable_document") {
    super(code, 422, message);
  }
}

export class UnsupportedDocumentError extends AppError {
  constructor(message: string, code = "unsupported_document") {
    super(code, 415, message);
  }
}

/** No API key, or one that is unknown or revoked. */
export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super("unauthorized", 401, message, { "WWW-Authenticate": 'Bearer realm="grounded-faq"' });
  }
}

/** A valid key whose role does not allow the request. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super("forbidden", 403, message);
  }
}

/** An upload over MAX_UPLOAD_MB. */
export class FileTooLargeError extends AppError {
  constructor(maxBytes: number) {
    const limit =
      maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 104857.6) / 10} MB` : `${Math.ceil(maxBytes / 1024)} KB`;
    super("file_too_large", 413, `The file is larger than ${limit}, the upload limit (MAX_UPLOAD_MB).`);
  }
}

/** A body that is not valid JSON. */
export class InvalidJsonError extends AppError {
  constructor(reason: string) {
    super("invalid_json", 400, `The body is not valid JSON: ${reason}`);
  }
}

/** A body of another type than the route reads. */
export class UnsupportedMediaTypeError extends AppError {
  constructor(message = "The body must be JSON: send it with the header Content-Type: application/json.") {
    super("unsupported_media_type", 415, message);
  }
}
