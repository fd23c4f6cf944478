import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { defaultConfidenceModel } from "../config/confidence-model.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { BilingualDictionary } from "../text/bilingual-dictionary.js";
import { Vocabulary } from "../text/vocabulary.js";
import { type AnsweringSettings, answerQuestion, type QuestionRequest } from "./answer-question.js";

const folder = makeTemporaryFolder();
let store: SqliteIndexStore;

beforeAll(async () => {
  folder.write("knowledge/parking/permit.md", "# 停車證申請\n\n學生停車證於每年9月1日開放申請，請上網登記。\n");
  folder.write("knowledge/parking/rules.md", "# 停車場規則\n\n停車場內禁止洗車，車輛須停放於格線內。\n");
  folder.write(
    "knowledge/tax/faq.csv",
    "question,answer\n繳稅可以刷卡嗎?,可以，櫃台與網站都收信用卡。\n繳稅憑單是什麼？有期限嗎？,繳稅憑單是繳納地方稅的通知，開單後一年內有效。\n",
  );
  folder.write("knowledge/tax/calendar.md", "# 地方稅\n\n房屋稅繳納期間為每年5月1日至5月31日。\n");
  store = new SqliteIndexStore(path.join(folder.root, "index.sqlite"));
  await syncFolder(store, path.join(folder.root, "knowledge"));
});
afterAll(async () => {
  await store.close();
  folder.cleanUp();
});

const settings: AnsweringSettings = {
  abstainThreshold: 0.25,
  faqMatchThreshold: 0.4,
  confidenceModel: defaultConfidenceModel,
  contactLines: { zh: "請洽總務處。", en: "Please contact the general affairs office." },
};

/** An index of its own over `files` (path → text), written under a folder called `name`. */
async function indexOf(name: string, files: Record<string, string>): Promise<SqliteIndexStore> {
  for (const [file, text] of Object.entries(files)) folder.write(`${name}/${file}`, text);
  const index = new SqliteIndexStore(path.join(folder.root, `${name}.sqlite`));
  await syncFolder(index, path.join(folder.root, name));
  return index;
}

describe("answerQuestion, asked something too vague", () => {
  it("asks back with the topics it may be about, citing nothing", async () => {
    const reply = await answerQuestion(store, { question: "停車?" }, settings);
    expect(reply).toMatchObject({ status: "clarify", citations: [], choices: ["停車證申請", "停車場規則"] });
    expect(reply.answer).toContain("哪一個");
  });

  it("tells staff asking for a draft that there is none, and what to ask", async () => {
    const reply = await answerQuestion(store, { question: "停車?" }, { ...settings, audience: "staff" });
    expect(reply.status).toBe("clarify");
    expect(reply.answer).toMatch(/^無建議回覆/);
  });

  it("answers a question that says what it wants, and a follow-up, which carries its topic", async () => {
    expect((await answerQuestion(store, { question: "停車證什麼時候開放申請?" }, settings)).status).toBe("answered");
    const followUp = await answerQuestion(store, { question: "停車?", context: "停車證 申請" }, settings);
    expect(followUp.status).not.toBe("clarify");
  });
});

describe("answerQuestion, asked a follow-up that names no kind of answer", () => {
  const pool = new SqliteIndexStore(":memory:");
  beforeAll(async () => {
    folder.write("pool/sports/pool.md", "# 游泳池\n\n游泳池每年6月10日開放。\n\n游泳池每次入場收費 50 元。\n");
    await syncFolder(pool, path.join(folder.root, "pool"));
  });
  afterAll(() => pool.close());

  it("answers the kind asked before: a date after when, a fee after how much", async () => {
    const ask = (askedBefore: string) => answerQuestion(pool, { question: "那游泳池呢?", askedBefore }, settings);
    const when = (await ask("停車證什麼時候開放申請?")).answer;
    expect(when).toMatch(/^游泳池每年6月10日開放。/);
    expect(when).not.toContain("50 元");
    expect((await ask("停車證一張多少錢?")).answer).toMatch(/^游泳池每次入場收費 50 元。/);
  });
});

