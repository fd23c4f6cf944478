import { isSafetyStatus } from "../safety/safety-reply.js";
import { analyzeText } from "../text/tokenize.js";
import {
  type HandoffTicket,
  type InteractionStore,
  type LoggedAnswer,
  PICKED_TOPIC_MODE,
} from "./interaction-store.js";

/** Questions sharing this much of their wording (Jaccard of their terms) are one group. */
const SAME_QUESTION = 0.5;
const MAX_GROUPS = 50;
const MAX_EXAMPLES = 5;

export interface QuestionGroup {
  /** The group's first question, as asked (masked). */
  question: string;
  count: number;
  examples: string[];
  collections: string[];
  /** Students' comments on thumbs-down answers in the group. */
  comments: string[];
  /** The documents its answers cited most, for writing a curated answer from. */
  citedDocIds: string[];
}

export interface WeeklyRow {
  /** ISO week, e.g. 2026-W47. */
  week: string;
  collection: string;
  questions: number;
  answered: number;
  answerRate: number;
  handoffs: number;
  handoffRate: number;
}

export interface KnowledgeGapReport {
  from: string;
  to: string;
  collection?: string;
  /** Questions for the documents: answered or abstained on. */
  questions: number;
  /** Questions too vague to answer, asked back with topics to choose from: listed among the top questions only. */
  askedBack: number;
  /** Topics picked from the choices offered (beside an abstention or a question back): counted only. */
  topicsPicked: number;
  /**
   * Messages the safety check answered instead: safety replies (someone may be in danger) and
   * declined requests. Counted only: they are not knowledge gaps, and their words stay out of the report.
   */
  safetyReplies: number;
  declined: number;
  topQuestions: QuestionGroup[];
  unanswered: QuestionGroup[];
  thumbsDown: QuestionGroup[];
  weekly: WeeklyRow[];
}

/**
 * The weekly review of the answer log: what is asked most, what the documents could not answer,
 * and what students said did not help, each grouped by similar wording; and the answer rate and
 * hand-off rate per week and collection. Safety replies and declined requests are only counted.
 */
export function buildKnowledgeGapReport(
  answers: LoggedAnswer[],
  handoffs: Pick<HandoffTicket, "at" | "collection">[],
  range: { from: string; to: string; collection?: string },
): KnowledgeGapReport {
  const inCollection = <T extends { collection?: string }>(item: T) =>
    range.collection === undefined || item.collection === range.collection;
  const inRange = answers.filter(inCollection);
  // Replies of the safety check, not of the documents: never a question the documents should answer.
  // Nor a topic picked from the choices: its section was shown, no question asked.
  const picked = (answer: LoggedAnswer) => answer.mode === PICKED_TOPIC_MODE;
  const asked = inRange.filter((answer) => !isSafetyStatus(answer.status) && !picked(answer));
  // A question asked back was neither answered nor left unanswered: it is no part of the answer rate.
  const forDocuments = asked.filter((answer) => answer.status !== "clarify");
  const tickets = handoffs.filter(inCollection);
  // Each question is tokenised once, for all three groupings.
  const withTerms = asked.map((answer) => ({ answer, terms: new Set(analyzeText(answer.question)) }));
  return {
    ...range,
    questions: forDocuments.length,
    askedBack: asked.length - forDocuments.length,
    topicsPicked: inRange.filter(picked).length,
    safetyReplies: inRange.filter((answer) => answer.status === "safety").length,
    declined: inRange.filter((answer) => answer.status === "declined").length,
    topQuestions: groupByWording(withTerms),
    unanswered: groupByWording(withTerms.filter(({ answer }) => answer.status === "abstained")),
    thumbsDown: groupByWording(withTerms.filter(({ answer }) => answer.rating === "down")),
    weekly: weeklyRates(forDocuments, tickets),
  };
}

