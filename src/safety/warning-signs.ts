import { foldedPattern } from "../text/normalize.js";
import type { HarmfulRequestTopic, NamedCrisisTopic } from "./safety-topics.js";
import { CONSENT_ZH, EX_PARTNER_ZH, IF_ZH, NOT_REAL_ZH, RESOLVED_ZH } from "./safety-words.js";

/**
 * Warning signs of a crisis that people write in many orders and words: no one sign says a person
 * is in danger, several of one kind together do ("給家人的信已經寫好了…鑰匙放在桌上", "胸口好悶，左手
 * 一直麻，冷汗一直冒"). A reading of the signs a message holds, for what the patterns written as
 * sentences miss: each sign counts once, a strong one twice, and a kind is told at THRESHOLD. Each
 * reading here takes the message as safetyText has read it once for every reading of it.
 */
interface Sign {
  topic: NamedCrisisTopic;
  weight: 1 | 2;
  /** Global: every place the sign is found is read. */
  pattern: RegExp;
}

const THRESHOLD = 3;
/** Signs of more than one kind that together are a crisis. */
const MIXED_SIGNS = 3;

/** A sign in Chinese (folded as questions are) and in English. */
function sign(topic: NamedCrisisTopic, weight: 1 | 2, chinese: string, english: string): Sign[] {
  return [
    { topic, weight, pattern: foldedPattern(chinese, "gu") },
    { topic, weight, pattern: new RegExp(english, "gu") },
  ];
}

