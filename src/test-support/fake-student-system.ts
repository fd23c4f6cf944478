import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

/** How the fake system behaves: as a healthy one, or as the failures look-ups must survive. */
export type FakeSystemBehaviour = "normal" | "slow" | "failing" | "garbage";

/** The bearer token the fake system expects, as the sample actions send it (SIS_API_TOKEN). */
export const FAKE_SYSTEM_TOKEN = "demo-sis-token";

interface StudentRecords {
  courses: { term: string; total_credits: number; courses: { code: string; name: string; credits: number }[] };
  tuition: { term: string; amount_due: number; status: "paid" | "unpaid" | "partly_paid"; due_date: string };
  loans: { loans: { title: string; barcode: string; due_date: string; renewals_left: number }[] };
  dormitory: { status: "submitted" | "reviewing" | "approved" | "waitlisted"; submitted_at: string; hall: string };
}

/** Two fictional students of the sample university. */
function sampleRecords(): Map<string, StudentRecords> {
  return new Map([
    [
      "s1141234",
      {
        courses: {
          term: "115-1",
          total_credits: 16,
          courses: [
            { code: "CS101", name: "程式設計（一）", credits: 3 },
            { code: "MA102", name: "微積分（一）", credits: 4 },
            { code: "EN110", name: "大一英文", credits: 2 },
            { code: "PH101", name: "普通物理", credits: 4 },
            { code: "GE201", name: "通識：台灣歷史", credits: 3 },
          ],
        },
        tuition: { term: "115-1", amount_due: 30330, status: "unpaid", due_date: "2026-09-04" },
        loans: {
          loans: [
            { title: "資料結構", barcode: "L0012345", due_date: "2026-12-10", renewals_left: 2 },
            { title: "Introduction to Algorithms", barcode: "L0098765", due_date: "2026-12-18", renewals_left: 0 },
          ],
        },
        dormitory: { status: "reviewing", submitted_at: "2026-11-20", hall: "湖濱宿舍" },
      },
    ],
    [
      "s1142001",
      {
        courses: { term: "115-1", total_credits: 9, courses: [{ code: "EE501", name: "訊號處理專題", credits: 3 }] },
        tuition: { term: "115-1", amount_due: 0, status: "paid", due_date: "2026-09-04" },
        loans: { loans: [] },
        dormitory: { status: "approved", submitted_at: "2026-06-02", hall: "研究生宿舍" },
      },
    ],
  ]);
}

export interface FakeStudentSystem {
  baseUrl: string;
  /** Requests received, oldest first: method, path and the bearer token sent. */
  requests: { method: string; path: string; token?: string }[];
  /** Barcodes of the loans renewed, once per renewal done. */
  renewals: string[];
  setBehaviour(behaviour: FakeSystemBehaviour): void;
  /** Back to the sample records, with no request or renewal seen and normal behaviour. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A small student-information system on 127.0.0.1 for tests and `npm run demo:sis`: courses,
 * tuition, library loans and dormitory applications of two fictional students, behind a bearer
 * token. It can be made slow, failing (500) or talking nonsense, as real systems sometimes are.
 */
export async function startFakeStudentSystem(
  options: { port?: number; slowMs?: number } = {},
): Promise<FakeStudentSystem> {
  let records = sampleRecords();
  const requests: FakeStudentSystem["requests"] = [];
  const renewals: string[] = [];
  let behaviour: FakeSystemBehaviour = "normal";
  const app = new Hono();
  app.use(async (context, next) => {
    const token = /^Bearer (.+)$/.exec(context.req.header("authorization") ?? "")?.[1];
    requests.push({ method: context.req.method, path: context.req.path, ...(token ? { token } : {}) });
    if (behaviour === "slow") await new Promise((resolve) => setTimeout(resolve, options.slowMs ?? 10_000));
    if (behaviour === "failing") return context.json({ message: "internal error" }, 500);
    if (behaviour === "garbage")
      return context.body("<html>Service Unavailable</html>", 200, { "content-type": "application/json" });
    if (token !== FAKE_SYSTEM_TOKEN) return context.json({ message: "unauthorized" }, 401);
    await next();
  });
  const recordsOf = (id: string) => records.get(id);
  app.get("/students/:id/:record{courses|tuition|loans|dormitory}", (context) => {
    const student = recordsOf(context.req.param("id"));
    if (!student) return context.json({ message: "no such student" }, 404);
    return context.json(student[context.req.param("record") as keyof StudentRecords]);
  });
  // A renewal moves the due date on 14 days, once per Idempotency-Key, while renewals are left.
  const renewedByKey = new Map<string, unknown>();
  app.post("/students/:id/loans/:barcode/renew", (context) => {
    const key = context.req.header("idempotency-key");
    const earlier = key ? renewedByKey.get(key) : undefined;
    if (earlier) return context.json(earlier);
    const loan = recordsOf(context.req.param("id"))?.loans.loans.find(
      (candidate) => candidate.barcode === context.req.param("barcode"),
    );
    if (!loan) return context.json({ message: "no such loan", message_zh: "查無這筆借閱" }, 404);
    if (loan.renewals_left === 0)
      return context.json({ message: "no renewals left", message_zh: "已無續借次數", title: loan.title }, 409);
    loan.renewals_left -= 1;
    const due = new Date(`${loan.due_date}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 14);
    loan.due_date = due.toISOString().slice(0, 10);
    renewals.push(loan.barcode);
    if (key) renewedByKey.set(key, { ...loan });
    return context.json({ ...loan });
  });
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: options.port ?? 0 }) as Server;
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    renewals,
    setBehaviour: (next) => {
      behaviour = next;
    },
    reset: () => {
      records = sampleRecords();
      requests.length = 0;
      renewals.length = 0;
      renewedByKey.clear();
      behaviour = "normal";
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
