import { describe, expect, it } from "vitest";
import type { Passage } from "../retrieval/retrieve-passages.js";
import type { Citation } from "../schemas.js";
import { passagesReferredTo } from "./follow-referral.js";

function passage(docId: string, title: string): Passage {
  const text = `${title}的說明。`;
  return {
    chunk: { chunkId: `${docId}#0`, docId, position: 0, text, headingPath: [], start: 0, end: text.length },
    document: { docId, title, collection: "test" },
    score: 1,
    terms: new Set(),
    relevance: 1,
    coverage: 1,
  };
}

function citation(docId: string, quote: string): Citation {
  return { n: 1, doc_id: docId, chunk_id: `${docId}#0`, title: docId, quote };
}

describe("passagesReferredTo", () => {
  const overdue = passage("billing/overdue.md", "逾期繳費與停止供應");
  const moving = passage("service/moving.md", "搬遷與過戶");
  const discount = passage("service/low-income.md", "弱勢家庭水電費優惠");

  it("puts first the retrieved document a quoted sentence sends the reader to by name", () => {
    const quoted = [citation(overdue.document.docId, "符合低收入戶資格者，請另參閱「弱勢家庭水電費優惠」。")];
    expect(passagesReferredTo(quoted, [overdue, moving, discount])).toEqual([discount, overdue, moving]);
  });

  it("goes to the page titled as named before one whose title only holds the name, a Latin name as whole words", () => {
    const fees = passage("fees.md", "Fees");
    const coffees = passage("cafe.md", "Coffees and snacks");
    const payment = passage("pay.md", "付款方式");
    const change = passage("pay-change.md", "信用卡付款方式變更申請");
    expect(passagesReferredTo([citation(overdue.document.docId, 'See the "Fees" page.')], [coffees, fees])?.[0]).toBe(
      fees,
    );
    expect(passagesReferredTo([citation(overdue.document.docId, 'See the "Fees" page.')], [coffees])).toBeUndefined();
    expect(passagesReferredTo([citation(overdue.document.docId, "請參閱〈付款方式〉。")], [change, payment])?.[0]).toBe(
      payment,
    );
  });

  it("leaves the passages as they are without a referral by name, or to a document not retrieved or already cited", () => {
    const passages = [overdue, moving, discount];
    expect(passagesReferredTo([citation(overdue.document.docId, "欠費可申請分期繳納。")], passages)).toBeUndefined();
    expect(passagesReferredTo([citation(overdue.document.docId, "詳見「電價表」。")], passages)).toBeUndefined();
    // A name quoted in a sentence that refers nowhere, beside one that refers without a name.
    const printed = "帳單上印有「弱勢家庭水電費優惠」字樣。詳見背面說明。";
    expect(passagesReferredTo([citation(overdue.document.docId, printed)], passages)).toBeUndefined();
    const both = [
      citation(overdue.document.docId, "請參閱「弱勢家庭水電費優惠」。"),
      citation(discount.document.docId, "減收 50%。"),
    ];
    expect(passagesReferredTo(both, passages)).toBeUndefined();
  });
});
