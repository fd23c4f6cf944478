import type { Context, MiddlewareHandler } from "hono";
import { InvalidRequestError } from "../errors.js";
import type { Student, VerifyStudentToken } from "../students/verify-student-token.js";

/** The header a portal's page (or the widget, from `data-user-token`) sends a student's token in. */
export const USER_TOKEN_HEADER = "X-User-Token";

export type StudentEnv = { Variables: { student?: Student } };

/**
 * Reads the signed-in student from `X-User-Token` for the routes that answer questions. A token
 * that fails verification is refused (401), never read as an anonymous asker; a token sent to a
 * service that signs nobody in is a mistake of the caller's, said so (400).
 */
export function signInStudents(verify: VerifyStudentToken | undefined): MiddlewareHandler<StudentEnv> {
  return async (context, next) => {
    const token = context.req.header(USER_TOKEN_HEADER)?.trim();
    if (token) {
      if (!verify)
        throw new InvalidRequestError(
          `This service signs no students in, so ${USER_TOKEN_HEADER} cannot be used: set STUDENT_TOKEN_SECRET or STUDENT_TOKEN_JWKS_URL (docs/actions.md).`,
          "student_sign_in_not_configured",
        );
      context.set("student", await verify(token));
    }
    await next();
  };
}

/** The student `signInStudents` read for this request, if any. */
export function studentOf(context: Context): Student | undefined {
  return (context as unknown as Context<StudentEnv>).get("student");
}
