import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultChunkingOptions } from "../ingest/chunk-document.js";
import { fillMissingVectors, prepareEmbeddingSpace } from "../ingest/embed-chunks.js";
import { buildDocumentRecords } from "../ingest/index-document.js";
import { syncFolder } from "../ingest/sync-folder.js";
import type { RecordLookUps } from "../src/actions/look-up-records.js";
import { type AnswerCandidate, defaultFaqMatchThreshold } from "../src/answering/answer-question.js";
import { estimateConfidence } from "../src/answering/confidence.js";
import { type AnswerService, createAnswerService } from "../src/ask/answer-service.js";
import { type CommandContext, runWhenMain } from "../src/command-line.js";
import { type ConfidenceModel, confidenceSignalNames } from "../src/config/confidence-model.js";
import { type AppConfig, loadConfig, personaFor } from "../src/config.js";
import { ConversationMemory } from "../src/conversation/conversation-memory.js";
import { type EditorialDatabase, openEditorialDatabase } from "../src/database/open-database.js";
import { PassagePhrasings } from "../src/editorial/passage-phrasings.js";
import type { CachedEmbedder } from "../src/embedding/cached-embedder.js";
import { openEmbedder } from "../src/embedding/open-embedder.js";
import type { GenerationSettings } from "../src/generation/generate-answer.js";
import { InteractionStore } from "../src/interactions/interaction-store.js";
import { createOpenAiChatModel } from "../src/models/openai/index.js";
import type { IndexStore } from "../src/store/index-store.js";
import { SqliteIndexStore } from "../src/store/sqlite/sqlite-index-store.js";
import { BilingualDictionary } from "../src/text/bilingual-dictionary.js";
import { detectLanguage } from "../src/text/language.js";
import { convertToSimplified } from "../src/text/normalize.js";
import { Vocabulary } from "../src/text/vocabulary.js";
import { readVocabulary } from "../src/text/vocabulary-file.js";
import { ACTION_QUESTIONS, formatActionFigures, loadActionQuestions, runActionQuestions } from "./action-questions.js";
import { Bm25Baseline } from "./bm25-baseline.js";
import { type CalibrationSample, fitLogisticRegression } from "./calibrate.js";
import { type EvalCase, loadGoldenSet, loadSquad } from "./eval-cases.js";
import { isHeldOut } from "./golden-split.js";
import {
  abstentionAt,
  abstentionCurve,
  type BaselineComparison,
  type CaseResult,
  compareWithBaseline,
  computeMetrics,
  containsFacts,
  type EvalMetrics,
  metricsByKind,
  type RankingFigures,
} from "./metrics.js";
import { formatReviewRound, simulateReviewRound } from "./review-round.js";

const USAGE = `usage: npm run eval [-- options]
  (no options)          the sample deployments: the university's golden set (evals/golden-set.jsonl)
                        against knowledge/, the city office's (evals/city-office/), and the city
                        office's English FAQ paraphrases; English questions also against plain BM25
  --squad FILE          a SQuAD-format file instead: each paragraph a document
  --golden FILE         another golden set     --knowledge DIR   another corpus folder
  --threshold N         abstention threshold (default: ABSTAIN_THRESHOLD, itself 0.25 by default)
  --chunk-chars N       chunk size to measure (default ${defaultChunkingOptions.maxChars})
  --limit N             only the first N questions
  --calibrate           also fit a confidence model on this run and print it with its curve
                        (on a SQuAD file: fitted on half of the articles, measured on the others)
  --save FILE           with --calibrate: write the fitted model for CONFIDENCE_MODEL_FILE
  --review-round        also simulate one editors' review round on each golden set: teach the wording
                        of every other answerable miss of the tuning part, ask again, and compare
  --out FILE            JSON report path (default evals/reports/<name>.json)`;

/** Below this many answers of either kind (supported or not), a fitted model is only a rough guide. */
const FEW_CALIBRATION_SAMPLES = 20;

/** Set when a model server is configured: answers are then generated, as the service would. */
type ModelSetup = { generation: GenerationSettings; embedder: CachedEmbedder } | undefined;

