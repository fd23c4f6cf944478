import type { Context } from "hono";
import type { BodyData, ParseBodyOptions } from "hono/utils/body";
import { AppError, InvalidRequestError } from "../errors.js";

/**
 * The request's form fields, for every route that reads a form (uploads included). A body that does
 * not parse as the form its Content-Type announces (truncated, a missing or wrong boundary, JSON or
 * text sent as multipart, a file name with a bare `"`) is the client's mistake: a 400 `invalid_form`,
 * never a 500. Other content types give no fields, as Hono's parseBody does.
 */
export async function readForm<Options extends Partial<ParseBodyOptions>>(
  context: Context,
  options?: Options,
): Promise<BodyData<Options>> {
  try {
    return await context.req.parseBody<Options, BodyData<Options>>(options);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalidForm(context.req.header("content-type") ?? "");
  }
}

/** A body that does not parse as the form its Content-Type announces: 400 `invalid_form`. */
export function invalidForm(contentType: string): InvalidRequestError {
  const noBoundary = /^multipart\//i.test(contentType) && !/;\s*boundary=/i.test(contentType);
  return new InvalidRequestError(
    `The form could not be read${noBoundary ? " (its Content-Type names no boundary)" : ""}: send the form as multipart/form-data or application/x-www-form-urlencoded with a valid boundary.`,
    "invalid_form",
  );
}
