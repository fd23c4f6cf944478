import { describe, expect, it } from "vitest";
import { normalizeForMatching } from "./normalize.js";
import { analyzeQuery, analyzeQueryTerms, analyzeText } from "./tokenize.js";

describe("analyzeText", () => {
  it("emits Chinese dictionary words and character bigrams, folded to Simplified for matching", () => {
    const terms = analyzeText("學分抵免申請");
    expect(terms).toEqual(expect.arrayContaining(["学分", "抵免", "申请", "分抵", "免申"]));
  });

  it("also writes a name the segmenter leaves in pieces in Pinyin, in documents but not in questions", () => {
    expect(analyzeText("北礁島白沙碼頭")).toEqual(expect.arrayContaining(["北礁", "拼beijiao"]));
    expect(analyzeText("西屯本校")).toContain("拼xitun");
    // Words the language knows, and a romanisation that is an English word, are not names.
    expect(analyzeText("碼頭的時間")).not.toContain("拼matou");
    expect(analyzeText("可以借書嗎").some((term) => term.startsWith("拼"))).toBe(false);
    expect(analyzeQuery("北礁島白沙碼頭").some((term) => term.startsWith("拼"))).toBe(false);
  });

  it("reads an accented Latin word as its plain spelling, which people type", () => {
    expect(analyzeText("Atelier Café")).toEqual(analyzeText("atelier cafe"));
    expect(analyzeText("Zürich résumé")).toEqual(analyzeText("zurich resume"));
  });

  it("folds Traditional and Simplified spellings of a word together, whatever its context", () => {
    // Simplified→Traditional conversion would guess 繫 for 系 here; folding the other way cannot.
    expect(analyzeQuery("转系有没有过")).toContain("转系");
    expect(analyzeQuery("轉系有沒有過")).toContain("转系");
  });

  it("folds a character Taiwan and the mainland write differently in every word, as in 帳戶 and 账户", () => {
    expect(analyzeQuery("家庭账户")).toEqual(analyzeQuery("家庭帳戶"));
    expect(normalizeForMatching("姊姊")).toBe(normalizeForMatching("姐姐"));
  });

  it("leaves out Chinese function words and the bigrams that touch them", () => {
    const terms = analyzeText("加退選的截止日期是什麼時候");
    expect(terms).toEqual(expect.arrayContaining(["加退选", "截止", "日期"]));
    expect(terms).not.toContain("的");
    expect(terms).not.toContain("选的");
    expect(terms).not.toContain("是什");
    expect(terms).not.toContain("什么时候");
  });

  it("leaves out colloquial question words as it does the words they stand for", () => {
    expect(analyzeQuery("退税啥时候到账")).toEqual(analyzeQuery("退税什么时候到账"));
    expect(analyzeQuery("卡丢了咋挂失")).not.toContain("咋");
  });

  it("makes a Simplified question match Traditional text", () => {
    expect(analyzeQuery("学分抵免怎么申请")).toEqual(analyzeQuery("學分抵免怎麼申請"));
  });

  it("finds the words of a Simplified text where its Traditional twin has them", () => {
    // The segmenter splits 马来西亚 and 区公所 in Simplified; written in Traditional they stay whole.
    expect(analyzeQuery("寄到马来西亚大概要几天")).toEqual(analyzeQuery("寄到馬來西亞大概要幾天"));
    expect(analyzeQuery("寄到马来西亚大概要几天")).toContain("马来西亚");
    expect(analyzeQuery("区公所有没有免费wifi")).toEqual(analyzeQuery("區公所有沒有免費wifi"));
    expect(analyzeQuery("区公所有没有免费wifi")).toContain("区公所");
  });

  it("segments a Traditional text's runs of characters both scripts share as written", () => {
    // Guessed into Traditional, 八卦台地 would be 八卦臺地 and split 八卦/臺/地.
    expect(analyzeQuery("八卦台地，位於彰化縣")).toContain("台地");
  });

  it("folds full-width forms and case", () => {
    expect(analyzeText("ＮＴ＄１２００ Fees")).toEqual(analyzeText("nt$1200 fees"));
  });

  it("stems English words and drops stop words", () => {
    expect(analyzeText("Registration deadlines for the courses")).toEqual(["registr", "deadlin", "cours"]);
  });

  it("reads British and American spellings as one word", () => {
    expect(analyzeText("cheques at the centre")).toEqual(analyzeText("checks at the center"));
    expect(analyzeText("a licence for the neighbourhood")).toEqual(analyzeText("a license for the neighborhood"));
    expect(analyzeText("enrol")).toEqual(analyzeText("enroll"));
    expect(analyzeText("practising")).toEqual(analyzeText("practicing"));
  });

  it("reads an irregular form as the word it is a form of, which a stemmer cannot", () => {
    expect(analyzeText("my plate was stolen")).toEqual(analyzeText("plate steal"));
    expect(analyzeText("I lost my card and paid again")).toEqual(analyzeText("lose card pay again"));
    expect(analyzeText("children")).toEqual(analyzeText("child"));
    // A plural in s is the stemmer's: the bus leaves, not a leaf; "left" is a direction as often.
    expect(analyzeText("the bus leaves at 8")).toEqual(analyzeText("the bus leave at 8"));
    expect(analyzeText("turn left")).not.toEqual(analyzeText("turn leave"));
  });

  it("reads words that name an object's own properties as words", () => {
    expect(analyzeText("the constructor of toString")).toEqual(["constructor", "tostr"]);
  });

  it("drops the words English questions are built from, keeping what they ask about", () => {
    expect(analyzeQuery("How long does it take to fix something broken?")).toEqual(["fix", "break"]);
    expect(analyzeQuery("Hi, when don't I need to pay? Thanks")).toEqual(["need", "pai"]);
    // Typed without the apostrophe, a contraction is still a function word.
    expect(analyzeQuery("whats the fee, i dont know")).toEqual(["fee", "know"]);
    expect(analyzeQuery("call us or email us")).toEqual(["call", "email"]);
    // Forms of a function word, and "until" as chat boxes type it.
    expect(analyzeQuery("how long til my gift gets delivered")).toEqual(["gift", "deliv"]);
    // A number before a measure word counts it: 一本 is asked of 「每本規費 30 元」 by 本.
    expect(analyzeQuery("戶口名簿一本多少錢")).toContain(normalizeForMatching("本"));
    expect(analyzeQuery("戶口名簿一本多少錢")).not.toContain(normalizeForMatching("一本"));
    expect(analyzeText("每本規費 30 元")).toContain(normalizeForMatching("本"));
    // After 哪 or 幾, the number and its measure word are the question's form, as 哪條 is.
    expect(analyzeQuery("歐洲最大的河流是哪一條河?")).toEqual(analyzeQuery("歐洲最大的河流是哪條河?"));
    // 禮拜 before 幾 asks which day: the question form, not a word a document must hold.
    expect(analyzeQuery("垃圾車禮拜幾停收")).not.toContain(normalizeForMatching("禮拜"));
    expect(analyzeQuery("星期幾休館")).toEqual([normalizeForMatching("休館")]);
    expect(analyzeText("每星期上課兩次")).toContain(normalizeForMatching("星期"));
    // 我家 and 我哥, like 我們, say whose, not what.
    expect(analyzeQuery("我家老二才兩歲，要買票嗎")).not.toContain(normalizeForMatching("我家"));
    expect(analyzeQuery("我跟我哥不同戶，可以幫他申請謄本嗎")).not.toContain(normalizeForMatching("我哥"));
    // 每個, like 這個, says which, not what: 每個月 asks about the month as 每月 does.
    expect(analyzeQuery("管理費每個月幾號前要繳清")).not.toContain(normalizeForMatching("每個"));
  });

  it("drops pronouns, adverbs and chat words that say nothing of a topic", () => {
    expect(analyzeQuery("what's the land value tax rate for a home I live in myself")).toEqual(
      analyzeQuery("land value tax rate home live"),
    );
    expect(analyzeQuery("hey guys is it even possible to pay by card, ok")).toEqual(analyzeQuery("possible pay card"));
    expect(analyzeQuery("迁入的时候顺便换新户口名簿要多少钱")).not.toContain("顺便");
    expect(analyzeQuery("其實我已經搬家了，可能要改戶籍嗎")).toEqual(analyzeQuery("搬家了，要改戶籍嗎"));
  });

  it("drops the courtesies of a message to staff", () => {
    expect(analyzeQuery("您好，想請問宿舍押金多少？謝謝！")).toEqual(analyzeQuery("宿舍押金多少"));
  });

  it("keeps numbers and course codes whole", () => {
    expect(analyzeText("NT$1,200")).toContain("1200");
    expect(analyzeText("CS101")).toContain("cs101");
    expect(analyzeText("Take CS-101 or MATH 2010")).toEqual(expect.arrayContaining(["cs101", "math2010"]));
  });

  it("reads a number with its unit typed on as the number and the unit, as documents set them", () => {
    expect(analyzeText("a car under 1200cc")).toEqual(analyzeText("a car under 1,200 cc"));
    expect(analyzeText("5kg")).toEqual(["5", "kg"]);
    // A unit that is also a function word ("d", "am") is kept, written on a number.
    expect(analyzeText("3D printing")).toEqual(["3", "d", "print"]);
    expect(analyzeText("B2 floor")).toContain("b2");
  });

  it("counts bigrams across a word boundary for less of a query's coverage", () => {
    const shares = analyzeQueryTerms("休學最多");
    expect(shares.get("休学")).toEqual({ share: 1, acrossWords: false });
    expect(shares.get("学最")).toEqual({ share: 0.25, acrossWords: true });
  });

  it("lets a long word and the bigrams inside it share one word's weight", () => {
    const shares = analyzeQueryTerms("伊莉莎白");
    expect(shares.get("伊莉莎白")?.share).toBe(0.5);
    const bigramShares = ["伊莉", "莉莎", "莎白"].map((bigram) => shares.get(bigram)?.share ?? 0);
    expect(bigramShares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(0.5);
  });

  it("leaves out how-many and which forms but keeps what they ask about", () => {
    expect(analyzeQuery("可以借幾本書？借多久？")).toEqual(["借", "书"]);
    expect(analyzeQuery("是在哪一年")).toEqual(["年"]);
    expect(analyzeQuery("何時開館")).toEqual(analyzeQuery("開館"));
  });

  it("leaves out the measure word after a which or how-many written apart from it", () => {
    // The segmenter writes 哪/支/電話 and 幾/包: 支 and 包 count, they name no topic.
    expect(analyzeQuery("要打哪支電話")).toEqual(["打", "电话"]);
    expect(analyzeQuery("要買幾包")).toEqual(["买"]);
    expect(analyzeQuery("哪家店比較近")).toContain("店");
  });

  it("reads a word glued to a particle as the word, and keeps known words that hold one", () => {
    // 掉了, 舊的 and 被罰 are no words of the language: as terms no document would hold them.
    expect(analyzeQuery("身分證掉了")).toEqual(expect.arrayContaining(["掉"]));
    expect(analyzeQuery("身分證掉了")).not.toContain("掉了");
    expect(analyzeQuery("舊的還能用嗎")).toContain("旧");
    expect(analyzeQuery("會被罰嗎")).toEqual(["罚"]);
    expect(analyzeQuery("申請的目的")).toContain("目的");
    expect(analyzeQuery("為了省錢")).toContain("为了");
  });

  it("takes a stop word whole that the segmenter cut into a far rarer word, not a common one", () => {
    // 大概要幾天 is 大概 要 幾天 ("about how many days"), not 大 and 概要 ("summary").
    expect(analyzeQuery("寄到馬來西亞大概要幾天")).not.toContain("概要");
    expect(analyzeQuery("寄到馬來西亞大概要幾天")).not.toContain("大");
    // 一下午 is 一 下午 ("one afternoon"): 下午 is as common as 一下.
    expect(analyzeQuery("等了一下午")).toContain("下午");
    // Nor a word cut right: 還有 | 點數, not 還 | 有點 | 數.
    expect(analyzeQuery("我還有點數嗎")).toContain("点数");
    expect(analyzeQuery("體育課會有點名嗎")).toContain("点名");
  });

  it("spells weekdays one way, however the question writes them", () => {
    for (const question of ["星期日有開嗎", "禮拜天有開嗎", "周日有開嗎"]) {
      expect(analyzeQuery(question)).toEqual(analyzeQuery("週日有開嗎"));
    }
  });

  it("matches a hyphenated word however it is written", () => {
    expect(analyzeText("Connect to Wi-Fi")).toContain("wifi");
    // Stemmed as the word typed whole: "E-bikes" is found by "ebike", "e-bill" by "ebill".
    expect(analyzeText("E-bikes must be returned")).toEqual(expect.arrayContaining(analyzeQuery("ebike")));
    expect(analyzeText("Sign up for the e-bill")).toEqual(expect.arrayContaining(analyzeQuery("ebills")));
    expect(analyzeText("connect to wifi")).toContain("wifi");
  });

  it("gives the distinct terms of a query once each", () => {
    expect(analyzeQuery("fee fee fees")).toEqual(["fee"]);
  });
});
