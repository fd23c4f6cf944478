import { z } from "@hono/zod-openapi";

/** Longest question or query accepted; longer input is a mistake or an abuse, not a question. */
export const MAX_QUESTION_CHARS = 1000;

/** An id the client chose or was given: a conversation's, an answer's. */
export const idField = z.string().regex(/^[\w.:-]{1,100}$/, "use 1–100 letters, digits, `_`, `-`, `.` or `:`");

/** Text to publish or show holds no NUL character: no reader expects one, and some stop at it. */
export const hasNoNul = (text: string) => !text.includes("\u0000");
export const NO_NUL = { message: "must not hold a NUL character (\\u0000)" };

/** A calendar date in the form people type it. */
export const dateField = z.iso.date({ message: "use a date as YYYY-MM-DD" });

const collectionField = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .openapi({ description: "Only search documents of this collection.", example: "registrar" });

export const searchRequestSchema = z
  .strictObject({
    query: z.string().trim().min(1).max(MAX_QUESTION_CHARS).openapi({ example: "加退選截止日期" }),
    top_k: z.number().int().min(1).max(50).default(5).openapi({ description: "How many passages (1–50)." }),
    collection: collectionField,
  })
  .openapi("SearchRequest");

const locationFields = {
  heading: z.string().optional().openapi({ description: "Heading path of the passage, ` > ` separated." }),
  page: z.number().int().optional().openapi({ description: "PDF page number, from 1." }),
  url: z.string().optional(),
};

export const searchResultSchema = z
  .object({
    doc_id: z.string(),
    chunk_id: z.string(),
    title: z.string(),
    text: z.string(),
    score: z.number().openapi({ description: "Relevance from 0 to 1, higher is better." }),
    ...locationFields,
  })
  .openapi("SearchResult");

export const searchResponseSchema = z.object({ results: z.array(searchResultSchema) }).openapi("SearchResponse");

export const answerRequestSchema = z
  .strictObject({
    question: z
      .string()
      .trim()
      .min(1)
      .max(MAX_QUESTION_CHARS)
      .openapi({ example: "Can I change my major after the first year?" }),
    collection: collectionField,
    conversation_id: idField.optional().openapi({
      description:
        "Keeps the recent turns of a conversation, so that a follow-up (“那研究生呢?”) is understood. Any id the client chooses.",
      example: "c-2f9a",
    }),
    stream: z.boolean().optional().openapi({
      description:
        "Send Server-Sent Events (`citations`, `delta`…, `done`) instead of one JSON body. Unset: as the `Accept` header asks.",
    }),
    choice: z.boolean().optional().openapi({
      description:
        "Set when `question` is one of the `choices` of the previous reply, sent as it was offered: the reply quotes that topic's section from its start, and nothing of the earlier turns is carried over.",
    }),
  })
  .openapi("AnswerRequest");

export const citationSchema = z
  .object({
    n: z.number().int().min(1).openapi({ description: "The number used by the `[n]` marker in the answer." }),
    doc_id: z.string(),
    chunk_id: z.string(),
    title: z.string(),
    quote: z.string().openapi({ description: "Verbatim text of the cited chunk; empty for a record." }),
    ...locationFields,
    kind: z.literal("record").optional().openapi({
      description:
        "Present when the answer quotes the signed-in student's own record from one of the organisation's systems (`system`, read at `read_at`) rather than a document; `title` then names both.",
    }),
    system: z.string().optional().openapi({ description: "With `kind: record`: the system the record was read from." }),
    read_at: z.string().optional().openapi({ description: "With `kind: record`: when it was read (ISO 8601)." }),
  })
  .openapi("Citation");

