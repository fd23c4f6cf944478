import { beforeAll, describe, expect, it } from "vitest";
import { BilingualDictionary } from "./bilingual-dictionary.js";
import { analyzeQuery } from "./tokenize.js";

describe("BilingualDictionary", () => {
  it("translates a Chinese word into its short glosses, each the index terms a passage must hold", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "户籍", english: ["census register", "household register"] },
      { simplified: "免费", english: ["free (of charge)"] },
      {
        simplified: "委托书",
        english: ["power of attorney", "a written authorization giving one person the right to act for another"],
      },
    ]);
    expect(dictionary.translationsOf("免费")).toEqual([["free"]]);
    expect(dictionary.translationsOf("户籍")).toEqual([
      analyzeQuery("census register"),
      analyzeQuery("household register"),
    ]);
    // A definition is not a translation.
    expect(dictionary.translationsOf("委托书")).toEqual([analyzeQuery("power of attorney")]);
  });

  it("reads each alternative a gloss offers as a meaning too, both ways", () => {
    const dictionary = new BilingualDictionary([{ simplified: "成绩单", english: ["school report or transcript"] }]);
    expect(dictionary.translationsOf("成绩单")).toContainEqual(["transcript"]);
    expect(dictionary.translationsOf("成绩单")).toContainEqual(analyzeQuery("school report"));
    const [transcript = ""] = analyzeQuery("transcript");
    expect(dictionary.translationsOf(transcript)).toEqual([["成绩", "绩单"]]);
  });

  it("translates a character standing alone into its first few meanings only, and no English word into it", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "罚", english: ["to punish; to penalize; to fine"] },
      { simplified: "破", english: ["broken", "damaged", "worn out", "lousy", "to break, split or cleave"] },
      { simplified: "铅", english: ["old variant of 鉛|铅[qian1]"] },
      { simplified: "铅", english: ["lead (chemistry)", "used in 鉛山|铅山[Yan2 shan1], a county in Jiangxi"] },
    ]);
    expect(dictionary.translationsOf("罚")).toEqual([["punish"], ["penal"], ["fine"]]);
    expect(dictionary.translationsOf("破")).toEqual([["break"], ["damag"], ["wear"]]);
    expect(dictionary.translationsOf("铅")).toEqual([["lead"]]);
    expect(dictionary.translationsOf("fine")).toEqual([]);
  });

  it("knows the other ways of writing a Chinese word: variants, and words of one sound glossed alike", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "身份证", pinyin: "shen1 fen4 zheng4", english: ["identity card", "ID"] },
      { simplified: "身分证", pinyin: "shen1 fen4 zheng4", english: ["variant of 身份證|身份证[shen1 fen4 zheng4]"] },
      { simplified: "唯一", pinyin: "wei2 yi1", english: ["only; sole"] },
      { simplified: "惟一", pinyin: "wei2 yi1", english: ["only; sole"] },
      { simplified: "维一", pinyin: "wei2 yi1", english: ["a made-up word of the same sound"] },
    ]);
    expect(dictionary.spellingsOf("身份证")).toEqual([["身分", "分证"]]);
    expect(dictionary.spellingsOf("身分证")).toEqual([["身份", "份证"]]);
    expect(dictionary.spellingsOf("惟一")).toEqual([["唯一"]]);
    // Glossed otherwise: another word, not another spelling.
    expect(dictionary.spellingsOf("维一")).toEqual([]);
  });

  it("knows Taiwan's word for a mainland one by the meaning Taiwan's is marked for, one way only", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "充电宝", english: ["power bank; portable charger"] },
      { simplified: "行动电源", english: ["(Tw) power bank"] },
      { simplified: "脚踏车", english: ["(Tw) bicycle; bike"] },
      { simplified: "自行车", english: ["bicycle; bike"] },
      ...["测验", "考试", "检验", "试验"].map((simplified) => ({ simplified, english: ["test"] })),
      { simplified: "考察", english: ["(Tw) test"] },
      // A sense beside others, slang, or Taiwan's sense that is not its word's first: no spelling.
      { simplified: "交换", english: ["to exchange; to swap; to commute (math.)"] },
      { simplified: "通车", english: ["(Tw) to commute"] },
      { simplified: "事业单位", english: ["public institution", "(Tw) business enterprise; company"] },
      { simplified: "公司", english: ["company; firm"] },
      { simplified: "鲤鱼", english: ["carp"] },
      { simplified: "靠北", english: ["(Tw) (vulgar) carp; to complain"] },
    ]);
    expect(dictionary.spellingsOf("充电宝")).toEqual([["行动", "动电", "电源"]]);
    expect(dictionary.spellingsOf("自行车")).toEqual([["脚踏", "踏车"]]);
    expect(dictionary.spellingsOf("脚踏车")).toEqual([]);
    for (const word of ["测验", "交换", "公司", "鲤鱼"]) expect(dictionary.spellingsOf(word), word).toEqual([]);
  });

  it("translates an English word into the Chinese words glossed by it or headed by it", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "押金", english: ["deposit", "down payment"] },
      { simplified: "保证金", english: ["cash deposit", "bail"] },
      { simplified: "存款单据", english: ["a slip of paper recording a deposit made at a bank"] },
      { simplified: "宿舍", english: ["dormitory", "CL:间[jian1]"] },
    ]);
    const [deposit = ""] = analyzeQuery("deposit");
    expect(dictionary.translationsOf(deposit)).toEqual([["押金"], ["保证", "证金"]]);
    // Measure words and references are not meanings.
    expect(dictionary.translationsOf("宿舍").flat()).not.toContain("cl");
    expect(dictionary.translationsOf("宿舍").flat()).not.toContain("间");
    // The English words of its glosses are words it knows, stemmed as the index holds them.
    expect(dictionary.knowsEnglish(analyzeQuery("payments")[0] ?? "")).toBe(true);
    expect(dictionary.knowsEnglish(analyzeQuery("paymnt")[0] ?? "")).toBe(false);
  });

  it("knows no word only ever written as a name, so that a slip spelt like one is still a slip", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "石屏", english: ["Shiping county in Yunnan"] },
      { simplified: "运送", english: ["shipping"] },
    ]);
    // "shiping" is a slip for "shipping", not the county.
    expect(dictionary.knowsEnglishWord("shiping")).toBe(false);
    expect(dictionary.knowsEnglishWord("shipping")).toBe(true);
    // A word of the language written capitalised in one gloss and in lower case in another is known.
    const both = new BilingualDictionary([
      { simplified: "比尔", english: ["Bill (name)"] },
      { simplified: "账单", english: ["bill"] },
    ]);
    expect(both.knowsEnglishWord("bill")).toBe(true);
    // A capitalised English word is a word: "Easter" is no slip for "easier".
    const holiday = new BilingualDictionary([{ simplified: "复活节", english: ["Easter"] }]);
    expect(holiday.knowsEnglishWord("easter")).toBe(true);
  });

  it("puts first the words an English word is the first sense of, the everyday ones before rare ones", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "斥资", english: ["to spend (a large sum of money)", "to invest"] },
      { simplified: "度过", english: ["to pass", "to spend (time)"] },
      { simplified: "押金", english: ["to pay a deposit"] },
      { simplified: "花费", english: ["to spend", "to expend", "cost"] },
      { simplified: "预算", english: ["budget", "planned spend"] },
    ]);
    const [spend = ""] = analyzeQuery("spend");
    // 花費 and 斥資 are glossed "spend" first (花費 the everyday word); 度過 second; 預算 only heads one.
    expect(dictionary.translationsOf(spend)).toEqual([["花费"], ["斥资"], ["度过"], ["预算"]]);
  });

  it("knows a word every meaning of which is a name, and takes 'US' for no pronoun", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "美国", english: ["United States; USA; US"] },
      { simplified: "中山", english: ["Zhongshan (place name)"] },
      { simplified: "中山", english: ["middle of a mountain"] },
      { simplified: "宿舍", english: ["dormitory; dorm room"] },
    ]);
    expect(dictionary.isName("美国")).toBe(true);
    // A name in one entry and a common word in another is not only a name.
    expect(dictionary.isName("中山")).toBe(false);
    expect(dictionary.isName("宿舍")).toBe(false);
    expect(dictionary.isName("日本")).toBe(false);
    // "US" lower-cased is "us", as in "contact us": no translation.
    expect(dictionary.translationsOf("美国")).toEqual([analyzeQuery("United States"), ["usa"]]);
  });

  it("knows the translations of an English name that are names, when its first is one", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "新竹市", english: ["Hsinchu city in Taiwan"] },
      { simplified: "土耳其", english: ["Turkey"] },
      { simplified: "火鸡", english: ["turkey"] },
      { simplified: "宿舍", english: ["dormitory; dorm room"] },
    ]);
    expect([...dictionary.namesTranslating("hsinchu")]).toEqual([["新竹", "竹市"].join(" ")]);
    // A turkey is a bird as well as a country: the bird is no name.
    expect([...dictionary.namesTranslating(analyzeQuery("Turkey")[0] ?? "")]).toEqual(["土耳 耳其"]);
    expect(dictionary.namesTranslating(analyzeQuery("dormitory")[0] ?? "").size).toBe(0);
    expect(dictionary.namesTranslating("nowhere").size).toBe(0);
  });

  it("translates a phrase its words' glosses would not reach: the gloss of a word, as the phrase's terms", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "离岛", english: ["outlying islands"] },
      { simplified: "岛", english: ["island"] },
      { simplified: "借书证", english: ["library card"] },
    ]);
    expect(dictionary.translationsOfPhrase(analyzeQuery("outlying island"))).toEqual([["离岛"]]);
    expect(dictionary.translationsOfPhrase(analyzeQuery("library cards"))).toEqual([["借书", "书证"]]);
    // A word on its own is no phrase, and words no gloss joins have no translation.
    expect(dictionary.translationsOfPhrase(analyzeQuery("island"))).toEqual([]);
    expect(dictionary.translationsOfPhrase(analyzeQuery("island card"))).toEqual([]);
  });

  it("reads a name from a name's gloss that goes on to describe it, not from a common word's", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "金门", english: ["Kinmen or Quemoy islands off the Fujian coast"] },
      { simplified: "圣诞树", english: ["Christmas tree"] },
    ]);
    expect(dictionary.translationsOf(analyzeQuery("Kinmen")[0] ?? "")).toEqual([["金门"]]);
    expect(dictionary.translationsOf("金门")).toContainEqual(["kinmen"]);
    // "Christmas tree" is a tree: 聖誕樹 is no translation of "Christmas".
    expect(dictionary.translationsOf(analyzeQuery("Christmas")[0] ?? "")).toEqual([]);
  });

  it("gives a variant spelling the meanings of its standard form", () => {
    const dictionary = new BilingualDictionary([
      { simplified: "身份证", english: ["identity card", "ID"] },
      { simplified: "身分证", english: ["variant of 身份證|身份证[shen1 fen4 zheng4]"] },
    ]);
    expect(dictionary.translationsOf("身分证")).toEqual([analyzeQuery("identity card"), ["id"]]);
  });

  describe("CC-CEDICT as shipped", () => {
    let dictionary: BilingualDictionary;
    beforeAll(async () => {
      dictionary = await BilingualDictionary.load();
    });

    it("knows the everyday words of a help desk in both directions", () => {
      const english = (word: string) => dictionary.translationsOf(word).map((terms) => terms.join(" "));
      expect(english("免费")).toContain("free");
      expect(english("分机")).toContain(analyzeQuery("extension").join(" "));
      const chinese = (word: string) =>
        dictionary.translationsOf(analyzeQuery(word)[0] ?? "").map((terms) => terms.join(" "));
      expect(chinese("deposit")).toContain("押金");
      // A longer word as the bigrams a passage holds, however it was segmented.
      expect(chinese("scholarship")).toContain("奖学 学金");
    });
  });
});
