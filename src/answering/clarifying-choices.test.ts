import { describe, expect, it } from "vitest";
import type { Passage } from "../retrieval/retrieve-passages.js";
import { analyzeText } from "../text/tokenize.js";
import { clarifyingChoices, clarifyingQuestion } from "./clarifying-choices.js";

function passage(docId: string, title: string, relevance: number, extra: Partial<Passage["chunk"]> = {}): Passage {
  const text = extra.text ?? `${title}的說明。`;
  return {
    chunk: { chunkId: `${docId}#0`, docId, position: 0, text, headingPath: [], start: 0, end: text.length, ...extra },
    document: { docId, title, collection: "test" },
    score: relevance,
    terms: new Set(analyzeText(`${title} ${text}`)),
    relevance,
    coverage: 1,
  };
}

describe("clarifyingChoices", () => {
  const application = passage("housing/apply.md", "宿舍申請", 1);
  const rules = passage("housing/rules.md", "宿舍生活規範", 0.95, { headingPath: ["宿舍生活規範", "訪客"] });
  const faq = passage("housing/faq.json", "宿舍常見問題", 0.9, { faqQuestion: "宿舍可以養寵物嗎？" });

  it("offers the topics a one-word question may be about, each as something to ask", () => {
    // Topics whose own name holds the word first: the rules' section on visitors does not.
    expect(clarifyingChoices("宿舍?", [application, rules, faq])).toEqual([
      "宿舍申請",
      "宿舍可以養寵物嗎？",
      "宿舍生活規範：訪客",
    ]);
  });

  it("answers instead when the question asks for something, says more, or one topic stands out", () => {
    expect(clarifyingChoices("宿舍費用多少", [application, rules])).toBeUndefined();
    expect(clarifyingChoices("宿舍申請 訪客 規範 寵物", [application, rules])).toBeUndefined();
    expect(clarifyingChoices("宿舍規定?", [application, { ...rules, relevance: 0.5, coverage: 0.5 }])).toBeUndefined();
    expect(clarifyingChoices("宿舍?", [application])).toBeUndefined();
  });

  it("answers two words one document covers whole, whichever of its sections holds them", () => {
    const section = (heading: string, relevance: number) =>
      passage("international/patients.md", "International patients", relevance, {
        chunkId: `international/patients.md#${heading}`,
        headingPath: ["International patients", heading],
        text: "Interpreters can be booked 3 working days ahead.",
      });
    const refills = passage("pharmacy/refills.md", "Refills", 0.5, { text: "Book a refill in the app." });
    const sections = [section("Interpreters", 1), section("Our service centre", 0.9), { ...refills, coverage: 0.5 }];
    expect(clarifyingChoices("interpreter booking", sections)).toBeUndefined();
    // Two documents covering both words are two topics.
    const desk = { ...passage("general/desk.md", "Front desk", 0.95), coverage: 1 };
    expect(clarifyingChoices("interpreter booking", [section("Interpreters", 1), desk])).toHaveLength(2);
  });

  it("offers every document holding a one-word question's word, however often each repeats it", () => {
    const deposit = passage("library/fines.md", "Library fines", 1, { text: "Fees: NT$ 10 a day." });
    const moveOut = passage("housing/move-out.md", "Moving out", 0.6, { text: "Cleaning fees are NT$ 500." });
    // "fees" asks for an amount, but as the whole question it names only a topic.
    expect(clarifyingChoices("fees?", [deposit, moveOut])).toEqual(["Library fines", "Moving out"]);
    // One word and a kind of answer: the word does not say whose fees.
    expect(clarifyingChoices("how much are the fees?", [deposit, moveOut])).toEqual(["Library fines", "Moving out"]);
  });

  it("answers two words put as a question, and a kind of answer only one document states", () => {
    const benefits = passage("members/benefits.md", "會員權益", 1, { headingPath: ["會員權益", "折扣"] });
    const joining = passage("members/join.md", "加入會員", 0.95);
    expect(clarifyingChoices("會員 好處", [benefits, joining])).toHaveLength(2);
    expect(clarifyingChoices("會員有什麼好處", [benefits, joining])).toBeUndefined();
    // Both sections of one page state a price: the page is what the word names, in any language.
    const section = (heading: string, text: string, relevance: number) =>
      passage("repairs/services.md", "Repair services", relevance, {
        chunkId: `repairs/services.md#${heading}`,
        headingPath: ["Repair services", heading],
        text,
      });
    const repairs = [
      section("Price list", "Puncture repair: NT$ 150", 1),
      section("Booking", "A booking fee of NT$ 100.", 0.9),
    ];
    expect(clarifyingChoices("补胎多少钱", repairs)).toBeUndefined();
  });

  it("answers when the question names exactly one of the close documents' subject", () => {
    const vpn = passage("it/vpn.md", "VPN", 1);
    const wifi = passage("it/wifi.md", "Campus Wi-Fi", 0.9);
    expect(clarifyingChoices("VPN?", [vpn, wifi])).toBeUndefined();
  });

  describe("sections as topics", () => {
    const idCard = (heading: string | undefined, relevance: number) =>
      passage("certificates/id-card.md", "國民身分證：初領與補發", relevance, {
        chunkId: `certificates/id-card.md#${heading ?? "overview"}`,
        headingPath: heading ? ["國民身分證：初領與補發", heading] : [],
      });
    const overview = idCard(undefined, 1);
    const lost = idCard("身分證遺失怎麼辦", 0.97);
    const fee = idCard("規費一覽", 0.9);
    const photocopier = passage("general/faq.json", "常見問題", 0.95, { faqQuestion: "有沒有影印機？" });

    it("offers the sections of the one document a word names, those it names first", () => {
      // 身分證 is inside the title's longer word 國民身分證: the title still names it. The fee
      // section is named only by the title above it: it comes after the topics the word names.
      expect(clarifyingChoices("身分證", [overview, lost, photocopier, fee])).toEqual([
        "國民身分證：初領與補發",
        "國民身分證：初領與補發：身分證遺失怎麼辦",
        "有沒有影印機？",
        "國民身分證：初領與補發：規費一覽",
      ]);
      // One section named by its own heading, among others that are not, is what was meant.
      expect(clarifyingChoices("身分證", [lost, photocopier, fee])).toBeUndefined();
    });

    it("answers a word and a kind of answer when the word names one document", () => {
      expect(clarifyingChoices("身分證多少錢", [overview, lost, photocopier, fee])).toBeUndefined();
    });

    it("offers the topics a word names several of, and those of a word that is only the kind asked for", () => {
      const deadlines = passage("housing/move-out.md", "Moving out", 1, {
        headingPath: ["Moving out", "Deadlines"],
        text: "Move out by June 30.",
      });
      const addDrop = passage("registrar/add-drop.md", "Adding and dropping courses", 0.9, {
        text: "The deadline is in week 2 on Friday.",
      });
      // The one section called "Deadlines" is not what "deadline?" means: it asks for a date, of anything.
      expect(clarifyingChoices("deadline?", [deadlines, addDrop])).toEqual([
        "Moving out: Deadlines",
        "Adding and dropping courses",
      ]);
      const applyForSubsidy = passage("welfare/subsidy.md", "生育津貼", 1, { headingPath: ["生育津貼", "申請資格"] });
      const applyForTranscript = passage("certificates/transcript.md", "申請戶籍謄本", 0.9);
      expect(clarifyingChoices("申請", [applyForSubsidy, applyForTranscript])).toEqual([
        "生育津貼：申請資格",
        "申請戶籍謄本",
      ]);
    });

    it("offers, for a word and a kind of answer, only the topics that state one", () => {
      const mention = (docId: string, title: string, text: string, relevance: number) =>
        passage(docId, title, relevance, { text });
      const credits = mention("registrar/credits.md", "學分抵免", "抵免課程在成績單上註記。", 1);
      const major = mention("registrar/major.md", "轉系", "申請時上傳成績單。", 0.95);
      const grades = mention("registrar/grades.md", "成績", "成績單每份 100 元。", 0.9);
      // Pages that merely mention 成績單 are no answer to what it costs: the one that says is answered.
      expect(clarifyingChoices("成績單多少錢", [credits, major, grades])).toBeUndefined();
      const reissue = mention("registrar/reissue.md", "補發", "補發成績單每份 50 元。", 0.9);
      expect(clarifyingChoices("成績單多少錢", [credits, major, grades, reissue])).toEqual(["成績", "補發"]);
    });

    it("asks back when the word and kind of answer name several documents", () => {
      const housing = passage("housing/apply.md", "Apply for housing", 1, { text: "Apply by April 30." });
      const major = passage("registrar/major.md", "Apply to change major", 0.9, { text: "Apply by March 31." });
      expect(clarifyingChoices("when do I apply?", [housing, major])).toEqual([
        "Apply for housing",
        "Apply to change major",
      ]);
    });

    it("counts no bigram across two words as a word of its own", () => {
      const subsidy = passage("welfare/subsidy.md", "生育津貼", 1, { text: "申請期限為每年 3 月 31 日。" });
      const transcript = passage("certificates/transcript.md", "戶籍謄本", 0.9, { text: "申請期限為 5 月 1 日。" });
      // 申請期限 is 申請 and 期限; 請期 is an accident of writing them together.
      expect(clarifyingChoices("申請期限?", [subsidy, transcript])).toEqual(["生育津貼", "戶籍謄本"]);
    });

    it("offers each document's best topic before any document's second", () => {
      const transcript = passage("certificates/transcript.md", "國民身分證影本與謄本", 0.8);
      expect(clarifyingChoices("身分證", [overview, lost, transcript])).toEqual([
        "國民身分證：初領與補發",
        "國民身分證影本與謄本",
        "國民身分證：初領與補發：身分證遺失怎麼辦",
      ]);
    });
  });

  it("asks back in the asker's language", () => {
    expect(clarifyingQuestion("en")).toMatch(/which one/i);
    expect(clarifyingQuestion("zh-Hant")).toContain("哪一個");
    expect(clarifyingQuestion("zh-Hans")).toContain("哪一个");
  });
});
