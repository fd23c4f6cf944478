import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openEditorialDatabase } from "./database/open-database.js";
import { ApiKeyStore } from "./editorial/api-keys.js";
import { startFakeOpenAiServer } from "./test-support/fake-openai-server.js";
import { FAKE_SYSTEM_TOKEN, startFakeStudentSystem } from "./test-support/fake-student-system.js";
import { startRecordingQdrantServer } from "./test-support/recording-qdrant-server.js";
import { freePort, SLOW_START_MS, startServer, stopServers } from "./test-support/service-process.js";
import { signStudentToken, TEST_PORTAL } from "./test-support/student-tokens.js";
import { makeTemporaryFolder } from "./test-support/temporary-folder.js";
import { VOCABULARY_FILE } from "./text/vocabulary-file.js";

const folder = makeTemporaryFolder();
afterAll(() => {
  stopServers();
  folder.cleanUp();
});

describe("the service process", { timeout: 3 * SLOW_START_MS }, () => {
  it("syncs the knowledge folder, answers over HTTP, and skips unchanged files after a restart", async () => {
    folder.write("knowledge/library/hours.md", "# 圖書館開放時間\n\n湖光圖書館週日開館時間為下午1點至晚上9點。");
    const environment = {
      KNOWLEDGE_DIR: path.join(folder.root, "knowledge"),
      DATA_DIR: path.join(folder.root, "data"),
    };

    const first = await startServer(environment);
    await first.waitUntilReady();
    const response = await fetch(first.url("/v1/answer"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "圖書館週日開館時間是幾點?" }),
    });
    const answer = (await response.json()) as { status: string; answer: string; citations: unknown[] };
    expect(answer).toMatchObject({ status: "answered", citations: [{ doc_id: "library/hours.md" }] });
    expect(answer.answer).toContain("下午1點");
    expect(first.output()).toContain('"added":1');
    await first.stop();

    // Restarted with a confidence model calibrated for other documents, one that trusts nothing.
    folder.write("never-sure.json", JSON.stringify({ intercept: -20, weights: { passageCoverage: 1 } }));
    const second = await startServer({
      ...environment,
      CONFIDENCE_MODEL_FILE: path.join(folder.root, "never-sure.json"),
    });
    await second.waitUntilReady();
    expect(second.output()).toContain('"unchanged":1');
    const doubted = await fetch(second.url("/v1/answer"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "圖書館週日開館時間是幾點?" }),
    });
    expect(await doubted.json()).toMatchObject({ status: "abstained", citations: [] });
    await second.stop();
  });

  it("waits for an unreachable Qdrant, saying so on /readyz, and serves once it answers", async () => {
    folder.write("qdrant-knowledge/a.md", "# 圖書館\n\n圖書館週日開放。");
    const qdrantPort = await freePort();
    const server = await startServer({
      KNOWLEDGE_DIR: path.join(folder.root, "qdrant-knowledge"),
      DATA_DIR: path.join(folder.root, "data-qdrant"),
      QDRANT_URL: `http://127.0.0.1:${qdrantPort}`,
    });
    await expect
      .poll(async () => (await fetch(server.url("/readyz")).catch(() => undefined))?.status, { timeout: SLOW_START_MS })
      .toBe(503);
    expect((await fetch(server.url("/healthz"))).status).toBe(200);
    const notReady = (await (await fetch(server.url("/readyz"))).json()) as { error: { message: string } };
    expect(notReady.error.message).toMatch(/unreachable.*retrying/);

    const qdrant = await startRecordingQdrantServer(qdrantPort);
    try {
      await server.waitUntilReady();
      expect(qdrant.requests.some((request) => request.path === "/collections/grounded_faq")).toBe(true);
      expect(server.output()).toContain('"added":1');
    } finally {
      await server.stop();
      await qdrant.close();
    }
  });

  it("does not retry a Qdrant that refuses its key, and says to check QDRANT_API_KEY", async () => {
    const refusing = http.createServer((_, response) => {
      response.writeHead(403, { "content-type": "application/json" }).end('{"status":{"error":"Forbidden"}}');
    });
    const qdrantPort = await freePort();
    await new Promise<void>((resolve) => refusing.listen(qdrantPort, "127.0.0.1", resolve));
    folder.write("refused-knowledge/a.md", "# 圖書館\n\n圖書館週日開放。");
    const server = await startServer({
      KNOWLEDGE_DIR: path.join(folder.root, "refused-knowledge"),
      DATA_DIR: path.join(folder.root, "data-refused"),
      QDRANT_URL: `http://127.0.0.1:${qdrantPort}`,
      QDRANT_API_KEY: "not-the-servers-key",
    });
    try {
      const reason = async () => {
        const response = await fetch(server.url("/readyz")).catch(() => undefined);
        return response?.status === 503
          ? ((await response.json()) as { error: { message: string } }).error.message
          : "";
      };
      await expect.poll(reason, { timeout: SLOW_START_MS }).toMatch(/first sync failed.*QDRANT_API_KEY/);
      // The log line may reach the test's pipe a moment after /readyz says so.
      await expect.poll(() => server.output(), { timeout: SLOW_START_MS }).toContain('"event":"sync_failed"');
      expect(server.output()).not.toContain('"event":"index_unreachable"');
    } finally {
      await server.stop();
      await new Promise((resolve) => refusing.close(resolve));
    }
  });

  it("finishes an answer in flight on SIGTERM, says it is stopping on /readyz meanwhile, and exits 0", async () => {
    folder.write("stopping-knowledge/library.md", "# Library hours\n\nThe main library opens at 8 am on weekdays.\n");
    const model = await startFakeOpenAiServer();
    try {
      const server = await startServer({
        KNOWLEDGE_DIR: path.join(folder.root, "stopping-knowledge"),
        DATA_DIR: path.join(folder.root, "data-stopping"),
        OPENAI_BASE_URL: model.baseUrl,
      });
      await server.waitUntilReady();
      model.scriptChat({ kind: "reply", text: "The main library opens at 8 am on weekdays. [1]", delayMs: 1500 });
      const inFlight = fetch(server.url("/v1/answer"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "When does the library open?" }),
      });
      await expect.poll(() => model.chatRequests.length, { timeout: 5000 }).toBeGreaterThan(0);
      const ready = await fetch(server.url("/readyz"));
      process.kill(server.pid ?? 0, "SIGTERM");
      expect(ready.status).toBe(200);
      await expect.poll(async () => (await fetch(server.url("/readyz")).catch(() => undefined))?.status).not.toBe(200);
      expect((await inFlight).status).toBe(200);
      expect(await server.exited).toBe(0);
    } finally {
      await model.close();
    }
  });

  it("refuses to start without its knowledge folder, naming the variable", async () => {
    const server = await startServer({
      KNOWLEDGE_DIR: path.join(folder.root, "missing"),
      DATA_DIR: path.join(folder.root, "data-missing"),
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("KNOWLEDGE_DIR");
  });

  it("refuses to start on a bad setting and names the variable", async () => {
    const server = await startServer({ ABSTAIN_THRESHOLD: "2", DATA_DIR: path.join(folder.root, "data-bad") });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("ABSTAIN_THRESHOLD");
  });

  it("refuses to start on a mistake in an action file, naming the file and line", async () => {
    folder.write("actions-knowledge/library/rules.md", "# 借書規則\n\n大學部學生可借圖書 10 冊。\n");
    folder.write("actions-knowledge/_actions/loans.yml", "id: Library Loans\n");
    const server = await startServer({
      KNOWLEDGE_DIR: path.join(folder.root, "actions-knowledge"),
      DATA_DIR: path.join(folder.root, "data-actions-bad"),
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/Fix the action files:\n\s+.*_actions\/loans\.yml:1: id: use lowercase letters/);
  });

  it("refuses to start on an action pattern that would stall answers", async () => {
    folder.write("slow-actions-knowledge/library/rules.md", "# 借書規則\n\n大學部學生可借圖書 10 冊。\n");
    const renew = fs.readFileSync("knowledge/_actions/renew-loan.yml", "utf8");
    folder.write("slow-actions-knowledge/_actions/renew-loan.yml", renew.replace(/pattern: .*/, 'pattern: "(a+)+$"'));
    const server = await startServer({
      KNOWLEDGE_DIR: path.join(folder.root, "slow-actions-knowledge"),
      DATA_DIR: path.join(folder.root, "data-slow-actions"),
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/renew-loan\.yml: parameters\.barcode\.pattern: takes more than 2 s/);
  });

  it("looks up a signed-in student's own record in the system an action names, and asks anyone else to sign in", async () => {
    const system = await startFakeStudentSystem();
    try {
      const server = await startServer({
        DATA_DIR: path.join(folder.root, "data-actions"),
        SIS_BASE_URL: system.baseUrl,
        SIS_API_TOKEN: FAKE_SYSTEM_TOKEN,
        STUDENT_TOKEN_SECRET: TEST_PORTAL.secret,
        STUDENT_TOKEN_ISSUER: TEST_PORTAL.issuer,
        STUDENT_TOKEN_AUDIENCE: TEST_PORTAL.audience,
      });
      await server.waitUntilReady();
      const token = await signStudentToken({ studentId: "s1142001" });
      const ask = async (headers: Record<string, string>) =>
        (await fetch(server.url("/v1/answer"), {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ question: "我的宿舍申請審核到哪了？" }),
        }).then((response) => response.json())) as { status: string; answer: string };
      expect(await ask({ "X-User-Token": token })).toMatchObject({
        status: "answered",
        answer: "你於 2026-06-02 送出的研究生宿舍住宿申請：已核准。[1]",
      });
      expect((await ask({})).status).toBe("sign_in_required");
      expect(system.requests.map((request) => request.path)).toEqual(["/students/s1142001/dormitory"]);
      await server.stop();
    } finally {
      await system.close();
    }
  });

  it("refuses to start when DATA_DIR is a file, saying so without a stack trace", async () => {
    folder.write("data-is-a-file", "not a folder");
    const dataDir = path.join(folder.root, "data-is-a-file");
    const server = await startServer({ KNOWLEDGE_DIR: path.join(folder.root, "qdrant-knowledge"), DATA_DIR: dataDir });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(`DATA_DIR ${dataDir} is a file, not a folder.`);
    expect(server.output()).not.toMatch(/^\s+at /m);
  });

  it("answers with the knowledge folder's vocabulary and the editors' together, an editors' save taking effect at once", async () => {
    folder.write(
      "vocabulary-knowledge/housing/pets.md",
      "# Pets in residence halls\n\nSmall fish tanks and reptile tanks of up to 20 litres are allowed in residence hall rooms.\n",
    );
    folder.write(`vocabulary-knowledge/${VOCABULARY_FILE}`, "synonyms:\n  - dorm, residence hall\n");
    const dataDir = path.join(folder.root, "data-vocabulary");
    const database = await openEditorialDatabase({ file: path.join(dataDir, "editorial.sqlite") });
    const { key } = await new ApiKeyStore(database.db).create({
      name: "housing office",
      role: "editor",
      createdBy: "test",
    });
    await database.close();
    const server = await startServer({
      KNOWLEDGE_DIR: path.join(folder.root, "vocabulary-knowledge"),
      DATA_DIR: dataDir,
    });
    // Answered only with both: the file's group (dorm) and the editors' (aquarium, terrarium).
    const ask = async () =>
      (await (
        await fetch(server.url("/v1/answer"), {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ question: "Can I keep an aquarium or a terrarium in my dorm?" }),
        })
      ).json()) as { status: string };
    try {
      await server.waitUntilReady();
      expect(await ask()).toMatchObject({ status: "abstained" });
      const saved = await fetch(server.url("/v1/vocabulary"), {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ text: "synonyms:\n  - aquarium, fish tank\n  - terrarium, reptile tank\n" }),
      });
      expect(saved.status).toBe(200);
      expect(((await saved.json()) as { file: unknown }).file).toMatchObject({
        path: path.join(folder.root, "vocabulary-knowledge", VOCABULARY_FILE),
        synonym_groups: 1,
      });
      expect(await ask()).toMatchObject({ status: "answered" });
    } finally {
      await server.stop();
    }
  });

  it("sets a corrupted index aside and rebuilds it, and answers on without a corrupted editorial file", async () => {
    folder.write("sick-knowledge/library/hours.md", "# 圖書館開放時間\n\n湖光圖書館週日開館時間為下午1點至晚上9點。");
    const garbage = "this was a database once ".repeat(400);
    folder.write("data-sick/grounded-faq.sqlite", garbage);
    folder.write("data-sick/editorial.sqlite", garbage);
    const dataDir = path.join(folder.root, "data-sick");
    const server = await startServer({ KNOWLEDGE_DIR: path.join(folder.root, "sick-knowledge"), DATA_DIR: dataDir });
    try {
      await server.waitUntilReady();
      expect(await (await fetch(server.url("/readyz"))).json()).toMatchObject({ editorial: "unavailable" });
      const response = await fetch(server.url("/v1/answer"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "圖書館週日開館時間是幾點?" }),
      });
      expect(await response.json()).toMatchObject({ status: "answered", citations: [{ doc_id: "library/hours.md" }] });
      expect((await fetch(server.url("/v1/keys"), { headers: { authorization: "Bearer gfk_x" } })).status).toBe(503);
      expect(server.output()).toContain('"event":"index_set_aside"');
      expect(server.output()).toContain('"event":"editorial_store_unavailable"');
    } finally {
      await server.stop();
    }
    const setAside = fs.readdirSync(dataDir).filter((name) => name.startsWith("grounded-faq.sqlite.corrupt-"));
    expect(setAside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, setAside[0] ?? ""), "utf8")).toBe(garbage);
    expect(fs.readFileSync(path.join(dataDir, "editorial.sqlite"), "utf8")).toBe(garbage);
  });
});