describe("answerQuestion, asked how", () => {
  it("does not trade the item that answers for a lead-in of another section that shares no word", async () => {
    const library = await indexOf("library", {
      "borrowing/renewals.md":
        "# 續借與罰款\n\n## 續借方式\n\n借閱中的資料可在到期日前7天內辦理續借，每件資料限續借1次。\n\n可使用以下方式續借：\n\n- 官網「我的帳戶」或 App\n- 電話語音續借：撥打 (03)555-0170 後按3，依語音輸入借閱證號及密碼\n- 攜帶借閱證至任一館櫃台辦理\n\n## 逾期費\n\n資料逾期歸還須繳納逾期費，每件每日 5 元。\n\n## 資料遺失或損毀\n\n借出的資料若遺失或嚴重損毀，可選擇以下其中一種方式處理：\n\n1. 購買相同的全新資料賠償，免收處理費。\n2. 依定價賠償，另加收處理費每件50元。\n",
      "services/ebooks.md": "# 電子書\n\n電子書每人同時可借 5 本，借期 14 天，到期自動歸還。\n",
    });
    const reply = await answerQuestion(library, { question: "要怎麼用電話語音續借？" }, settings);
    await library.close();
    expect(reply.answer).toContain("後按3");
    expect(reply.answer).not.toContain("遺失");
  });
});

describe("answerQuestion, a line of a list", () => {
  it("is quoted with the sentence that introduces its list, however the line was chosen", async () => {
    const loans = await indexOf("loans", {
      "borrowing/loan-rules.md":
        "# 借閱冊數與借期規定\n\n本規定適用於新港市立圖書館總館及各分館。同一張借閱證在各館借出的資料合併計算。\n\n## 一般借閱證可借數量與借期\n\n一般借閱證可同時借閱的資料總數上限為20件，各類資料的上限及借期如下：\n\n| 資料類型 | 每證可借數量 | 借期 |\n| --- | --- | --- |\n| 一般圖書 | 20冊 | 28天 |\n| 過期期刊 | 5冊 | 14天 |\n| 視聽資料（DVD、CD） | 5件 | 14天 |\n| 語言學習套組 | 3套 | 28天 |\n| 桌上遊戲 | 2盒 | 14天 |\n\n各類資料的數量併入20件總額計算。例如已借18冊圖書，就只能再借2件視聽資料。\n\n## 兒童借閱證\n\n- 兒童借閱證可同時借閱10件，借期與一般借閱證相同。\n- 限借兒童及青少年資料區的館藏，不能借閱限制級及輔導級視聽資料。\n- 每年寒假（1月20日至2月20日）及暑假（7月1日至8月31日）期間，兒童借閱證的借閱上限提高為15件。\n\n## 不外借資料\n\n下列資料僅限館內閱覽：\n\n- 當期期刊及當日報紙\n- 參考工具書（字典、百科全書、年鑑等）\n- 本市地方文獻特藏室的館藏（總館5樓）\n\n## 新書速報區\n\n總館1樓「新書速報」展示架上的新書，上架後首3個月借期縮短為14天，每證限借2冊。\n\n## 團體借閱證\n\n立案的學校、班級、讀書會或社區團體可申請團體借閱證，須由負責人持立案證明及身分證件到總館2樓流通組辦理。團體借閱證可借100冊，借期60天，只能借閱一般圖書。\n\n## 借書時應注意\n\n- 借書時須出示實體借閱證或App中的行動借閱證，不接受僅報證號借書。\n- 借出前請檢查資料是否有缺頁或污損，發現問題請當場告知櫃台。\n",
    });
    // A yes-or-no question: the line is a kind of book, its list's lead-in says it stays in the library.
    const reply = await answerQuestion(loans, { question: "字典和百科全書可以借回家嗎？" }, settings);
    await loans.close();
    expect(reply.answer).toMatch(/下列資料僅限館內閱覽：參考工具書/);
  });
});

