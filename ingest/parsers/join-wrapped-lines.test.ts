import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/seeded-random.js";
import { joinWrappedLines, unwrapLines } from "./join-wrapped-lines.js";

// The quadratic implementation, kept only as the reference that proves the linear join gives the
// same text: it tests the regex against the whole text joined so far, once per line.
const OLD_HAN_AT_END = /(?:\p{Script=Han}|[，、；])$/u;
const OLD_HAN_AT_START = /^\p{Script=Han}/u;
const OLD_FIGURE_AT_END = /\p{Script=Han}\d{1,8}$/u;
function oldAppendWrappedLine(text: string, line: string): string {
  if (!text) return line;
  return ((OLD_HAN_AT_END.test(text) || OLD_FIGURE_AT_END.test(text)) && OLD_HAN_AT_START.test(line)) ||
    (OLD_HAN_AT_END.test(text) && /^\d/u.test(line))
    ? text + line
    : `${text} ${line}`;
}
function joinTheOldWay(lines: readonly string[]): string {
  return lines.reduce(oldAppendWrappedLine, "");
}
function unwrapTheOldWay(text: string): string {
  return joinTheOldWay(text.split(/\s*\n\s*/).filter(Boolean));
}

// Han inside and outside the BMP, the two commas the join looks past, other text, and halves of a
// surrogate pair, so a line's end that splits a character is covered too.
const PIECES = ["中", "文", "𠀀", "，", "、", "；", "。", "a", "Z", "1", " ", "\t", "\n", "\ud840", "\udc00", "ー"];

function randomLines(random: () => number): string[] {
  return Array.from({ length: Math.floor(random() * 8) }, () =>
    Array.from({ length: Math.floor(random() * 5) }, () => PIECES[Math.floor(random() * PIECES.length)]).join(""),
  );
}

describe("joinWrappedLines", () => {
  it("joins lines with no space between Chinese characters, past a Chinese comma, and one space otherwise", () => {
    expect(
      joinWrappedLines(["轉系申請期間為每年4月1日起", "至4月20日止。", "Apply", "online", "，", "或洽教務處"]),
    ).toBe("轉系申請期間為每年4月1日起至4月20日止。 Apply online ，或洽教務處");
    // A Chinese comma or semicolon ends no sentence, whatever it follows.
    expect(joinWrappedLines(["服務時間為每日09:00至18:00，", "除夕服務至15:00；", "初一暫停"])).toBe(
      "服務時間為每日09:00至18:00，除夕服務至15:00；初一暫停",
    );
    // A figure ending a Chinese line goes on in its unit; one ending English does not.
    expect(joinWrappedLines(["到期日延長至114", "年3月16日", "see rule 3", "第4條"])).toBe(
      "到期日延長至114年3月16日 see rule 3 第4條",
    );
    expect(joinWrappedLines(["由系所於114年", "10月17日前送審"])).toBe("由系所於114年10月17日前送審");
    expect(joinWrappedLines(["金額為應繳總額之三分之", "二、", "三，", "𠀀字", "𠀀"])).toBe(
      "金額為應繳總額之三分之二、三，𠀀字𠀀",
    );
    // Brackets and quotation marks are written with Chinese text, in it.
    expect(joinWrappedLines(["汰換中正路（自強街口至文化路口）", "埋設之幹管，順延至4月22日", "（星期二）辦理"])).toBe(
      "汰換中正路（自強街口至文化路口）埋設之幹管，順延至4月22日（星期二）辦理",
    );
  });

  it("joins 40,000 wrapped lines of mixed Chinese and English into the right text", () => {
    // Blocks of four lines whose join is known: Chinese runs on after a comma and after a Han
    // character outside the BMP, then a space before and after the English line.
    const lines: string[] = [];
    const expectedBlocks: string[] = [];
    for (let block = 0; block < 10_000; block++) {
      lines.push(`第${block}條規定，`, "詳見𠀀", `附件${block}`, `see rule ${block}`);
      expectedBlocks.push(`第${block}條規定，詳見𠀀附件${block} see rule ${block}`);
    }
    const expected = expectedBlocks.join(" ");
    expect(lines).toHaveLength(40_000);
    // The old, quadratic join would take close to a minute here; on a sample it pins the expectation.
    expect(joinTheOldWay(lines.slice(0, 400))).toBe(expectedBlocks.slice(0, 100).join(" "));
    expect(joinWrappedLines(lines)).toBe(expected);
    expect(unwrapLines(lines.join("\n"))).toBe(expected);
  });

  it("gives exactly the text of the old join for 500 random short inputs", () => {
    const random = seededRandom(14);
    for (let run = 0; run < 500; run++) {
      const lines = randomLines(random);
      expect(joinWrappedLines(lines), JSON.stringify(lines)).toBe(joinTheOldWay(lines));
      const text = lines.join(random() < 0.5 ? "\n" : " \n\t");
      expect(unwrapLines(text), JSON.stringify(text)).toBe(unwrapTheOldWay(text));
    }
  });
});
