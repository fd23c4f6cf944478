import { withQuestionWordsWritten } from "../text/near-spellings.js";
import { foldedPattern, hasHan, normalizeForMatching, withChineseQuestionWordsWritten } from "../text/normalize.js";
import { soundsLikeWithOneSlip } from "../text/sound-alike.js";
import { isKnownWord } from "../text/word-specificity.js";
import { monthsIn } from "./months.js";
import { piecesEndedByQuestionMarks } from "./separate-questions.js";

/**
 * What a question asks for, and whether a sentence holds an answer of that kind: the composer
 * prefers a sentence that can answer ("多少錢" wants an amount, "how long" a duration), and
 * confidence falls when the quoted text cannot. The patterns are about how Chinese and English ask
 * and state these things, not about any one organisation's documents.
 */
export type AnswerType =
  | "amount"
  | "duration"
  | "time"
  | "date"
  | "count"
  | "measure"
  | "contact"
  | "office"
  | "eligibility"
  | "documents"
  | "steps"
  | "reason"
  | "consequence"
  | "name"
  | "yesno";

function pattern(source: string): RegExp {
  return foldedPattern(source, "iu");
}

const CN_NUMBER = "[0-9一二三四五六七八九十百千萬兩半幾]";
const CN_WORD_NUMBER = "[一二三四五六七八九十百千萬兩半幾]";
const EN_NUMBER = "(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)";
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const WEEKDAY = "(?:mon|tues|wednes|thurs|fri|satur|sun)day";

/**
 * Hours named after what keeps them ("mail room hours", "pool hours", "opening hours"): when it is
 * open, not how many hours something lasts (48 hours, "how many hours", credit hours).
 */
const PLACE_HOURS =
  "\\b(?!(?:how|many|more|few|fewer|several|extra|additional|credit|overtime|volunteer|work|working|study|contact|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|\\d+)\\b)[a-z]+ hours\\b(?! (?:of|before|after|in advance|ahead|later|long|per|a (?:day|week|month)))";

/** Units of time a duration is counted in, by the word a question or a sentence uses. */
const DURATION_UNITS = {
  year: "年|學年",
  month: "個月",
  week: "週|周|星期|禮拜",
  // Days counted of one kind: 7 個開館日, 3 個營業日, as "3 business days".
  day: "天|日|(?:工作|營業|上班|上課|開館|開放|辦公|日曆)(?:天|日)",
  hour: "小時|鐘頭",
  minute: "分鐘",
  term: "學期",
} as const;
type DurationUnit = keyof typeof DURATION_UNITS;
const EN_DURATION_UNITS: Record<DurationUnit, string> = {
  year: "years?",
  month: "months?",
  week: "weeks?",
  day: "(?:working |business |calendar )?days?",
  hour: "hours?",
  minute: "minutes?",
  term: "semesters?|terms?",
};
const ANY_UNIT = Object.values(DURATION_UNITS).join("|");
/** An age asked for: 「幾歲」, 「年齡限制」, "how old", "what age", "the age requirement". */
const ASKS_AGE_SOURCE =
  "(幾|多少)歲|年齡(限制|規定|上限|下限|要求)|\\bhow old\\b|\\b(what|which) age\\b|\\bage (limit|requirement|restriction|range)s?\\b";
/** Points of a reward scheme named: 幾點 then asks how many points, not what time (「紅利點數…要幾點」). */
const POINTS_WORDS = "點數|紅利|積點|集點|回饋點|\\bpoints?\\b";
const POINTS_NAMED = `(?<=(${POINTS_WORDS})[^]*)`;
const POINTS_UNNAMED = `(?<!(${POINTS_WORDS})[^]*)`;
/** What things are counted in: 本, 冊, 學分, 歲… (a question's "幾本", a sentence's "20 冊", "年滿 14 歲"). */
const COUNT_UNITS =
  "本|冊|門|次|人|位|學分|件|張|份|間|項|科|堂|台|部|名|種|條|歲|座|所|家|隻|枚|架|艘|輛|棟|省|屆|場|篇|首|幅|顆|株|棵|批|組|雙|套|戶";
const ANY_EN_UNIT = Object.values(EN_DURATION_UNITS).join("|");

/**
 * After 期間 or 期限, what makes it the thing asked for ("申請期間是", "有期限嗎", a question ending on
 * it), not the time a question is about ("停話期間要付月租嗎", "期限內可以退嗎").
 */
/**
 * What happens on a day a question asks for (公告 of 「結果公告日」 and 「什麼時候公告」): a date is its
 * answer where the sentence ties it to that event (「預定於11月14日公告」), not another day beside it.
 */
const EVENT_WORDS =
  "(?:公告|公布|截止|開始|結束|報名|繳費|發放|撥款|入帳|開學|放榜|考試|申請|繳交|到期|生效|實施|開放|出貨|到貨|發薪|撥付|領取|寄出|通知)";
const ASKED_AS_TOPIC = "(?=\\s*(?:是(?!否)|為|從|到(?!了)|在|呢|嗎|多久|何時|什麼|什么|哪|幾|几)|[\\s?？]*$)";

/**
 * 時間 as the thing asked for (「探病時間」, 「申請時間是」, 「處理時間呢」, 「什麼時間舉行」): a time of day, a date or a
 * period, whichever the place's text gives, is its answer, not a sentence that states none. Not one
 * had, spent or changed (「老師有時間嗎」, 「可以改時間嗎」), nor asked yes or no of.
 */
const TIME_AS_TOPIC =
  "(?<!有|沒)(?:什麼|甚麼|啥|哪個)時間(?!限制)|(?<!有|沒|改|換|延長|花|省|浪費|節省|多少|很多)時間(?=\\s*(?:是(?!否|不是)|為|呢|多久|何時|什麼|哪|幾)|[\\s?？]*$)";

/**
 * After a contact's name (電話, 地址…), what makes it the thing asked for ("客服電話多少", "地址在哪", a
 * question ending on it), not the topic of another ("客服電話幾點到幾點" asks a time).
 */
const NAMED_AS_ASKED = "(?=\\s*(?:是(?!否)|為|多少|幾號|號碼|在哪|呢|嗎)|[\\s?？]*$)";

/**
 * Whom to call asks for a number to call: 打給誰, 打哪支電話, "who should I call", "what number do I
 * call" (not 「疫苗要打哪支」).
 */
const WHOM_TO_CALL =
  "(打|撥|打電話)給誰|打去哪|打哪(一)?支(電話|專線|號碼)|\\bwho (do|should|can|could) (i|we) (call|ring|phone)\\b|\\bwhat number\\b[^?]*\\b(call|dial|ring)\\b|\\bnumber to (call|dial|ring)\\b";

/** How to do something, asked: not what follows from something (會怎樣, 會如何, 怎麼樣 "how about it"), nor how a figure is reached (怎麼算, 如何計費). 怎麼付費 asks how to pay. */
const ASKS_HOW =
  "(?<!會|被)(怎麼|如何|怎樣)(?!樣|算|計算|收費|計費)|\\bhow (do|can|should|would|to|does)\\b|(步驟|流程|手續(?!費)|程序)(是|有)?(什麼|哪些)|\\bwhat (is|are) the (steps|procedure|process)\\b";
/** A procedure named: what its steps answer when it is asked how, or when it is the thing asked about. */
const NAMES_PROCEDURE = "步驟|流程|手續(?!費)|程序|\\bsteps?\\b|\\bprocedure\\b|\\bprocess\\b";

/**
 * Not a fee that a "can I" question asks to pay, waive or dispute, in the same clause: "can I pay
 * my fines with LINE Pay" asks yes or no; "can I get the price list", "is there a fee" and "can I pay
 * online and what is the fee" ask an amount.
 */
const FEE_NAMED_EN =
  "(?<!^\\s*(?:(?:hi|hello|hey)[,!]?\\s+)?(?:can|could|may) (?:i|we) (?:pay|waive|refund|split|appeal|dispute|reduce|cover|transfer|use)\\b(?:(?!\\band (?:what|how)\\b)[^?,.;!:–-])*)";

/**
 * A rate or share asked for (通過率多少, 稅率, 幾成, "what is the pass rate"): not a frequency's,
 * an exchange rate's or a speed's, which are stated in units of their own, nor a price ("the daily
 * rate for a locker", "room rates"), a plan or the verb ("rate a course").
 */
const ASKS_RATE_SOURCE =
  "(?<![頻匯速功心])率(是|為|大概|大約|約|有|要)?(多少|幾)|幾成(?![人年員績])|百分之幾|多少(%|％|趴)|百分比|\\b(tax|interest|pass|passing|success|acceptance|admission|approval|completion|attendance|dropout|failure|discount|commission|vacancy|occupancy|employment|graduation|return|refund) rates?\\b|\\bwhat percentage\\b|\\b(what|how much)( is| are|'s) the interest\\b(?! in\\b)";

