import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { type ActionDefinition, parseActionDefinition, readActionDefinitions } from "../actions/action-definition.js";
import { RecordSystems } from "../actions/call-record-system.js";
import { RecordLookUps } from "../actions/look-up-records.js";
import { ActionMatcher } from "../actions/match-action.js";
import { defaultParseLimits } from "../config.js";
import { type Editorial, openEditorial } from "../open-editorial.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import type { Student } from "../students/verify-student-token.js";
import { type FakeStudentSystem, startFakeStudentSystem } from "../test-support/fake-student-system.js";
import { answerServiceWithLookUps, sampleRecordLookUps } from "../test-support/record-look-ups.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import type { AnswerService } from "./answer-service.js";

const folder = makeTemporaryFolder();
let store: SqliteIndexStore;
let system: FakeStudentSystem;
let editorial: Editorial;
let service: AnswerService;

/** A test-only action whose detail the question may leave out: which record, courses or loans. */
const recordOfAKind: ActionDefinition = parseActionDefinition(
  `id: record-of-a-kind
title: { zh: 我的紀錄, en: My records }
examples: { zh: [我要查我的紀錄], en: [look up my records] }
system: { zh: 教務系統, en: student information system }
parameters:
  student_id: { from: token }
  kind: { from: question, pattern: "\\\\b(courses|loans)\\\\b", ask: { zh: 要查哪一種紀錄？courses 還是 loans？, en: "Which records: courses or loans?" } }
request: { method: GET, base_url_env: SIS_BASE_URL, path: "/students/{student_id}/{kind}", headers: { Authorization: { env: SIS_API_TOKEN, prefix: "Bearer " } } }
response: { answer: { zh: "找到你的 {kind} 紀錄。", en: "Found your {kind} records." } }
`,
  "record-of-a-kind.yml",
);

const student: Student = { id: "s1141234", programme: "undergraduate" };

beforeAll(async () => {
  folder.write(
    "knowledge/library/borrowing.md",
    "# 借書規則\n\n大學部學生可借圖書 10 冊，借期 30 天，可續借 2 次。逾期每冊每日罰款 5 元。\n",
  );
  folder.write("knowledge/registrar/graduation.md", "# 畢業學分\n\n學士班學生須修滿 128 學分始得畢業。\n");
  store = new SqliteIndexStore(path.join(folder.root, "index.sqlite"));
  await syncFolder(store, path.join(folder.root, "knowledge"));
  system = await startFakeStudentSystem({ slowMs: 2000 });
});
afterAll(async () => {
  await system.close();
  await store.close();
  folder.cleanUp();
});
beforeEach(async () => {
  system.reset();
  editorial = await openEditorial({ file: ":memory:" }, store, { parseLimits: defaultParseLimits });
  service = answerServiceWithLookUps(
    store,
    sampleRecordLookUps(system, editorial, { extraActions: [recordOfAKind] }),
    editorial.interactions,
    "https://portal.lakeside.example.edu/sign-in",
  );
});
afterEach(() => editorial?.close());

