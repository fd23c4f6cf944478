import { describe, expect, it } from "vitest";
import type { Passage } from "../retrieval/retrieve-passages.js";
import { analyzeText } from "../text/tokenize.js";
import { checkSentence, quoteSpan, renderSentence, splitGeneratedSentences } from "./check-grounding.js";

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

describe("checkSentence", () => {
  it("keeps a sentence its cited passage supports", () => {
    expect(checkSentence("研究生的加退選期限是開學後第三週週五。[1]", [ADD_DROP, DORM])).toEqual({
      text: "研究生的加退選期限是開學後第三週週五。",
      cites: [1],
    });
  });

  it("re-cites a supported sentence whose marker points to the wrong passage", () => {
    expect(checkSentence("宿舍押金是3000元。[1]", [ADD_DROP, DORM])?.cites).toEqual([2]);
  });

  it("removes markers that point to no passage", () => {
    expect(checkSentence("宿舍押金是3000元。[7]", [ADD_DROP, DORM])).toEqual({
      text: "宿舍押金是3000元。",
      cites: [2],
    });
  });

  it("drops a sentence no passage supports, cited or not", () => {
    expect(checkSentence("圖書館週日開放到晚上十點。[1]", [ADD_DROP, DORM])).toBeUndefined();
    expect(checkSentence("The gym opens at 6 a.m.", [ADD_DROP, DORM])).toBeUndefined();
  });

  it("drops a sentence that states a number its passage does not", () => {
    expect(checkSentence("宿舍押金是5000元。[2]", [ADD_DROP, DORM])).toBeUndefined();
  });

  it("keeps a sentence with no content terms, without a citation", () => {
    expect(checkSentence("以下是說明：", [ADD_DROP])).toEqual({ text: "以下是說明：", cites: [] });
  });
});

describe("splitGeneratedSentences", () => {
  it("keeps each marker with the sentence before it", () => {
    const sentences = splitGeneratedSentences("押金3000元。[2]研究生到第三週。[1][2] Done. [1]");
    expect(sentences).toEqual(["押金3000元[2]。", "研究生到第三週[1][2]。", "Done [1]."]);
    expect(checkSentence(sentences[0] ?? "", [ADD_DROP, DORM])).toEqual({ text: "押金3000元。", cites: [2] });
  });
});

describe("renderSentence and quoteSpan", () => {
  it("writes markers after the sentence and quotes the supporting sentence verbatim", () => {
    expect(renderSentence({ text: "押金3000元。", cites: [2, 3] })).toBe("押金3000元。[2][3]");
    const { start, end } = quoteSpan(ADD_DROP.chunk.text, "研究生要在第三週週五前加退選");
    expect(ADD_DROP.chunk.text.slice(start, end)).toBe("研究生之加退選期限為開學後第三週週五。");
  });
});
