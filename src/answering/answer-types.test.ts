import { describe, expect, it } from "vitest";
import { normalizeForMatching } from "../text/normalize.js";
import {
  answerFit,
  askedAnswerTypes,
  askedDurationUnit,
  asksYesOrNo,
  holdsAnswerType,
  holdsDurationIn,
  namesAskedField,
  readAskedAnswer,
} from "./answer-types.js";

describe("askedAnswerTypes", () => {
  it.each([
    ["這學期學雜費什麼時候要繳？", "date"],
    ["这学期学杂费什么时候要缴？", "date"],
    ["When is the deadline to drop a course?", "date"],
    ["what day do they take paper recycling", "date"],
    ["which days do they pick up old furniture", "date"],
    ["工學院學費一學期多少？", "amount"],
    ["how much does a transcript cost", "amount"],
    ["garbage bag prices", "amount"],
    ["去區公所辦事停車要錢嗎", "amount"],
    ["書弄丟了要賠多少", "amount"],
    ["一個月收多少", "amount"],
    ["辦護照要花多少時間", "duration"],
    ["mandarin placement test date", "date"],
    ["what hours is english service available on the hotline", "time"],
    // When a bus leaves or a period starts is told by the clock as often as by the calendar.
    ["when does the last shuttle bus on route A leave on weekdays?", "time"],
    // Question words as people text them.
    ["wheres the international patient office?", "contact"],
    ["hw much is the deposit", "amount"],
    ["filming deposit", "amount"],
    ["locker rent?", "amount"],
    ["wat time does the pool open", "time"],
    ["complaint response time", "duration"],
    ["If I lose a library book what do I have to pay", "amount"],
    ["What's the most I would pay to park my car for a whole day?", "amount"],
    ["書弄丟了要賠什麼", "amount"],
    ["what happens if i stay after my arc expired", "consequence"],
    ["預約未到會怎樣", "consequence"],
    // Asked in the passive, what is done to the asker, not how they do it.
    ["臨時沒去也忘了取消，會被怎麼處理", "consequence"],
    ["遲到會被怎麼罰", "consequence"],
    ["What's the penalty for smoking in the room?", "consequence"],
    ["請問班主任叫什麼名字", "name"],
    ["舊生推薦送的加油卡是哪一家加油站的", "name"],
    ["what's the name of the wifi network?", "name"],
    // A time limit is stated by a date or as a period ("1 年內有效").
    ["購物金有期限嗎", "duration"],
    ["購物金有期限嗎", "date"],
    ["幾歲要辦身分證", "count"],
    ["how old do you have to be to get an ID card", "count"],
    ["休學最多可以休幾年", "duration"],
    ["How long can I book a group study room for?", "duration"],
    ["圖書館禮拜天幾點開門", "time"],
    ["what time does the gym close", "time"],
    ["大學部可以借幾本書", "count"],
    ["為什麼宿舍不能用電鍋", "reason"],
    ["why was my application turned down", "reason"],
    ["how many books can I borrow", "count"],
    ["計網中心在哪裡", "contact"],
    ["what's the phone number of the housing office", "contact"],
    ["成績有問題要找誰", "office"],
    ["清寒助學金的申請資格是什麼？", "eligibility"],
    ["who can apply for the scholarship", "eligibility"],
    ["對保要帶什麼證件", "documents"],
    ["What do I need to bring to the appointment?", "documents"],
    ["How do I connect to the VPN?", "steps"],
    ["密碼忘了怎麼重設", "steps"],
    ["what are the dorm quiet hours", "time"],
    ["週六有上班嗎", "time"],
    ["圖書館過年有沒有開", "time"],
    ["身分證照片規格", "measure"],
    ["行李箱尺寸多大", "measure"],
    ["how heavy can a parcel be", "measure"],
    ["how far is the Saturday ride", "measure"],
    ["團騎路線有多遠", "measure"],
    ["how big is the monthly stipend", "amount"],
    ["宿舍可以養貓嗎", "yesno"],
    ["Can I bring my dog to the dorm?", "yesno"],
    // A fee named alone asks what it is.
    ["65歲以上掛號費", "amount"],
    ["停車費?", "amount"],
    ["宿舍押金", "amount"],
  ])("%s asks for %s", (question, type) => {
    expect(askedAnswerTypes(question)).toContain(type);
  });

  it("does not take the time a question is about for a time asked", () => {
    expect(askedAnswerTypes("掛失停話期間要付月租費嗎")).toEqual(["yesno"]);
    expect(askedAnswerTypes("期限內可以退嗎")).toEqual(["yesno"]);
    expect(askedAnswerTypes("申請期間是什麼時候")).toEqual(["date"]);
  });

  it("does not take a topic word for what is asked", () => {
    // "email" and "hours" as topics, not an address or opening hours asked for.
    expect(askedAnswerTypes("what's the max attachment size for my school email")).toEqual(["count", "measure"]);
    expect(askedAnswerTypes("my vpn keeps disconnecting after a few hours, why?")).toEqual(["reason"]);
    // "when" joining two clauses asks for no date.
    expect(askedAnswerTypes("databases won't load when I'm at home, what should I do?")).toEqual([]);
    expect(askedAnswerTypes("when?")).toEqual(["date"]);
    expect(askedAnswerTypes("生育津贴去几楼哪个办公室办")).toEqual(["contact", "office"]);
    // A phone line or an address as the topic of another question: "客服電話幾點到幾點" asks a time.
    expect(askedAnswerTypes("客服電話幾點到幾點")).toEqual(["time"]);
    expect(askedAnswerTypes("地址變更要怎麼辦")).toEqual(["steps"]);
    expect(askedAnswerTypes("寬頻報修電話多少")).toContain("contact");
    // 資格考 is an exam, not the eligibility it sounds like.
    expect(askedAnswerTypes("博士生資格考最多可以考幾次")).toEqual(["count"]);
    expect(askedAnswerTypes("資格考的申請資格是什麼")).toEqual(["eligibility"]);
    // What one pays with, or where, is no amount.
    expect(askedAnswerTypes("what do i pay with")).toEqual([]);
    // A price called a rate, a plan, the verb; documents handed in; 幾成人 (how many adults).
    expect(askedAnswerTypes("What's the daily rate for a locker?")).toEqual([]);
    expect(askedAnswerTypes("Which rate plan is best for students?")).toEqual([]);
    expect(askedAnswerTypes("What is the best way to rate a course?")).toEqual([]);
    expect(askedAnswerTypes("辦理退宿要繳哪些文件")).not.toContain("amount");
    expect(readAskedAnswer("每位兒童需要幾成人陪同").rate).toBeUndefined();
  });

  it("reads opening and size words only where they ask for opening hours or a size", () => {
    // 開 and 大小 in other words: an invoice issued, a course offered, upper and lower case.
    expect(askedAnswerTypes("有開發票嗎")).toEqual(["yesno"]);
    expect(askedAnswerTypes("所有開銷都可以報帳嗎")).toEqual(["yesno"]);
    expect(askedAnswerTypes("密碼有分大小寫嗎")).toEqual(["yesno"]);
    expect(askedAnswerTypes("多重國籍可以申請嗎")).toEqual(["yesno"]);
    expect(askedAnswerTypes("很多大學生會問")).not.toContain("measure");
    expect(askedAnswerTypes("how much does the parcel weigh")).toEqual(["measure"]);
    expect(holdsAnswerType("支援 5G 網路", "measure")).toBe(false);
    expect(holdsAnswerType("每包重 500g", "measure")).toBe(true);
  });

  it("reads hours named after a place as its opening hours, and hours counted as a duration", () => {
    expect(askedAnswerTypes("mail room hours")).toEqual(["time"]);
    expect(askedAnswerTypes("what are the pool hours on weekends")).toEqual(["time"]);
    expect(askedAnswerTypes("how many hours can I book")).toEqual(["duration"]);
    expect(askedAnswerTypes("how many credit hours do I need")).not.toContain("time");
    expect(holdsAnswerType("It is staffed every day from 8:00 to 22:00.", "time")).toBe(true);
  });

  it("asks for the figure, not a yes or no, when a question asks both", () => {
    // The yes or no is settled by the figure: "whether I passed, when will I know", "can I, and how much".
    expect(askedAnswerTypes("轉系有沒有過大概什麼時候會知道")).toEqual(["date"]);
    expect(askedAnswerTypes("can I stay in the dorm over the summer, and how much does it cost?")).toEqual(["amount"]);
    expect(askedAnswerTypes("可以帶朋友進宿舍嗎")).toEqual(["yesno"]);
  });

  it("asks yes or no, not an amount, when it asks whether one may do something with a fee", () => {
    expect(askedAnswerTypes("Can I pay my library fines with LINE Pay?")).toEqual(["yesno"]);
    expect(askedAnswerTypes("could we split the cost between two cards")).toEqual(["yesno"]);
    // A fee asked about, even beside a yes or no.
    expect(askedAnswerTypes("is there a fee for a new card")).toEqual(["amount"]);
    expect(askedAnswerTypes("can I know the fee for parking")).toEqual(["amount"]);
    expect(askedAnswerTypes("can I get a refund of the deposit, what's the fee")).toEqual(["amount"]);
    expect(askedAnswerTypes("Can I get the price list?")).toEqual(["amount"]);
    expect(askedAnswerTypes("Can I pay online and what is the fee?")).toEqual(["amount"]);
  });

  it("asks for no kind in particular when the question names only a topic", () => {
    expect(askedAnswerTypes("宿舍?")).toEqual([]);
    expect(askedAnswerTypes("library")).toEqual([]);
  });

  it("tells a duration from a date and a count", () => {
    expect(askedAnswerTypes("how many days do I have to appeal")).toEqual(["duration"]);
    expect(askedAnswerTypes("新生選課是哪幾天？")).not.toContain("duration");
    expect(askedAnswerTypes("大學部可以借幾本書？可以借多久？")).toEqual(expect.arrayContaining(["count", "duration"]));
    // A year of the calendar is a date; "these few years" and 年輕人 ask for no duration.
    expect(askedAnswerTypes("第一個火車站建成於西元幾年?")).toEqual(["date"]);
    expect(askedAnswerTypes("這幾年他們稱這手法是?")).not.toContain("duration");
    expect(askedAnswerTypes("有多少年輕人參加抗議？")).toEqual(["count"]);
    // 在哪 before a time asks when, not where.
    expect(askedAnswerTypes("大橋在哪一年完工？")).toEqual(["date"]);
    expect(askedAnswerTypes("學派在哪一個世紀出現？")).toEqual(["date"]);
    expect(askedAnswerTypes("活動中心在哪一棟？")).toContain("contact");
    // Which room, floor or exit asks where, and 幾號 before a room or an exit names no day.
    expect(askedAnswerTypes("Which room is the Civil Affairs Section in?")).toEqual(["contact"]);
    expect(askedAnswerTypes("捷運要從幾號出口出去")).toEqual(["contact"]);
    expect(askedAnswerTypes("會議在幾號房")).toEqual(["contact"]);
    expect(askedAnswerTypes("報名幾號截止")).toEqual(["date"]);
    // Which two days, or a day named alone as a search box is typed, asks for a date.
    expect(askedAnswerTypes("秋季班现场报名是哪两天？")).toEqual(["date"]);
    expect(askedAnswerTypes("游泳池休館日?")).toEqual(["date"]);
    expect(askedAnswerTypes("垃圾車禮拜幾停收？")).toEqual(["date"]);
    expect(askedAnswerTypes("週幾公休")).toEqual(["date"]);
    // Not a day of the week, a holiday or a birthday named.
    expect(askedAnswerTypes("假日")).toEqual([]);
    expect(askedAnswerTypes("星期日")).toEqual([]);
    expect(askedAnswerTypes("會員生日")).toEqual([]);
  });

  it("reads 幾點 as how many points when reward points are named, else as what time", () => {
    expect(askedAnswerTypes("生日那個月刷卡點數有加倍嗎？最多多送幾點？")).toEqual(["count"]);
    expect(readAskedAnswer("機場貴賓室可以用紅利換嗎？要幾點？").clock).toBeUndefined();
    expect(askedAnswerTypes("客服電話幾點到幾點")).toEqual(["time"]);
  });

  it("reads pay asked for by its name as an amount", () => {
    expect(askedAnswerTypes("what is the hourly pay for a teaching assistant?")).toEqual(["amount"]);
    expect(askedAnswerTypes("助教時薪多少")).toEqual(["amount"]);
    expect(askedAnswerTypes("工讀生的薪資？")).toEqual(["amount"]);
    expect(askedAnswerTypes("Is the stipend paid monthly?")).toContain("amount");
  });

  it("reads 最重要, a name holding 多大 and the largest of something as no figure asked", () => {
    expect(askedAnswerTypes("羅馬化最重要的是引入了什麼宗教?")).toEqual([]);
    expect(askedAnswerTypes("多倫多大學的主要校區是哪個校區?")).toEqual([]);
    // Which one of them asks its name, not a figure.
    expect(askedAnswerTypes("世界上最大的鋼鐵企業中哪一家位於韓國？")).toEqual(["name"]);
    expect(askedAnswerTypes("宿舍最大容納人數是多少")).toContain("count");
  });
});

