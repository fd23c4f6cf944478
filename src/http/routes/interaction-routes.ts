import type { OpenAPIHono } from "@hono/zod-openapi";
import { publishCuratedAnswer } from "../../editorial/curated-faq.js";
import { handoffTicketBody } from "../../interactions/handoff-delivery.js";
import { knowledgeGapReportFor, type QuestionGroup } from "../../interactions/knowledge-gap-report.js";
import { requireKnownCollection } from "../../store/require-known-collection.js";
import type { AppDependencies } from "../app-dependencies.js";
import { authorize } from "../authorize.js";
import {
  curatedFaqSchema,
  feedbackSchema,
  handoffListQuerySchema,
  handoffSchema,
  reportQuerySchema,
} from "./interaction-schemas.js";
import { csvResponse, parseInput, readJsonBody, refuseOtherMethods } from "./shared.js";

/** Students' feedback and hand-offs (public, like asking), and the editors' tickets and knowledge-gap report. */
export function registerInteractionRoutes(app: OpenAPIHono, { editorial, store }: AppDependencies): void {
  const { interactions, keys, editor, handoffDelivery } = editorial;

  app.post("/v1/feedback", async (context) => {
    const { answer_id, rating, comment } = parseInput(feedbackSchema, await readJsonBody(context));
    interactions.recordFeedback(answer_id, rating, comment);
    return context.json({ answer_id, rating }, 201);
  });

  app.post("/v1/handoffs", async (context) => {
    const input = parseInput(handoffSchema, await readJsonBody(context));
    await requireKnownCollection(store, input.collection);
    const ticket = interactions.openHandoff({
      collection: input.collection,
      conversationId: input.conversation_id,
      answerId: input.answer_id,
      name: input.name,
      contact: input.contact,
      message: input.message,
      delivery: handoffDelivery.configured ? "pending" : "not_configured",
    });
    handoffDelivery.deliver(ticket);
    // Only what the student needs: the transcript is for staff, and anyone may name a conversation.
    return context.json({ id: ticket.id, at: ticket.at, status: ticket.status, delivery: ticket.delivery }, 201);
  });

  app.get("/v1/handoffs", (context) => {
    authorize(context, keys, "editor");
    const { status } = parseInput(handoffListQuerySchema, context.req.query());
    return context.json({ handoffs: interactions.handoffs(status).map(handoffTicketBody) });
  });

  app.post("/v1/handoffs/:id/close", (context) => {
    const caller = authorize(context, keys, "editor");
    return context.json(handoffTicketBody(interactions.closeHandoff(context.req.param("id"), caller)));
  });

  app.get("/v1/reports/knowledge-gaps", (context) => {
    authorize(context, keys, "editor");
    return context.json(reportBody(parseInput(reportQuerySchema, context.req.query())));
  });

  app.get("/v1/reports/knowledge-gaps.csv", (context) => {
    authorize(context, keys, "editor");
    const query = parseInput(reportQuerySchema, context.req.query());
    return csvResponse(context, knowledgeGapReportFor(interactions, query));
  });

  // A curated answer written from a group: published at once as an FAQ entry, linked to its source.
  app.post("/v1/reports/faq", async (context) => {
    const caller = authorize(context, keys, "editor");
    const input = parseInput(curatedFaqSchema, await readJsonBody(context));
    const { docId } = await publishCuratedAnswer(editor, input, caller);
    return context.json({ doc_id: docId, source_doc_id: input.source_doc_id, status: "published" }, 201);
  });

  refuseOtherMethods(app, "/v1/feedback", ["POST"]);
  refuseOtherMethods(app, "/v1/handoffs", ["GET", "POST"]);
  refuseOtherMethods(app, "/v1/handoffs/:id/close", ["POST"]);
  refuseOtherMethods(app, "/v1/reports/knowledge-gaps", ["GET"]);
  refuseOtherMethods(app, "/v1/reports/knowledge-gaps.csv", ["GET"]);
  refuseOtherMethods(app, "/v1/reports/faq", ["POST"]);

  function reportBody(query: { from: string; to: string; collection?: string }) {
    const report = knowledgeGapReportFor(interactions, query);
    const group = (item: QuestionGroup) => ({
      question: item.question,
      count: item.count,
      examples: item.examples,
      collections: item.collections,
      comments: item.comments,
      cited_doc_ids: item.citedDocIds,
    });
    return {
      from: report.from,
      to: report.to,
      collection: report.collection,
      questions: report.questions,
      top_questions: report.topQuestions.map(group),
      unanswered: report.unanswered.map(group),
      thumbs_down: report.thumbsDown.map(group),
      weekly: report.weekly.map((row) => ({
        week: row.week,
        collection: row.collection,
        questions: row.questions,
        answered: row.answered,
        answer_rate: row.answerRate,
        handoffs: row.handoffs,
        handoff_rate: row.handoffRate,
      })),
    };
  }
}
