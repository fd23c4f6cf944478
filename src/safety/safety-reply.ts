import type { BilingualText, CrisisLine, CrisisResources } from "../config/help-desk-settings.js";
import type { AnswerResponse } from "../schemas.js";
import { detectLanguage, type QuestionLanguage } from "../text/language.js";
import { convertToSimplified } from "../text/normalize.js";
import type { CrisisTopic, HarmfulRequestTopic, SafetyConcern } from "./detect-safety-concern.js";

/** The statuses of the safety check's replies (and drafts): never an answer from the documents. */
export const SAFETY_STATUSES = ["safety", "declined"] as const satisfies readonly AnswerResponse["status"][];

export function isSafetyStatus(status: string): status is (typeof SAFETY_STATUSES)[number] {
  return (SAFETY_STATUSES as readonly string[]).includes(status);
}

/** Who reads the reply: the person who wrote, or a staff member who asked for a draft reply to them. */
export type SafetyAudience = "asker" | "staff";

/** What a safety reply or a declined request says, in the shape of an answer; no document is cited. */
type SafetyAnswer = Pick<
  AnswerResponse,
  "status" | "answer" | "citations" | "confidence" | "mode" | "handoff_suggested"
>;

// Short and warm: what the person may be going through, then the lines, then a person.
const CRISIS_OPENINGS: Record<CrisisTopic, BilingualText> = {
  self_harm: {
    zh: "聽起來你現在真的很辛苦，謝謝你願意說出來。你不必一個人撐著，現在就可以打給願意聽你說的人：",
    en: "It sounds like you are going through a really hard time, and I'm glad you said something. You don't have to carry this alone; you can talk to someone right now:",
  },
  abuse: {
    zh: "發生這樣的事不是你的錯，謝謝你願意說出來。你的安全最重要，現在就可以找人幫忙：",
    en: "What happened is not your fault, and I'm glad you told me. Your safety comes first; you can reach someone right now:",
  },
  violence: {
    zh: "聽起來你現在承受很大的壓力和情緒。在做任何事之前，請先停下來，找人談談：",
    en: "It sounds like you are under a lot of pressure and anger right now. Before doing anything, please pause and talk to someone:",
  },
  emergency: {
    zh: "這聽起來很緊急。請先確保自己的安全，並立刻撥打電話求助：",
    en: "This sounds urgent. Please get yourself safe and call for help right away:",
  },
  // Whoever is hurting or in danger, the writer or someone near them: no kind is named.
  distress: {
    zh: "謝謝你願意說出來，聽起來你正在經歷很不容易的事。你的安全最重要，你不必一個人面對，現在就可以找人談談或求助：",
    en: "Thank you for telling me. It sounds like you are going through something really hard. Your safety matters most, and you don't have to face this alone; you can reach someone right now:",
  },
};

// Whatever the deployment is (a university, a district office), so it names none.
const OFFER_A_PERSON: BilingualText = {
  zh: "如果你願意，我現在就可以幫你轉給我們的工作人員。",
  en: "If you like, I can put you in touch with one of our staff right now.",
};

/** What staff are told the message may be about. */
const CRISIS_FOR_STAFF: Record<CrisisTopic, BilingualText> = {
  self_harm: { zh: "自傷或自殺", en: "self-harm or suicide" },
  abuse: { zh: "受到傷害、侵害或暴力", en: "abuse or violence against them" },
  violence: { zh: "可能傷害他人", en: "a threat to hurt others" },
  emergency: { zh: "緊急狀況", en: "an emergency" },
  distress: { zh: "可能身處危險或受到傷害", en: "danger or harm of some kind" },
};

const STAFF_CRISIS_NOTE: BilingualText = {
  zh: "無建議回覆：這則訊息可能來自正處於危機中的人（{topic}）。請盡快親自回覆，不要引用規定；表達關心，主動提供真人協助，並提供以下專線：",
  en: "No draft: this message may come from someone in crisis ({topic}). Reply yourself, promptly and personally, without quoting policy: show care, offer to talk with a person now, and share these lines:",
};

