import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { confidenceModelSchema, defaultConfidenceModel } from "../src/config/confidence-model.js";
import { loadConfig } from "../src/config.js";
import { runCommand, runScript } from "../src/test-support/run-script.js";
import { makeTemporaryFolder } from "../src/test-support/temporary-folder.js";
import { runEvalCommand } from "./run-eval.js";

// Eight small articles of our own, in SQuAD format: each names its town, its river and its festival.
const towns = [
  ["青石鎮", "白沙河", "燈籠節", "三月"],
  ["松嶺村", "黑水溪", "豐收祭", "九月"],
  ["雲港市", "碧江", "龍舟賽", "五月"],
  ["楓林鎮", "紅葉溪", "賞楓會", "十月"],
  ["北原市", "冰河", "雪雕展", "一月"],
  ["南灣村", "珊瑚溪", "海祭", "七月"],
  ["竹溪鄉", "清水溪", "竹筍節", "四月"],
  ["鹽田鎮", "鹹水河", "曬鹽祭", "八月"],
] as const;

const squad = {
  data: towns.map(([town, river, festival, month]) => ({
    title: town,
    paragraphs: [
      {
        context: `${town}位於${river}下游，居民多以農業為生。${town}每年${month}舉辦${festival}，吸引許多遊客。`,
        qas: [
          { id: `${town}-1`, question: `${town}位於哪一條河的下游?`, answers: [{ text: river, answer_start: 0 }] },
          { id: `${town}-2`, question: `${town}每年幾月舉辦${festival}?`, answers: [{ text: month, answer_start: 0 }] },
        ],
      },
    ],
  })),
};

describe("npm run eval -- --calibrate --save", () => {
  const folder = makeTemporaryFolder();
  afterAll(() => folder.cleanUp());

  it("fits a confidence model, prints its curve on the articles it did not see, and saves a file the service loads", async () => {
    folder.write("towns.json", JSON.stringify(squad));
    const modelFile = path.join(folder.root, "model.json");
    const run = await runCommand(
      runEvalCommand,
      [
        "--squad",
        path.join(folder.root, "towns.json"),
        "--calibrate",
        "--save",
        modelFile,
        "--out",
        path.join(folder.root, "report.json"),
      ],
      {},
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Fitted model, on the held-out articles");
    expect(run.stdout).toContain("Fitted model, on every question of the half-index run");

    const saved = confidenceModelSchema.parse(JSON.parse(fs.readFileSync(modelFile, "utf8")));
    expect(saved).not.toEqual(defaultConfidenceModel);
    const report = JSON.parse(fs.readFileSync(path.join(folder.root, "report.json"), "utf8"));
    expect(report.calibratedModel).toEqual(saved);
    expect(loadConfig({ CONFIDENCE_MODEL_FILE: modelFile }).confidenceModel).toEqual(saved);
    // A whole evaluation in a child process: about 5 s alone, four times that on a busy machine.
  }, 60_000);

  it("says what is missing when the questions cannot calibrate a model", async () => {
    folder.write("docs/library.md", "# 圖書館\n\n湖光圖書館週日開館時間為下午1點至晚上9點。");
    folder.write(
      "only-answerable.jsonl",
      `${JSON.stringify({
        id: "q1",
        question: "圖書館週日幾點開?",
        lang: "zh-Hant",
        answerable: true,
        expected_doc_ids: ["library.md"],
        facts: ["下午1點"],
      })}\n`,
    );
    const run = await runCommand(
      runEvalCommand,
      [
        "--golden",
        path.join(folder.root, "only-answerable.jsonl"),
        "--knowledge",
        path.join(folder.root, "docs"),
        "--calibrate",
        "--out",
        path.join(folder.root, "golden-report.json"),
      ],
      {},
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("--calibrate needs");
    // The run's measurements are still written, the tuning and held-out parts apart.
    const report = JSON.parse(fs.readFileSync(path.join(folder.root, "golden-report.json"), "utf8"));
    expect(report.metrics.confidentlyWrongCount).toEqual(expect.any(Number));
    expect(report.split.tuning.questions + report.split.heldOut.questions).toBe(1);
    expect(run.stdout).toMatch(/only-answerable, (tuning|held-out) part/);
    // Broken down by how each question is put (unlabelled here: the line gives no kind).
    expect(run.stdout).toMatch(/unlabelled +1 /);
    expect(Object.values(report.kinds).flatMap((kinds) => Object.keys(kinds as object))).toEqual(["unlabelled"]);
  });

  it("runs as a command: refuses --save without --calibrate, and exits 1", async () => {
    const run = await runScript("evals/run-eval.ts", ["--save", path.join(folder.root, "x.json")], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("eval failed: --save writes the model --calibrate fits: give both");
  });

  it("refuses an option it does not know, and numbers that are not", async () => {
    for (const [args, message] of [
      [["--calibrated"], "Unknown option '--calibrated'"],
      [["--limit", "ten"], "--threshold, --chunk-chars and --limit take numbers"],
    ] as const) {
      const run = await runCommand(runEvalCommand, [...args], {});
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(message);
    }
  });
});
