import { describe, expect, it } from "vitest";
import { normalizeForMatching } from "../text/normalize.js";
import { casesAskedIn, labelledCasesAskedIn, namesOnlyOtherCase } from "./other-case.js";

const otherCase = (question: string, answering: string, ...quoted: string[]) =>
  namesOnlyOtherCase(
    casesAskedIn(normalizeForMatching(question)),
    normalizeForMatching(answering),
    quoted.map((text) => normalizeForMatching(text)),
  );

describe("namesOnlyOtherCase", () => {
  it("tells a rule for another of exclusive cases than the one asked", () => {
    expect(otherCase("國外機場的貴賓室可以用點數換嗎", "國內機場貴賓室使用1次：所需點數 3,500點")).toBe(true);
    expect(otherCase("How much is the weekend rate?", "Weekday rate: NT$ 1,800 per hour")).toBe(true);
    expect(otherCase("線上報名到哪天", "現場報名：8月16日、8月23日")).toBe(true);
    expect(otherCase("機車停車費怎麼算", "汽車每小時 40 元")).toBe(true);
  });

  it("leaves a quote that names the case asked, or no case, or a question naming none", () => {
    expect(otherCase("國外刷卡手續費", "國內消費免手續費", "國外交易服務費 1.5%")).toBe(false);
    expect(otherCase("國外刷卡手續費", "手續費 1.5%", "國內消費免收")).toBe(false);
    expect(otherCase("手續費多少", "國內消費免手續費")).toBe(false);
    // Both cases asked: the question is about each.
    expect(otherCase("平日和假日的票價", "假日全票 150 元")).toBe(false);
    // Words naming both cases at once.
    expect(otherCase("汽車駕照換照要多少錢", "汽機車駕照換照規費 200 元")).toBe(false);
    expect(otherCase("中文證明怎麼申請", "中英文證明均可線上申請")).toBe(false);
  });

  it("does not read a count of people as individuals", () => {
    expect(otherCase("大概收幾個人", "團體報名須滿 10 人")).toBe(false);
    expect(otherCase("個人報名費多少", "團體報名每人 NT$ 500")).toBe(true);
  });
});

describe("labelledCasesAskedIn", () => {
  const centres = [
    "中正服務中心：大樓地下停車場 B2，憑櫃台蓋章可免費停車 1 小時，超過部分每小時 NT$ 40。",
    "港北服務中心：地址 港北區新港路 210 號，週一至週五 8:30–17:30",
  ].join("\n");
  const forLabels = (question: string, answering: string) =>
    namesOnlyOtherCase(
      labelledCasesAskedIn(normalizeForMatching(question), [centres]),
      normalizeForMatching(answering),
      [normalizeForMatching(answering)],
    );

  it("tells a row about one labelled thing from another of its kind that the question names", () => {
    expect(forLabels("港北服務中心旁邊的停車場一小時多少？", centres.split("\n")[0] ?? "")).toBe(true);
    expect(
      namesOnlyOtherCase(
        labelledCasesAskedIn("how much is route b?", ["Route A: NT$ 100 per ride\nRoute B: NT$ 150 per ride"]),
        "route a: nt$ 100 per ride",
        ["route a: nt$ 100 per ride"],
      ),
    ).toBe(true);
    // Written with a space or without, one label.
    expect(labelledCasesAskedIn(normalizeForMatching("A 方案多少錢"), ["A方案：NT$ 500\nB方案：NT$ 800"])).toHaveLength(
      1,
    );
  });

  it("finds no case where the question names the row's own label, no label, or labels of no one kind", () => {
    expect(forLabels("中正服務中心停車一小時多少", centres.split("\n")[0] ?? "")).toBe(false);
    expect(forLabels("服務中心停車一小時多少", centres.split("\n")[0] ?? "")).toBe(false);
    expect(
      labelledCasesAskedIn(normalizeForMatching("申請資格是什麼"), ["申請資格：設籍滿 1 年\n申請方式：線上"]),
    ).toEqual([]);
    // Two fields of one thing, or two names of one: 「開放時間」 and 「服務時間」, "please bring" and "please note".
    expect(labelledCasesAskedIn(normalizeForMatching("開放時間是幾點"), ["開放時間：9:00\n服務時間：8:30"])).toEqual(
      [],
    );
    expect(labelledCasesAskedIn("please bring what?", ["Please bring: your ID\nPlease note: no pets"])).toEqual([]);
    expect(labelledCasesAskedIn("opening hours?", ["Opening hours: 9-5\nOpening date: 1 May"])).toEqual([]);
    // A clock's colon labels nothing.
    expect(labelledCasesAskedIn("週一 9 點開門嗎", ["週一 9:00 開門\n週二 9:30 開門"])).toEqual([]);
  });
});
