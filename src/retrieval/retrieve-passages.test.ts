import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAnswerCandidate } from "../answering/answer-question.js";
import { defaultConfidenceModel } from "../config/confidence-model.js";
import { sampleDocument } from "../store/index-store.case.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { FakeEmbedder } from "../test-support/fake-models.js";
import { BilingualDictionary } from "../text/bilingual-dictionary.js";
import { analyzeQuery } from "../text/tokenize.js";
import { Vocabulary } from "../text/vocabulary.js";
import { readQuestion } from "./read-question.js";
import { retrievePassages } from "./retrieve-passages.js";
import { MAX_QUERY_TERMS } from "./term-weights.js";

describe("retrievePassages", () => {
  let store: SqliteIndexStore;
  beforeEach(async () => {
    store = new SqliteIndexStore(":memory:");
    await store.resetEmbeddingSpace({ model: "test", dimensions: 3 });
    const add = (docId: string, text: string, vector: number[]) =>
      store.replaceDocument(...sampleDocument(docId, docId, [text]), {
        vectors: { model: "test", byChunk: new Map([[`${docId}#0`, vector]]) },
      });
    await add("housing/deposit.md", "The housing deposit is refunded when you move out.", [1, 0, 0]);
    await add("housing/keys.md", "A lost room key costs a replacement fee.", [0, 1, 0]);
    await add("library/fines.md", "Overdue books are charged a fine per day.", [0, 0, 1]);
  });
  afterEach(() => store.close());

  const docIds = (passages: { document: { docId: string } }[]) => passages.map((passage) => passage.document.docId);

  it("bounds the work of a question of many distinct terms, and still finds what it names", async () => {
    const noise = Array.from({ length: 990 }, (_, index) => String.fromCodePoint(0x4e00 + index * 7)).join("");
    const { queryWeights, passages } = await retrievePassages(store, `replacement fee ${noise}`, { limit: 3 });
    expect(queryWeights.size).toBe(MAX_QUERY_TERMS);
    expect(docIds(passages)[0]).toBe("housing/keys.md");
  });

  it("ranks first the section whose own heading names what is asked, over one that mentions it in passing", async () => {
    const [document, chunks] = sampleDocument("library/rules.md", "Overdue Fines and Lost Items", [
      "If you lose an item, overdue fines stop on the day you report the loss.",
      "Books: NT$ 5 per item per day. Journals: NT$ 10 per item per day.",
    ]);
    const sections = ["Lost items", "Overdue fines"];
    await store.replaceDocument(
      document,
      chunks.map((chunk, position) => ({ ...chunk, headingPath: [document.title, sections[position] ?? ""] })),
    );
    const { passages } = await retrievePassages(store, "What are the overdue fines?", { limit: 5 });
    expect(passages[0]?.chunk.chunkId).toBe("library/rules.md#1");
  });

  it("counts a band that holds the asker's figure as covering it, in a unit that says what it measures", async () => {
    await store.replaceDocument(
      ...sampleDocument("pool/rules.md", "pool/rules.md", ["未滿 12 歲兒童須由成人陪同下水。"]),
    );
    await store.replaceDocument(
      ...sampleDocument("pool/levels.md", "pool/levels.md", ["兒童泳池水深 100 公分，成人泳池水深 140 公分。"]),
    );
    const coverageOf = async (question: string) => {
      const { passages } = await retrievePassages(store, question, { limit: 3 });
      return passages.find((passage) => passage.document.docId === "pool/rules.md")?.coverage ?? 0;
    };
    // 10 is held by 「未滿 12 歲」, 13 is not: the rest of the question is the same.
    expect(await coverageOf("我女兒 10 歲可以自己下水嗎")).toBeGreaterThan(
      await coverageOf("我女兒 13 歲可以自己下水嗎"),
    );
  });

  it("ranks lexically without a query vector", async () => {
    const { passages } = await retrievePassages(store, "replacement fee for a key", { limit: 3 });
    expect(docIds(passages)[0]).toBe("housing/keys.md");
  });

  it("finds a passage that says the question's word another way", async () => {
    await store.replaceDocument(
      ...sampleDocument("housing/rules.md", "住宿規定", ["入住時須繳交保證金新臺幣3,000元。"]),
    );
    const without = await retrievePassages(store, "宿舍押金多少", { limit: 3 });
    expect(docIds(without.passages)).not.toContain("housing/rules.md");
    const vocabulary = new Vocabulary(
      [
        ["宿舍", "住宿"],
        ["押金", "保證金"],
      ],
      [],
    );
    const { passages } = await retrievePassages(store, "宿舍押金多少", { limit: 3, vocabulary });
    expect(docIds(passages)[0]).toBe("housing/rules.md");
    expect(passages[0]?.coverage).toBeGreaterThan(0.5);
  });

  it("puts a passage in the question's language before one in the other that covers no more of it", async () => {
    // The English page's words are rarer in the index, so BM25 alone ranks it first.
    await store.replaceDocument(...sampleDocument("faq/en.md", "FAQ", ["Lost ID card: call 555-0199."]));
    await store.replaceDocument(
      ...sampleDocument("ids/card.md", "證件", [
        "身分證遺失時，請先撥打全天候掛失專線 555-0199，再帶照片與其他證件到戶政服務區申請補發，規費 200 元。",
      ]),
    );
    const vocabulary = new Vocabulary([["身分證", "ID card"]], []);
    const chinese = await retrievePassages(store, "身分證", { limit: 2, vocabulary });
    expect(chinese.passages.map((passage) => passage.coverage)).toEqual([1, 1]);
    expect(docIds(chinese.passages)).toEqual(["ids/card.md", "faq/en.md"]);
    const english = await retrievePassages(store, "ID card", { limit: 2, vocabulary });
    expect(docIds(english.passages)).toEqual(["faq/en.md", "ids/card.md"]);
  });

  it("tells the question's words from a bigram across two of them, even one the documents hold", async () => {
    await store.replaceDocument(...sampleDocument("forms/apply.md", "申請", ["申請期限為五月。"]));
    const { queryWeights, words } = await retrievePassages(store, "申請期限?", { limit: 3 });
    expect(queryWeights.get("请期")).toBeGreaterThan(0);
    expect(words).toEqual(["申请", "期限"]);
  });

  it("leaves the deployment's stop words out of the question", async () => {
    const vocabulary = new Vocabulary([], ["replacement"]);
    const { queryWeights } = await retrievePassages(store, "replacement fee", { limit: 3, vocabulary });
    expect([...queryWeights.keys()]).toEqual(["fee"]);
  });

  it("forgives a slip in an English word, and ranks the exact spelling above a near one", async () => {
    await store.replaceDocument(...sampleDocument("it/vpn.md", "VPN", ["Connect to the VPN with the campus client."]));
    const misspelt = await retrievePassages(store, "how do i conect to teh vpn", { limit: 1 });
    expect(docIds(misspelt.passages)).toEqual(["it/vpn.md"]);
    expect(misspelt.passages[0]?.coverage).toBeGreaterThan(0.8);
    expect(misspelt.passages[0]?.coverage).toBeLessThan(1);
    // A document that uses the word as the question spells it ("Conect" is a product name here) wins.
    await store.replaceDocument(...sampleDocument("it/conect.md", "Conect", ["Conect is the VPN's sign-in app."]));
    const exact = await retrievePassages(store, "conect vpn", { limit: 2 });
    expect(docIds(exact.passages)).toEqual(["it/conect.md", "it/vpn.md"]);
    expect(exact.passages[0]?.coverage).toBe(1);
  });

  it("weighs a slip as the word it stands for, not as a word no document uses", async () => {
    await store.replaceDocument(
      ...sampleDocument("campus/building-e.md", "Building E", ["Building E is open on Saturday 07:30–18:00."]),
    );
    await store.replaceDocument(...sampleDocument("campus/building-f.md", "Building F", ["Building F has a cafe."]));
    const typed = await retrievePassages(store, "wat time does buildng E open on saturdy", { limit: 1 });
    const spelt = await retrievePassages(store, "what time does building E open on saturday", { limit: 1 });
    const [building = "", buildng = ""] = analyzeQuery("building buildng");
    // "buildng" weighs as "building" does; "wat" is "what" without its h, a function word, not a
    // rare word the documents lack.
    expect(typed.queryWeights.get(buildng)).toBeCloseTo(spelt.queryWeights.get(building) ?? 0);
    expect(typed.queryWeights.has("wat")).toBe(false);
    expect(docIds(typed.passages)).toEqual(["campus/building-e.md"]);
    expect(typed.passages[0]?.coverage).toBeGreaterThan(0.85 * (spelt.passages[0]?.coverage ?? 0));
  });

  it("forgives a slip in the word as typed, whose stem may be too short to correct", async () => {
    await store.replaceDocument(
      ...sampleDocument("mandarin/classes.md", "Mandarin classes", ["Evening class: 6 hours a week, fee NT$12,500."]),
    );
    // "evning" is stemmed "evn", three letters; "evening" is one slip from what was typed.
    const { passages } = await retrievePassages(store, "evning mandarin", { limit: 1 });
    expect(docIds(passages)).toEqual(["mandarin/classes.md"]);
    expect(passages[0]?.coverage).toBeGreaterThan(0.85);
  });

  it("takes a word the dictionary knows as spelt right, and looks at a few words of a question for slips", async () => {
    await store.replaceDocument(...sampleDocument("events/cancel.md", "Cancel", ["Cancel a booking online."]));
    const dictionary = new BilingualDictionary([{ simplified: "癌症", english: ["cancer"] }]);
    const [cancer = ""] = analyzeQuery("cancer");
    expect((await retrievePassages(store, "cancer", { limit: 1 })).equivalents(cancer)).not.toEqual([]);
    expect((await retrievePassages(store, "cancer", { limit: 1, dictionary })).equivalents(cancer)).toEqual([]);
    // A spelling the dictionary does not write, stemmed to one it does ("roming" to "rome"), is a slip.
    await store.replaceDocument(...sampleDocument("travel/roaming.md", "Roaming", ["Buy a roaming pass in the app."]));
    // It is put right to a word the dictionary writes: "roaming", not a string that only stems like one.
    const withRome = new BilingualDictionary([
      { simplified: "罗马", english: ["Rome"] },
      { simplified: "漫游", english: ["roaming"] },
    ]);
    const [roming = ""] = analyzeQuery("roming");
    const misspelt = await retrievePassages(store, "roming pass", { limit: 1, dictionary: withRome });
    expect(misspelt.equivalents(roming)).not.toEqual([]);
    expect(docIds(misspelt.passages)).toEqual(["travel/roaming.md"]);
    // Each word looked at costs hundreds of lookups: only the longest few of a question are.
    await store.replaceDocument(
      ...sampleDocument("misc/words.md", "Words", ["alpha bravo charlie delta foxtrot kilometre"]),
    );
    const question = "alpah bravp charlei deltq foxtrto kilomeetre";
    const { equivalents } = await retrievePassages(store, question, { limit: 1 });
    const corrected = analyzeQuery(question).filter((term) => equivalents(term).length > 0);
    expect(corrected).toHaveLength(3);
    expect(corrected).toContain(analyzeQuery("kilomeetre")[0]);
  });

  it("forgives a Chinese word typed by sound, and ranks the word as written above it", async () => {
    await store.replaceDocument(...sampleDocument("library/hours.md", "圖書館", ["圖書館開館時間為每日八點。"]));
    const typed = await retrievePassages(store, "圖書館開館時簡", { limit: 1 });
    expect(docIds(typed.passages)).toEqual(["library/hours.md"]);
    expect(typed.equivalents("时简").map((equivalent) => equivalent.terms)).toEqual([["时间"]]);
    expect(typed.passages[0]?.coverage).toBeLessThan(1);
    const written = await retrievePassages(store, "圖書館開館時間", { limit: 1 });
    expect(written.passages[0]?.coverage).toBe(1);
  });

  it("forgives two slips side by side, though the documents hold the pair of characters between them", async () => {
    // 「息燈時簡」 falls into four lone characters; the documents' 熄燈時間 holds 燈時, which is no word.
    await store.replaceDocument(...sampleDocument("huts/rules.md", "山屋", ["山屋熄燈時間為20:00。"]));
    const typed = await retrievePassages(store, "山屋的息燈時簡是幾點", { limit: 1 });
    expect(typed.equivalents("时简").map((equivalent) => equivalent.terms)).toEqual([["时间"]]);
  });

  it("reads a slip put right in the bigrams across it and its neighbours too, weighed as those", async () => {
    await store.replaceDocument(
      ...sampleDocument("stores/hours.md", "門市", ["攜碼業務請在打烊前 30 分鐘到店。門市營業到晚上九點。"]),
    );
    const typed = await retrievePassages(store, "最晚要在打洋前多久到門市", { limit: 1 });
    expect(typed.equivalents("打洋").map((equivalent) => equivalent.terms)).toEqual([["打烊"]]);
    expect(typed.equivalents("洋前").map((equivalent) => equivalent.terms)).toEqual([["烊前"]]);
    const written = await retrievePassages(store, "最晚要在打烊前多久到門市", { limit: 1 });
    expect(typed.queryWeights.get("洋前")).toBeCloseTo(written.queryWeights.get("烊前") ?? Number.NaN, 5);
  });

  it("finds a word the documents write another way, as fully as the word itself", async () => {
    await store.replaceDocument(...sampleDocument("certificates/id.md", "身分證", ["身分證遺失請先掛失。"]));
    // 身份 and 身分 are one word: CC-CEDICT lists the one as a variant of the other.
    const dictionary = new BilingualDictionary([
      { simplified: "身份", pinyin: "shen1 fen4", english: ["identity", "status"] },
      { simplified: "身分", pinyin: "shen1 fen4", english: ["variant of 身份[shen1 fen4]"] },
    ]);
    const question = "身份证掉了要先挂失吗";
    const without = await retrievePassages(store, question, { limit: 1 });
    const withSpellings = await retrievePassages(store, question, { limit: 1, dictionary });
    expect(docIds(withSpellings.passages)).toEqual(["certificates/id.md"]);
    expect(withSpellings.equivalents("身份")).toEqual([{ terms: ["身分"], share: 1 }]);
    expect(withSpellings.passages[0]?.coverage).toBeGreaterThan(without.passages[0]?.coverage ?? 0);
  });

  it("finds the word Taiwan uses for a mainland word, as fully as the word itself", async () => {
    await store.replaceDocument(...sampleDocument("spaces/printing.md", "列印服務", ["黑白列印每張 2 元。"]));
    const asked = await retrievePassages(store, "打印一张多少钱", { limit: 1 });
    expect(docIds(asked.passages)).toEqual(["spaces/printing.md"]);
    expect(asked.equivalents("打印")).toEqual([{ terms: ["列印"], share: 1 }]);
  });

  it("finds Taiwan's word for a mainland word the segmenter cut apart, for each of its pieces", async () => {
    await store.replaceDocument(
      ...sampleDocument("parcels/forbidden.md", "禁寄物品", ["單獨寄送的鋰電池及行動電源不得寄往國外。"]),
    );
    const dictionary = new BilingualDictionary([
      { simplified: "充电宝", english: ["power bank; portable charger"] },
      { simplified: "行动电源", english: ["(Tw) power bank"] },
    ]);
    const asked = await retrievePassages(store, "充电宝能寄吗", { limit: 1, dictionary });
    expect(docIds(asked.passages)).toEqual(["parcels/forbidden.md"]);
    expect(asked.equivalents("充电")).toEqual([{ terms: ["行动", "动电", "电源"], share: 1 }]);
  });

  it("weighs an everyday English word no document uses less once the dictionary says it is everyday", async () => {
    // "throw" is in no document; its translations here, 投入 and 需要, are everyday words, 押金 is not.
    const dictionary = new BilingualDictionary([
      { simplified: "投入", english: ["to throw into"] },
      { simplified: "需要", english: ["to throw"] },
      { simplified: "押金", english: ["deposit"] },
    ]);
    const question = "throw deposit";
    const without = await retrievePassages(store, question, { limit: 1 });
    const withDictionary = await retrievePassages(store, question, { limit: 1, dictionary });
    expect(withDictionary.queryWeights.get("throw")).toBeLessThan(without.queryWeights.get("throw") ?? 0);
    expect(withDictionary.queryWeights.get("deposit")).toBe(without.queryWeights.get("deposit"));
    expect(docIds(withDictionary.passages)).toEqual(["housing/deposit.md"]);
    expect(withDictionary.passages[0]?.coverage).toBeGreaterThan(without.passages[0]?.coverage ?? 0);
  });

  it("translates an English word through the word it is made of when only that one is glossed", async () => {
    await store.replaceDocument(...sampleDocument("billing/faq.md", "帳單", ["每月帳單的繳費期限為寄發後第15天。"]));
    // "monthly" and "payment" are glossed by no word; "month" and "pay" are.
    const dictionary = new BilingualDictionary([
      { simplified: "每月", english: ["each month"] },
      { simplified: "缴费", english: ["to pay (a fee)"] },
      { simplified: "期限", english: ["deadline"] },
    ]);
    const { translations } = await readQuestion(store, "monthly payment deadline", { dictionary });
    expect(translations.get("monthli")?.map((equivalent) => equivalent.terms)).toEqual([["每月"]]);
    expect(translations.get("payment")?.map((equivalent) => equivalent.terms)).toEqual([["缴费"]]);
    const { passages } = await retrievePassages(store, "monthly payment deadline", { limit: 1, dictionary });
    expect(docIds(passages)).toEqual(["billing/faq.md"]);
  });

  it("does not translate a word through a base of another sense than its own translations", async () => {
    await store.replaceDocument(...sampleDocument("events/sign-up.md", "報名", ["請於活動前一週線上簽名報名。"]));
    // "signal" is 信號; its letters make "sign", whose 簽名 shares no character with 信號.
    const dictionary = new BilingualDictionary([
      { simplified: "信号", english: ["signal"] },
      { simplified: "签名", english: ["to sign"] },
    ]);
    const { translations } = await readQuestion(store, "no signal in my room", { dictionary });
    expect(translations.get("signal")).toBeUndefined();
  });

  it("translates a dictionary word the segmenter cut apart whole, for each of its pieces", async () => {
    await store.replaceDocument(
      ...sampleDocument("services/ebooks.md", "Digital Library", ["Each card can borrow up to 10 e-books at a time."]),
    );
    // 電子書 is cut into 電子 and 書, which alone translate to "electronic" and "letter".
    const dictionary = new BilingualDictionary([
      { simplified: "电子书", english: ["e-book"] },
      { simplified: "电子", english: ["electronic"] },
      { simplified: "书", english: ["letter"] },
    ]);
    const { translations } = await readQuestion(store, "電子書可以借幾本", { dictionary });
    for (const piece of ["电子", "书"]) {
      expect(translations.get(piece)?.map((equivalent) => equivalent.terms)).toContainEqual(["e", "book", "ebook"]);
    }
    const { passages } = await retrievePassages(store, "電子書可以借幾本", { limit: 1, dictionary });
    expect(docIds(passages)).toEqual(["services/ebooks.md"]);
  });

  it("finds a compound written apart or together, as fully as written the documents' way", async () => {
    await store.replaceDocument(
      ...sampleDocument("general/hours.md", "Hours", [
        "We stay open at lunchtime. Street lights are fixed within 3 days.",
      ]),
    );
    const dictionary = new BilingualDictionary([
      { simplified: "路灯", english: ["street light", "streetlight"] },
      { simplified: "光", english: ["light"] },
      { simplified: "街", english: ["street"] },
    ]);
    const apart = await retrievePassages(store, "open at lunch time", { limit: 1, dictionary });
    expect(docIds(apart.passages)).toEqual(["general/hours.md"]);
    expect(apart.passages[0]?.coverage).toBe(1);
    const together = await retrievePassages(store, "streetlight fixed", { limit: 1, dictionary });
    expect(together.passages[0]?.coverage).toBe(1);
    const withoutDictionary = await retrievePassages(store, "streetlight fixed", { limit: 1 });
    expect(withoutDictionary.passages[0]?.coverage).toBeLessThan(1);
  });

  it("does not read two words as a slip for a third that sounds like their meeting", async () => {
    await store.replaceDocument(...sampleDocument("air/birds.md", "鳥擊", ["飛鳥與飛機相撞稱為鳥擊。"]));
    await store.replaceDocument(...sampleDocument("air/terms.md", "用語", ["本規則所稱航空站，即指民用機場。"]));
    // 鳥擊 is a word the documents use; 擊指 sounds like 即指 but is only where 鳥擊 meets 指.
    const { equivalents, passages } = await retrievePassages(store, "鳥擊指的是甚麼", { limit: 1 });
    expect(equivalents("击指")).toEqual([]);
    expect(docIds(passages)).toEqual(["air/birds.md"]);
  });

  it("weighs a name the documents never use as the question's subject, however everyday the language finds it", async () => {
    await store.replaceDocument(
      ...sampleDocument("payment/invoice.md", "電子發票", ["出貨當天會把電子發票寄到您的 Email。"]),
    );
    const question = "可以寄到美國嗎";
    const names = new BilingualDictionary([{ simplified: "美国", english: ["United States; USA; US"] }]);
    const withNames = await retrievePassages(store, question, { limit: 1, dictionary: names });
    // 美國 is one of the most everyday words of the news; read as one, 寄到 alone covered 0.89.
    const asEveryday = await retrievePassages(store, question, { limit: 1 });
    expect(asEveryday.passages[0]?.coverage).toBeGreaterThan(0.8);
    expect(withNames.passages[0]?.coverage).toBeLessThan(0.6);
  });

  it("reads two characters the segmenter left apart as the word the documents write together", async () => {
    // Intl.Segmenter does not know 總館 (the main library): it reads 總 + 館, and 館 alone is in 分館 too.
    await store.replaceDocument(
      ...sampleDocument("library/hours.md", "開放時間", [
        "總館：週六 09:00–17:00",
        "醫學分館：週六 09:00–12:00，週日 不開放",
      ]),
    );
    const { queryWeights, words, passages } = await retrievePassages(store, "總館週六開放時間", { limit: 3 });
    expect(queryWeights.get("总馆")).toBeGreaterThan(1);
    expect(queryWeights.has("总")).toBe(false);
    expect(queryWeights.has("馆")).toBe(false);
    expect(words).toContain("总馆");
    expect(passages[0]?.chunk.text).toContain("總館");
  });

  it("reads a two-character word the documents never write through a character they write as a word", async () => {
    // The segmenter joins 養貓 (keep a cat); the rules list 貓 on its own, with the other pets.
    await store.replaceDocument(
      ...sampleDocument("housing/pets.md", "宿舍寵物規定", ["宿舍內禁止飼養寵物，包括貓、狗、鳥。"]),
    );
    await store.replaceDocument(...sampleDocument("housing/quiet.md", "宿舍安寧", ["宿舍晚上十一點後請保持安靜。"]));
    const { queryWeights, passages } = await retrievePassages(store, "宿舍可以養貓嗎", { limit: 3 });
    expect(queryWeights.has("养猫")).toBe(true);
    expect(passages[0]?.document.docId).toBe("housing/pets.md");
    // Half of the word: the passage that writes it whole would cover it all.
    expect(passages[0]?.coverage).toBeLessThan(1);
  });

  describe("across languages", () => {
    const readAndRetrieve = async (question: string, dictionary: BilingualDictionary) => ({
      ...(await retrievePassages(store, question, { limit: 1, dictionary })),
      translations: (await readQuestion(store, question, { dictionary })).translations,
    });
    // A few entries in CC-CEDICT's shape: enough to translate these questions.
    const dictionary = new BilingualDictionary([
      { simplified: "保证金", english: ["cash deposit", "bail"] },
      { simplified: "宿舍", english: ["dormitory", "dorm", "living quarters"] },
      { simplified: "罚款", english: ["(impose a) fine", "penalty"] },
      { simplified: "书本", english: ["book", "CL:本[ben3]"] },
      { simplified: "逾期", english: ["to be overdue"] },
    ]);
    beforeEach(() =>
      store.replaceDocument(
        ...sampleDocument("housing/rules-zh.md", "住宿規定", ["入住宿舍時須繳交保證金新臺幣3,000元。"]),
      ),
    );

    it("finds a passage in Chinese for a question in English, and one in English for a question in Chinese", async () => {
      const english = "how much is the dorm deposit";
      expect(docIds((await retrievePassages(store, english, { limit: 1 })).passages)).not.toContain(
        "housing/rules-zh.md",
      );
      const found = await retrievePassages(store, english, { limit: 1, dictionary });
      expect(docIds(found.passages)).toEqual(["housing/rules-zh.md"]);
      const chinese = await retrievePassages(store, "書本逾期的罰款", { limit: 1, dictionary });
      expect(docIds(chinese.passages)).toEqual(["library/fines.md"]);
    });

    it("finds a place an English question names in Pinyin in a Chinese page, which writes it in characters", async () => {
      await store.replaceDocument(...sampleDocument("ferry/fares-zh.md", "票價", ["澄港往北礁島單程票價 NT$ 620。"]));
      const english = await retrievePassages(store, "Beijiao Island", { limit: 1 });
      expect(docIds(english.passages)).toEqual(["ferry/fares-zh.md"]);
      // As a translation: a page of the question's language that writes the name comes first.
      await store.replaceDocument(...sampleDocument("ferry/piers-en.md", "Piers", ["Beijiao Island has one pier."]));
      const both = await retrievePassages(store, "Beijiao Island", { limit: 2 });
      expect(docIds(both.passages)[0]).toBe("ferry/piers-en.md");
      // Not a word that sounds like another the question writes: 事件 is no 時間.
      await store.replaceDocument(...sampleDocument("notices/hours.md", "時間", ["打烊前 30 分鐘停止受理。"]));
      const chinese = await readQuestion(store, "打洋前", {});
      expect(chinese.terms.some((term) => /^[a-z]+$/.test(term))).toBe(false);
    });

    it("counts a translation for less than the question's own word", async () => {
      const translated = await retrievePassages(store, "dorm deposit", { limit: 1, dictionary });
      expect(translated.passages[0]?.coverage).toBeGreaterThan(0.5);
      expect(translated.passages[0]?.coverage).toBeLessThan(1);
      const own = await retrievePassages(store, "宿舍保證金", { limit: 1, dictionary });
      expect(own.passages[0]?.coverage).toBe(1);
    });

    it("reads a character standing alone in the other language, for less than a word", async () => {
      await store.replaceDocument(
        ...sampleDocument("water/meters.md", "Meters", ["Breaking a meter seal carries a fine of NT$ 3,000."]),
      );
      const characters = new BilingualDictionary([
        { simplified: "罚", english: ["to punish; to penalize; to fine"] },
        { simplified: "封印", english: ["seal"] },
      ]);
      const { passages, translations } = await readAndRetrieve("封印弄破會被罰多少", characters);
      expect(docIds(passages)).toEqual(["water/meters.md"]);
      expect(translations.get("罚")).toEqual([{ terms: ["fine"], share: 0.5 }]);
      expect(translations.get("封印")).toEqual([{ terms: ["seal"], share: 0.7 }]);
    });

    it("counts a name's translation as the name itself", async () => {
      const names = new BilingualDictionary([
        { simplified: "香港", english: ["Hong Kong"] },
        { simplified: "邮费", english: ["postage"] },
      ]);
      await store.replaceDocument(
        ...sampleDocument("shipping/abroad.md", "Shipping abroad", ["Parcels to Hong Kong arrive in 3 to 5 days."]),
      );
      await store.replaceDocument(...sampleDocument("shipping/local.md", "國內寄送", ["寄到離島需要 3 天。"]));
      const { passages } = await retrievePassages(store, "寄到香港要幾天", { limit: 2, dictionary: names });
      expect(docIds(passages)[0]).toBe("shipping/abroad.md");
      const hongKong = await retrievePassages(store, "香港", { limit: 1, dictionary: names });
      expect(hongKong.passages[0]?.coverage).toBe(1);
    });

    it("counts a long word's translation as the whole word, the bigrams inside it too", async () => {
      const names = new BilingualDictionary([{ simplified: "马来西亚", english: ["Malaysia"] }]);
      await store.replaceDocument(
        ...sampleDocument("shipping/abroad.md", "Shipping abroad", ["Parcels to Malaysia arrive in 6 to 9 days."]),
      );
      // 馬來西亞 and its inner bigrams 馬來, 來西, 西亞 share one word's weight: "Malaysia" says all of it.
      const { passages } = await retrievePassages(store, "馬來西亞", { limit: 1, dictionary: names });
      expect(docIds(passages)).toEqual(["shipping/abroad.md"]);
      expect(passages[0]?.coverage).toBe(1);
    });

    it("reads two characters the segmenter leaves apart as the word the dictionary knows, when only the other language writes it", async () => {
      const words = new BilingualDictionary([
        { simplified: "年费", english: ["annual fee"] },
        { simplified: "会员", english: ["member"] },
      ]);
      // 會員 and 年 and 費 are each in the Chinese refund rules; only the English page states the fee.
      await store.replaceDocument(
        ...sampleDocument("tickets/refunds.md", "退票", ["會員贈票不退費，每年免費開放日的票券也不退。"]),
      );
      await store.replaceDocument(
        ...sampleDocument("membership/fees.md", "Membership", ["Individual member: annual fee NT$1,200."]),
      );
      const question = "會員一年的年費是多少";
      const found = await retrievePassages(store, question, { limit: 1, dictionary: words });
      expect(found.queryWeights.get("年费")).toBeGreaterThan(0);
      expect(docIds(found.passages)).toEqual(["membership/fees.md"]);
      // No document in the other language writes it: the characters stay two words, as typed.
      await store.deleteDocument("membership/fees.md");
      const alone = await retrievePassages(store, question, { limit: 1, dictionary: words });
      expect(alone.queryWeights.get("年费") ?? 0).toBe(0);
      expect(alone.queryWeights.get("费")).toBeGreaterThan(0);
    });

    it("translates a phrase of the question that the dictionary glosses whole", async () => {
      const phrases = new BilingualDictionary([
        { simplified: "离岛", english: ["outlying islands"] },
        { simplified: "运费", english: ["freight fee"] },
      ]);
      await store.replaceDocument(...sampleDocument("shipping/fees.md", "運費", ["寄到離島的運費是 NT$ 250。"]));
      await store.replaceDocument(
        ...sampleDocument("shipping/islands.md", "Islands", ["Our island stores open at nine."]),
      );
      const outlying = analyzeQuery("outlying")[0] ?? "";
      const found = await retrievePassages(store, "fee to an outlying island", { limit: 1, dictionary: phrases });
      expect(docIds(found.passages)).toEqual(["shipping/fees.md"]);
      // 離島 says "outlying" too, which no gloss of the word alone reaches: every word is covered in translation.
      expect(found.equivalents(outlying)).toEqual([{ terms: ["离岛"], share: 0.7 }]);
      expect(found.passages[0]?.coverage).toBeCloseTo(0.7);
      // Words the question does not run together are no phrase.
      const apart = await retrievePassages(store, "outlying fee, island", { limit: 1, dictionary: phrases });
      expect(apart.equivalents(outlying)).toEqual([]);
    });

    it("translates a phrase whole even when each of its words has a translation of its own", async () => {
      const glosses = new BilingualDictionary([
        { simplified: "电话", english: ["phone number"] },
        { simplified: "致电", english: ["phone"] },
        { simplified: "编号", english: ["number"] },
      ]);
      await store.replaceDocument(...sampleDocument("branches.md", "分院", ["板橋院電話 (02) 5555-0101。"]));
      await store.replaceDocument(...sampleDocument("orders.md", "訂單", ["改訂單請致電客服。"]));
      const found = await retrievePassages(store, "the phone number", { limit: 1, dictionary: glosses });
      // "phone" alone reaches 致電, in the order page: the phrase says 電話, in the branches page.
      expect(docIds(found.passages)).toEqual(["branches.md"]);
      const phone = analyzeQuery("phone")[0] ?? "";
      expect(found.equivalents(phone)).toEqual(
        expect.arrayContaining([
          { terms: ["电话"], share: 0.7 },
          { terms: ["致电"], share: 0.7 },
        ]),
      );
    });

    it("keeps the passage in the question's own words first when there is one", async () => {
      // "housing deposit" is in English in housing/deposit.md; its translation is in the Chinese rules.
      const { passages } = await retrievePassages(store, "housing deposit refunded", { limit: 3, dictionary });
      expect(docIds(passages)[0]).toBe("housing/deposit.md");
    });
  });

  it("finds a passage by meaning when no word of the question is in it", async () => {
    const question = "can I get my money back after leaving the dorm";
    expect(docIds((await retrievePassages(store, question, { limit: 3 })).passages)).not.toContain(
      "housing/deposit.md",
    );
    const { passages } = await retrievePassages(store, question, {
      limit: 3,
      queryEmbedding: { model: "test", vector: [0.95, 0.1, 0] },
    });
    expect(docIds(passages)[0]).toBe("housing/deposit.md");
    expect(passages[0]?.score).toBe(0);
    expect(passages[0]?.relevance).toBeGreaterThan(0);
  });

  it("answers from the other-language page that a quoted passage sends the reader to by name", async () => {
    await store.replaceDocument(
      ...sampleDocument("hotel/faq.md", "常見問題", [
        "外籍學員的英文汽車班上課時間，請參考英文頁面〈Courses for International Students〉。",
      ]),
    );
    await store.replaceDocument(
      ...sampleDocument("courses/international.md", "Courses for International Students", [
        "Classes are taught in English by licensed instructors.",
        "Evening lessons are held on Tuesday and Thursday, 18:30–21:30.",
      ]),
    );
    const dictionary = new BilingualDictionary([
      { simplified: "晚上", english: ["evening"] },
      { simplified: "上课", english: ["to attend class", "lesson"] },
    ]);
    const { answer } = await findAnswerCandidate(
      store,
      { question: "外籍學員的英文汽車班晚上幾點上課？" },
      { faqMatchThreshold: 0.4, confidenceModel: defaultConfidenceModel, dictionary: () => dictionary },
    );
    expect(answer?.citations[0]?.doc_id).toBe("courses/international.md");
    expect(answer?.answer).toContain("18:30–21:30");
  });

  it("gives a finite confidence to an answer found by meaning only", async () => {
    const embedder = new FakeEmbedder("test", () => [0.95, 0.1, 0]);
    const { answer } = await findAnswerCandidate(
      store,
      { question: "can I get my money back after leaving the dorm" },
      { faqMatchThreshold: 0.4, embedder, confidenceModel: defaultConfidenceModel },
    );
    expect(embedder.questions).toEqual(["can I get my money back after leaving the dorm"]);
    expect(answer?.citations[0]?.doc_id).toBe("housing/deposit.md");
    expect(Number.isFinite(answer?.confidence)).toBe(true);
  });

  it("fuses the two rankings: first in both beats first in one", async () => {
    const { passages } = await retrievePassages(store, "fine per day for overdue books", {
      limit: 3,
      queryEmbedding: { model: "test", vector: [0.1, 0, 1] },
    });
    expect(docIds(passages)[0]).toBe("library/fines.md");
    expect(passages[0]?.relevance).toBeCloseTo(1);
  });
});
