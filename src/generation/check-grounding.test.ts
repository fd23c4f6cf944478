import { describe, expect, it } from "vitest";
import { isDeclined } from "../answering/declined-reply.js";
import { translationEquivalents } from "../retrieval/read-question.js";
import type { Passage } from "../retrieval/retrieve-passages.js";
import { BilingualDictionary } from "../text/bilingual-dictionary.js";
import { analyzeText } from "../text/tokenize.js";
import { checkSentence, joinSentences, quoteSpan, renderSentence, splitGeneratedSentences } from "./check-grounding.js";

function passage(text: string, title = "加退選辦法"): Passage {
  return {
    chunk: { chunkId: `c-${text.length}`, docId: "d", position: 0, text, headingPath: [], start: 0, end: text.length },
    document: { docId: "d", title, collection: "registrar" },
    score: 1,
    terms: new Set([...analyzeText(title), ...analyzeText(text)]),
    relevance: 1,
    coverage: 1,
  };
}

const ADD_DROP = passage("大學部學生之加退選期限為開學後第二週週五下午五點。研究生之加退選期限為開學後第三週週五。");
const DORM = passage("宿舍押金為新臺幣3000元，退宿時無息退還。", "宿舍須知");
const MAJOR = passage(
  "Undergraduates may apply to change their major after completing their first year of study.",
  "Change of major",
);
const PASSAGES = [ADD_DROP, DORM, MAJOR];

const check = (text: string) => checkSentence({ text, startsLine: false }, PASSAGES);

describe("checkSentence", () => {
  it("checks a sentence against what its passage says, not the wordings taught for it", () => {
    const loans = passage("Books are lent for two weeks.", "Loans");
    const wording = "Can I borrow novels for free over the summer?";
    // As an index gives it: the taught wording on the chunk, and its words among the chunk's terms.
    const taught = {
      ...loans,
      chunk: { ...loans.chunk, phrasings: [wording] },
      terms: new Set([...loans.terms, ...analyzeText(wording)]),
    };
    const invented = { text: "You can borrow novels for free over the summer.[1]", startsLine: false };
    expect(checkSentence(invented, [taught])).toBeUndefined();
    expect(checkSentence({ text: "Books are lent for two weeks.[1]", startsLine: false }, [taught])).toMatchObject({
      cites: [1],
    });
  });

  it("checks a sentence written in the other language than its passage through the dictionary", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "宿舍", english: ["dormitory", "dorm"] },
      { simplified: "押金", english: ["deposit"] },
      { simplified: "退还", english: ["to return (something borrowed etc)", "to refund"] },
    ]);
    const translations = translationEquivalents(dictionary, 1);
    const english = { text: "The dorm deposit is NT$ 3000, refunded without interest.[2]", startsLine: false };
    expect(checkSentence(english, PASSAGES)).toBeUndefined();
    expect(checkSentence(english, PASSAGES, translations)).toMatchObject({ cites: [2] });
    // Its numbers must still be the passage's own.
    const wrongAmount = { text: "The dorm deposit is NT$ 5000, refunded without interest.[2]", startsLine: false };
    expect(checkSentence(wrongAmount, PASSAGES, translations)).toBeUndefined();
  });

  it("keeps a sentence its cited passage supports", () => {
    expect(check("研究生的加退選期限是開學後第三週週五。[1]")).toMatchObject({
      text: "研究生的加退選期限是開學後第三週週五。",
      cites: [1],
    });
  });

  it("re-cites a supported sentence whose marker points to the wrong passage", () => {
    expect(check("宿舍押金是3000元。[1]")?.cites).toEqual([2]);
  });

  it("removes markers that point to no passage, and reads lists, ranges and full-width markers", () => {
    expect(check("宿舍押金是3000元。[7]")).toMatchObject({ text: "宿舍押金是3000元。", cites: [2] });
    expect(check("宿舍押金是3000元。[1, 2]")?.cites).toEqual([2]);
    expect(check("宿舍押金是3000元。[1-2]")?.cites).toEqual([2]);
    expect(check("宿舍押金是3000元。【2】")).toMatchObject({ text: "宿舍押金是3000元。", cites: [2] });
    expect(check("宿舍押金是3000元。［２］")).toMatchObject({ text: "宿舍押金是3000元。", cites: [2] });
  });

  it("takes a marker out of the middle of a sentence without leaving a gap", () => {
    expect(check("研究生[1]的加退選期限是第三週週五。")?.text).toBe("研究生的加退選期限是第三週週五。");
  });

  it("drops a sentence no passage supports, cited or not", () => {
    expect(check("圖書館週日開放到晚上十點。[1]")).toBeUndefined();
    expect(check("The gym opens at 6 a.m.")).toBeUndefined();
  });

  it("drops a sentence that states a number its passage does not, however it is written", () => {
    expect(check("宿舍押金是5000元。[2]")).toBeUndefined();
    expect(check("宿舍押金是一萬元。[2]")).toBeUndefined();
    expect(check("研究生的加退選期限是開學後第六週週五。[1]")).toBeUndefined();
    expect(check("You may change your major after your second year of study. [3]")).toBeUndefined();
    expect(check("研究生的加退選期限是開學後第3週週五。[1]")?.cites).toEqual([1]);
    expect(check("You may change your major after your first year of study. [3]")?.cites).toEqual([3]);
  });

  it("does not let a bare verdict through without a passage", () => {
    expect(check("不可以。")).toBeUndefined();
    expect(check("可以。")).toBeUndefined();
  });

  it("lets a lead-in ending in a colon stand without a citation", () => {
    expect(check("以下是說明：")).toMatchObject({ text: "以下是說明：", cites: [] });
  });

  it("checks a list item by its content, not its numbering", () => {
    expect(check("1. 研究生的加退選期限是開學後第三週週五。[1]")?.cites).toEqual([1]);
    expect(check("- **宿舍押金**是3000元。[2]")?.cites).toEqual([2]);
  });
});