const SIGNS: Sign[] = [
  // Ending one's life: the act thought of, a note left, affairs closed, not lasting.
  ...sign(
    "self_harm",
    2,
    "(?:好想|想要|只想|真想|很想)(?:就這樣|就)?(?:消失|不見)(?![的了])|遺書|給(?:家人|爸媽|父母|大家|你們)的信|(?:我的|自己的)?後事|解脫|了結|結束(?:生命|自己|一切|掉)|不想活|活不下去|輕生|尋死|一了百了|往下跳|跳下去|撐不下去(?!就)|撐不到|不打算(?:再)?(?:繼續|活)|沒有?(?:留下來|活下去)的理由|說(?:她|他)(?:想|要)死|不(?:打算|想)(?:在這(?:個)?世(?:界|上))?(?:再)?待(?:太久|下去)|我走了?(?:以後|之後)|不打算(?:再)?下來|結束這一切|門窗(?:也)?(?:都)?(?:關好|關緊|封)|炭[^。]{0,6}(?:帶進|拿進|搬進)(?:房間|車裡|車內)|(?:她|他)(?:一直|常常)?說(?:想|要)死|(?:把我)?(?:和|跟)(?:牠|他|她)葬在一起|^(?![^]*(?:烤|露營|火鍋|bbq|barbecue))[^]*(?:買了?(?:木)?炭|炭(?:已經)?買好)|想好(?:要)?怎麼結束|不(?:想|打算|要)(?:再)?(?:繼續)?撐(?:了|下去)|不會在了|撐不過|不(?:要|想|會)再醒來|(?:寫好|寫了)(?:了)?給[^，。？?！!]{1,4}的信|不(?:想|會|要)再(?:麻煩|打擾|拖累)(?:大家|你們|任何人|家人)|(?:拿頭|用頭)(?:去)?撞牆|不打算(?:再)?回來|(?:刀|刀片)[^。，,]{0,4}(?:劃|割)(?:手|自己)|劃手|(?:(?:安眠藥|鎮定劑|止痛藥)[^。]{0,10}存(?:了|著)|(?:(?:安眠藥|鎮定劑|止痛藥)|(?:一直|慢慢|偷偷)(?:在)?(?:把)?[^。，,]{0,6}藥(?:丸|物)?)[^。，,]{0,6}(?:存起來|囤起來|攢起來))|(?:讓|把)(?:這)?一切(?:都)?結束|沒有(?:我|她|他)(?:會)?(?:比較|更)好|手腕[^。，,]{0,4}割|割[^。，,]{0,3}(?:手腕|手臂|大腿)|割的傷口|不會再(?:麻煩|打擾|拖累)(?:大家|你們|任何人|家人)|不(?:用|會|想)再見到(?:任何人|大家|你們)|一次(?:結束|了結)|我(?:以後)?(?:就)?不會在了|以後我不在了|(?:安眠藥|藥)要?(?:吃|吞)(?:多少|幾)(?:顆|粒|包)?才(?:會|能|可以)|藥[^。，,]{0,6}存夠|又開始(?:用刀|拿刀)?(?:割|劃|傷害自己|自殘)|(?:又|故意|一直)(?:拿[^，。,]{0,6})?(?:燙|割|劃|燒|捶|撞)(?:傷)?自己|過了(?:這週|這個?禮拜|今天|今晚|明天|這個月)(?:以後|之後)?(?:我)?(?:也|就)?(?:都)?(?:用不到|用不著|不需要)|(?:睡著|睡下去)(?:了)?就不(?:會|要)(?:再)?醒|不(?:要|想|會)再(?:上來|醒來|醒過來)|活下去(?:的)?唯一(?:的)?理由|(?:想|要)(?:跟|和)(?:牠|他|她)一起走",
    "\\b(?:nobody (?:would|will|'d) (?:even )?(?:notice|care|miss me) if i|end it(?: all)?|end my life|kill myself|suicide note|better off without me|no reason to (?:live|keep going)|jump off(?! (?:the |a )?(?:bus|train|tram|ferry|boat|car|bike)\\b)|not (?:want|wanna) to (?:live|be here)|gonna end it|(?:driv\\w*|jump\\w*|walk\\w*)(?: my car)? off (?:the|a) (?:bridge|cliff|roof|ledge)|(?:texted|messaged|called) me (?:to say )?goodbye|did something to (?:himself|herself|themselves)|scared (?:he|she|they) did something|(?:says?|saying|said|keeps saying) (?:she|he|they) wants? to die|tonight (?:is|feels like) the (?:night|right time)|(?:keep |been )?thinking about (?:stepping (?:forward|off|out)|jumping|ending it|not waking up|dying)|saving up (?:my )?(?:\\w+ )?(?:pills|tablets|meds)|saving (?:my )?(?:sleeping|pain ?killer|pain) (?:pills|tablets|meds)|(?:don'?t|do not|not) plan(?:ning)? (?:on|to) (?:be(?:ing)? )?(?:around|alive|here)|won'?t be needing[^.]{0,30}anything else|i'?m done with everything (?:after|for good|forever)|(?:wanted|want) someone to know where i (?:was|am)|notice if i (?:just )?(?:wasn'?t|weren'?t|was gone|disappeared)|(?:wasn'?t|weren'?t) around any ?more|nothing'?s (?:ever )?going to get better|(?:don'?t|do not) want to (?:go|come) (?:back )?down(?! (?:the|by|in|with|via|using|stairs|before|after)\\b)|how many (?:\\w+ ){0,3}(?:pills|tablets|meds) (?:would|does|will|do) it take|so (?:that )?i (?:just )?(?:don'?t|won'?t|never) wake up|(?:started|start|been|keep|am|i'?m) cutting (?:again|myself|my (?:arms?|wrists?|legs?|thighs?))|(?:burn|burns|burning|burned|cut|cuts|cutting) (?:myself|themselves|himself|herself)|won'?t (?:need|be needing) (?:\\w+ ){0,3}after (?:tonight|today|this week|tomorrow)|(?:written|wrote) (?:letters|notes) to (?:everyone|my family|all of you))\\b",
  ),
  ...sign(
    "self_harm",
    1,
    "(?:還能|還可以)撐多久|撐不了多久|最後一(?:次|晚|天|趟|本|件|餐)|往前(?:踏|走|跨)?一步|就(?:可以)?(?:輕鬆|解脫)了|沒差了|就不(?:需要|用)了|不(?:敢|想|能)讓(?:家人|爸媽|任何人|別人)?知道|(?:不要|別)(?:跟|告訴|通知)(?:我)?(?:的)?(?:家人|爸媽|父母|家長)|(?:手|手臂|手腕|大腿)上?(?:都是|很多|好多|一堆)(?:疤|傷疤|傷口)|(?:手|手臂|手腕|大腿)上?的?(?:疤|傷疤|傷口)(?:太多|很多|好多)|(?:短袖|短褲)[^。]{0,6}(?:被看到|遮|藏)|又拿(?:了)?(?:美工刀|刀片|刀子)|最深的地方|捐(?:出去|掉)|這次(?:應該|一定)?不會(?:再)?失敗|遺囑|河堤|反正[^。]{0,10}(?:也)?不會在這裡了|鞋子(?:已經)?脫(?:好|下|掉)|最後(?:再)?(?:看|見)一(?:次|眼)|照片(?:我)?(?:都|全)刪|都無所謂|往下看|水(?:看起來)?(?:好|很)平靜|送得差不多|不痛為止|(?:跟|和|幫我跟)(?:我)?(?:媽|爸|家人|爸媽)(?:說)?(?:聲)?對不起|找(?:個)?人(?:講講話|說說話|聊聊)|不會有人了|(?:卡|證)(?:也)?剪掉|(?:錢|押金|餘額)(?:都)?不用退(?:給我|了)?|先繳到|(?:他們|家人|爸媽)(?:就)?不用(?:再)?煩惱|(?:帳戶|名字)[^。]{0,6}改成我(?:弟|妹|媽|爸|哥|姊)的名字|好幾天沒吃|東西(?:我)?(?:都|全)(?:分給|送給|送人|留給)|所有的藥|(?:錢|存款|餘額|押金)[^，。]{0,8}(?:退|轉|留)給(?:我)?(?:媽|爸|家人|妹|弟|姊|哥)|(?:都)?送(?:給|人)|分給|交代(?:好|清楚)|安排好|道別|告別|不會再(?:需要|回來)|對不起大家|不在了|頂樓|頂層|陽台|月台|橋上|安眠藥|整瓶|存起來|沒有?意義|鑰匙放在|先付清|不想留給|(?:謝謝|感謝)(?:你們|大家)(?:這些年|這幾年|一直以來)|把自己鎖在|一個人(?:待著|上去)|今晚|今天晚上|用不(?:到|著)了?|送光|送完|藥[^。，,]{0,4}存|(?:已經)?決定好了|不用勸我|別勸我|懸崖|說(?:聲)?再見|不(?:需要|用)(?:住的地方|房子|床)|最後的?禮物|鑰匙(?:會)?(?:放|留)在|海邊|河邊|留給(?:我)?(?:妹|弟|媽|爸|家人|姊|哥)",
    "\\b(?:one last|last time|last visit|(?:anyone|someone|somebody) (?:at \\w+ )?(?:i can|to) talk to|can'?t stop|(?:hard|harder) to hide|hide (?:the|my) (?:cuts|marks|scars)|marks on my (?:arms?|wrists?|legs?)|gave away|giving away|given away|tell (?:her|him|them|my \\w+) i'?m sorry|won'?t be around after|i'?m (?:so )?done with everything|sorted (?:out )?my (?:accounts|affairs|things)|written (?:the|my) letters|won't (?:need|be around|be needing)|sorry (?:everyone|for everything)|(?:the )?roof|ledge|bridge|pills|logged off for good|goodbye|so tired of|tonight|locked (?:himself|herself|themselves) in|saving up|not answering|top (?:level|floor|deck)|rooftop|someone who (?:actually )?wants to be here|step(?:ping)? (?:forward|off)|don'?t bother (?:mailing|sending|calling|emailing|posting))\\b",
  ),
  // A body in danger now.
  ...sign(
    "emergency",
    2,
    "口吐白沫|叫不醒|吸不到氣|吸不過氣|(?:軟|癱)在地(?:上)?|吞了(?:好多|很多|一大堆|一堆)|止不(?:太)?住|(?:血|血是)(?:用)?噴(?:的|出來)|沒有?呼吸(?![器道科])|沒有?心跳|(?<!沒有?|並沒有?|不是|沒再)(?:抽搐|昏迷|休克)|(?:血|出血)(?:一直)?(?:止不住|流不停|停不下來)|大量出血|整瓶吞|吞了(?:一整?|整)|落水|溺水|捲進|癲癇|整[瓶罐盒排包][^，。？?！!]{0,6}(?:都)?吞|(?:吃|吞)了?(?:一)?整[瓶罐盒排包]|血(?:一直)?(?:流)?(?:止不住|停不下來)|過敏(?:反應|性休克)|流(?:了)?(?:很多|好多|一堆|滿地|滿臉)的?血|(?:洗衣粉|洗衣精|洗衣球|洗碗精|漂白水|清潔劑|殺蟲劑|農藥|老鼠藥|鈕扣電池|水銀)[^。？?！!]{0,6}(?:吃|吞|喝)(?:了|進去|下去)|(?:吃|吞|喝)(?:了|進去|下去|到)[^。？?！!]{0,4}(?:洗衣粉|洗衣精|洗衣球|洗碗精|漂白水|清潔劑|殺蟲劑|農藥|老鼠藥|鈕扣電池|水銀)|(?:腳|腿|手臂?)(?:都)?(?:彎|折|扭)(?:成)?(?:反方向|奇怪的角度)|骨頭(?:都)?(?:露|凸|跑)出來",
    "\\b(?:seizure|foaming|can'?t (?:really )?wake (?:her|him|them|my \\w+)(?: up)?|(?:bent|twisted) the wrong way|bone (?:is )?sticking out|boiling (?:water|oil) (?:onto|on|over|all over) (?:himself|herself|themselves|him|her|me|my)|swallowed (?:some )?(?:detergent|bleach|a (?:button )?battery|laundry (?:pod|capsule)s?|rat poison|weed ?killer)|not breathing|unconscious|unresponsive|overboard|bleeding (?:a lot|heavily|badly|everywhere)|blood (?:everywhere|all over)|won'?t stop bleeding|swallowed (?:a|the|all|a whole)|overdos\\w*|allergic reaction|anaphyla\\w*|turning blue|not (?:really )?breathing|not waking up|having a fit|(?:face|throat|tongue|lips)(?: and (?:face|throat|tongue|lips))? (?:is |are )?swelling|barely (?:swallow|breathe)|throat (?:[\\w']+ ){0,4}closing|(?:face|mouth) (?:is )?(?:drooping|droopy)|drooping on one side|lips (?:\\w+ ){0,3}(?:blue|purple|gr[ae]y)|won'?t wake up|(?:took|taken|swallowed) (?:a (?:bunch|lot|handful) of|too many|all (?:of )?) ?(?:my |his |her )?(?:\\w+ ){0,2}(?:pills|tablets|meds))\\b",
  ),
  ...sign(
    "emergency",
    1,
    "胸口|胸悶|(?:左|右)?(?:手|手臂|腳|半邊|半身|臉)(?:也|還)?(?:一直|很|好|有點)?(?:發)?麻|觸電(?!的?感覺|般)|被電(?:到|了)|喉嚨(?:好|很|一直)?(?:緊|腫|卡住)|講話(?:怪怪的|不清楚)|一直想睡|咻咻|(?:吃到|吃了)(?:花生|蝦|蟹|堅果|海鮮)|頭(?:痛|暈)想吐|熱水器[^。，]{0,8}(?:怪味|味道)|不小心割到|壓住|冷汗|喘不過氣|呼吸困難|倒在|倒地|痛到(?:左|右)?(?:手|手臂|肩|背|下巴)|發紫|發白|腫起來|流血|救護車|量倒|暈倒|昏倒|沒有?(?:回應|反應)|剛剛|剛才|現在|車禍|昏沉|意識不清|被[^，。？?！!]{0,3}咬|呼吸(?:好|很|有點)困難|過敏|敏感|突然|不太有?反應|沒什麼反應|一直吐|撞到頭|頭撞到|跌倒|摔倒|(?:從|在)樓梯(?:上)?(?:跌|摔|滾)下|爬不起來|站不起來|嘴(?:巴)?(?:裡)?(?:都是|一直(?:冒|流))?(?:泡泡|泡沫)|(?:被)?(?:熱水|開水|滾水|熱油|熱湯)(?:燙|潑)(?:到|傷)|起水泡|(?:碰|摸)到(?:裸露的)?(?:電線|插座)",
    "\\b(?:chest|numb|sweating|bitten|kettle|won'?t stop|electric shock|electrocuted|got shocked|can'?t breathe|wheez\\w*|shaking|collapsed|slumped|on the floor|ambulance|fainted|bleeding|no (?:answer|response)|right now|just (?:fell|collapsed|swallowed|took|passed out)|shaky|confused|diabetic|swelling|epipen|an hour ago|i'?m scared|stung|(?:minutes|an hour) ago|crushing|breathing sounds (?:weird|strange|funny|wrong)|took something|can'?t get (?:her|his|my|the) words out|slurr\\w+|(?:keeps?|kept|is|been) (?:throwing up|vomiting)|fell down the stairs|fell (?:off|from) (?:a|the) (?:ladder|roof|balcony|bunk)|screaming|blister\\w*|scald\\w*|(?:touched|grabbed) (?:an? |the )?(?:exposed |live |bare )?wire|pill bottle)\\b",
  ),
  // Being hurt by someone, told by the one hurt or by a witness.
  ...sign(
    "abuse",
    2,
    "(?<!不會|沒有|沒|不|別|不要)(?:打|推|掐|踢|揍|摸|抓)了?(?:我|他|她)(?!的|們|電話|手機|分機)|菸疤|煙疤|(?:繼父|爸爸|叔叔|舅舅|伯伯|哥哥|大人)(?:晚上)?(?:會|常常|都)?(?:進|跑進|溜進)(?:我|她|他)的?房間|(?:拿走|收走|扣住|沒收)(?:了)?(?:我|她|他)?的?(?:護照|證件)|殺了我|殺死我|弄死我|逼(?:她|我|他)(?:發生關係|上床)|強迫(?:她|我|他)(?:發生關係|上床)|拍了?(?:片|照片|影片)[^。]{0,4}威脅|把(?:我|他|她)(?:推|打|踢|摔|撞)|亂摸|動手動腳|(?:會|就|又|都)(?:對(?:我|她|他))?動手|性侵|家暴|拿(?:著)?刀|(?:證件|護照|身分證)(?:都)?被(?:他|她)(?:收走|拿走|扣)|打(?:他|她|小孩|孩子)的聲音|被(?:他|她|男朋友|女朋友|老公|老婆)?鎖在|從外面鎖|皮帶|不要再打了",
    "\\b(?:tried|trying|tries) (?:to open )?(?:the|my) (?:door ?(?:handle|knob)|window|lock)\\b|\\b(?:comes?|coming|came|gets?|getting|got|sneaks?|sneaking|sneaked|snuck) into (?:my|her|his) (?:room|bed)\\b|\\bnext time (?:it'?ll|it will|it'?s going to|it'?s gonna) be (?:me|you|her|him)\\b|\\b(?:said|says|threatened) (?:he|she|they)(?:'d| would| will|'ll) (?:kill|hurt|hit|beat) (?:me|us|her|him)\\b|\\blocked (?:me|her|him) in\\b|\\b(?:hitting|beating|beats|hurting) (?:me|her|him|my (?:little |baby |younger |older )?(?:brother|sister|mum|mom|son|daughter))\\b|\\b(?:he|she|they) knows? where i live\\b|\\b(?:hits|hit|hurts|hurt|touches|touching|touched|grabbed|grabs|choked|chokes|punched|shoved|pushed|burns) (?:me|her|him)\\b(?! (?:up|back|with (?:a|the) ball))",
  ),
  ...sign(
    "abuse",
    1,
    "喝醉|發酒瘋|我們(?:倆)?的秘密|(?:摔|砸)東西|瘀青|淤青|瘀傷|躲在|不准(?:我|她|他)(?:出門|出去|離開)|知道我住哪|不想再回家|很?怕(?:她|他|我)?的?(?:爸爸?|媽媽?|繼父|繼母|老公|男朋友)|(?:都)?說是(?:跌倒|不小心|撞到)|不敢(?:跟[^，。]{1,4})?(?:回家|說|講|報警|告訴|下樓|出去|出門)|叫(?:她|他|我)不(?:要|准|能)(?:告訴|說|講)|私下|(?:拆|翻|偷看)我的(?:東西|信|手機|包裹)|扣住(?:我|她|他)?的?(?:護照|證件|薪水)|不讓(?:我|她|他)(?:走|離開|出門)|說是(?:爸爸?|媽媽?|繼父|繼母|叔叔|哥哥)(?:弄|打|燙|用)的|哭喊|哭叫|被摔|(?:摔|砸)的聲音|隔壁(?:的)?(?:小孩|孩子)|一路跟|跟過來|跟(?:蹤|著我)|盯著我|害怕|不安全|鎖在|威脅|欠揍|知道(?:我)?(?:的)?(?:新家|新的|現在的?)?(?:地址|住處|住哪)|(?:在|跑到|來到)(?:我家)?(?:樓下|門口|門外)(?:一直)?(?:按電鈴|敲門|罵|吼|踹門|堵我)|(?:說|吵著)要(?:進來|衝進來|闖進來)|(?:轉|扭|開)(?:我的?)?門把",
    "\\b(?:if i tell|(?:it'?s|it is) (?:our|a) secret|(?:told|tells|says|said|begged|asked) (?:me )?(?:not to|i (?:can'?t|shouldn'?t|mustn'?t)) tell|scared|afraid|smash(?:ed|es|ing)? (?:the|my|our|a)|don'?t feel safe|bruises?|hiding|threaten\\w*|no one would believe|took my phone|took my (?:passport|id|documents|papers|keys)|can'?t leave the (?:flat|house|apartment|room|building)|belt|i'?m next|can'?t (?:do it|talk|message|call) (?:from |at )?home|screams? at|turning up|keeps? (?:following|showing up)|changing room|(?:don'?t|do not) know who to tell|when my parents (?:are ?n'?t|are not) home|cigarettes?|(?:stands?|standing|waits?|waiting) outside my (?:window|door|house|flat|room)|every night)\\b",
  ),
  // Harm threatened to someone: a blow or revenge promised, with a weapon brought, a grievance or an
  // oath. Anywhere a person is served, not only on a campus: the clerk, the guard, the adjuster.
  ...sign(
    "violence",
    2,
    "讓(?:他|她|他們|她們|你們|妳們|對方)(?:好看|付出代價|見血|受傷)|給(?:他|她|他們|她們|你們|妳們)(?:一點)?(?:好看|顏色瞧瞧)|大家(?:一起)?(?:完蛋|陪葬)|同歸於盡|讓(?:他|她|你|妳|他們|她們|你們|妳們|對方)(?:知道|嚐嚐|見識)(?:一下)?(?:後果|厲害|我的厲害|我不是好惹的|我的手段)|(?:去)?找(?:他|她|你|妳|他們|她們|你們|妳們|對方)算帳|(?:別想|休想)(?:好好地?|活著)?(?:走出|離開)|看(?:她|他|你|妳|他們|她們)還敢不敢|讓(?:他|她|你|妳|他們|她們)(?:躺著|橫著)(?:出去|回去|離開)|(?:帶|提|拿)(?:著|了)?(?:一桶|一瓶|桶|瓶)?汽油(?:去|過去|到|來)|(?:砍|捅|揍|殺)(?:死|傷)?(?:他|她|他們|她們|你們|妳們)(?![的們])|(?:燒|炸|砸)(?:了|掉|爛)?(?:你們|他們)(?:的)?(?:櫃台|櫃檯|公司|店|門市|辦公室|分行|大樓|服務處)",
    `\\bi(?:'ll| will|'m going to|'m gonna| am going to| am gonna)\\b[^.?!]{0,40}?\\b(?:hurt|kill|stab|shoot|attack|punch|beat up) (?:him|her|them|you|somebody|someone|everyone|everybody|people|anyone|anybody|(?:that|the|your|this) (?:guy|woman|man|lady|clerk|agent|adjuster|guard|manager|officer|driver|teller|cashier|staff))\\b|\\bmake sure (?:that )?(?:he|she|they|you|someone|somebody) (?:gets?|is|are) (?:hurt|killed|what'?s coming)\\b|\\bi know (?:where|when) (?:he|she|they|you) (?:lives?|parks?|works?|sleeps?|finish(?:es)?|gets? off|leaves?)\\b|\\bi know when (?:his|her|their) shift (?:ends|starts|finishes)\\b|\\b(?:he|she|they|you) (?:had )?better not (?:come|show up|turn up)\\b|\\bwatch (?:your|his|her|their) back\\b|\\b(?:someone|somebody|people|you|he|she|they)(?:'s| is| are|'re)? (?:going to |gonna )?(?:will )?get(?:ting)? hurt\\b|\\bmake (?:him|her|them|you|that \\w+) pay\\b|\\b(?:he|she|they|you)(?:'ll| will)? (?:won'?t|will not|not) (?:be )?(?:walk(?:ing)?|leav(?:e|ing)|get(?:ting)?) out of (?:there|here|that \\w+)\\b|\\bi know (?:what|which) car (?:he|she|they|you) drives?\\b|\\bmake (?:him|her|them|my \\w+) (?:really |very |so )?(?:sick|ill)\\b`,
  ),
  ...sign(
    "violence",
    1,
    "(?:拿|帶|提|揣|持)(?:著|了)?(?:一把|一桶|一瓶|把|桶)?(?:刀|菜刀|水果刀|西瓜刀|開山刀|槍|斧頭|球棒|鐵棍|鐵鎚|榔頭|汽油|硫酸|炸彈|武器)|發誓|走著瞧|等著瞧|給我記住|我知道(?:他|她|你)(?:住|家|停車|上班|幾點(?:上班|下班|出門|回家)|走哪)|(?:在|到)(?:門口|樓下|外面|停車場)等(?:他|她|你)(?:下班|出來)?|等(?:他|她)下班|羞辱我|對我(?:超|很|好|那麼)?兇|下次(?:再)?讓我遇到|我知道你們(?:的)?(?:倉庫|公司|店|辦公室|門市|工廠)在哪|記下(?:了)?(?:他|她)的車牌|(?:針對|耍)我|(?:再|又)不(?:賠|退|給|處理)",
    "\\b(?:i swear|one more time|(?:rejected|refused|denied|declined) my (?:claim|refund|application|request|appeal)|(?:he|she|they|you)(?:'ll|'s|'re| will| is| are)(?: going to| gonna)? (?:regret|pay for) (?:this|it)|you'?ll be sorry|i'?m (?:coming|going) (?:in|down|over)(?: there)?|(?:is|are|will be) going to regret (?:it|this)|(?:will|'ll) regret (?:it|this)|i'?ll be waiting (?:for (?:him|her|them) )?(?:in|at|outside)|with something for (?:him|her|them)|find (?:him|her|them) at (?:home|work)|i have (?:his|her|their) names?|i'?m not joking|(?:bringing|bring) something(?: with me)?|wait(?:ing)? for (?:him|her|them) (?:outside|after)|(?:household |cleaning )?chemicals|toxic (?:gas|fumes)|poison|knife|machete|gun|petrol|gasoline|acid)\\b",
  ),
];

