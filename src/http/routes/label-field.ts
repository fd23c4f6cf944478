import { z } from "@hono/zod-openapi";
import { cleanLabel } from "../../text/clean-label.js";

/**
 * A one-line label people type (a key's name, a title, a tag, a hand-off's name): control and bidi
 * characters are removed (cleanLabel) before its length is checked, so that one made only of them
 * is refused as empty.
 */
export function labelField(maxLength: number) {
  return z
    .string()
    .transform(cleanLabel)
    .pipe(
      z
        .string()
        .min(1, "must not be empty once control and bidi characters are removed")
        .max(maxLength, `use at most ${maxLength} characters`),
    )
    .openapi({ minLength: 1, maxLength, description: "control and bidi characters are removed" });
}