describe("splitGeneratedSentences and joinSentences", () => {
  it("keeps each marker with the sentence before it, also after a closing quote", () => {
    const sentences = splitGeneratedSentences("押金3000元。[2]研究生到「第三週。」[1][2] Done. [1]");
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      "押金3000元[2]。",
      "研究生到「第三週[1][2]。」",
      "Done [1].",
    ]);
  });

  it("keeps the model's line breaks and spaces English sentences apart", () => {
    const reply =
      "時間如下：\n- 研究生的加退選期限是開學後第三週週五。[1]\n- 大學部學生之加退選期限為開學後第二週週五下午五點。[1]";
    const kept = splitGeneratedSentences(reply).flatMap((sentence) => checkSentence(sentence, PASSAGES) ?? []);
    expect(joinSentences(kept, "zh-Hant")).toBe(
      "時間如下：\n- 研究生的加退選期限是開學後第三週週五。[1]\n- 大學部學生之加退選期限為開學後第二週週五下午五點。[1]",
    );
    const english = splitGeneratedSentences(
      "You can apply after your first year of study. [3] Ask the office. ",
    ).flatMap((sentence) => checkSentence(sentence, PASSAGES) ?? []);
    expect(joinSentences(english, "en")).toBe("You can apply after your first year of study.[3]");
  });
});

describe("renderSentence, quoteSpan and isDeclined", () => {
  it("writes markers after the sentence and quotes the supporting sentence verbatim", () => {
    expect(renderSentence({ text: "押金3000元。", cites: [2, 3] })).toBe("押金3000元。[2][3]");
    const quote = (sentences: string[]) => {
      const { start, end } = quoteSpan(ADD_DROP.chunk.text, sentences);
      return ADD_DROP.chunk.text.slice(start, end);
    };
    expect(quote(["研究生要在第三週週五前加退選"])).toBe("研究生之加退選期限為開學後第三週週五。");
    expect(quote(["研究生要在第三週週五前加退選。[1]", "大學部是第二週週五下午五點。[1]"])).toBe(ADD_DROP.chunk.text);
  });

  it("recognises a decline however it is decorated", () => {
    expect(isDeclined("CANNOT_ANSWER")).toBe(true);
    expect(isDeclined("**CANNOT_ANSWER.** 請洽教務處")).toBe(true);
    expect(isDeclined("宿舍押金是3000元。")).toBe(false);
  });
});
