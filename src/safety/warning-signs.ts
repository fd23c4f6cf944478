import { foldedPattern, normalizeForMatching } from "../text/normalize.js";
import type { CrisisTopic } from "./safety-topics.js";

/**
 * Warning signs of a crisis that people write in many orders and words: no one sign says a person
 * is in danger, several of one kind together do ("給家人的信已經寫好了…鑰匙放在桌上", "胸口好悶，左手
 * 一直麻，冷汗一直冒"). A reading of the signs a message holds, for what the patterns written as
 * sentences miss: each sign counts once, a strong one twice, and a kind is told at THRESHOLD.
 */
interface Sign {
  topic: CrisisTopic;
  weight: 1 | 2;
  pattern: RegExp;
}

const THRESHOLD = 3;
/** Signs of more than one kind that together are a crisis. */
const MIXED_SIGNS = 3;

/** A sign in Chinese (folded as questions are) and in English. */
function sign(topic: CrisisTopic, weight: 1 | 2, chinese: string, english: string): Sign[] {
  return [
    { topic, weight, pattern: foldedPattern(chinese, "u") },
    { topic, weight, pattern: new RegExp(english, "u") },
  ];
}

const SIGNS: Sign[] = [
  // Ending one's life: the act thought of, a note left, affairs closed, not lasting.
  ...sign(
    "self_harm",
    2,
    "遺書|給(?:家人|爸媽|父母|大家|你們)的信|(?:我的|自己的)?後事|解脫|了結|結束(?:生命|自己|一切|掉)|不想活|活不下去|輕生|尋死|一了百了|往下跳|跳下去|撐不下去|撐不到|不打算(?:繼續|活)|想好(?:要)?怎麼結束|不會再(?:麻煩|打擾|拖累)(?:大家|你們|任何人|家人)",
    "\\b(?:end it(?: all)?|end my life|kill myself|suicide note|better off without me|no reason to (?:live|keep going)|jump off(?! (?:the |a )?(?:bus|train|tram|ferry|boat|car|bike)\\b)|not (?:want|wanna) to (?:live|be here)|gonna end it)\\b",
  ),
  ...sign(
    "self_harm",
    1,
    "最後一(?:次|晚|天|趟)|(?:都)?送(?:給|人)|分給|交代(?:好|清楚)|安排好|道別|告別|不會再(?:需要|回來)|對不起大家|不在了|頂樓|頂層|陽台|月台|橋上|安眠藥|整瓶|存起來|沒有?意義|鑰匙放在|先付清|不想留給|把自己鎖在|一個人(?:待著|上去)|今晚",
    "\\b(?:one last|last time|gave away|giving away|won't (?:need|be around|be needing)|sorry (?:everyone|for everything)|(?:the )?roof|ledge|bridge|pills|logged off for good|goodbye|so tired of|tonight|locked (?:himself|herself|themselves) in)\\b",
  ),
  // A body in danger now.
  ...sign(
    "emergency",
    2,
    "口吐白沫|叫不醒|沒有?呼吸(?![器道科])|沒有?心跳|抽搐|昏迷|休克|(?:血|出血)(?:一直)?(?:止不住|流不停|停不下來)|大量出血|整瓶吞|吞了(?:一整?|整)|落水|溺水|捲進|癲癇|整[瓶罐盒排包][^，。？?！!]{0,6}(?:都)?吞",
    "\\b(?:seizure|foaming|not breathing|unconscious|unresponsive|overboard|bleeding (?:a lot|heavily|badly|everywhere)|won'?t stop bleeding|swallowed (?:a|the|all|a whole)|overdos\\w*)\\b",
  ),
  ...sign(
    "emergency",
    1,
    "胸口|胸悶|(?:左|右)?(?:手|手臂|腳|半邊|半身|臉)(?:也)?(?:一直)?(?:發)?麻|冷汗|喘不過氣|呼吸困難|倒在|倒地|發紫|發白|腫起來|流血|救護車|量倒|暈倒|昏倒|沒有?(?:回應|反應)|剛剛|剛才|現在",
    "\\b(?:chest|numb|sweating|can'?t breathe|wheez\\w*|shaking|collapsed|on the floor|ambulance|fainted|bleeding|no (?:answer|response)|right now|just (?:fell|collapsed|swallowed|took|passed out))\\b",
  ),
  // Being hurt by someone, told by the one hurt or by a witness.
  ...sign(
    "abuse",
    2,
    "(?<!不會|沒有|沒|不|別|不要)(?:打|推|掐|踢|揍|摸|抓)(?:我|他|她)(?!的|們|電話|手機|分機)|把(?:我|他|她)(?:推|打|踢|摔|撞)|亂摸|動手動腳|性侵|家暴|拿刀|皮帶|不要再打了",
    "\\b(?:hits|hit|hurts|hurt|touching|touched|grabbed|grabs|choked|chokes|punched|shoved|pushed) (?:me|her|him)\\b(?! (?:up|back|with (?:a|the) ball))",
  ),
  ...sign(
    "abuse",
    1,
    "喝醉|發酒瘋|(?:摔|砸)東西|瘀青|淤青|躲在|不敢(?:回家|說|報警|告訴)|哭喊|害怕|不安全|鎖在|威脅|欠揍",
    "\\b(?:if i tell|scared|afraid|don'?t feel safe|bruises?|hiding|threaten\\w*)\\b",
  ),
];

/**
 * A case supposed, rehearsed, long past or over and well, where signs name no danger now: 如果, 演練,
 * 去年, 人都平安, "what if", "last year".
 */
const SUPPOSED = foldedPattern(
  "如果|萬一|假如|假設|要是|演練|演習|模擬|課程|訓練|角色|劇本|小說|電影|\\bwhat if\\b|\\bin case\\b|\\bif (?:someone|a (?:child|kid|person|guest|customer|passenger))\\b|\\bdrill\\b|\\bcourse\\b|\\btraining\\b|\\bcharacter\\b|\\bmovie\\b|\\bnovel\\b",
  "u",
);
/** A death in the family told: its affairs and arrangements are no plan to die. */
const ANOTHERS_DEATH = foldedPattern("過世|去世|往生|離世|告別式|喪禮|死亡證明|\\bpassed away\\b|\\bfuneral\\b", "u");
/** Long past or over and well: a danger then, not now; a blow told as past still tells of abuse. */
const OVER = foldedPattern(
  "去年|以前|上次|小時候|人都平安|沒事了|已經出院|結案|\\blast (?:year|month|summer|winter)\\b|\\b(?:years|months) ago\\b",
  "u",
);

/** The crisis a message's warning signs add up to, if any (see THRESHOLD). */
export function crisisBySigns(message: string): CrisisTopic | undefined {
  const text = normalizeForMatching(message);
  if (SUPPOSED.test(text)) return undefined;
  const over = OVER.test(text);
  const anothersDeath = ANOTHERS_DEATH.test(text);
  const scores = new Map<CrisisTopic, number>();
  const counted = new Map<CrisisTopic, number>();
  for (const { topic, weight, pattern } of SIGNS) {
    if ((over && topic !== "abuse") || (anothersDeath && topic === "self_harm")) continue;
    const found = new Set([...text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].map(([match]) => match));
    if (found.size === 0) continue;
    scores.set(topic, (scores.get(topic) ?? 0) + weight * found.size);
    counted.set(topic, (counted.get(topic) ?? 0) + found.size);
  }
  let best: CrisisTopic | undefined;
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