/** The report over whole days: `from` and `to` are dates (YYYY-MM-DD, UTC), both included. */
export async function knowledgeGapReportFor(
  interactions: Pick<InteractionStore, "answersBetween" | "handoffTimesBetween">,
  range: { from: string; to: string; collection?: string },
): Promise<KnowledgeGapReport> {
  const end = new Date(`${range.to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const from = `${range.from}T00:00:00.000Z`;
  const until = end.toISOString();
  const [answers, handoffs] = await Promise.all([
    interactions.answersBetween(from, until),
    interactions.handoffTimesBetween(from, until),
  ]);
  return buildKnowledgeGapReport(answers, handoffs, range);
}

function groupByWording(answers: { answer: LoggedAnswer; terms: Set<string> }[]): QuestionGroup[] {
  type Entry = { terms: Set<string>; group: QuestionGroup; cited: Map<string, number> };
  const groups: Entry[] = [];
  // Groups by term: a question is compared only with groups it shares a term with.
  const groupsWithTerm = new Map<string, Entry[]>();
  for (const { answer, terms } of answers) {
    const candidates = new Set([...terms].flatMap((term) => groupsWithTerm.get(term) ?? []));
    let match = [...candidates].find((candidate) => jaccard(candidate.terms, terms) >= SAME_QUESTION);
    if (!match) {
      match = {
        terms,
        cited: new Map(),
        group: { question: answer.question, count: 0, examples: [], collections: [], comments: [], citedDocIds: [] },
      };
      groups.push(match);
      for (const term of terms) {
        const withTerm = groupsWithTerm.get(term);
        if (withTerm) withTerm.push(match);
        else groupsWithTerm.set(term, [match]);
      }
    }
    const { group, cited } = match;
    group.count++;
    if (!group.examples.includes(answer.question) && group.examples.length < MAX_EXAMPLES) {
      group.examples.push(answer.question);
    }
    if (answer.collection && !group.collections.includes(answer.collection)) group.collections.push(answer.collection);
    if (answer.comment && answer.rating === "down") group.comments.push(answer.comment);
    for (const citation of answer.citations) cited.set(citation.docId, (cited.get(citation.docId) ?? 0) + 1);
  }
  return groups
    .map(({ group, cited }) => ({
      ...group,
      citedDocIds: [...cited]
        .sort((left, right) => right[1] - left[1])
        .map(([docId]) => docId)
        .slice(0, 3),
    }))
    .sort((left, right) => right.count - left.count)
    .slice(0, MAX_GROUPS);
}

function weeklyRates(answers: LoggedAnswer[], handoffs: Pick<HandoffTicket, "at" | "collection">[]): WeeklyRow[] {
  const rows = new Map<string, WeeklyRow>();
  const rowFor = (at: string, collection: string | undefined) => {
    const week = isoWeek(at);
    const name = collection ?? "(none)";
    const key = `${week} ${name}`;
    const row = rows.get(key) ?? {
      week,
      collection: name,
      questions: 0,
      answered: 0,
      answerRate: 0,
      handoffs: 0,
      handoffRate: 0,
    };
    rows.set(key, row);
    return row;
  };
  for (const answer of answers) {
    const row = rowFor(answer.at, answer.collection);
    row.questions++;
    if (answer.status === "answered") row.answered++;
  }
  for (const ticket of handoffs) rowFor(ticket.at, ticket.collection).handoffs++;
  return [...rows.values()]
    .map((row) => ({
      ...row,
      answerRate: row.questions ? round(row.answered / row.questions) : 0,
      handoffRate: row.questions ? round(row.handoffs / row.questions) : 0,
    }))
    .sort((left, right) => left.week.localeCompare(right.week) || left.collection.localeCompare(right.collection));
}

/** ISO 8601 week of a timestamp (UTC): weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(at: string): string {
  const date = new Date(at);
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

function jaccard(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const term of left) if (right.has(term)) shared++;
  return shared / (left.size + right.size - shared);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
