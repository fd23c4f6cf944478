import { foldedPattern, normalizeForMatching } from "../text/normalize.js";
import { MessageClassifier } from "./message-classifier.js";
import type { HarmfulRequestTopic, NamedCrisisTopic, SafetyConcern } from "./safety-topics.js";
import { CONSENT_ZH, EX_PARTNER_ZH, IF_ZH, NOT_REAL_ZH, RESOLVED_ZH } from "./safety-words.js";
import { crisisBySigns, crisisSignTopic, harmfulRequestBySigns } from "./warning-signs.js";

export type { CrisisTopic, HarmfulRequestTopic, SafetyConcern } from "./safety-topics.js";

/*
 * The patterns are about language, not about one deployment's documents, so they live here. They are
 * written from principles, not from any list of test questions:
 *   - first-person distress and intent ("我不想活了", "I want to kill myself"), a method or means
 *     ("割腕", "overdose"), and indirect hopelessness ("撐不下去了", "no reason to live");
 *   - being hurt by someone, hurting someone, and an emergency happening now;
 *   - a request (how to, help me, I want to) to read others' data, forge, falsify a grade, break into
 *     an account or cheat; a question about the rules on those ("作弊會被記過嗎") is not a request.
 * Figures of speech that name death without meaning it ("the deadline is killing me", "笑死",
 * "累死了", "kill a process") are left alone, and so is asking where a suicide-prevention talk is:
 * the documents may answer that, and a person in crisis who asks it in their own words is caught by
 * the first-person patterns.
 *
 * Chinese patterns are written once, in Traditional characters, and folded to the script that
 * normalizeForMatching folds questions to, so Simplified questions match them too.
 */

/** A Chinese pattern, folded as questions are. */
function chinese(source: string): RegExp {
  return foldedPattern(source, "u");
}

/** An English pattern, matched against the lower-cased question. */
function english(source: string): RegExp {
  return new RegExp(source, "u");
}

// Words of intent before an act: a request, not a question about the rules.
const ZH_INTENT =
  "(?:怎麼|怎樣|如何|幫我|幫忙|教我|我想|我要|想要|打算|可以|可不可以|能不能|能否|有沒有辦法|有辦法|有什麼方法|方法)";
const EN_INTENT =
  "(?:how (?:do|can|could|would|should|to)|help me|can you|could you|teach me|show me|i (?:want|need|plan|am going|'m going|have) to|i wanna|(?:is there|any) (?:a )?way to|ways? to|best way to|tips? (?:for|on|to))";
// Within one clause, and not about avoiding, reporting or the penalty for the act ("如何避免抄襲",
// "how do I report cheating"): the intent and the act belong together. A passive 被 makes the asker
// the one it was done to ("怎麼辦，我被人盜用帳號"), not the one who wants to do it.
const ZH_GAP =
  "(?:(?!避免|防止|預防|檢舉|舉報|申訴|不算|算不算|會不會|被|處分|處罰|懲處|規定|後果)[^。？?！!；;，,\\n]){0,12}";
const EN_GAP =
  "(?:(?!report|avoid|prevent|not\\b|n't|penalt|punish|consequence|count as|considered|accus|stolen|hacked)[^.?!;\\n]){0,40}?";
// As EN_GAP, and not about telling a fake from the real thing ("how can I spot a fake bank statement").
const NOT_TELLING_FAKES_GAP =
  "(?:(?!tell|spot|identif|detect|recogni|verif|check|know (?:if|whether)|real|report|avoid|prevent|not\\b|n't|penalt|punish|consequence|count as|considered|accus|stolen|hacked)[^.?!;\\n]){0,40}?";
// Not teachers: their office e-mail is public, and asking for it is an ordinary question.
const OTHERS_ZH =
  "(?:別人|他人|其他人|人家|某人|陌生人|鄰居|隔壁|樓上|樓下|同事|同學|室友|學長|學姊|學弟|學妹|朋友|前男友|前女友|男朋友|女朋友|男友|女友|前夫|前妻|他|她)";
// Plainly someone else's: a bare "his" or "her" is as often a parent asking about their child's
// grades, so it counts only with a covert act (COVERT_EN).
const OTHERS_EN =
  "(?:someone else's|somebody else's|another (?:student|person|user)'s|other (?:students|people)'s|(?:my|a|his|her|their) (?:roommate|classmate|flatmate|housemate|labmate|teammate|friend|ex|boyfriend|girlfriend|partner|coworker|colleague|neighbou?r)'s)";
const COVERT_EN =
  "(?:secretly|without (?:him|her|them|anyone) (?:knowing|noticing|finding out)|without (?:his|her|their) (?:knowledge|permission|consent)|behind (?:his|her|their) back|(?:using|with|guess(?:ing)?|crack(?:ing)?|steal(?:ing)?) (?:his|her|their) password)";
const OTHERS_DATA_EN =
  "(?:e-?mails?|inbox|grades?|marks|account(?: number)?|password|records?|transcript|messages|texts|text messages|location|call (?:log|history)|personal data|files?|bills?|balance|passport(?: number)?|id (?:card )?number|residence card(?: number)?|arc number)";
const READ_EN = "(?:read|access|see|check|look at|look up|get into|log ?in(?:to)?|open|view|find out|give me|send me)";
// Intent to take something, without 可以 or 方法, which as often ask a rule ("可以不付錢嗎").
const THEFT_INTENT_ZH = "(?:怎麼|怎樣|如何|幫我|教我|我想|我要|想要|打算|有沒有辦法|有辦法)";
// Who hurts someone, after a passive 被 ("被男友打"): with a person named, even a plain 打 is a blow.
const HURTER_ZH =
  "(?:人|看護|外傭|幫傭|保母|保姆|褓姆|照服員|教練|他|她|他們|男友|男朋友|女友|女朋友|前男友|前女友|老公|老婆|先生|太太|丈夫|爸爸?|媽媽?|父親|母親|繼父|繼母|家人|哥哥?|姊姊|姐姐|弟弟?|妹妹?|室友|學長|學姊|老師|教授|同學|同事|主管|老闆|房東|鄰居|陌生人)";
// The senses of 打 that are not a blow: disturbing, grading, calling, clocking in, rejecting, beating at a game…
const NOT_A_BLOW_ZH =
  "(?!了?(?:擾|分|電話|卡|槍|斷|敗|開|掃|字|包|折|球|工|聽|招呼|針|小報告|[低高零滿]分|[0-9一二三四五六七八九十幾]+分))";
// The answers of an exam, not answers in general ("get answers from the library").
const EXAM_ANSWERS_EN =
  "(?:answers?(?: key)? (?:to|for|of|on|in|during|before) (?:[\\w']+ ){0,3}?(?:exams?|tests?|quiz(?:zes)?|midterms?|finals?)|(?:[\\w']+ )?(?:exam|test|quiz|midterm|final) (?:answers|answer key))";
const PEOPLE_EN =
  "(?:roommate|classmate|professor|teacher|ex|boyfriend|girlfriend|parents?|mom|mum|dad|mother|father|grand(?:pa|ma|father|mother)|husband|wife|partner|son|daughter|baby|child|kid|brother|sister|family|boss|friend)";
// Whom a person may find collapsed at home or beside them ("我爸昏倒了").
const NEAR_ONES_ZH =
  "(?:我|有人|他|她|爸爸?|媽媽?|父親|母親|老公|老婆|先生|太太|丈夫|妻子|兒子|女兒|小孩|孩子|寶寶|嬰兒|阿公|阿嬤|爺爺|奶奶|外公|外婆|哥哥?|姊姊|姐姐|弟弟?|妹妹?|家人|室友|同學|朋友|同事|老人家?)";
// Anyone at hand, as a bystander names them: 「有個阿伯」, 「一位乘客」, 「有同學」.
const SOMEONE_THERE_ZH =
  "有(?:個|一個|位|一位|名|一名)?(?:人|大哥|大姐|大姊|阿伯|阿姨|阿公|阿嬤|伯伯|老伯伯?|老先生|老太太|老奶奶|老爺爺|大叔|先生|小姐|男生|女生|男的|女的|小朋友|小孩|學生|同學|學員|乘客|旅客|住客|房客|遊客|顧客|客人|病人|會員|民眾|路人|員工|長輩|老人家?)";
// Collapsed, or not answering or breathing: a body's state now, not a device's (呼吸器) or a clinic's (呼吸科).
const COLLAPSED_ZH =
  "(?:昏倒|暈倒|倒下(?:去|來)?|倒在(?:地上?|路邊|月台|樓梯)|昏過去|暈過去|昏迷|休克|叫不醒|沒有?呼吸(?![器道科])|沒有?心跳|沒有?意識(?!到)|不省人事|抽搐|口吐白沫|吐血|血流不止|大量出血)";

// Told as past or supposed: 「昏倒過」, 「倒在地上的話」, 「沒有心跳的話」.
const NOT_PAST_ZH = "(?![去來上了]{0,2}(?:過|的話|的時候|時(?!間)))";

// An ex-partner, whose comings and goings someone may want to watch.
const EX_PARTNER_EN =
  "(?:my ex(?![\\w-])|ex-(?:wife|husband|boyfriend|girlfriend|partner)|my former (?:partner|boyfriend|girlfriend|wife|husband))";
// A number that identifies a person or their home to an organisation.
const IDENTIFIER_ZH =
  "(?:身分證|身份證|居留證|護照|健保卡|病歷|學號|水號|電號|用戶號碼?|帳號|戶號|門號|手機號碼|電話號碼|車牌|信用卡號|金融卡號|卡號)(?:字號|號碼|號)?";
// Asked how to do something, not what an ex-partner's number shows: 「可以告訴我怎麼申請強制執行嗎」.
const NOT_HOW_ZH =
  "(?!(?:一下)?(?:我們)?(?:怎麼|怎樣|如何|要怎|該怎|應該|哪裡|去哪|流程|程序|步驟)|[^。？?！!，,]{0,8}(?:表格?|申請表|書狀|流程|下載|步驟|怎麼|如何))";
// Then asked to look it up: not to send, hand over or pay to it, nor how to do something.
const THEN_LOOKED_UP_ZH = `[^]{0,40}?(?<![寄交留轉還送付讓撥匯傳退])(?:查|調|告訴我|給我|跟我說)${NOT_HOW_ZH}`;
// What an ex-partner owns or owes: 「前夫名下有幾間房子」. Not their income or account, which a court
// or a support order may send the asker to (「法院要我調閱前夫的收入資料」, 「扶養費給我前夫的帳戶」).
const EX_ASSETS_ZH = "(?:名下|財產|房產|房子|存款|欠稅|繳稅|稅單)";
// The ex-partner themself, not a child of theirs (「我跟前夫的女兒住院了」 asks about the asker's own).
const EX_PARTNER_THEMSELF_ZH = `${EX_PARTNER_ZH}(?!生?的?(?:女兒|兒子|小孩|孩子|子女|寶寶))`;
const NOT_THEIR_CHILD_EN = "(?!'s (?:son|daughter|child|kid|baby))";
// What of an ex-partner's someone may look into to find or follow them.
const EX_PARTNER_DETAILS_ZH =
  "座位|訂位|班機|航班|行程|地址|電話|住處|住(?:在)?(?:幾號|哪)|病房|病情|病歷|房號|得了?什麼病|生什麼病|追蹤碼|寄件|收件人|行蹤|(?:幾點|什麼時候|何時)(?:來|去|出現|到)";
const EX_PARTNER_VISIT_ZH =
  "預約|掛號(?!信|郵件|包裹)|看診時間|看哪一?科|(?:回診|複診|看診)(?:是)?(?:幾點|什麼時候|何時|哪天|幾號)|約(?:幾點|什麼時候|哪天)|(?:手機)?號碼|門號";
// How to do something, asked right before the act: a request, where a gap would let in a rule asked about.
const HOW_TO_ZH = "(?:怎麼樣?|怎樣|如何|教我|有沒有辦法|有辦法)";
// Planning something, before what is to be hidden or sent.
const PLANS_ZH = "(?:我想|我要|想要|打算|準備|怎麼|如何|教我)";
const METERS_ZH = "(?:電表|電錶|水表|水錶|瓦斯表)";
// A partner, and what of theirs someone may want to look into: their calls, messages, whereabouts.
const PARTNER_ZH = "(?:老公|老婆|先生|太太|丈夫|妻子|男友|女友|男朋友|女朋友|另一半)";
const PARTNER_RECORDS_ZH =
  "(?:通聯|通話(?:紀錄|記錄|明細)|簡訊|定位|行蹤|聊天紀錄|基地台|位置|去(?:了|過)?哪(?:些|裡)(?:地方)?)";
// A code sent to prove the account holder is the one acting.
const ONE_TIME_CODE_EN =
  "(?:the |an? )?(?:otp|one[- ]time (?:password|code|pin)|verification code|2fa|two[- ]factor(?: authentication)?|sms code)\\b";

// Ordinary reasons to be away or out of reach ("I won't be around much longer at this address", "my
// lease ends"): a message giving one is no goodbye.
const AWAY_FOR_A_REASON_EN =
  "mov(?:e|ed|ing)|relocat\\w*|lease|visa|contract|semester|exchange|graduat\\w*|retir\\w*|internship|address|job|shift|office|flight|trip|vacation|holiday";
// A neighbour's household, not a place word before someone else (樓下 of 「師傅說他已經到樓下了」).
const NEIGHBOURS_ZH =
  "(?:那一?戶|鄰居|住戶|(?:樓[上下]|隔壁|[A-Za-z]棟)(?:的)?(?:那一?戶|那家人?|鄰居|住戶|人家|屋主|那個人?|的人))";
// Papers that say something was paid.
const PAYMENT_PAPERS_EN = "(?:receipt|proof(?: of payment)?|statement|certificate|invoice)";

// Where a Chinese clause starts: what follows is said of the speaker, not of a thing named before it
// (「視窗乾脆消失吧」, 「熱水器我不打算再撐了」 are about the window and the heater).
const ZH_CLAUSE_START = "(?:^|[，,。！!？?\\s…~～])";
// A symptom just before: enduring pain is not enduring life (「肚子痛了三天，我不想再撐下去了」).
const NOT_AFTER_SYMPTOM_ZH = "(?<!(?:痛|發燒|咳|癢|腫|不舒服|傷|感冒|病)[^。？?！!]{0,16})";
// Nor a message about ending or replacing a thing: 「…不打算再撐下去了，請問歇業登記…」.
const ENDING_A_THING_ZH = "(?:歇業|停業|註銷|報廢|回收|以舊換新|換新|退會|退租|解約)";
const ENDURING_NO_LONGER_ZH = `^(?![^]*${ENDING_A_THING_ZH})[^]*${ZH_CLAUSE_START}(?:我|自己)?(?:真的|已經|實在|是)?(?:決定)?${NOT_AFTER_SYMPTOM_ZH}(?:不(?:打算|想)再(?:繼續)?撐(?:下去|了|\\s*$)|不再撐下去|不想繼續撐下去)`;
// Going as the speaker's own decision: 「乾脆消失算了」, the speaker or nobody named as the one who goes.
// Not in a message about a thing breaking down (「app一直閃退 乾脆消失算了」): the wish is about it.
const BREAKING_DOWN_ZH = "(?:當機|閃退|卡住|卡紙|故障|壞了|維修|報修|修理|保固)";
const GIVING_UP_ZH = `^(?![^]*${BREAKING_DOWN_ZH})[^]*(?:${ZH_CLAUSE_START}|我|自己|想說|覺得|心想)(?:真的|還是|就|也)?乾脆(?:就這樣|直接|就)?(?:消失|不見|死了?|死掉|去死(?:一死)?|不要活了?|不要醒來|一了百了|一走了之)(?:算了|好了|吧|比較快|比較好|最好|\\s*$)`;
// Medicine saved up and meant to be taken at one go; not a compound (藥局, 藥費), not catching up on a
// missed dose, and not a question whether it is allowed ("…會不會太多"), though one about dying is.
const PILLS_SAVED_ZH = `^(?![^]*(?:醫生說|醫師說|療程))[^]*(?:安眠藥|止痛藥|藥丸|藥)(?![局房師費單袋妝品])[^。？?！!]{0,10}(?:存起來|存下來|囤起來|囤著|攢起來|留起來|藏起來|收好了?|存了|囤了|留著|存著|沒吃(?!完))[^。？?！!]{0,14}(?:想|打算|準備|決定|要|最後|今晚|今天|晚上|等等|待會|週末|哪天)[^。？?！!，,]{0,4}(?:(?:一次|一口氣)(?:全(?:部)?)?(?:(?:吃|吞)(?:完|光|掉|下去|了)|吞|解決)|(?:全部|通通)(?:吞|吃下去))(?!補|就好)(?![^。]{0,12}(?:可以|可不可以|沒關係|有沒有關係|要緊|有效|比較好|太多|還是|是不是|有問題|有沒有問題|傷身|影響|(?<![死痛])嗎))`;
// Medicine saved up until there is enough, or before a last visit: 「安眠藥我都存起來了，應該夠了」.
const PILLS_ENOUGH_ZH = `(?:安眠藥|止痛藥|藥丸|藥)(?![局房師費單袋妝品])[^。？?！!]{0,8}(?:存起來|存下來|囤起來|囤著|攢起來|存了|囤了|存夠|攢夠)[^。？?！!]{0,12}(?:(?:應該|已經|差不多|終於)(?:夠了|足夠了)(?![嗎吗])|最後一次|不會再(?:來|回診|看診|需要))`;
// A doubt about being around, that ends the sentence or is waved off ("…much longer anyway", "so
// dont bother"): one going on with a reason or a request is about leaving a place.
const DOUBT_TAIL_EN =
  "(?=\\s*(?:(?:anyway|tbh|honestly|to be honest)\\b|,?\\s*so (?:(?:please |just )?(?:don't|do not) (?:bother|worry)|it (?:doesn't|does not|won't) matter|(?:just )?cancel|whatever|no need)\\b|[.!…]|$))";

// Those whose job is to check: a meter reader, a checkpoint, staff, rangers, guards, an inspector, the bank or an insurer.
const OVERSEERS_EN =
  "(?:(?:meter )?readers?|checkpoint|checkpoint staff|staff|nurses?|rangers?|guards?|inspectors?|security|auditors?|insurer|insurance(?: company)?|bank)";
// A time gone by: what happened then is told, not happening now (「上次跌倒撞到頭有昏迷」).
const BEFORE_NOW_ZH = "(?:上次|(?<!分鐘|小時|分)之前|以前|昨天|前天|前幾天|上週|上禮拜|上個月|去年|曾經|那時候?)";
// Told as happening now: not in a drill or a story, not supposed, not a time gone by in its clause.
const HAPPENING_NOW_ZH = `(?<!${NOT_REAL_ZH}[^。？?！!]{0,12})(?<!${IF_ZH}[^。？?！!]{0,8})(?<!${BEFORE_NOW_ZH}[^。？?！!，,]{0,8})`;
// Signs asked about, not seen: 「一側手腳無力是中風徵兆嗎」.
const SYMPTOMS_ASKED_ZH = "(?:徵兆|症狀|前兆|跡象)";
// Speech gone slurred, and one side gone weak: two signs of a stroke.
const SLURRED_ZH = "(?:講話|說話|口齒|講)(?:變得?)?(?:不清楚?|含糊|大舌頭|不清不楚)";
const ONE_SIDE_WEAK_ZH =
  "(?:左手|右手|左腳|右腳|手|腳|(?:左|右|一|半|左半|右半)(?:邊|側)(?:身體?|手腳|的手|的腳)?|身體(?:左|右|一|半)(?:邊|側))(?:臂)?(?:也|都|突然)?(?:舉不起來|抬不起來|沒力氣?|無力|不能動|動不了|麻掉)";

// Warning signs of a plan to die, two of which together are a crisis: belongings given away, no one
// who would care, not coming back from where one is going.
const GIVEN_AWAY_ZH =
  "[^]*(?:(?:東西|家當|遺物|衣服|收藏|寵物|家具|書)(?:都|全部|全都|也){0,2}(?:整理好了?|收拾好了?|處理好了?)?[，, ]?(?:送人|送給(?:別人|朋友|大家|他們|家人)|分送|送掉|分給(?:別人|朋友|大家|他們|家人))|把[^。？?！!，,]{1,12}(?:都|全部|全都)(?:送人|送掉|送給|分送|分給|給)[^。？?！!，,]{0,4}了|把(?:我的)?(?:貓|狗|寵物|貓咪|狗狗)[^。？?！!，,]{0,4}託給[^。？?！!，,]{1,8}(?:照顧|養)了|(?:貓|狗|寵物|貓咪|狗狗)(?:我)?(?:都|也|已經){0,2}(?:託付|送)給[^。？?！!，,]{1,8}了)";
const UNCARED_FOR_ZH = "[^]*(?:沒有人|沒人)(?:會|真的)?(?:在意|在乎|關心|想念|記得)我(?!的[^。！!，,…\\s])";
const NOT_COMING_BACK_ZH =
  "[^]*(?:應該|大概|可能|就|再也|我|以後也|之後也)(?:就|再也)?不(?:會|打算|想|要)?(?:再)?(?:下來|下山|回來|回家)了";
// Affairs settled with the family, and a last time: 「家人那邊我都交代好了」, 「這是我最後一次繳了，之後也用不到了」.
const AFFAIRS_SETTLED_ZH =
  "[^]*(?:(?:家人|家裡|(?:我的|自己的)(?:後事|身後事))(?:那邊|那裡)?(?:我)?(?:都|也)?(?:交代|安排)好了|(?:把)?(?:事情|一切|所有(?:的)?事)(?:都|也)?(?:安排|交代|打點)好了|的事(?:情)?(?:我)?(?:都|也|全部)(?:處理|安排|交代|打點)好了)";
