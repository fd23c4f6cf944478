import { describe, expect, it } from "vitest";
import type { Passage } from "../retrieval/retrieve-passages.js";
import type { Citation } from "../schemas.js";
import { sampleDocument } from "../store/index-store.case.js";
import type { ChunkRecord, DocumentRecord } from "../store/index-store.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { passagesOfDocumentReferredTo, passagesReferredTo } from "./follow-referral.js";

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

describe("passagesOfDocumentReferredTo", () => {
  const faq = passage("general/faq.json", "常見問題");
  const quote = [citation(faq.document.docId, "時刻表請參閱英文頁面〈Airport & Station Shuttle〉。")];

  const storeOf = async (documents: [DocumentRecord, ChunkRecord[]][]) => {
    const store = new SqliteIndexStore(":memory:");
    for (const document of documents) await store.replaceDocument(...document);
    return store;
  };

  it("reads the published page a quote refers to by name when retrieval did not find it, best covered first", async () => {
    const store = await storeOf([
      sampleDocument("transport/shuttle.md", "Airport & Station Shuttle", [
        "Airport transfers cost NT$ 1,200.",
        "The last station shuttle leaves at 18:30.",
      ]),
    ]);
    const read = await passagesOfDocumentReferredTo(store, quote, [faq], (terms) => (terms.has("last") ? 0.5 : 0));
    expect(read?.map((passage) => [passage.chunk.text, passage.coverage])).toEqual([
      ["The last station shuttle leaves at 18:30.", 0.5],
      ["Airport transfers cost NT$ 1,200.", 0],
    ]);
    await store.close();
  });

  it("ranks every chunk of a long page before keeping the best covering", async () => {
    const chunks = Array.from({ length: 60 }, (_, index) => `Section ${index}: our instructors are licensed.`);
    chunks[55] = "The last station shuttle leaves at 18:30.";
    const store = await storeOf([sampleDocument("transport/shuttle.md", "Airport & Station Shuttle", chunks)]);
    const coverage = (terms: ReadonlySet<string>) => (terms.has("last") ? 1 : 0);
    const read = await passagesOfDocumentReferredTo(store, quote, [faq], coverage);
    expect(read?.[0]?.chunk.text).toBe("The last station shuttle leaves at 18:30.");
    await store.close();
  });

  it("follows a name that only part of several titles holds to none of them, and reads nothing from a failing index", async () => {
    const coverage = () => 1;
    const store = await storeOf([
      sampleDocument("parking/fees.md", "停車場收費標準", ["每小時 30 元。"]),
      sampleDocument("pool/fees.md", "游泳池收費標準", ["每次 100 元。"]),
    ]);
    const pointer = [citation(faq.document.docId, "費用請參閱「收費標準」。")];
    expect(await passagesOfDocumentReferredTo(store, pointer, [faq], coverage)).toBeUndefined();
    await store.close();
    const failing = {
      listDocuments: () => Promise.reject(new Error("index unavailable")),
      getDocument: () => Promise.reject(new Error("index unavailable")),
    };
    expect(await passagesOfDocumentReferredTo(failing, quote, [faq], coverage)).toBeUndefined();
  });

  it("reads no draft, no page of another collection, and nothing when the quote refers to no page", async () => {
    const shuttle = (overrides: Partial<DocumentRecord>) =>
      sampleDocument(
        "transport/shuttle.md",
        "Airport & Station Shuttle",
        ["The last shuttle leaves at 18:30."],
        overrides,
      );
    const coverage = () => 1;
    const draft = await storeOf([shuttle({ status: "draft" })]);
    expect(await passagesOfDocumentReferredTo(draft, quote, [faq], coverage)).toBeUndefined();
    await draft.close();
    const elsewhere = await storeOf([shuttle({ collection: "hotel-b" })]);
    expect(await passagesOfDocumentReferredTo(elsewhere, quote, [faq], coverage, "hotel-a")).toBeUndefined();
    expect(
      await passagesOfDocumentReferredTo(
        elsewhere,
        [citation(faq.document.docId, "接駁車每天運行。")],
        [faq],
        coverage,
      ),
    ).toBeUndefined();
    await elsewhere.close();
  });
});