describe("holdsAnswerType", () => {
  it.each([
    ["第1學期繳費截止日為9月4日。", "date"],
    ["頭部長度 3.2 至 3.6 公分。", "measure"],
    ["Attachments may be up to 25 MB.", "measure"],
    ["包裹尺寸不得超過 45×30×30。", "measure"],
    ["Tuition is due on September 4.", "date"],
    ["加退選期限為開學後第二週週五。", "date"],
    ["洗衣每次 NT$ 20。", "amount"],
    ["工學院：學費 24,310，雜費 6,020", "amount"],
    ["A transcript costs 50 dollars.", "amount"],
    ["累計以二學年為限。", "duration"],
    ["submit it within 14 days of the release date", "duration"],
    ["英文戶籍謄本須 3 個工作天。", "duration"],
    ["週日 13:00–22:00 開放。", "time"],
    ["The desk is open until 5 pm.", "time"],
    ["大學部學生可借20冊。", "count"],
    ["Each account can have only 2 VPN connections.", "count"],
    ["研究生借書不限冊數。", "count"],
    ["初領（年滿 14 歲）：規費 50 元", "count"],
    ["There is no limit on renewals.", "count"],
    ["There is no deadline for registering.", "date"],
    ["結婚登記沒有期限。", "duration"],
    ["總館早上八點開門。", "time"],
    ["晚上十一點閉館前請離館。", "time"],
    // An hour written with 時 as well as 點; a week of a term with spaces around its number.
    ["開戶受理至下午 3 時為止。", "time"],
    ["櫃台受理至下午五時。", "time"],
    ["每期第 6 週為家長觀課日。", "date"],
    ["颱風期間如縣政府宣布停班，當日暫停營業。", "time"],
    // Open around the clock answers "what time does it close", in digits or in words.
    ["宿舍大門採刷卡進出，二十四小時開放。", "time"],
    ["週二：營業時間 公休", "time"],
    ["請洽分機 2500 或 helpdesk@lakeside.example.edu。", "contact"],
    ["Come to Room I105 on the first floor.", "contact"],
    ["Pay with the ticket at a convenience store or a post office.", "contact"],
    ["罰單請到郵局或超商繳納。", "contact"],
    ["Day passes are sold only at the ticket window of the visitor centre.", "contact"],
    ["一日券僅於遊客中心售票窗口販售。", "contact"],
    ["Please contact the notary office of the district court.", "contact"],
    ["The phone number of each chief is on our website.", "contact"],
    ["申請者須為大學部學生，且家庭年收入在70萬元以下。", "eligibility"],
    ["攜帶身分證、印章到銀行辦理對保。", "documents"],
    ["1. Download the client.", "steps"],
    ["The NIA fines overstays NT$2,000 to NT$10,000.", "consequence"],
    ["Smoking in a guest room results in a deep-cleaning fee of NT$ 6,000.", "consequence"],
    ['Connect to "Gangbei-Free", no password needed.', "name"],
    ["加油卡由台灣中油股份有限公司發行。", "name"],
    ["班主任：王大明", "name"],
    ["逾期未驗證者，自 11 月帳單起恢復原價 999 元。", "consequence"],
    ["宿舍內不得飼養寵物。", "yesno"],
    ["為了用電安全，宿舍內不得使用電鍋。", "reason"],
    ["Applications are turned down because the form is incomplete.", "reason"],
    ["每年 3 月受理申請。", "date"],
    ["三月中旬開放申請。", "date"],
    ["Applications open in September.", "date"],
    ["Tuition is due in May.", "date"],
    ["每學期開學前完成選課。", "date"],
    ["Submit it at the start of each semester.", "date"],
    ["中文謄本可以當場領取。", "duration"],
    ["租金每日 800 元。", "amount"],
    ["The card is printed while you wait.", "duration"],
    ["這條老街共有800多年歷史。", "duration"],
    ["地球的歷史大約只有六千年。", "duration"],
    ["條約要求德國賠償 2000 億元。", "amount"],
    ["耗費估計有5,000,000美元。", "amount"],
    ["The ticket costs €40.", "amount"],
    ["播種面積約占總面積的四分之三。", "count"],
    ["駐守的軍力預估不到三千。", "count"],
    ["杜林有四座國家博物館。", "count"],
    ["康熙年間逐漸形成三個將軍轄區。", "date"],
    ["到宋代末，鎮才擺脫軍事色彩。", "date"],
    ["稻穀的年代為公元前一萬年前。", "date"],
    ["傍晚時份，球場成為夜市。", "time"],
    // A day of the month told from the month it falls in.
    ["Pay the total duty for each month by the 10th of the following month.", "date"],
    ["Rent is due on the 5th.", "date"],
    ["當月營業稅應於次月15日前申報。", "date"],
    // A day counted from a start ("on the 15th day overdue") says how long until.
    ["第 15 天：限制撥出（單向停話）", "duration"],
  ])("%s holds %s", (sentence, type) => {
    expect(holdsAnswerType(sentence, type as Parameters<typeof holdsAnswerType>[1])).toBe(true);
  });

  it.each([
    ["同一學期內，清寒助學金與生活助學金不得同時領取。", "amount"],
    ["Each hall has a laundry room in the basement.", "amount"],
    ["115學年度第1學期", "duration"],
    ["第1學期繳費截止日為9月4日。", "duration"],
    ["The VPN lets you use university-only services from outside the campus.", "date"],
    ["Report broken furniture on LakeLink.", "duration"],
    ["Pay with the ticket within 30 days.", "contact"],
    ["Store your bicycle in the rack.", "contact"],
    ["由於中心人力不足，暫停受理。", "contact"],
    ["The office processes refunds in 30 days.", "contact"],
    ["1767年，西班牙將在巴拉圭的耶穌會成員驅逐出境。", "reason"],
    ["請多留一點時間。", "time"],
    ["辦理約需 3 小時。", "time"],
    ["一時之間無法受理。", "time"],
    // 時 after a count is "when": 「報名人數未達 10 時，課程取消」.
    ["報名人數未達 10 時，課程取消。", "time"],
    ["借閱冊數達 20 時不得再借。", "time"],
    ["社會課：樓層 2 樓 201 室，分機 231–233", "count"],
    ["Call ext. 2400 for the front desk", "count"],
    ["報名不限科系", "count"],
    ["撥打掛失專線 (07) 555-0199", "count"],
    ["最多借 20 冊。", "measure"],
    ["Rooms 2 to 5 are on the 3rd floor.", "measure"],
    ["休學以 3 個月為單位。", "date"],
    ["You may apply online.", "date"],
    // An age is no time taken: "how long" is not answered by "5 years old".
    ["Cars more than 5 years old must pass an inspection.", "duration"],
    ["Bring your 3-year-old to the reading corner.", "duration"],
    ["Five-year-olds get in free.", "duration"],
    ["Applicants must be 16 years of age or older.", "duration"],
    ["每學期最多選 25 學分。", "date"],
    ["我們一起去圖書館。", "count"],
    ["租車時間為每日 09:00 至 18:00。", "amount"],
    ["Rent a bike from 9:00 to 18:00.", "amount"],
    // An ordinal is a place in a series, and a term a span of time: neither counts anything.
    ["博士生應於入學後第 4 學期結束前通過資格考核。", "count"],
    ["Room 203 is on the 2nd floor.", "date"],
    ["It worked on the 2nd try.", "date"],
    // A day of the month is a date, however it is spaced.
    ["每期帳單的繳費期限為每月 22 日。", "duration"],
  ])("%s does not hold %s", (sentence, type) => {
    expect(holdsAnswerType(sentence, type as Parameters<typeof holdsAnswerType>[1])).toBe(false);
  });
});