/**
 * A day named and nothing more, as a search box is typed (扣款日, 收運日, 休館日): the day is what is
 * asked. Not a weekday, a span of days or an everyday word ending in 日 (每日, 假日, 工作日, 生日).
 */
const DAY_NAMED_AS_ASKED =
  "^[^,.?!，。？！\\s]{0,10}\\p{Script=Han}(?<![週周期拜每當今明昨本即整平假節半全終隔次翌擇逐近白作末前後上下數幾多兩一二三四五六七八九十生])日\\s*[?？]*\\s*$";

/** The verbs an English yes-or-no question opens with ("can I…", "is there…"). */
const EN_AUXILIARY = "can|could|may|is|are|am|do|does|did|will|would|should|must";

/**
 * A deposit or rent named and nothing more, as a search box is typed ("filming deposit", "locker
 * rent?"): its amount is asked, as for 押金 and 租金. Not one a verb or a question word opens ("how
 * do I get my deposit back", "pay the deposit").
 */
const DEPOSIT_NAMED_AS_ASKED =
  "^\\s*(?!(?:how|what|when|where|why|who|which|can|could|do|does|is|are|will|would|should|pay|paying|get|getting|refund|return|waive)\\b)(?:[a-z'-]+\\s+){0,3}(?:deposits?|rent)\\s*[?？]*\\s*$";

/** Pay asked for by its name: 時薪, 薪水, "the hourly pay", "salary". */
const PAY_NAMED_AS_ASKED =
  "(時薪|日薪|月薪|年薪|薪水|薪資|工資|待遇)\\s*[?？]*\\s*$|\\b(hourly|daily|weekly|monthly|annual|yearly|base|starting) (pay|wages?|salary)\\b|\\bsalar(y|ies)\\b|\\bwages?\\b|\\bstipends?\\b|\\bpay rates?\\b|\\brates? of pay\\b";

/** What is numbered in a building: 幾號 before one of these asks which, not which day. */
const NUMBERED_PLACES = "房|室|櫃台|櫃檯|窗口|出口|門";
/** Where in a building, asked: a floor, a room, a counter, an exit (幾樓, 哪個窗口, "which room"). */
const ASKS_ROOM_SOURCE = `幾樓|哪一?樓|哪一?(間|個)?(教室|房間|辦公室|櫃台|櫃檯|窗口|出口|門)|幾號(${NUMBERED_PLACES})|\\b(which|what) (floor|room|building|counter|window|exit|gate)\\b`;

/** How each kind of question is asked. Order matters only for which type is listed first. */
const ASKS: [AnswerType, RegExp][] = [
  [
    "amount",
    pattern(
      `多少錢|幾(塊|元)|多少元|(?<![繳缴退付免交減补補])(費|費用)\\s*[?？]*\\s*$|(價格|價錢|租金|罰款|罰鍰|押金|保證金)\\s*[?？]*\\s*$|(費|錢|金|價|租|罰|薪|(?<=[金保餘])額)[^,.?!，。？！]{0,6}(多少|幾)|${PAY_NAMED_AS_ASKED}|${DEPOSIT_NAMED_AS_ASKED}|(費用?|價錢|價格|租金|罰款|罰鍰)(要|是)?(怎麼|如何|怎樣)(算|計算|計|收)|(繳|付|交|賠|花|收|扣)(了|掉)?多少(?!\\s*(個|${COUNT_UNITS}|學生|時間|${ANY_UNIT}))|收費|收(?!到|不到|得到|據|件|貨|集|藏|信|聽|看|假)[^,.?!，。？！]{0,4}費|價格|價錢|要錢|收錢|付錢|付費|免費|\\bhow much\\b(?! (time|longer))(?![^?]*\\bweigh)|\\bhow (big|large)\\b|${FEE_NAMED_EN}\\b(costs?|prices?|fees?|charged?|fines?)\\b|\\bwhat (do|does|will|would|should|must) (i|we|you|they|he|she)( have to| need to)? pay\\b(?! (with|by|at|in|online|for it with))|\\b(most|least|maximum|minimum|max|min) (i|we|you|they|one)('d|'ll| would| will| could| can| might| must| should)?( have to| need to)? (pay|be charged)\\b|\\b(do|does|will|would|should|must) (i|we|you|they|he|she)( have to| need to)? pay (anything|something|extra|more|for(?! (it|this|that|them) (online|by|with|in|at)\\b))\\b|\\bfree or (not|paid|do|does|is|will|must|should|cost)\\b|\\b(for free|free of charge)\\s*[?？]|\\bcosts? anything\\b|\\bcharged? (anything|extra)\\b|\\bis there (a|any) (fee|charge|cost)\\b|(要|得|需要)(付|賠|繳)(什麼|哪些)(?!\\s*(資料|文件|證件|表|照片|證明|東西))(費用?|錢)?`,
    ),
  ],
  [
    "duration",
    pattern(
      // A time limit (期限, 效期) is stated as a period as often as by a date: "1 年內有效".
      `多久|多長|多少時間|${TIME_AS_TOPIC}|(?:期限|有?效期)${ASKED_AS_TOPIC}|(?<!哪|西元|公元|民國|這|那|近|前|過去)(幾|多少)(個)?(年(?!級|輕|紀|代|齡|度|底|初|間)|學年|個月|週|周|星期|禮拜|天|工作天|小時|鐘頭|分鐘|學期)|(?<!月\\s*)(幾|多少)(個)?(工作日|日(?=\\s*(內|之內|以內|前|後|才|可|能|會|[?？]|$)))|提前|\\bhow long\\b|\\bhow many (${ANY_EN_UNIT})\\b|\\bhow (far|long) (in advance|ahead|before)\\b|\\bhow (early|soon)\\b|\\b(response|processing|turnaround|waiting|wait|delivery|shipping|lead|reply|review|approval) times?\\b`,
    ),
  ],
  [
    "time",
    pattern(
      `${TIME_AS_TOPIC}|${POINTS_UNNAMED}幾點|開放時間|營業時間|服務時間|上班時間|開館|閉館|開門|關門|(有沒有|沒有|有)(開門?|上班|營業|辦公)(?=\\s*(嗎|呢)?\\s*[?？]*\\s*$)|(開不開|上不上班|營不營業)(?=\\s*(呢)?\\s*[?？]*\\s*$)|\\bwhat time\\b|\\b(what|which) hours\\b|${PLACE_HOURS}|\\b(when|until|till)\\b.{0,40}\\b(open|close|leave|depart|arrive|run|start|finish)s?\\b|\\b(open|close)s? (at|until|till|on)\\b`,
    ),
  ],
  [
    "date",
    pattern(
      `${TIME_AS_TOPIC}|什麼時候|何時|(西元|公元|民國)(前)?(幾|多少)年|哪(一|兩|幾|個|一個|一段)?(天|年|月|日|週|周|世紀|年代|朝代|時期)|${DAY_NAMED_AS_ASKED}|(星期|禮拜|週)幾|何年|幾月|幾號(?!${NUMBERED_PLACES})|第幾週|(?:日期|期限|期間)${ASKED_AS_TOPIC}|截止|最晚|最後一天|${EVENT_WORDS}日${ASKED_AS_TOPIC}|^\\W*when\\b|^(?!\\W*(?:can|could|is|are|am|do|does|did|how|will|would|should|may|must)\\b)[^?？]*?(?<!up to )\\bdates?[\\s?？]*$|\\bwhen (is|are|was|were|do|does|did|can|could|will|would|should|must|shall)\\b|\\bdeadline\\b|\\bdue\\b|\\bwhat (date|year|days?)\\b|\\bwhich (days?|dates?|weeks?|months?|years?|century|centuries)\\b|\\blast day\\b`,
    ),
  ],
  [
    "count",
    pattern(
      `(幾|多少)(個)?(${COUNT_UNITS})|${POINTS_NAMED}幾點|(幾|多少)個(?!月|小時|鐘頭|學期|星期|禮拜|工作天)|\\bhow many\\b(?! (${ANY_EN_UNIT}))|${ASKS_AGE_SOURCE}|\\bwhat (score|grade|percentage)\\b|\\b(max|maximum|minimum|min|limit)\\b|上限|最大(值|量|數|限度)|最小(值|量|數)|${ASKS_RATE_SOURCE}`,
    ),
  ],
  [
    "measure",
    pattern(
      "規格|尺寸|大小(?![寫写事姐便])|(?<![很許太好眾諸])多(大(?!學)|寬|高|厚)(?!年紀|歲)|(?<![很許太好眾諸])多重(?![國身要])|最重(?!要|視|點)|最大(尺寸|重量)|重量(?!訓練)|容量|\\b(size|dimensions?|weighs?|weight|capacity|specs?|specifications?)\\b|\\bhow (big|large|heavy|wide|tall|thick)\\b|\\bhow many (kg|kilos?|kilograms?|pounds|lbs|km|kilometres|kilometers|miles)\\b|\\bhow far\\b(?! (in advance|ahead|before))|\\bdistance\\b|多遠|距離多|多少公里|(?<!年)(幾|多少)度(?!假|的)|溫度|水溫|\\btemperature\\b|\\bhow (hot|cold|warm)\\b",
    ),
  ],
  [
    "eligibility",
    pattern(
      "資格(?!考)|條件|誰(可以|能)|哪些人|什麼人|\\beligib|\\bqualif|\\brequirements?\\b|\\bwho (can|may|is allowed)\\b",
    ),
  ],
  [
    "documents",
    pattern(
      "(帶|準備|附|繳交|交|檢附|攜帶)(什麼|哪些)|什麼(證件|文件|資料)|需要哪些|\\bwhat (do i|should i|to) (need|bring|prepare|submit)\\b|\\bwhat documents\\b|\\bwhich documents\\b",
    ),
  ],
  [
    "contact",
    pattern(
      `在哪(?!一?(個|段)?(年|天|日|月|週|周|時候|時期|世紀|年代|朝代))|哪裡|哪邊|幾樓|哪一?樓|樓層|地點|位置|(地址|電話|分機|網址|網站)${NAMED_AS_ASKED}|(信箱|email|e-mail)(是|為|多少|在哪)|聯絡|聯繫|${WHOM_TO_CALL}|${ASKS_ROOM_SOURCE}|\\bwhere\\b|\\bphone\\b|\\bcontact\\b|\\baddress\\b|\\be-?mail (address|of)\\b|\\bwebsite\\b|\\blink\\b`,
    ),
  ],
  [
    "office",
    // "Who can apply" asks who qualifies (eligibility), not whom to see; "who can I talk to" does.
    pattern(
      "找誰|向誰|問誰|哪個(單位|處|組|辦公室)|哪一個單位|\\bwho\\b(?! ((can|may|is allowed to|are allowed to) (?!i\\b|we\\b|you\\b|help\\b|assist\\b|tell\\b|answer\\b|advise\\b)|is eligible|are eligible|qualif))|\\bwhom\\b|\\bwhich (office|department)\\b",
    ),
  ],
  ["steps", pattern(`${ASKS_HOW}|${NAMES_PROCEDURE}`)],
  ["reason", pattern("為什麼|為甚麼|為何|原因|理由|怎麼會|\\bwhy\\b|\\bwhat is the reason\\b|\\bhow come\\b")],
  // What follows from something: "預約未到會怎樣", "what happens if my ARC expires".
  [
    "consequence",
    pattern(
      "會(怎樣|怎麼樣|如何)|會有什麼(後果|影響|處罰|處分)|(?<!(資料|個資|資訊|文件|檔案|東西|包裹)[^，。？?！!]{0,2})被(怎麼|如何|怎樣)(處理|罰|處罰|處分|懲處|懲罰|對待)|後果|罰則|\\bwhat (happens|will happen|would happen)\\b|\\bwhat if\\b|\\bconsequences?\\b|\\bpenalt(y|ies) (for|of|if)\\b",
    ),
  ],
  // The name something goes by: 「班主任叫什麼名字」, 「哪一家加油站」, "what's the name of the network".
  [
    "name",
    pattern(
      "叫什麼(名字)?|什麼名字|名字是|名稱(是|為|叫)|哪一?家(?!人|裡|里)|(什麼|哪個|哪一個)(牌子|品牌|廠牌)|哪一?間(公司|銀行|醫院|診所)|\\bwhat(?:'s| is| are)? (the )?names?\\b|\\bwhat (is|'s) (it|she|he|they) called\\b|\\bwhich (company|companies|brand|brands|bank|banks|chain|provider|carrier|gas station|petrol station)\\b",
    ),
  ],
  [
    "yesno",
    pattern(
      `嗎\\s*[?？]*\\s*$|可不可以|能不能|可否|是否|有沒有|會不會|要不要|需不需要|用不用|行不行|^\\s*(${EN_AUXILIARY}|have|has)\\b|([.!;]\\s+|^\\s*(if|when|once|after|before|since|because|as)\\b[^?.!]{1,80}?,\\s*|^\\s*(so|and|but|also|then|ok|okay|hi|hello),?\\s+)(${EN_AUXILIARY})\\b(?! (you|u) (please )?(tell|show|let|give) me\\b)`,
    ),
  ],
];