/** A case supposed, where signs name no danger now: 如果, 萬一, "what if", "in case". */
const SUPPOSED = foldedPattern(
  `${IF_ZH}|\\bwhat if\\b|\\bin case\\b|\\bif (?:someone|a (?:child|kid|person|guest|customer|passenger))\\b`,
  "u",
);
/** A drill, a course, a script or a story: no danger to anyone, whatever it tells. */
const NOT_REAL = foldedPattern(
  `${NOT_REAL_ZH}|課程|訓練|角色|\\bdrill\\b|\\bcourse\\b|\\btraining\\b|\\bcharacter\\b|\\bmovie\\b|\\bnovel\\b`,
  "u",
);
/** A move, a graduation or studies abroad told: goodbyes and things given away are no plan to die. */
const MOVING_AWAY = foldedPattern(
  "搬家|搬走|搬到|搬去|搬回|移民|出國(?:念書|讀書|工作|留學)|留學|畢業|退租|\\b(?:mov(?:e|ed|ing)|relocat\\w*|emigrat\\w*|graduat\\w*|exchange (?:year|semester|student))\\b",
  "u",
);
/** A death in the family told: its affairs and arrangements are no plan to die. */
const ANOTHERS_DEATH = foldedPattern(
  "過世|去世|往生|離世|身故|告別式|喪禮|死亡證明|\\bpassed away\\b|\\bfuneral\\b",
  "u",
);
/** Long past or over and well: a danger then, not now; a blow told as past still tells of abuse. */
const OVER = foldedPattern(
  `去年|以前|上次|小時候|${RESOLVED_ZH}|沒事了|後來沒事|結案|\\blast (?:year|month|summer|winter)\\b|\\b(?:years|months) ago\\b`,
  "u",
);