describe("answerQuestion, asked several questions in one message", () => {
  it("answers each question, numbering the citations on", async () => {
    const reply = await answerQuestion(store, { question: "停車證什麼時候開放申請？房屋稅什麼時候繳？" }, settings);
    expect(reply.status).toBe("answered");
    expect(reply.answer).toMatch(/9月1日[^\n]*\[1\]\n\n[^\n]*5月1日[^\n]*\[2\]$/);
    expect(reply.citations.map(({ n, doc_id }) => [n, doc_id])).toEqual([
      [1, "parking/permit.md"],
      [2, "tax/calendar.md"],
    ]);
  });

  it("answers what the documents cover and says where to ask the rest, in its place", async () => {
    const question = "停車證什麼時候開放申請？宿舍可以養貓嗎？房屋稅什麼時候繳？";
    const reply = await answerQuestion(store, { question }, settings);
    expect(reply.status).toBe("answered");
    const [parking, cat, tax] = reply.answer.split("\n\n");
    expect(parking).toMatch(/9月1日.*\[1\]$/);
    expect(cat).toMatch(/^「宿舍可以養貓嗎？」 抱歉，.*請洽總務處。$/);
    expect(tax).toMatch(/5月1日.*\[2\]$/);
    expect(reply.citations).toHaveLength(2);
  });

  it("gives the curated answer to a message asking what an FAQ pair asks, question for question", async () => {
    const reply = await answerQuestion(store, { question: "繳稅憑單是什麼？有期限嗎？" }, settings);
    expect(reply.mode).toBe("faq");
    expect(reply.answer).toBe("繳稅憑單是繳納地方稅的通知，開單後一年內有效。[1]");
  });

  it("leaves the note out of a draft for staff, who read the message themselves", async () => {
    const reply = await answerQuestion(
      store,
      { question: "房屋稅什麼時候繳？宿舍可以養貓嗎？" },
      { ...settings, audience: "staff" },
    );
    expect(reply.answer).toMatch(/^房屋稅繳納期間為每年5月1日至5月31日。\[1\]$/);
  });

  it("reads a question that leans on the one before with it, and gives words answering both once", async () => {
    // Alone, 「什麼時候開始？」 is abstained on; read with the question before, the permit sentence answers it.
    expect((await answerQuestion(store, { question: "什麼時候開始？" }, settings)).status).toBe("abstained");
    const reply = await answerQuestion(store, { question: "停車證要怎麼申請？什麼時候開始？" }, settings);
    expect(reply.status).toBe("answered");
    expect(reply.answer).toBe("學生停車證於每年9月1日開放申請，請上網登記。[1]");
  });

  it("quotes a sentence once when a later question's answer says it again and more", async () => {
    const rides = await indexOf("rides", {
      "tours/rides.md":
        "# Guided rides\n\n## Cancellation\n\nIf you cancel by Thursday 18:00, you get a full refund. Later cancellations are not refunded. If the ride is cancelled because of rain, we announce it on our LINE account by 05:30 on Saturday and refund everyone in full.\n",
    });
    const question = "If it rains is the ride cancelled? do i get refunded";
    const reply = await answerQuestion(rides, { question }, settings);
    await rides.close();
    expect(reply.status).toBe("answered");
    expect(reply.answer.match(/because of rain/g)).toHaveLength(1);
    expect(reply.citations.map(({ n }) => n)).toEqual([1]);
    expect(reply.answer).toMatch(/\[1\]$/);
  });

  it("answers a later question with a line the answer before passed over, though its quote spans that line", async () => {
    const cards = await indexOf("cards", {
      "cards/library-card.md":
        "# 借閱證申請\n\n## 申請資格與應備證件\n\n| 申請對象 | 應備證件 | 費用 |\n|---|---|---|\n| 設籍本市市民 | 國民身分證 | 免費 |\n| 未滿 12 歲兒童 | 戶口名簿，並由法定代理人陪同 | 免費 |\n| 外縣市民眾 | 國民身分證 | 保證金 500 元 |\n\n外縣市民眾繳交之保證金，於註銷借閱證並歸還所有資料後無息退還。\n",
    });
    const reply = await answerQuestion(cards, { question: "外縣市的人要辦借閱證，需要繳保證金嗎？多少錢？" }, settings);
    await cards.close();
    expect(reply.status).toBe("answered");
    expect(reply.answer).toContain("保證金 500 元");
  });

  it("reads what a message tells before it asks for less than what it asks", async () => {
    const printing = await indexOf("printing", {
      "spaces/printing.md":
        "# Printing\n\n## Printing from your own device\n\nUpload a file at print.example. Uploaded files are deleted automatically after 24 hours.\n",
      "spaces/rooms.md": "# Study rooms\n\nRooms can be booked for 2 hours a day.\n",
    });
    const told = await answerQuestion(
      printing,
      { question: "My old laptop has no port for a stick. After I upload a file, how long before it is deleted?" },
      settings,
    );
    // The same words asked in one breath: all of them are what is asked.
    const inOneBreath = await answerQuestion(
      printing,
      { question: "My old laptop has no port for a stick and after I upload a file how long before it is deleted?" },
      settings,
    );
    await printing.close();
    expect(told.confidence).toBeGreaterThan(inOneBreath.confidence + 0.05);
  });

  it("adds no note that the documents do not cover a question the answer before already answers", async () => {
    const pages = {
      "visiting/shuttle.md":
        "# Shuttle bus\n\n## Fares\n\nA single ride costs NT$50. A day pass costs NT$150, is valid for unlimited rides that day, and is sold only at the ticket window of the visitor centre.\n\n## Suspensions\n\nThe shuttle stops running when a typhoon warning is issued.\n",
      "fees/shop.md":
        "# Souvenirs\n\nYou can buy souvenirs at the shop in each visitor centre or order them from our online store.\n",
      "fees/parking.md":
        "# Parking\n\nBuy a parking ticket at the machine by the entrance before you leave your car.\n",
      "visiting/pets.md": "# Pets\n\nPets must be kept on a leash at all times and may not enter restricted trails.\n",
    };
    const park = await indexOf("park", pages);
    // Alone, with the first as its context, "where do they sell it" is not answered surely.
    const reply = await answerQuestion(
      park,
      { question: "How much is a shuttle day pas? Where do they sell it?" },
      settings,
    );
    // Who may buy it at a discount is no place or figure the price's sentence states.
    const discount = await answerQuestion(
      park,
      { question: "How much is a shuttle day pas? Who can buy it at a discount?" },
      settings,
    );
    await park.close();
    expect(discount.answer).toContain('"Who can buy it at a discount?" Sorry');
    expect(reply.status).toBe("answered");
    expect(reply.answer).toMatch(/^A day pass costs NT\$150, .*ticket window of the visitor centre\.\[1\]/);
    expect(reply.answer).not.toContain("Sorry");
  });

  it("reads a question that names nothing of its own, only how it asks and everyday words, with the one before", async () => {
    const office = await indexOf("office", {
      "waste/bulky.md":
        "# 大型廢棄物\n\n請在約定日期上午 08:00 前把物品放在住家門口。清潔隊員到場時須有人在場確認件數並付款。\n",
      "general/pets.md": "# 寵物\n\n導盲犬可以進入區公所，其他寵物須裝在寵物籠內。\n",
    });
    // 有人 is everyday language: 「幾點到幾點有人？」 asks of the counter, which no document covers.
    const reply = await answerQuestion(office, { question: "區公所有會說越南語的櫃台嗎？幾點到幾點有人？" }, settings);
    await office.close();
    expect(reply.answer).not.toContain("清潔隊員");
    expect(reply.status).toBe("abstained");
  });

  it("does not answer a question leaning on one the documents do not cover, with another topic's words", async () => {
    const pages = {
      parking:
        "# Parking\n\nThe car park beneath Medical Building 2 has 420 spaces. It is open 24 hours a day, every day of the year.\n",
      shuttle:
        "# Shuttle bus\n\nThe S1 shuttle bus runs every 15 minutes between the MRT station and the main entrance of Medical Building 1 on weekdays.\n",
      visiting:
        "# Visiting hours\n\nGeneral wards in Medical Building 1 can be visited from 11:00 to 13:00 and from 17:00 to 20:30. At most two visitors per bed.\n",
      checks:
        "# Health checks\n\nReports are ready 10 working days after the check. You can collect them at the Health Management Center in Medical Building 3.\n",
    };
    const hospital = await indexOf(
      "hospital",
      Object.fromEntries(Object.entries(pages).map(([name, text]) => [`visitors/${name}.md`, text])),
    );
    const dictionary = await BilingualDictionary.load();
    const ask = (question: string) =>
      answerQuestion(hospital, { question }, { ...settings, dictionary: () => dictionary });
    const replies = [
      await ask("Is there a cafeteria in the hospital? What time does it open?"),
      // Every question abstained on: the message read whole does not answer it either.
      await ask("Is there a cafeteria in Medical Building 2? What time does it open?"),
    ];
    // A question of its own after it is answered: its "it" stands for nothing.
    const ownQuestion = await ask(
      "Is there a cafeteria in the hospital? How long does it take for reports to be ready?",
    );
    await hospital.close();
    // "it" is the cafeteria no document mentions, not the car park.
    for (const reply of replies) expect(reply.answer).not.toContain("24 hours");
    expect(ownQuestion.answer).toContain("10 working days");
  });

  it("abstains on the message when the documents cover none of its questions", async () => {
    const reply = await answerQuestion(store, { question: "圖書館幾點關門？宿舍可以養貓嗎？" }, settings);
    expect(reply.status).toBe("abstained");
  });
});