describe("least figures", () => {
  it("knows a figure asked for as a least one, and a figure stated as one", () => {
    expect(readAskedAnswer("班機延誤要延誤多久以上才有理賠？").least).toBe(true);
    expect(readAskedAnswer("團體票要多少人以上").least).toBe(true);
    expect(readAskedAnswer("至少要幾個人才能預約導覽").least).toBe(true);
    expect(readAskedAnswer("what is the minimum group size").least).toBe(true);
    expect(readAskedAnswer("延誤多久要通知").least).toBeUndefined();
    const asked = readAskedAnswer("延誤多久以上才有理賠");
    expect(answerFit("延誤達 4 小時以上，每滿 4 小時給付 2,000 元。", asked).asLeast).toBe(true);
    expect(answerFit("請於返國後 30 日內通知本公司。", asked).asLeast).toBe(false);
    expect(
      answerFit("Groups of at least 10 get a discount.", readAskedAnswer("what is the minimum group size")).asLeast,
    ).toBe(true);
  });
});

describe("deadlines", () => {
  it("knows a date asked for as a deadline, and a date stated as one", () => {
    expect(readAskedAnswer("group wedding deadline").deadline).toBe(true);
    expect(readAskedAnswer("加退選最晚什麼時候").deadline).toBe(true);
    expect(readAskedAnswer("when is the group wedding").deadline).toBeUndefined();
    const asked = readAskedAnswer("繳費截止日是哪天");
    expect(answerFit("請於 9月4日前 繳費。", asked).asDeadline).toBe(true);
    expect(answerFit("Apply by 31 August.", readAskedAnswer("deadline to apply")).asDeadline).toBe(true);
    expect(answerFit("The wedding is on 10 October.", readAskedAnswer("deadline to apply")).asDeadline).toBe(false);
  });

  it("are answered by the hour, or from another day, when a deadline is asked", () => {
    const cancel = "最晚可於看診日前一天 23:59 前自行取消。";
    expect(answerFit(cancel, readAskedAnswer("取消掛號最晚什麼時候")).fits).toBe(true);
    expect(answerFit(cancel, readAskedAnswer("什麼時候開學")).fits).toBe(false);
  });

  it("are asked as what to do something before, and answered by a day named from another (當日…前)", () => {
    const when = readAskedAnswer("退費要在什麼時候之前去辦");
    expect(when.deadline).toBe(true);
    expect(answerFit("請於當日該診結束前持收據辦理退費。", when).fits).toBe(true);
    expect(answerFit("請於當日該診結束前持收據辦理退費。", readAskedAnswer("什麼時候開始退費")).fits).toBe(false);
    expect(readAskedAnswer("什麼時候以前入學的學生適用舊制").deadline).toBeUndefined();
    for (const unrelated of [
      "請持收據至櫃台辦理退費。",
      "每日開放申請，當天即可辦好。",
      "請於活動當天前往服務台報到。",
    ]) {
      expect(answerFit(unrelated, when).fits, unrelated).toBe(false);
    }
  });
});