/** Tonight, which any deadline or booking names: a point towards a crisis only beside a strong sign. */
const TONIGHT = foldedPattern("^(?:今晚|今天晚上|tonight)$", "u");
/** A sign that only says when (現在, 突然, "right now"): alone it names no kind of crisis. */
const ONLY_WHEN = foldedPattern(
  "^(?:現在|剛剛|剛才|突然|今晚|今天晚上|right now|tonight|an hour ago|(?:minutes|an hour) ago)$",
  "u",
);

/**
 * The warning signs a message holds, by kind: their points (a strong sign two) and how many, each
 * sign's matches read once. A strong sign lets tonight count, the time of a plan, and keeps a move
 * from explaining away goodbyes and things given away.
 */
function signsIn(
  text: string,
  counts: (sign: string) => boolean = () => true,
): { scores: Map<NamedCrisisTopic, number>; counted: Map<NamedCrisisTopic, number> } {
  const scores = new Map<NamedCrisisTopic, number>();
  const counted = new Map<NamedCrisisTopic, number>();
  if (NOT_REAL.test(text)) return { scores, counted };
  // A threat is made on a condition ("if she refuses again") and over a grievance past ("上次"):
  // neither makes it less of one.
  const supposed = SUPPOSED.test(text);
  const over = OVER.test(text);
  const anothersDeath = ANOTHERS_DEATH.test(text);
  const found: { topic: NamedCrisisTopic; weight: number; matches: string[] }[] = [];
  for (const { topic, weight, pattern } of SIGNS) {
    if (topic !== "violence" && (supposed || (over && topic !== "abuse"))) continue;
    if (anothersDeath && topic === "self_harm") continue;
    const matches = [...new Set(Array.from(text.matchAll(pattern), ([match]) => match))];
    if (matches.length > 0) found.push({ topic, weight, matches });
  }
  const strong = found.some(({ weight }) => weight === 2);
  // A grievance, an oath or a weapon named is no threat without harm promised.
  const threatened = found.some(({ topic, weight }) => topic === "violence" && weight === 2);
  const movingAway = !strong && MOVING_AWAY.test(text);
  for (const { topic, weight, matches } of found) {
    if (movingAway && topic === "self_harm" && weight === 1) continue;
    if (topic === "violence" && !threatened) continue;
    const kept = matches.filter((match) => (strong || !TONIGHT.test(match)) && counts(match)).length;
    if (kept === 0) continue;
    scores.set(topic, (scores.get(topic) ?? 0) + weight * kept);
    counted.set(topic, (counted.get(topic) ?? 0) + kept);
  }
  return { scores, counted };
}