/** How to do something, or what a procedure is, asked for (see ASKS_HOW). */
const ASKS_HOW_PATTERN = pattern(ASKS_HOW);

/**
 * The fee a question asks the amount of (保費 of 「一個月保費多少」, 違約金, 加班費 of 「加班費怎麼算」): a quoted amount of a fee
 * that the quote does not name (a deductible, for the premium asked) does not answer it. Its name
 * ends the words before 多少 as fees' names end; not a word for any amount or charge (金額, 收費).
 */
const FEE_BEFORE_AMOUNT = pattern(
  "(\\p{Script=Han}[費金額款租])(是|要|大概|大約|一共|總共)?(多少|幾[元塊]|(怎麼|如何|怎樣)(算|計算|計|收))",
);
const ANY_AMOUNT = pattern("^(金額|總額|全額|差額|餘額|收費|費用|付費|繳費)$");
/** In English, the word naming a fee ("the handling fee", "an application fee"), matched as written. */
const ENGLISH_FEE_NAME = /\b(?:the|an?|any|your|my|this|that)\s+([a-z]{3,})\s+(?:fee|charge|fine|deposit)s?\b/u;
/** Words for any fee or how much of it, not which fee (an extra charge, the total fee). */
const ANY_FEE_EN =
  /^(?:extra|total|additional|other|same|such|usual|standard|full|flat|minimum|maximum|first|whole|overall|exact)$/u;
/** A question whether a fee named is charged at all asks its amount too ("Is there an application fee?"). */
const ASKS_WHETHER_FEE = /\b(?:is|are) there (?:an?|any) [a-z]{3,} (?:fee|charge)s?\b/u;

/**
 * The fee named before the amount asked, as a pattern its name matches written in full or short:
 * its last two characters, one more between them allowed (保費 and 保險費, 學費 and 學雜費).
 */
function feeAskedIn(folded: string): RegExp | undefined {
  const english = ENGLISH_FEE_NAME.exec(folded)?.[1];
  if (english !== undefined && !ANY_FEE_EN.test(english)) return new RegExp(`\\b${english}`, "u");
  const name = FEE_BEFORE_AMOUNT.exec(folded)?.[1];
  if (!name || ANY_AMOUNT.test(name)) return undefined;
  const [first, last] = [...name];
  return new RegExp(`${first}\\p{Script=Han}?${last}`, "u");
}

/**
 * The names forms and tables give a field of each kind ("金額：每學期 NT$ 20,000", "Fee: NT$ 300"):
 * a line labelled so states that kind of answer about its subject, rather than mentioning one in
 * passing ("對象：家庭年收入在 NT$ 70萬元以下").
 */
const FIELD_NAMES: Partial<Record<AnswerType, RegExp>> = {
  amount: pattern(
    "^(金額|費用|規費|收費|價格|價錢|售價|租金|費率|罰款|罰鍰|押金|保證金|fees?|prices?|costs?|charges?|amount|rent|deposit|fines?)$",
  ),
  duration: pattern("^(期限|效期|有效期間?|處理時間|工作天數|duration|length|validity|processing time)$"),
  time: pattern("^(時間|開放時間|服務時間|營業時間|上班時間|(opening |office |service )?hours|times?)$"),
  date: pattern("^(日期|期間|期限|截止日?|申請期間|繳費期間|dates?|deadline|period)$"),
  count: pattern("^(名額|數量|上限|人數|次數|quota|limit|number|maximum)$"),
  eligibility: pattern("^(對象|資格|條件|申請資格|申請對象|適用對象|eligibility|who can apply|requirements?)$"),
  documents: pattern("^(應備文件|應附文件|文件|證件|攜帶物品|documents|what to bring|required documents)$"),
  contact: pattern("^(地點|地址|電話|聯絡方式|聯絡電話|分機|信箱|位置|location|address|phone|contact|e-?mail)$"),
  office: pattern("^(承辦單位|主辦單位|負責單位|單位|窗口|office|department)$"),
};