// A letter left for the family, and the family spared their worry: 「寫好給家人的信」, 「大家就不用再為我煩惱了」.
const FAREWELL_ZH =
  "[^]*(?:(?:跟|向)(?:大家|家人|朋友|你們|所有人)(?:都)?(?:道別|告別|說再見|說了再見)(?:了|過了)|把(?:我的)?(?:存款|積蓄|錢|財產|遺產)(?:都|全部|全都)(?:轉|留|交|給)給[^。？?！!，,]{1,6}了|寫好(?:了)?(?:給(?:家人|爸媽|父母|大家|你們)的)?(?:信|遺書|遺言)|(?:信|遺書|遺言)(?:我)?(?:已經|都|也)?寫好(?:給(?:家人|爸媽|父母|大家|你們|他們))?了|遺書|謝謝(?:你們|大家)(?:這些年|這麼多年|這幾年|一直以來)(?:的)?(?:照顧|幫忙|陪伴)|(?:大家|家人|家裡|爸媽|父母|你們|他們)(?:以後)?(?:就|也)?不(?:用|必|會)再為我(?:煩惱|擔心|操心|難過|傷心))";
// Spoken of as after the writer's death: 「我不在以後她會需要這筆錢」; not 「我不在的時候」, an absence.
const AFTER_I_AM_GONE_ZH =
  "[^]*我(?:不在|走)了?(?:以後|之後)(?![^。？?！!，,]{0,4}(?:的|上班|上課|回來|回家|幾天|這段))";
const LAST_TIME_ZH =
  "[^]*(?:最後一次[^。？?！!]{0,8}了|(?:這是|應該是)我?最後一次(?:繳|付|來|用|寄|買|辦|領)|(?:以後|之後|再也)(?:也|就)?(?:用不到|用不著|不會再用|不會再需要|不需要)[^。？?！!，,]{0,6}了)";
const AFFAIRS_SETTLED_EN =
  "[^]*\\b(?:(?:thanks|thank you) for everything\\W{0,3}(?:and )?(?:goodbye|bye)|(?:say|saying|said) goodbye (?:to everyone|for good|forever)|(?:said|say|saying) (?:my )?goodbyes?|(?:sorted|arranged|settled|put) (?:out )?(?:all )?(?:everything|my affairs|things) (?:in order |out )?(?:for|with) my (?:family|parents|kids)|(?:sorted|settled|put) (?:out )?(?:all )?my affairs(?: in order)?)\\b";
const LAST_TIME_EN =
  "[^]*\\b(?:paid my (?:very )?last (?:bill|payment|rent)|the last (?:time|bill|payment) i(?:'ll| will)?(?= pay)|the last (?:time|bill|payment) i(?:'ll| will)|won't (?:need|be needing) (?:it|this|them|my \\w+) (?:any ?more|after|where i'm going)|the last (?:time|message) (?:you(?:'ll| will)|anyone(?:'ll| will)) (?:ever )?(?:hear from|see|talk to) me)\\b";
// Leaving for good as people do every day: moving away, emigrating, graduating, a new job abroad.
const LEAVING_ZH = "(?:搬家|搬走|搬去|移民|出國|留學|畢業|調職|外派|換工作|回國)";
// Leaving for good in the ordinary way: moving house or abroad, graduating, closing an account.
const MOVING_ON_ZH = "(?:搬家|搬走|搬去|移民|出國|退租|退宿|宿舍|下學期|畢業|留學|結清|過戶|押金)";
const MOVING_ON_EN =
  "\\b(?:mov(?:e|ed|ing) (?:abroad|away|out|overseas|house|to)|emigrat\\w*|relocat\\w*|graduat\\w*|dorm\\w*|semester|term|deposit)\\b";
const GIVEN_AWAY_EN =
  "[^]*\\b(?:(?:gave|given|giving) away (?:all |most )?(?:of )?my (?:things|stuff|belongings|possessions|books|clothes|pets?)|(?:gave|given|giving) (?:away )?(?:all )?my [^.?!]{1,30}? (?:away|to (?:friends|people|others|my \\w+)))\\b";
const UNCARED_FOR_EN =
  "[^]*\\b(?:no one|nobody|noone)(?: will| would|'d| is going to| really)?(?: even| really)? (?:care|miss me|notice i'm gone)\\b";
const NOT_COMING_BACK_EN =
  "[^]*\\b(?:(?:i )?(?:won't|will not|am not|i'm not|i'm never|am never)|and (?:not|never)) (?:be )?(?:coming|going) (?:back|home|down)(?: again| this time)?\\b(?! (?:until|till|before|for|on|tonight|today|tomorrow|next|after|to (?:campus|school|uni\\w*|work|class)))";