describe("answerQuestion, asked one word", () => {
  it("answers a topic only one passage is about, but never as sure", async () => {
    const reply = await answerQuestion(store, { question: "房屋稅?" }, settings);
    expect(reply.status).toBe("answered");
    expect(reply.answer).toContain("5月1日");
    expect(reply.confidence).toBeLessThanOrEqual(0.6);
    const asked = await answerQuestion(store, { question: "房屋稅什麼時候繳納?" }, settings);
    expect(asked.confidence).toBeGreaterThan(0.8);
  });
});

describe("answerQuestion, with a curated question worded alike", () => {
  it("does not give the curated answer when it does not state the kind of answer asked for", async () => {
    const reply = await answerQuestion(store, { question: "房屋稅繳稅期間" }, settings);
    expect(reply.mode).toBe("extractive");
    expect(reply.answer).toContain("5月1日");
    const curated = await answerQuestion(store, { question: "繳稅可以刷卡嗎" }, settings);
    expect(curated.mode).toBe("faq");
    // Asked whether it costs money: a curated yes is not an amount.
    const costs = await answerQuestion(store, { question: "繳稅刷卡要付費嗎" }, settings);
    expect(costs.mode).not.toBe("faq");
    // Asked why: a curated answer gives its reason in its own words.
    const why = await answerQuestion(store, { question: "為什麼繳稅可以刷卡" }, settings);
    expect(why.mode).toBe("faq");
  });

  it("keeps a curated yes or no only for a question asking yes or no", async () => {
    const whether = await answerQuestion(store, { question: "繳稅可以刷卡嗎" }, settings);
    expect(whether.answer).toMatch(/^可以，櫃台與網站都收信用卡。/);
    const why = await answerQuestion(store, { question: "為什麼繳稅可以刷卡" }, settings);
    expect(why.answer).toMatch(/^櫃台與網站都收信用卡。/);
    expect(why.citations[0]?.quote).toBe("櫃台與網站都收信用卡。");
  });
});

