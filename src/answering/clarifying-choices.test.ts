import { describe, expect, it } from "vitest";
import type { Passage } from "../retrieval/retrieve-passages.js";
import { analyzeText } from "../text/tokenize.js";
import { clarifyingChoices, clarifyingQuestion } from "./clarifying-choices.js";

function passage(docId: string, title: string, relevance: number, extra: Partial<Passage["chunk"]> = {}): Passage {
  const text = `${title}的說明。`;
  return {
    chunk: { chunkId: `${docId}#0`, docId, position: 0, text, headingPath: [], start: 0, end: text.length, ...extra },
    document: { docId, title, collection: "test" },
    score: relevance,
    terms: new Set(analyzeText(`${title} ${text}`)),
    relevance,
    coverage: 1,
  };
}

describe("clarifyingChoices", () => {
  const application = passage("housing/apply.md", "宿舍申請", 1);
  const rules = passage("housing/rules.md", "宿舍生活規範", 0.95, { headingPath: ["宿舍生活規範", "訪客"] });
  const faq = passage("housing/faq.json", "宿舍常見問題", 0.9, { faqQuestion: "宿舍可以養寵物嗎？" });

  it("offers the topics a one-word question may be about, each as something to ask", () => {
    expect(clarifyingChoices("宿舍?", [application, rules, faq])).toEqual([
      "宿舍申請",
      "宿舍生活規範：訪客",
      "宿舍可以養寵物嗎？",
    ]);
  });

  it("answers instead when the question asks for something, says more, or one topic stands out", () => {
    expect(clarifyingChoices("宿舍費用多少", [application, rules])).toBeUndefined();
    expect(clarifyingChoices("宿舍申請 訪客 規範 寵物", [application, rules])).toBeUndefined();
    expect(clarifyingChoices("宿舍規定?", [application, { ...rules, relevance: 0.5, coverage: 0.5 }])).toBeUndefined();
    expect(clarifyingChoices("宿舍?", [application])).toBeUndefined();
  });

  it("offers every document holding a one-word question's word, however often each repeats it", () => {
    const deposit = passage("library/fines.md", "Library fines", 1);
    const moveOut = passage("housing/move-out.md", "Moving out", 0.6);
    // "fees" asks for an amount, but as the whole question it names only a topic.
    expect(clarifyingChoices("fees?", [deposit, moveOut])).toEqual(["Library fines", "Moving out"]);
    expect(clarifyingChoices("how much are the fees?", [deposit, moveOut])).toBeUndefined();
  });

  it("answers when the question names exactly one of the close documents' subject", () => {
    const vpn = passage("it/vpn.md", "VPN", 1);
    const wifi = passage("it/wifi.md", "Campus Wi-Fi", 0.9);
    expect(clarifyingChoices("VPN?", [vpn, wifi])).toBeUndefined();
  });

  it("asks back in the asker's language", () => {
    expect(clarifyingQuestion("en")).toMatch(/which one/i);
    expect(clarifyingQuestion("zh-Hant")).toContain("哪一個");
    expect(clarifyingQuestion("zh-Hans")).toContain("哪一个");
  });
});