describe("duration units", () => {
  it("counts days of one kind as days: 開館日, 營業日, 工作日", () => {
    const asked = readAskedAnswer("預約資料到館後保留幾天？");
    expect(answerFit("預約書保留 7 個開館日，逾期未取即由下一順位讀者遞補。", asked).fits).toBe(true);
    expect(answerFit("退款於 3 個營業日內退回原帳戶。", asked).fits).toBe(true);
    expect(answerFit("預約資料送達取書館後，系統會以簡訊通知。", asked).fits).toBe(false);
  });

  it("reads the unit a question counts in and finds sentences in that unit", () => {
    expect(askedDurationUnit("休學最多可以休幾年")).toBe("year");
    expect(askedDurationUnit("how many weeks does it take")).toBe("week");
    expect(askedDurationUnit("how long does it take")).toBeUndefined();
    expect(holdsDurationIn("累計以二學年為限。", "year")).toBe(true);
    expect(holdsDurationIn("應於核定後一週內完成離校手續。", "year")).toBe(false);
    expect(holdsDurationIn("Refunds take six weeks.", "week")).toBe(true);
  });
});

describe("days counted", () => {
  it("reads 幾日內 as how long, not how many, and 幾月幾日 still as a date", () => {
    expect(askedAnswerTypes("交通違規申訴要在收到通知單後幾日內提出？")).toContain("duration");
    expect(askedAnswerTypes("多少日內要辦好")).toContain("duration");
    expect(askedAnswerTypes("幾月幾日截止")).toEqual(["date"]);
    expect(askedAnswerTypes("幾日可以拿到")).toContain("duration");
    expect(askedAnswerTypes("申請要幾個工作日？")).toContain("duration");
    const asked = readAskedAnswer("交通違規申訴要在收到通知單後幾日內提出？");
    expect(answerFit("應於收到違規通知單之次日起30日內提出申訴。", asked).fits).toBe(true);
  });
});

describe("days asked", () => {
  it("are answered by a day, not by the year or the month alone", () => {
    const asked = readAskedAnswer("114 年冬季降雪管制從哪一天開始？");
    expect(asked).toMatchObject({ types: ["date"], day: true });
    expect(answerFit("主旨：114 年冬季降雪期間，主峰線實施入山管制。", asked).fits).toBe(false);
    expect(answerFit("本學期 9 月開始上課。", asked).fits).toBe(false);
    for (const stated of ["自 114 年 12 月 15 日起管制。", "每週二開放。", "初三起恢復收運。", "2026-09-04 起實施。"]) {
      expect(answerFit(stated, asked).fits, stated).toBe(true);
    }
    const english = readAskedAnswer("What date does the winter closure start?");
    expect(english.day).toBe(true);
    expect(answerFit("The closure starts on 15 December.", english).fits).toBe(true);
    for (const stated of [
      "The closure starts on December 15th.",
      "It starts on 15th of December.",
      "自 114.12.15 起管制。",
    ])
      expect(answerFit(stated, english).fits, stated).toBe(true);
    expect(answerFit("The closure of 2025 was the longest.", english).fits).toBe(false);
    // When, without a day, may be answered by a month or a year.
    expect(readAskedAnswer("什麼時候開始管制").day).toBeUndefined();
    expect(answerFit("本學期 9 月開始上課。", readAskedAnswer("什麼時候開始上課")).fits).toBe(true);
  });
});

describe("time taken", () => {
  it("answers how long something takes with the time it takes, not with how long it stays valid", () => {
    const takes = readAskedAnswer("How long does it take to convert a foreign driving licence?");
    expect(answerFit("The whole process usually takes about 40 minutes.", takes).fits).toBe(true);
    expect(answerFit("An IDP may be used for up to 1 year from your date of entry.", takes).fits).toBe(false);
    const replacing = readAskedAnswer("How long does it take to replace a gas meter?");
    expect(answerFit("A gas meter may stay in service for a maximum of 10 years.", replacing).fits).toBe(false);
    // Told as the time it takes, it is preferred to a duration of another kind.
    expect(answerFit("A standard replacement takes about 30 minutes.", replacing).inUnit).toBe(true);
    expect(answerFit("We send a notice at least 14 days before the visit.", replacing).inUnit).toBe(false);
    const issued = readAskedAnswer("國際駕照辦好要多久");
    expect(answerFit("約30分鐘即可取件。", issued).fits).toBe(true);
    expect(answerFit("國際駕照有效期限為1年。", issued).fits).toBe(false);
    // Asked how long it lasts, the validity answers.
    expect(answerFit("國際駕照有效期限為1年。", readAskedAnswer("國際駕照可以用多久")).fits).toBe(true);
    expect(answerFit("The card is valid for 5 years.", readAskedAnswer("How long does it last?")).fits).toBe(true);
    // However the thing taking time is named, and a sentence giving both a time and a validity.
    const renewal = readAskedAnswer("How long does a passport renewal take?");
    expect(answerFit("Your passport is valid for 10 years.", renewal).fits).toBe(false);
    expect(answerFit("約7天完成，居留證到期前可申請延期。", readAskedAnswer("護照多久可以拿到")).fits).toBe(true);
  });
});

