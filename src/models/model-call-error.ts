import { AppError } from "../errors.js";

/** A call to a chat or embedding model that failed; the adapter that saw the failure says whether to try again. */
export class ModelCallError extends AppError {
  readonly isRetryable: boolean;
  /** The model server's HTTP status, when it answered at all. */
  readonly statusCode?: number;

  constructor(message: string, options: { isRetryable: boolean; statusCode?: number; cause?: unknown }) {
    super("model_failed", message);
    this.isRetryable = options.isRetryable;
    this.statusCode = options.statusCode;
    this.cause = options.cause;
  }

  /** The server refused for now because of too many requests. */
  get isRateLimited(): boolean {
    return this.statusCode === 429;
  }
}