interface RunOutput {
  results: CaseResult[];
  calibration: (CalibrationSample & { caseIndex: number })[];
}

/**
 * `npm run eval`: measures retrieval, answers and abstention on a golden set or a SQuAD file, prints
 * the metrics and writes the JSON report. Returns the exit code: 0, or 1 with the reason on stderr.
 */
export async function runEvalCommand(argv: string[], context: CommandContext): Promise<number> {
  try {
    await evaluate(argv, context);
    return 0;
  } catch (error) {
    context.stderr.write(`eval failed: ${(error as Error).message}\n`);
    return 1;
  }
}

async function evaluate(argv: string[], { environment, stdout, stderr }: CommandContext): Promise<void> {
  const print = (line: string) => stdout.write(`${line}\n`);
  const { values: options } = parseArgs({
    args: argv,
    options: {
      squad: { type: "string" },
      golden: { type: "string" },
      knowledge: { type: "string" },
      threshold: { type: "string" },
      "chunk-chars": { type: "string" },
      limit: { type: "string" },
      calibrate: { type: "boolean", default: false },
      "review-round": { type: "boolean", default: false },
      save: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (options.help) {
    print(USAGE);
    return;
  }
  const config = loadConfig(environment);
  const threshold = options.threshold === undefined ? config.abstainThreshold : Number(options.threshold);
  const chunking = { maxChars: Number(options["chunk-chars"] ?? defaultChunkingOptions.maxChars) };
  const limit = options.limit === undefined ? Number.POSITIVE_INFINITY : Number(options.limit);
  if (![threshold, chunking.maxChars, limit].every((value) => Number.isFinite(value) || value === limit)) {
    throw new Error(`--threshold, --chunk-chars and --limit take numbers\n${USAGE}`);
  }
  if (options.save && !options.calibrate)
    throw new Error(`--save writes the model --calibrate fits: give both\n${USAGE}`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "grounded-faq-eval-"));
  const embedding = openEmbedder(config);
  let model: ModelSetup;
  if (config.model && embedding.embedder) {
    model = {
      embedder: embedding.embedder,
      generation: { chatModel: createOpenAiChatModel(config.model), timeoutMs: config.model.answerTimeoutMs },
    };
    print(`Generative mode: ${config.model.chatModel} and ${config.model.embeddingModel}`);
  }
  const openStore = (name: string) => new SqliteIndexStore(path.join(workDir, `${name}.sqlite`));
  const { confidenceModel } = config;
  const report: Record<string, unknown> = { threshold, chunking, confidenceModel };
  // Answers are logged as the service logs them, in a database of the run's own.
  const answerLogDatabase = await openEditorialDatabase({ file: path.join(workDir, "editorial.sqlite") });
  const answerLog = new InteractionStore(answerLogDatabase.db);
  // Each deployment's review round teaches phrasings in an editorial file of its own.
  const reviewDatabases: EditorialDatabase[] = [];
  const openPhrasings = options["review-round"]
    ? async (store: IndexStore, name: string) => {
        const database = await openEditorialDatabase({ file: path.join(workDir, `${name}-review.sqlite`) });
        reviewDatabases.push(database);
        return new PassagePhrasings(database.db, store);
      }
    : undefined;
  // Questions are translated as the service translates them.
  const dictionary = await BilingualDictionary.load();
  // Each deployment's own contact lines and crisis resources (its _help-desk.yml), as its service reads them.
  const configFor = (knowledge: string | undefined) =>
    knowledge === undefined ? config : loadConfig({ ...environment, KNOWLEDGE_DIR: knowledge });
  const runCases: GoldenRunContext["runCases"] = (
    store,
    cases,
    { generate = true, vocabulary = Vocabulary.empty, knowledge, askOfferedTopics = false } = {},
  ) =>
    runCasesWith(
      cases,
      answerServiceFor(store, {
        config: configFor(knowledge),
        threshold,
        answerLog,
        generate,
        model,
        vocabulary,
        dictionary,
      }),
      generate && !!model,
      askOfferedTopics,
    );
  const calibration: CalibrationSample[] = [];
  /** The run the model is fitted on, and which of its questions it is not fitted on (on a SQuAD file). */
  let calibrationRun: { results: CaseResult[]; isHeldOut?: (caseIndex: number) => boolean } | undefined;
  /** One report per golden set evaluated (the SQuAD run writes `report` itself). */
  let goldenReports: Record<string, unknown>[] | undefined;
  try {
    if (options.squad) {
      const { paragraphs, cases } = loadSquad(options.squad);
      const asked = cases.slice(0, limit);
      report.name = path.basename(options.squad, path.extname(options.squad));
      report.attribution = "Measured on DRCD (Delta Research Center), CC BY-SA 3.0, when run on DRCD files.";

      const fullStore = openStore("full");
      const indexStarted = performance.now();
      for (const paragraph of paragraphs) await indexParagraph(fullStore, paragraph, chunking);
      await embedIndexedChunks(fullStore, model);
      report.indexSeconds = round((performance.now() - indexStarted) / 1000);
      const full = await runCases(fullStore, asked);
      report.metrics = computeMetrics(full.results, threshold);
      report.failures = full.results.filter((result) => !result.answerCorrect).slice(0, 50);
      printMetrics(print, `${report.name}: every paragraph indexed (${paragraphs.length} documents)`, report.metrics);

      // Abstention: index the even-numbered articles only; questions about the others have no answer.
      const halfStore = openStore("half");
      for (const paragraph of paragraphs) {
        if (paragraph.articleIndex % 2 === 0) await indexParagraph(halfStore, paragraph, chunking);
      }
      await embedIndexedChunks(halfStore, model);
      const half = await runCases(
        halfStore,
        asked.map((testCase) => ({ ...testCase, answerable: testCase.articleIndex % 2 === 0 })),
      );
      report.holdout = { atThreshold: abstentionAt(half.results, threshold), curve: abstentionCurve(half.results) };
      printAbstention(print, `${report.name}: half of the articles indexed`, half.results, threshold);
      // Fit on articles 0 and 1 (mod 4), check on articles 2 and 3: each half has indexed and missing ones.
      const inFittingHalf = (caseIndex: number) => (asked[caseIndex]?.articleIndex ?? 0) % 4 < 2;
      calibration.push(...half.calibration.filter((sample) => inFittingHalf(sample.caseIndex)));
      calibrationRun = { results: half.results, isHeldOut: (caseIndex: number) => !inFittingHalf(caseIndex) };
    } else {
      const deployments =
        options.golden === undefined && options.knowledge === undefined
          ? SAMPLE_DEPLOYMENTS
          : [
              {
                name: path.basename(options.golden ?? "golden-set", ".jsonl"),
                golden: options.golden ?? SAMPLE_DEPLOYMENTS[0].golden,
                knowledge: options.knowledge ?? SAMPLE_DEPLOYMENTS[0].knowledge,
                calibrates: true,
              },
            ];
      if (options.out && deployments.length > 1) {
        throw new Error(`--out names one report: give it with --golden and --knowledge\n${USAGE}`);
      }
      const reports: Record<string, unknown>[] = [];
      const goldenResults: CaseResult[] = [];
      for (const deployment of deployments) {
        const run = await evaluateGoldenSet(deployment, {
          limit,
          chunking,
          threshold,
          model,
          openStore,
          runCases,
          print,
          openPhrasings,
        });
        reports.push({ ...report, ...run.report });
        if (!deployment.calibrates) continue;
        // Fitted on the tuning parts only; the curve is then drawn on the held-out parts (golden-split.ts).
        calibration.push(...run.calibration.filter((sample) => !isHeldOut(run.results[sample.caseIndex]?.id ?? "")));
        goldenResults.push(...run.results);
      }
      calibrationRun = {
        results: goldenResults,
        isHeldOut: (caseIndex) => isHeldOut(goldenResults[caseIndex]?.id ?? ""),
      };
      if (deployments === SAMPLE_DEPLOYMENTS) {
        // The sample university's students asking about their own records (evals/action-questions.ts).
        const store = openStore("golden-set");
        await syncFolder(store, ACTION_QUESTIONS.knowledge, chunking);
        const vocabulary = readVocabulary(ACTION_QUESTIONS.knowledge);
        const results = await runActionQuestions(
          loadActionQuestions(ACTION_QUESTIONS.file).slice(0, limit),
          (records) =>
            answerServiceFor(store, {
              config,
              threshold,
              answerLog,
              generate: false,
              model,
              vocabulary,
              dictionary,
              records,
            }),
          answerLogDatabase.db,
        );
        const { lines, figures } = formatActionFigures(results);
        for (const line of lines) print(line);
        reports.push({ name: "actions", figures, results });
      }
      goldenReports = reports;
    }
    let calibrationProblem: string | undefined;
    const supported = calibration.filter((sample) => sample.label === 1).length;
    const unsupported = calibration.length - supported;
    if (options.calibrate && Math.min(supported, unsupported) === 0) {
      calibrationProblem = `--calibrate needs extractive answers that cite a right document and ones that do not (unanswerable questions give those); this run has ${supported} of the first and ${unsupported} of the second`;
    } else if (options.calibrate) {
      if (Math.min(supported, unsupported) < FEW_CALIBRATION_SAMPLES) {
        stderr.write(
          `\nOnly ${supported} supported and ${unsupported} unsupported answers to fit on: the weights will be rough. Add questions, unanswerable ones especially.\n`,
        );
      }
      const weights = fitLogisticRegression(calibration);
      const fitted: ConfidenceModel = {
        intercept: round(weights[0] ?? 0),
        weights: Object.fromEntries(confidenceSignalNames.map((name, index) => [name, round(weights[index + 1] ?? 0)])),
      };
      report.calibratedModel = fitted;
      print(`\nFitted confidence model on ${calibration.length} samples: ${JSON.stringify(fitted)}`);
      if (options.save) {
        fs.writeFileSync(options.save, `${JSON.stringify(fitted, null, 2)}\n`);
        print(`Saved: start with CONFIDENCE_MODEL_FILE=${options.save} and an ABSTAIN_THRESHOLD read from the curve.`);
      }
      if (calibrationRun) {
        const { results, isHeldOut } = calibrationRun;
        // The threshold decides, not a model's answer: the curve is of the extractive confidence.
        const rescored = results.map((result) => ({
          ...result,
          decided: undefined,
          confidence: result.signals ? estimateConfidence(result.signals, fitted) : result.confidence,
        }));
        if (isHeldOut) {
          printAbstention(
            print,
            options.squad
              ? "Fitted model, on the held-out articles (those it was not fitted on)"
              : "Fitted model, on the held-out parts (it was fitted on the tuning parts)",
            rescored.filter((_, index) => isHeldOut(index)),
            threshold,
          );
        }
        const whole = options.squad ? "every question of the half-index run" : "every question, both parts";
        printAbstention(print, `Fitted model, on ${whole}`, rescored, threshold);
      }
    }
    for (const written of goldenReports ?? [report]) {
      if (report.calibratedModel) written.calibratedModel = report.calibratedModel;
      const out = options.out ?? path.join("evals", "reports", `${written.name}.json`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${JSON.stringify(written, null, 2)}\n`);
      print(`\nJSON report: ${out}`);
    }
    if (calibrationProblem) throw new Error(calibrationProblem);
  } finally {
    await answerLogDatabase.close();
    for (const database of reviewDatabases) await database.close();
    embedding.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * The question sets `npm run eval` measures when no golden set is named. The FAQ paraphrases, all
 * answerable, are measured apart so that the city office's golden set stays comparable, and are
 * left out of `--calibrate`, whose fit needs answers that should be refused as well.
 */
const SAMPLE_DEPLOYMENTS = [
  { name: "golden-set", golden: "evals/golden-set.jsonl", knowledge: "knowledge", calibrates: true },
  {
    name: "city-office",
    golden: "evals/city-office/golden-set.jsonl",
    knowledge: "evals/city-office/knowledge",
    calibrates: true,
  },
  {
    name: "city-office-faq",
    golden: "evals/city-office/faq-paraphrases.jsonl",
    knowledge: "evals/city-office/knowledge",
    calibrates: false,
  },
  { name: "shop", golden: "evals/shop/golden-set.jsonl", knowledge: "evals/shop/knowledge", calibrates: true },
] as const;

interface RunCasesOptions {
  /** Answer with the model when one is set up (false: only retrieval is read from the run). */
  generate?: boolean;
  /** The deployment's own words. */
  vocabulary?: Vocabulary;
  /** The deployment's knowledge folder, whose settings (contact lines, crisis resources) replies use. */
  knowledge?: string;
  /** Ask the topics offered beside each abstention, as the asker would by clicking them. */
  askOfferedTopics?: boolean;
}

interface GoldenRunContext {
  limit: number;
  chunking: { maxChars: number };
  threshold: number;
  model: ModelSetup;
  openStore(name: string): IndexStore;
  runCases(store: IndexStore, cases: EvalCase[], options?: RunCasesOptions): Promise<RunOutput>;
  print(line: string): void;
  /** With --review-round: where the simulated round teaches its phrasings. */
  openPhrasings?: (store: IndexStore, name: string) => Promise<PassagePhrasings>;
}

/** One deployment's golden set against its knowledge folder: the whole set, each part, each kind. */
async function evaluateGoldenSet(
  deployment: { name: string; golden: string; knowledge: string },
  { limit, chunking, threshold, model, openStore, runCases, print, openPhrasings }: GoldenRunContext,
): Promise<RunOutput & { report: Record<string, unknown> }> {
  const report: Record<string, unknown> = { name: deployment.name, knowledge: deployment.knowledge };
  const cases = loadGoldenSet(deployment.golden).slice(0, limit);
  const store = openStore(deployment.name);
  const summary = await syncFolder(store, deployment.knowledge, chunking, { embedder: model?.embedder });
  if (summary.failures.length > 0) throw new Error(`corpus failed to ingest: ${JSON.stringify(summary.failures)}`);
  // The deployment's own words, as its service would read them.
  const vocabulary = readVocabulary(deployment.knowledge);
  const run = await runCases(store, cases, {
    vocabulary,
    knowledge: deployment.knowledge,
    askOfferedTopics: true,
  });
  const baseline = await Bm25Baseline.fromStore(store);
  // Results are in the order of the questions asked.
  run.results.forEach((result, index) => {
    result.bm25RankedDocIds = baseline.rankDocuments(cases[index]?.question ?? "");
  });
  const languageOf = await documentLanguages(store);
  for (const result of run.results) {
    const documentLanguages = result.expectedDocIds.map((docId) => languageOf.get(docId));
    const asked = result.lang === "en" ? "en" : "zh";
    if (result.answerable && documentLanguages.length > 0 && !documentLanguages.includes(asked)) {
      result.crossLanguage = true;
    }
  }
  report.metrics = computeMetrics(run.results, threshold);
  report.curve = abstentionCurve(run.results);
  const simplified = await runCases(
    store,
    cases
      .filter((testCase) => testCase.lang === "zh-Hant" && testCase.answerable)
      .map((testCase) => ({ ...testCase, question: convertToSimplified(testCase.question) })),
    // Only retrieval is read from this run: no model answers are needed.
    { generate: false, vocabulary, knowledge: deployment.knowledge },
  );
  const simplifiedMetrics = computeMetrics(simplified.results, threshold);
  report.simplifiedChinese = { hitAt1: simplifiedMetrics.hitAt1, hitAt5: simplifiedMetrics.hitAt5 };
  report.results = run.results;
  printMetrics(print, `${deployment.name}: ${deployment.knowledge}`, report.metrics);
  print(
    `  Traditional questions retyped in Simplified: hit@1 ${simplifiedMetrics.hitAt1}, hit@5 ${simplifiedMetrics.hitAt5}`,
  );
  // Constants and word lists are tuned on one part; the other is only ever measured (golden-split.ts).
  const parts = {
    tuning: run.results.filter((result) => !isHeldOut(result.id)),
    heldOut: run.results.filter((result) => isHeldOut(result.id)),
  };
  report.split = Object.fromEntries(
    Object.entries(parts).map(([part, results]) => [part, computeMetrics(results, threshold)]),
  );
  report.kinds = Object.fromEntries(
    Object.entries(parts).map(([part, results]) => [part, metricsByKind(results, threshold)]),
  );
  for (const [part, results] of Object.entries(parts)) {
    const partName = part === "heldOut" ? "held-out" : "tuning";
    printKinds(print, `${deployment.name}, ${partName} part`, results, threshold);
  }
  printAbstention(print, `${deployment.name}: abstention, held-out part`, parts.heldOut, threshold);
  printAbstention(print, `${deployment.name}: abstention, both parts`, run.results, threshold);
  // The service's English answers against plain BM25 with the same tokenizer (bm25-baseline.ts).
  const english = { ...parts, all: run.results };
  const comparisons = Object.fromEntries(
    Object.entries(english).map(([part, results]) => [
      part,
      compareWithBaseline(results.filter((result) => result.lang === "en")),
    ]),
  ) as Record<keyof typeof english, BaselineComparison>;
  report.bm25Baseline = { english: comparisons };
  printBaselineComparison(print, `${deployment.name}: English questions against plain BM25`, comparisons);
  if (openPhrasings) {
    // Last: it teaches the index new wordings, which nothing above may see.
    const round = await simulateReviewRound(store, await openPhrasings(store, deployment.name), cases, run.results, {
      threshold,
      askAgain: async () => (await runCases(store, cases, { vocabulary, knowledge: deployment.knowledge })).results,
    });
    const figures = (metrics: EvalMetrics) => ({
      answerCorrectness: metrics.answerCorrectness,
      hitAt1: metrics.hitAt1,
      confidentlyWrongCount: metrics.confidentlyWrongCount,
      unanswerableAbstained: metrics.abstention.recall,
    });
    report.reviewRound = {
      ...round,
      rows: round.rows.map(({ group, before, after }) => ({
        group,
        questions: before.questions,
        before: figures(before),
        after: figures(after),
      })),
    };
    for (const line of formatReviewRound(deployment.name, round)) print(line);
  }
  return { ...run, report };
}

/** Each indexed document's language, "zh" or "en", as its text tells. */
async function documentLanguages(store: IndexStore): Promise<Map<string, "zh" | "en">> {
  const languages = new Map<string, "zh" | "en">();
  for (const docId of (await store.listDocuments()).keys()) {
    const text = (await store.getDocument(docId))?.chunks.map((chunk) => chunk.text).join("\n") ?? "";
    languages.set(docId, detectLanguage(text) === "en" ? "en" : "zh");
  }
  return languages;
}

/** Per part, the service as it answers, its ranking alone, and plain BM25. */
function printBaselineComparison(
  print: (line: string) => void,
  title: string,
  comparisons: Record<"tuning" | "heldOut" | "all", BaselineComparison>,
): void {
  print(`\n${title} (answerable; a ranker answers with its first document)`);
  print("  part       system                      questions  hit@1  hit@5  answered-right-citation  answer-correct");
  const partNames = { tuning: "tuning", heldOut: "held-out", all: "both" } as const;
  const systemNames = { service: "service", serviceRanking: "service, abstention off", bm25: "plain BM25" } as const;
  for (const [part, comparison] of Object.entries(comparisons) as [keyof typeof partNames, BaselineComparison][]) {
    for (const [system, figures] of Object.entries(comparison) as [keyof typeof systemNames, RankingFigures][]) {
      const cell = (value: number | undefined, width: number) =>
        (value === undefined ? "–" : value.toFixed(3)).padStart(width);
      print(
        `  ${(system === "service" ? partNames[part] : "").padEnd(10)} ${systemNames[system].padEnd(27)} ${String(figures.questions).padStart(9)} ${cell(figures.hitAt1, 6)} ${cell(figures.hitAt5, 6)} ${cell(figures.answeredRightCitation, 24)} ${cell(figures.answerCorrectness, 15)}`,
      );
    }
  }
}

/** One row per question kind, then the part as a whole. */
function printKinds(print: (line: string) => void, title: string, results: CaseResult[], threshold: number): void {
  print(`\n${title}`);
  print(
    "  kind            questions  answer-correct  confidently-wrong  unanswerable-abstained  answerable-refused  expected-reply  median-chars",
  );
  const rows = [...Object.entries(metricsByKind(results, threshold)), ["all", computeMetrics(results, threshold)]];
  for (const [kind, metrics] of rows as [string, EvalMetrics][]) {
    const cell = (value: number | undefined, width: number, shown = value !== undefined) =>
      (shown ? String(value) : "–").padStart(width);
    print(
      `  ${kind.padEnd(14)} ${cell(metrics.questions, 10)} ${cell(metrics.answerCorrectness, 15, metrics.answerable > 0)} ${`${metrics.confidentlyWrong} (${metrics.confidentlyWrongCount})`.padStart(18)} ${cell(metrics.abstention.recall, 23, metrics.unanswerable > 0)} ${cell(metrics.abstention.answerableRefused, 19, metrics.answerable > 0)} ${cell(metrics.expectedReplies, 15)} ${cell(metrics.medianAnswerChars, 13)}`,
    );
  }
}

async function embedIndexedChunks(store: IndexStore, model: ModelSetup): Promise<void> {
  if (!model) return;
  await prepareEmbeddingSpace(store, model.embedder);
  await fillMissingVectors(store, model.embedder);
}

async function indexParagraph(
  store: IndexStore,
  paragraph: { docId: string; title: string; text: string },
  chunking: { maxChars: number },
): Promise<void> {
  const { document, chunks } = buildDocumentRecords(
    {
      format: "text",
      title: paragraph.title,
      collection: "squad",
      blocks: [{ kind: "paragraph", text: paragraph.text }],
    },
    { docId: paragraph.docId, sourceRoot: "squad", contentHash: "squad" },
    chunking,
  );
  await store.replaceDocument(document, chunks);
}

/**
 * The service students are answered by, over the eval's index. `generate: false` measures retrieval
 * and the extractive answer only, even with a model configured.
 */
function answerServiceFor(
  store: IndexStore,
  options: {
    config: AppConfig;
    threshold: number;
    answerLog: InteractionStore;
    generate: boolean;
    model: ModelSetup;
    vocabulary: Vocabulary;
    dictionary: BilingualDictionary;
    /** Look-ups in the organisation's systems, for the action questions. */
    records?: RecordLookUps;
  },
): AnswerService {
  const { config, threshold, answerLog, generate, model, vocabulary, dictionary, records } = options;
  return createAnswerService({
    store,
    answering: {
      abstainThreshold: threshold,
      faqMatchThreshold: defaultFaqMatchThreshold,
      confidenceModel: config.confidenceModel,
      embedder: model?.embedder,
      vocabulary: () => vocabulary,
      dictionary: () => dictionary,
    },
    personaFor: (collection) => personaFor(config, collection),
    conversations: new ConversationMemory(),
    answerLog,
    ...(records ? { records } : {}),
    ...(generate && model ? { generation: model.generation } : {}),
  });
}

async function runCasesWith(
  cases: EvalCase[],
  answers: AnswerService,
  generating: boolean,
  askOfferedTopics = false,
): Promise<RunOutput> {
  const results: CaseResult[] = [];
  const calibration: RunOutput["calibration"] = [];
  for (const testCase of cases) {
    const startedAt = performance.now();
    let found: AnswerCandidate | undefined;
    const response = await answers.ask(
      { question: testCase.question },
      { onCandidate: (candidate) => (found = candidate) },
    );
    const latencyMs = performance.now() - startedAt;
    const candidate = found?.answer;
    const signals = found?.signals;
    // Extractive: the candidate, whatever the threshold, so that the curve can be drawn at every one;
    // generative: what the service sent, as the model and the grounding check decided it.
    const answer = generating ? response : candidate;
    // Ranked as the service ranks (its embedder, vocabulary and dictionary), deeper than an answer reads.
    const passages = await answers.search(testCase.question, { limit: 30 });
    const rankedDocIds = [...new Set(passages.map((passage) => passage.document.docId))].slice(0, 10);
    const answerCorrect =
      answer !== undefined && testCase.answerable && containsFacts(answer.answer, testCase.facts, testCase.factsNeeded);
    const offeredTopics = response.status === "abstained" ? response.choices : undefined;
    results.push({
      id: testCase.id,
      lang: testCase.lang,
      ...(testCase.kind === undefined ? {} : { kind: testCase.kind }),
      ...(testCase.expectedStatus === undefined ? {} : { expectedStatus: testCase.expectedStatus }),
      status: response.status,
      answerable: testCase.answerable,
      rankedDocIds,
      expectedDocIds: testCase.expectedDocIds,
      confidence: answer?.confidence ?? 0,
      answer: answer?.answer ?? "",
      mode: answer?.mode ?? "none",
      citedDocIds: answer?.citations.map((citation) => citation.doc_id) ?? [],
      answerCorrect,
      latencyMs,
      signals: signals && { ...signals },
      ...(offeredTopics && { offeredTopics }),
      ...(offeredTopics &&
        askOfferedTopics &&
        testCase.answerable && { answeredByOfferedTopic: await answeredByATopic(answers, offeredTopics, testCase) }),
      ...(generating && {
        decided: response.status === "answered",
        ...(response.grounding?.checked && {
          grounding: { kept: response.grounding.kept_sentences, dropped: response.grounding.dropped_sentences },
        }),
      }),
    });
    if (signals) {
      calibration.push({
        features: confidenceSignalNames.map((name) => signals[name]),
        // Supported: the extractive answer the signals describe quotes a document that holds the answer.
        label: testCase.answerable && testCase.expectedDocIds.includes(candidate?.citations[0]?.doc_id ?? "") ? 1 : 0,
        caseIndex: results.length - 1,
      });
    }
  }
  return { results, calibration };
}

/** Whether one of the topics offered beside an abstention, picked as the chat page sends it, is answered with every fact. */
async function answeredByATopic(answers: AnswerService, topics: string[], testCase: EvalCase): Promise<boolean> {
  for (const topic of topics) {
    const response = await answers.ask({ question: topic, choice: true });
    if (response.status === "answered" && containsFacts(response.answer, testCase.facts, testCase.factsNeeded)) {
      return true;
    }
  }
  return false;
}

function printMetrics(print: (line: string) => void, title: string, metrics: unknown): void {
  print(`\n${title}`);
  const rows = Object.entries(metrics as Record<string, unknown>).filter(
    ([key]) => key !== "abstention" && key !== "offeredTopics",
  );
  for (const [key, value] of rows) print(`  ${key.padEnd(22)} ${value}`);
  const { offeredTopics } = metrics as EvalMetrics;
  if (offeredTopics) {
    const { answerableRefused, offered, answeredByATopic, unanswerableOffered } = offeredTopics;
    print(
      `  related topics offered beside abstentions: ${offered} of ${answerableRefused} answerable questions refused, ` +
        `${answeredByATopic} answered right once a topic is asked; ${unanswerableOffered} unanswerable questions offered topics`,
    );
  }
}

function printAbstention(print: (line: string) => void, title: string, results: CaseResult[], threshold: number): void {
  print(`\n${title} (threshold ${threshold})`);
  print("  threshold  unanswerable-abstained  answerable-refused  abstention-precision");
  for (const point of abstentionCurve(results)) {
    const marker = Math.abs(point.threshold - threshold) < 1e-9 ? " <" : "";
    print(
      `  ${point.threshold.toFixed(2).padStart(9)}  ${point.recall.toFixed(3).padStart(22)}  ${point.answerableRefused.toFixed(3).padStart(18)}  ${point.precision.toFixed(3).padStart(20)}${marker}`,
    );
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

runWhenMain(import.meta.url, runEvalCommand);
