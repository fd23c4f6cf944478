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

/** A reply with nothing to cite and no confidence to claim: said by the service, not quoted. */
function said(status: Reply["status"], answer: string, extra: Partial<Reply> = {}): Reply {
  return { status, mode: "record", answer, citations: [], confidence: 0, ...extra };
}

/**
 * A look-up's outcome as the reply the student reads, after the documents' answer when the question
 * also asked for a rule (「我的學分夠畢業了嗎？」: the rule, cited, then their credits) — or, to someone
 * not signed in, the documents' answer with a note that their own record needs a sign-in. The
 * service's own sentences follow the question's script; a record stays as its system wrote it.
 */
export function recordReply(
  outcome: LookUpOutcome,
  question: string,
  options: { documentsAnswer?: AnswerResponse; signInUrl?: string },
): Reply {
  const { language } = outcome;
  const inScript = (text: string) =>
    language === "zh" && detectLanguage(question) === "zh-Hans" ? convertToSimplified(text) : text;
  if (outcome.kind === "nothing_to_confirm")
    return said(
      "clarify",
      inScript(
        language === "zh"
          ? "目前沒有等待你確認的操作。請直接告訴我你想查詢或辦理什麼。"
          : "Nothing is waiting for your confirmation. Tell me what you would like to look up or do.",
      ),
    );
  const { action } = outcome;
  const system = action.system[language];
  const title = action.title[language];
  const documents = options.documentsAnswer?.status === "answered" ? options.documentsAnswer : undefined;
  const before = documents ? `${documents.answer}\n\n` : "";
  const citations = documents?.citations ?? [];
  switch (outcome.kind) {
    case "record": {
      const n = citations.length + 1;
      const readAt = READ_AT.format(outcome.readAt);
      const citation: Citation = {
        n,
        doc_id: `record:${action.id}`,
        chunk_id: `record:${action.id}`,
        title: language === "zh" ? `${system}，${readAt} 查詢` : `${system}, read ${readAt}`,
        quote: "",
        kind: "record",
        system,
        read_at: outcome.readAt.toISOString(),
      };
      return {
        status: "answered",
        mode: "record",
        answer: `${before}${outcome.text}[${n}]`,
        citations: [...citations, citation],
        confidence: documents ? Math.min(documents.confidence, outcome.similarity) : outcome.similarity,
      };
    }
    case "sign_in": {
      const { signInUrl } = options;
      const what = action.changes
        ? { zh: `要${title}`, en: `To ${title.charAt(0).toLowerCase()}${title.slice(1)}` }
        : { zh: `要查你自己的資料（${title}）`, en: `To look up ${title.replace(/^My /, "your ")}` };
      const note =
        language === "zh"
          ? `${what.zh}，請先登入${signInUrl ? `：${signInUrl}` : "學校入口網站後再問一次。"}`
          : `${what.en}, please sign in first${signInUrl ? `: ${signInUrl}` : " through the portal and ask again."}`;
      return {
        status: documents ? "answered" : "sign_in_required",
        mode: documents?.mode ?? "record",
        answer: `${before}${inScript(note)}`,
        citations,
        confidence: documents?.confidence ?? 0,
        ...(signInUrl ? { sign_in_url: signInUrl } : {}),
      };
    }
    case "ask":
      return said("clarify", outcome.text);
    case "confirm":
      // Sent as they are, so that a click confirms in the chat page.
      return said("clarify", outcome.text, {
        choices: language === "zh" ? [inScript("確定"), inScript("取消")] : ["Yes", "Cancel"],
      });
    case "needs_conversation":
      return said(
        "clarify",
        inScript(
          language === "zh"
            ? `「${title}」需要接著對話回答（補充資料或確認），請在問答小幫手的聊天視窗再問一次。`
            : `${title} takes a conversation (a detail or a confirmation): please ask again in the help desk chat.`,
        ),
      );
    case "unavailable": {
      const note =
        language === "zh"
          ? `${system}目前沒有回應，暫時查不到你的資料。請稍後再試，或請真人協助。`
          : `The ${system} is not answering right now, so your record cannot be looked up. Please try again later, or talk to a person.`;
      return {
        status: documents ? "answered" : "unavailable",
        mode: documents?.mode ?? "record",
        answer: `${before}${inScript(note)}`,
        citations,
        confidence: documents?.confidence ?? 0,
        handoff_suggested: true,
      };
    }
    case "no_record":
      return said(
        "unavailable",
        inScript(
          language === "zh"
            ? `${system}查不到你的紀錄（${title}）。如果這不對，請真人協助。`
            : `The ${system} has no record of yours (${title}). If that is wrong, please talk to a person.`,
        ),
        { handoff_suggested: true },
      );
    case "cancelled":
      return said(
        "answered",
        inScript(
          language === "zh" ? `好的，已取消，沒有執行「${title}」。` : `All right: nothing was done (${title}).`,
        ),
      );
    case "done_before":
      return said(
        "answered",
        inScript(
          language === "zh"
            ? `「${title}」已經完成了：不會重複執行，也無法在這裡取消。`
            : `${title}: this was already done. It is not done twice, and cannot be undone here.`,
        ),
      );
    case "in_progress":
      return said(
        "answered",
        inScript(
          language === "zh"
            ? `「${title}」正在處理中，請稍後再查詢結果。`
            : `${title}: this is being done now; check the result again in a moment.`,
        ),
      );
    case "limited": {
      const minutes = outcome.retryAfterMinutes;
      const words = action.changes
        ? language === "zh"
          ? `這段時間辦理的次數太多了，請 ${minutes} 分鐘後再試，或請真人協助。`
          : `Too many changes for now: please try again in ${minutes} minutes, or talk to a person.`
        : language === "zh"
          ? `查詢次數太多了，請 ${minutes} 分鐘後再試，或請真人協助。`
          : `Too many look-ups for now: please try again in ${minutes} minutes, or talk to a person.`;
      return said("unavailable", inScript(words));
    }
  }
}