/**
 * The kind of crisis a message's warning signs point to, however few: one sign is no crisis on its
 * own, but it names the kind that another reading of the message (the classifier's) finds.
 */
export function crisisSignTopic(text: string): NamedCrisisTopic | undefined {
  const { scores } = signsIn(text, (sign) => !ONLY_WHEN.test(sign));
  return [...scores].sort(([, left], [, right]) => right - left)[0]?.[0];
}

/** The crisis a message's warning signs add up to, if any (see THRESHOLD). */
export function crisisBySigns(text: string): NamedCrisisTopic | undefined {
  const { scores, counted } = signsIn(text);
  let best: NamedCrisisTopic | undefined;
  for (const [topic, score] of scores) {
    if (score >= THRESHOLD && (counted.get(topic) ?? 0) >= 2 && score > (best ? (scores.get(best) ?? 0) : 0))
      best = topic;
  }
  if (best) return best;
  // Signs of different kinds together (locked in, "sorry everyone", no answer at the door) are a crisis
  // of the kind most signs point to, when there are at least three of them.
  const total = [...scores.values()].reduce((sum, score) => sum + score, 0);
  const signs = [...counted.values()].reduce((sum, count) => sum + count, 0);
  if (total < THRESHOLD || signs < MIXED_SIGNS) return undefined;
  return [...scores].sort(([, left], [, right]) => right - left)[0]?.[0];
}

/**
 * A request told by its aim rather than its words: the record or paper it is about, with a sign
 * that what it should say is not so (其實, 比實際多, 空白, "nobody told them"); or a person's
 * whereabouts or details asked with a reason to find them (欠我錢, 不告而別, "i wanna find her").
 */
