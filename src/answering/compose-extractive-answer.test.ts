import { describe, expect, it } from "vitest";
import type { Passage } from "../retrieval/retrieve-passages.js";
import { evenlyWeighted } from "../test-support/evenly-weighted.js";
import { analyzeText } from "../text/tokenize.js";
import { headingNamesAskedField, readAskedAnswer } from "./answer-types.js";
import { composeExtractiveAnswer } from "./compose-extractive-answer.js";

/** Chunk `position` of a document, `text` under `headingPath`, found covering the whole question. */
function passage(docId: string, text: string, headingPath: string[] = [], position = 0): Passage {
  return {
    chunk: { chunkId: `${docId}#${position}`, docId, position, text, headingPath, start: 0, end: text.length },
    document: { docId, title: docId, collection: "test" },
    score: 1,
    terms: new Set(analyzeText(text)),
    relevance: 1,
    coverage: 1,
  };
}

/** Pair `position` of an FAQ sheet, `general/faq.json`: its curated question and its answer. */
function faqPair(position: number, question: string, text: string): Passage {
  return {
    ...passage("general/faq.json", text),
    chunk: {
      chunkId: `general/faq.json#${position}`,
      docId: "general/faq.json",
      position,
      text,
      headingPath: [],
      start: 0,
      end: text.length,
      faqQuestion: question,
    },
  };
}

/** The answer composed with every term of the question weighing alike. */
function composeEvenly(question: string, passages: Passage[]) {
  return composeExtractiveAnswer(question, evenlyWeighted(question), passages);
}