describe("colloquial question words", () => {
  it("read 啥 as 什麼 and 咋 as 怎麼", () => {
    expect(askedAnswerTypes("卡丢了咋挂失")).toContain("steps");
    expect(askedAnswerTypes("退税啥时候到账")).toContain("date");
    expect(askedAnswerTypes("要满足啥条件")).toContain("eligibility");
    // 咋舌 is to be left speechless: it asks nothing.
    expect(askedAnswerTypes("聽完讓人咋舌")).toEqual([]);
  });
});

describe("asking words typed as others of the same sound", () => {
  it("are read as meant", () => {
    expect(askedAnswerTypes("身分證遺失補發要多少前")).toContain("amount");
    expect(askedAnswerTypes("宿舍什麼時後可以搬進去")).toContain("date");
    expect(askedAnswerTypes("圖書館週末的服務時簡")).toContain("time");
    // Two characters changed is another word, not a slip; nor is a word of the language.
    expect(askedAnswerTypes("社區的事件")).toEqual([]);
    expect(askedAnswerTypes("我在那裡下車")).toEqual([]);
    expect(askedAnswerTypes("報名截至今天")).toEqual([]);
    expect(askedAnswerTypes("積點可以換什麼")).toEqual([]);
  });
});

describe("field names", () => {
  it("say which kind of answer a labelled line gives, in either language", () => {
    const amount = readAskedAnswer("清寒助學金一學期可以領多少錢");
    expect(namesAskedField("金額", amount)).toBe(true);
    expect(namesAskedField("對象", amount)).toBe(false);
    expect(namesAskedField("Fee", readAskedAnswer("how much is a hall for a day"))).toBe(true);
    expect(namesAskedField("對象", readAskedAnswer("清寒助學金的申請資格是什麼"))).toBe(true);
    expect(namesAskedField("金額", readAskedAnswer("清寒助學金"))).toBe(false);
  });
});

describe("counts", () => {
  it("are numbers of things, not house numbers, lengths, hours or prices", () => {
    expect(holdsAnswerType("Score 90–100: Letter A+, Grade points 4.3", "count")).toBe(true);
    expect(holdsAnswerType("從 2 號出口步行約 5 分鐘。", "count")).toBe(false);
    expect(holdsAnswerType("前 1 小時免費，之後每小時 30 元。", "count")).toBe(false);
    // A floor or a room written with its letter.
    expect(holdsAnswerType("Induction loops are fitted at the ticket desk and the B1 lecture room.", "count")).toBe(
      false,
    );
    expect(holdsAnswerType("The B1 lecture room has 120 seats.", "count")).toBe(true);
  });
});

describe("temperatures", () => {
  it("are asked as a measure, which a sentence states in degrees", () => {
    const asked = readAskedAnswer("信義館的游泳池水溫大概幾度？");
    expect(asked.types).toContain("measure");
    expect(answerFit("游泳池水溫維持在 28 度。", asked).fits).toBe(true);
    expect(answerFit("信義館 B2 游泳池將進行年度維修保養。", asked).fits).toBe(false);
    expect(readAskedAnswer("what temperature is the pool").types).toContain("measure");
    expect(readAskedAnswer("114年度的學費").types).not.toContain("measure");
  });
});

describe("fees charged", () => {
  it("are asked as an amount, which 'no charge' states too", () => {
    expect(askedAnswerTypes("購卡未滿 3 個月退卡要收手續費嗎？")).toEqual(["amount"]);
    expect(askedAnswerTypes("會收服務費嗎")).toEqual(["amount"]);
    // Receiving a bill or a parcel charges nothing.
    expect(askedAnswerTypes("收到費用通知怎麼辦")).not.toContain("amount");
    expect(askedAnswerTypes("收不到繳費通知怎麼辦")).not.toContain("amount");
    expect(holdsAnswerType("可以免收據嗎", "amount")).toBe(false);
    expect(holdsAnswerType("購卡滿 3 個月退卡：手續費 免收", "amount")).toBe(true);
    // Told as what is not charged, by the one who would charge it; not paying is no amount.
    for (const stated of [
      "遠揚電信不收取攜碼轉入手續費。",
      "到期後可隨時退租，不收違約金。",
      "Transfers are done at no extra cost.",
      "You are not charged for the first call.",
      "You won't be charged for it.",
    ])
      expect(holdsAnswerType(stated, "amount"), stated).toBe(true);
    expect(holdsAnswerType("逾期不繳費將停話。", "amount")).toBe(false);
    // Cash not taken is a way to pay, not a price.
    expect(holdsAnswerType("本店不收現金，請用信用卡。", "amount")).toBe(false);
  });

  it("are asked by the sum's own name (保額, 餘額), not by the places a 名額 counts", () => {
    expect(askedAnswerTypes("登山保險的保額最低要多少？")).toEqual(["amount"]);
    expect(askedAnswerTypes("卡片餘額剩多少")).toEqual(["amount"]);
    expect(askedAnswerTypes("名額有多少")).toEqual(["count"]);
  });

  it("are stated in money: a fee's days or times are not its amount", () => {
    expect(
      holdsAnswerType("If the fee is still unpaid 15 days after the billing date, your card is blocked.", "amount"),
    ).toBe(false);
    expect(holdsAnswerType("Charges apply after the 5th.", "amount")).toBe(false);
    expect(holdsAnswerType("The fee is 300 per session.", "amount")).toBe(true);
    expect(holdsAnswerType("The deposit is 2,000.", "amount")).toBe(true);
  });
});

describe("ages", () => {
  it("are counts asked in years of age, which a count of anything else does not answer", () => {
    const asked = readAskedAnswer("幾歲可以註冊會員？");
    expect(asked).toMatchObject({ types: ["count"], age: true });
    expect(answerFit("借車前必須先註冊會員，並綁定一種付款方式。", asked).fits).toBe(false);
    expect(answerFit("年滿 14 歲即可註冊。", asked).fits).toBe(true);
    expect(answerFit("未滿十八歲需家長同意。", asked).fits).toBe(true);
    const english = readAskedAnswer("how old do you have to be to rent an e-bike");
    expect(answerFit("Riders must be 18 or older.", english).fits).toBe(true);
    expect(answerFit("You need 2 forms of ID.", english).fits).toBe(false);
    expect(readAskedAnswer("可以借幾本書").age).toBeUndefined();
    // Asked as a requirement or a limit on age.
    for (const question of ["What is the age requirement for volunteers?", "志工的年齡限制是什麼"]) {
      expect(readAskedAnswer(question)).toMatchObject({ types: expect.arrayContaining(["count"]), age: true });
      expect(
        answerFit("Volunteers: Places 12, Minimum commitment 3 stints a year", readAskedAnswer(question)).fits,
      ).toBe(false);
    }
    for (const stated of ["18 years or older", "at least 18", "年滿18者", "兩歲以下免費", "under 12"]) {
      expect(answerFit(stated, asked).fits).toBe(true);
    }
    for (const other of ["Adult tickets cost NT$100.", "over 3 hours", "under 2 km"]) {
      expect(answerFit(other, english).fits).toBe(false);
    }
  });
});

