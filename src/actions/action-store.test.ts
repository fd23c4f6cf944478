import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EditorialDatabase } from "../database/open-database.js";
import { databasesUnderTest } from "../test-support/test-databases.js";
import { ActionAudit } from "./action-audit.js";
import { ActionConfirmations } from "./action-confirmations.js";

for (const under of databasesUnderTest) {
  describe.skipIf(under.skip)(`action confirmations and audit on ${under.name}`, () => {
    let database: EditorialDatabase;
    beforeEach(async () => {
      database = await under.open();
    });
    afterEach(() => database.close());

    describe("ActionConfirmations", () => {
      it("lets exactly one of many concurrent claims of a key run the change", async () => {
        const confirmations = new ActionConfirmations(database.db);
        // As replicas would: each claim on its own connection (PostgreSQL's pool), all at once.
        const claims = await Promise.all(
          Array.from({ length: 8 }, () => confirmations.claim("k-race", "renew-loan", "s1141234")),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await confirmations.claim("k-race", "renew-loan", "s1141234")).toBe(false);
        expect(await confirmations.stateOf("k-race")).toEqual({ claimed: true });
      });

      it("claims each key on its own, and keeps who claimed it when", async () => {
        const confirmations = new ActionConfirmations(database.db, () => new Date("2026-12-05T10:00:00.000Z"));
        expect(await confirmations.claim("k-1", "renew-loan", "s1141234")).toBe(true);
        expect(await confirmations.claim("k-2", "renew-loan", "s1142001")).toBe(true);
        expect(await database.db.selectFrom("action_confirmations").selectAll().orderBy("key").execute()).toEqual([
          {
            key: "k-1",
            action_id: "renew-loan",
            student_id: "s1141234",
            claimed_at: "2026-12-05T10:00:00.000Z",
            outcome: null,
          },
          {
            key: "k-2",
            action_id: "renew-loan",
            student_id: "s1142001",
            claimed_at: "2026-12-05T10:00:00.000Z",
            outcome: null,
          },
        ]);
      });

      it("says what a finished change came to, and never gives up its claim", async () => {
        const confirmations = new ActionConfirmations(database.db);
        expect(await confirmations.stateOf("k-done")).toEqual({ claimed: false });
        await confirmations.claim("k-done", "renew-loan", "s1141234");
        await confirmations.finish("k-done", "refused");
        expect(await confirmations.stateOf("k-done")).toEqual({ claimed: true, outcome: "refused" });
        await confirmations.release("k-done");
        expect(await confirmations.stateOf("k-done")).toEqual({ claimed: true, outcome: "refused" });
        expect(await confirmations.claim("k-done", "renew-loan", "s1141234")).toBe(false);
      });

      it("frees a released claim for the same confirmation to claim again", async () => {
        const confirmations = new ActionConfirmations(database.db);
        await confirmations.claim("k-down", "renew-loan", "s1141234");
        await confirmations.release("k-down");
        expect(await confirmations.stateOf("k-down")).toEqual({ claimed: false });
        expect(await confirmations.claim("k-down", "renew-loan", "s1141234")).toBe(true);
        // Releasing a key never claimed does nothing.
        await confirmations.release("k-never");
        expect(await confirmations.stateOf("k-never")).toEqual({ claimed: false });
      });
    });

    describe("ActionAudit", () => {
      it("records calls and lists the latest, newest first, without a status where there was none", async () => {
        let minute = 0;
        const audit = new ActionAudit(database.db, {
          now: () => new Date(Date.UTC(2026, 11, 5, 10, minute++)),
        });
        await audit.record({ actionId: "library-loans", studentId: "s1141234", outcome: "ok", latencyMs: 12 });
        await audit.record({
          actionId: "tuition-status",
          studentId: "s1142001",
          outcome: "http_error",
          httpStatus: 500,
          latencyMs: 40,
        });
        await audit.record({ actionId: "renew-loan", studentId: "s1141234", outcome: "timeout", latencyMs: 5003 });
        expect(await audit.latest(2)).toEqual([
          {
            actionId: "renew-loan",
            studentId: "s1141234",
            at: "2026-12-05T10:02:00.000Z",
            outcome: "timeout",
            latencyMs: 5003,
          },
          {
            actionId: "tuition-status",
            studentId: "s1142001",
            at: "2026-12-05T10:01:00.000Z",
            outcome: "http_error",
            httpStatus: 500,
            latencyMs: 40,
          },
        ]);
        expect((await audit.latest(10)).map((call) => call.actionId)).toEqual([
          "renew-loan",
          "tuition-status",
          "library-loans",
        ]);
      });

      it("tells onError of a write that failed, and never rejects", async () => {
        const closed = await under.open();
        await closed.close();
        const errors: Error[] = [];
        const audit = new ActionAudit(closed.db, { onError: (error) => errors.push(error) });
        await expect(
          audit.record({ actionId: "library-loans", studentId: "s1141234", outcome: "ok", latencyMs: 1 }),
        ).resolves.toBeUndefined();
        expect(errors).toHaveLength(1);
        const throwing = new ActionAudit(closed.db, {
          onError: () => {
            throw new Error("listener failed");
          },
        });
        await expect(
          throwing.record({ actionId: "library-loans", studentId: "s1141234", outcome: "ok", latencyMs: 1 }),
        ).resolves.toBeUndefined();
      });
    });
  });
}