/**
 * The words a section heading names a field with ("Documents to bring", 「申請資格」, 「申請步驟」):
 * the list under it states that field, item by item. English ones open the heading, so that "Lost
 * documents", "System requirements" and "How to get here" name no such field.
 */
const FIELDS_IN_HEADINGS: Partial<Record<AnswerType, RegExp>> = {
  documents: pattern(
    "應備文件|應附文件|應攜帶|攜帶物品|所需文件|需備文件|^\\s*(required documents|documents?( to bring| needed| required| you need)?|what to bring)\\b",
  ),
  eligibility: pattern("申請資格|資格條件|適用對象|申請對象|申請條件|^\\s*(eligibility|who can apply)\\b"),
  steps: pattern(
    "步驟|申請流程|辦理流程|申請方式|辦理方式|^\\s*(steps|how to (apply|register|renew|book|order|sign up)|procedure)\\b",
  ),
};

/** Whether a section heading names a field of the kind asked (see FIELDS_IN_HEADINGS). */
export function headingNamesAskedField(heading: string, asked: AskedAnswer): boolean {
  const name = normalizeForMatching(heading);
  return asked.types.some((type) => FIELDS_IN_HEADINGS[type]?.test(name) ?? false);
}

/** Whether `label`, the name a line gives its value, names a field of a kind the question asks for. */
export function namesAskedField(label: string, asked: AskedAnswer): boolean {
  const name = normalizeForMatching(label).trim();
  return asked.types.some((type) => FIELD_NAMES[type]?.test(name) ?? false);
}

const ASKS_A_QUANTITY = pattern("多少|幾(?!乎)");

/** An age is no time taken: "5 years old", "five-year-olds", "16 years of age". */
const NOT_AN_AGE_EN = "(?![\\s-]+(olds?|of\\s+age)\\b)";

/** "There is none" answers "when" and "how long" too: 沒有期限, "no deadline". */
const THERE_IS_NO_TIME_LIMIT = "沒有期限|無期限|不限期|\\bno (deadline|time limit)\\b";

/**
 * A day stated: 9月4日, 2026/9/4, 週二, 初三, "May 4", "Tuesdays", 每月5日, "the 5th of each month", or
 * that there is no last day: what answers which day (哪一天, "what date").
 */
const DAY_STATED = `${THERE_IS_NO_TIME_LIMIT}|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*(日|號)|(?<!\\d)\\d{1,2}/\\d{1,2}(?!\\d)|(週|星期|禮拜)[一二三四五六日天]|初[一二三四五六七八九十]|\\b${MONTH}\\s+\\d{1,2}(st|nd|rd|th)?\\b|\\b\\d{1,2}(st|nd|rd|th)?\\s+(of\\s+)?${MONTH}|\\b${WEEKDAY}s?\\b|(每|次|下|隔|當|本|前)個?月\\s*\\d{1,2}\\s*(日|號)|\\b\\d{1,2}(st|nd|rd|th) (day )?of (the |each |every )?(following |next |previous |same )?month\\b|\\b(by|on|before|after|until) the \\d{1,2}(st|nd|rd|th)\\b(?=\\s*($|[,.;:!?)]|(day )?of\\b|(at|by|before) \\d|each\\b|every\\b))|\\blast day of (the |each |every )?(following |next )?month\\b|(?<![\\d-])(?:(?:1[5-9]|20)\\d{2}|1\\d{2})\\s*[/.-]\\s*(?:0?[1-9]|1[0-2])\\s*[/.-]\\s*\\d{1,2}(?!\\d)|(十[一二]?|[一二三四五六七八九])月[一二三四五六七八九十]+[日號]`;
/** A date no finer than a month or a year, or a period (1453年, 9月, 學期初, 明代, "in 1989"). */
const PERIOD_STATED = `(?<!\\d)\\d{3,4}\\s*年(?!度|級)|[〇零一二三四五六七八九]{4}年|西元|世紀|年代|\\b(in|since|from|until|till|by|before|after|during|year|of) (1[5-9][0-9]{2}|20[0-9]{2})\\b|(?<![\\d-])\\b(1[5-9][0-9]{2}|20[0-9]{2}) ?(–|-|to) ?((1[5-9]|20)[0-9]{2}|[0-9]{2})(?![0-9])|(?<![\\d-])(?:1[5-9]|20)\\d{2}\\s*[年/-]\\s*(?:0?[1-9]|1[0-2])(?!\\d)|第\\s*${CN_NUMBER}+\\s*週|(?<![\\d.個])\\d{1,2}\\s*月(?!\\s*\\d)|(?<![一二三四五六七八九十個])(十[一二]?|[一二三四五六七八九])月|\\b(january|february|march|april|june|july|august|september|october|november|december)\\b|\\b(in|of|during|until|by|before|after|from) may\\b|\\bweek \\d+\\b|(開學|學期|學年|寒假|暑假|期中考?|期末考?)(前|後|初|末|結束|開始)|[公西]元前|年間|時期|時代|[初中末]期|[漢晉隋唐宋元明清][代朝初末]|\\b(start|end|beginning|middle) of (the |each |every )?(semester|term|month|year|week)\\b`;

/**
 * An hour of the day as Chinese writes it: 九點, 3 點, 「下午 3 時」, 「下午五時」; not a count before
 * 時, which is "when" (「人數未達 10 時」).
 */
const HOUR_STATED =
  "\\d{1,2}\\s*點|(?<![\\d.])(?<!(達|過|滿|於|足)\\s*)\\d{1,2}\\s*時(?![間段數效])|(上午|下午|中午|晚上|早上|凌晨)\\s*(十[一二]?|[一二三四五六七八九兩])\\s*時|(十[一二]?|[二三四五六七八九兩])\\s*點";

/** A place in a building stated: 2 樓, B1, 205 室, 3 號窗口, 大廳旁, "Room 205", "on the ground floor". */
const ROOM_STATED =
  "\\d+\\s*(樓|f\\b)|\\bb\\d|地下|\\d{1,4}\\s*(室|號房|號櫃台|號櫃檯|號窗口|號門|號出口)|(櫃台|櫃檯|窗口|出口|入口)\\s*\\d|大樓|大廳|服務台|位於|旁(?!聽)|對面|\\b(room|floor|level|building|counter|window|desk|exit|gate|entrance|lobby|wing|block)\\s*[a-z]?\\d|\\b(building|hall|tower|annex)\\b|\\b(ground|first|second|third|fourth|fifth|top|basement|\\d+(st|nd|rd|th)) (floor|level)\\b|\\b(located|next to|opposite|beside|lobby|wing|upstairs|downstairs)\\b";