const CRISIS: Record<NamedCrisisTopic, RegExp[]> = {
  self_harm: [
    // How much of something must be taken not to wake up again.
    chinese("(?:吃|吞)(?:了)?(?:多少|幾)(?:顆|粒|包|量)?(?:會|才會|就會|才)(?:睡著)?(?:就)?不(?:會)?(?:再)?醒"),
    // Intent and wish to die.
    chinese(
      "(?:想|要|準備|打算|決定)(?:去)?(?:自殺|輕生|尋死|跳軌|臥軌|結束(?:自己的?|我的)?生命|了結(?:自己|生命)|死了之)",
    ),
    chinese(
      "(?:我|好|很|真的|真|超|一直|只)(?:想|要)(?:去)?死(?![亡者刑角黨忠你妳您他她它])|想死了|不想活(?!動)|活不下去|不如死|(?<!不)想要?消失(?!的)|想從這個世界消失|一了百了|活膩|想不開",
    ),
    chinese("(?:自殺|輕生|自殘|自傷|割腕|燒炭|上吊)(?!防治|防制|預防|守門人|防範|通報流程|條款|除外|險|理賠)"),
    chinese(
      "(?:存下來|存了?|囤了?|攢了?|收集了?)[^，。？?！!]{0,6}(?:安眠藥|藥|止痛藥|藥丸)[^。？?！!]{0,10}(?:(?:一次|一口氣)(?:全部|通通)?(?:吃|吞)(?:掉|下去|完|光|了)|(?:全部|通通)(?:吃|吞)(?:掉|下去))|傷害自己|弄傷自己|結束自己|殺了我自己|(?:想|要|準備|打算)(?:從.{0,8})?跳(?:下去|樓)|吞了?(?:一整?[瓶罐盒把排包]|很多|整[瓶罐盒排包])|吃了?(?:一整?[瓶罐盒把]|很多|一堆|整[瓶罐盒])的?(?:藥|安眠藥|止痛藥)",
    ),
    // Indirect hopelessness.
    chinese(
      "撐不下去(?!就)|熬不下去(?!就)|(?:我|快|真的|已經)撐不住|(?:想|要)結束(?:這一切|一切|這條命)|把(?:這一切|一切|所有的?一切|這條命|自己)(?:都)?(?:結束|了結)(?:掉)?|(?:我|覺得|感到)(?:好|很|真的|非常)?絕望|受不了了.{0,6}(?:想死|消失|離開這個世界)|活(?:著|下去)(?:也|都|好像|真的|根本){0,2}(?:好|很|真的)?(?:沒有?什麼|沒啥|沒有?)(?:意義|意思)|人生(?:好|很)?(?:沒有?|沒什麼)(?:意義|希望)|活著(?:好累|太累|沒有?希望)|(?:我|自己|不知道|覺得|想不出)[^。？?！!，,]{0,2}?(?:還有什麼|沒有?|沒什麼|找不到)(?:理由|動力)(?:再|繼續)?活下去|^(?![^]*(?:店|生意|公司|工作室|方案|訂閱|合約|門號|市話|網路|社團))[^]*(?:我|自己|不知道|覺得|想不出)[^。？?！!，,]{0,2}?(?:還有什麼|沒有?|沒什麼|找不到)(?:理由|動力)(?:再|繼續)?撐下去",
    ),
    chinese(
      "(?:沒有我|我不在了?|我消失了?)(?:的話)?.{0,8}(?:比較好|會更好|更好|比較輕鬆)|不想(?:再)?醒來|睡著?了?就不要(?:再)?醒來|^(?![^]*(?:麻醉|舒眠|鎮靜))[^]*(?:乾脆|真想|好想|真希望|但願)(?:一覺|就這樣|今晚|今天|晚上|直接)?睡(?:著|下去|過去)?了?(?:以後|之後)?就?(?:不要|別|不會)(?:再)?醒(?:來|了|過來)|(?<!(?:寶寶|小孩|孩子|他|她|牠|兒子|女兒)[^，。？?！!]{0,4})睡著了?不要(?:再)?醒來(?:算了|好了)|寧願睡著了?就(?:不要|別)(?:再)?醒(?:來|了)|永遠(?:別|不會)(?:再)?醒(?:來|了)|(?:想|希望|乾脆|寧願|但願)[^。？?！!，,]{0,2}一睡不醒|(?:我|自己)(?:大概|應該|可能|也許|恐怕|怕是|搞不好|反正|其實|根本|真的|覺得|感覺|也|都|就|是|會){0,4}活不(?:到|過)(?:下個?(?:月|禮拜|星期|週)|明天|明年|今年|過年|月底|年底|那(?:天|時候|麼久))|永遠不要(?:再)?醒來|不想再活(?!動)|沒有活下去的",
    ),
    // Gone for good as a wish: 「不如消失算了」, going to the water or a height not to come back, no
    // longer a burden to anyone, the means made ready before a last time.
    chinese(
      "(?:我|自己)(?!的)[^。？?！!，,]{0,10}(?:消失|死了?|死掉|去死)(?:算了|好了)|(?:我|自己)(?!的)[^。？?！!]{0,16}不如(?:消失|死了?|死掉)|(?:我|自己)(?:只是|就是|根本是|只會是|是)(?:(?:大家|家人|家裡|爸媽|父母|別人|所有人|你們|他們|我媽|我爸)的?)?(?:一個)?(?:負擔(?!不起|得起|不了|得了)|累贅|拖累)|想[^。？?！!]{0,8}(?:海邊|港邊|河邊|溪邊|江邊|湖邊|橋上|頂樓|懸崖|海裡|河裡)[^。？?！!]{0,4}就?(?:不要|不想|再也不|永遠不|不打算)回來(?!上班|上課|上學|工作|[^。？?！!]{0,6}(?:還車|原站|原點|哈哈|嗎))(?![^。？?！!]{0,6}(?:還車|原站|原點|哈哈|嗎))|不會再(?:麻煩|拖累|打擾|連累|給)任何人(?:添麻煩)?了?(?=$|[。！!，,…\\s])|想[^。？?！!]{0,6}走(?:到|進)(?:河|海|湖|江)裡|想[^。？?！!]{0,6}睡著?了?就?再也不(?:要|想)?醒|活著(?:只會|只是|就是)(?:拖累|麻煩|負擔)|(?:藥|安眠藥|繩子|木炭|炭)(?:[跟和與][^，。？?！!]{1,4})?(?:我)?(?:都|已經)?(?:準備好|買好|存好|備好|存夠|攢夠)了(?![嗎吗])[^？?]{0,40}(?:最後一次|最後一面|不會再|說聲?再見|告別|遺書)(?![^。！!]{0,12}(?:[嗎？?]|在哪|幾點|什麼時候|是哪))",
    ),
    english(
      "\\b(?:kill(?:ing)?|hurt(?:ing)?|harm(?:ing)?|cut(?:ting)?|starv(?:e|ing)) myself\\b|\\bend(?:ing)? (?:my (?:own )?life|it all)\\b|\\btake my (?:own )?life\\b",
    ),
    english(
      "\\bsuicid(?:e|al)\\b(?! (?:prevention|awareness|hotline number|statistics|gatekeeper))|\\bself[- ]?harm(?:ing)?\\b|(?<!\\b(?:don't want to|do not want to|not to|avoid|avoiding|without|so i don't|so we don't|to prevent) (?:an? )?)\\boverdos(?:e|ed|ing)\\b(?! on (?:coffee|caffeine|espresso|energy drinks?|sugar|chocolate|candy|sweets|snacks|junk food|carbs|cake|pizza|netflix|tv|youtube|tiktok|anime|k-?dramas?|memes|sunshine|nostalgia|cuteness|work|homework|studying)\\b)|\\bkms\\b|\\b(?:took|taken|swallowed) (?:too many|a (?:lot|bunch) of|all (?:my|the|of my)|a (?:whole )?(?:bottle|pack|box) of) (?:\\w+ )?(?:pills|tablets|meds|medication|medicine)\\b",
    ),
    // A way to die thought of or meant: "thinking about stepping in front of the next train".
    english(
      `\\b(?:thinking (?:about|of)|think about|want(?:ing)? to|wanna|going to|gonna|plan(?:ning)? to|tempted to|ready to|about to|urge to|i(?:'ll| will| might| could)) (?:just )?(?:(?:step(?:ping)?|jump(?:ing)?|throw(?:ing)? myself|lie down|lying down|walk(?:ing)?|swerv(?:e|ing)) (?:out )?(?:in front of|under) (?:a |an |the |the next |an oncoming |oncoming |a moving |the moving )?(?:train|bus|truck|car|lorry)(?! station| stop| depot| park)\\b|(?:jump(?:ing)?|throw(?:ing)? myself) (?:off|from) (?:a |the |this |that )?(?:bridge|roof|rooftop|building|balcony|cliff)\\b(?! stop)|(?:jump(?:ing)?|lie down|lying down|lie|lying) (?:onto |on )(?:the )?(?:tracks|rails)\\b|(?:walk(?:ing)?|ride|riding|drive|driving|step(?:ping)?|swerve|swerving) (?:my (?:bike|car) )?(?:out )?into (?:the )?(?:oncoming )?(?:traffic|sea|ocean|river|lake)\\b(?!-| (?:park|district|front|promenade|tunnel|crossing|exhibit|gallery|walk|path|trail|view|side|bank|office|zone|jam|museum|cafe|room|road|street|house|hotel|downtown|area|centre|center)\\b))`,
    ),
    // Up a height not to come down, or a jump from it thought of as an end: 「上去頂樓，不打算再下來了」,
    // 「從頂樓跳下去應該就不會痛了吧」.
    chinese(
      "(?:頂樓|樓頂|屋頂|天台|頂層|陽台|高樓|橋上|懸崖)[^。？?！!]{0,12}不(?:打算|想|會|要)再?下來了|從[^。？?！!，,]{0,8}(?:頂樓|樓頂|屋頂|天台|陽台|樓上|橋上|懸崖|樓)跳下去[^。？?！!]{0,8}(?:不會痛|會死|死得了|就解脫|一了百了|就結束|(?:比較)?不會被救|救不(?:回來|活))|從[^。？?！!，,]{0,8}橋跳下去[^。？?！!]{0,8}(?:不會痛|會死|死得了|就解脫|一了百了|就結束|(?:比較)?不會被救|救不(?:回來|活))",
    ),
    // Not lasting until then, one's things or accounts left to someone with thanks for the years, on a roof
    // not to be looked for, a jump thought of as lifting a burden, a one-way ticket with things given away:
    // 「我應該撐不到那時候」, 「管理室不用上來找我」, 「如果我從月台往下跳，大家是不是會比較輕鬆」.
    chinese(
      "(?:應該|大概|可能|恐怕)?撐不(?:到|過)(?:那(?:時候|天|一天)|下個月|月底|明天|下週|年底)|(?:頂樓|樓頂|屋頂|天台|陽台|橋上)[^。？?！!]{0,20}(?:不用|不要|別)(?:上來|過來|來)?找我(?!們)|(?:跳|跳下去|往下跳|消失|不在)[^。？?！!]{0,12}(?:大家|家人|爸媽|你們)(?:是不是|會不會|應該|就)?(?:會)?(?:比較|更)(?:輕鬆|好過|好)|單程票[^。？?！!]{0,16}不(?:打算|會|想)(?:再)?回來",
    ),
    english(
      "\\b(?:no reason (?:for me )?to keep going|(?:don't|do not) see the point (?:anymore|any more|of (?:living|going on|anything)))\\b|\\bi (?:won't|will not) be (?:around|here|alive) to\\b|\\b(?:saving|saved|stockpil\\w*|hoard\\w*) (?:up )?(?:the |my |all (?:my|the) )?(?:pills|tablets|meds|painkillers)\\b[^.?!]{0,40}\\b(?:tonight is the night|have enough|got enough|all at once|to end it|for good)\\b",
    ),
    // Gone by a time told as fact, or a death decided on: 「我下個月應該已經不在了」, 「如果是自己結束生命…我已經決定了」;
    // a last time up a height: "the room on the 20th floor…to see the city one last time".
    chinese(
      "我[^。？?！!，,]{0,8}(?:應該|大概|可能|就|也)(?:已經)?不在了(?!嗎|吧|[？?])|^(?=[^]*(?:結束(?:自己的?)?生命|自殺|輕生|了結自己))(?=[^]*(?:我(?:已經)?決定了|心意已決))|^(?=[^]*(?:最高樓層|最高的樓層|頂樓|樓頂|高樓層))(?=[^]*(?:最後一晚|最後一夜|最後一次))(?=[^]*(?:不打算|不會|不用)(?:再)?(?:退房|回去|下來))",
    ),
    english(
      "^(?=[^]*\\b(?:\\d+(?:st|nd|rd|th) floor|top floor|highest floor|rooftop|roof|balcony|bridge|cliff)\\b)[^]*\\bone last time before i (?:go|die|leave)\\b|\\b(?:pills|tablets|meds|sedatives|painkillers|sleeping pills)\\b[^.?!]{0,30}\\b(?:would it take|does it take)\\b[^.?!]{0,10}\\bfor (?:a person|someone|an adult) (?:my|of my) (?:size|weight)\\b",
    ),
    // Not meaning to live to a time, pills asked of as a way not to wake: 「我不打算活到明年」,
    // 「一次吃多少才不會醒來」, "how many…pills would it take to not wake up".
    chinese(
      "不(?:打算|想|會|要)(?:再)?活(?:到|過)(?:明年|下個月|月底|年底|過年|明天|那(?:天|時候))|吃(?:多少|幾顆|幾包|幾排)(?:才|就)?(?:會死|不會(?:再)?醒|醒不來|死得了|會一睡不醒)",
    ),
    english(
      "\\b(?:pills|tablets|meds)\\b[^.?!]{0,30}\\b(?:would it take|does it take|to take|should i take)\\b[^.?!]{0,10}\\b(?:to not wake up|to never wake up|not to wake up|to die|to end it)\\b|\\b(?:what'?s|what is) the point\\b[^.?!]{0,60}\\bi (?:won't|will not) be (?:around|here|alive)\\b|\\b(?:thinking|think) about (?:stepping|jumping|falling) off\\b|\\b(?:cutting|hurting|harming|burning) (?:herself|himself|themselves|themself)\\b",
    ),
    // Up a height not to come down: "go up to the highest floor one last time and not have to come back down".
    english(
      "^(?=[^]*\\b(?:roof|rooftop|top floor|highest floor|top of the building|building|car park|parking garage|balcony|ledge|bridge|cliff|tower|overlook|viewpoint|lookout|(?:longest|highest|biggest|steepest|sheerest) drop)\\b)(?:[^]*\\b(?:go|going) (?:up |there |out )?alone and (?:not|never) (?:come|coming) back\\s*(?:$|[.!…,;]|again\\b|ever\\b)|[^]*\\b(?:and )?(?:not|never) (?:have to |need to )?(?:come|coming) (?:back )?down\\s*(?:$|[.!…,;]|again\\b|ever\\b)|(?=[^]*\\b(?:go|going|went|head\\w*|climb\\w*) up\\b)" +
        NOT_COMING_BACK_EN +
        ")",
    ),
    english(
      "\\b(?:want|wanna|ready) (?:to )?(?:be )?(?:die|dead)\\b|\\bwish i (?:was|were) dead\\b|\\bwant to disappear\\b",
    ),
    // Two of the warning signs of a plan to die: belongings given away, no one who would care, not
    // coming back (「東西都整理好送人了，反正也沒有人會在意我」, 「這次上山應該就不會下來了」).
    chinese(
      `^(?![^]*${MOVING_ON_ZH})(?:(?=${GIVEN_AWAY_ZH})(?=${UNCARED_FOR_ZH}|${NOT_COMING_BACK_ZH})|(?=${UNCARED_FOR_ZH})(?=${NOT_COMING_BACK_ZH}))`,
    ),
    english(
      `^(?![^]*${MOVING_ON_EN})(?:(?=${GIVEN_AWAY_EN})(?=${UNCARED_FOR_EN}|${NOT_COMING_BACK_EN}|${LAST_TIME_EN})|(?=${UNCARED_FOR_EN})(?=${NOT_COMING_BACK_EN}))`,
    ),
    // Affairs settled with the family, with a last time or another sign: 「這應該是我最後一次繳電話費了…家人那邊我都交代好了」.
    chinese(
      `^(?![^]*(?:${LEAVING_ZH}|過世|去世|往生|離世|告別式|喪禮))(?:(?=${AFFAIRS_SETTLED_ZH})(?=${LAST_TIME_ZH}|${GIVEN_AWAY_ZH}|${UNCARED_FOR_ZH}|${NOT_COMING_BACK_ZH}|${FAREWELL_ZH})|(?=${FAREWELL_ZH})(?=${LAST_TIME_ZH}|${GIVEN_AWAY_ZH}|${UNCARED_FOR_ZH}|${NOT_COMING_BACK_ZH}|${AFTER_I_AM_GONE_ZH}))`,
    ),
    english(
      `^(?![^]*${MOVING_ON_EN})(?=${AFFAIRS_SETTLED_EN})(?=${LAST_TIME_EN}|${GIVEN_AWAY_EN}|${UNCARED_FOR_EN}|${NOT_COMING_BACK_EN})`,
    ),
    // Gone and unmissed: "nobody would notice if i just stopped existing", 「我消失了也沒有人會發現」.
    english(
      "\\b(?:no one|nobody|noone)(?: would| will|'d| even)(?: even)? (?:notice|care|miss me|know)\\b[^.?!]{0,20}\\bif i (?:just |simply )?(?:stopped existing|stop existing|disappeared|vanished|was gone|were gone|died|was dead|were dead|wasn't here|weren't here|wasn't around)\\b(?! (?:for|from|during|at|in)\\b)|\\bif i (?:just )?(?:vanished|disappeared|died|was gone|were gone|stopped existing)(?: tomorrow| today| tonight)?,? (?:honestly )?(?:no one|nobody) would (?:even )?(?:notice|care|miss me)\\b|\\bif i (?:just )?stopped existing\\b(?! (?:as|in|on|from|with)\\b)|\\b(?:want to|wanna|wish i could|i could just) (?:just )?(?:stop existing|cease to exist|not exist)(?: any ?more)?\\s*(?:[.!…,]|$)|\\b(?:no one|nobody) would (?:even )?miss me\\s*(?:[.!…]|$)",
    ),
    chinese(
      "我(?:就這樣|突然|哪天|明天)?(?:(?:消失|不見|不在|死)了|死掉了?)(?:的話)?[，,]?(?:[^。？?！!]{0,2}(?:大概|應該|可能|也許|根本))?(?:也|都)?(?:不會有人|沒有?人)(?:會)?(?:發現|在乎|在意|注意到?|難過|想我)|沒有?人(?:會)?在乎我(?:的死活|死不死|是死是活)|我(?:明天|哪天|之後|以後)?(?:不在|消失|走)了[^]{0,30}(?:沒有?人|不會有人)(?:會)?(?:在意|在乎|發現|難過|想我)",
    ),
    // Indirect hopelessness.
    english(
      "\\b(?:tired of|sick of|hate) being a burden\\b|\\bi(?:'m| am) (?:just |only )?a burden to (?:everyone|everybody|my family|them|you all|the people i love)\\b|\\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded) (?:up )?(?:my |all my )?(?:sleeping )?(?:pills|tablets|meds)\\b[^]{0,60}\\b(?:last time|take them all|all at once|(?:have|got) enough(?: now)?(?! (?:to last|for|until|till|left))|enough now)\\b|\\b(?:nothing|no one|nobody) (?:left )?to live for\\b|\\bno (?:reason|point) (?:to |in )?(?:live|living|go on|going on|keep going|being alive)(?: any ?more)?\\s*(?:[.!…,]|$)|\\bnot worth living\\b|\\bbetter off (?:dead|without me)\\b",
    ),
    english(
      "\\bcan(?:no|')?t (?:go on|keep going|do this)(?: like this| any ?more| living)*\\s*(?:[.!…,]|$)|\\bcan(?:no|')?t take (?:it|this) any ?more\\b",
    ),
    english(
      `\\b(?:want to|wanna|wish i could|hope to|i could just|i'd like to) (?:just )?(?:go to sleep|fall asleep|sleep) and (?:not|never) wake up\\b(?! (?:until|till|before|in time|on time|early|when|at))|\\b(?:(?:don't|do not|can't|cannot) see (?:the|any) point|what's the point) (?:of|in) (?:waking up|living|being alive|going on)(?: any ?more| tomorrow| again| today)?\\s*(?:[.!?…,]|$)|\\bno (?:reason|point) (?:to |in )?(?:wake|waking) up(?: any ?more| tomorrow)?\\s*(?:[.!?…,]|$)|\\b(?:want to|wanna|wish i could|just want to) (?:just )?sleep forever\\b|\\bhope i (?:don't|never) wake up\\b|\\bbetter off if i (?:just )?(?:wasn't|weren't|was not|were not) (?:here|around|alive)\\b|\\b(?:everyone|everybody|they|people|my family|the world)(?: would|'d) be (?:better off|happier) if i (?:just )?(?:disappeared|vanished|was gone|were gone|died|was dead|were dead|stopped existing)\\b(?! (?:from|off|out of)\\b)|\\b(?:(?:don't|do not|can't|cannot) see (?:the|any|a) point|what's the point|there's no point) (?:of|in|to) (?:(?:anything|life) ?(?:any ?more)?|(?:it all|any of (?:this|it)) ?any ?more)\\s*(?:[.!?…,]|$)|\\bi just want (?:it all to|it to all) (?:stop|end|be over)\\s*(?:[.!…,]|$)|\\bi just want everything to be over\\b|^(?![^]*\\b(?:${AWAY_FOR_A_REASON_EN}|than|today|tonight|this (?:morning|afternoon|evening|week)|\\d))[^]*\\bi(?: won't| will not|'m not going to| am not going to) be (?:around|here|alive) (?:much |for much |for very much )?longer\\b(?! (?:at|on|in|with)\\b)|\\bi(?: won't| will not|'m not going to| am not going to) (?:even )?be alive (?:by then|by (?:next|the end of|the time)\\b|any ?more\\b)(?!,? ?(?:lol|lmao|haha|jk)\\b|[^]{0,3}[😂🤣])|^(?=[^]*\\b(?:no need|don't bother|doesn't (?:really )?matter|never ?mind|forget (?:it|about)|no point|don't need to|just cancel)\\b)(?![^]*\\b(?:${AWAY_FOR_A_REASON_EN}|than|today|tonight|this (?:morning|afternoon|evening|week)|\\d|instead|reschedul\\w*|pick(?:ed)? (?:it )?up|collect|sign for|hold it|forward|mail|deliver\\w*|can (?:i|you|my|someone|she|he)|could (?:i|you)|please|pls)\\b)[^]*\\bi(?: won't| will not|'m not going to| am not going to) be (?:around|here) by then\\b|\\b(?<!for )(?:before|after) i'm gone(?: for good| forever)?(?=\\s*(?:[.!,…]|$))|\\b(?:when|once|after|before) i'm gone (?:for good|forever)\\b|\\b(?:after|once|when) i(?:'m| am) (?:dead|no longer (?:here|around|alive))\\b|\\b(?:no ?one|nobody)(?: will|'ll|'s going to| is going to)(?: ever)? (?:need|have|want) to (?:reach|contact|call|find) me (?:any ?more|ever again|again)\\b(?! (?:on|at|about|through|via|by|from|for|in)\\b)|^(?![^]*\\b(?:${AWAY_FOR_A_REASON_EN}|number|phone|landline))[^]*\\b(?:no ?one|nobody)(?: will|'ll|'s going to| is going to)(?: ever)? (?:need|have|want) to (?:reach|contact|call|find) me after (?:this|next|the) (?:weekend|week|month|friday|saturday|sunday|day)\\b,? anyway\\b|\\bwhat's the point any ?more\\s*(?:[.!?…,]|$)|\\bwant (?:it all|everything) to (?:stop|end) for good\\b|\\b(?:don't|do not) (?:want to|wanna) (?:live|be alive|exist|wake up)(?: any ?more| tomorrow| again| ever again)?\\s*(?:[.!…,]|$)|\\b(?:don't|do not) (?:want to|wanna) (?:be alive|live|exist) any ?more\\b|\\b(?:life|living) (?:is|feels) (?:pointless|meaningless|hopeless)\\b|\\bgive up on (?:life|living)\\b|\\b(?:i feel|i'm|i am|feeling) (?:so |really |completely )?(?:hopeless|worthless)\\b`,
    ),
    // Gone as a decision, in words that name no death: 「乾脆消失算了」, 「我不打算再撐下去了」, pills
    // saved up to take at once (「安眠藥我都沒吃存起來了 想說乾脆一次吃完」).
    chinese(`${GIVING_UP_ZH}|${ENDURING_NO_LONGER_ZH}|${PILLS_SAVED_ZH}|${PILLS_ENOUGH_ZH}`),
    // Not expecting to be around, as a doubt: "i don't think i'll be around much longer anyway";
    // no point in being around any more.
    english(
      `^(?![^]*\\b(?:${AWAY_FOR_A_REASON_EN})\\b)[^]*\\b(?:i (?:don't|do not) (?:think|expect|know if)|i doubt|not sure(?: if)?) (?:i'll|i will|ill|i'm (?:gonna|going to)) (?:be around|be here|still be (?:around|here|alive)|be alive) (?:(?:much |for much )?longer|for long|by next (?:week|month|semester|term|year))${DOUBT_TAIL_EN}|\\b(?:(?:don't|do not|can't|cannot) see (?:the|any) point|what'?s (?:even )?the point) (?:of|in) being (?:around|here any ?more)(?: any ?more)?(?=\\s*(?:[.!?…,]|$| honestly| tbh| anyway))`,
    ),
  ],
  abuse: [
    // Shut in or starved, as told by the one it happens to or someone who saw it: 「兒子把她關在家裡不給她飯吃」.
    chinese(
      "^(?![^]*(?:手術|麻醉|禁食|空腹|檢查前|寵物|貓|狗))[^]*(?:把|將)(?:他|她|我|孩子|小孩|老人家?|媽媽|爸爸|阿公|阿嬤)(?:關|鎖)在(?:家裡?|房間|屋裡|廁所|籠子|陽台|門外)|^(?![^]*(?:手術|麻醉|禁食|空腹|檢查前))[^]*不(?:給|讓)(?:他|她|我|孩子|小孩)(?:吃飯|飯吃)(?!前|後|以前|之前)",
    ),
    // Cries and blows heard from a home; something done to the writer that they are told to keep secret.
    chinese(
      "(?:尖叫|哭喊|哭叫|慘叫)[^。？?！!]{0,8}(?:被打|打人|打小孩)|(?:被打|打小孩|打人)的聲音|對(?:我|他|她)做[^。？?！!，,]{0,6}(?:不舒服|奇怪|噁心|害怕|不喜歡)的事",
    ),
    english(
      "\\b(?:kids?|children|child|baby|toddler)\\b[^.?!]{0,20}\\b(?:left|home) (?:alone|by themselves|on their own) for (?:days|a week|(?:two|three|four|several|many|\\d+) days)\\b|\\b(?:cigarette burns|burn marks on (?:his|her|their) (?:arms?|legs?|hands?|body|back|face))\\b",
    ),
    // Bruises told with the blows that gave them, or with fear of going home: "My partner got angry
    // again last night and I have new bruises… I don't think I can go home tonight".
    english(
      `^(?=[^]*\\b(?:bruis(?:e|es|ed|ing)|black eye|marks on my (?:arms?|neck|face|body))\\b)(?=[^]*(?:\\bmy ${PEOPLE_EN}\\b[^.?!]{0,40}\\b(?:hit|hits|hitting|grabbed|pushed|shoved|choked|kicked|beat|beats|hurt|hurts|did (?:it|this|that))\\b|\\b(?:bruises?|marks) (?:are |were )?from (?:him|her|my ${PEOPLE_EN})\\b|\\b(?:(?:can't|cannot|don't think i can|(?:too )?(?:scared|afraid|frightened|terrified) to) go|(?:scared|afraid|frightened|terrified) (?:of|about) going) (?:back )?home\\b))`,
    ),
    chinese(
      `被${HURTER_ZH}?(?:性侵|強暴|強姦|性騷擾|騷擾|猥褻|家暴|虐待|霸凌|毆打|痛打|打傷|跟蹤|偷拍|恐嚇|威脅|下藥|囚禁|關起來)`,
    ),
    // A plain blow: "我被打了", "被打到流血", "我被男友打".
    chinese(
      `被(?:打|揍|踢)(?:了|傷|到|得|成(?![「『“"'‘]|錯)|一頓|巴掌|耳光)|被${HURTER_ZH}(?:打|揍|踢|掐|甩)${NOT_A_BLOW_ZH}`,
    ),
    chinese(
      "(?<!關於|有關|討論|研究|反)(?:家暴|家庭暴力|性侵|強暴|約會暴力)(?!害?防治|害?防制|防治法|害?防範|[^。？?！!]{0,6}(?:已經|已)(?:結案|判決|結束)|(?:的)?(?:歷史|研究|議題|相關|書|報告|講座|課程|電影|紀錄片|統計|宣導|海報|資源))|(?:打|揍|踢|掐|毆打|威脅|恐嚇|騷擾|跟蹤|霸凌|猥褻)我(?!的|們|電話|手機|分機)",
    ),
    // Someone else's threat to kill the asker, as told ("室友說要殺了我"), and being followed.
    chinese(
      "(?:說|揚言|威脅|想|要)(?:要|會)?(?:殺|砍|捅|打死|殺死|殺掉|弄死)(?:了|掉|死)?我(?!的|們)|有人(?:一直)?(?:跟著|尾隨|跟蹤)我(?![^，。？！?!]{0,4}一起)",
    ),
    // An ex-partner or a stranger lying in wait for the asker ("我前夫一直在社區門口堵我").
    chinese(
      `(?:${EX_PARTNER_ZH}|陌生人|有個?(?:男|女)的|有人)[^，。？?！!]{0,12}(?:門口|樓下|家門|公司|學校|宿舍|社區|外面)[^，。？?！!]{0,4}(?:堵我|等我|守著我)`,
    ),
    // Someone following the asker's child or another of their own, told on the spot ("有個男的在兒童區一直跟著我女兒").
    chinese(
      "(?:有個?(?:男|女)的|有人|陌生人|陌生(?:男|女)子?|怪叔叔)[^，。？！?!]{0,12}?(?:(?:一直|一路)跟著|尾隨|跟蹤)我的?(?:女兒|兒子|小孩|孩子|寶寶|妹妹|弟弟|媽媽|老婆|太太|女友|女朋友)(?![^，。？！?!]{0,4}一起)",
    ),
    english(
      "\\b(?:i (?:was|am|'m|got|have been|'ve been)|i'm being|i am being|being) (?:raped|sexually (?:assaulted|harassed|abused)|assaulted|abused|molested|stalked|beaten|attacked|threatened|bullied|harassed|drugged)\\b",
    ),
    english(
      "\\b(?:he|she|they|someone|somebody|my (?:\\w+)) (?:is |are |keeps |kept |has |have |has been |have been )?(?:hit|hits|hitting|beat|beats|beating|hurt|hurts|hurting|abuse[sd]?|abusing|rape[sd]?|raping|assault(?:ed|s|ing)?|stalk(?:ed|s|ing)?|threaten(?:ed|s|ing)?|chok(?:ed|es|ing)|harass(?:ed|es|ing)?|bull(?:y|ies|ied|ying)) me\\b(?! (?:up|with|back|off|out)\\b)",
    ),
    // The one who hits named first, what they do told between: "my husband takes the letters and hits me".
    english(
      `\\b(?:he|she|my ${PEOPLE_EN}|my (?:stepdad|stepfather|stepmom|stepmother|uncle|aunt|landlord|coach))\\b(?:[^.?!]{0,50}?(?:,| and| then)(?: then| also| just| sometimes| always| still)? | (?:always|often|sometimes|still|even|also|just|then|actually) )(?:hits|hit|beats|beat|kicks|kicked|slaps|slapped|punches|punched|chokes|choked) me\\b(?!(?: again)? (?:up|back|with|off|out)\\b| on the back| on (?:the )?(?:way|bus|train))`,
    ),
    english(
      `\\bthreaten(?:ed|s|ing)? to (?:kill|hurt|stab|shoot|beat|rape) me\\b|\\b(?:said|says|told me) (?:he|she|they)(?:'d|'ll| would| will| was going to| is going to|'s going to| were going to| are going to|'re going to) (?:kill|hurt|stab|shoot|beat|rape) me\\b|\\b(?:someone|somebody|a (?:man|woman|guy|stranger)|he|she|they) (?:is|'s|are|'re|keeps|has been|have been) (?:following|stalking) (?:me|my ${PEOPLE_EN}|us)\\b(?! on (?:instagram|ig|twitter|x|facebook|fb|tiktok|threads|social media|github|linkedin|youtube|line)\\b)`,
    ),
    english(
      "\\b(?:domestic violence|dating violence|sexual(?:ly)? assault(?:ed)?)\\b(?! prevention| policy| training| awareness)",
    ),
    // Someone at home who hits, with the marks or the drink told: 「她爸爸喝醉會打她，手臂上都是瘀青」.
    chinese(
      `^(?=[^]*(?:瘀青|淤青|烏青|傷痕|喝醉|酒醉))[^]*(?:爸爸?|媽媽?|父親|母親|繼父|繼母|後母|${PARTNER_ZH}|哥哥|叔叔|家人)(?:(?!不|沒|從未)[^。？?！!，,]){0,6}(?:會|常常?|一直|都|又|經常|總是|每次都?)(?:用[^。？?！!，,]{1,3})?(?:打|揍|踢)(?:她|他|我)(?!的|們|電話|手機)|^[^]*(?:說|講)(?:是|被)(?:爸爸?|媽媽?|父親|母親|繼父|繼母|叔叔|家人|哥哥)[^。？?！!，,]{0,4}(?:打|揍|踢)的`,
    ),
    // A child's disclosure, as told to a teacher or a librarian: touched where no one may touch them
    // (「他叔叔會摸他身體」), or beaten with a belt or a stick (「家裡大人會用皮帶打他」).
    chinese(
      "(?:叔叔|伯伯|舅舅|姑丈|姨丈|爸爸?|父親|繼父|哥哥|爺爺|外公|大人|老師|教練|鄰居)(?:會|常常?|一直|都|又|經常|總是|每次都?)?(?:偷)?(?:摸|碰|亂摸)(?:他|她|我)的?(?:身體|下體|胸部?|私處|屁股|大腿)",
    ),
    chinese(
      "(?:會|常常?|一直|都|又|經常|總是|每次都?)?用(?:皮帶|棍子|木棍|衣架|藤條|拖鞋|掃把|水管)(?:打|抽|揍)(?:他|她|我)(?!的|們)",
    ),
    english(
      "\\b(?:told me|tells me|says|said|told us)\\b(?: that)? (?:her|his|their|my) (?:step)?(?:father|dad|mother|mom|mum|uncle|aunt|brother|sister|parents?|grand(?:pa|ma|father|mother)|coach|babysitter|mum's boyfriend|mom's boyfriend|boyfriend|girlfriend|husband|wife|partner|ex|carer|caregiver) (?:(?:locks|shuts) (?:her|him|them|me) (?:in|up|out)(?: and|,) )?(?:hits|hurts|beats|touches|abuses|kicks|slaps|chokes|punches|starves) (?:her|him|them|me)\\b(?! (?:with (?:a|the) ball|in (?:the )?game|at (?:chess|cards|games?)))",
    ),
    // Groped or touched by someone near (動手動腳, 亂摸); told of a push by the one hurt; a threat to push or
    // hurt for leaving; a child's cries heard with "stop hitting"; in English, grabbed hard with bruises,
    // followed and touched, phone taken and not let out, the children threatened, someone locked in.
    chinese(
      "(?:一直|又|常常|趁[^。？?！!]{0,8})?(?:對我|對她|對他)?(?:動手動腳|亂摸(?:我|她|他))|(?:瘀青|淤青|傷)[^。？?！!]{0,12}(?:說是|說被)[^。？?！!]{0,6}(?:推|打|踢|掐)的|(?:如果|要是)我?(?:敢)?[^。？?！!]{0,8}(?:分手|離開|報警|說出去)[^。？?！!]{0,8}(?:就|會)(?:要)?(?:把我|殺|打死|推|砍|弄死)|(?:喊|哭喊|叫)[^。？?！!]{0,4}[「『]?不要打了",
    ),
    english(
      "\\bbruises\\b[^.?!]{0,60}\\b(?:grabs|grabbed|hits|hit|pinches|pushes|pushed|shoves|kicks) (?:her|him|me)\\b|\\b(?:follow\\w*|touched) me\\b[^.?!]{0,40}\\b(?:touched me|following me|still (?:in|on|here|there))\\b|\\btook my (?:phone|passport|id|keys|money)\\b[^.?!]{0,30}\\b(?:won't|will not|doesn't|does not) let me (?:leave|go out|out)\\b|\\b(?:hurt|kill|take) the kids if i\\b|\\bbeing locked in\\b",
    ),
    // Bruises and pinches or blows from a carer or a teacher; touched and told not to tell; a phone and
    // papers taken and not let out; burn marks on a child; locked in without food; a threat to kill on leaving.
    chinese(
      "^(?=[^]*(?:瘀青|淤青|烏青|傷痕|紅腫))[^]*(?:老師|保母|保姆|褓姆|教練|看護|阿姨|叔叔|伯伯)(?:會|常常?|一直|都|又|總是)(?:捏|打|掐|咬|燙|踢)(?:她|他|我)|(?:摸|碰)(?:她|他|我)[^。？?！!]{0,12}(?:叫|要)(?:她|他|我)(?:不能|不要|不准|別)[^。？?！!]{0,4}(?:說|講|告訴)|(?:收走|拿走|沒收|扣住|藏起來)(?:了)?(?:我的)?(?:手機|證件|護照|身分證|錢|薪水)[^。？?！!]{0,14}(?:不准|不讓|不許)我(?:出門|出去|離開|跟)|把我的?(?:手機|證件|護照|身分證|錢|薪水)[^。？?！!]{0,8}(?:收走|拿走|沒收|扣住|藏起來)了?[^。？?！!]{0,6}(?:不准|不讓|不許)我(?:出門|出去|離開|跟)",
    ),
    english(
      "\\b(?:burn marks|cigarette burns|burns shaped like)\\b[^.?!]{0,30}\\b(?:arms?|legs?|back|body|hands?|neck)\\b|\\blocks? (?:him|her|them) in (?:his |her |their |the |a )?(?:room|closet|basement|house)\\b|\\b(?:said|says|told me|threatened)\\b[^.?!]{0,30}\\b(?:he|she|they)(?:'s|'re| is| are| was| were)? (?:going to|gonna|will|'ll|would) (?:kill|hurt|stab|shoot|beat) (?:me|us)\\b",
    ),
    // Threatened with death for speaking, groped, a room forced, a child touched or asked to keep a
    // secret: 「還說如果我說出去就殺了我」, 「房東一直對我毛手毛腳」, 「教練會趁沒人的時候摸我女兒」.
    chinese(
      "(?:說|揚言|威脅|恐嚇)[^。？?！!]{0,14}(?:就|會|要)(?:殺|砍|捅|打死|殺死|殺掉|弄死)(?:了|掉|死)?我(?!的|們)|對(?:我|她|他|我女兒|我兒子)毛手毛腳|(?:硬|強行|強)闖(?:進)?(?:我|她|他)的?(?:房間|房|家|宿舍)|(?:趁|偷偷|私下)[^。？?！!]{0,8}(?:摸|碰|親)(?:我的?)?(?:女兒|兒子|孩子|小孩|學生|妹妹|弟弟)",
    ),
    english(
      "\\b(?:he|she|they)(?:'ll| will|ll) (?:kill|hurt|stab|shoot) (?:me|us)\\b|\\bkeeps? (?:showing up|turning up|waiting) (?:at|outside) my (?:apartment|house|flat|home|work|office|door)\\b[^.?!]{0,60}\\b(?:ex|kill|hurt|scared)|\\b(?:my|her|his) (?:\\d+ ?(?:yo|y/o|year old|years old) )?(?:daughter|son|kid|child|student|niece|nephew)\\b[^.?!]{0,40}\\b(?:keep it (?:a )?secret|not to tell (?:anyone|me|her parents|his parents)|(?:don't|not) tell (?:anyone|her mom|his mom|her parents|his parents))\\b",
    ),
    // Someone else being hurt now, as a witness tells it.
    chinese(
      "(?:在|又在|一直在?|正在)(?:打|揍|踢|虐待|毆打|家暴)(?:小孩|孩子|兒子|女兒|老婆|太太|媽媽|爸爸|老人|他|她)",
    ),
    english(
      "\\b(?:he|she|they|someone|somebody|my \\w+)(?: is| are|'s|'re| keeps) (?:hurting|hitting|beating|abusing|attacking|choking) (?:his|her|their|the|a|my) (?:kids?|children|child|baby|wife|husband|partner|girlfriend|boyfriend|mother|mom|father|dad)\\b",
    ),
  ],
  violence: [
    chinese(
      "(?:想|要|會|準備|打算|真想)(?:去)?(?:殺|砍|捅|打死|殺死|殺掉|弄死|炸)(?:了|掉|死)?(?:人|他|她|他們|大家|所有人|室友|老師|教授|同學|學校|教室|宿舍)",
    ),
    chinese(
      "(?:帶|拿)(?:刀|槍|炸彈|武器)(?:去|到|進)?.{0,6}(?:學校|教室|宿舍|上課|校園)|放火燒|報復(?:社會|學校|他們)",
    ),
    // Something slipped into another's food or drink unnamed or unseen, whatever it is meant to do to them.
    chinese(
      "(?:在|往|幫)(?:他們|她們|他|她|室友|同事|同學|老公|老婆|男友|女友|對方|主管|老闆|鄰居)(?:的)?[^。，,？?！!]{0,6}(?:飲料|食物|水杯|水壺|杯子|便當|飯菜|午餐|早餐|晚餐|餐點|湯|咖啡|茶|奶茶|高蛋白|蛋白粉|飲食|酒)(?:裡|中|內|裡面)?(?:(?:偷偷?|悄悄|暗中)(?:加|放|下|摻|倒)(?:點|一點|些|一些)?(?:東西|藥)|(?:加|放|下|摻)(?:點|一點|些|一些)?東西)",
    ),
    // A poison put into food, or how much of it a person can eat.
    chinese(
      "(?:老鼠藥|農藥|毒藥|殺蟲劑|除草劑|漂白水|安眠藥|鎮定劑)[^。？?！!]{0,12}(?:加在|加進|放在|放進|摻在|摻進|倒進|混在)[^。？?！!]{0,4}(?:飯|菜|湯|飲料|水|食物|咖啡|茶|便當)|(?:老鼠藥|農藥|毒藥|殺蟲劑|除草劑)[^。？?！!]{0,20}人(?:吃|喝)(?:了)?(?:多少|幾)",
    ),
    english(
      `\\b(?:(?:put|slip|add|mix|sneak)(?:ping|ped|ing)? (?:something|some(?:thing)? \\w+|a little \\w+|stuff)|(?:slip|sneak)(?:ping|ped|ing)?(?: \\w+)?) (?:in|into) (?:his|her|their|my (?:${PEOPLE_EN})'s) (?:drink|food|coffee|tea|shake|protein|water|bottle|meal|lunch)\\b`,
    ),
    english(
      `\\b(?:want|going|gonna|plan(?:ning)?|ready) to (?:kill|shoot|stab|hurt|attack|bomb) (?:him|her|them|you|everyone|everybody|people|someone|somebody|my ${PEOPLE_EN}|the (?:school|class|campus|professor|teacher))\\b`,
    ),
    english(
      "\\b(?:bring|take|bringing|taking) (?:a|my) (?:gun|knife|weapon|bomb) (?:to|into) (?:school|class|campus|the (?:school|class|campus|dorm|building))\\b|\\bshoot up (?:the |my |a )?(?:school|class|campus)\\b",
    ),
    english(
      "\\bi(?:'ll| will| am going to|'m going to|'m gonna) (?:kill|shoot|stab|hurt) (?:him|her|them|you|everyone|someone)\\b",
    ),
  ],
  emergency: [
    // Bleeding that does not stop, now: 「腿一直在流血止不住」.
    chinese(
      `${HAPPENING_NOW_ZH}(?:流血|出血|血)(?:一直|還是|都)?(?:止不住|停不下來|止不了|流不停|停不了)(?![^。？?！!]{0,4}(?:的話|怎麼辦嗎|嗎))|${HAPPENING_NOW_ZH}(?:一直|還在|正在)(?:在)?(?:大量)?流(?:好多|很多)血`,
    ),
    english(
      `^(?![^]*\\b(?:yesterday|last (?:week|month|year|time|night)|\\w+ (?:days|weeks|months|years) ago|what if|if (?:someone|a|my)|in case)\\b)[^]*(?<!\\b(?:if|when|suppose|supposing|in case|because) )\\b(?:he|she|they)(?:'s| is|'re| are) (?:bleeding (?:a lot|heavily|badly|everywhere|so much|profusely|really bad)|not breathing|unresponsive|unconscious|having a seizure|seizing|(?:lying (?:on the (?:ground|floor) )?|on the (?:ground|floor) )(?:and )?not moving|not moving(?=\\s*(?:[,.!?;？！，。]|$|\\p{Script=Han}|and\\b|at all\\b|anymore\\b)))`,
    ),
    // A fall, a blow to the head or the water, and now no waking: 「隊友跌倒撞到頭一直叫不醒」.
    chinese(
      `${HAPPENING_NOW_ZH}(?:撞到頭|撞到頭部|摔到頭|頭部?(?:受傷|撞傷|流血)|跌倒|摔倒|滑倒|摔下(?:來|去)|跌落|墜落|溺水)[^。？?！!]{0,16}(?:一直|都|還是|完全|已經)?(?<!沒有?|並沒有?|(?:手機|電話|電腦|平板|螢幕|機器|系統|網頁|網站|app|APP|App)[^，。]{0,8})(?:叫不醒|昏迷|昏過去|沒有?意識(?!到)|沒有?反應|不省人事|沒有?呼吸(?![器道科]))${NOT_PAST_ZH}`,
    ),
    // The signs of a stroke coming on: speech suddenly slurred, an arm or one side weak, the face drooping.
    chinese(
      `^(?![^]*${SYMPTOMS_ASKED_ZH})[^]*${HAPPENING_NOW_ZH}(?:突然|剛剛|剛才|現在)[^。？?！!]{0,8}(?:${SLURRED_ZH}[^。？?！!]{0,14}${ONE_SIDE_WEAK_ZH}|${ONE_SIDE_WEAK_ZH}[^。？?！!]{0,14}${SLURRED_ZH}|嘴(?:巴)?歪|臉歪)`,
    ),
    english(
      `^(?![^]*\\b(?:symptoms?|signs?|what (?:is|are) (?:the )?(?:signs|symptoms))\\b)(?=[^]*\\b(?:my ${PEOPLE_EN}|he|she|his|her|someone|somebody|a (?:man|woman|patient|passenger|customer|visitor))\\b)[^]*(?:\\b(?:suddenly|all of a sudden|just now|right now)\\b[^.?!]{0,40}\\b(?:slurr(?:ed|ing)|can(?:'t|not) (?:speak|talk) properly|(?:face|mouth) (?:is )?droop(?:ing|s|ed))\\b|\\b(?:slurr(?:ed|ing)|(?:face|mouth) (?:is )?droop(?:ing|s|ed))\\b[^.?!]{0,60}\\b(?:suddenly|all of a sudden|(?:\\d+|a few|few|ten|five|fifteen|twenty|thirty) (?:minutes?|mins?) ago)\\b)`,
    ),
    // Feeling faint now, said of oneself with another symptom ("dizzy and shaky", 「頭好暈又一直發抖」).
    english(
      "\\b(?:i'm|i am|i feel|i'm feeling|i am feeling)(?: really| so| very| quite)? (?:dizzy|faint|shaky|light-?headed)(?:\\s*,\\s*|\\s+and\\s+|\\s+)(?:really |so |very )?(?:dizzy|faint|shaky|light-?headed|sweating|numb|short of breath|can't breathe)\\b|\\b(?:i'm|i am|i feel like i'm|i think i'm) (?:about to|going to|gonna) (?:faint|pass out)\\b",
    ),
    chinese(
      "我[^，。？?！!]{0,8}(?:頭(?:好|很|一直)?暈[^。？?！!]{0,6}(?:發抖|冒冷汗|喘不過氣)|(?:發抖|冒冷汗)[^。？?！!]{0,6}頭(?:好|很|一直)?暈)",
    ),
    // Gas in the air now: a leak, its smell, carbon monoxide.
    chinese(
      `^(?![^]*(?:警報器|偵測器|檢查|檢測|安檢|預防|防止|保險|多少錢|費用|修好|修理好|處理好|已(?:經)?排除|${RESOLVED_ZH}))[^]*(?:聞到[^，。？?！!]{0,4}(?:瓦斯|煤氣|天然氣)|(?:瓦斯|煤氣|天然氣)(?:的)?味(?:道)?|(?:瓦斯|煤氣|天然氣)(?:外洩|漏氣|洩漏|外漏)了|(?:好像|疑似|可能)一氧化碳中毒)`,
    ),
    english(
      "^(?![^]*\\b(?:detectors?|alarms?|sensors?|insurance|cover|price|inspection|testing|prevent|fixed|repaired|tightened|sorted|all good|all fine)\\b)[^]*(?:\\bi (?:can )?smell gas\\b|\\bsmells? (?:strongly )?(?:of|like) gas\\b|\\b(?:strong )?(?:smell of gas|gas smell)\\b|\\bgas is leaking\\b|\\bthere(?:'s| is) a gas leak\\b|\\bleaking gas\\b)",
    ),
    chinese(
      `^(?![^]*${RESOLVED_ZH})[^]*(?:^\\s*救命[啊呀喔]?[!~～。.\\s]*$|救命.{0,6}(?:有人|快來|快叫|報警|救護車)|(?<!(?:${IF_ZH}|${NOT_REAL_ZH})[^。？?！!]{0,16})有人(?:在[^，,。]{0,8})?(?:昏倒|暈倒|倒下|倒在|受傷|流血|沒有?呼吸|沒有?意識(?!到)|不省人事|抽搐|被刺|被打|溺水|跳樓|要跳)|${HAPPENING_NOW_ZH}(?:失火|著火|火災了|起火了|燒起來了)|心臟病(?:發作|發)|被困在(?:電梯|火場|房間|廁所|宿舍|樓梯|屋頂))`,
    ),
    // A body's signs now: lips gone blue, a face or throat swelling with no breath after eating, someone
    // fallen where they lie and not waking, no breath now; a crushed chest with a numb arm, a battery swallowed.
    chinese(
      `^(?![^]*${RESOLVED_ZH})[^]*(?:(?:嘴唇|臉色?|全身|指甲)(?:都)?(?:發紫|發黑)|(?:臉|嘴唇|喉嚨|眼睛)(?:都)?腫(?:起來)?了?[^。？?！!]{0,8}(?:喘不過氣|不能呼吸|呼吸困難)|倒在[^。？?！!，,]{0,4}地上?[^。？?！!]{0,6}(?:叫不醒|沒有?反應|沒有?呼吸)|(?:現在|已經|好像)沒有?(?:呼吸|心跳)了(?![器道科]))`,
    ),
    english(
      "\\b(?:lips|face|throat|tongue) (?:is |are |feels? (?:like (?:it'?s|its) )?)?(?:swelling|swollen|closing)\\b[^.?!]{0,40}\\b(?:can't breathe|cannot breathe|cant breathe|wheez\\w*|breath\\w*)\\b|\\bchest (?:feels? )?(?:crushed|tight|heavy|like (?:an elephant|something heavy))\\b[^.?!]{0,40}\\b(?:left )?arm (?:is |feels )?(?:numb|tingling|weak)\\b|\\bswallowed (?:a |an |some )?(?:button )?(?:battery|batteries|magnets?|bleach|detergent|(?:laundry|dishwasher) pods?|rat poison|poison)\\b",
    ),
    // Someone near who took something and now fits or does not wake: 「我媽吃了藥之後整個人抽搐，叫不醒」.
    chinese(
      `(?<!(?:${IF_ZH}|${NOT_REAL_ZH}|${BEFORE_NOW_ZH})[^。？?！!]{0,12})${NEAR_ONES_ZH}(?:剛剛|剛才|突然)?(?:吃|吞|喝)了?[^。？?！!]{0,10}(?:之後|以後|後)[^。？?！!]{0,6}(?:抽搐|叫不醒|昏迷|昏過去|沒有?反應|沒有?意識(?!到)|沒有?呼吸(?![器道科]))${NOT_PAST_ZH}`,
    ),
    english(
      "\\b(?:took|taken|swallowed|has taken) (?:way |far )?(?:too many|a lot of|a whole (?:bottle|pack|box|strip) of) (?:(?:of )?(?:his|her|their|my) )?(?:\\w+ )?(?:pills|tablets|meds|medication|medicine)\\b",
    ),
    // Someone near, or the asker, collapsed or unable to breathe now; chest pain with breathlessness.
    chinese(
      `^(?![^]*${RESOLVED_ZH})[^]*(?:(?<!(?:${IF_ZH}|${NOT_REAL_ZH}|${BEFORE_NOW_ZH})[^。？?！!]{0,12})${NEAR_ONES_ZH}(?:在[^，。？?！!]{1,12}?)?(?:突然|剛剛|剛才|現在)?(?:一直|開始|又)?(?:昏倒|暈倒|昏過去|暈過去|昏迷|休克|叫不醒|沒有?呼吸(?![器道科])|沒有?心跳|沒有?意識(?!到)|不省人事|抽搐|吐血|血流不止|大量出血)${NOT_PAST_ZH}|(?<!${NOT_REAL_ZH}[^。？?！!]{0,12})(?:(?<!${IF_ZH}[^。？?！!]{0,12})${SOMEONE_THERE_ZH}(?:在[^，。？?！!]{0,10}?)?(?:突然|剛剛|剛才|現在)?${COLLAPSED_ZH}${NOT_PAST_ZH}|(?<!(?:${IF_ZH}|${BEFORE_NOW_ZH})[^。？?！!]{0,16})(?:倒下|倒在地|倒地|昏倒|暈倒)(?!後|時|的話)[^。？?！!]{0,12}(?:叫|拍|喊)(?:他|她|了)?[^。？?！!]{0,4}(?:都|也)?(?:沒有?反應|不醒)|(?:好像|似乎|已經|完全)沒有?(?:呼吸|心跳)(?![器道科])${NOT_PAST_ZH})|(?:胸口|胸部|心臟)(?:好|很|非常|突然|一直)?(?:痛|悶|緊)[^。？?]{0,8}(?:喘不過氣|呼吸困難|不能呼吸|無法呼吸|冒冷汗)|(?:不能|無法|沒辦法)呼吸(?![器道科])|(?:突然|現在|好|快要?)呼吸困難)`,
    ),
    english(
      `^(?![^]*\\b(?:yesterday|last (?:week|month|year|time|night|summer|winter|spring|autumn|fall|weekend|semester|term)|\\w+ (?:days|weeks|months|years) ago|earlier this (?:year|month|week))\\b)[^]*?(?<!\\b(?:if|in case|suppose|supposing|because|that) )\\b(?:someone|somebody|my ${PEOPLE_EN}|(?:(?:a|an|this|that) (?:(?:old|elderly|older|young) )?(?:student|person|man|woman|lady|guy|friend|roommate|passenger|customer|kid|child|boy|girl|classmate)|the (?:(?:old|elderly|older|young) )?(?:student|person|man|woman|lady|guy|friend|roommate|passenger|customer|kid|child|boy|girl|classmate)(?= (?:next to|beside|behind|in front of|near) (?:me|us)))(?: (?:next to|beside|behind|in front of|near) (?:me|us))?) (?:just )?(?:is |has |just )?(?:collapsed|unconscious|not breathing|isn't breathing|stopped breathing|unresponsive(?! (?:to|on|over|by|via|in)\\b)|bleeding|fainted|passed out|seizing|having a (?:seizure|heart attack)|overdosed|been (?:stabbed|shot|hurt|injured))\\b`,
    ),
    english(
      "\\bi(?:'m| am| think i'm| think i am| might be| may be)? having a (?:heart attack|stroke|seizure|severe allergic reaction)\\b|\\bi can(?:'t|not) breathe\\b|\\bchest (?:pain|hurts?)\\b[^.?!]{0,40}\\b(?:breath|breathe|breathing|sweat(?:ing)?)\\b|\\b(?:there's|there is) a fire\\b|\\b(?:is|are) on fire\\b|\\bcall (?:an )?ambulance\\b|\\b(?:this|it)(?: is|'s) an emergency\\b|\\bmedical emergency\\b|^\\s*help!+\\s*$",
    ),
  ],
};

