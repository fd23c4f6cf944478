import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { exportJWK, generateKeyPair, type JWK, SignJWT, UnsecuredJWT } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { StudentTokenError } from "../errors.js";
import { studentTokenVerifier } from "./verify-student-token.js";

const SECRET = "a-shared-secret-of-at-least-32-characters";
const settings = { secret: SECRET, issuer: "https://portal.lakeside.example.edu", audience: "grounded-faq" };
const verify = studentTokenVerifier(settings);

function token(claims: Record<string, unknown> = {}, options: { expiresIn?: string; secret?: string } = {}) {
  const payload = {
    sub: "s1141234",
    iss: settings.issuer,
    aud: settings.audience,
    name: "王小明",
    programme: "undergraduate",
    ...claims,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "10m")
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

async function refusal(pending: Promise<unknown>): Promise<StudentTokenError> {
  const error = await pending.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(StudentTokenError);
  return error as StudentTokenError;
}

describe("studentTokenVerifier with a shared secret", () => {
  it("reads the student from a valid token", async () => {
    expect(await verify(await token())).toEqual({ id: "s1141234", programme: "undergraduate" });
  });

  it("refuses an expired token, saying so", async () => {
    const error = await refusal(verify(await token({}, { expiresIn: "-5m" })));
    expect(error.code).toBe("student_token_expired");
    expect(error.message).toMatch(/expired/);
  });

  it("refuses a token for another audience or from another issuer", async () => {
    expect((await refusal(verify(await token({ aud: "another-service" })))).message).toMatch(/aud does not match/);
    expect((await refusal(verify(await token({ iss: "https://evil.example" })))).message).toMatch(/iss does not match/);
  });

  it("refuses a forged signature, an unsigned token and a token without an expiry", async () => {
    expect(
      (await refusal(verify(await token({}, { secret: "another-secret-of-at-least-32-characters" })))).message,
    ).toMatch(/signature/);
    const unsigned = new UnsecuredJWT({ sub: "s1141234" })
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setExpirationTime("10m")
      .encode();
    expect((await refusal(verify(unsigned))).code).toBe("invalid_student_token");
    const noExpiry = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("s1141234")
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .sign(new TextEncoder().encode(SECRET));
    expect(await refusal(verify(noExpiry))).toMatchObject({
      code: "invalid_student_token",
      message: "The sign-in token has no exp claim, which every token must have.",
    });
    expect((await refusal(verify("not.a.token"))).code).toBe("invalid_student_token");
  });

  it("refuses a token whose student id is not an id, and one that is not short-lived", async () => {
    expect((await refusal(verify(await token({ sub: "s1 OR 1=1; --" })))).message).toMatch(/not usable/);
    expect((await refusal(verify(await token({ sub: ".." })))).message).toMatch(/not usable/);
    expect((await refusal(verify(await token({}, { expiresIn: "30d" })))).message).toMatch(/short-lived/);
  });
});

describe("studentTokenVerifier with the university's key set", () => {
  const keySet: { keys: JWK[] } = { keys: [] };
  const app = new Hono().get("/jwks.json", (context) => context.json(keySet));
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function signingKey(kid: string) {
    const { privateKey, publicKey } = await generateKeyPair("ES256");
    return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } };
  }
  const signedWith = (key: { privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"] }, kid: string) =>
    new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid })
      .setSubject("s1141234")
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setExpirationTime("10m")
      .sign(key.privateKey);

  it("follows a key rotation: a token signed with a new key is checked against the key set fetched again", async () => {
    const { port } = server.address() as AddressInfo;
    const viaKeySet = studentTokenVerifier({
      jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
      issuer: settings.issuer,
      audience: settings.audience,
      keySetCooldownMs: 0,
    });
    const first = await signingKey("2026-a");
    keySet.keys = [first.jwk];
    expect((await viaKeySet(await signedWith(first, "2026-a"))).id).toBe("s1141234");
    const second = await signingKey("2026-b");
    keySet.keys = [second.jwk];
    expect((await viaKeySet(await signedWith(second, "2026-b"))).id).toBe("s1141234");
    // The key set not answering is said as such (503), not as a forged token.
    const unreachable = studentTokenVerifier({
      ...settings,
      secret: undefined,
      jwksUrl: "http://127.0.0.1:9/jwks.json",
    });
    await expect(unreachable(await signedWith(second, "2026-b"))).rejects.toMatchObject({
      code: "sign_in_unavailable",
    });
    // A key the university no longer publishes is not trusted, and neither is the shared-secret kind.
    await refusal(viaKeySet(await signedWith(first, "2026-a")));
    expect((await refusal(viaKeySet(await token()))).message).toMatch(/signed in a way/);
  });
});