/** How each kind of answer is stated. */
const HOLDS: Record<AnswerType, RegExp> = {
  amount: pattern(
    "(費|金額|價|租金|罰款|押金)[^,.;，。；]{0,8}(?<![A-Za-z])\\d(?![\\d,.]*\\s*(樓|號|室|個|天|日|月|年|小時|分鐘|歲|人|次|週|堂|本|張|公斤|公分|kg|cm|[A-Za-z](?![A-Za-z])))|\\b(fees?|tuition|price|cost|charge|fine|deposit)s?\\b[^.;]{0,20}(?<![A-Za-z])\\d(?![\\d,.]*\\s*(days?|weeks?|months?|years?|hours?|minutes?|mins?|times?|people|persons?|members?|(working|business|calendar) days|%|am|pm|th|st|nd|rd)\\b)|NT\\$|新臺幣|新台幣|[$€£¥]\\s?\\d|\\d[\\d,]*(\\.\\d+)?\\s*[萬億]?\\s*(元|塊|美元|美金|歐元|日圓|日元|英鎊|港元|港幣|人民幣|馬克|法郎|盧布)|\\b\\d[\\d,.]*\\s*(euros?|pounds?|yen)\\b|[一二三四五六七八九十百千萬兩]+元|\\bdollars?\\b|免費|免收(?!據|件)|不收費|不(另外?|再|會|須|需)?(收取?|加收)(?!現金|零錢|硬幣|紙鈔|支票|信用卡)(任何)?[^，。；,.;!?]{0,8}(費|錢|金)|\\bfree\\b|\\bno (extra |additional )?(charges?|fees?)\\b|\\bat no (extra |additional )?cost\\b|(\\bnot|n't) (be )?charged\\b",
  ),
  duration: pattern(
    `${THERE_IS_NO_TIME_LIMIT}|(?<![\\d月第]\\s*)\\d{1,3}(\\.\\d+)?\\s*(多|餘)?\\s*(個\\s*)?(${ANY_UNIT})(?!度)|第\\s*\\d{1,3}\\s*(天|日)(?!\\s*[至到~～-])|[一二三四五六七八九十兩半百千萬]+\\s*(多|餘)?(個)?(${ANY_UNIT})|\\b${EN_NUMBER}(\\s+|-)(${ANY_EN_UNIT})\\b${NOT_AN_AGE_EN}|half an? (hour|day|year)|當天|當日|當場|立即|隨到隨辦|\\b(immediately|same day|on the spot|while you wait|overnight)\\b`,
  ),
  time: pattern(
    `\\d{1,2}\\s*:\\s*\\d{2}|${HOUR_STATED}|[上下]午|中午|凌晨|傍晚|清晨|黃昏|夜間|(24|二十四)\\s*(小時|hours)|全天|閉館|休館|不開放|公休|(暫停|停止|不)營業|停班|\\d\\s*(am|pm|a\\.m\\.|p\\.m\\.)|\\bnoon\\b|\\bmidnight\\b|\\bclosed\\b`,
  ),
  date: pattern(`${DAY_STATED}|${PERIOD_STATED}`),
  count: pattern(
    `不限(冊數|次數|人數|數量|件數|名額|次)|[\\d一二三四五六七八九十百]+\\s*分之\\s*[\\d一二三四五六七八九十百]+|[一二三四五六七八九十兩]+[百千萬億]|無上限|沒有上限|\\bunlimited\\b|\\bno (limit|maximum)\\b|${CN_NUMBER}+\\s*(個)?(${COUNT_UNITS}|個|點|%)|\\b${EN_NUMBER}\\s+(books?|items?|courses?|credits?|times?|people|persons?|students?|copies|points?|classes|subjects|renewals?|devices?|connections?)\\b|(?<![\\d.:/–a-z-]|(分機|ext\\.?|extension|room|no\\.|第)\\s*)(?!0\\d)\\d+(\\.\\d+)?(?![\\d.:/–-]|\\s*(號|樓|室|公尺|公分|公斤|元|小時|分鐘|個月|月|日|天|週|周|星期|禮拜|年|學期|點|%|km|m\\b|cm|kg|am|pm))`,
  ),
  // A size, weight or capacity: a number in a unit of length, area, weight, volume or data (grams
  // written "g" after 2 to 5 alone are networks: 4G, 5G).
  measure: pattern(
    "\\d(\\.\\d+)?\\s*(平方|立方)?(公分|公尺|公釐|毫米|釐米|厘米|公斤|公克|公噸|噸|克|公升|毫升|坪|吋|英吋|磅|像素|cm|mm|km|kg|ml|mb|gb|kb|tb|px|dpi|m2|m3|lbs?|oz|inch(es)?|pixels?|feet|ft|meters?|metres?|grams?|kilograms?|liters?|litres?|pounds?)(?![a-z])|(?<!\\d)(\\d{2,}|[016-9])\\s*g(?![a-z0-9])|\\d\\s*[x×]\\s*\\d|\\d\\s*(度(?![a-z])|°|℃|degrees?\\b)",
  ),
  // A place is an answer to "where" too: the office, desk or shop one goes to ("at a post office",
  // 「到郵局」), not any sentence naming an office or a store ("Store your bicycle…").
  contact: pattern(
    `${ROOM_STATED}|分機|電話|專線|\\d{2,4}-\\d{3,4}-?\\d{0,4}|@[\\w-]+\\.|https?://|www\\.|[a-z]?\\d{2,4}\\s*室|櫃檯|櫃台|地址|(到|在|去|至|(?<![由關對屬等基鑑終])於)[^，。；,]{0,8}(郵局|超商|便利商店|法院|派出所|辦公室|中心|窗口|門市|售票處)|\\bext\\.?\\s*\\d|\\b(room|building|floor|counter|located|phone|telephone|hotline|website)\\b|網站|網頁|\\b(at|to|in|from|visit|contact) (the |a |an |any |your |our )?([\\w-]+ ){0,3}(office|desk|store|shop|court|station|lobby|window|centre|center|booth|kiosk|entrance)s?\\b`,
  ),
  office: pattern(
    "處(?![理分罰])|組(?![成織合員別])|課(?![程本堂表業外])|股(?![票份東])|中心|辦公室|委員會|單位|櫃檯|\\b(office|department|desk|centre|center|committee|services?)\\b",
  ),
  eligibility: pattern(
    "須|需|應|必須|符合|資格|條件|以上|以下|未滿|限|僅|凡|\\b(must|only|at least|at most|eligible|requires?d?|need to|if you|provided|unless|who (are|have))\\b",
  ),
  documents: pattern(
    "攜帶|帶|備妥|準備|檢附|附上|證|證明|文件|表|照片|印章|影本|正本|\\b(bring|documents?|id|card|form|photo|copy|certificate|passport|proof)\\b",
  ),
  // Steps are numbered, or say what to do; a bulleted list of rules or limits is not a procedure.
  steps: pattern(
    "^\\d{1,2}[.)]\\s+|第[一二三四五六七八九十\\d]+步|步驟|首先|接著|然後|登入|點選|進入|填寫|選擇|下載|前往|→|\\b(step|then|next|log in|sign in|click|select|go to|download|enter|install|submit|fill in)\\b",
  ),
  // A penalty, a loss or what the rules then do: a fine, a suspension, a cancellation.
  consequence: pattern(
    "罰|處分|停權|停止|取消|註銷|撤銷|扣除|扣款|記點|記過|暫停|沒收|不退|不予|不得|不能再|無法|失去|喪失|恢復原|降速|視為|驅逐|遣返|強制|\\b(fined?|fines|penalt(y|ies)|results? in|suspend(ed)?|cancell?ed|deport(ed|ation)?|revoked?|forfeit(ed)?|charged|lose|blocked|banned|expelled|removed|no longer|will not|won't|cannot)\\b",
  ),
  reason: pattern(
    "因為|由於|為了|因此|所以|導致|原因|理由|以免|以便|避免|目的|\\b(because|due to|since|so that|in order to|to avoid|to prevent|as a result|reason)\\b",
  ),
  // A name quoted, an organisation's (…有限公司, …銀行; not 「兩家公司」), a person's after their role
  // (「主任：王大明」), or one said to be so ("called", "named").
  name: pattern(
    '[「『“"〈《][^」』”"〉》]{2,40}[」』”"〉》]|\\p{Script=Han}{2,8}(有限公司|銀行|加油站|便利商店|醫院|診所|協會|基金會|大學|書局|電信|集團)|(主任|經理|老師|教練|館長|負責人|聯絡人|店長|院長|校長|處長|組長|課長)\\s*[：:為是]\\s*\\p{Script=Han}{2,4}|\\b(called|named|known as|brand)\\b',
  ),
  yesno: pattern(
    "可以|可(?=[向於在到由用])|不可|不得|不能|禁止|必須|不需|不用|允許|無法|免|\\b(may|must|cannot|can't|can|not|allowed|only|yes|no|prohibited|required|permitted|need)\\b",
  ),
};

/**
 * Words Chinese questions ask with, which a Zhuyin or Pinyin keyboard can turn into another word of
 * the same sound ("多少前", "什麼時後", "開館時簡"): read as meant, so that the kind of answer asked
 * for is still known.
 */
const ASKING_WORDS = [
  "多少錢",
  "什麼時候",
  "時間",
  "多久",
  "哪裡",
  "費用",
  "價錢",
  "資格",
  "條件",
  "步驟",
  "電話",
  "地點",
  "期限",
  "截止",
  "怎麼辦",
].map(normalizeForMatching);

function withAskingWordsMended(text: string): string {
  if (!hasHan(text)) return text;
  let mended = text;
  for (const word of ASKING_WORDS) {
    if (mended.includes(word)) continue;
    const characters = [...mended];
    for (let start = 0; start + word.length <= characters.length; start++) {
      const written = characters.slice(start, start + word.length).join("");
      // A word of the language is meant as written: 那裡 is not a slip for 哪裡, nor 截至 for 截止.
      if (hasHan(written) && !isKnownWord(written) && soundsLikeWithOneSlip(written, word)) {
        mended = [...characters.slice(0, start), word, ...characters.slice(start + word.length)].join("");
        break;
      }
    }
  }
  return mended;
}

/** Kinds of answer stated in figures: a sentence holding one is rarely about something else by chance. */
const STATED_IN_FIGURES: ReadonlySet<AnswerType> = new Set(["amount", "duration", "time", "date", "count", "measure"]);

export function isStatedInFigures(type: AnswerType): boolean {
  return STATED_IN_FIGURES.has(type);
}