export const answerResponseSchema = z
  .object({
    answer_id: z
      .string()
      .optional()
      .openapi({ description: "The logged answer's id, for POST /v1/feedback and POST /v1/handoffs." }),
    status: z
      .enum(["answered", "abstained", "clarify", "safety", "declined", "sign_in_required", "unavailable"])
      .openapi({
        description:
          "`answered`: from the documents, with citations, or (mode `record`) from the signed-in student's own record; `sign_in_required`: the question asks for the asker's own record (\"my loans\") and no valid `X-User-Token` came with it, so `answer` asks them to sign in (at `sign_in_url`); `unavailable`: the system holding that record is not answering, so `answer` says to try later or talk to a person (`handoff_suggested`); `abstained`: the documents do not cover the question, and `answer` says where to ask (and, with `choices`, introduces topics they do cover near it); `clarify`: the question is too vague, and `choices` lists the topics it may be about, or a look-up needs one more detail, which `answer` asks for, or the message only greets, thanks or says goodbye, and `answer` replies in kind; `safety`: the message shows someone may be in danger (self-harm, abuse, violence, an emergency), and `answer` gives crisis lines and offers a person (`handoff_suggested`); `declined`: a request for something harmful or dishonest, briefly refused. Neither of the last two quotes or cites a document.",
      }),
    answer: z.string(),
    choices: z.array(z.string()).optional().openapi({
      description:
        "With `clarify`: 2–4 topics, each a question the asker can send as it is. With `abstained`: up to 3 topics the documents cover near the question, sent the same way; sending one quotes that section.",
    }),
    citations: z.array(citationSchema),
    confidence: z.number().min(0).max(1).openapi({
      description: "How well the documents support the answer; 0 for safety and declined replies, which use none.",
    }),
    mode: z.enum(["extractive", "faq", "generative", "safety", "record"]).openapi({
      description:
        "`record`: read from the organisation's systems for the signed-in student (with any document answer before it); `generative`: written by the model from the passages; `extractive`: quoted from them; `faq`: a curated answer; `safety`: a fixed reply of the safety check (status `safety` or `declined`), given before any document is searched or any model asked.",
    }),
    sign_in_url: z.string().optional().openapi({ description: "With `sign_in_required`: where the student signs in." }),
    handoff_suggested: z.literal(true).optional().openapi({
      description:
        "Present on safety replies and when a record system is unavailable: offer the person a human right away (POST /v1/handoffs), prominently, and ask for no rating.",
    }),
    grounding: z
      .object({
        checked: z.boolean(),
        kept_sentences: z.number().int().min(0),
        dropped_sentences: z.number().int().min(0),
      })
      .optional()
      .openapi({
        description:
          "What the check of a generated answer did: sentences no cited passage supported were dropped (or re-cited).",
      }),
    fallback_reason: z
      .enum(["timeout", "rate_limited", "model_error", "ungrounded", "model_declined"])
      .optional()
      .openapi({ description: "Why a generated answer was not sent, when the model was configured." }),
    usage: z
      .object({ input_tokens: z.number().int(), output_tokens: z.number().int() })
      .optional()
      .openapi({ description: "Model tokens used, when a model answered." }),
    conversation_id: z.string().optional(),
    standalone_question: z
      .string()
      .optional()
      .openapi({ description: "The follow-up as it was understood and searched for, when it was rewritten." }),
    latency_ms: z.number(),
  })
  .openapi("AnswerResponse");

/** A customer's message can be longer than a question: an e-mail with its context. */
const MAX_MESSAGE_CHARS = 4000;

export const draftRequestSchema = z
  .strictObject({
    message: z
      .string()
      .trim()
      .min(1)
      .max(MAX_MESSAGE_CHARS)
      .openapi({ example: "您好，我是研究生，想請問加退選最晚可以到什麼時候？謝謝。" }),
    collection: collectionField,
  })
  .openapi("DraftRequest");

export const draftResponseSchema = answerResponseSchema
  // A draft is for staff to edit and send: it is not logged as an answer, so it has no answer_id.
  .omit({ answer_id: true, status: true, answer: true, conversation_id: true, standalone_question: true })
  .extend({
    status: z.enum(["drafted", "no_draft", "safety", "declined"]).openapi({
      description:
        "`no_draft`: the documents do not cover the message; `safety`: the message may come from someone in crisis, so `reply` tells the staff member to answer personally and lists crisis lines to share; `declined`: it asks for something harmful or dishonest. In all three `reply` is addressed to the staff member.",
    }),
    draft: z.literal(true).openapi({ description: "Always true: a person reviews this before anything is sent." }),
    reply: z.string().openapi({ description: "The suggested reply, with `[n]` citation markers." }),
  })
  .openapi("DraftResponse");

export const errorResponseSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("Error");

export type SearchRequest = z.infer<typeof searchRequestSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
export type AnswerRequest = z.infer<typeof answerRequestSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type AnswerResponse = z.infer<typeof answerResponseSchema>;
export type DraftResponse = z.infer<typeof draftResponseSchema>;