// Someone else's home, or what opens it.
const OTHERS_HOME_EN =
  "(?:someone else's|somebody else's|another (?:resident|tenant|person)'s|(?:my|the|a) neighbou?r's|(?:my|an) ex's)";
const OTHERS_HOME_ZH = "(?:他家|她家|別人家?|人家家|鄰居家?|隔壁(?:那戶|鄰居)?|樓[上下](?:那戶|鄰居)?|那戶(?:人家)?)";
// Not in one's own absence or welfare: while they are away, or without their knowing.
const IN_THEIR_ABSENCE_EN =
  "(?:while (?:he|she|they)(?:'s|'re| is| are) (?:away|out|not (?:home|there|in))|without (?:him|her|them) knowing|without (?:his|her|their) (?:permission|consent|knowledge))";
// Drugs and weapons, which no parcel or bag may hide.
const CONTRABAND_ZH = "(?:大麻|毒品|安非他命|海洛因|搖頭丸|k他命|愷他命|古柯鹼|槍枝|手槍|步槍|炸藥|炸彈)";
const CONTRABAND_EN =
  "(?:illegal drugs|cannabis|weed|marijuana|cocaine|meth|heroin|ecstasy|mdma|ketamine|guns?|firearms?|ammunition|explosives?)";

/** What one owes or did wrong, on record, and ways of wiping it. */
const OWED_ZH = "罰款|罰金|滯還金|欠款|違規紀錄|記點|記過";
const WIPE_ZH = "刪掉|刪除|消除|清除|抹掉|清掉|歸零";

/** Papers whose date, amount or name someone may ask to have changed. */
const PAPERS_ZH = "(?:發票|收據|單據|證明書?|診斷書|保證書|保固卡|合約|契約|成績單|在學證明)";

// A fellow student, housemate or colleague; not a group or an event of them (同學會, 同事聚餐, 學長姐).
const FELLOW_ZH =
  "(?:同學|室友|學長|學姊|學姐|學弟|學妹|同事|(?:那個|那位)(?:男生|女生|男的|女的|人))(?![們會聚群姐姊妹弟])";
// Their details, not how such a detail is written or looked up (「學號的格式」, 「電話怎麼查」).
const PERSONAL_DETAIL_ZH =
  "(?:家裡|家|新)?(?:學號|成績單?|住址|地址|租屋處?|住處|住哪|住在哪|宿舍(?:房號|幾號|哪|在哪|是哪)|房號|手機|電話|身分證|課表|信箱|email)(?![^，。？?！!]{0,6}(?:格式|規則|在學生證|怎麼(?:查|看|申請|辦|算)|要去哪|要交|是不是|對不對|有沒有錯|正不正確))";