const DECLINED_TOPICS: Record<HarmfulRequestTopic, BilingualText> = {
  others_data: {
    zh: "查看或存取別人的信件、帳號或資料",
    en: "reading or accessing someone else's e-mail, account or data",
  },
  forgery: { zh: "偽造或變造文件", en: "forging or falsifying documents" },
  deception: {
    zh: "以不實資料取得權益或逃避查核",
    en: "getting something by false statements or hiding it from checks",
  },
  grade_tampering: { zh: "竄改成績或紀錄", en: "changing grades or records" },
  hacking: { zh: "入侵帳號或系統", en: "breaking into accounts or systems" },
  cheating: { zh: "考試或作業作弊", en: "cheating in exams or assignments" },
  theft: {
    zh: "偷竊、逃票或破解防盜措施",
    en: "stealing, riding without paying or getting around anti-theft measures",
  },
  trespass: {
    zh: "未經同意進入別人的住處或取得開門的卡片、鑰匙",
    en: "getting into someone else's home, or the card or key that opens it, without their consent",
  },
};

// Brief, and no policy quoted as if it helped.
const DECLINED: Record<SafetyAudience, BilingualText> = {
  asker: {
    zh: "抱歉，我不能協助{topic}。如果有其他關於規定或服務的問題，歡迎再問我。",
    en: "Sorry, I can't help with {topic}. If you have another question about our rules or services, I'm happy to help.",
  },
  staff: {
    zh: "無建議回覆：這則訊息要求{topic}，本服務不協助這類要求。如需回覆，請自行回覆。",
    en: "No draft: the message asks for help with {topic}, which this service declines. Reply yourself if a reply is needed.",
  },
};

/**
 * The reply to a message with a safety concern, in its language: for a crisis, a few warm words,
 * the deployment's crisis lines and the offer of a person (to staff: a note to reply personally,
 * with the lines); for a harmful request, a brief refusal. Never a policy quote, never a citation.
 */
export function safetyAnswer(
  message: string,
  concern: SafetyConcern,
  resources: CrisisResources,
  audience: SafetyAudience = "asker",
): SafetyAnswer {
  const language = detectLanguage(message);
  const base = { citations: [], confidence: 0, mode: "safety" as const };
  if (concern.kind === "harmful_request") {
    const topic = DECLINED_TOPICS[concern.topic];
    return { ...base, status: "declined", answer: inLanguage(language, DECLINED[audience], { topic }) };
  }
  const campus = resources.campusSecurity ? [resources.campusSecurity] : [];
  // Danger now: the site's own line first, as it is the nearest help, then police and ambulance.
  const dangerNow = concern.topic === "emergency" || concern.topic === "violence";
  const emergencyLines = resources.lines.filter((line) => line.emergency);
  const otherLines = resources.lines.filter((line) => !line.emergency);
  const lines = dangerNow ? [...campus, ...emergencyLines, ...otherLines] : [...resources.lines, ...campus];
  const pick = (text: BilingualText) => (language === "en" ? text.en : text.zh);
  const list = lines.map((line) => `- ${lineText(line, language === "en" ? "en" : "zh")}`).join("\n");
  const text =
    audience === "staff"
      ? `${pick(STAFF_CRISIS_NOTE).replace("{topic}", pick(CRISIS_FOR_STAFF[concern.topic]))}\n\n${list}`
      : `${pick(CRISIS_OPENINGS[concern.topic])}\n\n${list}\n\n${pick(OFFER_A_PERSON)}`;
  return {
    ...base,
    status: "safety",
    answer: language === "zh-Hans" ? convertToSimplified(text) : text,
    handoff_suggested: true,
  };
}

/** "安心專線 1925（24 小時）", "Mental health support line 1925 (24 hours)". */
function lineText(line: CrisisLine, language: keyof BilingualText): string {
  const hours = line.hours?.[language];
  const named = `${line.name[language]} ${line.number}`;
  if (!hours) return named;
  return language === "zh" ? `${named}（${hours}）` : `${named} (${hours})`;
}

function inLanguage(language: QuestionLanguage, text: BilingualText, fill: { topic: BilingualText }): string {
  if (language === "en") return text.en.replace("{topic}", fill.topic.en);
  const zh = text.zh.replace("{topic}", fill.topic.zh);
  return language === "zh-Hans" ? convertToSimplified(zh) : zh;
}
