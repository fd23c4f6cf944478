import { stringify } from "csv-stringify/sync";
import type { KnowledgeGapReport } from "./knowledge-gap-report.js";

/** The report's question groups as CSV, with a byte-order mark so that spreadsheet programs read the Chinese right. */
export function knowledgeGapCsv(report: KnowledgeGapReport): string {
  const groups = [
    ["top_questions", report.topQuestions],
    ["unanswered", report.unanswered],
    ["thumbs_down", report.thumbsDown],
  ] as const;
  const rows = groups.flatMap(([kind, list]) =>
    list.map((group) => [
      kind,
      group.question,
      group.count,
      group.examples.join(" | "),
      group.collections.join(" "),
      group.comments.join(" | "),
    ]),
  );
  // Questions are students' text: a leading = + - @ would run as a formula in a spreadsheet.
  const csv = stringify([["kind", "question", "count", "examples", "collections", "comments"], ...rows], {
    escape_formulas: true,
  });
  return `\uFEFF${csv}`;
}