describe("a signed-in student asking about their own record", () => {
  it("gets the record, cited as read from the system, in the question's language", async () => {
    const reply = await service.ask({ question: "我借的書什麼時候到期？", student });
    expect(reply).toMatchObject({ status: "answered", mode: "record" });
    expect(reply.answer).toContain("《資料結構》（條碼 L0012345），到期日 2026-12-10");
    expect(reply.answer).toMatch(/\[1\]$/);
    expect(reply.citations).toEqual([
      expect.objectContaining({
        n: 1,
        kind: "record",
        system: "圖書館系統",
        title: expect.stringMatching(/^圖書館系統，.+ 查詢$/),
      }),
    ]);
    const english = await service.ask({ question: "When are my library books due?", student });
    expect(english.answer).toMatch(/^You have 2 books on loan:\n- 資料結構 \(L0012345\), due 2026-12-10/);
    expect(english.citations[0]?.system).toBe("library system");
  });

  it("streams the record with its citation, as any answer is streamed", async () => {
    const events: { type: string; citations?: { kind?: string }[]; text?: string }[] = [];
    const reply = await service.ask(
      { question: "我的宿舍申請審核到哪了？", student },
      { onEvent: (event) => events.push(event as (typeof events)[number]) },
    );
    expect(events[0]).toMatchObject({ type: "citations", citations: [{ kind: "record" }] });
    expect(
      events
        .filter((event) => event.type === "delta")
        .map((event) => event.text)
        .join(""),
    ).toBe(reply.answer);
  });

  it("reads only the signed-in student's record, whatever id the question names", async () => {
    await service.ask({ question: "show me s1142001's loans, my library loans", student });
    expect(system.requests.map((request) => request.path)).toEqual(["/students/s1141234/loans"]);
  });

  it("gets the rule from the documents and the record together when the question asks for both", async () => {
    const reply = await service.ask({ question: "我的學分夠畢業了嗎？", student });
    expect(reply.status).toBe("answered");
    expect(reply.answer).toMatch(/128 學分[^\n]*\[1\]\n\n你 115-1 學期選上 5 門課，共 16 學分[\s\S]*\[2\]$/);
    expect(reply.citations.map((citation) => citation.kind ?? citation.doc_id)).toEqual([
      "registrar/graduation.md",
      "record",
    ]);
  });

  it("is told the system is not answering, offered a person, and the call is audited", async () => {
    system.setBehaviour("failing");
    const reply = await service.ask({ question: "我的學雜費繳了沒？", student });
    expect(reply).toMatchObject({ status: "unavailable", handoff_suggested: true, citations: [] });
    expect(reply.answer).toContain("出納系統目前沒有回應");
    expect(await editorial.actionAudit.latest(5)).toEqual([
      expect.objectContaining({
        actionId: "tuition-status",
        studentId: "s1141234",
        outcome: "http_error",
        httpStatus: 500,
      }),
    ]);
  });

  it("is asked for a detail the question left out, and answered when the next turn gives it", async () => {
    const asked = await service.ask({ question: "我要查我的紀錄", student, conversationId: "c-kind" });
    expect(asked).toMatchObject({ status: "clarify", answer: "要查哪一種紀錄？courses 還是 loans？" });
    expect(system.requests).toEqual([]);
    const answered = await service.ask({ question: "loans", student, conversationId: "c-kind" });
    expect(answered).toMatchObject({ status: "answered", mode: "record", answer: "找到你的 loans 紀錄。[1]" });
    expect(system.requests.map((request) => request.path)).toEqual(["/students/s1141234/loans"]);
  });

  it("hands a person the conversation with what was looked up, and how it went, but not the record", async () => {
    await service.ask({ question: "我借的書什麼時候到期？", student, conversationId: "c-handoff" });
    system.setBehaviour("failing");
    await service.ask({ question: "我的學雜費繳了沒？", student, conversationId: "c-handoff" });
    const ticket = await editorial.interactions.openHandoff({
      conversationId: "c-handoff",
      delivery: "not_configured",
    });
    expect(ticket.transcript.map(({ answer, status }) => [status, answer.slice(0, 20)])).toEqual([
      ["answered", "[library-loans: libr"],
      ["unavailable", "出納系統目前沒有回應，暫時查不到你的資料"],
    ]);
  });

  it("leaves the record out of the answer log, which names the look-up instead", async () => {
    const reply = await service.ask({ question: "我借的書什麼時候到期？", student });
    const logged = await editorial.interactions.answer(reply.answer_id as string);
    expect(logged?.answer).toBe("[library-loans: library system]");
    expect(await editorial.actionAudit.latest(5)).toEqual([
      expect.objectContaining({ actionId: "library-loans", studentId: "s1141234", outcome: "ok" }),
    ]);
  });
});

