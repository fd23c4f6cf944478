import path from "node:path";
import { describe, expect, it } from "vitest";
import { readActionDefinitions } from "../../actions/action-definition.js";
import { defaultParseLimits } from "../../config.js";
import { openEditorial } from "../../open-editorial.js";
import { SqliteIndexStore } from "../../store/sqlite/sqlite-index-store.js";
import { editorialApp, signInToEditorPage } from "../../test-support/editorial-app.js";
import { editorialFor } from "../../test-support/editorial-for.js";

describe("the editors' page of actions", () => {
  it("lists the declared actions and the latest failed calls, without whole student ids", async () => {
    const store = new SqliteIndexStore(":memory:");
    const editorial = await editorialFor(store);
    const records = await openEditorial({ file: ":memory:" }, store, { parseLimits: defaultParseLimits });
    const { actionAudit } = records;
    await actionAudit.record({ actionId: "library-loans", studentId: "s1141234", outcome: "ok", latencyMs: 12 });
    await actionAudit.record({
      actionId: "tuition-status",
      studentId: "s1142001",
      outcome: "timeout",
      latencyMs: 5003,
    });
    const definitions = readActionDefinitions(path.resolve("knowledge"));
    const app = editorialApp(store, editorial, [], {
      actions: { definitions, latestCalls: (limit) => actionAudit.latest(limit) },
    });
    const key = (await editorial.keys.create({ name: "library", role: "editor", createdBy: "test" })).key;
    const { cookie } = await signInToEditorPage(app, key);
    const response = await app.request("/editor/actions", { headers: { cookie } });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('aria-label="Action renew-loan"');
    expect(page).toContain("changes something (confirmed first)");
    expect(page).toContain("POST /students/{student_id}/loans/{barcode}/renew");
    expect(page).toMatch(/tuition-status · timeout · 5003 ms · student s11\*\*\*01/);
    expect(page).not.toContain("s1142001");
    expect(page).not.toMatch(/library-loans · ok/);
    await records.close();
  });

  it("is for signed-in editors only", async () => {
    const store = new SqliteIndexStore(":memory:");
    const response = await editorialApp(store, await editorialFor(store)).request("/editor/actions");
    expect(await response.text()).toContain("Sign in");
  });
});