describe("answerQuestion, asked in other words than the deployment's", () => {
  it("tells the asker the deployment's word for theirs, after the answer", async () => {
    const vocabulary = new Vocabulary([["房屋稅", "房子稅"]], [], ["房屋稅"]);
    const reply = await answerQuestion(
      store,
      { question: "房子稅什麼時候要繳" },
      { ...settings, vocabulary: () => vocabulary },
    );
    expect(reply.status).toBe("answered");
    expect(reply.answer).toMatch(/5月1日[\s\S]*\n（您說的「房子稅」，在這裡稱為「房屋稅」。）$/);
    const asDocumentsSay = await answerQuestion(
      store,
      { question: "房屋稅什麼時候要繳" },
      { ...settings, vocabulary: () => vocabulary },
    );
    expect(asDocumentsSay.answer).not.toContain("在這裡稱為");
  });
});

describe("answerQuestion, abstaining", () => {
  const officeOf = (collection: string) => ({
    zh: `請洽${collection}承辦人。`,
    en: `Please ask the ${collection} desk.`,
  });
  // Asked with every collection's office known, as the service asks.
  const ask = (request: QuestionRequest) => answerQuestion(store, request, { ...settings, contactLinesOf: officeOf });

  it("sends people to the office whose documents come closest, when the question was asked of every collection", async () => {
    // About parking, which the documents do not answer: the parking desk is who to ask.
    const reply = await ask({ question: "停車場可以停重型機車嗎" });
    expect(reply.status).toBe("abstained");
    expect(reply.answer).toContain("請洽parking承辦人。");
    // Asked of one collection, its own lines, whatever the passages.
    const asked = await ask({ question: "停車場可以停重型機車嗎", collection: "tax" });
    expect(asked.answer).toContain("請洽總務處。");
  });

  it("names no office whose passage only shares a word with the question, not its subject", async () => {
    // 繳納 is in the tax calendar's text, but nothing of 地方稅 or 房屋稅 is asked about.
    const reply = await ask({ question: "罰單可以在哪裡繳納" });
    expect(reply.status).toBe("abstained");
    expect(reply.answer).toContain("請洽總務處。");
  });

  it("gives the deployment's own lines to a question no passage has much to do with", async () => {
    const reply = await ask({ question: "宿舍可以養貓嗎" });
    expect(reply.status).toBe("abstained");
    expect(reply.answer).toContain("請洽總務處。");
  });
});