/** Not when the details are to be taken off the asker's own account: "check her new address is removed from my file". */
const NOT_TAKING_OFF_EN =
  "(?![^.?!]{0,50}\\b(?:is not|isn't|was not|wasn't|no longer|is (?:still )?(?:on|linked|listed)|is removed|was removed|taken off|has been removed|remove[ds]?|delete[ds]?|unlink\\w*|off (?:my|our) (?:account|file|profile|card|login)|from (?:my|our) (?:account|file|profile|card|login))\\b)";
const FELLOW_EN = "(?:classmate|coworker|co-worker|colleague|roommate|flatmate|neighbou?r|lab ?mate)";

// A paper saying the asker came, saw someone or attended.
const ATTENDANCE_PAPER_EN =
  "(?:sick note|doctor's note|doctors note|medical certificate|certificate of attendance|attendance certificate|proof of attendance|(?:note|letter|certificate)\\b[^.?!]{0,30}\\b(?:saying|that says|stating|showing|confirming) (?:that )?(?:i |my )?(?:attend\\w*|visit\\w*|came|come|saw|see|was there|was in|appointment|consultation|session|class|workshop))";
// Said not to have happened: "i didnt actually come in", "even though i didnt".
const DID_NOT_HAPPEN_EN =
  "(?:\\bi (?:didn't|did not|wasn't|was not|never) (?:actually|really) (?:come|came|go|went|see|saw|visit(?:ed)?|attend(?:ed)?|there|in)\\b|\\bi (?:didn't|did not|never) (?:come|go|attend)(?: in| it| to (?:the |my )?\\w+)? but\\b|\\b(?:even though|although|though) i (?:didn't|did not|wasn't|never)\\b(?! pay))";

