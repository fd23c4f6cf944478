import type { ChatModel } from "../models/chat-model.js";
import { numbersIn } from "../text/numbers.js";
import type { AnswerLanguage } from "./render-record.js";

/** Most characters of a record shown to the model: a student's record is short; more is not theirs to read. */
const MAX_RECORD_CHARS = 8000;
// A sentence ends at 。！？ or at . ! ? followed by a space or the end (not inside 2026.12 or 3.5).
const SENTENCE_END = /(?<=[。！？])|(?<=[.!?])(?=\s|$)/u;

const WRITING_INSTRUCTIONS: Record<AnswerLanguage, string> = {
  zh: "請用繁體中文，根據下面這位學生自己的紀錄（JSON），簡短回答他的問題，最多三句。只寫紀錄裡有的內容，不要猜測，也不要加入建議。",
  en: "Answer the student's question from their own record below (JSON), in English, in at most three short sentences. State only what the record says: no guesses, no advice.",
};

/**
 * The record told in the model's words, answering the question as asked ("還要繳多少？" → the amount
 * due), checked like any generated answer: a sentence that states a number or a date the record
 * does not hold is dropped. With nothing left, or when the model fails, the template's text is the
 * answer: a record is never lost to a model's mistake.
 */
export async function writeRecordAnswer(
  model: ChatModel,
  request: { question: string; language: AnswerLanguage; record: unknown; rendered: string },
  signal?: AbortSignal,
): Promise<{ text: string; dropped: number }> {
  const recordText = JSON.stringify(request.record).slice(0, MAX_RECORD_CHARS);
  let written: string;
  try {
    written = (
      await model.complete(
        [
          { role: "system", content: `${WRITING_INSTRUCTIONS[request.language]}\n\n${recordText}` },
          { role: "user", content: request.question },
        ],
        { signal },
      )
    ).text;
  } catch {
    return { text: request.rendered, dropped: 0 };
  }
  const known = new Set([...numbersIn(recordText), ...numbersIn(request.rendered)]);
  const sentences = written
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  const kept = sentences.filter((sentence) => [...numbersIn(sentence)].every((number) => known.has(number)));
  const separator = request.language === "zh" ? "" : " ";
  const text = kept.join(separator).trim();
  return { text: text === "" ? request.rendered : text, dropped: sentences.length - kept.length };
}