/** The kinds of answer a question asks for that are stated in figures, a number to call too. */
export function figuresAsked(asked: AskedAnswer): AnswerType[] {
  return asked.types.filter((type) => isStatedInFigures(type) || (type === "contact" && asked.number === true));
}

/** Whether every kind of answer a question asks for is stated in figures (see figuresAsked). */
export function asksOnlyFigures(asked: AskedAnswer): boolean {
  return asked.types.length > 0 && figuresAsked(asked).length === asked.types.length;
}

/**
 * Kinds of answer a text may give in words of its own, which HOLDS cannot be relied on to see: any
 * text says yes or no to something, and a reason is often given without a "because" ("保證金用於支付…").
 */
const GIVEN_IN_ANY_WORDS: ReadonlySet<AnswerType> = new Set(["yesno", "reason"]);

export function isGivenInAnyWords(type: AnswerType): boolean {
  return GIVEN_IN_ANY_WORDS.has(type);
}

/** The kinds of answer a question asks for, most specific first; empty when it asks for none in particular. */
export function askedAnswerTypes(question: string): AnswerType[] {
  return typesAskedIn(foldedQuestion(question));
}

/**
 * A question as its kind of answer is read: folded, its question words as written where people
 * text them otherwise ("wheres", "hw much", 啥時候).
 */
function foldedQuestion(question: string): string {
  return withQuestionWordsWritten(normalizeForMatching(withChineseQuestionWordsWritten(question)));
}

/** The kinds of answer asked for by a question already folded (folding is the costly part). */
function typesAskedIn(folded: string): AnswerType[] {
  const text = withAskingWordsMended(folded);
  const asked = ASKS.filter(([, asks]) => asks.test(text)).map(([type]) => type);
  // A figure asked for is what the answer must state: a yes or no asked with it is settled by it
  // ("轉系有沒有過什麼時候會知道" asks when; "can I stay over the summer, and how much is it" how much),
  // and so is a procedure it is asked of (「幾點前要辦好出院手續」, "how long does the process take"),
  // unless the question also asks how or what the procedure is.
  const settledByFigure = (type: AnswerType) => type === "yesno" || (type === "steps" && !ASKS_HOW_PATTERN.test(text));
  const types = asked.some(isStatedInFigures) ? asked.filter((type) => !settledByFigure(type)) : asked;
  // A bare "多少" or "幾" that no other type explains asks for a quantity of some kind.
  return types.length === 0 && ASKS_A_QUANTITY.test(text) ? ["count"] : types;
}

/**
 * Whether a question asks yes or no, also beside a figure ("有沒有借筆電？最多能借幾天") or before
 * another question ("可以包成禮物嗎？多少錢").
 */
export function asksYesOrNo(question: string): boolean {
  return asksYesOrNoIn(foldedQuestion(question));
}

/** Whether a question already folded asks yes or no (see asksYesOrNo). */
function asksYesOrNoIn(folded: string): boolean {
  return piecesEndedByQuestionMarks(folded).some((piece) => {
    // "Could you tell me the return policy?" asks for the policy, politely.
    const text = withAskingWordsMended(piece.replace(POLITE_REQUEST, ""));
    return ASKS.some(([type, asks]) => type === "yesno" && asks.test(text));
  });
}

/** A request put as a question: what follows it is what is asked. */
const POLITE_REQUEST = /^(?:(?:can|could|would|will) you (?:please )?(?:tell|show|let) me|do you know)\s+/i;

/** Whether `sentence` states an answer of kind `type`. */
export function holdsAnswerType(sentence: string, type: AnswerType): boolean {
  return answerFit(sentence, { types: [type] }).fits;
}

/** What a question asks for: its kinds of answer, the unit of a duration it asks, and whether the date is a deadline. */
export interface AskedAnswer {
  types: AnswerType[];
  /**
   * The duration asked for is how long something takes to be done ("how long does it take", 要多久才能
   * 拿到, 辦理時間): how long a licence or a permit stays valid does not answer it.
   */
  takes?: true;
  unit?: DurationUnit;
  /** The date asked for is the last day for something ("deadline", 截止, 最晚). */
  deadline?: true;
  /** The question asks yes or no (asksYesOrNo), read with the rest; unknown when the caller made this up. */
  yesOrNo?: boolean;
  /** The date asked for is a year (哪一年, "in what year"): a day and month alone do not answer it. */
  year?: true;
  /** The date asked for is a day (哪一天, "what date"): a year or a month alone does not answer it. */
  day?: true;
  /** The event whose date is asked (公告 of 「結果公告日」), as a pattern of a date stated for it. */
  event?: RegExp;
  /**
   * The time asked for is a time of day on no day in particular (幾點關門, "what time does it
   * open"): that the place is closed on some days does not answer it, as it would 週日幾點開門.
   */
  clock?: true;
  /**
   * The contact asked for is a number to call (客服電話幾號, "customer service phone number"): a
   * sentence about calling that gives none ("call us with your phone number") does not answer it.
   */
  number?: true;
  /**
   * The contact asked for is a room, floor or counter (幾樓, 哪個窗口, "which room"): a number to call
   * or a web page does not say where it is.
   */
  room?: true;
  /** The count asked is an age (幾歲, "how old"): a count of anything else (一種, 2 位) does not answer it. */
  age?: true;
  /**
   * The figure asked is a least one (延誤多久以上, 至少幾人, "the minimum"): one stated as a least (4 小時
   * 以上, "at least 10") answers it before one stated as a most or a deadline (30 日內).
   */
  least?: true;
  /** The count asked is a rate or share (稅率, 通過率, 幾成): a count of anything (42小時) does not answer it. */
  rate?: true;
  /** The fee whose amount is asked, as a pattern its name matches in full or short (保費 and 保險費 of 「保費多少」). */
  fee?: RegExp;
  /**
   * The month a date or time asked for is in, when the question names one (「12 月還有哪幾天會停電」):
   * dates of other months do not answer it.
   */
  month?: number;
}

const EVENT_DATE_ASKED = pattern(
  `(${EVENT_WORDS})(?:日|日期|時間)${ASKED_AS_TOPIC}|(?:什麼時候|何時|哪一?天|幾號)(?:會|才會|開始|可以)?(${EVENT_WORDS})|(${EVENT_WORDS})(?:是|在|會在)?(?:什麼時候|何時|哪一?天|幾號)`,
);
/** A day of the month, as dates state it (「11月14日」, 「10日」, 「5號」). */
const DAY_OF_MONTH = "\\d{1,2}\\s*[日號]";

/**
 * The event whose date a question asks, as a pattern of a sentence stating a date for it: the day
 * right before the event (「於114年11月14日公告」) or after its name (「公告日期：11月14日」).
 */
function eventDateAskedIn(folded: string): RegExp | undefined {
  const match = EVENT_DATE_ASKED.exec(folded);
  const event = match?.[1] ?? match?.[2] ?? match?.[3] ?? dayNamedIn(folded);
  if (event === undefined) return undefined;
  // Read from the folded question, the event is written as folded sentences are. A figure after
  // the event's day (「扣款日前10天」) counts from that day: it does not state it.
  return foldedPattern(
    `(?:${DAY_OF_MONTH}|${WEEKDAYS})\\s*(?:前|起|後)?\\s*(?:${DAY_PART})?\\s*(?:在|於|正式|開始|統一|起|自動)?${event}|${event}(?!日\\s*[前后])[^，,。；;]{0,6}\\d`,
    "u",
  );
}

/** Days of the week as dates state them, one or several (「每週二、五」, 「星期一至五」). */
const WEEKDAYS = "(?:週|星期|禮拜)[一二三四五六日天](?:[、,，至到和及][一二三四五六日天])*";
const DAY_PART = "上午|下午|晚上|早上|中午";
const DAY_NAMED = pattern(DAY_NAMED_AS_ASKED);

/** The doing whose day a question asks by naming the day alone (扣款 of 「信用卡扣款日」). */
function dayNamedIn(folded: string): string | undefined {
  if (!DAY_NAMED.test(folded)) return undefined;
  const words = folded.replace(/日\s*[?？]*\s*$/u, "");
  return /\p{Script=Han}{2}$/u.test(words) ? [...words].slice(-2).join("") : undefined;
}

/**
 * A date asked for as a day (哪一天, 幾月幾號, 幾號, "what date", "which day"): a year or a month alone
 * does not answer it.
 */
const ASKS_DAY = pattern(
  `哪一?[天日](?!數)|何日|幾月幾[日號]|幾號(?!${NUMBERED_PLACES})|\\b(what|which) (day|date)\\b`,
);
const HOLDS_DAY = pattern(DAY_STATED);