describe("rates", () => {
  it("are counts asked as a share, which a count of anything else does not answer", () => {
    const asked = readAskedAnswer("證照輔導班的考照通過率大概多少");
    expect(asked).toMatchObject({ types: ["count"], rate: true });
    expect(answerFit("證照輔導類：上課時數 42小時，學費 NT$ 12,600", asked).fits).toBe(false);
    for (const stated of ["通過率約85%", "約三成考生通過", "印花稅率為 4‰", "學費9折", "半價優待"]) {
      expect(answerFit(stated, asked).fits).toBe(true);
    }
    const english = readAskedAnswer("What house tax rate applies if I use my building as a shop?");
    expect(english).toMatchObject({ types: ["count"], rate: true });
    expect(answerFit("Shops: 3% of the assessed value.", english).fits).toBe(true);
    expect(answerFit("Room 201 handles house tax on 2 floors.", english).fits).toBe(false);
    // A clock time is no ratio.
    expect(answerFit("The exam starts at 09:00.", readAskedAnswer("What is the pass rate of the exam?")).fits).toBe(
      false,
    );
    // The interest on a loan is asked as its rate.
    expect(readAskedAnswer("What's the interest on the loan?").rate).toBe(true);
    const interest = readAskedAnswer("What is the interest on the 30-month installment term?");
    expect(interest).toMatchObject({ types: ["count"], rate: true });
    expect(answerFit("On the 30-month term interest stops from the day you pay off.", interest).fits).toBe(false);
    expect(answerFit("30 months: interest 2.5% per year.", interest).fits).toBe(true);
    // Named by a compound of three words: not answered by when the tax is paid.
    const compound = readAskedAnswer("what's the land value tax rate for a home I live in myself");
    expect(compound).toMatchObject({ types: ["count"], rate: true });
    expect(answerFit("Land value tax is paid from 1 to 30 November.", compound).fits).toBe(false);
  });

  it("are not those stated in units of their own", () => {
    for (const question of ["匯率多少", "頻率是多少", "what is the exchange rate", "可以借幾本書"]) {
      expect(readAskedAnswer(question).rate).toBeUndefined();
    }
  });
});

describe("時間 asked as the topic", () => {
  it("takes a time told from the closing hour for the time of day asked", () => {
    const asked = readAskedAnswer("淋浴熱水幾點停");
    expect(answerFit("淋浴間熱水於閉館前 15 分鐘停止供應，請預留時間。", asked).fits).toBe(true);
    expect(answerFit("淋浴間熱水由鍋爐供應。", asked).fits).toBe(false);
    const english = readAskedAnswer("what time does the hot water stop");
    expect(answerFit("Hot water stops 15 minutes before the gym closes.", english).fits).toBe(true);
    expect(answerFit("Showers take 15 minutes at most.", english).fits).toBe(false);
  });

  it("asks for a time of day, a date or a period, whichever the text states", () => {
    for (const question of [
      "探病時間",
      "加護病房晚上探病時間",
      "申請時間是什麼時候",
      "處理時間呢",
      "抽籤在什麼時間舉行",
    ]) {
      expect(askedAnswerTypes(question)).toEqual(expect.arrayContaining(["time", "date", "duration"]));
    }
    expect(answerFit("每日 10:00–12:00 及 17:00–20:30。", readAskedAnswer("探病時間")).fits).toBe(true);
    expect(answerFit("探病前後請以酒精乾洗手。", readAskedAnswer("探病時間")).fits).toBe(false);
    // 時間 that is not what is asked: a limit, or the asker's own time.
    expect(askedAnswerTypes("有時間限制嗎")).toEqual(["yesno"]);
    for (const question of ["可以改時間嗎", "老師有時間嗎", "花很多時間嗎", "我沒有時間"]) {
      expect(askedAnswerTypes(question)).not.toContain("time");
    }
    expect(askedAnswerTypes("我沒時間去怎麼辦")).not.toContain("time");
  });
});

describe("amounts", () => {
  it("are asked for as how a fee is worked out", () => {
    for (const question of ["水塔清洗費用怎麼算？", "違規罰款如何計算", "租金要怎麼算"]) {
      expect(askedAnswerTypes(question)).toContain("amount");
    }
    expect(askedAnswerTypes("這個要怎麼算")).not.toContain("amount");
    // Asked of the asker's own time or a time limit, 時間 is not what is asked.
    for (const question of ["我沒什麼時間，可以線上申請嗎？", "借書有什麼時間限制嗎？"]) {
      expect(askedAnswerTypes(question)).toEqual(["yesno"]);
    }
    // What is done to data, not to the asker, and paying online, are neither a consequence nor an amount.
    expect(askedAnswerTypes("個資會被怎麼處理？")).not.toContain("consequence");
    expect(askedAnswerTypes("Do I have to pay for it online?")).not.toContain("amount");
  });

  it("are asked for in English as whether something is free or costs anything", () => {
    for (const question of [
      "is the night frog walk free or do i have to pay something?",
      "Do I have to pay for parking?",
      "Is there a fee to replace my card?",
      "Will it cost anything to report a lost card?",
    ]) {
      expect(askedAnswerTypes(question)).toEqual(["amount"]);
    }
    // Paying how, or free as in not taken, asks no amount.
    for (const question of ["Do I have to pay by card?", "Is the study room free now?"]) {
      expect(askedAnswerTypes(question)).not.toContain("amount");
    }
  });

  it("are not a floor, a day or a count stated after a fee's name", () => {
    expect(holdsAnswerType("請攜帶住宿繳費證明到國際村 1 樓管理室報到。", "amount")).toBe(false);
    expect(holdsAnswerType("費用 3 天內繳清。", "amount")).toBe(false);
    expect(holdsAnswerType("繳費機位於 B1 電梯口。", "amount")).toBe(false);
    expect(holdsAnswerType("費用 3 堂課一起繳。", "amount")).toBe(false);
    expect(holdsAnswerType("入住時另收保證金 NT$ 3,000。", "amount")).toBe(true);
    expect(holdsAnswerType("最高以應繳金額的 15% 為限。", "amount")).toBe(true);
  });
});

