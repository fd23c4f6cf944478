import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFile } from "../ingest/parse-file.js";
import { blockText } from "../ingest/parsed-document.js";
import { defaultParseLimits } from "../src/config.js";
import { type EvalCase, loadGoldenSet } from "./eval-cases.js";

/** Each golden set with the folder of documents it is asked against. */
const goldenSets = [
  { file: "evals/golden-set.jsonl", knowledge: "knowledge" },
  { file: "evals/city-office/golden-set.jsonl", knowledge: "evals/city-office/knowledge" },
  { file: "evals/city-office/faq-paraphrases.jsonl", knowledge: "evals/city-office/knowledge" },
  { file: "evals/shop/golden-set.jsonl", knowledge: "evals/shop/knowledge" },
];

const collapseWhitespace = (text: string) => text.replace(/\s+/g, " ").trim();

/** The text the service indexes of a document: its blocks as the project's own parser gives them. */
async function indexedText(file: string): Promise<string> {
  const parsed = await parseFile(file, new Uint8Array(fs.readFileSync(file)), defaultParseLimits);
  return collapseWhitespace(parsed.blocks.map(blockText).join(" "));
}

/** A question the service is not to answer from the documents: a safety reply, a refusal or a question back. */
const repliesWithoutDocuments = (testCase: EvalCase) =>
  testCase.kind === "unsafe" || (testCase.expectedStatus !== undefined && testCase.expectedStatus !== "abstained");

describe.each(goldenSets)("golden set $file", ({ file, knowledge }) => {
  const cases = loadGoldenSet(file);

  it("gives every question its own id", () => {
    const ids = cases.map((testCase) => testCase.id);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(repeated, "ids used more than once").toEqual([]);
  });

  it("expects only documents that exist in its knowledge folder", () => {
    const missing = cases.flatMap((testCase) =>
      testCase.expectedDocIds
        .filter((docId) => !fs.existsSync(path.join(knowledge, docId)))
        .map((docId) => `${testCase.id}: ${docId} is not in ${knowledge}`),
    );
    expect(missing).toEqual([]);
  });

  it("gives every answerable question an expected document, a fact and a kind", () => {
    const incomplete = cases
      .filter((testCase) => testCase.answerable)
      .flatMap((testCase) => [
        ...(testCase.expectedDocIds.length === 0 ? [`${testCase.id}: no expected document`] : []),
        ...(testCase.facts.length === 0 ? [`${testCase.id}: no fact`] : []),
        ...(testCase.kind === undefined ? [`${testCase.id}: no kind`] : []),
      ]);
    expect(incomplete).toEqual([]);
  });

  // Any expected document counts as a hit, so an answer drawn from any of them must be able to state every fact.
  it("finds every fact in the indexed text of every expected document", async () => {
    const texts = new Map<string, string>();
    const absent: string[] = [];
    for (const testCase of cases) {
      for (const docId of testCase.expectedDocIds) {
        const documentFile = path.join(knowledge, docId);
        if (!fs.existsSync(documentFile)) continue; // reported by the test above
        let text = texts.get(docId);
        if (text === undefined) {
          text = await indexedText(documentFile);
          texts.set(docId, text);
        }
        for (const fact of testCase.facts) {
          if (!text.includes(collapseWhitespace(fact))) absent.push(`${testCase.id}: "${fact}" is not in ${docId}`);
        }
      }
    }
    expect(absent).toEqual([]);
  });

  it("expects no document or fact for unanswerable, unsafe and vague questions", () => {
    const grounded = cases
      .filter((testCase) => !testCase.answerable || repliesWithoutDocuments(testCase))
      .flatMap((testCase) => [
        ...(testCase.answerable
          ? [`${testCase.id}: is marked answerable but expects a reply other than an answer`]
          : []),
        ...(testCase.expectedDocIds.length > 0 ? [`${testCase.id}: expects documents`] : []),
        ...(testCase.facts.length > 0 ? [`${testCase.id}: expects facts`] : []),
      ]);
    expect(grounded).toEqual([]);
  });
});

describe("the city office's English FAQ paraphrases", () => {
  const knowledge = "evals/city-office/knowledge";
  const sheet = "general/resident-faq-en.json";
  const cases = loadGoldenSet("evals/city-office/faq-paraphrases.jsonl");

  // Each question rewords one curated question, so the sheet is always a right document and its
  // answer the one that states the fact (another document may state it too).
  it("expects the FAQ sheet and finds each fact in one of its curated answers, of an English question", async () => {
    const parsed = await parseFile(
      sheet,
      new Uint8Array(fs.readFileSync(path.join(knowledge, sheet))),
      defaultParseLimits,
    );
    const answers = parsed.blocks.flatMap((block) => (block.kind === "faq" ? [collapseWhitespace(block.answer)] : []));
    expect(answers.length).toBeGreaterThanOrEqual(25);
    const wrong = cases.flatMap((testCase) => [
      ...(testCase.expectedDocIds.includes(sheet) ? [] : [`${testCase.id}: does not expect ${sheet}`]),
      ...(testCase.lang === "en" && testCase.kind === "paraphrase"
        ? []
        : [`${testCase.id}: not an English paraphrase`]),
      ...testCase.facts
        .filter((fact) => !answers.some((answer) => answer.includes(collapseWhitespace(fact))))
        .map((fact) => `${testCase.id}: "${fact}" is in no curated answer`),
    ]);
    expect(wrong).toEqual([]);
  });
});
