import { describe, expect, it } from "vitest";
import { type ActionDefinition, parseActionDefinition } from "./action-definition.js";
import { renderRecord } from "./render-record.js";

const loans: ActionDefinition = parseActionDefinition(
  `id: library-loans
title: { zh: 我的借閱紀錄, en: My library loans }
examples: { zh: [我借的書], en: [my loans] }
system: { zh: 圖書館系統, en: library system }
parameters: { student_id: { from: token } }
request: { method: GET, base_url_env: SIS_BASE_URL, path: "/students/{student_id}/loans" }
response:
  list: loans
  answer: { zh: "{student_id} 借了 {count} 本書：", en: "You have {count} books on loan:" }
  item: { zh: "《{title}》到期日 {due_date}，{state}", en: "{title}, due {due_date}, {state}" }
  empty: { zh: 你目前沒有借書。, en: You have no books on loan. }
  labels:
    state:
      ok: { zh: 正常, en: on loan }
      overdue: { zh: 已逾期, en: overdue }
`,
  "loans.yml",
);
const student = { student_id: "s1141234" };

describe("renderRecord", () => {
  it("opens with the record's count and lists each item, with coded values in words", () => {
    const body = {
      loans: [
        { title: "資料結構", due_date: "2026-12-10", state: "ok" },
        { title: "演算法", due_date: "2026-11-30", state: "overdue" },
      ],
    };
    expect(renderRecord(loans, body, "zh", student)).toBe(
      "s1141234 借了 2 本書：\n- 《資料結構》到期日 2026-12-10，正常\n- 《演算法》到期日 2026-11-30，已逾期",
    );
    expect(renderRecord(loans, body, "en", student)).toBe(
      "You have 2 books on loan:\n- 資料結構, due 2026-12-10, on loan\n- 演算法, due 2026-11-30, overdue",
    );
  });

  it("says so when the list is empty", () => {
    expect(renderRecord(loans, { loans: [] }, "en", student)).toBe("You have no books on loan.");
  });

  it("gives nothing rather than a half-filled answer when the record is not what the action expects", () => {
    expect(renderRecord(loans, { loans: [{ title: "資料結構" }] }, "zh", student)).toBeUndefined();
    expect(renderRecord(loans, { loans: "none" }, "zh", student)).toBeUndefined();
    expect(renderRecord(loans, ["not", "a", "record"], "zh", student)).toBeUndefined();
    expect(renderRecord(loans, null, "zh", student)).toBeUndefined();
    expect(
      renderRecord(loans, { loans: [{ title: { nested: true }, due_date: "x", state: "ok" }] }, "zh", student),
    ).toBe(undefined);
  });

  it("keeps markup and control characters out, and cuts a long list with how many more there are", () => {
    const many = Array.from({ length: 25 }, (_, index) => ({
      title: `<b>Book ${index}</b>\u0007`,
      due_date: "2026-12-10",
      state: "ok",
    }));
    const text = renderRecord(loans, { loans: many }, "en", student) ?? "";
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toContain("\u0007");
    expect(text.split("\n")).toHaveLength(1 + 20 + 1);
    expect(text).toMatch(/\(and 5 more\)$/);
  });
});