describe("composeExtractiveAnswer", () => {
  const addDrop = passage(
    "registrar/add-drop.md",
    "本辦法依學則訂定。大學部學生之加退選期限為開學後第二週週五。研究生之加退選期限為開學後第三週週五。逾期者須填寫申請表。",
  );

  it("reads a sentence of a notice's item with the sentence before it, which names what it tells of", () => {
    const notice = passage(
      "notices/new-year.txt",
      ["一、春節期間各櫃台暫停營業。2 月 23 日起恢復。", "二、春節期間客服專線 2 月 16 日起暫停營業。"].join("\n"),
    );
    const { answer } = composeEvenly("春節後櫃台哪一天恢復營業？", [notice]);
    expect(answer).toContain("2 月 23 日起恢復。");
    expect(answer).not.toContain("2 月 16 日");
  });

  it("reads a notice's subject line that asks readers to take note as its items' heading, and quotes the item", () => {
    const notice = passage(
      "notices/typhoon.txt",
      [
        "主旨：公告颱風季節航班停航標準及退票措施，請旅客周知。",
        "說明：",
        "一、停航判定：有下列情形之一者，航班停航：",
        "（一）海上颱風警報涵蓋航線海域。",
        "（二）浪高達 2.5 公尺以上。",
        "二、退票：因天候停航之船票可全額退票。",
      ].join("\n"),
    );
    const { answer } = composeEvenly("颱風停航標準", [notice]);
    expect(answer).toContain("浪高達 2.5 公尺以上");
    expect(answer).not.toContain("主旨");
  });

  it("quotes a subject line that states what the notice decides", () => {
    const notice = passage(
      "notices/parking.txt",
      ["主旨：自 1 月 1 日起停車費調整為每小時 30 元，請查照。", "說明：", "一、依停車場管理辦法辦理。"].join("\n"),
    );
    const { answer } = composeEvenly("停車費多少錢？", [notice]);
    expect(answer).toContain("每小時 30 元");
  });

  it("takes a table row the question names after a word of its own (「請問全票」), not another case's price", () => {
    const admission = passage(
      "visit/admission.md",
      ["全票：票價 150 元，適用對象 一般民眾", "優待票：票價 100 元，適用對象 學生"].join("\n"),
    );
    const online = passage("visit/online.md", "2. 線上購票：於官網購買，全票線上價 135 元，購票後掃碼入館。", [], 1);
    const { answer } = composeEvenly("請問全票多少錢？", [online, admission]);
    expect(answer).toContain("150 元");
    expect(answer).not.toContain("135 元");
  });

  it("quotes the band of a table that holds the quantity the question states, not the band the number ends", () => {
    const rates = passage(
      "billing/rates.md",
      ["第 1–40 度：每度單價 NT$ 13.20", "第 41–100 度：每度單價 NT$ 13.85", "第 101 度以上：每度單價 NT$ 14.50"].join(
        "\n",
      ),
    );
    expect(composeEvenly("一期用超過100度，多出來的每度多少錢？", [rates]).answer).toContain("14.50");
    expect(composeEvenly("這期用了 80 度，每度多少？", [rates]).answer).toContain("13.85");
  });

  it("reads every passage that covers the question as well as the best, whatever the index's order among them", () => {
    const chunks = [
      "Every gas meter we install must be replaced on a fixed schedule.",
      "If a gas meter is stolen, report it to the police first; the replacement is then free.",
      "If a gas meter is damaged by a contractor, you pay a replacement charge.",
      "Gas meter replacement: the gas supply is turned off. A standard replacement takes about 30 minutes.",
    ].map((text, position) => passage("meter/replacement.md", text, [], position));
    const { answer, answerTypeFound } = composeEvenly("How long does it take to replace a gas meter?", chunks);
    expect(answer).toContain("30 minutes");
    // Read as one of the best, it states the kind of answer asked for where the question is answered.
    expect(answerTypeFound).toBe(true);
  });

  it("reads no further pair of an FAQ sheet for a tie: each answers a question of its own", () => {
    const pairs = [
      faqPair(0, "Where is the gas meter?", "Every gas meter is on the balcony."),
      faqPair(1, "Who owns the gas meter?", "The gas meter belongs to the company."),
      faqPair(2, "Can I move the gas meter?", "Moving a gas meter needs a licensed installer."),
      faqPair(3, "How long is a meter test?", "Replacing a gas meter takes about 30 minutes."),
    ];
    expect(composeEvenly("How long does it take to replace a gas meter?", pairs).answerTypeFound).toBe(false);
  });

  it("finds no figure for a labelled thing when only another of its kind states one", () => {
    const centres = passage(
      "service/centres.html",
      [
        "中正服務中心：大樓地下停車場 B2，憑櫃台蓋章可免費停車 1 小時，超過部分每小時 NT$ 40。",
        "港北服務中心：地址 港北區新港路 210 號，週一至週五 8:30–17:30",
      ].join("\n"),
    );
    expect(composeEvenly("港北服務中心的停車場一小時多少錢？", [centres]).figureMissing).toBe(true);
    expect(composeEvenly("中正服務中心的停車場一小時多少錢？", [centres]).figureMissing).toBeFalsy();
  });

  it("quotes the sentence that answers the question, with its citation marker", () => {
    const question = "研究生加退選期限";
    const { answer, citations } = composeEvenly(question, [addDrop]);
    expect(answer).toBe("研究生之加退選期限為開學後第三週週五。[1]");
    expect(citations).toEqual([
      expect.objectContaining({
        n: 1,
        doc_id: "registrar/add-drop.md",
        quote: "研究生之加退選期限為開學後第三週週五。",
      }),
    ]);
  });

  it("takes each pair of an FAQ sheet as a subject of its own, not as more of the same document", () => {
    const pair = (position: number, question: string, text: string, coverage: number): Passage => ({
      ...faqPair(position, question, text),
      coverage,
    });
    const question = "late house tax extra fee";
    const paying = pair(0, "When is house tax paid?", "House tax is paid in May.", 0.6);
    const mail = pair(1, "Can certificates be mailed?", "Certificates can be mailed for an extra fee.", 0.3);
    const { answer, citations } = composeEvenly(question, [paying, mail]);
    expect(answer).toBe("House tax is paid in May.[1]");
    expect(citations).toHaveLength(1);
    // Two parts of one page are one subject: the second may add what the first missed.
    const page = (position: number, text: string, coverage: number): Passage => ({
      ...paying,
      chunk: {
        ...paying.chunk,
        chunkId: `tax/house.md#${position}`,
        docId: "tax/house.md",
        position,
        text,
        faqQuestion: undefined,
      },
      document: { ...paying.document, docId: "tax/house.md" },
      terms: new Set(analyzeText(text)),
      coverage,
    });
    const together = composeEvenly(question, [
      page(0, "House tax is paid in May.", 0.6),
      page(1, "Paying late costs an extra fee.", 0.3),
    ]);
    expect(together.citations).toHaveLength(2);
  });

  it("makes every quote a verbatim slice of its chunk", () => {
    const question = "加退選期限 逾期 申請表";
    const { citations } = composeEvenly(question, [addDrop]);
    expect(citations.length).toBeGreaterThan(0);
    for (const citation of citations) expect(addDrop.chunk.text).toContain(citation.quote);
  });

  it("adds a second sentence only when it covers what the first missed, in reading order", () => {
    const question = "大學部加退選期限和逾期申請表";
    const { answer, citations } = composeEvenly(question, [addDrop]);
    expect(answer).toBe("大學部學生之加退選期限為開學後第二週週五。逾期者須填寫申請表。[1]");
    // One citation per passage, numbered once; its quote runs verbatim from the first sentence to the last.
    expect(citations.map((citation) => citation.quote)).toEqual([
      "大學部學生之加退選期限為開學後第二週週五。研究生之加退選期限為開學後第三週週五。逾期者須填寫申請表。",
    ]);
  });

  it("numbers citations by passage and joins English sentences with a space", () => {
    const fees = passage("tuition/fees.md", "Tuition is due on September 4. Late payment costs NT$ 500.");
    const refunds = passage("tuition/refunds.md", "Refunds take four to six weeks after approval.");
    const question = "Tuition due date and refund time in weeks?";
    const { answer, citations } = composeEvenly(question, [fees, refunds]);
    expect(answer).toBe("Tuition is due on September 4.[1] Refunds take four to six weeks after approval.[2]");
    expect(citations.map((citation) => [citation.n, citation.doc_id])).toEqual([
      [1, "tuition/fees.md"],
      [2, "tuition/refunds.md"],
    ]);
  });

  it("prefers the sentence holding a number when the question asks how many", () => {
    const dorm = passage("housing/dorm.md", "住宿生違規將依情節記點。累積記點達10點者，取消住宿資格。");
    const question = "記點累積幾點會被取消住宿";
    expect(composeEvenly(question, [dorm]).answer).toBe("累積記點達10點者，取消住宿資格。[1]");
  });

  it("keeps the items numbered in brackets that a sentence ending in a colon introduces, as a notice writes them", () => {
    const notice = passage(
      "outages/notice.txt",
      "停水期間於下列地點設置臨時供水站，請自備容器前往取水：\n（一）明德國小正門口（中正路一段210號）\n（二）和平里活動中心（文化路96號）\n另設有2輛機動水車。",
    );
    const { answer } = composeEvenly("臨時供水站設在哪裡", [notice]);
    expect(answer).toContain("明德國小正門口");
    expect(answer).toContain("和平里活動中心");
  });

  it("keeps the lines a sentence ending in a colon introduces", () => {
    const rules = passage(
      "registrar/change-of-major.md",
      "申請轉系應符合下列條件之一：\n- 學業成績平均達70分以上。\n- 名次在前百分之四十。",
    );
    const question = "轉系條件";
    const { answer, citations } = composeEvenly(question, [rules]);
    expect(answer).toBe("申請轉系應符合下列條件之一：學業成績平均達70分以上。名次在前百分之四十。[1]");
    expect(citations[0]?.quote).toBe(rules.chunk.text);
  });

  it("quotes the whole of a short list it begins, past the sentences an answer otherwise keeps to", () => {
    const rules = passage(
      "certificates/transcript.md",
      "下列人員可以申請謄本：\n- 本人。\n- 利害關係人，須附證明文件。\n- 受上述人員委託的人，須附委託書。\n\n其他人不能申請。",
    );
    const wholeList = "下列人員可以申請謄本：本人。利害關係人，須附證明文件。受上述人員委託的人，須附委託書。[1]";
    // Begun at its lead-in, or at its first line.
    expect(composeEvenly("誰可以申請謄本", [rules]).answer).toBe(wholeList);
    expect(composeEvenly("可以幫家人申請謄本嗎", [rules]).answer).toBe(wholeList);
  });

  it("quotes the whole of a list item it quotes a sentence of, whose sentences qualify each other", () => {
    const printing = passage(
      "printing.md",
      "- Print cards are sold at the counter and can be topped up there in cash. The machines themselves do not take cash.\n- Colour pages cost NT$ 10.",
    );
    expect(composeEvenly("can I pay cash at the printer", [printing]).answer).toBe(
      "Print cards are sold at the counter and can be topped up there in cash. The machines themselves do not take cash.[1]",
    );
  });

  it("brings the lead-in of a quoted list line, which can turn its meaning around", () => {
    const rules = passage(
      "housing/rules.md",
      "住宿生不得有下列行為：\n- 留宿訪客。\n- 使用電鍋、電磁爐等高耗電電器。\n違者記點。",
    );
    const question = "宿舍可以用電鍋嗎";
    expect(composeEvenly(question, [rules]).answer).toBe("住宿生不得有下列行為：使用電鍋、電磁爐等高耗電電器。[1]");
  });

  it("quotes a table row, which names its columns, as one citation", () => {
    const table = passage(
      "housing/fees.md",
      "宿舍費用如下：\n松園：房型 二人房，每學期住宿費 NT$ 16,200\n竹園：房型 四人房，每學期住宿費 NT$ 11,800",
    );
    const question = "竹園一學期住宿費多少";
    const { answer, citations } = composeEvenly(question, [table]);
    expect(answer).toBe("竹園：房型 四人房，每學期住宿費 NT$ 11,800[1]");
    expect(citations).toHaveLength(1);
  });

  it("numbers its citations on from the one it is told, leaving a document's own [1] as written", () => {
    const loans = passage("library/loans.md", "大學部每人最多借書10冊，借期30天[1]。逾期每日罰款5元。");
    const question = "大學部可以借幾本書";
    const { answer, citations } = composeExtractiveAnswer(
      question,
      evenlyWeighted(question),
      [loans],
      undefined,
      undefined,
      3,
    );
    expect(answer).toBe("大學部每人最多借書10冊，借期30天[1]。[3]");
    expect(citations.map(({ n }) => n)).toEqual([3]);
  });

  it("looks a table up by the key the question names as written", () => {
    const fees = passage(
      "tuition/fees.md",
      "管理學院：學費 21,260，雜費 4,870，合計 26,130\n理學院：學費 24,310，雜費 4,680，合計 28,990",
    );
    const question = "理學院學雜費一學期多少錢";
    expect(composeEvenly(question, [fees]).answer).toBe("理學院：學費 24,310，雜費 4,680，合計 28,990[1]");
    const grades = passage(
      "registrar/grades.md",
      "Score 90–100: Letter A+, Grade points 4.3\nScore 80–84: Letter A-, Grade points 3.7",
    );
    const gradeQuestion = "how many grade points is an A-";
    expect(composeEvenly(gradeQuestion, [grades]).answer).toBe("Score 80–84: Letter A-, Grade points 3.7[1]");
  });

  it("looks a table up by a label's name without the qualifier in brackets after it", () => {
    const fees = passage(
      "shipping/fees.html",
      "宅配到府（台灣本島）：運費 NT$ 100，送達時間 1 至 2 天\n超商取貨（7-ELEVEN、全家）：運費 NT$ 65，送達時間 2 至 3 天",
    );
    const rules = passage(
      "shipping/rules.md",
      "包裹超過 5 公斤時，結帳頁不會顯示超商取貨選項，已付款的訂單扣除運費 NT$ 130 後退款。",
    );
    const question = "超商取貨的運費是多少？";
    expect(composeEvenly(question, [rules, fees]).answer).toBe(
      "超商取貨（7-ELEVEN、全家）：運費 NT$ 65，送達時間 2 至 3 天[1]",
    );
  });

  it("looks a table up by the key the question names in other words, a translation or a synonym", () => {
    const rates = passage(
      "shipping/abroad.md",
      "Singapore: Delivery time 5–7 business days, First 1 kg NT$ 520\nMalaysia: Delivery time 6–9 business days, First 1 kg NT$ 560",
    );
    // Ranked before the rates, a section on Malaysia's sockets and an FAQ pair naming Malaysia.
    const plugs = passage("general/plugs.md", "Do not plug our appliances into the wall socket.", [
      "Voltage",
      "Singapore and Malaysia (220–240V)",
    ]);
    const served = passage("general/faq.json", "Yes. We ship to Japan, Singapore and Malaysia.");
    const question = "寄到馬來西亞大概要幾天";
    const weights = new Map([["马来西亚", 1]]);
    const translated = (term: string) => (term === "马来西亚" ? [{ terms: ["malaysia"], share: 0.7 }] : []);
    const { answer } = composeExtractiveAnswer(question, weights, [plugs, served, rates], undefined, translated);
    expect(answer).toBe("Malaysia: Delivery time 6–9 business days, First 1 kg NT$ 560[1]");
  });

  it("looks a table up by the column the question names, before a sentence that mentions it in passing", () => {
    const holidays = passage("library/hours.html", "寒暑假期間週六、週日閉館。", ["開放時間", "寒暑假"]);
    const row = "閱覽區：週一至週五 08:00–22:00，週六 09:00–17:00，週日 13:00–21:00";
    const term = passage("library/hours.html", row, ["開放時間", "學期間"], 1);
    const question = "週日幾點開門";
    const { answer } = composeEvenly(question, [holidays, term]);
    expect(answer).toBe(`${row}[1]`);
  });

  it("quotes a small table whole when the question names none of its rows, and one row when it names it", () => {
    const fees = passage(
      "戶籍謄本",
      "現戶謄本：臨櫃規費 15 元，網路規費 10 元\n除戶謄本：臨櫃規費 20 元，網路規費 不提供\n英文戶籍謄本：臨櫃規費 100 元，網路規費 不提供",
    );
    const general = "戶籍謄本多少錢";
    const { answer, citations } = composeEvenly(general, [fees]);
    expect(answer).toBe(`${fees.chunk.text}[1]`);
    expect(citations).toHaveLength(1);
    const english = "英文戶籍謄本多少錢";
    expect(composeEvenly(english, [fees]).answer).toBe("英文戶籍謄本：臨櫃規費 100 元，網路規費 不提供[1]");
  });

  it("quotes a small table whole when a value holds the comma its cells are parted by", () => {
    const rows = [
      "一般物品（衣物、雨傘）：保管期限 30 天，逾期處理方式 捐贈社福團體，其餘銷毀",
      "證件類（身分證、學生證）：保管期限 7 天，逾期處理方式 移送警察局",
      "食物及易腐壞物品：保管期限 當日，逾期處理方式 閉館後丟棄，不予保管",
    ];
    const kept = passage("services/lost-and-found.md", rows.join("\n"), ["遺失物招領辦法", "物品保管期限"]);
    expect(composeEvenly("遺失物品的保管期限是多久", [kept]).answer).toBe(`${rows.join("\n")}[1]`);
  });

  it("answers with the list an item introduces, not with the items beside it", () => {
    const billing = passage(
      "billing.md",
      "- 本期應繳總額：本期所有消費、分期當期金額、利息及各項費用的合計。\n- 最低應繳金額：計算方式如下：\n1. 一般消費款的 10%；\n2. 加上分期付款的當期應繳金額。\n- 只繳最低應繳金額不會產生違約金。",
    );
    const { answer } = composeEvenly("最低應繳金額怎麼計算？", [billing]);
    expect(answer).toMatch(/^最低應繳金額：計算方式如下：\n1\. 一般消費款的 10%/);
    expect(answer).not.toContain("本期應繳總額：");
  });

  it("reads the bullets authors type (‧, ●) as a list's items", () => {
    const lockers = passage(
      "lockers.txt",
      "使用時間：09:00 起至閉館時間止。\n櫃型與收費如下：\n‧ 小型櫃：投入 10 元硬幣上鎖，取物時硬幣退還。\n‧ 大型櫃：每次 30 元，取物時不退還。",
      ["寄物櫃使用須知", "自助寄物櫃"],
    );
    const { answer } = composeEvenly("寄物櫃怎麼收費", [lockers]);
    // Quoted as a list's items are, without the bullet.
    expect(answer).toBe(
      "櫃型與收費如下：小型櫃：投入 10 元硬幣上鎖，取物時硬幣退還。大型櫃：每次 30 元，取物時不退還。[1]",
    );
  });

  it("looks a table up by an item a cell lists, which the question names", () => {
    const warranty = passage(
      "warranty.md",
      "小家電：代表商品 電風扇、吹風機，保固期間 1 年，保固範圍 主機本體\n大型家電：代表商品 除濕機、空氣清淨機，保固期間 2 年，保固範圍 主機本體",
    );
    expect(composeEvenly("空氣清淨機保固幾年", [warranty]).answer).toBe(
      "大型家電：代表商品 除濕機、空氣清淨機，保固期間 2 年，保固範圍 主機本體[1]",
    );
  });

  it("quotes the table a sentence introduces with that sentence, its bare figures in the unit it states", () => {
    const text =
      "本中心場地租借費依時段收取如下（單位：新臺幣元）。押金另計。\n上午：平日 1200，假日 1500\n下午：平日 1400，假日 1800\n晚上：平日 1600，假日 2000\n- 夜間使用逾時，每小時加收 300 元；";
    const rooms = passage("center/rooms.md", text, ["場地租借"]);
    const { answer } = composeEvenly("場地租借費多少", [rooms]);
    expect(answer).toBe(
      "本中心場地租借費依時段收取如下（單位：新臺幣元）。上午：平日 1200，假日 1500\n下午：平日 1400，假日 1800\n晚上：平日 1600，假日 2000[1]",
    );
    // A row the question names is quoted alone, after the sentence stating its unit when that is quoted too.
    const evening = composeEvenly("晚上場地租借費", [rooms]).answer;
    expect(evening).toContain("晚上：平日 1600，假日 2000[1]");
    expect(evening).not.toContain("上午");
  });

  it("starts the next passage's quote on a line of its own after a table row", () => {
    const fees = passage("fees.md", "一般病人：門診 150，急診 550\n低收入戶：門診 0，急診 0", ["掛號費"]);
    const waiver = passage("waiver.md", "低收入戶掛號時出示證明即免收掛號費。");
    const { answer } = composeEvenly("低收入戶掛號費", [fees, waiver]);
    expect(answer).toBe("低收入戶：門診 0，急診 0[1]\n低收入戶掛號時出示證明即免收掛號費。[2]");
  });

  it("prefers the rule for everyone to a sentence about a case the question does not name", () => {
    const parking = passage("parking.txt", "遺失停車票者，以當日最高收費 300 元計費。汽車停車收費為每小時 40 元。");
    expect(composeEvenly("停車費多少", [parking]).answer).toMatch(/^汽車停車收費為每小時 40 元。/);
    expect(composeEvenly("停車票遺失怎麼收費", [parking]).answer).toMatch(/^遺失停車票者/);
    // The case may follow a list item's label.
    const leave = passage(
      "leave.md",
      "- 不計入休學年限：因服兵役或懷孕而休學者，其休學期間不計入前述二學年上限。\n- 休學期限：累計以二學年為上限。",
    );
    expect(composeEvenly("休學上限多久", [leave]).answer).toBe("休學期限：累計以二學年為上限。[1]");
    // Or be a bulleted item's label that holds none of the question's topical words.
    const loans = passage(
      "loans.md",
      "## 特殊館藏\n\n- 熱門新書：借期14天，不可續借。\n\n## 借期\n\n一般讀者：圖書借期 28天",
    );
    expect(composeEvenly("書可以借多久", [loans]).answer).toBe("一般讀者：圖書借期 28天[1]");
    expect(composeEvenly("熱門新書可以借多久", [loans]).answer).toBe("熱門新書：借期14天，不可續借。[1]");
  });

  it("prefers the rule for everyone to an English sentence about those who do something not asked", () => {
    const orientation = passage(
      "arrival.md",
      "Orientation is compulsory for new students. In fall 2026 it takes place on September 8. Students who miss orientation must attend the make-up session on September 15.",
      ["Orientation"],
    );
    expect(composeEvenly("when is orientation", [orientation]).answer).toBe(
      "Orientation is compulsory for new students. In fall 2026 it takes place on September 8.[1]",
    );
  });

  it("takes a case that states what is asked as the answer, not as a case asked about", () => {
    const loans = passage("loans.md", "家庭年收入在 120萬元以下者，利息全額補貼。年收入超過 148萬元，利息不補貼。");
    expect(composeEvenly("收入多少利息補貼", [loans]).answer).toBe("家庭年收入在 120萬元以下者，利息全額補貼。[1]");
  });

  it("quotes every row whose label names the question as much as the best row's does", () => {
    const rows = [
      "Lunar New Year's Eve: Hours at every branch Closed",
      "First day of Lunar New Year: Hours at every branch Closed",
      "Second to fifth day of Lunar New Year: Hours at every branch 10:00–18:00",
      "Other national holidays: Hours at every branch Sunday hours",
    ];
    const holidays = passage("branches.html", rows.join("\n"), ["Branches and opening hours", "Holiday hours"]);
    const { answer } = composeEvenly("lunar new year opening hours", [holidays]);
    expect(answer).toBe(`${rows.slice(0, 3).join("\n")}[1]`);
    // One row named by more of the question is quoted alone.
    expect(composeEvenly("opening hours on the eve of lunar new year", [holidays]).answer).toBe(`${rows[0]}[1]`);
  });

  it("takes the row with the column asked about over a sentence that names the row's subject among others", () => {
    const cancelling = passage(
      "cancel.md",
      "If you cancel before your minimum term has ended, a fee is charged: NT$2,500 for the Basic and Student plans.",
      ["Freezing and cancelling", "Cancelling during the minimum term"],
    );
    const plans = passage(
      "plans.md",
      "Basic: Monthly fee NT$1,299, Minimum term 12 months\nStudent: Monthly fee NT$1,099, Minimum term 6 months",
    );
    // Weighed as an index of such documents weighs them: "plan" is in most of them.
    const weights = new Map([
      ["minimum", 0.39],
      ["student", 0.28],
      ["term", 0.18],
      ["plan", 0.15],
    ]);
    const question = "what is the minimum term of the student plan";
    const { answer } = composeExtractiveAnswer(question, weights, [cancelling, plans]);
    expect(answer).toBe("Student: Monthly fee NT$1,099, Minimum term 6 months[1]");
  });

  it("quotes the small table a section is, for a question naming the section and none of its rows", () => {
    const rows = [
      "飛輪：星期 週一、週三，時間 19:00",
      "瑜珈：星期 週二、週四，時間 07:00",
      "皮拉提斯：星期 週六，時間 10:00",
    ];
    const schedule = passage("classes.md", `${rows.join("\n")}\n其他分店的課表請見各分店公告欄。`, [
      "團體課程",
      "信義店每週課表",
    ]);
    expect(composeEvenly("信義店課表", [schedule]).answer).toMatch(new RegExp(`^${rows.join("\n")}`));
    // A row it names is quoted without the others.
    const yoga = composeEvenly("信義店瑜珈課", [schedule]).answer;
    expect(yoga).toMatch(/^瑜珈：星期 週二、週四，時間 07:00/);
    expect(yoga).not.toContain("飛輪");
  });

  it("quotes a section's table of two columns whole, a row naming a word of the question in passing with the rest", () => {
    const rows = [
      "本島門市寄本島門市：費用 每件 65 元",
      "寄往離島門市（澎湖、金門、馬祖）：費用 每件 125 元",
      "更改取件門市（包裹到店前，限一次）：費用 每次 20 元",
    ];
    const fees = passage("delivery/store-pickup.html", rows.join("\n"), ["超商寄件與取貨", "店到店運費"]);
    expect(composeEvenly("店到店運費", [fees]).answer).toBe(`${rows.join("\n")}[1]`);
    // A record's lines name no column they share: one of them is quoted.
    const record = passage("grants.md", "申請對象：家庭年收入 70 萬元以下\n補助金額：每學期 10,000 元", [
      "補助",
      "補助說明",
    ]);
    expect(composeEvenly("補助說明金額", [record]).answer).toBe("補助金額：每學期 10,000 元[1]");
    // Nor does a currency every value opens on.
    const moving = passage("moving.md", "申請對象：NT$ 計算方式另訂\n押金：NT$ 5,000\n清潔費：NT$ 3,000", [
      "搬家",
      "搬家須知",
    ]);
    expect(composeEvenly("搬家須知的押金", [moving]).answer).not.toContain("清潔費");
  });

  it("quotes what a section says from its start for a question that only names the section", () => {
    const events = passage(
      "about/events.md",
      "Every year from July 1 to August 31, children and teens can take part in the Summer Reading Challenge. Pick up a reading passport at any counter, read 20 books, and have each book stamped. Everyone who finishes receives a certificate.",
      ["Library events", "Summer Reading Challenge"],
    );
    const { answer } = composeEvenly("summer reading challenge", [events]);
    expect(answer).toMatch(/^Every year from July 1 to August 31, .*read 20 books/);
    // Asked for a kind of answer, the sentence stating it answers.
    expect(composeEvenly("summer reading challenge dates", [events]).answer).not.toContain("20 books");
  });

  it("quotes the sentences after the best one that give the same rule for other cases", () => {
    const passes = passage(
      "passes.txt",
      "All-Access members get 4 guest passes a year. Basic members get 2 guest passes a year. Guests must be 18 or older.",
    );
    expect(composeEvenly("how many guest passes do members get", [passes]).answer).toBe(
      "All-Access members get 4 guest passes a year. Basic members get 2 guest passes a year.[1]",
    );
  });

  it("does not find the kind of answer asked for in a quote that sends the reader elsewhere for it", () => {
    const claims = passage(
      "claims/claims-procedure.md",
      "未報值包裹：依實際損失賠償，每件最高 3,000 元。國際包裹的賠償上限另見國際寄件說明。",
      ["理賠辦法", "賠償上限"],
    );
    const international = composeEvenly("國際包裹的賠償上限是多少", [claims]);
    expect(international.answer).toContain("另見國際寄件說明");
    expect(international.answerTypeFound).toBe(false);
    // The table below is no elsewhere, nor is a sentence stating the fee before it points to more.
    const fees = passage("fees.md", "各項收費詳見下表：\n掛號費：每次 150 元", ["收費"]);
    expect(composeEvenly("掛號費多少", [fees]).answerTypeFound).toBe(true);
    const stated = passage("fees.md", "掛號費每次 150 元，詳情請參閱官網。", ["收費"]);
    expect(composeEvenly("掛號費多少", [stated]).answerTypeFound).toBe(true);
  });

  it("introduces a list that opens its section by the section's heading, unless its item names its own subject", () => {
    const forbidden = passage("parcels/customs.md", "- 單獨寄送的鋰電池及行動電源\n- 易燃液體", [
      "國際包裹",
      "禁止寄送的物品",
    ]);
    expect(composeEvenly("行動電源可以寄嗎", [forbidden]).answer).toMatch(
      /^禁止寄送的物品：單獨寄送的鋰電池及行動電源/,
    );
    const steps = passage("loans/steps.md", "- 上網登錄：於銀行網站填寫申請資料。\n- 對保：帶證件到銀行。", [
      "申辦步驟",
    ]);
    expect(composeEvenly("上網登錄要做什麼", [steps]).answer).toMatch(/^上網登錄：/);
    // A list a sentence introduces has its introduction.
    const introduced = passage("parcels/customs.md", "下列物品不得寄送：\n- 單獨寄送的鋰電池及行動電源", [
      "禁止寄送的物品",
    ]);
    expect(composeEvenly("行動電源可以寄嗎", [introduced]).answer).not.toContain("禁止寄送的物品：");
    // Nor by a heading that asks a question.
    const asked = passage("parcels/faq.md", "- 單獨寄送的鋰電池及行動電源", ["哪些物品不能寄？"]);
    expect(composeEvenly("行動電源可以寄嗎", [asked]).answer).toMatch(/^單獨寄送的鋰電池及行動電源/);
  });

  it("finds the fee on the page another page points to, under the heading that names what it is for", () => {
    const test = passage("courses/placement-test.html", "測驗費為 NT$ 300，於測驗當天在櫃台繳交。", ["分級測驗"]);
    const pointer = passage("courses/fees.md", "分級測驗的費用與折抵方式，請見「分級測驗」頁面。", ["其他費用"]);
    const composed = composeEvenly("分級測驗的測驗費是多少錢", [test, pointer]);
    expect(composed.answer).toContain("NT$ 300");
    expect(composed.answer).toContain("請見「分級測驗」頁面");
    expect(composed.answerTypeFound).toBe(true);
    expect(composed.figureMissing).toBe(false);
  });

  it("does not find the date asked for in a quote of another month's dates", () => {
    const notice = passage("outages/notice.txt", "停電時間：11月18日上午9時至下午3時。停電範圍：新埔里。", [
      "停電公告",
    ]);
    expect(composeEvenly("12 月新埔里哪幾天會停電", [notice]).answerTypeFound).toBe(false);
    expect(composeEvenly("11 月新埔里哪幾天會停電", [notice]).answerTypeFound).toBe(true);
  });

  it("quotes the fee a yes-or-no question about a charge asks, on the side of a threshold it is on", () => {
    const refunds = passage(
      "card/refunds.md",
      "購卡未滿 3 個月退卡：手續費 20 元，退款時間 當場退現金\n購卡滿 3 個月退卡：手續費 免收，退款時間 當場退現金",
      ["退卡"],
    );
    expect(composeEvenly("購卡未滿 3 個月退卡要收手續費嗎？", [refunds]).answer).toContain("手續費 20 元");
    expect(composeEvenly("購卡未滿 3 個月退卡要收手續費嗎？", [refunds]).answer).not.toContain("免收");
    expect(composeEvenly("購卡滿 3 個月退卡要收手續費嗎？", [refunds]).answer).toContain("免收");
    expect(composeEvenly("購卡滿 3 個月退卡要收手續費嗎？", [refunds]).answer).not.toContain("20 元");
  });

  it("does not take a yes or no about something else for the decision asked", () => {
    const parking = passage(
      "transport/parking.md",
      "停車費可用現金、悠遊卡或信用卡繳費，繳費機位於 B1 電梯口。機車停車場位於東側地面。",
      ["停車資訊"],
    );
    // The word no document uses weighs the most, as retrieval weighs it.
    const weighted = (question: string, weightiest: string) =>
      new Map([...evenlyWeighted(question)].map(([term, weight]) => [term, term === weightiest ? 3 : weight]));
    const camper = "停車場可以停大型露營車嗎";
    expect(composeExtractiveAnswer(camper, weighted(camper, "露营"), [parking]).answerTypeFound).toBe(false);
    const card = "停車費可以用悠遊卡嗎";
    expect(composeExtractiveAnswer(card, weighted(card, "悠游"), [parking]).answerTypeFound).toBe(true);
    // Named by the heading the quote is under, the thing asked about is decided by it.
    const pets = passage("visit/rules.md", "除導盲犬外，其他動物不得入館。", ["寵物"]);
    const petsQuestion = "可以帶寵物進去嗎";
    expect(composeExtractiveAnswer(petsQuestion, weighted(petsQuestion, "宠物"), [pets]).answerTypeFound).toBe(true);
    // Every word weighing near the heaviest is part of what is asked: fares for all do not say whether students pay less.
    const passes = passage("fees/passes.md", "單日券：價格 99 元，可以不限次數借車。", ["優惠票券"]);
    const students = "學生有沒有優惠";
    const twoHeavy = new Map([...evenlyWeighted(students)].map(([term]) => [term, term === "学生" ? 2.1 : 2.5]));
    expect(composeExtractiveAnswer(students, twoHeavy, [passes]).answerTypeFound).toBe(false);
    // So is it by the curated question an FAQ answer answers.
    const dogs = faqPair(0, "可以帶狗入館嗎？", "除導盲犬外，其他動物不得入館。");
    const dogsQuestion = "可以帶狗進去嗎";
    expect(composeExtractiveAnswer(dogsQuestion, weighted(dogsQuestion, "狗"), [dogs]).answerTypeFound).toBe(true);
  });

  it("does not find the amount of a fee asked in a quote that never names that fee", () => {
    const claims = passage(
      "insurance/claims.md",
      "投保手機安心保的用戶，手機被偷須在 72 小時內報案，理賠自負額 NT$ 3,000。",
      ["手機安心保"],
    );
    expect(composeEvenly("手機安心保一個月保費多少", [claims]).answerTypeFound).toBe(false);
    expect(composeEvenly("手機安心保自負額多少", [claims]).answerTypeFound).toBe(true);
  });

  it("finds no figure for the case asked in a quote stating it for another case only", () => {
    const lounges = passage(
      "rewards/points.md",
      "國內機場貴賓室使用1次：所需點數 3,500點。\n點數可兌換刷卡金、禮券及精選商品。",
      ["紅利點數兌換"],
    );
    expect(composeEvenly("國外機場貴賓室要多少點數", [lounges]).figureMissing).toBe(true);
    expect(composeEvenly("國內機場貴賓室要多少點數", [lounges]).figureMissing).toBe(false);
  });

  it("quotes the table of the section a short question names with the page's title, from the section's other passage", () => {
    const headings = ["Free Shuttle Bus", "Routes and timetable"];
    const notes = passage(
      "services/shuttle-bus.md",
      "- There is no shuttle service on Sundays and national holidays.\n- The trip from the MRT station takes about 10 minutes.",
      headings,
    );
    const table = passage(
      "services/shuttle-bus.md",
      "Route 1 (MRT line): Weekdays 07:00 to 21:30, every 15 minutes, Saturdays 07:00 to 13:00, every 30 minutes\nRoute 2 (Community line): Weekdays 4 departures: 07:20, 09:20, 13:20, 15:20, Saturdays no service",
      headings,
      1,
    );
    const later = passage(
      "services/shuttle-bus.md",
      "Timetable changes are posted at Bay C at least 7 days in advance.",
      ["Free Shuttle Bus", "Bad weather and changes"],
      2,
    );
    const passages = [notes, table, later];
    const { answer } = composeEvenly("shuttle bus timetable", passages);
    expect(answer).toContain("every 15 minutes");
    expect(answer).toContain("Route 2");
  });

  it("finds no figure for the case asked where the quote names that case only in a sentence without one", () => {
    const parking = passage(
      "visitors/parking.md",
      "汽車停車場位於地下一樓，共 420 個車位，全天 24 小時開放。機車停車場位於住院大樓後方，共 300 個車位。",
      ["停車資訊"],
    );
    const scooters = composeEvenly("機車停車場晚上幾點關門？", [parking]);
    expect(scooters.answer).toContain("24 小時");
    expect(scooters.figureMissing).toBe(true);
    expect(composeEvenly("汽車停車場晚上幾點關門？", [parking]).figureMissing).toBe(false);
  });

  it("takes no figure from a passage that only mentions what the question asks about", () => {
    // 戶籍謄本 is one of the papers a scholarship's application needs; the amount is the scholarship's.
    const scholarship = passage(
      "tuition/scholarships.md",
      "- 對象：家庭年收入在 70萬元以下之學生。\n- 金額：每學期 NT$ 20,000。\n- 申請：上傳戶籍謄本及全戶所得清單。",
      ["獎助學金", "清寒助學金"],
    );
    const question = "戶籍謄本多少錢";
    const { answer, answerTypeFound } = composeEvenly(question, [scholarship]);
    expect(answer).not.toContain("20,000");
    expect(answerTypeFound).toBe(false);
    // Asked about the scholarship, its amount is the answer.
    const aid = "清寒助學金一學期多少錢";
    expect(composeEvenly(aid, [scholarship]).answer).toContain("20,000");
  });

  it("does not quote a record of labelled lines as a table", () => {
    const record = passage(
      "tuition/aid.md",
      "申請對象：大學部清寒學生\n撥款：每年 5 月 20 日匯入帳戶\n聯絡：學務處 02-2345-6789",
    );
    const question = "清寒獎學金什麼時候入帳";
    expect(composeEvenly(question, [record]).answer).toBe("撥款：每年 5 月 20 日匯入帳戶[1]");
  });

  it("prefers the line whose label names the kind of answer asked for", () => {
    const aid = passage(
      "tuition/aid.md",
      "- 對象：上學期學業平均達60分以上、家庭年收入在 NT$ 70萬元以下之學生。\n- 金額：每學期 NT$ 20,000。",
    );
    const question = "清寒助學金一學期可以領多少錢";
    expect(composeEvenly(question, [aid]).answer).toBe("金額：每學期 NT$ 20,000。[1]");
  });

  it("quotes the kind of answer asked for from a lower passage of the same document, and is less sure of it", () => {
    const chunkOf = (docId: string, position: number, text: string, coverage: number): Passage => {
      const base = passage(docId, text, [docId.includes("transcript") ? "申請戶籍謄本" : "國民身分證"]);
      return { ...base, chunk: { ...base.chunk, chunkId: `${docId}#${position}`, position }, coverage };
    };
    const question = "戶籍謄本要多少錢";
    const passages = [
      chunkOf("certificates/transcript.md", 0, "戶籍謄本可以由本人或同一戶的人申請。", 1),
      chunkOf("certificates/transcript.md", 1, "戶籍謄本的申請書在服務台。", 1),
      chunkOf("certificates/id-card.md", 0, "身分證補發規費 200 元。", 0.4),
      // Lower: a passage covering the question as well as the best is read as one of them.
      chunkOf("certificates/transcript.md", 2, "戶籍謄本每張規費 15 元。", 0.8),
    ];
    const { answer, answerTypeFound, quotedPassage } = composeEvenly(question, passages);
    expect(answer).toContain("戶籍謄本每張規費 15 元。");
    expect(answer).not.toContain("200 元");
    // Confidence stays about the passage that covers the question best, which does not state a fee.
    expect(answerTypeFound).toBe(false);
    expect(quotedPassage).toBe(passages[0]);
  });

  it("takes a figure asked for from another document that covers the question as well, never a yes", () => {
    const chunkOf = (docId: string, text: string, coverage: number, heading = "Garbage bags"): Passage => ({
      ...passage(docId, text, [heading]),
      coverage,
    });
    const faq = chunkOf("general/faq.json", "Garbage bags are sold at the desk at the prices shops ask.", 0.9);
    const guide = chunkOf("waste/guide.md", "Official garbage bags: a pack of 20 costs NT$ 45.", 0.9);
    const prices = "garbage bag prices";
    const { answer, answerTypeFound } = composeEvenly(prices, [faq, guide]);
    expect(answer).toContain("NT$ 45");
    expect(answerTypeFound).toBe(false);
    // A yes or a condition is stated somewhere in any passage: not looked for in other documents.
    const grant = chunkOf("welfare/grant.md", "Parents may apply for the baby grant within 6 months.", 0.9);
    const room = chunkOf("general/room.md", "The nursing room has a changing table for babies.", 0.9);
    const yesOrNo = "is there a room to change my baby";
    expect(composeEvenly(yesOrNo, [room, grant]).answer).not.toContain("grant");
    // Asked for a figure and a yes at once: only a figure is looked for elsewhere.
    const parking = chunkOf("general/faq.json", "區公所停車場位於大樓後方。", 0.8);
    const reading = chunkOf("library/rules.md", "讀者可以在閱覽室飲水。", 0.9);
    const costs = "區公所停車要錢嗎";
    expect(composeEvenly(costs, [parking, reading]).answer).not.toContain("閱覽室");
  });

  it("keeps table rows quoted together on lines of their own", () => {
    const table = passage(
      "registrar/calendar.md",
      "加退選：對象 大學部，截止 9月25日\n加退選：對象 研究生，截止 10月2日\n本表如有異動另行公告。",
    );
    const question = "大學部 研究生";
    expect(composeEvenly(question, [table]).answer).toBe(
      "加退選：對象 大學部，截止 9月25日\n加退選：對象 研究生，截止 10月2日[1]",
    );
  });

  it("adds the sentence next to the quoted one in its paragraph for a little more of the question", () => {
    // The company asked about is named in the sentence before, which adds 協議 and 公司 (0.6 of 3.6).
    const question = "東芝和哪家公司簽協議才買下西屋";
    const weights = new Map([
      ["东芝", 1],
      ["买下", 1],
      ["西屋", 1],
      ["协议", 0.3],
      ["公司", 0.3],
    ]);
    const answerTo = (text: string) =>
      composeExtractiveAnswer(question, weights, [passage("history/toshiba.md", text)]);
    expect(answerTo("東芝與英國核燃料公司在2005年簽訂協議。東芝以50億美元買下西屋。西屋的總部在美國。").answer).toBe(
      "東芝與英國核燃料公司在2005年簽訂協議。東芝以50億美元買下西屋。[1]",
    );
    // Further away, a sentence adding as little is about something else as often as not; one adding
    // much more (a fifth of the question) is added wherever it is.
    expect(answerTo("東芝以50億美元買下西屋。西屋的總部在美國。兩家公司後來另訂新約。").answer).toBe(
      "東芝以50億美元買下西屋。[1]",
    );
    const agreed = passage("history/toshiba.md", "東芝以50億美元買下西屋。西屋的總部在美國。兩家公司簽訂協議。");
    const heavier = new Map([...weights, ["协议", 1]]);
    expect(composeExtractiveAnswer(question, heavier, [agreed]).answer).toBe(
      "東芝以50億美元買下西屋。兩家公司簽訂協議。[1]",
    );
    // A line of its own (a list item) or a table row is a record of its own, not more of the paragraph.
    expect(answerTo("東芝與英國核燃料公司在2005年簽訂協議。\n東芝以50億美元買下西屋。").answer).toBe(
      "東芝以50億美元買下西屋。[1]",
    );
    // Nor is the first sentence of another document.
    const other = passage("history/bnfl.md", "英國核燃料公司與東芝簽訂協議。");
    const elsewhere = composeExtractiveAnswer(question, weights, [
      passage("history/toshiba.md", "東芝以50億美元買下西屋。"),
      other,
    ]);
    expect(elsewhere.answer).toBe("東芝以50億美元買下西屋。[1]");
  });

  it("brings the sentence a quoted one points back to", () => {
    const beavers = passage(
      "nature/beavers.md",
      "河狸是北美常見的動物。牠們在建造水壩時會改變溪流的生態系統。冬天牠們很少出門。",
    );
    const question = "何種動物建造水壩時會改變生態系統";
    expect(composeEvenly(question, [beavers]).answer).toBe(
      "河狸是北美常見的動物。牠們在建造水壩時會改變溪流的生態系統。[1]",
    );
    const others = passage("library/loans.md", "本館開放校外人士入館。他人不得代借圖書。");
    const onBehalf = "可以幫同學代借圖書嗎";
    expect(composeEvenly(onBehalf, [others]).answer).toBe("他人不得代借圖書。[1]");
    const simplified = passage("nature/beavers.md", "河狸是北美常见的动物。这些动物会建造水坝。");
    const simplifiedQuestion = "什么动物会建造水坝";
    expect(composeEvenly(simplifiedQuestion, [simplified]).answer).toBe(
      "河狸是北美常见的动物。这些动物会建造水坝。[1]",
    );
    const form = passage(
      "registrar/forms.md",
      "Use Form R-12 to change your major. This form needs your advisor's signature.",
    );
    const english = "what needs an advisor's signature";
    expect(composeEvenly(english, [form]).answer).toBe(
      "Use Form R-12 to change your major. This form needs your advisor's signature.[1]",
    );
  });

  it("brings the sentence before one that leaves out its subject, dates itself from it or names 'this' one", () => {
    // Each text is two sentences, the second pointing back to the first: the answer quotes both.
    const cases: [string, string][] = [
      ["誰首次參加全國賽", "湖濱划船隊成立於1998年。同年，球隊首次參加全國賽。"],
      ["球隊在哪一年首次參加全國賽", "湖濱划船隊成立於1998年。同年9月球隊首次參加全國賽。"],
      ["誰是全國最早的大學划船隊", "湖濱划船隊成立於1998年。是全國最早的大學划船隊。"],
      ["哪支隊伍冬天在湖濱訓練", "湖濱划船隊成立於1998年。自2005年起，這支隊伍冬天在湖濱訓練。"],
      ["哪兩校每年比賽划船", "湖濱大學與山城大學相鄰。兩校每年比賽划船。"],
      ["誰的死成為出兵的藉口", "傳教士馬賴在廣西被殺。法國遂以此為藉口出兵。"],
      ["哪部小說在這時期最著名", "七十年代文壇以長篇為主。《湖濱》是這一時期最著名的小說。"],
      ["誰在湖濱遇刺身亡", "王大明在1968年參選。就在他一路領先時，卻於湖濱遇刺身亡。"],
      ["誰使得敵軍輕易攻破城門", "守將王大明未戰先逃。使得敵軍輕易攻破城門。"],
    ];
    for (const [question, text] of cases)
      expect(composeEvenly(question, [passage("history/rowing.md", text)]).answer).toBe(`${text}[1]`);
  });

  it("answers a which-year question with the year, and knows a day and month alone do not", () => {
    const withYear = "1453年春天，戰爭開始。城牆在砲擊下崩塌。5月30日上午，蘇丹進入城中，帝國滅亡。";
    const answer = composeEvenly("蘇丹在哪一年進入城中", [passage("history/siege.md", withYear)]);
    expect(answer.answer).toContain("1453年");
    expect(answer.figureMissing).toBe(false);
    const withoutYear = "城牆在砲擊下崩塌。5月30日上午，蘇丹進入城中，帝國滅亡。";
    expect(composeEvenly("蘇丹在哪一年進入城中", [passage("history/siege.md", withoutYear)]).figureMissing).toBe(true);
    expect(composeEvenly("蘇丹在哪一天進入城中", [passage("history/siege.md", withoutYear)]).figureMissing).toBe(false);
  });

  it("follows a sentence brought for what it points back to when it points back too", () => {
    const text = "湖濱划船隊成立於1998年。這支隊伍得過十座獎盃。它的訓練地點在北湖。湖邊另有步道。";
    expect(composeEvenly("哪支隊伍在北湖訓練", [passage("history/rowing.md", text)]).answer).toBe(
      "湖濱划船隊成立於1998年。這支隊伍得過十座獎盃。它的訓練地點在北湖。[1]",
    );
  });

  it("does not take an opening that names its own subject or a condition for one pointing back", () => {
    const answerTo = (question: string, text: string) =>
      composeEvenly(question, [passage("housing/rules.md", text)]).answer;
    const cases: [string, string][] = [
      ["床位額度可以保留到下學年嗎", "當年度未使用之床位額度不得保留。"],
      ["多項業務要抽幾次號碼牌", "同日辦理多項業務者，只需抽一次號碼牌。"],
      ["共乘可以減免停車費嗎", "兩人以上同行共乘者，停車費減半。"],
      ["可以代填表單嗎", "所以此表單須由本人親自填寫。"],
      ["逾期申請會怎樣", "學生逾期申請者，該次申請不予受理。"],
      ["有沒有提供寄物", "是否提供寄物服務，依各館規定。"],
      ["額滿怎麼辦", "每班限30人，以此類推，額滿即截止。"],
      ["要符合哪些條件", "同時符合下列條件者，可以申請。"],
    ];
    for (const [question, sentence] of cases)
      expect(answerTo(question, `本校宿舍共有三棟。${sentence}`)).toBe(`${sentence}[1]`);
  });

  it("passes over a sentence that is itself a question", () => {
    const faqLike = passage("housing/notes.md", "休學期間可以保留宿舍床位嗎？休學期間不保留床位，復學後須重新申請。");
    const question = "休學期間宿舍床位會保留嗎";
    expect(composeEvenly(question, [faqLike]).answer).toBe("休學期間不保留床位，復學後須重新申請。[1]");
  });

  it("prefers the sentence holding the kind of answer asked for", () => {
    const aid = passage("tuition/aid.md", "清寒助學金與生活助學金不得同時領取。清寒助學金金額為每學期 NT$ 20,000。");
    const question = "清寒助學金一學期可以領多少錢";
    const { answer, answerTypeFound } = composeEvenly(question, [aid]);
    expect(answer).toContain("清寒助學金金額為每學期 NT$ 20,000。");
    expect(answerTypeFound).toBe(true);
  });

  it("brings the neighbouring sentence that states what the best one lacks, and says whether it was found", () => {
    const laundry = passage(
      "housing/handbook.md",
      "Each hall has a laundry room in the basement. Machines take your card: NT$ 20 per wash. Please be tidy.",
    );
    const question = "how much is laundry in the halls";
    const { answer, answerTypeFound } = composeEvenly(question, [laundry]);
    expect(answer).toContain("NT$ 20 per wash");
    expect(answerTypeFound).toBe(true);
    const noAmount = passage("housing/other.md", "Each hall has a laundry room in the basement.");
    expect(composeEvenly(question, [noAmount]).answerTypeFound).toBe(false);
    expect(composeEvenly("laundry halls", [noAmount]).answerTypeFound).toBeUndefined();
  });

  it("says when a question asking only for figures is quoted no figure of them", () => {
    const tax = passage(
      "tax/calendar.md",
      "使用牌照稅每年 4 月開徵。房屋稅由稅捐處寄發繳款書。Vehicle licence tax is collected every April.",
    );
    expect(composeEvenly("機車的使用牌照稅一年要繳多少錢", [tax]).figureMissing).toBe(true);
    expect(composeEvenly("how much is the vehicle licence tax", [tax]).figureMissing).toBe(true);
    // A date is stated: the "when" is answered.
    expect(composeEvenly("使用牌照稅什麼時候開徵", [tax]).figureMissing).toBe(false);
    expect(composeEvenly("when is vehicle licence tax collected", [tax]).figureMissing).toBe(false);
    // Asked also who pays, the question does not ask for figures only; asked nothing in particular, neither.
    expect(composeEvenly("who pays the vehicle licence tax and how much", [tax]).figureMissing).toBeUndefined();
    expect(composeEvenly("使用牌照稅", [tax]).figureMissing).toBeUndefined();
  });

  it("quotes a single item of a numbered list without its number, and a clause after a semicolon as a sentence", () => {
    const rules = passage(
      "rentals/rules.md",
      "1. 租借人須年滿 18 歲。\n2. 租借時須出示身分證、護照或居留證正本一項。\n3. 電動車須先完成操作說明。",
    );
    const { answer } = composeEvenly("租借時要出示什麼證件", [rules]);
    expect(answer).toContain("租借時須出示身分證");
    expect(answer).not.toMatch(/^2\./);
    const repairs = passage(
      "repairs/booking.md",
      "4. Collect the bike and pay at the counter; we accept cash, credit cards and LINE Pay.",
    );
    expect(composeEvenly("do you accept credit cards", [repairs]).answer).toMatch(/^We accept cash, credit cards/);
  });

  it("gives what a sentence saying 如下表 introduces, or leaves the sentence out", () => {
    const holidays = passage("library/holidays.md", "國定假日全館休館，B1自修室照常開放。");
    const hours = passage(
      "library/hours.md",
      "各館開放時間如下表。\n總館：週一 休館，週二至週五 08:30–21:00\n分館：週二至週日 09:00–17:00",
    );
    const { answer } = composeEvenly("國定假日開放時間", [holidays, hours]);
    expect(answer).not.toMatch(/如下表。\[\d\]/);
    expect(answer).toContain("總館：週一 休館");
  });

  it("quotes a bare yes only for a yes-or-no question", () => {
    const wifi = faqPair(3, "Is the Wi-Fi free?", "Yes. The network LibFree is free for everyone.");
    expect(composeEvenly("how do i get on the wifi", [wifi]).answer).not.toMatch(/^Yes\./);
    expect(composeEvenly("is the wifi free", [wifi]).answer).toMatch(/^Yes\./);
  });

  it("brings the sentence stating what follows when the question asks what happens", () => {
    const overstay = passage(
      "visa/arc.md",
      "Staying in Taiwan after your ARC has expired is an overstay. The NIA fines overstays NT$2,000 to NT$10,000.",
    );
    const { answer } = composeEvenly("what happens if i stay after my arc expired", [overstay]);
    expect(answer).toContain("fines overstays NT$2,000 to NT$10,000");
  });

  it("reads how long from now as the answer to when", () => {
    const deposit = passage(
      "housing/deposit.md",
      "The housing deposit is refunded within 30 days after your inspection.",
    );
    const { answer, figureMissing } = composeEvenly("when do i get my housing deposit back", [deposit]);
    expect(answer).toContain("within 30 days");
    expect(figureMissing).toBe(false);
  });

  it("prefers a duration in the unit asked for", () => {
    const leave = passage("registrar/leave.md", "休學生應於核定後一週內辦妥離校手續。休學累計以二學年為限。");
    const question = "休學最多可以休幾年";
    expect(composeEvenly(question, [leave]).answer).toBe("休學累計以二學年為限。[1]");
  });

  it("answers a how-to question with the steps, lead-in first", () => {
    const vpn = passage(
      "it/vpn.md",
      "Setting up the VPN takes a few minutes. To connect:\n1. Download the VPN client.\n2. Enter the server address.\n3. Sign in with your account.\nSessions end after 8 hours.",
    );
    const question = "How do I connect to the VPN?";
    const { answer, citations } = composeEvenly(question, [vpn]);
    expect(answer).toBe(
      "To connect:\n1. Download the VPN client.\n2. Enter the server address.\n3. Sign in with your account.[1]",
    );
    expect(citations).toHaveLength(1);
  });

  it("quotes a list up to the line that answers, counting an item of two sentences as one line", () => {
    const lockers = passage(
      "visit/rules.txt",
      [
        "1. 置物櫃位於 1F 服務台旁，共 120 格。",
        "2. 使用時須投入 10 元硬幣一枚。服務台可協助兌換硬幣。",
        "3. 置物櫃限當日使用，不得過夜。閉館後由館方清出。",
        "4. 背包與雨傘均須寄放於置物櫃。展廳內不得飲食。",
        "5. 請勿存放現金。貴重物品請隨身攜帶。",
        "6. 置物櫃不開放預約。",
        "7. 鑰匙遺失須賠償工本費 NT$ 200。",
      ].join("\n"),
    );
    const { answer } = composeEvenly("鑰匙遺失怎麼辦", [lockers]);
    expect(answer).toContain("7. 鑰匙遺失須賠償工本費 NT$ 200。");
    // Six lines at most, the first left out to keep the one that answers.
    expect(answer).not.toContain("1. 置物櫃位於");
    expect(answer).toContain("2. 使用時須投入 10 元硬幣一枚。服務台可協助兌換硬幣。");
  });

  it("answers a how-to question with the document's procedure even when another of its passages ranks higher", () => {
    const limits = passage(
      "it/vpn.md",
      "- Each account can have only 2 VPN connections at the same time.\n- A session ends after 8 hours.",
    );
    const steps = "1. Download the VPN client.\n2. Enter the server address.\n3. Sign in.";
    const setup = passage("it/vpn.md", steps, [], 1);
    const question = "How do I connect to the VPN?";
    const { answer } = composeEvenly(question, [limits, setup]);
    expect(answer).toBe(`${steps}[1]`);
  });

  it("does not take a figure stated with a condition for one asked without it", () => {
    const router = passage("faq/home.md", "The Home 5G router is free with a 24-month contract.");
    const asked = (question: string) => composeEvenly(question, [router]).answerTypeFound;
    expect(asked("How much is the Home 5G router without a contract?")).toBe(false);
    expect(asked("How much is the Home 5G router with a contract?")).toBe(true);
    const both = passage(
      "faq/home.md",
      "The router is free with a 24-month contract, or NT$ 3,000 without a contract.",
    );
    expect(composeEvenly("How much is the router without a contract?", [both]).answerTypeFound).toBe(true);
  });

  it("quotes the date stated for the event asked about, not another date beside its name", () => {
    const notice = passage(
      "notices/scholarship.txt",
      "七、獎助學金於每月10日撥入受獎學生之帳戶，首次撥款於審查結果公告後次月補發。\n六、審查結果預定於11月14日公告於網站。",
      ["獎助學金申請事宜"],
    );
    const weights = new Map([
      ["奖助学金", 2],
      ["结果", 1],
      ["公告", 1],
    ]);
    expect(composeExtractiveAnswer("獎助學金結果公告日？", weights, [notice]).answer).toBe(
      "六、審查結果預定於11月14日公告於網站。[1]",
    );
  });

  it("finds no figure about a case the quote sets aside, only about every other case", () => {
    const enrolment = passage("enrolment/guide.md", "本中心課程原則上招收15歲以上學員（兒童才藝班除外）。", [
      "報名須知",
    ]);
    const weights = new Map([
      ["儿童", 3],
      ["才艺班", 2],
      ["报名", 1],
    ]);
    expect(composeExtractiveAnswer("兒童才藝班幾歲可以報名", weights, [enrolment]).figureMissing).toBe(true);
    // A case the question sets aside itself is not what it asks about.
    const credits = passage("academics/credits.md", "博士班：最低畢業學分（不含論文） 18 學分。");
    const minimum = new Map([
      ["博士班", 3],
      ["最低", 2],
      ["毕业", 2],
      ["学分", 2],
      ["论文", 3],
    ]);
    expect(composeExtractiveAnswer("博士班最低畢業學分（不含論文）是多少", minimum, [credits]).figureMissing).toBe(
      false,
    );
    expect(composeExtractiveAnswer("博士班論文最低學分是多少", minimum, [credits]).figureMissing).toBe(true);
    // Nor about a case a quoted sentence sends the reader elsewhere for.
    const hours = passage(
      "general/hours.md",
      "總館：週二至週日 08:30-21:00。\n自修區開放時間與總館相同，考試期間另有提早開放安排，請見自修室公告。",
      ["開放時間"],
    );
    const exam = new Map([
      ["考试", 3],
      ["自修", 2],
    ]);
    expect(composeExtractiveAnswer("考試期間自修室幾點開", exam, [hours]).figureMissing).toBe(true);
    // 除了…以外 is "besides": the fee stated is for online requests too.
    const fees = passage("transcripts/fees.md", "除了線上申請以外，也可以臨櫃辦理，手續費均為每份100元。");
    const online = new Map([
      ["线上", 2],
      ["申请", 1],
      ["手续费", 2],
    ]);
    expect(composeExtractiveAnswer("線上申請成績單手續費多少", online, [fees]).figureMissing).toBe(false);
    // Asked of the rule itself, the same figure answers.
    const rule = new Map([["报名", 1]]);
    expect(composeExtractiveAnswer("幾歲可以報名", rule, [enrolment]).figureMissing).toBeFalsy();
  });

  it("does not quote a note on when the rules were amended as the date asked", () => {
    const majors = passage(
      "registrar/change-of-major.md",
      "核准轉系之學生，自次一學年起生效。\n（114年12月10日教務會議修正通過）\n\n各學系應於5月31日前完成審查，於6月15日前公告核准名單。",
    );
    const { answer } = composeEvenly("轉系有沒有過什麼時候會知道", [majors]);
    expect(answer).not.toContain("修正通過");
    expect(composeEvenly("轉系辦法什麼時候修正的", [majors]).answer).toContain("修正通過");
    // 公布 and 通過 of the list asked about are not the rules amended.
    expect(composeEvenly("轉系通過名單什麼時候公布", [majors]).answer).not.toContain("修正通過");
  });

  it("does not quote a notice's date of issue as the deadline asked, and reads its numbered fields", () => {
    const notice = passage(
      "tours/bus-subsidy-notice.txt",
      "發文日期：中華民國115年1月12日\n發文字號：教字第1150000123號\n主旨：公告校外教學交通車補助申請事宜。\n三、申請期間：自115年2月2日起至115年3月13日止。",
    );
    for (const question of ["交通車補助申請到哪一天截止", "交通車補助什麼時候", "交通車補助日期", "補助是哪一天"]) {
      const { answer } = composeEvenly(question, [notice]);
      expect(answer).toContain("115年3月13日");
      expect(answer).not.toContain("發文日期");
    }
    // Asked when the notice went out, its date of issue answers.
    expect(composeEvenly("交通車補助公告是哪天發文的", [notice]).answer).toContain("115年1月12日");
  });

  it("answers with the list under a heading that names the field asked, whatever each item says", () => {
    const rules = passage(
      "stores/foreign-residents.md",
      "Holders of a valid Alien Resident Certificate (ARC) with at least 6 months remaining can apply.",
      ["Foreign residents", "Who can apply"],
    );
    const documents = passage(
      "stores/foreign-residents.md",
      "1. Your ARC (original).\n2. Your passport (original).\n3. A student ID or an employment contract.",
      ["Foreign residents", "Documents to bring"],
    );
    const { answer } = composeEvenly("What documents do I need to bring to apply as an ARC holder?", [
      rules,
      documents,
    ]);
    expect(answer).toContain("Your ARC (original)");
    expect(answer).toContain("Your passport (original)");
    expect(answer).not.toContain("at least 6 months");
  });

  it("reads no field into a heading that only mentions its word", () => {
    const asked = readAskedAnswer("How do I apply for a parking permit?");
    expect(headingNamesAskedField("How to get here", asked)).toBe(false);
    expect(headingNamesAskedField("How to apply", asked)).toBe(true);
    const documents = readAskedAnswer("What documents do I need?");
    expect(headingNamesAskedField("Lost documents", documents)).toBe(false);
    expect(headingNamesAskedField("Documents to bring", documents)).toBe(true);
  });

  it("answers each kind a question asks for: where a place is and when it opens", () => {
    const lostAndFound = passage(
      "lost-found/lost-and-found.html",
      "拾得物品保管7天後移送至東嶼車站B1遺失物招領中心（B1-07室）。\n服務時間：每日08:00至20:00。\n電話：(03) 955-1234。",
      ["遺失物招領", "服務時間與地點"],
    );
    const { answer } = composeEvenly("遺失物招領中心在哪裡 幾點開", [lostAndFound]);
    expect(answer).toContain("B1-07");
    expect(answer).toContain("08:00至20:00");
  });

  it("does not answer a how-to question with a numbered list of notes that covers little of it", () => {
    const receiptsText = "如需公司抬頭收據報帳，請於報名時填寫統一編號。";
    const receipts = { ...passage("fees/fees.md", receiptsText, ["學費", "發票與收據"]), coverage: 0.8 };
    const notesText = "注意事項：\n1. 各項優惠不得重複使用。\n2. 優惠僅適用於學費，不含報名費。";
    const notes = {
      ...passage("fees/fees.md", notesText, ["學費", "優惠辦法"]),
      chunk: { ...passage("fees/fees.md", notesText).chunk, chunkId: "fees/fees.md#1" },
      coverage: 0.1,
    };
    const { answer } = composeEvenly("公司說學費可以報帳 我要怎麼拿到公司抬頭的收據", [receipts, notes]);
    expect(answer).toBe(`${receiptsText}[1]`);
  });

  it("answers a how-to question with the list its best sentence introduces, not another section's procedure", () => {
    const late = passage("tuition/payment.md", "1. 逾期一週內仍可補繳。\n2. 逾期未繳且未申請分期者，視同未註冊。", [
      "繳費",
      "逾期未繳",
    ]);
    const instalmentsText = "家境清寒者得申請學費分期：\n- 分三期繳納。\n- 於截止日前向生活輔導組提出。";
    const instalments = passage("tuition/payment.md", instalmentsText, ["繳費", "分期付款"], 1);
    // Both sections hold 分期 and 申請, only the late-payment one has numbered steps, and retrieval
    // weighs the everyday 申請 far below 分期.
    const weights = new Map([
      ["分期", 1],
      ["申请", 0.1],
    ]);
    const { answer } = composeExtractiveAnswer("分期要怎麼申請", weights, [instalments, late]);
    expect(answer).toBe("家境清寒者得申請學費分期：分三期繳納。於截止日前向生活輔導組提出。[1]");
  });

  it("answers a how-to question from the section it names, not with another section's steps", () => {
    const title = "Grades, Grade Appeals and Transcripts";
    const orderingText = "Transcripts are not issued while you have unpaid fines. Order and pay online on LakeLink.";
    const ordering = passage("registrar/grades.md", orderingText, [title, "Ordering transcripts"]);
    const appealsText = "1. Talk to the instructor.\n2. Submit a grade review request on LakeLink.";
    const appeals = {
      ...passage("registrar/grades.md", appealsText, [title, "Grade appeals"]),
      chunk: {
        ...passage("registrar/grades.md", appealsText, [title, "Grade appeals"]).chunk,
        chunkId: "registrar/grades.md#1",
      },
    };
    const { answer } = composeEvenly("How do I order a transcript?", [ordering, appeals]);
    expect(answer).toContain("Order and pay online on LakeLink.");
    expect(answer).not.toContain("grade review");
  });

  it("prefers, all else equal, the sentence of the section whose heading names what is asked", () => {
    const question = "宿舍押金";
    const refunds = passage("housing/rules.md", "退宿時宿舍押金扣除清潔費後退還。", ["住宿規定", "退宿"]);
    const depositText = "入住時繳交宿舍押金。";
    const deposit = passage("housing/deposit.md", depositText, ["住宿規定", "宿舍押金"]);
    const { answer } = composeEvenly(question, [refunds, { ...deposit, coverage: 0.9 }]);
    expect(answer).toBe("入住時繳交宿舍押金。[1]");
  });

  it("adds no sentence from a document that is not about the question", () => {
    const loans = passage("tuition/loans.md", "就學貸款申請期間為8月1日至9月10日。");
    const dorm = { ...passage("housing/dorm.md", "宿舍申請期間為6月1日起，錄取名單另行公告。"), coverage: 0.3 };
    const question = "就學貸款什麼時候申請 錄取名單";
    const { citations } = composeEvenly(question, [loans, dorm]);
    expect(citations.map((citation) => citation.doc_id)).toEqual(["tuition/loans.md"]);
  });

  it("adds a sentence of another document only when it holds what the answer is about, not only how it is asked", () => {
    const question = "螢幕摔破保固有包嗎";
    const cover = passage("warranty/care-plus.md", "加購保障方案後，螢幕摔破每次自付 1,500 元。");
    const citedWith = (other: string) =>
      composeEvenly(question, [cover, { ...passage("warranty/other.md", other), coverage: 1 }]).citations.length;
    // It holds 保固 only: a rule about batteries.
    expect(citedWith("保固期內電池健康度低於 80% 可免費更換。")).toBe(1);
    // It holds 螢幕, which the best sentence is about.
    expect(citedWith("螢幕的保固為一年。")).toBe(2);
  });

  it("takes the figure from the sentence of the subject that names what is asked, over a neighbour's figure", () => {
    // The rules' first sentence names the pickup and the page's title the fee; the table's row names both.
    // (Under a heading naming the pickup, the return fee's sentence would be about the pickup's fees too.)
    const document = { docId: "shipping/fees.html", title: "運費與配送", collection: "test" };
    const rules = {
      ...passage(document.docId, "超商取貨時可以再付款。已付款的訂單會扣除往返運費 NT$ 130 後退款。"),
      document,
    };
    // Labelled otherwise than the question names it, so that only the neighbour rule decides.
    const rows = "超商取貨 7-11 / 全家：運費 NT$ 65，免運門檻 滿 NT$ 1,200 免運";
    const table = {
      ...passage(document.docId, rows, ["國內運費"]),
      chunk: {
        ...rules.chunk,
        chunkId: "shipping/fees.html#1",
        position: 1,
        text: rows,
        headingPath: [],
        end: rows.length,
      },
      document,
    };
    const question = "超商取貨的運費是多少？";
    const { answer } = composeEvenly(question, [rules, table]);
    expect(answer).toContain("運費 NT$ 65");
    expect(answer).not.toContain("130");
  });

  it("adds, of sentences adding as much, the one stating the kind of answer asked for", () => {
    const repairs = passage(
      "warranty/repairs.md",
      "保固期外仍然可以送修，運費各 NT$ 100。維修中心會先收取檢測費 NT$ 300。不維修則只收檢測費。",
    );
    const question = "保固期外送修的檢測費是多少？";
    const { answer } = composeEvenly(question, [repairs]);
    expect(answer).toContain("檢測費 NT$ 300");
    expect(answer).not.toContain("不維修");
  });

  it("quotes a table row whole when the piece it quotes follows a semicolon in a cell", () => {
    const warranty = passage(
      "warranty/periods.md",
      "小家電：保固期間 1 年，範圍 主機本體\n大型家電：保固期間 2 年，範圍 主機本體；除濕機壓縮機保固 3 年",
    );
    const question = "除濕機壓縮機保固多久";
    const { answer } = composeEvenly(question, [warranty]);
    expect(answer).toContain("大型家電：保固期間 2 年，範圍 主機本體；除濕機壓縮機保固 3 年");
    expect(answer).not.toContain("小家電");
    // A sentence of prose after a semicolon stands as it is.
    const dorms = passage("housing/dorms.md", "本校共有八棟宿舍，床位依抽籤分配；新生優先分配雙人房。");
    const freshmen = composeEvenly("新生優先分配", [dorms]);
    expect(freshmen.answer).toBe("新生優先分配雙人房。[1]");
  });

  it("quotes the list under a heading the question names, when no one line of it answers", () => {
    const costs = passage(
      "returns/policy.md",
      "- 本島一般商品：由物流免費到府收件。\n- 大型商品：酌收回收運費 NT$ 800。\n- 離島地區：運費請先自行支付，退款時一併退還。",
      ["退貨運費"],
    );
    const question = "退貨運費誰付";
    const { answer } = composeEvenly(question, [costs]);
    expect(answer).toContain("本島一般商品：由物流免費到府收件。");
    expect(answer).toContain("離島地區");
    // Asked for an amount, the line stating it is enough.
    const amount = composeEvenly("退貨運費多少錢", [costs]);
    expect(amount.answer).toContain("NT$ 800");
    expect(amount.answer).not.toContain("離島");
  });

  it("is not sure of a figure that only a sentence about something else adds", () => {
    const question = "Japan shipping fee?";
    const abroad = faqPair(0, "Do you ship abroad, and for what fee?", "Yes. We ship to Japan and Singapore.");
    const free = {
      ...faqPair(1, "Is shipping free?", "Shipping fees are waived over NT$ 1,200 in Taiwan."),
      coverage: 0.9,
    };
    const { answer, answerTypeFound } = composeEvenly(question, [abroad, free]);
    expect(answer).toContain("We ship to Japan");
    // Nor is it added: it says nothing of Japan, and answers no other part of the question as fully.
    expect(answer).not.toContain("NT$ 1,200");
    expect(answerTypeFound).toBe(false);
  });

  it("takes a figure from a table row whose key the question names, in any passage retrieved", () => {
    const question = "Japan shipping fee?";
    const abroad = faqPair(0, "Do you ship abroad?", "Yes. We ship to Japan and Singapore.");
    const free = faqPair(1, "Is shipping free?", "Shipping fees are waived over NT$ 1,200 in Taiwan.");
    const other = faqPair(2, "Do you gift wrap?", "Gift wrapping costs NT$ 50 per item.");
    const rates = {
      ...passage("shipping/rates.md", "Japan: First 1 kg NT$ 480, Each additional 1 kg NT$ 150"),
      coverage: 0.5,
    };
    const { answer } = composeEvenly(question, [abroad, free, other, rates]);
    expect(answer).toContain("Japan: First 1 kg NT$ 480");
    // A best sentence stating the figure and naming the row's subject keeps its place; a unit names no row.
    const hours = passage("stores/hours.md", "台北門市每天 11:00 開門，21:30 打烊。", ["門市營業時間"]);
    const workshop = { ...passage("events/workshops.md", "台北門市：活動 木工體驗，時間 14:00"), coverage: 0.5 };
    const opening = composeEvenly("台北門市幾點開門", [hours, workshop]);
    expect(opening.answer).toBe("台北門市每天 11:00 開門，21:30 打烊。[1]");
    const intl = passage("shipping/intl.md", "寄往新加坡的國際運費，首 1 公斤 NT$ 520，續重每公斤 NT$ 180。");
    const limits = { ...passage("shipping/limits.md", "超商取貨：重量上限 5 公斤，運費 NT$ 65"), coverage: 0.4 };
    const parcel = "寄到新加坡的包裹 2.3 公斤，運費是多少？";
    expect(composeEvenly(parcel, [intl, limits]).answer).not.toContain("NT$ 65");
  });

  it("reads an FAQ pair's answer under its question, as a section under its heading", () => {
    const question = "how long do you keep lost property";
    // Ranked as BM25 may rank them: the pair that only mentions a lost receipt first.
    const found = {
      ...faqPair(
        0,
        "I lost something here. Where can I look for it?",
        "Ask at the desk. Found things stay there a month.",
      ),
      coverage: 0.5,
    };
    const paying = {
      ...faqPair(1, "How can I pay?", "Pay by card. A lost receipt cannot be reissued."),
      coverage: 0.3,
    };
    const { answer } = composeEvenly(question, [paying, found]);
    expect(answer).toContain("Found things stay there a month.");
    expect(answer).not.toContain("receipt");
  });

  it("adds no sentence in the other language than the best one's, from another document", () => {
    const question = "hall booking by phone and deposit";
    const english = passage("general/faq-en.json", "Bookings by phone are not accepted.");
    const chinese = passage("pages/venue.html", "大禮堂保證金 2,000 元。");
    // The question's words found translated: the Chinese page covers the question as well.
    const translated = new Map([
      ["deposit", [{ terms: ["保证金"], share: 0.7 }]],
      ["hall", [{ terms: ["礼堂"], share: 0.7 }]],
    ]);
    const { answer, citations } = composeExtractiveAnswer(
      question,
      evenlyWeighted(question),
      [english, chinese],
      undefined,
      (term) => translated.get(term) ?? [],
    );
    expect(answer).toBe("Bookings by phone are not accepted.[1]");
    expect(citations.map((citation) => citation.doc_id)).toEqual(["general/faq-en.json"]);
  });

  it("never ends on a lead-in without what it introduces", () => {
    // The lead-in covers the question best, but the list it introduces is in the next chunk.
    const drop = passage("registrar/drop.md", "停修申請期限為第十二週。學生有下列情形者，得申請停修：");
    const question = "學生申請停修期限";
    expect(composeEvenly(question, [drop]).answer).toBe("停修申請期限為第十二週。[1]");
  });

  it("weighs the sections of one document by their sentences, whichever BM25 put first", () => {
    // The title names what the question asks about for every section: only their sentences differ.
    const section = (position: number, heading: string, text: string): Passage => {
      const base = passage("library/fines.md", text, [heading]);
      return {
        ...base,
        chunk: { ...base.chunk, chunkId: `library/fines.md#${position}`, position },
        document: { ...base.document, title: "Overdue fines and lost items" },
      };
    };
    const lost = section(1, "Lost items", "A processing fee of NT$ 200 is charged for a lost book.");
    const overdue = section(0, "Rates", "Books: fine NT$ 5 per day.");
    const question = "overdue book fine";
    const { answer } = composeEvenly(question, [lost, overdue]);
    expect(answer).toBe("Books: fine NT$ 5 per day.[1]");
  });

  it("prefers a figure stated as a least one when a least one is asked for", () => {
    const notify = passage("claims/travel.md", "班機延誤理賠請於返國後 30 日內通知本公司。");
    const delays = passage("claims/travel.md", "延誤達 4 小時以上可以理賠。", [], 1);
    expect(composeEvenly("班機延誤多久以上可以理賠？", [notify, delays]).answer).toContain("4 小時以上");
  });

  it("prefers a date stated as a deadline when a deadline is asked for", () => {
    const wedding = passage(
      "household/wedding.md",
      "The group wedding is on 10 October. Apply for the group wedding by 31 August.",
    );
    const question = "group wedding deadline";
    expect(composeEvenly(question, [wedding]).answer).toBe("Apply for the group wedding by 31 August.[1]");
    // Asked when it is held, the date of the wedding answers.
    const when = "when is the group wedding";
    expect(composeEvenly(when, [wedding]).answer).toBe("The group wedding is on 10 October.[1]");
  });

  it("quotes the rest of a sentence it would cut at a semicolon, keeping the semicolon", () => {
    const visitors = passage(
      "general/visitors.md",
      "Parking is in the basement.\n- service dogs are welcome; other pets must stay in a carrier.",
    );
    const question = "can i bring my dog";
    expect(composeEvenly(question, [visitors]).answer).toBe(
      "service dogs are welcome; other pets must stay in a carrier.[1]",
    );
  });

  it("does not run a table row into the sentence quoted after it", () => {
    const fees = passage(
      "certificates/transcript.md",
      "部分謄本：臨櫃規費 15 元，網路規費 10 元\n申請書在服務台。\n英文謄本須 3 個工作天。",
    );
    const question = "謄本規費 英文謄本幾天";
    const { answer } = composeEvenly(question, [fees]);
    expect(answer).toContain("網路規費 10 元\n英文謄本須 3 個工作天。");
  });

  it("returns nothing when there are no passages", () => {
    expect(composeEvenly("任何問題", [])).toEqual({
      answer: "",
      citations: [],
      sentenceCoverage: 0,
    });
  });
});