/** A date asked for as a year. */
const ASKS_YEAR = pattern("哪一?年(?!級|度|代|紀|齡)|何年|(西元|公元|民國)(前)?(幾|多少)年|\\b(what|which) year\\b");
/**
 * A year stated: 1453年, 二〇二六年, 民國十九年, 中統元年, "in 1989", or one the sentence dates
 * from the one before (同年, 這一年), which then comes with it.
 */
const HOLDS_YEAR = pattern(
  "(?<!\\d)\\d{3,4}\\s*年(?!度|級)|[〇零一二三四五六七八九]{4}年|(西元|公元|民國)前?\\s*[\\d〇零一二三四五六七八九十百]+\\s*年|元年|(同|當|是|該|次|翌|隔|這一)年|年代|世紀|\\b(1[0-9]{3}|20[0-9]{2})\\b",
);

/** A time of day asked for. */
const ASKS_CLOCK = pattern(`${POINTS_UNNAMED}幾點|\\bwhat time\\b`);
/** A day named in a question: a closure on that day answers what time the place opens then. */
const NAMES_A_DAY = pattern(
  `(週|星期|禮拜)[一二三四五六日天末]|假日|假期|節日|過年|春節|寒假|暑假|颱風|今天|明天|後天|\\d{1,2}\\s*[月/]\\s*\\d{1,2}|\\b${WEEKDAY}s?\\b|\\b(weekends?|holidays?|today|tomorrow|christmas|new year)\\b|\\b${MONTH}\\s+\\d{1,2}\\b`,
);
/**
 * A time of day stated: 08:00, 九點, "5 pm", noon, open all day (not a name: 24小時自習室), or a time
 * told from the opening or closing hour ("閉館前 15 分鐘", "30 minutes before closing").
 */
const HOLDS_CLOCK = pattern(
  `\\d{1,2}\\s*:\\s*\\d{2}|${HOUR_STATED}|中午|午夜|凌晨|(24|二十四)\\s*小時(?=\\s*(開放|營業|服務|都|皆|均|照常|不打烊))|全天|24/7|\\b(open )?24 hours( a day)?\\b|\\d\\s*(am|pm|a\\.m\\.|p\\.m\\.)|\\bnoon\\b|\\bmidnight\\b|\\ball day\\b|(閉館|關門|打烊|開館|開門|營業結束|結束營業)(時間)?(前|後|之前|之後)\\s*\\d+\\s*(分鐘|分|小時)|\\d+\\s*(minutes?|mins?|hours?) (before|after) (closing|opening|(we |the \\w+ )?(close|open)s?)\\b`,
);

/** A count asked as an age. */
const ASKS_AGE = pattern(ASKS_AGE_SOURCE);
/** An age stated: 14 歲, 十二歲, "18 or older", "aged 65", "under 12", 成年. */
const HOLDS_AGE = pattern(
  "\\d{1,3}\\s*(足)?(週)?歲|[一二三四五六七八九十兩]+\\s*歲|(年滿|未滿|滿)\\s*\\d{1,3}(?!\\s*(個|天|日|月|年|小時|分鐘|元|次|件|人))|\\b\\d{1,3}\\s*(years?\\b(?! ago| later)|or (older|over|above|younger|under)|and (over|older|above|under))|\\bat least \\d{1,3}\\b(?!\\s*[a-z%])|\\baged? (\\d|under|over)|\\b(under|over) (the age of )?\\d{1,3}\\b(?!\\s*[a-z%+])|成年",
);

/** A count asked as a rate or share. */
const ASKS_RATE = pattern(ASKS_RATE_SOURCE);
/** A rate or share stated: 3%, 4‰, 百分之五, 三成, 九折, a ratio, half, free of it. */
const HOLDS_RATE = pattern(
  "\\d\\s*(%|％|‰|‱|趴)|百分之|千分之|(?<![\\d一二三四五六七八九十])([一二三四五六七八九]|\\d{1,2})\\s*成(?![員功立年績為本長])|(?<![\\d.])\\d{1,2}(\\.\\d)?\\s*折|[一二三四五六七八九]折|\\d+\\s*比\\s*\\d+|\\bper ?cent\\b|\\bhalf\\b|一半|半價|減半|免(徵|稅|費|收)|\\b(free|exempt)\\b",
);

/** A contact asked for as a number to call, and no other way to reach someone (an address, a page, where to go). */
const ASKS_NUMBER = pattern(
  `(電話|專線|分機)(號碼)?${NAMED_AS_ASKED}|電話號碼|${WHOM_TO_CALL}|\\b(phone|telephone|hotline|fax|contact) (number|no)\\b|\\bwhat number\\b`,
);
const ASKS_ROOM = pattern(ASKS_ROOM_SOURCE);
/** A way to call or write asked besides (「在幾樓、分機幾號」, "which floor and extension"). */
const ASKS_CALL_OR_WRITE = pattern(
  "電話|專線|分機|信箱|網址|網站|email|e-mail|\\b(phone|telephone|extension|ext|hotline|e-?mail|website)\\b",
);
const HOLDS_ROOM = pattern(ROOM_STATED);
/** A number the asker gives, not one to call: 「寄件要填電話號碼嗎」, "change my phone number". */
const GIVES_NUMBER = pattern(
  "填|寫|留|提供|輸入|更改|修改|換|必要|\\b(give|provide|enter|change|update|fill|add|register|required|needed|mandatory)\\b",
);
const ASKS_OTHER_CONTACT = pattern(
  "地址|網址|網站|信箱|email|e-mail|在哪|哪裡|哪邊|幾樓|地點|位置|\\b(where|address|website|link|e-?mail|floor)\\b",
);
/**
 * A number to call: 0800-066-168, (07) 555-0199, +886 2 2758 6168, or a short one after a word
 * saying it is one (分機 1234, 撥打 1925, "ext. 401", "dial 110").
 */
const HOLDS_NUMBER = pattern(
  "(?<!\\d|\\d[.,])(\\(\\d{1,4}\\)\\s?|0\\d{1,3}-)?\\d{3,4}-\\d{3,4}(?!\\d|,\\d)|(?<!\\d|\\d[.,])\\(\\d{1,4}\\)\\s?\\d{3,4}\\s\\d{3,4}(?!\\d|,\\d)|(?<!\\d|\\d[.,])0800[\\s-]?\\d{3}[\\s-]?\\d{3}(?!\\d|,\\d)|\\+\\d{1,3}([\\s-]\\d{1,4}){2,4}|(分機|撥打?|打|專線|電話|\\b(ext|extension|dial|call|phone|hotline|tel)\\b\\.?)\\s*[:：]?\\s*\\d{3,}",
);

/** A figure asked for as the least one: 多久以上, 幾人以上, 至少要幾, "at least how many", "minimum". */
const ASKS_LEAST = pattern(
  "(多久|多少|多長|多大|幾)[^，。？?\\s]{0,3}(以上|起跳)|(至少|最少|最低)(要|需要?|得)?(多|幾)|\\bminimum\\b|\\bat least how\\b|\\bhow (long|many|much|old)\\b[^?.]{0,40}\\b(at least|or more|minimum)\\b",
);
/** A figure stated as a least one: 4 小時以上, 年滿 20 歲, 至少, "at least", "or more". */
const HOLDS_LEAST = pattern(
  "\\d[\\d,.]*\\s*(個)?[^\\d\\s，。；,;]{0,3}\\s*以上|年滿|至少|最少|最低|不得少於|不少於|\\bat least\\b|\\bor (more|longer|over|above)\\b|\\bminimum\\b|\\bmore than \\d",
);

/** A date asked for as the last day for something. */
const ASKS_DEADLINE = pattern(
  "截止|期限|最晚|最遲|最後一天|(什麼時候|何時|哪一?天|幾號)(之|以)?前(?=[^，。？?]{0,4}(要|得|必須|需|去|辦|繳|申請|完成|交|送|寄|報名|退)|\\s*[?？嗎]|\\s*$)|\\bdeadline\\b|\\bdue\\b|\\blast day\\b|\\bby when\\b",
);
/**
 * A date stated as a deadline: 9月4日前, 至第二週週五止, 截止日為, 當日該診結束前, "by 31 August",
 * "before Friday", "due 3 May", "no later than 5 pm".
 */
const HOLDS_DEADLINE = pattern(
  `(當|隔|次|翌)(日|天)[^，,。；;]{0,8}(以?前(?![往來進去三幾\\d一二])|止)|(\\d{1,2}\\s*[日號]|(週|星期|禮拜)[一二三四五六日天]|\\d{1,2}\\s*:\\s*\\d{2}|\\d{1,2}\\s*點)\\s*(以?前|止|截止)|截止日?(為|是)|\\b(by|before|until|till|no later than|due( on| by)?)\\s+(the\\s+)?(\\d|${MONTH}|${WEEKDAY}|end\\b|noon\\b)`,
);