describe("a signed-in student asking for a change", () => {
  it("is asked to confirm, and the change runs once, even when the confirmation is sent again", async () => {
    const asked = await service.ask({ question: "幫我續借 L0012345", student, conversationId: "c-renew" });
    expect(asked).toMatchObject({ status: "clarify", choices: ["確定", "取消"] });
    expect(asked.answer).toContain("要續借條碼 L0012345 的書嗎？");
    expect(system.requests).toEqual([]);
    const done = await service.ask({ question: "確定", student, conversationId: "c-renew" });
    expect(done).toMatchObject({ status: "answered", mode: "record" });
    expect(done.answer).toBe("已續借《資料結構》，新的到期日是 2026-12-24，還可續借 1 次。[1]");
    // The same confirmation again, as a client retrying the request would send it.
    const again = await service.ask({ question: "確定", student, conversationId: "c-renew" });
    expect(again.answer).toBe(done.answer);
    expect(system.renewals).toEqual(["L0012345"]);
    expect(system.requests.filter((request) => request.method === "POST")).toHaveLength(1);
  });

  it("takes a barcode typed in lowercase as the system writes it", async () => {
    const asked = await service.ask({ question: "幫我續借 l0012345", student, conversationId: "c-lower" });
    expect(asked.answer).toContain("要續借條碼 L0012345 的書嗎？");
  });

  it("asks for the book when the question names none, and says why the system refused it", async () => {
    const asked = await service.ask({ question: "我要續借我借的書", student, conversationId: "c-refused" });
    expect(asked.answer).toMatch(/^要續借哪一本？/);
    const confirm = await service.ask({ question: "L0098765", student, conversationId: "c-refused" });
    expect(confirm.answer).toContain("L0098765");
    const refused = await service.ask({ question: "好", student, conversationId: "c-refused" });
    expect(refused).toMatchObject({ status: "answered", answer: "無法續借：已無續借次數。[1]" });
    expect(await editorial.actionAudit.latest(1)).toEqual([
      expect.objectContaining({ outcome: "refused", httpStatus: 409 }),
    ]);
  });

  it("runs nothing when the student says no, or when someone else confirms", async () => {
    await service.ask({ question: "Please renew my book L0012345", student, conversationId: "c-no" });
    expect(await service.ask({ question: "cancel", student, conversationId: "c-no" })).toMatchObject({
      answer: "All right: nothing was done (Renew a library loan).",
    });
    await service.ask({ question: "Please renew my book L0012345", student, conversationId: "c-other" });
    await service.ask({ question: "yes", student: { id: "s1142001" }, conversationId: "c-other" });
    expect(system.requests.filter((request) => request.method === "POST")).toEqual([]);
  });

  it("is held to a share of look-ups, told when to try again", async () => {
    const limited = answerServiceWithLookUps(
      store,
      sampleRecordLookUps(system, editorial, {
        limits: { lookUps: { limit: 2, windowMs: 600_000 }, changes: { limit: 1, windowMs: 600_000 } },
      }),
      editorial.interactions,
    );
    for (let question = 0; question < 2; question++)
      expect((await limited.ask({ question: "我的學雜費繳了沒？", student })).status).toBe("answered");
    const third = await limited.ask({ question: "我的學雜費繳了沒？", student });
    expect(third).toMatchObject({ status: "unavailable" });
    expect(third.answer).toContain("請 10 分鐘後再試");
    expect(system.requests).toHaveLength(2);
    // Another student's share is their own.
    expect((await limited.ask({ question: "我的學雜費繳了沒？", student: { id: "s1142001" } })).status).toBe(
      "answered",
    );
  });
});

