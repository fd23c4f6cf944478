import { z } from "@hono/zod-openapi";
import { dateField, hasNoNul, idField, NO_NUL } from "../../schemas.js";
import { collectionName } from "../../text/document-metadata.js";
import { labelField } from "./label-field.js";

export const feedbackSchema = z
  .strictObject({
    answer_id: idField,
    rating: z.enum(["up", "down"]),
    comment: z.string().max(2000).optional(),
  })
  .openapi("Feedback");

/** A comment added to a rating already given (👎 is recorded on the click; the comment may follow). */
export const feedbackCommentSchema = z
  .strictObject({ comment: z.string().trim().min(1).max(2000) })
  .openapi("FeedbackComment");

export const feedbackParamsSchema = z.object({
  answer_id: idField.openapi({ param: { name: "answer_id", in: "path" } }),
});

export const handoffSchema = z
  .strictObject({
    conversation_id: idField.optional(),
    answer_id: idField.optional(),
    collection: z.string().min(1).max(100).optional(),
    name: labelField(200).optional(),
    contact: labelField(200).optional(),
    message: z.string().trim().min(1).max(4000).optional(),
  })
  // An empty ticket (a conversation, and nothing to act on) would reach a person who can do nothing with it.
  .refine((input) => input.message || input.contact, {
    message: "give a message (what you need help with) or a contact (how a person can reach you)",
  })
  .refine((input) => input.conversation_id || input.answer_id || input.message, {
    message: "give a conversation_id, an answer_id or a message, so that a person knows what it is about",
  })
  .openapi("Handoff");

export const handoffListQuerySchema = z.object({ status: z.enum(["open", "closed"]).optional() });

/** A report reads every answer in its range; a year is the most a weekly review needs. */
const MAX_REPORT_DAYS = 366;

/** By default the last 7 days, today included. */
export const reportQuerySchema = z
  .object({
    from: dateField.default(() => new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10)),
    to: dateField.default(() => new Date().toISOString().slice(0, 10)),
    collection: z.string().min(1).max(100).optional(),
  })
  // Each judged only of two dates: a date mistyped is said once, as such.
  .refine((query) => !areDates(query) || query.from <= query.to, { message: "from must not be after to" })
  .refine((query) => !areDates(query) || (query.from >= "2000-01-01" && query.to <= "2999-12-31"), {
    message: "use dates from 2000-01-01 to 2999-12-31",
  })
  .refine(
    (query) => !areDates(query) || Date.parse(query.to) - Date.parse(query.from) <= MAX_REPORT_DAYS * 86_400_000,
    { message: `a report covers at most ${MAX_REPORT_DAYS} days` },
  );

function areDates({ from, to }: { from: string; to: string }): boolean {
  return dateField.safeParse(from).success && dateField.safeParse(to).success;
}

export const curatedFaqSchema = z
  .strictObject({
    question: labelField(1000),
    answer: z.string().trim().min(1).max(4000).refine(hasNoNul, NO_NUL),
    collection: collectionName.optional(),
    source_doc_id: z.string().min(1).max(500).optional(),
  })
  .openapi("CuratedFaq");

export const feedbackRecordedSchema = z
  .object({ answer_id: z.string(), rating: z.enum(["up", "down"]) })
  .openapi("FeedbackRecorded");

const deliverySchema = z
  .enum(["not_configured", "pending", "delivered", "failed"])
  .openapi({ description: "Whether the ticket has reached the helpdesk" });

/** What the student gets back: the transcript is for staff, and anyone may name a conversation. */
export const handoffOpenedSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    status: z.enum(["open", "closed"]),
    delivery: deliverySchema,
  })
  .openapi("HandoffOpened");

export const handoffTicketSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    status: z.enum(["open", "closed"]),
    collection: z.string().optional(),
    conversation_id: z.string().optional(),
    answer_id: z.string().optional(),
    name: z.string().optional(),
    contact: z.string().optional(),
    message: z.string().optional(),
    transcript: z.array(z.object({ question: z.string(), answer: z.string(), status: z.string(), at: z.string() })),
    delivery: deliverySchema,
    delivery_attempts: z.number().int(),
    closed_at: z.string().optional(),
    closed_by: z.string().optional(),
  })
  .openapi("HandoffTicket");

export const handoffListSchema = z.object({ handoffs: z.array(handoffTicketSchema) }).openapi("HandoffList");

const questionGroupSchema = z
  .object({
    question: z.string(),
    count: z.number().int(),
    examples: z.array(z.string()),
    collections: z.array(z.string()),
    comments: z.array(z.string()),
    cited_doc_ids: z.array(z.string()),
  })
  .openapi("QuestionGroup");

export const knowledgeGapReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    collection: z.string().optional(),
    questions: z.number().int().openapi({ description: "Questions for the documents: answered or abstained on." }),
    asked_back: z.number().int().openapi({
      description: "Questions too vague to answer, asked back with topics to choose from (status clarify).",
    }),
    topics_picked: z.number().int().openapi({
      description:
        "Topics picked from the choices offered beside an abstention or a question back (sent with `choice`): counted only, not in the questions, rates or groups.",
    }),
    safety_replies: z.number().int().openapi({
      description:
        "Messages answered with a safety reply (someone may be in danger): counted, never listed as questions.",
    }),
    declined_requests: z
      .number()
      .int()
      .openapi({ description: "Harmful or dishonest requests declined: counted only." }),
    top_questions: z.array(questionGroupSchema),
    unanswered: z.array(questionGroupSchema),
    thumbs_down: z.array(questionGroupSchema),
    weekly: z.array(
      z.object({
        week: z.string(),
        collection: z.string(),
        questions: z.number().int(),
        answered: z.number().int(),
        answer_rate: z.number(),
        handoffs: z.number().int(),
        handoff_rate: z.number(),
      }),
    ),
  })
  .openapi("KnowledgeGapReport");

export const curatedFaqPublishedSchema = z
  .object({ doc_id: z.string(), source_doc_id: z.string().optional(), status: z.literal("published") })
  .openapi("CuratedFaqPublished");