const HARMFUL: Record<HarmfulRequestTopic, RegExp[]> = {
  others_data: [
    // A child's whereabouts sought against a court's order; another's password reset.
    chinese(
      "(?:法院|法官)(?:不讓|禁止|不准)(?:我)?(?:探視|接近|見)[^]{0,40}(?:哪一?班|幾點|在哪|地址|學校)|(?:幫我)?(?:重設|重置|更改|改)(?:他|她|前男友|前女友|前夫|前妻|室友|同事|別人)的?(?:帳號)?密碼",
    ),
    english(
      "\\b(?:restraining order|not allowed to (?:see|contact|go near))\\b[^]{0,60}\\b(?:which class|what time|where|address|school)\\b|\\breset (?:his|her|their|my ex'?s) password\\b",
    ),
    // Where an ex or a stranger goes or lives, asked of a shop or an operator: 「我前女友…可以告訴我她最近都搭哪一班車」,
    // 「我鄰居住幾樓幾號？我要找他算帳」, 「302的住戶每天幾點出門」, "which unit my ex moved into", "the girl in seat 5A…her name".
    chinese(
      `^(?![^]*(?:女兒|兒子|小孩|孩子))[^]*${EX_PARTNER_ZH}[^。]{0,30}(?:告訴我|查|給我)[^。？?！!]{0,6}(?:她|他)(?:最近)?(?:都)?(?:搭|去|在|住|從|停在|坐|到)(?:哪|什麼)|(?:鄰居|住戶|那個人|他|她)住(?:在)?(?:幾樓|幾號|哪一?戶)[^。]{0,10}(?:算帳|找他|找她|教訓)|(?:\\d{1,4}|[一二三四五六七八九十]+)(?:樓|號|室|f)?的?(?:住戶|房客|客人)(?:每天)?(?:幾點|什麼時候)(?:出門|回家|不在)|(?:老婆|太太|老公|先生)帶著(?:小孩|孩子)(?:搬走|離開)了[^。]{0,30}(?:住哪|住在哪|地址)`,
    ),
    english(
      "\\b(?:which|what) (?:unit|apartment|flat|room|floor) (?:my ex|my former|she|he)\\b[^.?!]{0,20}\\b(?:moved|lives|living|staying)\\b|\\b(?:the|that) (?:girl|guy|woman|man|lady) (?:in|at|on) (?:seat|room|table) \\w+\\b[^.?!]{0,60}\\b(?:her|his) (?:name|number|phone|address)\\b|\\bcamera footage\\b[^.?!]{0,40}\\b(?:who my|see who|my neighbou?r)\\b",
    ),
    // Someone's details asked for behind their back (「她不知道我在查」, 「不用告訴他」), or a third person's
    // address or number asked for (「給我他的地址」, 「那個司機住哪裡」); in English, a stranger's address,
    // bus or policy ("the home address of the teacher in room 3", "my neighbours insurance policy details").
    chinese(
      "^(?=[^]*(?:(?:她|他)不知道我在查|不用告訴(?:他|她)|不要讓(?:他|她)知道|瞞著(?:他|她)|偷偷查))(?=[^]*(?:紀錄|資料|訂房|訂位|申請|會員卡|帳戶|住址|地址|補助|行程|去哪))|查[^。？?！!，,]{0,4}[^。？?！!，,你您我]{1,3}(?:小姐|先生|太太)的(?:小孩|孩子|女兒|兒子|家人)[^。？?！!]{0,8}(?:幾點|什麼時候|哪裡|被誰)|(?:飼主|車主|屋主|主人|家長|司機)的?(?:電話|地址|住址|手機)(?:(?:和|跟|、)(?:電話|地址|住址|手機))?給我|(?:給我|告訴我)(?:他|她|那個人|對方|司機|飼主|老師|林小姐|[^。？?！!，,你您我]{1,3}(?:小姐|先生))(?:現在)?的?(?:住址|地址|住處|手機號碼|電話|聯絡方式)|(?:那個|這個)(?:司機|人|客人|飼主|老師|男的|女的)住(?:在)?哪[^。]{0,10}(?:給我|告訴我)",
    ),
    english(
      "\\b(?:home address|address|phone number|schedule|policy details|records) (?:of|for) (?:the|that|this|a) (?:[\\w-]+ ){0,3}?(?:teacher|driver|girl|boy|woman|man|nurse|guy|lady|tenant|customer)\\b(?! (?:at|in) (?:the )?(?:front desk|office|reception))|\\bmy neighbou?r'?s (?:\\w+ )?(?:policy|records|details|address|account|income|file|schedule)\\b|\\b(?:which|what) (?:bus|train|room|floor|class) does (?:the|that|this) (?:girl|boy|woman|man|lady|guy|kid)\\b",
    ),
    // Another's details or usage asked for to know their comings and goings: 「我同事的會員資料可以給我嗎？我想知道
    // 她幾點會來」, 「我鄰居的用電度數可以給我看一下嗎」, 「可以把他們家的繳費紀錄給我看嗎？我要貼到住戶群組」.
    chinese(
      `^(?![^]*${CONSENT_ZH})[^]*${OTHERS_ZH}們?(?:家)?的?(?:[^。？?！!，,的]{1,4}?)?(?:會員資料|資料|個資|用電(?:度數|量)?|用水(?:度數|量)?|度數|帳單|紀錄|行程|出入紀錄|看診紀錄)[^。？?！!]{0,6}(?:可以|能)?(?:給我|告訴我|讓我看)`,
    ),
    // Someone's card or login used behind their back: 「用我朋友的健保卡幫我領藥」, 「用他的憑證…但他不知道」.
    chinese(
      "用(?:我)?(?:朋友|同事|哥哥?|姊姊?|姐姐?|弟弟?|妹妹?|爸爸?|媽媽?|老公|老婆|先生|太太|男友|女友|別人|他|她)的(?:健保卡|身分證|身份證|證件|會員卡|帳號|憑證|密碼|卡)[^。？?！!]{0,8}(?:幫我|給我|讓我|我要|我想)(?:領|買|拿|借|掛號|看診|登入|入場|申報)|(?:但|可是|而且)(?:他|她)(?:不知道|不曉得)[^。？?！!]{0,20}用(?:他|她)的(?:憑證|帳號|密碼|健保卡|身分證|卡)|用(?:他|她)的(?:憑證|帳號|密碼|健保卡|身分證|卡)[^。？?！!]{0,30}(?:但|可是)(?:他|她)(?:不知道|不曉得)",
    ),
    english(
      "\\b(?:which|what) seat (?:my|his|her) (?:wife|husband|partner|girlfriend|boyfriend|ex|ex-\\w+|boss|coworker|neighbou?r)\\b|\\b(?:address|phone number|number|contact details) (?:on file )?(?:for|of) (?:the )?(?:tenant|resident|guy|woman|man|lady|person|owner|patient|member) (?:in|at|of|who|living)\\b|\\b(?:log ?in(?:to)?|access|get into|check)\\b[^.?!]{0,30}\\b(?:my )?(?:dad|mom|mum|father|mother|wife|husband|partner|girlfriend|boyfriend|roommate|brother|sister|boss)'?s (?:\\w+ )?(?:account|email|records|portal|phone)\\b[^.?!]{0,30}\\bwithout (?:him|her|them) (?:knowing|noticing|finding out)\\b",
    ),
    // An ex-partner's ID or account number held, to look up what goes with it: 「我有前男友的身分證字號，
    // 可以幫我查他…」, 「我知道前女友家的水號，可以告訴我…地址和用戶姓名嗎」.
    chinese(
      `(?:有|知道|拿到|記得|查到)(?:我)?${EX_PARTNER_THEMSELF_ZH}(?:家|住處|那邊)?的?(?:會員|學生|員工|悠遊)?${IDENTIFIER_ZH}${THEN_LOOKED_UP_ZH}|^(?=[^]*${EX_PARTNER_THEMSELF_ZH})[^]*(?:有|知道|拿到|記得)(?:他|她)(?:家|住處)?的${IDENTIFIER_ZH}${THEN_LOOKED_UP_ZH}`,
    ),

    // A neighbour's name or number asked for, to go and find them: 「那戶的車擋到我…給我他的名字跟手機」.
    chinese(
      `${NEIGHBOURS_ZH}(?:(?!管理|櫃[台檯]|客服|警衛|保全|物業|服務|醫|師|司機|店|快遞|外送|房東|男友|女友|老公|老婆|[爸媽]|阿姨|公司|推薦|介紹)[^。？?！!]|(?<=[^請讓叫])(?:管理員?|警衛|保全)(?=[^。？?！!]{0,3}(?:不|沒|都不))){0,30}(?:給我|告訴我|跟我說|提供給我)(?:他|她|他們|對方|屋主|那戶)(?:家)?的?(?:全名|名字|姓名|手機|電話|聯絡方式)|(?:給我|告訴我|跟我說)(?:一下)?${NEIGHBOURS_ZH}[^，。？?！!]{0,6}的?(?:全名|名字|姓名|手機|電話|聯絡方式)|把${NEIGHBOURS_ZH}[^，。？?！!]{0,8}(?:名字|姓名|手機|電話)(?:號碼)?給我|給我(?:他|她)家的?(?:電話|手機|地址)[^。？?！!]{0,4}[，,][^。？?！!]{0,4}${NEIGHBOURS_ZH}`,
    ),
    chinese(
      `^(?![^]*${CONSENT_ZH})[^]*${ZH_INTENT}${ZH_GAP}(?:看|讀|查|登入|進入|打開|偷看|取得)(?:一下)?(?:我的?)?${OTHERS_ZH}[^，,。？?！!]{0,6}?的?(?:信|信箱|郵件|電子郵件|email|e-mail|成績|帳號|密碼|個資|資料|訊息|簡訊|通聯|通話紀錄|聊天紀錄|定位|位置|行蹤|學號|住址|地址|電話|課表|紀錄|戶籍|戶口|病歷|存款|財產)`,
    ),
    chinese(
      `^(?![^]*${CONSENT_ZH})[^]*(?:我想|我要|想要)知道(?:一下)?(?:我的?)?(?!他|她)${OTHERS_ZH}[^，,。？?！!]{0,6}?的?(?:看診|就診|病歷|醫療|消費|通話|通聯|借閱|繳費|用水|交易)?(?:紀錄|記錄|病歷|病情|成績|住址|地址|行蹤|位置)`,
    ),
    chinese(
      `${ZH_INTENT}${ZH_GAP}(?:查|取得|偷看)(?:一下)?(?:我的?)?(?!他|她)${OTHERS_ZH}[^，,。？?！!]{0,6}?的?(?:(?:身分證|身份證|居留證|護照)(?:號碼|字號|號)|證件號碼)`,
    ),
    chinese(
      `(?:偷看|偷查|盜看)${OTHERS_ZH}?的?(?:信|信箱|郵件|email|成績|帳號|個資|資料|訊息|簡訊|通聯|聊天紀錄|定位)`,
    ),
    chinese(`用${OTHERS_ZH}的(?:帳號|密碼|學號|學生證)(?:去|來)?(?:登入|登錄|選課|考試|簽到|點名|借書)`),
    chinese(
      `用(?:我)?(?:${OTHERS_ZH}|哥哥?|姊姊|姐姐|弟弟?|妹妹?|爸爸?|媽媽?|家人|親戚)的(?:健保卡|身分證|身份證|學生證|證件|會員卡)[^。？?！!，,]{0,4}(?:幫我|給我|讓我)(?:去|來)?(?:掛號|看診|看病|拿藥|報到|考試|登入|借)`,
    ),
    // A third person's home address or private number asked for ("can you give me her home address and
    // phone number? she won't answer me online"), not a family member's.
    english(
      "^(?![^]*\\bmy (?:mom|mum|mother|dad|father|wife|husband|son|daughter|child|kids?|grand\\w+|parents?)\\b)[^]*\\b(?:give|send|tell|find) (?:me|us) (?:his|her|their) (?:home address|home phone|private (?:number|address)|personal (?:number|phone|address)|address and (?:phone )?number|phone number and address)\\b",
    ),
    // Someone else's details, the one asked for among others: "tell me my labmate's scholarship amount and his ARC number".
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:${READ_EN}|tell me(?! (?:how|where|when|whether|if|what (?:to|i|we)|who)\\b))\\b${EN_GAP}${OTHERS_EN}(?: [\\w-]+){0,4}? ${OTHERS_DATA_EN}\\b`,
    ),
    // His or her details in a message about an ex-partner: "My ex is flying tomorrow. Tell me her seat number."
    english(
      `^(?=[^]*${EX_PARTNER_EN})(?![^]*\\b(?:daughter|son|child|children|kids?|baby)\\b)[^]*\\b(?:${READ_EN}|tell me)\\b${EN_GAP}\\b(?:his|her|their) (?:(?:new|current|home|latest|mobile|cell|work) ){0,2}(?:seat(?: number)?|booking(?: reference| details)?|itinerary|flight(?: details| number)?|address|phone number|location)\\b${NOT_TAKING_OFF_EN}`,
    ),
    // Where an ex-partner is, goes or stays, what they send, when they come, asked of "him" or "her"
    // anywhere in a message naming them: 「幫我查他住幾號病房」, 「可以幫我查她都幾點來健身嗎」.
    chinese(
      `^(?=[^]*${EX_PARTNER_THEMSELF_ZH})[^]*(?:查|告訴我|給我|跟我說)[^，。？?！!]{0,4}?(?:他|她)(?:[^，。？?！!]{0,8}?(?:${EX_PARTNER_DETAILS_ZH})|(?:的|下次的?|最近的?|這次的?)?(?:${EX_PARTNER_VISIT_ZH}))`,
    ),
    // The details named before the ask: 「…還有他登記的電話跟地址，可以幫我查嗎」.
    chinese(
      `^(?=[^]*${EX_PARTNER_THEMSELF_ZH})(?![^]*(?:媽|爸|兒子|女兒|小孩|孩子|寶寶|醫師|醫生)[^]*(?:他|她))(?![^]*寄[^，。？?！!]{0,6}給我)[^]*(?:他|她)(?:的|下次的?|最近的?|登記的?|留的?|這次的?)?新?(?:${EX_PARTNER_DETAILS_ZH}|${EX_PARTNER_VISIT_ZH})(?:(?!我的|我自己|刪|黑名單|退出|過戶|轉讓|取消|封鎖)[^。？?！!]){0,12}(?<![讓戶寄交])(?:查|告訴我|給我|跟我說|讓我知道)`,
    ),
    // Which address or number an ex-partner gave, or the ex-partner to be found: "tell me which address my ex updated… i need to find her".
    english(
      `^(?=[^]*${EX_PARTNER_EN})(?![^]*\\b(?:daughter|son|child|children|kids?|baby|court|lawyer|solicitor|police)\\b)[^]*(?:\\b(?:tell me|give me|show me|look up|find out)\\b[^.?!]{0,20}\\b(?:which|what) (?:(?:new|home|current) )?(?:address|phone number|number|location)\\b|\\bi (?:need|want|have) to (?:find|locate|track down|track) (?:her|him|them)\\b)`,
    ),
    // The contact details of someone who is the asker's ex, asked for: "look up the phone number and home
    // address of your member Chen Mei-ling? She's my ex".
    english(
      `^(?=[^]*${EX_PARTNER_EN})(?![^]*\\b(?:daughter|son|child|children|kids?|baby|court|lawyer|solicitor)\\b)[^]*\\b(?:look up|find|give me|tell me|send me|get me)\\b (?:the |her |his )?(?:(?:home|mobile|cell|new|current) )?(?:phone number|address|home address|contact details)\\b(?: and (?:(?:home|mobile|cell|new|current) )?(?:phone number|address))? (?:of|for) (?:your (?:member|customer|client|patient|student|user|subscriber|visitor)s?(?! (?:service|services|support|care|relations|team|desk|hotline|line|centre|center|portal|office)\\b)|him|her|them|this (?:person|guy|man|woman|lady))\\b`,
    ),
    // Or of the ex-partner by name: 「幫我查前夫住在哪一間病房」, 「我前女友在你們醫院住院，她得了什麼病？」.
    chinese(
      `(?:查|告訴我|給我)(?:一下)?${EX_PARTNER_ZH}的?[^，。？?！!]{0,4}(?:住(?:在)?(?:幾號|哪)|病房|病情|病歷|房號)|(?<![寄交留判轉還分送付賣讓撥匯傳退贈戶])(?:查|告訴我|給我|(?<![強協])調)(?:一下|閱)?(?:我的?)?(?:前夫|前妻|前男友|前女友|前任(?=的|名下|\\P{Script=Han}|$|${EX_ASSETS_ZH}))(?!生?的?(?:女兒|兒子|小孩|孩子|子女|寶寶))(?:的|名下的?)?[^，。？?！!\\s他她]{0,4}?${EX_ASSETS_ZH}(?![^，。？?！!\\s]{0,16}(?:怎麼|如何|誰|會不會|要不要|是不是|過戶|判給|算到))|${EX_PARTNER_THEMSELF_ZH}[^。？?！!]{0,30}(?:他|她)(?:得了?什麼病|住(?:在)?幾號|在哪(?:間|個)?病房)`,
    ),
    english(
      `${EX_PARTNER_EN}(?! and (?:i|me)\\b)${NOT_THEIR_CHILD_EN}[^.?!]{0,60}\\b(?:what|which) (?:room|ward|bed)\\b|\\b(?:what|which) (?:room|ward|bed)\\b[^.?!]{0,20}${EX_PARTNER_EN}${NOT_THEIR_CHILD_EN}`,
    ),
    // A partner's calls, messages or whereabouts looked up: 「幫我調他這個月的通聯紀錄」.
    chinese(
      `^(?![^]*${CONSENT_ZH})[^]*${PARTNER_ZH}(?!您好|你好)[^。？?！!]{0,20}(?:調|查|看)(?:閱|出|一下)?(?:他|她)[^，。？?！!]{0,12}的?${PARTNER_RECORDS_ZH}|(?:調(?:閱|出)?|查|看)(?:一下)?我?的?${PARTNER_ZH}(?:最近|這個月|上個月)?(?:都)?的?${PARTNER_RECORDS_ZH}`,
    ),
    // An ex-partner's call records asked for, or a partner's got without their knowing: 「請給我前女友的通話紀錄」,
    // 「我想拿到我老公的通聯記錄，但他不知道」.
    chinese(
      `^(?![^]*(?:${CONSENT_ZH}|法院|律師))[^]*(?:(?:給我|調|查|看|拿到|取得|要到)(?:閱|出|一下)?(?:我的?)?${EX_PARTNER_ZH}的?[^，。？?！!]{0,6}?${PARTNER_RECORDS_ZH}|(?:拿到|取得|要到)(?:一下)?我?${PARTNER_ZH}的?[^，。？?！!]{0,6}?${PARTNER_RECORDS_ZH})`,
    ),
    // Who holds a number, or where they live: 「告訴我這個門號的用戶住在哪裡」, 「這個車牌的車主是誰」.
    chinese(
      "(?:這個|那個|這支|那支|這台|那台|這組)(?:門號|電話(?:號碼)?|手機號碼|號碼|車牌(?:號碼)?|帳號)的?(?:用戶|主人|車主|持有人|申請人|使用者)(?:是誰|叫什麼|的?名字|住(?:在)?哪|的?地址)",
    ),
    // An ex-partner's address or number, needed: 「我需要前男友現在的住址」.
    chinese(
      `^(?![^]*(?:法院|律師|訴訟|存證信函|扶養|贍養))[^]*(?:需要|想要|要)(?:知道)?(?:我的?)?${EX_PARTNER_THEMSELF_ZH}(?:現在|最新|新)?的?(?:住址|地址|住處|手機|電話)`,
    ),
    // Someone else's calls or messages asked for: "send me my ex-wife's call log", "the call records for my boss's phone".
    english(
      `^(?![^]*\\b(?:consent\\w*|authori[sz]\\w*|power of attorney|court|subpoena)\\b)[^]*\\b(?:send|give|show|get|pull|forward|need|want)(?: me)?\\b[^.?!]{0,20}\\b(?:(?:my ${PEOPLE_EN}|${EX_PARTNER_EN}|my (?:boss|coworker|colleague|neighbou?r|ex-\\w+))'s (?:phone )?(?:call (?:log|logs|records?|history)|text messages|messages|texts)|(?:call (?:log|logs|records?|history)|text messages) (?:for|of|from|on) (?:my ${PEOPLE_EN}|${EX_PARTNER_EN}|my (?:boss|coworker|colleague|neighbou?r))(?:'?s)?)\\b`,
    ),
    // What an ex-partner borrowed: 「幫我查她最近借了什麼書」, "see what my ex borrowed".
    chinese(
      `^(?![^]*(?:女兒|兒子|小孩|孩子|小朋友))[^]*${EX_PARTNER_ZH}[^。？?！!]{0,30}(?:查|看|告訴我|給我)(?:一下)?(?:他|她)(?:最近|之前|上次)?(?:都)?借了?(?:什麼|哪些|哪幾)|(?:想知道|查|看|告訴我)(?:一下)?我?的?${EX_PARTNER_THEMSELF_ZH}(?:(?!我的|用我|跟我|向我|拿我|幫我)[^。？?！!]){0,12}借(?:了|過)?(?:什麼|哪些|哪幾)(?!我)|${EX_PARTNER_THEMSELF_ZH}的?(?:借閱|借書)(?:紀錄|記錄|清單)`,
    ),
    english(
      `\\b(?:see|check|find out|tell me|look up|show me|know)\\b (?:what|which \\w+) ${EX_PARTNER_EN} (?:has |had )?(?:been )?(?:borrowed|borrowing|checked out)\\b|\\bwhat (?:has|did) ${EX_PARTNER_EN} (?:been )?borrow(?:ed|ing)?\\b`,
    ),
    // Where an ex-partner lives or goes, from the cameras or the records: watching a person.
    // A partner's whereabouts watched: "my girlfriend uses it and i want to know where she goes".
    english(
      `^(?=[^]*\\bmy (?:girlfriend|boyfriend|wife|husband|partner|gf|bf)\\b)(?![^]*\\b(?:consent\\w*|agreed|knows|dementia|alzheimer\\w*)\\b)[^]*\\b(?:see|know|check|track|watch|find out|keep tabs on|monitor|spy on)\\b (?:when|where|who) (?:she|he|they|my (?:girlfriend|boyfriend|wife|husband|partner)) (?:goes|went|is going|comes|rides|meets|is seeing|hangs out|spends)\\b`,
    ),
    english(
      `\\b(?:see|know|check|track|watch|find out|keep tabs on|monitor|spy on|tell me)\\b (?:when|where|who|what time|if) ${EX_PARTNER_EN}[^.?!]{0,40}\\b(?:comes?|goes|leaves?|lives?|is seeing|goes out|hangs out|meets?)\\b`,
    ),
    english(
      `\\b(?:tell me|give me|find|find out|look up|track down)\\b[^.?!]{0,30}\\b(?:the sender's|my ex's|my ex-\\w+'s) (?:home |new |current |real )?(?:address|whereabouts)\\b|\\b(?:find|find out|track down|figure out)\\b (?:out )?where (?:${EX_PARTNER_EN}|he|she|the sender) (?:lives?|is living|moved|stays?)\\b|\\bwhere (?:does|did) ${EX_PARTNER_EN} (?:live|stay|work)\\b`,
    ),
    chinese(
      `(?:看|查|知道)(?:我的?)?${EX_PARTNER_ZH}[^，。？?！!]{0,4}?(?:幾點|什麼時候|何時)?(?:出門|回家|進出|出入|跟誰|住哪|在哪)|(?:告訴我|給我|查出|找出)(?:一下)?(?:寄件人|寄件者|${EX_PARTNER_ZH})的?(?:住址|地址|住處|新家)`,
    ),
    // A fellow student's or colleague's details asked to be handed over, by whoever asks for them:
    // 「可以給我同實驗室學長的學號跟租屋地址嗎」, "can you give me my classmate's address".
    chinese(
      `(?:給我|告訴我|跟我說|提供給我|(?:幫我|替我)查(?:一下)?|我想要|想知道)(?:一下)?(?:我的?|我們班的?)?(?:那個|那位|這個|這位)?(?:同實驗室|同班|同系|同組|隔壁班?)?的?(?:(?![和跟與及我])[\\p{Script=Han}]){0,4}?${FELLOW_ZH}[^，。？?！!]{0,4}?的?${PERSONAL_DETAIL_ZH}` +
        `|把(?:我的?)?(?:那個|那位)?[^，。？?！!]{0,4}${FELLOW_ZH}的?${PERSONAL_DETAIL_ZH}(?:號碼)?給我|(?<![和跟與及])${FELLOW_ZH}的?${PERSONAL_DETAIL_ZH}(?:號碼)?(?:可以|能不能|能)(?:給我|告訴我)` +
        `|${FELLOW_ZH}[，,](?:他|她)的(?:學號|電話|手機|地址|住址|宿舍房號|房號)(?:是)?(?:多少|幾號|什麼|在哪)` +
        `|^(?=[^]*${FELLOW_ZH})[^]*(?:告訴我|跟我說|查)(?:一下)?(?:他|她)(?:現在)?(?:搬去|搬到|住在?)(?:哪|什麼地方)`,
    ),
    english(
      `\\b(?:(?:give|send|tell) me|what'?s|what is|i (?:need|want)|(?:can|could) (?:i|you) (?:get|have|find))(?: the)? (?:my|our) ${FELLOW_EN}(?:'s|s)?(?: [a-z]+'s)? (?:new |home |current |personal |private )?(?:phone number|number|address|room number|dorm room|email)\\b(?! (?:changed|moved|swapped|format|list))` +
        `|\\b(?:address|phone number|number|room number|email)(?: address)? of (?:my|our) ${FELLOW_EN}\\b` +
        `|\\b(?:address|phone number|number|room number|email) of the (?:student|guy|girl|person|woman|man|lady) (?:who|that)\\b` +
        `|\\b(?:which|what) (?:dorm|room|building|flat|unit|apartment)(?: room| number)? (?:my|our) ${FELLOW_EN}(?: [a-z]+)? (?:is in|lives in|stays in|is staying)\\b` +
        `|\\b(?:tell me|find out|give me) where (?:my |our )${FELLOW_EN}(?: [a-z]+)? (?:lives|is living|moved|stays)\\b`,
    ),
    // "his" or "her" with a covert act, anywhere in the clause: "how do I read her e-mails without her knowing".
    english(
      `${EN_INTENT}(?=[^.?!;\\n]*\\b${COVERT_EN})${EN_GAP}\\b${READ_EN}\\b${EN_GAP}\\b(?:his|her|their) ${OTHERS_DATA_EN}\\b`,
    ),
  ],
  forgery: [
    // A paper edited so that it says what is not so: "edit a hotel booking pdf so it looks like I'm
    // staying 3 months". Not one put right, nor a layout made to look better.
    english(
      "^(?![^]*\\b(?:wrong|mistakes?|errors?|typos?|incorrect|misspel\\w*|blurry|format\\w*|layout|font|nicer|better|professional)\\b)[^]*\\b(?:edit|alter|change|modify|photoshop|doctor|fake)\\b (?:a|an|the|my|this|that|our) (?:[\\w-]+ ){0,3}?(?:pdf|document|letter|certificate|receipt|invoice|booking|confirmation|statement|contract|lease|form|scan|screenshot|record)s? so (?:that )?(?:it|they) (?:looks?|seems?|says?|shows?) (?:like|as if|as though|that) (?:i|i'm|i've|we|we're|my|our)\\b",
    ),
    // A certificate of what did not happen, a grade raised, an amount raised on a reprint: 「出席證明…我其實那幾堂沒來」,
    // 「結業證書…我沒時間上課」, 「成績單上的分數改高一點」, "print me a new one with a higher amount".
    chinese(
      "(?:出席|結業|上課|在職|在學|完成)證(?:明|書)[^。]{0,24}(?:其實|沒來|沒去|沒上課|沒時間上課|沒在)|(?:沒時間上課|沒有上課|沒去上課)[^。]{0,16}(?:結業|證書|證明)|(?:分數|成績|金額)(?:改|寫)(?:高|低)一?點",
    ),
    english(
      "\\b(?:new|another|second) (?:one|copy|invoice|receipt) with a (?:higher|bigger|larger|lower) (?:amount|total|price)\\b",
    ),
    // A paper's date, amount or name written other than it is: 「收據可以幫我把日期改成上個禮拜嗎？公司報帳要用」,
    // 「多開一張金額比較高的發票」, 「空白的住宿證明…日期和金額我自己填」, 「投保日期往前改」, 「醫療費從八千改成一萬八」.
    chinese(
      `(?:${PAPERS_ZH}|證明|保單|投保|理賠|醫療費|住宿費)[^。？?！!]{0,12}(?:日期|金額|名字|數字|天數)?(?:改成|改到|寫成|往前改|往後改|從[^。？?！!]{1,8}改成)[^。]{0,24}(?:報帳|請款|保險|理賠|補助|才會賠|比較好賠|私下)|多開(?:一張|一份)?[^。？?！!]{0,4}(?:金額)?(?:比較|更)?(?:高|大)[^。？?！!]{0,6}(?:發票|收據|證明)|差額[^。]{0,6}私下|空白的?[^。？?！!]{0,6}(?:證明|收據|發票)|(?:日期|金額)(?:和|跟)?(?:日期|金額)?我自己(?:填|寫)|(?:投保|生效|出險)日期?[^。？?！!]{0,6}(?:往前|提前)改|^(?=[^]*(?:報帳|請款|保險|理賠|補助))[^]*(?:費|金額)從[^。？?！!，,]{1,8}改成|(?:收據|發票|證明|診斷書)我?(?:自己)(?:會|來|去)?(?:改|塗改|修改)`,
    ),
    // A paper's date changed so that a claim is paid, or a certificate's date changed for someone:
    // 「幫我把診斷證明的日期改一下，這樣保險才會賠」, "change the date on my boarding pass so i can claim".
    chinese(
      `把[^，。？?！!]{0,4}${PAPERS_ZH}(?:上面?)?的?(?:日期|金額|數字|天數|期間)(?:改|塗改|修改|寫)[^。]{0,24}(?:保險|理賠|報帳|請款|補助|才會賠|才能領)`,
    ),
    english(
      "\\b(?:change|alter|edit|move)\\b (?:the )?(?:dates?|amount|times?) (?:on|of) (?:my|the|a|this) (?:[\\w-]+ ){0,2}?(?:boarding pass|ticket|receipt|invoice|prescription|note|certificate|statement)\\b[^.?!]{0,40}\\bso (?:that )?i can (?:claim|expense|get reimbursed|be reimbursed|get paid|get a refund)\\b|\\b(?:receipt|invoice) for \\$?\\d[\\d,]* instead of \\$?\\d",
    ),
    // A receipt or a paper dated earlier than it was made: 「日期倒填的收據」.
    chinese("倒填(?:日期)?|日期倒填"),
    // A paper's date changed with a photo editor: 「用修圖軟體把出生證明的日期改一下」.
    chinese(
      `(?:修圖|p圖|ps|photoshop|小畫家)[^。？?！!]{0,12}把[^。？?！!，,]{0,6}(?:${PAPERS_ZH}|證|卡|照)[^。？?！!，,]{0,4}的?(?:日期|年份|生日|出生日期|效期|有效日期|名字|姓名|金額|分數|成績)(?:改|塗改|修改|換成|換掉)`,
    ),
    // A card's or paper's date changed to pass for valid, or to let someone have what they may not:
    // 「學生證過期了，教我怎麼改上面的日期，這樣就可以買學生票」, 「教我怎麼改戶籍謄本上的日期，讓他也能辦島民卡」.
    // Not a date printed wrong and put right.
    chinese(
      `^(?![^]*(?:寫錯|打錯|印錯|錯誤|有誤|更正))[^]*(?:(?:${PAPERS_ZH}|學生證|證件|身分證|會員卡|卡)[^。]{0,16}(?:改|塗改|修改)(?:一下)?(?:上面|卡上|證上)的?(?:日期|效期|有效日期|有效期限|年份|生日|出生日期)[^。]{0,16}(?:這樣|才能|就可以|就能|好讓|以便)|(?:改|塗改|修改)(?:一下)?(?:(?:戶籍|地籍)?謄本|${PAPERS_ZH}|證件|身分證)上面?的?(?:日期|設籍日期|遷入日期)[^。]{0,16}讓(?:他|她|別人|朋友|我朋友)也?(?:能|可以))`,
    ),
    // Another's signature or handwriting imitated: 「幫我寫一張委託代領的字跟簽名，要看起來像他本人簽的」,
    // 「模仿我爸的簽名」, "copy her signature", "make it look like he signed it". Not one's own signature.
    chinese(
      "^(?=[^]*(?:幫我|替我|教我|你(?:可以|能|幫)|可以幫))[^]*(?:看起來|寫得|簽得)像(?:是)?(?:他|她|別人|對方|我(?:爸|媽|老闆|主管|室友|同事)|[^。，,？?！!我]{1,3}(?:先生|小姐))(?:本人)?(?:親自|親手)?(?:簽|寫)的|模仿(?:他|她|別人|對方|我?(?:爸爸?|媽媽?|老公|老婆|先生|太太|老闆|主管|室友|同事|家長|老師))的?(?:簽名|筆跡|字跡)",
    ),
    english(
      "\\b(?:copy|imitate|mimic|trace|fake)\\b (?:his|her|their|my (?:dad|mom|mum|father|mother|boss|roommate|flatmate|teacher|landlord)'s|someone else's) (?:signature|handwriting)\\b|\\blooks? like (?:he|she|they|my (?:dad|mom|mum|boss|roommate|flatmate)) (?:signed|wrote) it\\b",
    ),
    // A certificate's or receipt's template asked for, to make one oneself: "send me the template so I
    // can make one myself", 「把結業證書的範本寄給我，我自己印一張」.
    english(
      "^(?=[^]*\\b(?:certificates?|diplomas?|transcripts?|receipts?|invoices?)\\b)[^]*\\b(?:template|blank (?:one|copy|version))\\b[^.?!]{0,40}\\bso (?:that )?i can (?:make|print|create|do|fill(?: in| out)?) (?:one|it|them|my own)(?: in| out)? (?:myself|on my own)\\b",
    ),
    chinese(`(?:${PAPERS_ZH}|證書)的?(?:範本|樣板|模板|空白檔|原始檔)[^。]{0,12}我自己(?:來)?(?:做|印|填|改|編|開)`),
    // A blank official paper asked for, to be filled in by the asker: "send me a blank police accident
    // report I can fill in myself so insurance pays".
    english(
      "\\bblank (?:police |accident |official |medical |doctor's |incident )*(?:report|certificate|receipt|note)\\b[^.?!]{0,40}\\b(?:fill|write) (?:it |them )?(?:in|out|up)? ?(?:myself|ourselves)\\b",
    ),
    chinese(`${ZH_INTENT}${ZH_GAP}(?:偽造|假造|變造|造假|作假|仿造|仿冒|偽簽|冒簽|冒名|冒用|做一張假|弄一張假)`),
    chinese(
      "(?:偽造|假造|變造|弄|做|開)(?:一張|一份)?假的?(?:在職|工作|收入|居住|就學|離職|租賃|租屋|薪資|財力|存款)?(?:證明|診斷書|假單|病假單|成績單|在學證明|學生證|證書|簽名|收據|文件)",
    ),
    english(
      `${EN_INTENT}${NOT_TELLING_FAKES_GAP}\\b(?:forge|fake|falsify|counterfeit)\\b${EN_GAP}\\b(?:certificate|note|signature|transcript|diploma|document|letter|records?|receipt|invoice|bill|warranty(?: card)?|prescription|ticket|licen[cs]e|passport|id|form|grades?|report|statement|pay ?slip|pay ?stub|bank statement|lease|contract|boarding pass)s?\\b`,
    ),
    // A fake paper asked for outright: "I need a fake pay stub for the apartment application".
    english(
      "\\b(?:i need|i want|i'd like|get me|make me|can you (?:make|give) me|where (?:can|do) i get) (?:a |an |some )?(?:fake|forged|falsified|counterfeit|phony|bogus) (?:[\\w-]+ ){0,2}?(?:certificate|note|transcript|diploma|document|letter|receipt|invoice|prescription|ticket|licen[cs]e|passport|id|pay ?slip|pay ?stub|bank statement|lease|contract|statement)s?\\b(?! (?:card )?(?:holders?|cases?|covers?|wallets?|sleeves?|lanyards?|props?|costumes?))",
    ),
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:make|create|write|give|get|generate|print|issue)\\b (?:me|us) (?:a |an |some )?fake\\b|\\bi (?:need|want) (?:a |an |some )?(?:fake|forged)\\b (?:[\\w']+ ){0,2}?(?:note|certificate|receipt|invoice|bill|letter|transcript|id|statement)\\b(?! (?:card )?(?:holders?|cases?|covers?|lanyards?|sleeves?))`,
    ),
    // A paper saying what the asker says is not so: "issue me a certificate of no outstanding tax
    // even though i still owe some".
    english(
      "\\b(?:write|give|make|issue|sign)\\b(?: me| us)? (?:a |an |the )?(?=[^.?!]{0,70}?(?:clearance|no (?:outstanding|arrears|debts?|balance|tax (?:debts?|owed|due|arrears))|nothing (?:owed|outstanding|due)|(?:fully|all) paid|paid (?:in full|up|off)|full (?:amount|payment)|proof of payment|(?:saying|stating|showing|confirming|that says|to say) (?:that )?(?:i|my|the|it|everything|all)\\b[^.?!]{0,20}?\\b(?:paid|settled|cleared|clear)\\b))(?:[\\w'-]+ ){0,4}?(?:certificate|letter|receipt|proof)\\b[^.?!]{0,60}\\b(?:even though|although|though) i (?:still )?(?:owe|haven't paid|have not paid|didn't pay|did not pay|never paid)\\b(?! (?:the |a )?(?:rest|balance|remainder|remaining)\\b)",
    ),
    // A paper for a trip the asker says they did not take: "make me a delay certificate … i wasn't actually on it".
    english(
      "\\b(?:write|give|make|issue|sign|need|get)\\b(?: me| us)? (?:a |an |the )?(?:[\\w']+ ){0,2}?(?:delay|delayed|late|lateness|travel|trip|journey|boarding|attendance)(?: [\\w']+)? (?:note|certificate|letter|slip|proof|confirmation)\\b[^]{0,80}\\bi (?:wasn't|was not) (?:actually |really )?on (?:it|board|(?:the|that|this|my) (?:train|bus|flight|plane|ship|ferry|ride|coach))\\b(?![^.?!]{0,30}\\b(?:cancel+ed|cancel+ation|never (?:came|arrived|showed|left|ran)|didn't (?:come|arrive|show|run|leave)|left (?:early|without)|overbooked|bumped|denied)\\b|,? (?:but )?(?:my|our|her|his) [\\w']+ (?:was|were)\\b| myself\\b)|\\bi (?:wasn't|was not) (?:actually |really )?on (?:it|board|(?:the|that|this|my) (?:train|bus|flight|plane|ship|ferry|ride|coach))\\b(?![^.?!]{0,30}\\b(?:cancel+ed|cancel+ation|never (?:came|arrived|showed|left|ran)|didn't (?:come|arrive|show|run|leave)|left (?:early|without)|overbooked|bumped|denied)\\b|,? (?:but )?(?:my|our|her|his) [\\w']+ (?:was|were)\\b| myself\\b)[^]{0,60}\\b(?:give|write|sign|issue|make|get) me (?:a |an |the )?(?:[\\w']+ ){0,3}?(?:delay|delayed|late|lateness|travel|trip|journey|boarding|attendance)(?: [\\w']+)? (?:note|certificate|letter|slip|proof|confirmation)\\b",
    ),
    // Altering what a receipt or a certificate says: its date, amount or name.
    // An expired card or paper whose date the asker wants to change themself: 「學生證過期了，教我怎麼把日期改一下」.
    chinese(
      `^(?=[^]*(?:過期|到期|逾期))(?=[^]*(?:證|卡|照|${PAPERS_ZH}))(?![^]*(?:預約|訂位|導覽|場次|路考|考試|研討室|取件|檢舉|舉報))[^]*(?:(?:(?:教我|自己|偷偷)[^。？?！!，,]{0,4}把(?:上面|它|那個|卡上|證上|[^。？?！!，,]{0,4}上)?|(?:我想|我要)[^。？?！!，,]{0,4}把(?:上面|卡上|證上|[^。？?！!，,]{0,4}上))的?(?:日期|期限|效期|有效日期|到期日|有效期限?)(?:改|塗改|修改|竄改)|(?:塗改|竄改|偷改)(?:上面|它)?的?(?:日期|期限|效期))`,
    ),
    chinese(
      `(?:改|塗改|修改|變更|竄改|篡改)(?:一下)?${PAPERS_ZH}(?:上面?)?的?(?:日期|金額|數字|名字|姓名|內容)|把${PAPERS_ZH}(?:上面?)?的?(?:日期|金額|數字|名字|姓名|內容)(?:改|塗改|修改)`,
    ),
    // A field of a paper asked to read otherwise, not a mistake put right: 「診斷證明書上的休養天數可以幫我改成七天嗎」.
    chinese(
      `^(?![^]*(?:錯|誤|更正|不對|不符|不一樣|改名|更名))[^]*${PAPERS_ZH}(?:上面?)?的?[^，。？?！!]{0,4}?(?:金額|天數|日數|期間|數字|分數|成績)[^，。？?！!]{0,6}(?:改成|改為|改到|寫成|開成)`,
    ),
    // A certificate for a visit that never happened: 「其實沒去看病 可以幫我開一張診斷證明嗎」.
    chinese(
      "(?<!有)沒有?(?:去|來)?(?:看病|看診|就診|看醫生|去醫院)[^。？?！!]{0,24}(?:開|給我|補開|寫|需要)(?:一張|一份)?[^，。？?！!]{0,6}(?:診斷證明書?|診斷書|就診證明|病假單)",
    ),
    english(
      `\\bi (?:wasn't|was not) (?:actually |really )?(?:sick|ill)\\b(?! enough|,? (?:but )?my\\b| on\\b| [—–-])[^]{0,60}\\b(?:note|certificate|letter)\\b|\\b(?:note|certificate|letter)\\b[^]{0,80}(?<!(?:said|says|thinks?|thought|claims?|claimed|told me|decided) (?:that )?)\\bi (?:wasn't|was not) (?:actually|really) (?:sick|ill)\\b(?! enough)|\\b(?:write|give|make|issue|sign|need)\\b(?: me)? (?:a |an |the )?(?:[\\w']+ ){0,2}?(?:note|certificate|letter)\\b[^]{0,80}\\bi (?:wasn't|was not) (?:actually |really )?there\\b|\\bi (?:wasn't|was not) (?:actually |really )?there\\b[^]{0,60}\\b(?:give|write|sign|issue|make) me (?:a |an |the )?(?:[\\w']+ ){0,3}?(?:note|certificate|letter)\\b|\\b(?:note|letter|certificate) (?:saying|that says|stating) (?:that )?i (?:attended|was (?:there|present|in class|at work))\\b[^]{0,80}\\bi (?:was|am) actually\\b|\\b(?:sign me in|mark me (?:as )?present|put me down as present)\\b[^]{0,60}\\bi (?:wasn't|was not) (?:actually |really )?there\\b|(?<!\\b(?:did|why) (?:you )?)\\b(?:make|give|write|issue|send|print|need|get)(?: me)? (?:a |an )?(?:[\\w-]+ ){0,3}?${PAYMENT_PAPERS_EN}\\b[^]{0,80}(?:(?<!(?:says?|said|thinks?|claims?|shows?) (?:that )?)\\bi (?:(?:didn't|did not|haven't|have not) (?:actually|really)|never (?:actually|really)) (?:pay|paid)\\b(?! (?:it |for (?:it|this|that) )?yet\\b)|\\b(?:even though|although|though) i (?:didn't|did not|haven't|have not|never) (?:pay|paid)\\b)|\\bi (?:didn't|did not|haven't|never) (?:actually |really )?(?:pay|paid)\\b[^.?!]{0,40}\\b${PAYMENT_PAPERS_EN}\\b[^.?!]{0,20}\\b(?:that says|saying|showing|stating) (?:that )?i (?:did|paid|have)\\b|\\b${PAYMENT_PAPERS_EN} (?:saying|showing|that says|stating) (?:that )?i paid (?:in full|the (?:full|whole))\\b[^]{0,40}\\bi (?:only|just) paid\\b|\\b(?:blank|pre-?signed|stamped|signed|empty)\\b[^.?!]{0,30}\\b(?:medical certificates?|doctor's notes?|sick notes?|police reports?)\\b|\\b(?:doctor's note|sick note|medical certificate)\\b[^.?!]{0,30}\\b(?:template|form)\\b[^.?!]{0,20}\\b(?:i can|to|let me) (?:fill (?:in|out)|write|complete)(?: it)? (?:myself|on my own)\\b|\\b(?:make it look like|so (?:that )?i can pretend) (?:that )?(?:my|the|our) [\\w ]{1,20}? (?:was|were|got) (?:stolen|lost|broken|damaged)\\b|\\b(?:claim|say|tell (?:the |my )?(?:insurance|insurer|airline|police|bank|shop|store)) (?:that )?(?:my|the|our) [\\w ]{1,20}? (?:was|were|got) (?:stolen|lost|broken|damaged)\\b(?=[^]{0,60}\\b(?:even though|when (?:i|it) (?:actually|really)|but (?:i|it)(?:'s| is| was)? (?:actually|really|still)|but it's (?:at home|fine)|actually (?:sold|have|still))|[^]{0,40}\\bso (?:the )?(?:insurance|insurer|airline|they|shop|store) (?:pays?|refunds?|will pay)|[^]{0,12}\\b(?:and|to|so i can) (?:stop paying|not pay|get out of paying|avoid paying|skip (?:the )?(?:payments?|instal?lments?)))`,
    ),
    // Papers asked for what did not happen, said so: "write me a sick note saying i saw a doctor…, i
    // didnt actually come in", "i only went once"; a receipt or invoice asked for more than was paid.
    // Not a complaint about one received, nor a why.
    english(
      [
        `^(?![^]*\\b(?:dispute|refund|charged?|fee|wrong|mistake|error|fix|received|got an?)\\b)[^]*\\b(?:write|give|issue|make|sign|need|get|want|send)\\b(?: me| us)? (?:a |an |the |my )?(?:[\\w']+ ){0,3}?${ATTENDANCE_PAPER_EN}\\b[^]{0,80}(?<!(?:says?|said|thinks?|claims?|told me) (?:that )?)${DID_NOT_HAPPEN_EN}`,
        `\\bi (?:didn't|did not|wasn't|never) (?:actually|really) (?:come in|come|go|see (?:the|a) (?:doctor|gp|dentist|nurse)|attend\\w*|there)\\b[^.?!]{0,20}\\bbut\\b[^]{0,40}\\b(?:sign|write|give|issue|make|get)\\b(?: me)? (?:a |an |the )?(?:[\\w']+ ){0,2}?(?:note|certificate|letter)\\b`,
        `\\b(?:write|put|say|state) (?:down )?that i (?:had|attended|came|was there|saw)\\b[^]{0,60}\\bi (?:didn't|did not|wasn't|never) (?:actually|really)\\b`,
        `\\b(?:note|certificate|letter|receipt|invoice)\\b[^.?!]{0,20}\\bdated (?:yesterday|last \\w+|the \\d+\\w*)\\b[^]{0,40}\\bi (?:only|actually) (?:came|went|saw|visited)\\b`,
        `\\b(?:attendance|participation) (?:certificate|letter|record)\\b[^]{0,60}\\bi (?:only|barely) (?:went|came|attended|showed up)\\b`,
        `^(?![^]*\\b(?:why|how come)\\b)[^]*\\b(?:issue|make|write|give|print|get|need|want|do)\\b(?: me| us)? (?:a |an |the |my )?(?:new )?(?:invoice|receipt|bill)\\b[^.?!]{0,20}\\bfor (?:(?:a )?(?:higher|bigger|larger|greater) (?:amount|price|total|sum)\\b[^.?!]{0,10}|\\$?\\d[\\d,]* more )\\bthan (?:i |we )?(?:actually |really )?paid\\b`,
        `^(?![^]*\\b(?:wrong|mistakes?|errors?|typos?|incorrect|overcharged|charged (?:me )?(?:twice|more))\\b)[^]*\\b(?:re-?issue|issue|make|write|redo|print|change|update)\\b[^.?!]{0,20}\\b(?:receipt|invoice|bill)\\b[^.?!]{0,10}\\b(?:with|for|showing|to show|to say) (?:a )?(?:higher|bigger|larger|inflated|extra) (?:amount|total|price|figure|sum)\\b`,
        `\\b(?:put|write|make|add)\\b[^.?!]{0,20}\\b(?:higher|bigger|larger|inflated) (?:amount|total|price|figure|number|sum)\\b[^.?!]{0,20}\\bon (?:the |my |a )?(?:receipt|invoice|bill)\\b|\\b(?:bump|push|round) up (?:the )?(?:total|amount|price)\\b[^.?!]{0,20}\\b(?:receipt|invoice|bill)\\b|\\b(?:can|could) (?:the|my) (?:receipt|invoice|bill) say \\$?\\d[\\d,]* instead of \\$?\\d`,
        `\\b(?:write|make|put|issue) (?:the |my |a )?(?:receipt|invoice|bill) (?:as|for|say|out for) \\$?\\d[\\d,]* instead of \\$?\\d(?=[^]{0,60}\\b(?:reimburs\\w*|company|work|insurance|claim|expenses?)\\b)|\\bmake (?:the |my )?(?:receipt|invoice|bill) say\\b[^.?!]{0,30}\\binstead of\\b|\\badd (?:an? )?(?:extra )?\\$?\\d[\\d,]* to (?:the |my )?(?:receipt|invoice|bill)\\b`,
      ].join("|"),
    ),
    chinese(
      "(?:發票|收據)(?:上面?的?)?(?:的?金額)?[^。？?！!，,]{0,6}(?:(?:開高|開多)(?=一點|一些|點|些|\\d|[一二兩三四五六七八九十百千萬]+(?:元|塊)|嗎|吗|吧)|虛報|灌水|開(?:得)?(?:比實際)?(?:高|多)一點(?!的))" +
        "|(?:發票|收據)(?:上面?的?)?的?(?:金額|數字|錢)[^。？?！!，,]{0,6}(?:多寫一點|寫多一點|寫高一點)" +
        "|^(?=[^]*(?:報帳|報銷|請款|核銷))[^]*(?:發票|收據)[^。？?！!，,]{0,8}(?:多寫|寫多|寫高|開高|多開)一點(?!明細|說明|用途|品項|備註)" +
        "|(?:開高|多開)一點(?:發票|收據)|虛開(?:的)?(?:發票|收據)" +
        "|(?<!(?:怎麼|為什麼|為何|幹嘛)(?:會)?)(?:開|寫)(?:得|一張)?比實際(?:金額|付的|付款)?(?:還)?(?:高|多)(?:一點)?的?(?:發票|收據)?(?:嗎|吗)?" +
        "|(?:發票|收據)(?:的?金額)?(?:可以|能不能|能)?(?:開|寫)成?(?:\\d+|[一二兩三四五六七八九十百千萬]+)[^。]{0,12}(?:實際|其實)(?:上)?我?(?:只|才)(?:付|花)",
    ),
    english(
      `^(?![^]*\\b(?:wrong|mistakes?|errors?|typos?|incorrect|misprint\\w*|misspel\\w*)\\b)[^]*(?:\\bbackdate\\b${EN_GAP}\\b(?:receipt|invoice|certificate|document|letter|form|prescription|note|report|contract|lease|ticket)s?\\b|${EN_INTENT}${EN_GAP}\\b(?:change|alter|edit)\\b (?:the )?(?:date|amount) on (?:my|the|a|this) (?:receipt|invoice|certificate|diploma|transcript|warranty card)\\b|\\b(?:change|alter|edit|swap|replace)\\b (?:the )?name on (?:my|the|a|this|someone else's|somebody else's|another (?:person|student)'s|his|her|their) (?:[\\w-]+ )?(?:receipt|invoice|certificate|diploma|degree|transcript|warranty card|id|licen[cs]e)(?: (?:scan|copy|photo|pdf|image))? (?:to (?:mine|my name|my own)|so (?:that )?(?:i can|it (?:looks like|says|shows) (?:mine|my name|me)))\\b)`,
    ),
  ],
  grade_tampering: [
    chinese(
      "(?:竄改|篡改|偷改|偷偷改|私自改|自己改|駭進.{0,8}改)(?:我的|他的|別人的)?(?:成績|分數|出缺席|點名|紀錄|學分)",
    ),
    chinese(`${ZH_INTENT}${ZH_GAP}(?:在系統(?:裡|上)?改|進系統改|改掉)(?:我的)?(?:成績|分數|出缺席|紀錄)`),
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:change|alter|edit|modify|tamper with|raise|fix)\\b${EN_GAP}\\b(?:grades?|marks|transcript|attendance)\\b${EN_GAP}(?:in the system|without|secretly|myself|database|portal)`,
    ),
    english("\\btamper(?:ing)? with (?:my |the |a )?(?:grades?|marks|transcript|attendance|records?)\\b"),
    // Wiping a record of what one owes or did wrong: fines, penalties, points.
    chinese(
      `${ZH_INTENT}${ZH_GAP}(?:${OWED_ZH})${ZH_GAP}(?:${WIPE_ZH})|${ZH_INTENT}${ZH_GAP}(?:${WIPE_ZH})${ZH_GAP}(?:${OWED_ZH})`,
    ),
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:erase|delete|wipe|remove|clear|reset)\\b${EN_GAP}\\b(?:fines?|penalt(?:y|ies)|debts?|demerits?|points|records?)\\b${EN_GAP}\\b(?:from|in|off) (?:your|the|my) (?:system|database|records?|account)\\b`,
    ),
  ],
  // With intent, as the other requests: the one whose account was stolen ("被人盜用帳號怎麼辦") and
  // the one asking the penalty ("入侵系統會怎樣") are not breaking in.
  hacking: [
    chinese(`${ZH_INTENT}${ZH_GAP}(?:駭|黑進|入侵|破解|盜|偷)${ZH_GAP}(?:帳號|密碼|系統|信箱|伺服器|網路|wi-?fi)`),
    // Someone else's line: a cloned SIM card, calls charged to another's number.
    chinese(
      `${ZH_INTENT}${ZH_GAP}(?:盜打|盜用${ZH_GAP}(?:門號|電話|號碼)|(?:複製|拷貝|側錄)${OTHERS_ZH}的?(?:sim|門號|電話卡))`,
    ),
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:clone|copy)\\b (?:${OTHERS_EN}|his|her|their|a stranger's) (?:sim|phone number)\\b`,
    ),
    english(
      `${EN_INTENT}${EN_GAP}\\bhack(?:ing)? (?:into |in to )?(?:someone|somebody|another|other|the (?:school|university|system|server|portal|database|network|wifi)|an? account|my (?:roommate|classmate|friend|ex|teacher|professor)|his|her|their)\\b`,
    ),
    // A one-time code got round on someone else's card or account, or behind their back.
    chinese(
      `(?:怎麼|如何|教我|有沒有辦法|有辦法)[^。？?！!]{0,6}用${OTHERS_ZH}的?(?:信用卡|金融卡|卡|帳號|帳戶)[^。？?！!]{0,16}(?:才不會|不用|不要|避開|繞過|跳過)[^。？?！!]{0,6}(?:驗證碼|otp|驗證)|(?:繞過|破解)[^，。？?！!]{0,8}(?:驗證碼|otp|雙重驗證|兩步驟驗證)`,
    ),
    english(
      `^(?=[^]*\\b${COVERT_EN})[^]*\\b(?:get around|bypass|skip|circumvent|get past|disable)\\b ${ONE_TIME_CODE_EN}|\\b(?:get around|bypass|circumvent|get past)\\b ${ONE_TIME_CODE_EN}[^.?!]{0,30}\\b(?:someone else's|somebody else's|my ${PEOPLE_EN}'s)`,
    ),
    // A fare card, a ticket, a gate or a machine made to give what is not paid for.
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:hack|crack|tamper with|rig)\\b (?:a |an |the |this |our |your )?(?:[\\w-]+ ){0,2}(?:cards?|tickets?|pass(?:es)?|gates?|turnstiles?|machines?|meters?|lockers?)\\b`,
    ),
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:crack|steal|phish)\\b${EN_GAP}\\b(?:passwords?|credentials|accounts?|logins?|2fa|authentication)\\b`,
    ),
  ],
  cheating: [
    english(
      "\\b(?:send|give|get|show) me the answer key\\b|\\banswer key for (?:the |next (?:week'?s )?|this (?:week'?s )?|tomorrow'?s )?(?:\\w+ )?(?:exam|test|quiz|midterm|final)\\b",
    ),
    chinese(`${ZH_INTENT}${ZH_GAP}(?:作弊|代考|替考|槍手|代寫|偷看答案|帶小抄|打小抄|傳答案|拿到考題|偷考卷|抄別人)`),
    chinese(
      "(?:考題|試題|考卷|題目)[^。？?！!]{0,6}(?:可以|能)?先(?:給我|傳給我|寄給我|讓我)(?:看|參考)|(?:找人|請人|幫我)(?:代考|替考|代寫|寫報告|寫論文|寫作業|考試)|幫(?:同學|朋友|室友|他|她)(?:代考|考試|替考)|(?:作弊|抄襲)(?:不被|不會被)(?:抓|發現)",
    ),
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:cheat|plagiari[sz]e|copy answers|get (?:the )?${EXAM_ANSWERS_EN})\\b|\\b(?:cheat|plagiari[sz]e)\\b${EN_GAP}without (?:getting caught|being caught)`,
    ),
    english(
      "\\btake (?:the|an|my|his|her|their) (?:exam|test|quiz|midterm|final) for (?:my \\w+|a friend|him|her|them|someone)\\b|\\b(?:someone|somebody|pay (?:someone|somebody)) to (?:take|sit|write|do) my (?:exam|test|quiz|midterm|final|essay|thesis|assignment|homework)\\b",
    ),
  ],
  // Taking what is not paid for, or defeating what guards it ("remove the security strip so the alarm
  // doesn't go off"); not the one it was stolen from ("書被偷了怎麼辦", "my bike was stolen").
  theft: [
    // In without paying, a meter made to read less, things taken while their owner is away.
    english(
      "\\b(?:get|sneak|go) in without paying\\b|\\b(?:make|get) the (?:smart |electric(?:ity)? |water |gas )?meter (?:to )?(?:record|read|show|count)s? less\\b|\\bstick a magnet on (?:it|the meter)\\b",
    ),
    chinese("(?:順便|偷偷)[^。？?！!]{0,8}(?:搬走|拿走|帶走)[^。？?！!]{0,12}(?:不會發現|沒人會發現|不會知道)"),
    // A meter made to count less: electricity, water or gas taken without paying.
    chinese(
      `(?:改|動|調)(?:一下)?${METERS_ZH}[^。？?！!]{0,8}(?:跑慢|轉慢|慢一點|少算|不轉|停轉)|${HOW_TO_ZH}(?:怎麼樣?|如何)?(?:才能|可以|能)?(?:偷偷)?(?:接線|改線)?(?:繞過|跳過|動手腳|調慢|倒轉)[^，,。？?！!]{0,4}${METERS_ZH}|${HOW_TO_ZH}(?:才能|可以|能)?(?:偷偷)?(?:讓|把)${METERS_ZH}[^，,。？?！!]{0,2}(?:轉慢|倒轉)|${HOW_TO_ZH}(?:才能|可以)?(?:偷電|偷水|竊電)`,
    ),
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:bypass|tamper with|rig|slow down|roll back|wire around)\\b (?:the |my |a )?(?:electric(?:ity)? |power |water |gas )?meter\\b|${EN_INTENT}${EN_GAP}\\bsteal(?:ing)? (?:electricity|power|water|gas)\\b`,
    ),
    // A fare reader or gate made not to charge: "switch off the fare reader so my friends ride free".
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:switch off|turn off|disable|bypass|trick|fool|hack|mod|jam)\\b (?:the |a )?(?:fare |card |ticket )?(?:reader|validator|gate|machine|card)\\b|\\b(?:make|get) the (?:fare |card |ticket )?(?:reader|validator|machine|gate) (?:not|to not|stop) (?:deduct|charg|read|tak)\\w*`,
    ),
    // Intent without 可以 or 方法: 「停車未滿30分鐘可以不付錢嗎」 asks a rule.
    chinese(
      `${THEFT_INTENT_ZH}${ZH_GAP}(?:(?<!偷|誰)偷(?:走|拿|書|東西|出去|帶(?!著))|順手牽羊|不付錢就?(?:拿|帶)走|白拿)`,
    ),
    chinese(`${THEFT_INTENT_ZH}${ZH_GAP}(?:防盜門|防盜器|感應門|磁條)(?:才|就)?不(?:會)?(?:響|叫|感應)`),
    // A ride not paid for: 逃票, through the gates without a card.
    chinese(
      `${HOW_TO_ZH}(?:才能|才可以|可以|能)?(?:偷偷)?(?:逃票|(?:不|沒)(?:刷卡|買票|付錢|付款|投幣|嗶卡)(?:就|也|又)?(?:偷偷)?(?:進站|出站|過閘門?|進閘門?|搭車|坐車|上車|溜進))`,
    ),
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:dodge|evade) (?:the |a |my )?fares?\\b|${EN_INTENT} (?:\\w+ ){0,2}?(?:jump|hop|vault|sneak (?:through|past|under|over)) (?:over )?(?:the |a )?(?:fare )?(?:gates?|turnstiles?|barriers?)\\b`,
    ),
    english(`${EN_INTENT}${EN_GAP}\\b(?:steal|shoplift)\\b(?! (?:from|into) me\\b)`),
    // A found card used before its owner stops it: "…how can I use it before they report it lost?"
    english(
      "\\b(?:found|picked up|came across)\\b[^.?!]{0,30}\\b(?:someone(?: else)?'s|somebody(?: else)?'s|a stranger's|a lost)\\b[^.?!]{0,30}\\b(?:card|pass|wallet)\\b[^]{0,40}\\b(?:(?:how (?:can|do|could) i|can i|could i|let me) (?:use|spend with|pay with|borrow with|tap) (?:it|them|the card) (?:to (?:borrow|buy|pay|shop|spend|order|withdraw)|for (?:shopping|purchases))|before (?:they|he|she|the owner|its owner|whoever lost it) (?:reports?|cancels?|blocks?|freezes?|notices?))\\b|\\b(?:use|spend|tap|pay|shop|buy)\\b[^.?!]{0,40}\\bbefore (?:the owner|its owner|whoever lost it|the person who lost it) (?:reports?|cancels?|blocks?|freezes?|notices?)\\b",
    ),
    chinese(
      "(?:撿到|拾獲)(?:別人|人家|陌生人|一張別人|一張)的?[^，。？?！!]{0,8}(?:卡|證)(?![^。？?！!]*(?:還給|歸還|通知|交給|送還|聯絡|寄還|交到|送到))[^。？?！!]{0,16}(?:怎麼|如何|可以|能不能|能)(?:拿來|先)?(?:用|刷|借|消費|付款)|(?:撿到|拾獲)[^。？?！!]{0,12}(?:手機|平板|筆電|電腦)[^。？?！!]{0,24}(?:破解|刷機|越獄|imei\\s*黑名單|解除黑名單)[^。？?！!]{0,16}(?:自己用|給我用|我用|來用)|(?:趁|在)(?:他|她|對方|失主|原主人?|卡主)(?:還沒)?(?:掛失|停卡|報失|發現)(?:之)?前(?:先|趕快|趕緊)?(?:刷|用|買|消費|領)",
    ),
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:remove|peel off|disable|cut off|get (?:rid of|past))\\b${EN_GAP}\\b(?:security|anti-theft|rfid|magnetic) (?:strips?|tags?|stickers?|labels?|gates?|alarms?|sensors?)\\b`,
    ),
  ],
  // Into someone else's home, or with what opens it: 「給我他家的門禁卡」, "let me into my neighbour's flat".
  trespass: [
    english(
      "\\b(?:get|break|climb|go) in(?:to)? (?:through|via|by) the (?:balcony|window|back door)\\b[^]{0,60}\\b(?:while (?:she|he|they)(?:'s|'re| is| are) (?:at work|out|away)|changed the locks)\\b|\\bchanged the locks\\b[^]{0,120}\\b(?:get|break|climb|go) in(?:to)? (?:through|via|by) the (?:balcony|window|back door)\\b",
    ),
    chinese(
      `(?<![發交寄送])(?:給我|借我|複製|偷拿|打一把|配一把)(?:一張|一把|一副)?${OTHERS_HOME_ZH}的?(?:門禁卡|鑰匙|磁扣|感應扣|房卡|大門密碼)`,
    ),
    chinese(
      `${THEFT_INTENT_ZH}${ZH_GAP}(?:闖進|溜進|偷偷?進|偷溜進|撬開|破門進|開鎖進)(?:去|入)?(?:${OTHERS_ZH}|那戶|隔壁|樓[上下])`,
    ),
    english(
      `${EN_INTENT}${EN_GAP}\\b(?:break into|sneak into)\\b ${OTHERS_HOME_EN} (?:unit|flat|apartment|room|home|house|place)\\b|${EN_INTENT}${EN_GAP}\\b(?:get into|get in to|let me into|open|unlock)\\b ${OTHERS_HOME_EN} (?:unit|flat|apartment|room|home|house|place|door)\\b[^.?!]{0,20}${IN_THEIR_ABSENCE_EN}`,
    ),
    english(
      `\\b(?:give me|copy|duplicate|make me)\\b (?:a copy of )?(?:the )?${OTHERS_HOME_EN} (?:key ?cards?|keys?|fobs?|access cards?)\\b`,
    ),
  ],
  // Getting something by lying, or hiding it from whoever checks: last, as the most general.
  deception: [
    // A system tricked: a stamp reused, a gate made to think otherwise, tags sewn back on worn clothes, a test's answers passed on.
    chinese("吊牌縫回去|看起來像沒(?:穿|用)過|(?:考試|模擬考|測驗)的?答案[^。？?！!]{0,8}(?:先)?(?:傳給|給)我"),
    english(
      "\\b(?:reuse|re-use) the same (?:\\w+ ){0,2}?(?:stamp|ticket|validation|voucher|code)\\b|\\bmake the (?:ticket )?(?:gate|machine|system|scanner|app) think\\b",
    ),
    // Told otherwise than it was, for a claim or a benefit: 「寫成上班途中受傷嗎？其實是在家裡跌倒的」, 「我其實沒在上班」,
    // 「不要通報可以嗎」 about a benefit still paid, 「反正刷卡機看不出來」.
    chinese(
      "^(?![^]*(?:改正確|更正|改回|寫錯|打錯|弄錯))[^]*(?:寫成|改成|說成|報成|當成)[^。？?！!]{0,16}[？?，,]?[^。]{0,6}其實(?:是|我|他|她)|(?:證明|補助|申請)[^。]{0,20}(?:我|他|她)其實(?:沒|不是|沒有)|(?:不要|別|先不要)(?:通報|回報|申報)(?:可以嗎|好嗎|吧)|(?:反正|應該)(?:刷卡機|機器|系統|你們|櫃台|他們)?(?:也)?(?:看不出來|查不到|不會發現|認不出來)",
    ),
    english(
      "\\bput (?:a |an )?(?:later|earlier|different|new) date on (?:my|the|his|her|our) (?:[\\w'-]+ ){0,2}?(?:certificate|note|receipt|invoice|record|card|form)\\b|\\b(?:note|letter|certificate) saying (?:that )?(?:my|his|her) (?:\\w+ )?(?:was|is) (?:sick|ill|in hospital)\\b[^.?!]{0,40}\\b(?:he|she|i|they) (?:wasn't|weren't|was not|were not|isn't|is not)\\b|\\bso (?:that )?the (?:amount|income|figure|date|total) looks (?:lower|higher|smaller|bigger|earlier|later)\\b|\\bclaim (?:it|this) as (?:a )?new (?:accident|claim|damage)\\b|\\b(?:say|tell you|report|claim) (?:that )?(?:it|my \\w+) was stolen\\b[^.?!]{0,20}\\binstead of (?:lost|losing it|misplaced)\\b|\\bhide (?:my )?(?:[\\w-]+ ){0,2}?income\\b",
    ),
    // Declared lower or higher than it is, for tax, a subsidy or an insurer: 「租金寫低一點，這樣房東報稅比較少」.
    chinese(
      "(?:寫低|寫少|少寫|低報|短報|高報|寫高|多報|少報)[^。？?！!]{0,16}(?:報稅|稅|補助|保險|理賠|申報)|(?:報稅|申報|補助)[^。？?！!]{0,12}(?:寫低|少寫|低報|短報|少報)",
    ),
    // A card or a pass used by another, hoping staff do not notice: 「會員卡借給我哥用，你們櫃台不會認出來吧」.
    chinese(
      "(?:借給|給|讓)(?:我|我的)?[^。？?！!，,]{0,4}(?:用|刷|進去|入場)[^。？?！!]{0,16}(?:不會|不可能|應該不會)(?:被)?(?:認出來|發現|察覺|查到|看出來)吧",
    ),
    english(
      "\\b(?:my|the) (?:insurance|insurer|employer|boss|landlord|bank|school|tax office) (?:won't|will not|wouldn't|doesn't need to|never) (?:know|notice|find out|check)\\b|\\b(?:nobody|no one|noone) (?:checks|will check|would check|is going to check|ever checks)\\b|\\b(?:get around|bypass|dodge|beat|get past)\\b (?:the |your )?(?:[\\w-]+ ){0,2}?(?:limit|limits|restriction|restrictions|cap|check|checks)\\b|\\b(?:my )?(?:buddy|friend|brother|sister|cousin|mate|roommate|coworker) (?:wants to|can|could|will) use my (?:\\w+ )?(?:card|pass|membership)\\b[^.?!]{0,40}\\b(?:you won't tell|don't tell|no one will know|nobody will know|just scan)\\b",
    ),
    chinese(
      // Not 「會不會被發現」, which asks whether something is noticed; by whom, only by those who check
      // (「才不會被櫃檯發現」), not a thief or a roommate kept from finding a gift.
      `${ZH_INTENT}${ZH_GAP}(?:騙(?:取|領|過)|詐領|冒領|虛報|謊報|假裝|隱瞞|多領)|(?:才|就)?(?<!會)不會?被(?:櫃[台檯]|承辦人員?|館員|店員|站務員?|老師|監考老師|助教|警察|安檢|海關|系統|公司|學校|你們|主管|老闆)?(?:查到|發現|抓到|識破|查出|看出來|認出來)`,
    ),
    // A copy made to pass for the original, or a system or a person made to believe what is not so:
    // 「讓掃描的成績單看起來像正本」, 「怎麼讓App以為我已經還車」.
    chinese(
      `(?:讓|使|弄得|做得)[^。？?！!，,]{0,12}看起來(?:像|跟)(?:是)?(?:正本|真的|原件|原本)|${HOW_TO_ZH}[^。？?！!，,]{0,4}(?:讓|使)[^。？?！!，,]{1,12}以為(?:我)?(?:已經|有)`,
    ),
    // Something hidden so that a check does not find it: 「藏在托運行李裡面，才不會被安檢發現」.
    chinese(
      "(?:藏|偷偷|夾帶|混在|偷帶)[^。？?！!]{0,24}(?:才|就)不會?被(?:安檢|海關|檢查|x光|查驗|查緝|你們|航空公司|快遞|站務員?|警察|警衛|保全)(?:人員)?(?:查到|發現|抓到|識破|查出)",
    ),
    // Drugs or a weapon hidden in a parcel or a bag.
    chinese(
      `${PLANS_ZH}[^，,。？?！!]{0,4}(?:把)?${CONTRABAND_ZH}[^，,。？?！!]{0,4}(?:藏|夾帶|夾在|混在|偷寄|偷偷寄)|${PLANS_ZH}(?:偷偷)?(?:夾帶|偷寄|偷帶)${CONTRABAND_ZH}`,
    ),
    english(
      `\\bsmuggl(?:e|ing)\\b[^.?!]{0,40}\\b${CONTRABAND_EN}\\b|${EN_INTENT}${EN_GAP}\\b(?:hide|sneak|conceal|stash)\\b[^.?!]{0,40}\\b${CONTRABAND_EN}\\b`,
    ),
    // Altering what a certificate or a receipt says so that someone pays for more: "change the dates
    // on my diagnosis certificate so my insurance pays for a few more days off work".
    english(
      `^(?![^]*\\b(?:wrong|mistakes?|errors?|typos?|incorrect|misspel\\w*)\\b)[^]*\\b(?:change|edit|alter|modify|backdate|amend|extend)\\b (?:the |my )?(?:dates?|days|amount|figures?|numbers?|totals?)\\b (?:on|in|of) (?:my|the|a|this|our) (?:[\\w-]+ ){0,2}?(?:certificate|receipt|invoice|note|prescription|report|statement|bill)\\b[^.?!]{0,40}\\bso (?:that )?(?:my |the |our )?(?:insurance|insurer|employer|boss|company|school|claim|work)\\b`,
    ),
    // A copy of a paper edited where it states something: "tell me how to edit the scan" of an ID whose
    // expiry date is asked to change. Not a mistake on it put right.
    english(
      "^(?![^]*\\b(?:wrong|mistakes?|errors?|typos?|incorrect|misspel\\w*|blurry|crop\\w*|rotat\\w*)\\b)(?=[^]*\\b(?:expiry|expiration|issue|birth) dates?\\b|[^]*\\bdates? (?:on|in|of) (?:it|my|the|a|this|that|our)\\b)[^]*(?:\\b(?:edit|alter|photoshop|doctor|modify|fake)\\b (?:the|my|a) (?:scan|scanned copy|photocopy|photo|copy|image|picture|pdf)\\b|\\b(?:edit|alter|photoshop|doctor|modify|fake|change)\\b (?:the |my )?(?:expiry |expiration |issue |birth )?dates? (?:on|in|of) (?:my|the|a) (?:scan\\w*|[\\w'-]+(?: [\\w'-]+)? (?:scan|copy|photo|licence|license|id|card)))\\b",
    ),
    // A date on a paper changed so that it shows what did not happen: "edit the date on my return
    // receipt so it looks like I brought the book back on time".
    english(
      "^(?![^]*\\b(?:wrong|mistakes?|errors?|typos?|incorrect|misprint\\w*|misspel\\w*)\\b)[^]*\\b(?:change|edit|alter|modify|backdate|fake)\\b (?:the )?(?:expiry |expiration |issue )?(?:dates?|times?|amount|figures?|numbers?) (?:on|in|of) (?:my|the|a|this|it)\\b[^.?!]{0,60}\\bso (?:that )?(?:it|they) (?:looks?|seems?) (?:like|as if|as though|valid|real|current)\\b",
    ),
    // A paper's date altered, a word said of no honest change: "alter the date on my vaccination certificate".
    english(
      "^(?![^]*\\b(?:wrong|mistakes?|errors?|typos?|incorrect|misprint\\w*|misspel\\w*)\\b)[^]*\\b(?:alter|falsify|doctor|fake|forge)\\b (?:the )?(?:expiry |expiration |issue |birth )?(?:dates?|amount|name) (?:on|in|of) (?:my|the|a|this|her|his) (?:[\\w-]+ ){0,2}?(?:certificate|receipt|invoice|note|prescription|report|statement|licen[cs]e|id|passport|card|permit|form|record|transcript|diploma)\\b",
    ),
    // A paper that has expired given a new date so as not to pay for a new one. Not a booking moved.
    english(
      "^(?=[^]*\\b(?:expired|out of date)\\b)(?![^]*\\b(?:wrong|mistakes?|errors?|typos?|incorrect)\\b)[^]*\\b(?:how (?:do|can|could|would) i|i(?:'ll| will| want to| need to| could| can)|help me|teach me|show me) (?:just )?(?:change|edit|alter|modify|backdate|extend)\\b (?:the )?(?:expiry |expiration )?dates? (?:on|in|of) (?:it|that|(?:my|the) (?!(?:booking|appointment|reservation|ticket|flight|order|delivery|test|exam|tour|visit|session)\\b)[\\w-]+(?: [\\w-]+)?)\\b[^.?!]{0,40}\\b(?:so (?:that )?i (?:don't|won't|wouldn't|do not|will not) (?:have|need) to|instead of|without (?:paying|getting|doing|taking|buying))\\b",
    ),
    // Done so that the organisation's own people do not see it: "without your readers noticing",
    // "so the checkpoint won't notice". Not a partner or a parent kept from knowing, who may be a danger.
    english(
      `^(?![^]*\\bsurpris)[^]*(?:\\bwithout (?:you|your ${OVERSEERS_EN}|the ${OVERSEERS_EN}|anyone at (?:the|your) [\\w ]{1,20}?) (?:noticing|knowing|finding out|seeing it|catching (?:it|on|me))\\b|\\bso (?:that )?(?:you|your ${OVERSEERS_EN}|the ${OVERSEERS_EN}) (?:won't|wouldn't|doesn't|don't|will not|would not|can't|cannot|couldn't|never) (?:notice|tell|know|find out|catch (?:it|on|me)|spot it|see it)\\b)`,
    ),
    english(
      "\\bwithout (?:getting|being) (?:caught|noticed|found out|detected)\\b|\\bso (?:that )?(?:it|they|the [\\w ]{1,24}?) (?:looks?|seems?|passes?) (?:as )?(?:real|genuine|legit|original|authentic)\\b|\\bso (?:no one|nobody) (?:notices|finds out|can tell)\\b|\\bso (?:that )?(?:my|the|our) (?:boss|manager|employer|company|teacher|professor|school|insurer|insurance company|landlord|parents) (?:thinks?|believes?|will think|won't know)\\b|\\blie (?:on|in) (?:my|the|an?) (?:application|form|claim)\\b",
    ),
  ],
};

// Curly apostrophes and the like, so that "can’t" reads as "can't".
const APOSTROPHES = /[\u2018\u2019\u02bc\uff07]/g;
/** A title in title marks (《我想死，但我想吃辣炒年糕》) is a book's or a film's words, not the writer's. */
const TITLE = /《[^《》]{1,40}》|〈[^〈〉]{1,40}〉/g;
// And one typed without its apostrophe, as on a phone: "i dont want to live", "im scared".
const NOT_WITHOUT_APOSTROPHE = /\b(don|doesn|didn|can|won|isn|aren|wasn|wouldn|couldn|shouldn)t\b/g;
const I_WITHOUT_APOSTROPHE = /\bi(m|ve)\b/g;
// "youll", "theyre", "shes", "whats", "someone elses": other contractions and possessives typed the same way.
const PRONOUN_WITHOUT_APOSTROPHE = /\b(you|they)(ll|re|ve)\b/g;
const IS_WITHOUT_APOSTROPHE = /\b(she|he|that|what|there|who|where)s\b/g;
const ELSES_WITHOUT_APOSTROPHE = /\b(someone|somebody|anyone|anybody|no one|nobody) elses\b/g;

/**
 * A message as every reading of it sees it: folded to one script and case, its apostrophes typed one
 * way ("dont" as "don't"), its spaces single. The classifier learns from messages read so too.
 */
export function safetyText(message: string): string {
  return normalizeForMatching(message.replace(TITLE, "《》"))
    .replace(APOSTROPHES, "'")
    .replace(NOT_WITHOUT_APOSTROPHE, "$1't")
    .replace(I_WITHOUT_APOSTROPHE, "i'$1")
    .replace(PRONOUN_WITHOUT_APOSTROPHE, "$1'$2")
    .replace(IS_WITHOUT_APOSTROPHE, "$1's")
    .replace(ELSES_WITHOUT_APOSTROPHE, "$1 else's")
    .replace(/\s+/g, " ");
}

/**
 * Whether a message shows that someone may be in danger (a crisis) or asks for something harmful
 * or dishonest, in Traditional or Simplified Chinese or English; a crisis comes first.
 */
export function detectSafetyConcern(
  message: string,
  /** The learned third reading; `null` reads by patterns and signs only. */
  classifier: MessageClassifier | null = shippedClassifier(),
): SafetyConcern | undefined {
  const text = safetyText(message);
  for (const [topic, patterns] of Object.entries(CRISIS) as [NamedCrisisTopic, RegExp[]][]) {
    if (patterns.some((pattern) => pattern.test(text))) return { kind: "crisis", topic };
  }
  // What the patterns miss, told by its warning signs together.
  const bySigns = crisisBySigns(text);
  if (bySigns) return { kind: "crisis", topic: bySigns };
  for (const [topic, patterns] of Object.entries(HARMFUL) as [HarmfulRequestTopic, RegExp[]][]) {
    if (patterns.some((pattern) => pattern.test(text))) return { kind: "harmful_request", topic };
  }
  // And a request told by its aim: what a record should say that is not so, whom to find and why.
  const byAim = harmfulRequestBySigns(text);
  if (byAim) return { kind: "harmful_request", topic: byAim };
  return classifier ? concernByClassifier(text, classifier) : undefined;
}

/**
 * Where a crisis is read with this probability or more, and a warning sign names its kind, it is
 * one: chosen by reading each set of evals/safety-messages with a model trained on the others
 * (`npm run eval:safety`), with UNNAMED_CRISIS_PROBABILITY. Trained on ten sets (3,083 ordinary
 * messages, a third of them near misses), the model is surer of ordinary messages than it was on
 * six, so that these two bars, 0.999 and 0.99999 on six sets, find 192 of the 920 crises the
 * patterns and signs miss for 12 of 3,083 ordinary messages flagged (0.999 and 0.99999: 123 for 6;
 * 0.99 and 0.99999: 161 for 11).
 */
const CRISIS_PROBABILITY = 0.99;
/**
 * Where a crisis is read with this probability or more, it is one even when no warning sign names
 * its kind (a stepfather's blows, a phone no longer needed "after tonight", burns on one's own arm):
 * the classifier's model of topics names it (right for 322 of 352 such crises of the sets that name
 * theirs, each read with a model trained on the others), or, where it is not sure, the reply is for
 * distress of any kind.
 */
const UNNAMED_CRISIS_PROBABILITY = 0.9999;

/** What the classifier reads: a question's length, as long as a question may be (MAX_QUESTION_CHARS). */
const CLASSIFIED_CHARS = 1000;

/**
 * A crisis the classifier reads that the patterns and signs do not, when a sign names its kind or it
 * is all but certain (UNNAMED_CRISIS_PROBABILITY). Not a
 * harmful request: read so, it declined ordinary questions about someone else's parcel or order and
 * found no more requests in new words than the patterns do.
 */
function concernByClassifier(text: string, classifier: MessageClassifier): SafetyConcern | undefined {
  const classified = text.slice(0, CLASSIFIED_CHARS);
  const reading = classifier.read(classified);
  if (reading.crisisProbability < CRISIS_PROBABILITY) return undefined;
  const topic = crisisSignTopic(text);
  if (topic) return { kind: "crisis", topic };
  if (reading.crisisProbability < UNNAMED_CRISIS_PROBABILITY) return undefined;
  return { kind: "crisis", topic: reading.crisisTopic() ?? "distress" };
}

/** The shipped model once read, or why it could not be: read once (about 1.5 MB of weights). */
let shipped: { classifier: MessageClassifier | null; problem?: string } | undefined;

/**
 * The shipped model. A build that lost it still reads by patterns and signs rather than failing every
 * question: loadSafetyClassifier, at start, says so.
 */
function shippedClassifier(): MessageClassifier | null {
  if (shipped === undefined) {
    try {
      shipped = { classifier: MessageClassifier.shipped() };
    } catch (error) {
      shipped = { classifier: null, problem: (error as Error).message };
    }
  }
  return shipped.classifier;
}

/**
 * Reads the shipped classifier now rather than on the first question (about a tenth of a second);
 * the reason it could not be read, if so: messages are then read by patterns and signs only.
 */
export function loadSafetyClassifier(): string | undefined {
  shippedClassifier();
  return shipped?.problem;
}
