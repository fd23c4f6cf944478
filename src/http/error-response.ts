import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  AppError,
  ConflictError,
  CorruptedDatabaseError,
  DatabaseUnavailableError,
  DocumentParseError,
  EditorialStoreUnavailableError,
  ForbiddenError,
  HeadersTooLargeError,
  InvalidRequestError,
  isCorruptDatabaseError,
  isDatabaseUnavailableError,
  isDiskFullError,
  MethodNotAllowedError,
  NotFoundError,
  NotReadyError,
  PayloadTooLargeError,
  RateLimitedError,
  SignInUnavailableError,
  StorageFullError,
  StoreUnavailableError,
  StudentTokenError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from "../errors.js";
import { ModelCallError } from "../models/model-call-error.js";
import { requestLogger } from "../observability/index.js";

type ErrorClass = abstract new (...args: never[]) => AppError;

/** The one table from what failed to how HTTP says it; subclasses take their parent's status. */
const STATUS_OF: [ErrorClass, ContentfulStatusCode][] = [
  [InvalidRequestError, 400],
  [UnauthorizedError, 401],
  [StudentTokenError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [MethodNotAllowedError, 405],
  [ConflictError, 409],
  [PayloadTooLargeError, 413],
  [UnsupportedMediaTypeError, 415],
  [HeadersTooLargeError, 431],
  [DocumentParseError, 422],
  [RateLimitedError, 429],
  [NotReadyError, 503],
  [StoreUnavailableError, 503],
  [SignInUnavailableError, 503],
  [EditorialStoreUnavailableError, 503],
  [CorruptedDatabaseError, 503],
  [DatabaseUnavailableError, 503],
  [StorageFullError, 507],
  [ModelCallError, 503],
];

/** An error as the response says it: status, headers and the `{ error: { code, message } }` body. */
export interface ErrorResponse {
  status: ContentfulStatusCode;
  headers: Record<string, string>;
  body: { error: { code: string; message: string } };
}

export function errorResponse(error: unknown): ErrorResponse {
  const known = asAppError(error);
  return {
    status: httpStatusOf(known),
    headers: headersOf(known),
    body: { error: { code: known.code, message: known.message } },
  };
}

export function httpStatusOf(error: AppError): ContentfulStatusCode {
  return STATUS_OF.find(([errorClass]) => error instanceof errorClass)?.[1] ?? 500;
}

function headersOf(error: AppError): Record<string, string> {
  if (error instanceof MethodNotAllowedError) return { Allow: error.allowed.join(", ") };
  if (error instanceof UnauthorizedError) return { "WWW-Authenticate": 'Bearer realm="grounded-faq"' };
  if (error instanceof RateLimitedError) return { "Retry-After": String(error.retryAfterSeconds) };
  return {};
}

/** Hono's own client errors, by their status. */
function fromHttpException(error: HTTPException): AppError | undefined {
  if (error.status === 415) return new UnsupportedMediaTypeError();
  if (error.status === 413) return new PayloadTooLargeError(0, "payload_too_large", error.message);
  if (error.status === 404) return new NotFoundError(error.message);
  if (error.status === 403) return new ForbiddenError(error.message);
  if (error.status === 401) return new UnauthorizedError(error.message);
  if (error.status < 500)
    return new InvalidRequestError(error.message, /json/i.test(error.message) ? "invalid_json" : "invalid_request");
  return undefined;
}

/** Node's word for a request whose connection closed while its body was being read: the client's doing. */
function isAbortedRequest(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "ECONNRESET" && message === "aborted";
}

/**
 * Every error as the AppError it is answered with: ours as they are, Hono's client errors by their
 * status, anything else a 500 that is logged here and never shown.
 */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDiskFullError(error)) return new StorageFullError();
  if (isAbortedRequest(error)) {
    return new InvalidRequestError("The request's body ended before it was complete.", "incomplete_body");
  }
  const fromHono = error instanceof HTTPException ? fromHttpException(error) : undefined;
  if (fromHono) return fromHono;
  if (isDatabaseUnavailableError(error)) {
    requestLogger()?.warn({ event: "database_unavailable", reason: (error as Error).message });
    return new DatabaseUnavailableError();
  }
  const known = isCorruptDatabaseError(error) ? new CorruptedDatabaseError() : undefined;
  // With its stack, in the request's JSON line (request_id included); outside a request, on stderr.
  const logger = requestLogger();
  const event = known ? "database_corrupted" : "internal_error";
  if (logger) logger.error({ event, err: error }, known ? "a database is corrupted" : "unexpected error");
  else console.error(error);
  return known ?? new AppError("internal_error", "Something went wrong on our side.");
}
