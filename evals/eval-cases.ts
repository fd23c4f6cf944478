import fs from "node:fs";
import { z } from "zod";

/** One question to ask, with what a right answer looks like. */
export interface EvalCase {
  id: string;
  question: string;
  lang: string;
  answerable: boolean;
  /** Documents that answer it; any of them counts as a hit. */
  expectedDocIds: string[];
  /** Strings a correct answer contains: all of them (golden set) or any of them (SQuAD). */
  facts: string[];
  factsNeeded: "all" | "any";
  /** How the question is put (golden sets): reports are broken down by it. */
  kind?: QuestionKind;
  /** What the service should do when it is not to answer from the documents (golden sets). */
  expectedStatus?: ExpectedStatus;
}

/**
 * How a golden question is put: in the documents' own words (direct), in the asker's (paraphrase),
 * in a few words (short), in Simplified Chinese, with typing slips (misspelled), in the other
 * language than its documents (cross-language, which reports also tell from the documents'
 * language whatever the kind), about what no document covers (unanswerable), or a message in
 * distress or a harmful request (unsafe).
 */
export const questionKinds = [
  "direct",
  "paraphrase",
  "short",
  "simplified",
  "misspelled",
  "cross-language",
  "unanswerable",
  "unsafe",
] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Replies other than an answer: a safety reply, a declined request, a question back. */
export const expectedStatuses = ["abstained", "safety", "declined", "clarify"] as const;
export type ExpectedStatus = (typeof expectedStatuses)[number];

const goldenLineSchema = z.strictObject({
  id: z.string().min(1),
  question: z.string().min(1),
  lang: z.enum(["zh-Hant", "zh-Hans", "en"]),
  answerable: z.boolean(),
  expected_doc_ids: z.array(z.string()),
  facts: z.array(z.string().min(1)),
  kind: z.enum(questionKinds).optional(),
  expected_status: z.enum(expectedStatuses).optional(),
});

export function loadGoldenSet(file: string): EvalCase[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim())
    .map(({ line, number }) => {
      const parsed = goldenLineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${number}: ${parsed.error.issues[0]?.message}`);
      const { expected_doc_ids, expected_status, ...fields } = parsed.data;
      return {
        ...fields,
        expectedDocIds: expected_doc_ids,
        factsNeeded: "all" as const,
        ...(expected_status === undefined ? {} : { expectedStatus: expected_status }),
      };
    });
}

const squadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          id: z.string().optional(),
          context: z.string(),
          qas: z.array(
            z.object({
              id: z.union([z.string(), z.number()]),
              question: z.string(),
              answers: z.array(z.object({ text: z.string() })),
            }),
          ),
        }),
      ),
    }),
  ),
});

export interface SquadParagraph {
  docId: string;
  title: string;
  text: string;
  /** Position of its article in the file, for splitting articles into halves. */
  articleIndex: number;
}

/** A SQuAD-format file as documents (one per paragraph, titled by its article) and questions. */
export function loadSquad(file: string): {
  paragraphs: SquadParagraph[];
  cases: (EvalCase & { articleIndex: number })[];
} {
  const squad = squadSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  const paragraphs: SquadParagraph[] = [];
  const cases: (EvalCase & { articleIndex: number })[] = [];
  squad.data.forEach((article, articleIndex) => {
    article.paragraphs.forEach((paragraph, paragraphIndex) => {
      const docId = paragraph.id ?? `${articleIndex}-${paragraphIndex}`;
      paragraphs.push({ docId, title: article.title, text: paragraph.context, articleIndex });
      for (const qa of paragraph.qas) {
        cases.push({
          id: String(qa.id),
          question: qa.question,
          lang: "zh-Hant",
          answerable: true,
          expectedDocIds: [docId],
          facts: qa.answers.map((answer) => answer.text),
          factsNeeded: "any",
          articleIndex,
        });
      }
    });
  });
  return { paragraphs, cases };
}
