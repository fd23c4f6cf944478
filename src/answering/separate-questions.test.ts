import { describe, expect, it } from "vitest";
import { backgroundAndQuestion, separateQuestions } from "./separate-questions.js";

describe("separateQuestions", () => {
  it("separates the questions of a message that asks several, in either language", () => {
    expect(separateQuestions("運費多少？可以寄到日本嗎？")).toEqual(["運費多少？", "可以寄到日本嗎？"]);
    expect(separateQuestions("How much is shipping? Do you ship to Japan?")).toEqual([
      "How much is shipping?",
      "Do you ship to Japan?",
    ]);
    // The last question needs no question mark.
    expect(separateQuestions("住進去之後想換房間可以嗎？要不要錢")).toEqual(["住進去之後想換房間可以嗎？", "要不要錢"]);
  });

  it("reads a last piece that tells the background of the question before it as its context", () => {
    for (const message of [
      "電子帳單可以同時寄到兩個 email 嗎？我跟老公都想收",
      "可以申請時間電價嗎？就是尖峰離峰分開算的那種",
      // What the asker does not want is why they ask.
      "停水通知可以改用 Email 寄給我嗎？不想收簡訊。",
      "Can I get paper bills? Don't want them by email.",
      // What the asker tells of whom the question is about.
      "is it too late to apply for the baby grant? she is 5 months old",
      "出生登記可以晚點辦嗎？寶寶已經兩個月了",
    ])
      expect(separateQuestions(message)).toEqual([message]);
    // One asking for more, without a question mark, is a question of its own.
    expect(separateQuestions("請問宿舍費用？還有停車費")).toEqual(["請問宿舍費用？", "還有停車費"]);
    expect(separateQuestions("住宿可以養貓嗎？停車證申請方式")).toEqual(["住宿可以養貓嗎？", "停車證申請方式"]);
    expect(separateQuestions("Can I bring my dog? Also want to know about parking")).toHaveLength(2);
    expect(separateQuestions("電子帳單可以寄到兩個信箱嗎？我想問怎麼改帳單地址")).toHaveLength(2);
  });

  it("separates a second question joined to the first without a question mark, when both ask something", () => {
    expect(separateQuestions("When does the Saturday ride start and how far is it?")).toEqual([
      "When does the Saturday ride start",
      "how far is it?",
    ]);
    expect(separateQuestions("學費多少，什麼時候要繳")).toEqual(["學費多少", "什麼時候要繳"]);
    // A question word as people type it with its "is".
    expect(separateQuestions("whats the fee and when is it due")).toEqual(["whats the fee", "when is it due"]);
    expect(separateQuestions("where's the office and how late is it open")).toHaveLength(2);
    // A yes-or-no question joined by its opening verb and subject.
    expect(separateQuestions("whats the adress of the repair centre and do i need to bring the reciept?")).toEqual([
      "whats the adress of the repair centre",
      "do i need to bring the reciept?",
    ]);
    // A first question whose question word is texted without its vowels.
    expect(separateQuestions("hw much is it and can i pay online")).toEqual(["hw much is it", "can i pay online"]);
    expect(separateQuestions("how do i wash and dry it")).toHaveLength(1);
    expect(separateQuestions("what do i do if it rains and is cancelled")).toHaveLength(1);
    // A condition and its question, a statement and its question, are one question.
    expect(separateQuestions("如果11月中才休學，學費還退得回來嗎")).toEqual(["如果11月中才休學，學費還退得回來嗎"]);
    expect(separateQuestions("my dad is in a wheelchair, is the building accessible")).toEqual([
      "my dad is in a wheelchair, is the building accessible",
    ]);
    expect(separateQuestions("北朝幾個朝代中，哪個朝代最積極建築長城?")).toEqual([
      "北朝幾個朝代中，哪個朝代最積極建築長城?",
    ]);
    expect(separateQuestions("湖人用第一選秀選擇了哪位球員，為未來幾年王朝奠下基礎?")).toHaveLength(1);
    expect(separateQuestions("what is the difference between black and white copies")).toEqual([
      "what is the difference between black and white copies",
    ]);
  });

  it("keeps a message whole when only one of its pieces names something", () => {
    expect(separateQuestions("請問一下？學費什麼時候繳？")).toEqual(["請問一下？學費什麼時候繳？"]);
    expect(separateQuestions("hi?\nwhen is the library open?")).toEqual(["hi?\nwhen is the library open?"]);
  });

  it("ends a question only at a question mark, not at a full stop or a line break", () => {
    expect(separateQuestions("我是新生。請問學費什麼時候繳？")).toEqual(["我是新生。請問學費什麼時候繳？"]);
    expect(separateQuestions("請問宿舍\n費用多少？")).toEqual(["請問宿舍\n費用多少？"]);
  });

  it("keeps a message with a link whole: the link's question mark ends no question", () => {
    const message = "https://example.edu/apply?lang=en 打不開？要怎麼申請？";
    expect(separateQuestions(message)).toEqual([message]);
  });

  it("ends no question at a question mark inside quotation marks or a title", () => {
    const quoted = "「殿下先謁陵乎？先即位乎？」這句話是誰說的？";
    expect(separateQuestions(quoted)).toEqual([quoted]);
    const title = "除了《物體慣性與其所含能量有關嗎？》，還有哪一篇論文？";
    expect(separateQuestions(title)).toEqual([title]);
  });

  it("keeps a text of many questions whole", () => {
    const pasted = "宿舍費用？停車費用？餐廳時間？圖書館時間？";
    expect(separateQuestions(pasted)).toEqual([pasted]);
  });
});

describe("backgroundAndQuestion", () => {
  it("tells what a message tells first from what it then asks", () => {
    expect(
      backgroundAndQuestion(
        "We're going to a library talk and my friend is deaf. How far ahead do we need to ask for someone to sign?",
      ),
    ).toEqual({
      background: "We're going to a library talk and my friend is deaf.",
      question: "How far ahead do we need to ask for someone to sign?",
    });
    expect(backgroundAndQuestion("我下週要出國。借的書可以續借幾次？")).toEqual({
      background: "我下週要出國。",
      question: "借的書可以續借幾次？",
    });
  });

  it("finds no background in a message that asks from its first sentence, nor at a decimal point", () => {
    expect(backgroundAndQuestion("How long can I borrow a book? I'm a visitor.").background).toBe("");
    expect(backgroundAndQuestion("寄到新加坡的包裹 2.3 公斤，運費是多少？")).toEqual({
      background: "",
      question: "寄到新加坡的包裹 2.3 公斤，運費是多少？",
    });
  });
});
