import { SignJWT } from "jose";

/** How the tests' portal signs its students in. */
export const TEST_PORTAL = {
  secret: "the-portal-secret-of-at-least-32-characters",
  issuer: "https://portal.lakeside.example.edu",
  audience: "grounded-faq",
} as const;

/** A token the tests' portal signs for a student (s1141234 by default), expiring as `expiresIn` says. */
export function signStudentToken(
  options: { studentId?: string; expiresIn?: string; secret?: string; claims?: Record<string, unknown> } = {},
): Promise<string> {
  return new SignJWT({ ...options.claims })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(options.studentId ?? "s1141234")
    .setIssuer(TEST_PORTAL.issuer)
    .setAudience(TEST_PORTAL.audience)
    .setExpirationTime(options.expiresIn ?? "10m")
    .sign(new TextEncoder().encode(options.secret ?? TEST_PORTAL.secret));
}
