import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  FAKE_SYSTEM_TOKEN,
  type FakeStudentSystem,
  startFakeStudentSystem,
} from "../test-support/fake-student-system.js";
import { readActionDefinitions } from "./action-definition.js";
import { RecordSystems } from "./call-record-system.js";
import { CircuitBreaker } from "./circuit-breaker.js";

const actions = readActionDefinitions(path.resolve("knowledge"));
const loans = actions.find((action) => action.id === "library-loans");
if (!loans) throw new Error("the sample's library-loans action is missing");
const quick = { ...loans, request: { ...loans.request, timeout_ms: 300 } };

let system: FakeStudentSystem;
beforeAll(async () => {
  system = await startFakeStudentSystem({ slowMs: 2000 });
});
afterAll(() => system.close());
beforeEach(() => {
  system.setBehaviour("normal");
  system.requests.length = 0;
});

const systemsFor = () =>
  new RecordSystems({ environment: { SIS_BASE_URL: system.baseUrl, SIS_API_TOKEN: FAKE_SYSTEM_TOKEN } });

describe("RecordSystems", () => {
  it("reads a record from the configured base URL with the secret from the environment", async () => {
    const result = await systemsFor().call(quick, { student_id: "s1141234" });
    expect(result).toMatchObject({ ok: true, body: { loans: [{ title: "資料結構" }, {}] } });
    expect(system.requests).toEqual([{ method: "GET", path: "/students/s1141234/loans", token: FAKE_SYSTEM_TOKEN }]);
  });

  it("writes parameters into the path encoded, so none can reach another path", () => {
    const url = systemsFor().addressOf(quick, { student_id: "../../admin?x=1#" });
    expect(url).toBeInstanceOf(URL);
    expect((url as URL).pathname).toBe("/students/..%2F..%2Fadmin%3Fx%3D1%23/loans");
    expect((url as URL).origin).toBe(system.baseUrl);
    // A dot segment alone is folded away by URLs, encoded or not: refused before anything is called.
    for (const dots of ["..", ".", " .. "])
      expect(systemsFor().addressOf(quick, { student_id: dots })).toBe("bad_parameter");
  });

  it("settles the breaker however a call ends, so a failed trial does not keep it open", async () => {
    let calls = 0;
    const systems = new RecordSystems({
      environment: { SIS_BASE_URL: system.baseUrl },
      fetch: async () => {
        calls += 1;
        throw new Error("connection reset");
      },
    });
    for (let call = 0; call < 3; call++)
      expect(await systems.call(quick, { student_id: "s1141234" })).toMatchObject({ failure: "unreachable" });
    expect(await systems.call(quick, { student_id: "s1141234" })).toMatchObject({ failure: "circuit_open" });
    expect(calls).toBe(3);
  });

  it("says the system is not configured when its base URL is not set, and calls nothing", async () => {
    const result = await new RecordSystems({ environment: {} }).call(quick, { student_id: "s1141234" });
    expect(result).toMatchObject({ ok: false, failure: "not_configured" });
    expect(system.requests).toEqual([]);
  });

  it("gives up on a slow system at the action's timeout", async () => {
    system.setBehaviour("slow");
    const result = await systemsFor().call(quick, { student_id: "s1141234" });
    expect(result).toMatchObject({ ok: false, failure: "timeout" });
    expect(result.latencyMs).toBeLessThan(1500);
  });

  it("tells a failing system and one that talks nonsense apart from a record", async () => {
    system.setBehaviour("garbage");
    expect(await systemsFor().call(quick, { student_id: "s1141234" })).toMatchObject({
      ok: false,
      failure: "unreadable",
    });
    system.setBehaviour("failing");
    expect(await systemsFor().call(quick, { student_id: "s1141234" })).toMatchObject({
      ok: false,
      failure: "http_error",
      status: 500,
    });
  });

  it("stops calling a system after three failures in a row, and answers at once", async () => {
    system.setBehaviour("failing");
    const systems = systemsFor();
    for (let call = 0; call < 3; call++) await systems.call(quick, { student_id: "s1141234" });
    expect(system.requests).toHaveLength(3);
    system.setBehaviour("normal");
    expect(await systems.call(quick, { student_id: "s1141234" })).toMatchObject({ ok: false, failure: "circuit_open" });
    expect(system.requests).toHaveLength(3);
  });
});

describe("CircuitBreaker", () => {
  it("opens after three failures, lets one call try after a while, and closes when it succeeds", () => {
    let now = 0;
    const breaker = new CircuitBreaker({ now: () => now, openMs: 1000 });
    for (let failure = 0; failure < 3; failure++) {
      expect(breaker.allows()).toBe(true);
      breaker.failed();
    }
    expect(breaker.allows()).toBe(false);
    now = 1001;
    expect(breaker.allows()).toBe(true);
    // Only one call tries while the first is under way.
    expect(breaker.allows()).toBe(false);
    breaker.failed();
    expect(breaker.allows()).toBe(false);
    now = 2002;
    expect(breaker.allows()).toBe(true);
    breaker.succeeded();
    expect(breaker.allows()).toBe(true);
    expect(breaker.allows()).toBe(true);
  });
});
