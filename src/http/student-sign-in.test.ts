import { describe, expect, it } from "vitest";
import type { AnswerService, AskRequest } from "../ask/answer-service.js";
import { defaultParseLimits } from "../config.js";
import { openEditorial } from "../open-editorial.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { studentTokenVerifier } from "../students/verify-student-token.js";
import { editorialApp } from "../test-support/editorial-app.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { startFakeStudentSystem } from "../test-support/fake-student-system.js";
import { answerServiceWithLookUps, sampleRecordLookUps } from "../test-support/record-look-ups.js";
import { signStudentToken, TEST_PORTAL } from "../test-support/student-tokens.js";

const token = (expiresIn = "10m", secret?: string) =>
  signStudentToken({ expiresIn, ...(secret ? { secret } : {}), claims: { programme: "graduate" } });

/** An app whose answer service records who was asking. */
async function appWith(signIn: boolean) {
  const asked: AskRequest[] = [];
  const store = new SqliteIndexStore(":memory:");
  const answers = {
    ask: async (request: AskRequest) => {
      asked.push(request);
      return { status: "answered", answer: "ok", citations: [], confidence: 1, mode: "record", latency_ms: 1 };
    },
    collections: async () => [],
  } as unknown as AnswerService;
  const app = editorialApp(store, await editorialFor(store), [], {
    answers,
    ...(signIn ? { verifyStudentToken: studentTokenVerifier(TEST_PORTAL) } : {}),
  });
  const ask = (headers: Record<string, string>, path = "/v1/answer") =>
    app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(
        path === "/v1/answer"
          ? { question: "我借的書什麼時候到期？" }
          : { model: "grounded-faq", messages: [{ role: "user", content: "my loans" }] },
      ),
    });
  return { ask, asked };
}

describe("X-User-Token", () => {
  it("signs the student in for an answer and for a chat completion", async () => {
    const { ask, asked } = await appWith(true);
    expect((await ask({ "X-User-Token": await token() })).status).toBe(200);
    expect((await ask({ "X-User-Token": await token() }, "/v1/chat/completions")).status).toBe(200);
    expect(asked.map((request) => request.student)).toEqual([
      { id: "s1141234", programme: "graduate" },
      { id: "s1141234", programme: "graduate" },
    ]);
  });

  it("asks anonymously without one", async () => {
    const { ask, asked } = await appWith(true);
    expect((await ask({})).status).toBe(200);
    expect(asked[0]?.student).toBeUndefined();
  });

  it("refuses an expired or forged token with 401 and a reason, never answering anonymously", async () => {
    const { ask, asked } = await appWith(true);
    const expired = await ask({ "X-User-Token": await token("-1m") });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({
      error: { code: "student_token_expired", message: "The sign-in token has expired: sign in again." },
    });
    const forged = await ask({ "X-User-Token": await token("10m", "someone-elses-secret-of-32-characters!!") });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("invalid_student_token");
    expect(asked).toEqual([]);
  });

  it("is refused with 400 by a service that signs nobody in", async () => {
    const { ask, asked } = await appWith(false);
    const response = await ask({ "X-User-Token": await token() });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("student_sign_in_not_configured");
    expect(asked).toEqual([]);
  });
});

describe("a signed-in student through the OpenAI-compatible endpoint", () => {
  it("gets their record, cited as a record in the grounded_faq extension", async () => {
    const store = new SqliteIndexStore(":memory:");
    const editorial = await editorialFor(store);
    const system = await startFakeStudentSystem();
    const records = await openEditorial({ file: ":memory:" }, store, { parseLimits: defaultParseLimits });
    try {
      const answers = answerServiceWithLookUps(store, sampleRecordLookUps(system, records), editorial.interactions);
      const app = editorialApp(store, editorial, [], {
        answers,
        verifyStudentToken: studentTokenVerifier(TEST_PORTAL),
      });
      const response = await app.request("/v1/chat/completions", {
        method: "POST",
        headers: { "content-type": "application/json", "X-User-Token": await signStudentToken() },
        body: JSON.stringify({
          model: "grounded-faq",
          messages: [{ role: "user", content: "Have I paid my tuition?" }],
        }),
      });
      const completion = (await response.json()) as {
        choices: { message: { content: string } }[];
        grounded_faq: { status: string; citations: { kind?: string; system?: string }[] };
      };
      expect(completion.choices[0]?.message.content).toMatch(/^Your tuition for term 115-1: not paid yet/);
      expect(completion.grounded_faq).toMatchObject({
        status: "answered",
        citations: [{ kind: "record", system: "cashier's system" }],
      });
    } finally {
      await system.close();
      await records.close();
    }
  });
});