describe("dates", () => {
  it("are not a telephone number, whatever its digits", () => {
    for (const sentence of [
      "批價相關問題請洽(04)2486-1420。",
      "請撥 (02) 2012-3456 洽詢。",
      "0800-2012-12",
      "海拔 1850.3 公尺",
    ]) {
      expect(holdsAnswerType(sentence, "date")).toBe(false);
    }
    for (const sentence of ["自2025-03-01起實施。", "2025.12.01 公告", "from 2020-2024", "2020–21 season"]) {
      expect(holdsAnswerType(sentence, "date")).toBe(true);
    }
  });
});

describe("years", () => {
  it("are dates asked for with 哪一年 or 'what year', and stated as years", () => {
    expect(askedAnswerTypes("這座橋是哪一年完工的?")).toContain("date");
    expect(askedAnswerTypes("In what year was the library built?")).toContain("date");
    expect(holdsAnswerType("大橋於1895年完工。", "date")).toBe(true);
    expect(holdsAnswerType("The library opened in 1998.", "date")).toBe(true);
    expect(holdsAnswerType("115學年度起實施。", "date")).toBe(false);
  });

  it("are not answered by a day and a month alone", () => {
    const year = readAskedAnswer("這座橋是哪一年完工的?");
    expect(year.year).toBe(true);
    expect(readAskedAnswer("In what year was the library built?").year).toBe(true);
    expect(readAskedAnswer("哪一天開學").year).toBeUndefined();
    expect(readAskedAnswer("幾年級可以申請").year).toBeUndefined();
    expect(answerFit("5月30日上午，大橋完工通車。", year).fits).toBe(false);
    expect(holdsAnswerType("5月30日上午，大橋完工通車。", "date")).toBe(true);
    for (const sentence of ["大橋於1895年5月完工。", "民國十九年大橋完工。", "中統元年大橋完工。", "同年9月大橋完工。"])
      expect(answerFit(sentence, year).fits).toBe(true);
  });
});

describe("steps", () => {
  it("are not what follows from something, how something is, nor how a figure is reached", () => {
    for (const question of [
      "預約未到會怎樣",
      "逾期還書會怎麼樣",
      "宿舍怎麼樣",
      "續借之後到期日怎麼算",
      "停車如何收費",
    ]) {
      expect(askedAnswerTypes(question)).not.toContain("steps");
    }
    expect(askedAnswerTypes("停車如何收費")).toContain("amount");
    expect(askedAnswerTypes("掛號要怎麼掛")).toContain("steps");
  });
});

describe("times of day", () => {
  it("are not answered by the days a place is closed, unless the question names a day", () => {
    const closing = readAskedAnswer("图书馆几点关门");
    expect(closing.clock).toBe(true);
    expect(answerFit("國定假日全館閉館。", closing).fits).toBe(false);
    expect(answerFit("週一至週五開放至 22:00。", closing).fits).toBe(true);
    expect(answerFit("宿舍大門二十四小時開放。", closing).fits).toBe(true);
    // 24 hours in a name is no time of day.
    expect(answerFit("B1 24小時自習室照常開放。", closing).fits).toBe(false);
    const sunday = readAskedAnswer("圖書館週日幾點開門");
    expect(sunday.clock).toBeUndefined();
    expect(answerFit("週日閉館。", sunday).fits).toBe(true);
  });

  it("are asked about by a fee named alone, but not by paying one or getting one back", () => {
    for (const question of ["怎麼繳費", "可以退費嗎", "停車可以補費"])
      expect(askedAnswerTypes(question)).not.toContain("amount");
  });
});

describe("asksYesOrNo", () => {
  it("hears a yes or no asked beside a figure, which the asked types leave to the figure", () => {
    const question = "計網中心有沒有借筆電？最多能借幾天";
    expect(askedAnswerTypes(question)).not.toContain("yesno");
    expect(asksYesOrNo(question)).toBe(true);
    expect(asksYesOrNo("Do you ship to Japan?")).toBe(true);
    expect(asksYesOrNo("可以包成禮物嗎？多少錢")).toBe(true);
    expect(asksYesOrNo("How much is it? Can I pay by card?")).toBe(true);
  });

  it("hears one asked after a condition or a sentence of context", () => {
    for (const question of [
      "If I open a savings account, do I get the ATM card the same day?",
      "My cat is small. Can she come along?",
      "so can i bring my dog",
    ])
      expect(asksYesOrNo(question), question).toBe(true);
    expect(asksYesOrNo("If I pay NT$ 1,000, can I get a refund?")).toBe(true);
    expect(asksYesOrNo("If I open a savings account, where do I get the card?")).toBe(false);
    // A polite request after a greeting asks what it names; a statement is no question.
    expect(asksYesOrNo("Hi, can you tell me the phone number of the library?")).toBe(false);
    expect(readAskedAnswer("Hi, can you tell me the phone number of the library?").number).toBe(true);
    expect(asksYesOrNo("Thanks. Have a nice day. What are the hours?")).toBe(false);
  });

  it("does not hear one in a question asking what, where or how much", () => {
    for (const question of [
      "What is the return policy?",
      "where do i pay a speeding fine",
      "寒假想留在宿舍要另外付多少錢",
      "Could you tell me the return policy?",
      "do you know where the library is",
    ]) {
      expect(asksYesOrNo(question)).toBe(false);
    }
  });
});

describe("rooms and floors", () => {
  it("are asked for by which floor, room or counter, and answered by a place in the building, not a number to call", () => {
    for (const question of ["Which room is the Civil Affairs Section in?", "社會課在幾樓", "要到哪個窗口辦"]) {
      const asked = readAskedAnswer(question);
      expect(asked.room, question).toBe(true);
      expect(answerFit("The Civil Affairs Section (ext. 301) tells you the result by email.", asked).fits).toBe(false);
      expect(answerFit("民政課：2 樓 205 室，分機 301", asked).fits).toBe(true);
      expect(answerFit("The tax office is on the 4th floor.", asked).fits).toBe(true);
      expect(answerFit("請到 3 號窗口辦理。", asked).fits).toBe(true);
    }
    // A building is named without a number; 旁聽生 is no place beside anything.
    const building = readAskedAnswer("Which building is the tax office in?");
    expect(answerFit("The tax office is in the Administration Building.", building).fits).toBe(true);
    expect(answerFit("旁聽生須繳學分費。", readAskedAnswer("社會課在幾樓")).fits).toBe(false);
    expect(readAskedAnswer("What room number is the tax office?").room).toBe(true);
    // 幾號門 asks which door, not which day.
    expect(readAskedAnswer("從幾號門進去")).toMatchObject({ types: ["contact"], room: true });
    // Asked with the extension, either answers.
    expect(readAskedAnswer("which floor and extension is the tax office").room).toBeUndefined();
    expect(readAskedAnswer("在哪裡辦").room).toBeUndefined();
  });
});