const HOLDS_DATE_OR_DEADLINE = new RegExp(`${HOLDS.date.source}|${HOLDS_DEADLINE.source}`, HOLDS.date.flags);

/** The question read once, for checking many sentences against it. */
export function readAskedAnswer(question: string): AskedAnswer {
  const folded = foldedQuestion(question);
  const unit = unitAskedIn(folded);
  const types = typesAskedIn(folded);
  const deadline = types.includes("date") && ASKS_DEADLINE.test(folded);
  const year = types.includes("date") && ASKS_YEAR.test(folded);
  const day = types.includes("date") && !year && ASKS_DAY.test(folded);
  const event = types.includes("date") ? eventDateAskedIn(folded) : undefined;
  const clock = types.includes("time") && ASKS_CLOCK.test(folded) && !NAMES_A_DAY.test(folded);
  const yesOrNo = asksYesOrNoIn(folded);
  const [month] = !yesOrNo && (types.includes("date") || types.includes("time")) ? monthsIn(folded) : [];
  const number =
    types.includes("contact") &&
    !yesOrNo &&
    ASKS_NUMBER.test(folded) &&
    !ASKS_OTHER_CONTACT.test(folded) &&
    !GIVES_NUMBER.test(folded);
  const room = types.includes("contact") && !yesOrNo && ASKS_ROOM.test(folded) && !ASKS_CALL_OR_WRITE.test(folded);
  const fee = types.includes("amount") && (!yesOrNo || ASKS_WHETHER_FEE.test(folded)) ? feeAskedIn(folded) : undefined;
  const age = types.includes("count") && ASKS_AGE.test(folded);
  const takes = types.includes("duration") && ASKS_TIME_TAKEN.test(folded);
  const rate = types.includes("count") && !age && ASKS_RATE.test(folded);
  const least = types.some(isStatedInFigures) && ASKS_LEAST.test(folded);
  return {
    types,
    ...(least ? { least } : {}),
    ...(age ? { age } : {}),
    ...(takes ? { takes } : {}),
    ...(rate ? { rate } : {}),
    ...(fee ? { fee } : {}),
    ...(unit ? { unit } : {}),
    ...(deadline ? { deadline } : {}),
    ...(year ? { year } : {}),
    ...(day ? { day } : {}),
    ...(event ? { event } : {}),
    ...(clock ? { clock } : {}),
    ...(number ? { number } : {}),
    ...(room ? { room } : {}),
    ...(month === undefined ? {} : { month }),
    yesOrNo,
  };
}

/**
 * Whether `sentence` states an answer of a kind asked for, in the form asked (a year when one is
 * asked, a duration in the unit asked, a date as a deadline): the sentence is folded once for every
 * check (folding to Simplified is the costly part).
 */
export function answerFit(
  sentence: string,
  asked: AskedAnswer,
): { fits: boolean; inUnit: boolean; asDeadline: boolean; forEvent: boolean; asLeast: boolean } {
  if (asked.types.length === 0 && !asked.unit)
    return { fits: false, inUnit: false, asDeadline: false, forEvent: false, asLeast: false };
  const text = normalizeForMatching(sentence);
  const fits = asked.types.some((type) => holdsOfKind(type, asked)(text));
  return {
    fits,
    // In the unit asked, or, for how long something takes, told as that ("takes about 30 minutes").
    inUnit:
      (asked.unit !== undefined && (HOLDS_IN_UNIT.get(asked.unit)?.test(text) ?? false)) ||
      (fits && asked.takes === true && STATES_TIME_TAKEN.test(text)),
    asDeadline: asked.deadline === true && HOLDS_DEADLINE.test(text),
    forEvent: fits && (asked.event?.test(text) ?? false),
    asLeast: fits && asked.least === true && HOLDS_LEAST.test(text),
  };
}

/** How long something takes to be done, asked: not how long it lasts. */
const ASKS_TIME_TAKEN = pattern(
  "\\b(does|will|would|did) it (usually |normally )?take\\b|\\bhow long (does|will|would|did) [^?.]{1,40}?\\btake\\b|\\bprocessing time\\b|(要|需要?|大概|大約)?多久(時間)?(才|可以|能|會)?(拿到|辦好|完成|下來|取件|領到|核發|寄到|審核|處理)|(辦理|處理|作業|審核|核發)(時間|天數)|(辦|弄|做)(好|完)要多久|要等多久",
);
/** How long something takes, told as that: "takes about 30 minutes", 「約需 3 個工作天」, 「當場核發」. */
const STATES_TIME_TAKEN = pattern(
  "\\btakes?\\b|\\btaking\\b|\\bprocess(ed|ing)? (with)?in\\b|\\bready (with)?in\\b|約需|需時|需要?約|工作天內?(完成|核發|寄出|辦妥|可)|天內(完成|核發|寄出|辦妥)|當場(取件|領取|核發|辦妥)",
);
/**
 * A duration told as how long something stays valid, in service or may be used ("valid for 1 year",
 * "may stay in service for 10 years", 有效期限為1年), with nothing said about how long it takes to get.
 */
const STATES_VALIDITY_ONLY = pattern(
  "^(?![^]*(\\btakes?\\b|\\bprocess|\\bwait|\\bready\\b|\\bdone\\b|約需|需時|當場|完成|可領取|即可(取件|領取)|工作天內?(核發|寄出|辦妥)))[^]*(\\bvalid\\b|\\bvalidity\\b|\\bexpir|\\b(may|can) be used\\b|\\bgood for\\b|\\bstays? in (service|use)\\b|\\bremains? (valid|in (use|force|effect|service))\\b|\\blasts? (for|up to)\\b|有效|效期|可使用|使用期限|使用年限|保存期限|保固期|到期)",
);

/** Whether a sentence states an answer of `type`, in the form `asked` wants it (the sentence folded). */
function holdsOfKind(type: AnswerType, asked: AskedAnswer): (text: string) => boolean {
  // How long something takes is not how long it stays valid ("valid for 1 year").
  if (type === "duration" && asked.takes)
    return (text) => HOLDS.duration.test(text) && !STATES_VALIDITY_ONLY.test(text);
  const holds = formOfKind(type, asked);
  return (text) => holds.test(text);
}

/** How an answer of `type` is stated, in the form `asked` wants it. */
function formOfKind(type: AnswerType, asked: AskedAnswer): RegExp {
  if (type === "date" && asked.year) return HOLDS_YEAR;
  // A deadline may be told by the hour, or from another day ("看診日前一天 23:59 前", "by noon").
  if (type === "date" && asked.deadline) return HOLDS_DATE_OR_DEADLINE;
  if (type === "date" && asked.day) return HOLDS_DAY;
  if (type === "time" && asked.clock) return HOLDS_CLOCK;
  if (type === "contact" && asked.number) return HOLDS_NUMBER;
  if (type === "contact" && asked.room) return HOLDS_ROOM;
  if (type === "count" && asked.age) return HOLDS_AGE;
  if (type === "count" && asked.rate) return HOLDS_RATE;
  return HOLDS[type];
}

const durationUnits = Object.keys(DURATION_UNITS) as DurationUnit[];
const ASKS_IN_UNIT = new Map(
  durationUnits.map((unit) => [
    unit,
    pattern(`(?<!哪)幾(個)?(${DURATION_UNITS[unit]})(?!級)|how many (${EN_DURATION_UNITS[unit]})`),
  ]),
);
const HOLDS_IN_UNIT = new Map(
  durationUnits.map((unit) => [
    unit,
    pattern(
      `(?<![\\d月第]\\s*)(\\d{1,3}|${CN_WORD_NUMBER}+)\\s*(個)?(${DURATION_UNITS[unit]})(?!度|級)|\\b${EN_NUMBER}(\\s+|-)(${EN_DURATION_UNITS[unit]})\\b${NOT_AN_AGE_EN}`,
    ),
  ]),
);

/** The unit a duration question counts in ("幾年" → years), when it names one. */
export function askedDurationUnit(question: string): DurationUnit | undefined {
  return unitAskedIn(foldedQuestion(question));
}

function unitAskedIn(folded: string): DurationUnit | undefined {
  return durationUnits.find((unit) => ASKS_IN_UNIT.get(unit)?.test(folded));
}

/** Whether `sentence` states a duration in `unit`. */
export function holdsDurationIn(sentence: string, unit: DurationUnit): boolean {
  return answerFit(sentence, { types: [], unit }).inUnit;
}
