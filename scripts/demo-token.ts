// Signs a short-lived sign-in token for a sample student, as a portal would, with the demo secret
// that `npm run demo:sis` prints (or STUDENT_TOKEN_SECRET, _ISSUER and _AUDIENCE when set).
import { SignJWT } from "jose";

const [studentId, programme = "undergraduate"] = process.argv.slice(2);
if (!studentId || !/^[\w.@:-]{1,64}$/.test(studentId)) {
  console.error("usage: npm run demo:token -- STUDENT_ID [undergraduate|graduate|international]");
  process.exit(2);
}
const secret = process.env.STUDENT_TOKEN_SECRET ?? "demo-portal-secret-at-least-32-chars";
const token = await new SignJWT({ programme })
  .setProtectedHeader({ alg: "HS256" })
  .setSubject(studentId)
  .setIssuer(process.env.STUDENT_TOKEN_ISSUER ?? "demo-portal")
  .setAudience(process.env.STUDENT_TOKEN_AUDIENCE ?? "grounded-faq")
  .setIssuedAt()
  .setExpirationTime("1h")
  .sign(new TextEncoder().encode(secret));
console.log(token);