describe("numbers to call", () => {
  it("are asked for by a phone number named as what is asked, and answered only by one", () => {
    for (const question of [
      "customer service phone number",
      "客服電話幾號",
      "what number do I call if my parcel is lost",
      "身分證掉了要先打哪支電話掛失",
    ]) {
      const asked = readAskedAnswer(question);
      expect(asked.types).toContain("contact");
      expect(asked.number).toBe(true);
      expect(answerFit("You can call customer service with the sender's name and phone number.", asked).fits).toBe(
        false,
      );
      expect(answerFit("Call our toll-free line 0800-066-168, Monday to Saturday.", asked).fits).toBe(true);
      expect(answerFit("請撥打 (07) 555-0199。", asked).fits).toBe(true);
      expect(answerFit("安心專線 1925（24 小時）。", asked).fits).toBe(true);
    }
  });

  it("are asked for by whom to call, with the office that may answer too", () => {
    const asked = readAskedAnswer("who should I call if my card is lost");
    expect(asked.types).toEqual(["contact", "office"]);
    expect(asked.number).toBe(true);
  });

  it("are not what a question asks when the phone is only the means, or another way to reach someone is asked too", () => {
    expect(readAskedAnswer("can I talk to someone in English on the phone?").number).toBeUndefined();
    expect(readAskedAnswer("客服電話幾點到幾點").number).toBeUndefined();
    expect(readAskedAnswer("服務台的電話和地址").number).toBeUndefined();
    // A shot is no number to call.
    expect(readAskedAnswer("流感疫苗要打哪支").number).toBeUndefined();
    // The asker's own number, given or required.
    for (const question of ["寄件要填電話號碼嗎", "收件人的電話號碼是必填嗎", "phone number required for pickup?"])
      expect(readAskedAnswer(question).number).toBeUndefined();
  });

  it("are figures grouped as numbers to call are, not a count written with spaces", () => {
    const asked = readAskedAnswer("customer service phone number");
    for (const number of ["02-2758-6168", "+886 2 2758 6168", "0800 555 019", "ext. 401"])
      expect(answerFit(`Call ${number}.`, asked).fits).toBe(true);
    expect(answerFit("去年共有 08 3000 人次使用。", asked).fits).toBe(false);
    // Before a comma, as a sentence goes on after the number.
    expect(answerFit("撥打掛失專線 (07) 555-0199，或線上掛失。", asked).fits).toBe(true);
  });
});

describe("who", () => {
  it("asks who qualifies, not whom to see, when it asks who can or may", () => {
    for (const question of ["Who can apply for a business account?", "who may borrow the laptops"]) {
      expect(askedAnswerTypes(question)).toContain("eligibility");
      expect(askedAnswerTypes(question)).not.toContain("office");
    }
    expect(askedAnswerTypes("who do I talk to about my grades")).toContain("office");
    expect(askedAnswerTypes("Who can I talk to about a refund?")).toContain("office");
    expect(askedAnswerTypes("who can help me with my visa")).toContain("office");
  });
});

describe("fees and dates named as topics", () => {
  it("asks for the fee, not steps or a date, when the date and the fee's procedure are only what it is about", () => {
    expect(askedAnswerTypes("經濟艙標準票更改日期或航班的手續費是多少？")).toEqual(["amount"]);
    expect(askedAnswerTypes("辦理退票的手續")).toContain("steps");
    expect(askedAnswerTypes("出發日期是哪天")).toContain("date");
    expect(askedAnswerTypes("畢業典禮日期")).toContain("date");
    // The day of an event, named by the event.
    expect(askedAnswerTypes("獎助學金結果公告日？")).toEqual(["date"]);
    expect(askedAnswerTypes("報名截止日是哪天")).toContain("date");
  });

  it("asks for the figure asked of a procedure named, and for its steps only when also asked how", () => {
    expect(askedAnswerTypes("出院當天要在幾點前辦好出院手續？")).toEqual(["time"]);
    expect(askedAnswerTypes("How long does the process take?")).toEqual(["duration"]);
    expect(askedAnswerTypes("怎麼辦手續，要多久")).toEqual(["duration", "steps"]);
    expect(askedAnswerTypes("出院手續")).toEqual(["steps"]);
    expect(askedAnswerTypes("申請流程是什麼？要多久？")).toEqual(["duration", "steps"]);
    expect(askedAnswerTypes("What is the procedure and how much does it cost?")).toContain("steps");
  });

  it("names the fee whose amount is asked, in full or short, not a word for any amount", () => {
    const feeNamed = (question: string, text: string) =>
      readAskedAnswer(question).fee?.test(normalizeForMatching(text)) ?? "no fee";
    expect(feeNamed("手機安心保一個月保費多少", "每月保險費 NT$ 99")).toBe(true);
    expect(feeNamed("手機安心保一個月保費多少", "理賠自負額 NT$ 3,000")).toBe(false);
    expect(feeNamed("學費多少", "學雜費合計 NT$ 30,330")).toBe(true);
    expect(feeNamed("違約金多少", "違約金每期 NT$ 300")).toBe(true);
    expect(feeNamed("金額多少", "NT$ 5")).toBe("no fee");
    expect(feeNamed("停車收費多少", "停車費每小時 NT$ 40")).toBe("no fee");
    expect(feeNamed("學費可以分期嗎", "學費")).toBe("no fee");
    // So is the fee whose reckoning is asked.
    expect(feeNamed("加班費要怎麼算？", "時薪 NT$ 210，每月工時上限 40 小時")).toBe(false);
    expect(feeNamed("加班費要怎麼算？", "加班費按時薪 1.34 倍計")).toBe(true);
    // In English, the word naming it, asked how much or whether it is charged at all.
    expect(feeNamed("How much is the handling fee at the post office?", "Post office: up to 3 working days")).toBe(
      false,
    );
    expect(feeNamed("What is the late fee?", "Late fee: NT$ 100")).toBe(true);
    expect(feeNamed("Is there an application fee for the scholarship?", "Monthly stipend NT$ 10,000")).toBe(false);
    expect(feeNamed("what is the total fee", "NT$ 5")).toBe("no fee");
    expect(feeNamed("Can I pay the late fee online?", "Late fee: NT$ 100")).toBe("no fee");
  });
});

describe("the event whose date is asked", () => {
  it("is named by the question, and a date is for it when the sentence ties them together", () => {
    const forEvent = (question: string, sentence: string) => answerFit(sentence, readAskedAnswer(question)).forEvent;
    expect(forEvent("獎助學金結果公告日？", "審查結果預定於114年11月14日公告於網站。")).toBe(true);
    expect(forEvent("獎助學金結果公告日？", "獎助學金於每月10日撥入帳戶，首次撥款於結果公告後次月補發。")).toBe(false);
    expect(forEvent("什麼時候公告結果", "公告日期：11月14日")).toBe(true);
    expect(forEvent("畢業典禮日期", "典禮於6月14日舉行。")).toBe(false);
  });

  it("is the doing before 日 when a day is named alone, stated by a day of the month or of the week", () => {
    const forEvent = (question: string, sentence: string) => answerFit(sentence, readAskedAnswer(question)).forEvent;
    expect(forEvent("回收物收運日", "回收物由清潔隊每週二、五上午收運。")).toBe(true);
    expect(forEvent("回收物收運日", "農曆除夕至初五，清運公司停止收運。")).toBe(false);
    expect(forEvent("信用卡扣款日", "每月5日自動扣款，免手續費。")).toBe(true);
    // Counted from the day asked, a figure does not state it.
    expect(forEvent("信用卡扣款日", "請於扣款日前10天以書面通知財務櫃台。")).toBe(false);
  });
});