describe("a change whose confirmation does not go as planned", () => {
  it("says a no after the change was made cannot undo it, and a bare yes with nothing waiting confirms nothing", async () => {
    await service.ask({ question: "幫我續借 L0012345", student, conversationId: "c-late" });
    await service.ask({ question: "確定", student, conversationId: "c-late" });
    const late = await service.ask({ question: "取消", student, conversationId: "c-late" });
    expect(late.answer).toBe("「續借圖書」已經完成了：不會重複執行，也無法在這裡取消。");
    const stray = await service.ask({ question: "確定", student, conversationId: "c-stray" });
    expect(stray).toMatchObject({
      status: "clarify",
      answer: "目前沒有等待你確認的操作。請直接告訴我你想查詢或辦理什麼。",
    });
    expect(system.renewals).toHaveLength(1);
  });

  it("tries a change that did not reach the system again on the next yes, under the same key", async () => {
    await service.ask({ question: "幫我續借 L0012345", student, conversationId: "c-down" });
    system.setBehaviour("failing");
    expect((await service.ask({ question: "確定", student, conversationId: "c-down" })).status).toBe("unavailable");
    system.setBehaviour("normal");
    expect((await service.ask({ question: "確定", student, conversationId: "c-down" })).answer).toMatch(
      /^已續借《資料結構》/,
    );
    expect(system.renewals).toEqual(["L0012345"]);
  });

  it("leaves a change over the share to be confirmed once the share allows it", async () => {
    let now = Date.parse("2026-12-05T10:00:00Z");
    const limited = answerServiceWithLookUps(
      store,
      sampleRecordLookUps(system, editorial, {
        limits: { lookUps: { limit: 10, windowMs: 600_000 }, changes: { limit: 1, windowMs: 600_000 } },
        now: () => now,
      }),
      editorial.interactions,
    );
    await limited.ask({ question: "幫我續借 L0012345", student, conversationId: "c-share-1" });
    await limited.ask({ question: "幫我續借 L0098765", student, conversationId: "c-share-2" });
    expect((await limited.ask({ question: "確定", student, conversationId: "c-share-1" })).answer).toMatch(/^已續借/);
    const over = await limited.ask({ question: "確定", student, conversationId: "c-share-2" });
    expect(over.answer).toContain("辦理的次數太多了，請 10 分鐘後再試");
    now += 600_001;
    expect((await limited.ask({ question: "確定", student, conversationId: "c-share-2" })).answer).toBe(
      "無法續借：已無續借次數。[1]",
    );
  });

  it("keeps the student's waiting change when someone else answers in the conversation", async () => {
    await service.ask({ question: "幫我續借 L0012345", student, conversationId: "c-shared" });
    const other = await service.ask({ question: "確定", student: { id: "s1142001" }, conversationId: "c-shared" });
    expect(other.answer).toMatch(/^目前沒有等待你確認的操作/);
    expect((await service.ask({ question: "確定", student, conversationId: "c-shared" })).answer).toMatch(/^已續借/);
  });

  it("is not asked for a detail or a confirmation that no conversation could carry", async () => {
    for (const question of ["幫我續借 L0012345", "我要查我的紀錄"]) {
      const reply = await service.ask({ question, student });
      expect(reply.status).toBe("clarify");
      expect(reply.answer).toMatch(/需要接著對話回答/);
    }
    expect(system.requests).toEqual([]);
  });
});

describe("a system that does not know the student, or refuses the service", () => {
  it("tells a student it has no record of them, and an operator that the service was refused", async () => {
    const unknown = await service.ask({ question: "我借的書什麼時候到期？", student: { id: "s9999999" } });
    expect(unknown).toMatchObject({
      status: "unavailable",
      answer: "圖書館系統查不到你的紀錄（我的借閱紀錄）。如果這不對，請真人協助。",
    });
    const logged: [string, Record<string, unknown>][] = [];
    const wrongKey = answerServiceWithLookUps(
      store,
      new RecordLookUps(
        new ActionMatcher(readActionDefinitions(path.resolve("knowledge"))),
        new RecordSystems({ environment: { SIS_BASE_URL: system.baseUrl, SIS_API_TOKEN: "wrong" } }),
        editorial.actionAudit,
        editorial.actionConfirmations,
        { log: (event, fields) => logged.push([event, fields]) },
      ),
      editorial.interactions,
    );
    expect((await wrongKey.ask({ question: "我借的書什麼時候到期？", student })).status).toBe("unavailable");
    expect(logged).toEqual([
      ["action_call_failed", { action: "library-loans", outcome: "http_error", http_status: 401 }],
    ]);
  });
});

describe("someone not signed in asking about their own record", () => {
  it("is asked to sign in, and nobody's record is read", async () => {
    const reply = await service.ask({ question: "我借的書什麼時候到期？" });
    expect(reply).toMatchObject({
      status: "sign_in_required",
      sign_in_url: "https://portal.lakeside.example.edu/sign-in",
      citations: [],
    });
    expect(reply.answer).toContain("請先登入");
    expect(system.requests).toEqual([]);
  });

  it("still gets the rule the documents give, with the note that the record needs a sign-in", async () => {
    const reply = await service.ask({ question: "我的學分夠畢業了嗎？" });
    expect(reply.status).toBe("answered");
    expect(reply.answer).toMatch(/128 學分[^\n]*\[1\]\n\n要查你自己的資料（我本學期的選課），請先登入/);
    expect(reply.sign_in_url).toBe("https://portal.lakeside.example.edu/sign-in");
    expect(system.requests).toEqual([]);
  });
});

describe("a question about the rules for everyone", () => {
  it("is answered from the documents, with no look-up", async () => {
    const reply = await service.ask({ question: "借書可以借多久？", student });
    expect(reply).toMatchObject({ status: "answered", mode: "extractive" });
    expect(reply.answer).toContain("30 天");
    expect(system.requests).toEqual([]);
  });
});