describe("answerQuestion, abstaining near topics the documents cover", () => {
  it("offers the topics about the question as choices, introduced after where to ask", async () => {
    const reply = await answerQuestion(store, { question: "停車場可以停重型機車嗎" }, settings);
    expect(reply.status).toBe("abstained");
    expect(reply.choices?.[0]).toBe("停車場規則");
    expect(reply.answer).toMatch(/請洽總務處。文件中以下主題可能與您的問題有關：$/);
    expect(reply.citations).toEqual([]);
  });

  it("offers none for a question no passage is about, nor one whose passage only shares a word with it", async () => {
    for (const question of ["宿舍可以養貓嗎", "罰單可以在哪裡繳納"]) {
      const reply = await answerQuestion(store, { question }, settings);
      expect(reply.status).toBe("abstained");
      expect(reply.choices).toBeUndefined();
      expect(reply.answer).not.toContain("主題");
    }
  });

  it("introduces them to staff asking for a draft as related topics", async () => {
    const staff = await answerQuestion(
      store,
      { question: "停車場可以停重型機車嗎" },
      { ...settings, audience: "staff" },
    );
    expect(staff.answer).toMatch(/^無建議回覆.*文件中相關的主題：$/);
  });
});

describe("answerQuestion, sent a topic it offered", () => {
  const sections = new SqliteIndexStore(":memory:");
  const longSection = Array.from(
    { length: 12 },
    (_, n) => `第 ${n + 1} 項：申請人應詳閱本須知並依規定辦理各項手續。`,
  ).join("");
  beforeAll(async () => {
    folder.write(
      "sections/certificates/transcript.md",
      [
        "# 申請戶籍謄本",
        "## 申請方式",
        "在服務台填寫申請書，勾選需要的謄本種類與份數，可以申請本人的謄本。",
        "## 誰可以申請",
        "下列人員可以申請：本人，或與本人同一戶的人。受委託的人，須附委託書。不能申請他人的謄本。",
        "## 注意事項",
        longSection,
        "## 服務時間",
        "本服務台位於一樓大廳。週一至週五 8:00 至 17:00 受理。",
        "",
      ].join("\n\n"),
    );
    // A curated pair whose answer states no amount: asked what it costs, it is not the answer.
    folder.write("sections/certificates/faq.csv", "question,answer\n英文謄本一份多少錢？,請洽二樓櫃台詢問最新規費。\n");
    await syncFolder(sections, path.join(folder.root, "sections"));
  });
  afterAll(() => sections.close());

  it("quotes the section picked from its start, not the sentence elsewhere that matches its words best", async () => {
    const reply = await answerQuestion(sections, { question: "申請戶籍謄本：誰可以申請", choice: true }, settings);
    expect(reply.status).toBe("answered");
    expect(reply.answer).toBe(
      "下列人員可以申請：本人，或與本人同一戶的人。受委託的人，須附委託書。不能申請他人的謄本。[1]",
    );
    expect(reply.citations[0]).toMatchObject({
      doc_id: "certificates/transcript.md",
      heading: "申請戶籍謄本 > 誰可以申請",
    });
  });

  it("quotes a section of several passages from its first, whichever ranks best", async () => {
    const reply = await answerQuestion(sections, { question: "申請戶籍謄本：注意事項", choice: true }, settings);
    expect(reply.answer.startsWith("第 1 項：")).toBe(true);
  });

  it("reads the same words typed, without being sent as a choice, as a question", async () => {
    const question = "申請戶籍謄本：服務時間";
    const picked = await answerQuestion(sections, { question, choice: true }, settings);
    expect(picked.answer).toBe("本服務台位於一樓大廳。週一至週五 8:00 至 17:00 受理。[1]");
    // Typed, it asks for a time: the sentence stating one.
    const typed = await answerQuestion(sections, { question }, settings);
    expect(typed.answer).toMatch(/^週一至週五 8:00 至 17:00 受理。\[1\]/);
  });

  it("gives a curated question picked from the choices its curated answer", async () => {
    const question = "英文謄本一份多少錢？";
    const picked = await answerQuestion(sections, { question, choice: true }, settings);
    expect(picked).toMatchObject({ status: "answered", mode: "faq", confidence: 1 });
    expect(picked.answer).toBe("請洽二樓櫃台詢問最新規費。[1]");
    expect((await answerQuestion(sections, { question }, settings)).mode).not.toBe("faq");
  });

  it("answers each question of a message sent as a choice that names no topic", async () => {
    const question = "停車證什麼時候開放申請？房屋稅什麼時候繳？";
    const reply = await answerQuestion(store, { question, choice: true }, settings);
    expect(reply.answer).toMatch(/9月1日[^\n]*\[1\]\n\n[^\n]*5月1日[^\n]*\[2\]$/);
  });

  it("reads a choice it does not find among the passages as a question", async () => {
    const reply = await answerQuestion(sections, { question: "誰可以申請戶籍謄本", choice: true }, settings);
    expect(reply.answer).not.toBe(
      "下列人員可以申請：本人，或與本人同一戶的人。受委託的人，須附委託書。不能申請他人的謄本。[1]",
    );
  });
});
