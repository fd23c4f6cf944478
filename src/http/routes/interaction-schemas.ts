import { z } from "@hono/zod-openapi";
import { dateField, idField } from "../../schemas.js";

export const feedbackSchema = z
  .strictObject({
    answer_id: idField,
    rating: z.enum(["up", "down"]),
    comment: z.string().max(2000).optional(),
  })
  .openapi("Feedback");

export const handoffSchema = z
  .strictObject({
    conversation_id: idField.optional(),
    answer_id: idField.optional(),
    collection: z.string().min(1).max(100).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    contact: z.string().trim().min(1).max(200).optional(),
    message: z.string().trim().min(1).max(4000).optional(),
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
  .refine((query) => query.from <= query.to, { message: "from must not be after to" })
  .refine((query) => query.from >= "2000-01-01" && query.to <= "2999-12-31", { message: "use dates from 2000 on" })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= MAX_REPORT_DAYS * 86_400_000, {
    message: `a report covers at most ${MAX_REPORT_DAYS} days`,
  });

export const curatedFaqSchema = z
  .strictObject({
    question: z.string().trim().min(1).max(1000),
    answer: z.string().trim().min(1).max(4000),
    collection: z
      .string()
      .regex(/^[\w-]{1,100}$/, "use 1–100 letters, digits, `_` or `-`")
      .optional(),
    source_doc_id: z.string().min(1).max(500).optional(),
  })
  .openapi("CuratedFaq");
