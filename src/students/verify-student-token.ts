import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from "jose";
import { z } from "zod";
import { SignInUnavailableError, StudentTokenError } from "../errors.js";

/** How a deployment's portal signs its students' tokens (STUDENT_TOKEN_* settings). */
export interface StudentTokenSettings {
  /** A shared secret: tokens are signed with HS256. */
  secret?: string;
  /** Or the university's key set: tokens are signed with one of its keys (RS256, ES256, EdDSA…). */
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /** How soon the key set may be fetched again for a token naming a key it lacks (30 s by default). */
  keySetCooldownMs?: number;
}

/**
 * A signed-in student, as the portal vouched for them: the id comes from the token and nowhere
 * else; the programme decides which actions they may use. Other claims are not read.
 */
export interface Student {
  id: string;
  programme?: "undergraduate" | "graduate" | "international";
}

export type VerifyStudentToken = (token: string) => Promise<Student>;

/** Clocks of the portal and the service may differ by this much. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** Signatures with a secret, and with a key set's keys: never `none`, never a secret used as a public key. */
const SECRET_ALGORITHMS = ["HS256"];
const KEY_SET_ALGORITHMS = ["RS256", "PS256", "ES256", "EdDSA"];
const MAX_TOKEN_CHARS = 8192;
/** A portal's token is short-lived: one that would stay valid for longer than this is not one. */
const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const KEY_SET_TIMEOUT_MS = 5000;
const KEY_SET_COOLDOWN_MS = 30_000;

const claimsSchema = z.object({
  sub: z
    .string()
    .regex(/^[\w.@:-]{1,64}$/, "the student id (sub) is not an id")
    .refine((id) => !/^\.+$/.test(id), "the student id (sub) is not an id"),
  programme: z.enum(["undergraduate", "graduate", "international"]).optional(),
  exp: z
    .number()
    .refine(
      (expiry) => expiry <= Date.now() / 1000 + MAX_TOKEN_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS,
      "it stays valid for more than a day, and a sign-in token must be short-lived",
    ),
});

/**
 * Verifies the tokens a portal signs for its students: the signature against the shared secret or
 * the university's key set (fetched when a token names a key it does not have, so a rotated key is
 * picked up), then issuer, audience and expiry. A token that fails any check is refused with the
 * reason, never read as an anonymous student.
 */
export function studentTokenVerifier(settings: StudentTokenSettings): VerifyStudentToken {
  const options = (algorithms: string[]) => ({
    issuer: settings.issuer,
    audience: settings.audience,
    algorithms,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ["exp", "sub"],
  });
  let verify: (token: string) => Promise<{ payload: JWTPayload }>;
  if (settings.secret !== undefined) {
    const secret = new TextEncoder().encode(settings.secret);
    verify = (token) => jwtVerify(token, secret, options(SECRET_ALGORITHMS));
  } else if (settings.jwksUrl !== undefined) {
    const keySet = createRemoteJWKSet(new URL(settings.jwksUrl), {
      timeoutDuration: KEY_SET_TIMEOUT_MS,
      cooldownDuration: settings.keySetCooldownMs ?? KEY_SET_COOLDOWN_MS,
    });
    verify = (token) => jwtVerify(token, keySet, options(KEY_SET_ALGORITHMS));
  } else throw new Error("studentTokenVerifier needs a secret or a key set URL");
  return async (token) => {
    if (token.length > MAX_TOKEN_CHARS) throw new StudentTokenError("The sign-in token is too long to be one.");
    let payload: JWTPayload;
    try {
      ({ payload } = await verify(token));
    } catch (error) {
      // The key set not answering is not the student's doing: try again shortly (503), not "forged".
      if (settings.jwksUrl && isKeySetUnreachable(error))
        throw new SignInUnavailableError(
          "The university's keys could not be read to check the sign-in token; try again shortly.",
        );
      throw new StudentTokenError(
        reasonFor(error),
        error instanceof errors.JWTExpired ? "student_token_expired" : undefined,
      );
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success)
      throw new StudentTokenError(`The sign-in token is not usable: ${claims.error.issues[0]?.message}.`);
    const { sub, programme } = claims.data;
    return { id: sub, ...(programme ? { programme } : {}) };
  };
}

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "The sign-in token has expired: sign in again.";
  if (error instanceof errors.JWTClaimValidationFailed)
    return error.reason === "missing"
      ? `The sign-in token has no ${error.claim} claim, which every token must have.`
      : `The sign-in token was not issued for this service (${error.claim} does not match).`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The sign-in token's signature is not valid.";
  if (error instanceof errors.JOSEAlgNotAllowed)
    return "The sign-in token is signed in a way this service does not accept.";
  if (error instanceof errors.JWKSNoMatchingKey)
    return "The sign-in token was signed with a key the university does not publish.";
  return "The sign-in token is not a valid token.";
}

/** A key set that timed out, answered with an error or no key set, or could not be reached at all. */
function isKeySetUnreachable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  if (!(error instanceof errors.JOSEError)) return true;
  return /JSON Web Key Set HTTP response/.test(error.message);
}
