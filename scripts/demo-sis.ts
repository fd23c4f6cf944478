// Starts the sample university's fake student-information system on 127.0.0.1, for trying the
// sample actions by hand (docs/actions.md): npm run demo:sis, then start the service with the
// variables it prints.
import { FAKE_SYSTEM_TOKEN, startFakeStudentSystem } from "../src/test-support/fake-student-system.js";

const port = Number(process.env.PORT ?? 4010);
const system = await startFakeStudentSystem({ port });
console.log(`Fake student-information system on ${system.baseUrl} (students s1141234 and s1142001).
Start the service beside it with:
  SIS_BASE_URL=${system.baseUrl} SIS_API_TOKEN=${FAKE_SYSTEM_TOKEN} \\
  STUDENT_TOKEN_SECRET=demo-portal-secret-at-least-32-chars STUDENT_TOKEN_ISSUER=demo-portal STUDENT_TOKEN_AUDIENCE=grounded-faq \\
  SIGN_IN_URL=https://portal.lakeside.example.edu/login npm start
and sign a student's token with:
  npm run demo:token -- s1141234
Ctrl-C stops it.`);
process.on("SIGINT", () => system.close().then(() => process.exit(0)));
