import { describe, expect, it } from "vitest";
import { cleanLabel } from "./clean-label.js";

describe("cleanLabel", () => {
  it("removes bidi overrides, isolates and marks, so a name cannot read backwards", () => {
    expect(cleanLabel("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanLabel("\u2066registrar\u2069 \u200Eoffice\u200F\u061C\u202A\u202B\u202C\u202D\u2067\u2068")).toBe(
      "registrar office",
    );
  });

  it("removes NUL, the other C0 and C1 controls and DEL, and turns line breaks into spaces", () => {
    expect(cleanLabel("dorm\u0000rules\u0007\u001b[31m\u007f\u0080\u009f")).toBe("dormrules[31m");
    expect(cleanLabel("Quiet\r\nhours\tand\u2028rules\n")).toBe("Quiet  hours and rules");
  });

  it("keeps letters of every script, emoji and ordinary punctuation", () => {
    expect(cleanLabel("  宿舍規則 (2026) — résumé 📄 عربي  ")).toBe("宿舍規則 (2026) — résumé 📄 عربي");
  });

  it("leaves nothing of a label made only of controls, for its caller to refuse", () => {
    expect(cleanLabel("\u202E\u0000 \u200F")).toBe("");
  });
});
