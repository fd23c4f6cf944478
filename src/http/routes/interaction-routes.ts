import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { publishCuratedAnswer } from "../../editorial/curated-faq.js";
import { handoffTicketBody } from "../../interactions/handoff-delivery.js";
import { knowledgeGapReportFor, type QuestionGroup } from "../../interactions/knowledge-gap-report.js";
import { proposePhrasingFromRating } from "../../interactions/propose-phrasing.js";
import { requireKnownCollection } from "../../store/require-known-collection.js";
import type { AppDependencies } from "../app-dependencies.js";
import { type CallerEnv, requireRole } from "../authorize.js";
import {
  curatedFaqPublishedSchema,
  curatedFaqSchema,
  feedbackCommentSchema,
  feedbackParamsSchema,
  feedbackRecordedSchema,
  feedbackSchema,
  handoffListQuerySchema,
  handoffListSchema,
  handoffOpenedSchema,
  handoffSchema,
  handoffTicketSchema,
  knowledgeGapReportSchema,
  reportQuerySchema,
} from "./interaction-schemas.js";
import {
  apiErrorResponses,
  csvResponse,
  errorBody,
  idParamsSchema,
  json,
  keyErrorResponses,
  keySecurity,
  newRouteGroup,
} from "./shared.js";

const notFound = errorBody("not_found");
const staff = { tags: ["interactions"], security: keySecurity };

const feedbackRoute = createRoute({
  tags: ["interactions"],
  method: "post",
  path: "/v1/feedback",
  summary: "Rate an answer up or down, with an optional comment",
  description:
    "A 👍 also proposes the question as a wording of the passage the answer cited first. Editors review proposals (GET /v1/phrasings?state=proposed); none is searched before one accepts it.",
  request: { body: { required: true, content: json(feedbackSchema) } },
  responses: {
    201: { description: "Recorded", content: json(feedbackRecordedSchema) },
    404: notFound,
    ...apiErrorResponses,
  },
});

const feedbackCommentRoute = createRoute({
  tags: ["interactions"],
  method: "patch",
  path: "/v1/feedback/{answer_id}",
  summary: "Add a comment to a rating already given (the rating is not counted again)",
  request: { params: feedbackParamsSchema, body: { required: true, content: json(feedbackCommentSchema) } },
  responses: {
    200: { description: "The rating, now with the comment", content: json(feedbackRecordedSchema) },
    404: errorBody("not_found: the answer has no rating yet (POST /v1/feedback first)"),
    ...apiErrorResponses,
  },
});

const openHandoffRoute = createRoute({
  tags: ["interactions"],
  method: "post",
  path: "/v1/handoffs",
  summary: "Ask for a person: opens a ticket for staff, with the conversation so far",
  request: { body: { required: true, content: json(handoffSchema) } },
  responses: { 201: { description: "The ticket", content: json(handoffOpenedSchema) }, ...apiErrorResponses },
});

const listHandoffsRoute = createRoute({
  ...staff,
  method: "get",
  path: "/v1/handoffs",
  summary: "Hand-off tickets, newest first",
  request: { query: handoffListQuerySchema },
  responses: { 200: { description: "Tickets", content: json(handoffListSchema) }, ...keyErrorResponses },
});

const closeHandoffRoute = createRoute({
  ...staff,
  method: "post",
  path: "/v1/handoffs/{id}/close",
  summary: "Close a hand-off ticket",
  request: { params: idParamsSchema },
  responses: {
    200: { description: "The closed ticket", content: json(handoffTicketSchema) },
    404: notFound,
    ...keyErrorResponses,
  },
});

const reportRoute = createRoute({
  ...staff,
  method: "get",
  path: "/v1/reports/knowledge-gaps",
  summary: "The knowledge-gap report: top, unanswered and thumbs-down questions, and weekly rates",
  request: { query: reportQuerySchema },
  responses: { 200: { description: "The report", content: json(knowledgeGapReportSchema) }, ...keyErrorResponses },
});

const reportCsvRoute = createRoute({
  ...staff,
  method: "get",
  path: "/v1/reports/knowledge-gaps.csv",
  summary: "The knowledge-gap report as a CSV download",
  request: { query: reportQuerySchema },
  responses: {
    200: {
      description: "The report, one row per question group",
      content: { "text/csv": { schema: { type: "string" } } },
    },
    ...keyErrorResponses,
  },
});

const curatedFaqRoute = createRoute({
  ...staff,
  method: "post",
  path: "/v1/reports/faq",
  summary: "Publish a curated answer to a question group as an FAQ entry",
  request: { body: { required: true, content: json(curatedFaqSchema) } },
  responses: {
    201: { description: "Published", content: json(curatedFaqPublishedSchema) },
    ...keyErrorResponses,
  },
});

/** Students' feedback and hand-offs (public, like asking), and the editors' tickets and knowledge-gap report. */
export function interactionRoutes({
  editorial,
  store,
}: Pick<AppDependencies, "editorial" | "store">): OpenAPIHono<CallerEnv> {
  const { interactions, keys, editor, handoffDelivery, phrasings } = editorial;
  const routes = newRouteGroup<CallerEnv>();
  const editorsOnly = { middleware: requireRole(keys, "editor") } as const;

  routes.openapi(feedbackRoute, async (context) => {
    const { answer_id, rating, comment } = context.req.valid("json");
    await interactions.recordFeedback(answer_id, rating, comment);
    if (rating === "up") await proposePhrasingFromRating(interactions, phrasings, answer_id);
    return context.json({ answer_id, rating }, 201);
  });

  routes.openapi(feedbackCommentRoute, async (context) => {
    const { answer_id } = context.req.valid("param");
    const rating = await interactions.commentOnFeedback(answer_id, context.req.valid("json").comment);
    return context.json({ answer_id, rating }, 200);
  });

  routes.openapi(openHandoffRoute, async (context) => {
    const input = context.req.valid("json");
    await requireKnownCollection(store, input.collection);
    const ticket = await interactions.openHandoff({
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

  routes.openapi({ ...listHandoffsRoute, ...editorsOnly }, async (context) => {
    const { status } = context.req.valid("query");
    return context.json({ handoffs: (await interactions.handoffs(status)).map(handoffTicketBody) }, 200);
  });

  routes.openapi({ ...closeHandoffRoute, ...editorsOnly }, async (context) =>
    context.json(
      handoffTicketBody(await interactions.closeHandoff(context.req.valid("param").id, context.get("caller"))),
      200,
    ),
  );

  routes.openapi({ ...reportRoute, ...editorsOnly }, async (context) =>
    context.json(await reportBody(context.req.valid("query")), 200),
  );

  routes.openapi({ ...reportCsvRoute, ...editorsOnly }, async (context) =>
    csvResponse(context, await knowledgeGapReportFor(interactions, context.req.valid("query"))),
  );

  // A curated answer written from a group: published at once as an FAQ entry, linked to its source.
  routes.openapi({ ...curatedFaqRoute, ...editorsOnly }, async (context) => {
    const input = context.req.valid("json");
    const { docId } = await publishCuratedAnswer(editor, input, context.get("caller"));
    return context.json({ doc_id: docId, source_doc_id: input.source_doc_id, status: "published" as const }, 201);
  });

  return routes;

  async function reportBody(query: { from: string; to: string; collection?: string }) {
    const report = await knowledgeGapReportFor(interactions, query);
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
      asked_back: report.askedBack,
      topics_picked: report.topicsPicked,
      safety_replies: report.safetyReplies,
      declined_requests: report.declined,
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