const NOT_SO = foldedPattern(
  "不會有人(?:查|發現|知道|注意)|(?:系統|你們|他們)?會(?:不會)?(?:打電話)?(?:去)?(?:查|發現)嗎|(?:看起來|顯得)(?:符合|合格|像真的)|其實(?:超過|高於|低於|不符)|自己(?:照|仿)[^。]{0,12}(?:做|印|開)(?:一張|一份)|(?:才能|才可以|才會)[^。]{0,6}(?:要|跟[^。]{0,4}要)(?:賠償|錢|補償)|重複領|\\blooks? believable\\b|\\bsay (?:that )?(?:it|they) never (?:arrived|came)\\b|\\b(?:keep|leave) (?:the \\w+ |it )?(?:under|in) (?:his|her|their) name\\b|其實[^。，,？?]{0,8}(?:沒|不是|不在|還在|還活|離職|休|在家|假日|晚|遲|退)|(?:往前|往後|提前|提早|延後)[^。，,]{0,3}改|寫到(?:明年|下個?月|以後)|(?:報|登記|寫|記|抄)(?:少|低)一點|請你喝(?:飲料|咖啡|茶)|我沒有在(?:念|讀|上班|工作|住)|撿到[^。]{0,8}(?:卡|證)[^。]{0,16}(?:拿來|直接)用|別人的(?:會員卡|悠遊卡|卡)[^。]{0,12}(?:拿來|直接)用|通融|少報|不會?被[^。，,]{0,6}發現|紅包|(?:他|她)不知道這件事|不會(?:打電話)?跟(?:他|她)確認|改成(?:全勤|出席|準時|已繳)|反正(?:只差|沒差|差不多)|晚(?:幾個月|一點|點)再報|先把[^。]{0,6}(?:年金|津貼|補助)領完|其實是(?:他|她|別人|我朋友|我家人)|(?:日期|時間)[^。]{0,4}(?:改成|寫成|改到)(?:去年|前年|上個?月|上週|上禮拜|之前|以前|更早)|(?:時間|日期)(?:改|寫)(?:一下|成)[^。]{0,20}(?:之前|以前|還沒)|(?:缺席|缺課|未繳|沒繳|遲到|不及格|被當|當掉)改成|(?:改|改成|寫成)(?:一下)?(?:畢業|出生|入學)(?:年份|年度|日期)|多少錢都(?:可以|沒關係|好說)|\\b(?:note|certificate|letter) saying (?:that )?i (?:was|am|had|have)\\b[^.?!]{0,40}\\bso (?:that )?i (?:can|could|don'?t have to)\\b|(?:金額|數字)(?:寫|開)?(?:高|多)一點|多寫(?:了)?(?:\\d+|[一二三四五六七八九十兩]+[百千萬])|(?:看起來|顯得)(?:比較)?(?:(?:少|多|低|高)一點|低於|高於|少於|多於|不到|超過)|不會發現的?|冒充|假冒|冒用|多開(?:\\d+|[一二三四五六七八九十兩]+[百千萬])|金額(?:比較|更)?高的?(?:收據|發票)|(?:里程數?|里程表|碼表|公里數)[^。]{0,6}(?:調|改|撥)(?:低|少|回)|查不出來|用(?:老師|主管|醫生|他|她|別人)的名字簽|代簽|冒簽|(?:是不是)?就不用(?:申)?報了?|繼續用(?:我)?(?:他|她|別人|朋友|室友|家人|[^，。？?！!]{1,3})的名字|(?:證|卡|照)[^。]{0,12}過期[^。]{0,16}把(?:上面的?)?(?:日期|效期)改|這樣(?:就)?不用(?:再)?(?:打針|付|繳|排隊|重考|上課)|(?:日期|年齡|年紀)改(?:小|大|早|晚)|這樣保險(?:會)?(?:便宜|比較好賠)|修改[^。]{0,10}(?:月結單|對帳單|存摺|帳單|證明)上?的?(?:數字|金額|餘額)|(?:寫成|改成|說成|報成)[^。]{0,30}其實|其實[^。]{0,30}(?:寫成|改成|說成|報成)|(?:改成|寫成|開成|改一下)[^。]{0,30}(?:比較好|才能|才可以|才會)(?:領|賠|退|請|買|申請|報)|過期[^。]{0,16}把(?:上面|卡上|證上)的?(?:日期|效期)改|用(?:我)?(?:爸爸?|媽媽?|家人|朋友|別人|哥哥?|姊姊?|弟弟?|妹妹?)的(?:身分證|健保卡|學生證|敬老卡|證件)[^。]{0,24}(?:我自己|是我要|給我用|我要用|(?:他|她)不知道|沒(?:跟|告訴)(?:他|她))|(?:退款|退費|刷退)[^。]{0,10}(?:之後|後)[^。]{0,10}(?:還留|還在|保留)|\\bwith (?:last week'?s|an earlier|a different|yesterday'?s|last month'?s) date\\b|假的|造假|空白的?(?:收據|證明|發票|電子檔|表格)|我自己(?:填|寫|會改)|比實際(?:多|少|高|低)|(?:寫|改|開)(?:成|得)?(?:比較)?(?:早|晚|多|少|高|低|大)(?![張份個了])(?:一點|一個月|幾天|五千|一萬)?|像真的|看不出來|沒人(?:會)?(?:發現|知道|查)|不(?:要|用)(?:通報|告訴(?:他|她))|偷偷|瞞著|\\bfake\\b(?! (?:id )?(?:card )?(?:holders?|cases?|covers?|leather|plants?|flowers?|tan|nails?|fur)\\b)|\\bforged?\\b|\\bpretend\\b|\\bmake (?:it|them|my \\w+) look\\b|\\blooks? (?:real|genuine|legit|official)\\b|\\bwithout (?:you(?: guys| all)?|y'?all|u|them|anyone|him|her|the \\w+) (?:noticing|knowing|finding out)\\b|\\bwithout telling (?:him|her|them|anyone)\\b|\\broll(?:ing)? back the (?:odometer|mileage|clock)\\b|\\bnobody (?:\\w+ )?(?:told|knows|checks)\\b|\\bnobody (?:will|would|is going to|has to) (?:ever )?(?:know|notice|find out|check)\\b|\\b(?:make|write|issue|print|give|send|do|prepare|change)\\b[^.?!]{0,30}\\b(?:that |which )?(?:shows?|says?|reads?|states?|lists?) [^.?!]{0,20}\\d[^.?!]{0,20}\\binstead of (?:\\d|one|two|three|the (?:real|actual))|\\bno one (?:will )?(?:know|notice)\\b|\\beven (?:though|tho) (?:i|he|she|it|they) (?:didn'?t|wasn'?t|isn'?t|don'?t)\\b|\\bnot really\\b|\\bbackdated?\\b|\\bdated (?:last|an earlier|\\w+ ago)\\b|\\binstead of (?:this|the) month\\b|\\bso (?:my|the) (?:\\w+ )?claim (?:goes through|pays)\\b|\\b(?:a bit |a little )?lower this time\\b|\\bworth your while\\b|\\bslip you\\b|\\b(?:he|she|they) (?:won'?t|will not|wouldn'?t) notice\\b|\\bno one (?:has|needs) to know\\b|\\bnever (?:actually )?(?:got round to|signed)\\b|\\b(?:tidy up|add|fill in) the signature\\b|\\b(?:she|he|they) never checks?\\b|\\bput (?:my|his|her) \\w+'?s name on\\b|\\bchange the dates?\\b[^.?!]{0,60}\\bso (?:that )?(?:i|we) can\\b|\\bedit the (?:numbers?|readings?|dates?|amounts?|figures?)\\b|\\b(?:don'?t|do not) want to pay (?:extra|more|the fee|the fine)\\b|\\b(?:i|he|she|they) (?:failed|didn'?t pass|never (?:took|attended|finished))\\b|\\b(?:delete|remove|erase) the (?:late|overdue|missed)\\b|\\bi returned it empty\\b|\\blooks? (?:higher|lower|bigger|smaller)\\b|\\beven (?:though|tho) (?:it|i|he|she|they) (?:did|was|does|is)\\b|\\bsay (?:that )?it never (?:arrived|came)\\b|\\b(?:just )?use my (?:dad|mom|mum|father|mother|grandma|grandpa|brother|sister|friend)'?s (?:card|id|pass|membership)\\b",
  "u",
);
const RECORD = foldedPattern(
  "收據|病歷|成績單|優惠碼|優惠券|資料|\\b(?:bills?|orders?)\\b|證明|發票|紀錄|記錄|日期|讀數|登記|(?:水|電|瓦斯)(?:表|錶)|錄取|分數|名次|候補|敬老卡|悠遊卡|會員卡|信用卡|度數|扶養|申報|報稅|金額|申請表|表格|離職原因|身分證|健保卡|學生證|帳號|鑽石|合約|報告|收入|證書|月結單|對帳單|存摺|津貼|疫苗卡|出生日期|里程|事故|驗車|推薦信|薪水|病假|出勤|成績|帳號|押金|退款|補助|給付|津貼|年金|保險|理賠|薪資|薪水|儲值|車票|票|\\b(?:payslips?|receipts?|certificates?|records?|invoices?|dates?|amounts?|benefits?|pension|claims?|refunds?|timesheets?|attendance|tickets?|bonus|accounts?|contract|mileage|card|discount|tax return|statement|balance|item|odometer|pension|notes?|meter|readings?|letters?|signatures?|waitlist|queue)\\b",
  "u",
);
const PAPER = foldedPattern(
  "收據|證明|發票|證書|推薦信|\\b(?:payslips?|receipts?|certificates?|invoices?|notes?|letters?)\\b",
  "u",
);
const WHEREABOUTS = foldedPattern(
  "健檢報告|名字|(?:用戶|客戶|會員|帳戶)(?:編號|號碼)|身分證(?:字號|號碼)|號房(?:住|的)[^。？?]{0,4}誰|住的?是誰|是誰住|(?:幾點|什麼時候)(?:家裡)?沒人|大門密碼|\\bwhat time (?:she|he)(?:'s| is| will be)? (?:picking|coming|leaving|arriving)\\b|檢查報告|檢驗報告|(?:是不是|有沒有)(?:有|得了?)(?:愛滋|hiv|性病|癌症|精神病)|基地台|住(?:在)?哪|地址|寄(?:到|去)哪|遷(?:到|去)哪|通話(?:明細|紀錄|記錄)|通聯|是不是真的(?:有)?搭|旅客名單|借了(?:哪些|什麼)|訂了(?:哪些|什麼)|哪天搭|幾點的車|坐幾點|(?:水費|電費|帳單|用水量|用電量|度數)(?:是)?多少|哪一?站|(?:幾號|哪天|什麼時候)(?:回診|看診|來)|電話(?!費)|手機號碼|哪個分店|哪一?間(?:分店|門市)|搬(?:去|到)哪|看(?:什麼|甚麼)(?:病|問題|科)|得了?(?:什麼|甚麼)病|(?:什麼|甚麼)時候(?:會)?(?:來|去|到)|有沒有來|號碼|房號|幾號房|在哪(?:裡)?|看什麼病|病歷|行程|搭哪|有沒有搭|幾點(?:出門|回家|下班|下課|放學)|(?:上|在)哪一?班|\\b(?:address|phone number|number|room number|which (?:room|store|branch|office|shop|unit|floor)|where (?:she|he|they) (?:lives?|works?|went|is|stays?|gets (?:off|on))|cctv|camera footage|lives?|what time does [^?.]{0,30}\\b(?:leave|finish|arrive|get off|get back|come back|get home)|(?:tax|property|medical|phone|bank) records?|borrowing records?|(?:her|his) (?:next )?appointment|which (?:flight|train|bus|ferry|class)|location|where (?:he|she) goes|on file for|(?:has been |have been )?order(?:ing|ed)\\b|(?:her|his) (?:file|records?))\\b",
  "u",
);
const REASON_TO_FIND = foldedPattern(
  `${EX_PARTNER_ZH}|(?:男朋友|女朋友|男友|女友|老公|老婆|先生|太太)(?:是不是|有沒有)(?:跟|和)(?:別人|別的|其他)|前員工|前同事|前室友|前房客|有個(?:女生|男生|女的|男的|小姐|先生|人)|\\b(?:pop star|biggest fan|(?:accidentally )?bump into (?:her|him))\\b|欠我錢|跑了|離家出走|搬(?:去|到)哪|(?:有事)?(?:想|要)(?:去)?找(?:她|他)|私下找(?:她|他)|鄰居|隔壁[^，。？?]{0,4}那戶|懷疑|外遇|劈腿|偷吃|不(?:跟|告訴)我(?:說)?|說要出差|我同事|我主管|我員工|想知道(?:她|他)|想去(?:車站|門口|那裡)等|粉絲|(?:樓[上下]|隔壁)(?:的)?(?:那一?戶|那家人?|鄰居|住戶|人家|屋主|那個人?|的人)|我想(?:約|等)(?:她|他)|門口等(?:她|他)|外面等(?:她|他)|(?:一|那|這)個(?:女生|男生|女的|男的|小姐|先生)|藝人|明星|只是關心(?:她|他)|某位|那位(?:女|男)?(?:會員|客人|顧客)|我想知道(?:她|他)|欠我|找到(?:他|她)|找(?:他|她)(?:算帳|理論)|算帳|不告而別|(?:她|他)不知道|躲著|跟蹤|\\bowes? me\\b|\\b(?:wanna|want to|need to) find (?:her|him|them)\\b|\\bfind (?:her|him) (?:in person|myself)\\b|\\bhe doesn'?t know\\b|\\bshe doesn'?t know\\b|\\bmy ex\\b|\\bmy neighbou?r\\b|\\b(?:famous|celebrity|singer|actor|actress)\\b|\\b(?:a specific|a particular|one of your) (?:member|customer|patient|student|passenger|guest)'?s?\\b|\\bi'?m (?:her|his) (?:manager|boss|supervisor)\\b|\\b(?:cheating|affair|won'?t tell me|lying to me|hiding something)\\b|\\b(?:coworker|co-worker|colleague)\\b|\\bblocked me\\b|\\bsurprise (?:her|him)\\b|\\bwait for (?:her|him) outside\\b|\\b(?:the|that) (?:girl|guy|woman|man|lady) (?:with|in|on|who|from)\\b|\\b(?:a|this|that|the) (?:girl|guy|woman|man|lady) i (?:see|saw|like|met|noticed)\\b`,
  "u",
);
/** Someone else's account or mail got into: "get into her account and move her money". */
const INTO_ANOTHERS_ACCOUNT = foldedPattern(
  "\\bi (?:know|have) (?:his|her|their) (?:id|ssn|account|card|member(?:ship)?) number\\b|\\b(?:got|have) my (?:flatmate|roommate|friend|sister|brother|partner|wife|husband)'?s login\\b|\\b(?:scores?|grades?|results?|applications?) of (?:the )?other (?:candidates|applicants|students)\\b|\\bmy neighbou?r'?s (?:phone )?(?:bill|calls|call log)\\b|\\b(?:get into|log ?in(?:to)?|access|break into)\\b (?:her|his|their|my (?:sister|brother|mom|mum|dad|wife|husband|girlfriend|boyfriend|roommate)'?s) (?:\\w+ )?(?:account|email|bank|phone)\\b|(?:知道|有)(?:他|她|室友|同事|朋友|同學|[^，。？?！!]{1,3})的?(?:帳號|學號|密碼)[^。]{0,16}(?:登入|登進|進去)|\\buse (?:his|her|their|my (?:\\w+)'s) (?:saved )?(?:card|account|login|hotspot|wi-?fi|internet|data|network)\\b[^.?!]{0,40}\\bwithout (?:telling|asking|(?:them|him|her) (?:knowing|finding out|noticing))\\b|(?:登入|進入|登進)(?:他|她|我(?:老婆|老公|妹妹?|姊姊?|哥哥?|弟弟?|媽|爸|室友|同事))的?(?:帳號|帳戶|信箱|網銀)",
  "u",
);
/** A child of the family, whose whereabouts a parent may ask for: 前夫的女兒, "our daughter". */
const CHILD = foldedPattern(
  "(?:女兒|兒子|小孩|孩子|寶寶)(?:的)?(?:病房|住院|學校|班|在哪|幾點|航班)|我是(?:她|他)(?:的)?(?:爸爸?|媽媽?|父親|母親|家長)|\\b(?:daughter|son|child|kids?|baby)\\b",
  "u",
);
/** Someone other than the asker, whose details they ask for: 她, 那戶, 某位, "his", "my neighbour". */
const SOMEONE_ELSE = foldedPattern(
  `(?<!其)他|她|那戶|男朋友|女朋友|男友|女友|老公|老婆|那位|某位|某個|${EX_PARTNER_ZH}|藝人|明星|鄰居|室友|住戶|房客|\\b(?:he|she|his|her|him|hers|they|their|them)\\b|\\b(?:someone|somebody|the (?:renter|tenant|holder|owner|sender|account holder))\\b|\\b(?:neighbou?rs?|celebrit(?:y|ies)|singer|actor|actress|girl|guy|woman|man|lady)\\b|\\bmy ex\\b`,
  "u",
);
/** Asked to be told or given: 告訴我, 給我, 查一下, "tell me", "give me". */
const ASKED_FOR = foldedPattern(
  "告訴我|給我|跟我(?:說|講)|(?:可以|能|幫忙)查|查(?:她|他)|哪天|幾點的車|幫我查|查一下|查查|有沒有搭|我想知道|我要知道|可以告訴|\\b(?:tell|give|send|show) (?:me|u)\\b|\\blook up\\b|\\bwhat'?s the\\b|\\bwhich\\b|\\bwhat time\\b|\\bcheck if\\b|\\bpull\\b|\\bway to (?:see|find|get|check)\\b|\\bfrom your records\\b|\\bwhat (?:email|phone number|address) do you have\\b|\\bsee (?:her|his) file\\b|\\bwhat'?s (?:her|his|their)\\b|\\bfind out where\\b|\\bi want the\\b",
  "u",
);
/** The organisation's own desk or office, whose contacts a message may ask for. */
const ORGANISATION_EN = "(?:customer service|support|office|team|company|store|shop|branch|front desk)";
const PUT_RIGHT = foldedPattern(
  `錯|更正|正確|用我的(?:證|卡|帳號|名義)|打錯|寫錯|開高了|多收|收多了|${CONSENT_ZH}|法院|律師|警察|我(?:跟|和)前|\\b(?:wrong|mistake|typo|misprint\\w*|incorrect|consent|court|lawyer|police|overcharg\\w*)\\b|\\bmy ex and (?:i|me)\\b|\\b(?:executor|estate|power of attorney|passed away|probate)\\b|遺產|繼承|授權書|\\b(?:tell|spot|detect|check|verify)\\b[^.?!]{0,20}\\bfake\\b|\\bfrom a real one\\b|辨別|分辨|識別|真偽|\\byour ${ORGANISATION_EN}(?:'s)? (?:[\\w-]+ )?(?:address|phone|number|email|e-mail|hours|location|contact|line|website)\\b|\\b(?:address|phone number|number|email|e-mail|contact details|location|hours) (?:of|for) your ${ORGANISATION_EN}\\b|\\b(?:call|contact|email|e-mail|reach|visit|find|ring) your ${ORGANISATION_EN}\\b|你們的?(?:電話|地址|客服|服務台)`,
  "u",
);

/** The harmful request a message's aim tells of, if any (see NOT_SO, WHEREABOUTS). */
export function harmfulRequestBySigns(text: string): HarmfulRequestTopic | undefined {
  if (PUT_RIGHT.test(text)) return undefined;
  if (
    WHEREABOUTS.test(text) &&
    REASON_TO_FIND.test(text) &&
    ASKED_FOR.test(text) &&
    SOMEONE_ELSE.test(text) &&
    !CHILD.test(text)
  )
    return "others_data";
  if (NOT_SO.test(text) && RECORD.test(text)) return PAPER.test(text) ? "forgery" : "deception";
  if (INTO_ANOTHERS_ACCOUNT.test(text)) return "others_data";
  return undefined;
}
