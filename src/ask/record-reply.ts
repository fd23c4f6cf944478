import type { LookUpOutcome } from "../actions/look-up-records.js";
import type { AnswerLanguage } from "../actions/render-record.js";
import type { AnswerResponse, Citation } from "../schemas.js";
import { detectLanguage } from "../text/language.js";
import { convertToSimplified } from "../text/normalize.js";

type Reply = Omit<AnswerResponse, "latency_ms">;

// "2026-12-04 14:03": the server's local time, as a desk clerk would write it.
const READ_AT = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short" });

/** The language a record is told in: Chinese for a question in either script, else English. */
export function answerLanguageOf(question: string): AnswerLanguage {
  return detectLanguage(question) === "en" ? "en" : "zh";
}

/**
 * A look-up's outcome as the reply the student reads, after the documents' answer when the question
 * also asked for a rule (「我的學分夠畢業了嗎？」: their credits, and the rule, cited) — or, to someone
 * not signed in, the documents' answer with a note that their own record needs a sign-in.
 */
export function recordReply(
  outcome: LookUpOutcome,
  question: string,
  options: { documentsAnswer?: AnswerResponse; signInUrl?: string },
): Reply {
  const { language } = outcome;
  const inScript = (text: string) =>
    language === "zh" && detectLanguage(question) === "zh-Hans" ? convertToSimplified(text) : text;
  const system = outcome.action.system[language];
  const documents = options.documentsAnswer?.status === "answered" ? options.documentsAnswer : undefined;
  const before = documents ? `${documents.answer}\n\n` : "";
  const citations = documents?.citations ?? [];
  switch (outcome.kind) {
    case "record": {
      const n = citations.length + 1;
      const readAt = READ_AT.format(outcome.readAt);
      const citation: Citation = {
        n,
        doc_id: `record:${outcome.action.id}`,
        chunk_id: `record:${outcome.action.id}`,
        title: language === "zh" ? `${system}，${readAt} 查詢` : `${system}, read ${readAt}`,
        quote: "",
        kind: "record",
        system,
        read_at: outcome.readAt.toISOString(),
      };
      return {
        status: "answered",
        mode: "record",
        answer: inScript(`${before}${outcome.text}[${n}]`),
        citations: [...citations, citation],
        confidence: documents ? Math.min(documents.confidence, outcome.similarity) : outcome.similarity,
      };
    }
    case "sign_in": {
      const { signInUrl } = options;
      const note =
        language === "zh"
          ? `要查你自己的資料（${outcome.action.title.zh}），請先登入${signInUrl ? `：${signInUrl}` : "學校入口網站後再問一次。"}`
          : `To look up ${outcome.action.title.en.replace(/^My /, "your ")}, please sign in first${signInUrl ? `: ${signInUrl}` : " through the portal and ask again."}`;
      return {
        status: documents ? "answered" : "sign_in_required",
        mode: documents?.mode ?? "record",
        answer: inScript(`${before}${note}`),
        citations,
        confidence: documents?.confidence ?? 0,
        ...(options.signInUrl ? { sign_in_url: options.signInUrl } : {}),
      };
    }
    case "ask":
      return { status: "clarify", mode: "record", answer: inScript(outcome.text), citations: [], confidence: 0 };
    case "confirm":
      // Sent as they are, so that a click confirms in the chat page.
      return {
        status: "clarify",
        mode: "record",
        answer: inScript(outcome.text),
        choices: language === "zh" ? ["確定", "取消"] : ["Yes", "Cancel"],
        citations: [],
        confidence: 0,
      };
    case "cancelled":
    case "done_before":
    case "in_progress":
    case "limited": {
      const said = settledWords(outcome, language);
      return {
        status: outcome.kind === "limited" ? "unavailable" : "answered",
        mode: "record",
        answer: inScript(said),
        citations: [],
        confidence: outcome.kind === "limited" ? 0 : 1,
      };
    }
    case "unavailable": {
      const note =
        language === "zh"
          ? `${system}目前沒有回應，暫時查不到你的資料。請稍後再試，或請真人協助。`
          : `The ${system} is not answering right now, so your record cannot be looked up. Please try again later, or talk to a person.`;
      return {
        status: documents ? "answered" : "unavailable",
        mode: documents?.mode ?? "record",
        answer: inScript(`${before}${note}`),
        citations,
        confidence: documents?.confidence ?? 0,
        handoff_suggested: true,
      };
    }
  }
}

/** What a change that was not run now is told: cancelled, done before, still running, or over the student's share. */
function settledWords(
  outcome: Extract<LookUpOutcome, { kind: "cancelled" | "done_before" | "in_progress" | "limited" }>,
  language: AnswerLanguage,
): string {
  const title = outcome.action.title[language];
  switch (outcome.kind) {
    case "cancelled":
      return language === "zh" ? `好的，已取消，沒有執行「${title}」。` : `All right: nothing was done (${title}).`;
    case "done_before":
      return language === "zh"
        ? `「${title}」已經完成了，不會重複執行。`
        : `${title}: this was already done, and is not done twice.`;
    case "in_progress":
      return language === "zh"
        ? `「${title}」正在處理中，請稍後再查詢結果。`
        : `${title}: this is being done now; check the result again in a moment.`;
    case "limited":
      return language === "zh"
        ? `查詢次數太多了，請 ${outcome.retryAfterMinutes} 分鐘後再試，或請真人協助。`
        : `Too many look-ups for now: please try again in ${outcome.retryAfterMinutes} minutes, or talk to a person.`;
  }
}
