import { describe, expect, it } from "vitest";
import { INTRODUCES_WHAT_FOLLOWS, LIST_ITEM, NUMBERED_LIST_ITEM } from "./line-kinds.js";

describe("INTRODUCES_WHAT_FOLLOWS", () => {
  it.each([
    "應符合下列條件之一：",
    "Bring the following:",
    "開放時間如下表。",
    "收費標準如下",
    "詳見下表",
    "The fees are as follows.",
    "The steps are listed below.",
    "本院掛號費依身分別收取如下（單位：新臺幣元）。",
    "Fees are as follows (in NT$).",
  ])("reads %j as introducing what follows", (line) => {
    expect(INTRODUCES_WHAT_FOLLOWS.test(line)).toBe(true);
  });

  it.each(["開放時間為 08:00 至 21:00。", "如下表所示，週一休館。", "Fees are charged below cost."])(
    "reads %j as a sentence of its own",
    (line) => {
      expect(INTRODUCES_WHAT_FOLLOWS.test(line)).toBe(false);
    },
  );
});

describe("LIST_ITEM and NUMBERED_LIST_ITEM", () => {
  it.each([
    "1. Sign in.",
    "2) 填寫表單",
    "（一）明德國小正門口",
    "(2)和平里活動中心",
    "（十二）其他事項",
    "（一）112年1月1日起實施",
  ])("reads %j as a numbered item", (line) => {
    expect(LIST_ITEM.test(line)).toBe(true);
    expect(NUMBERED_LIST_ITEM.test(line)).toBe(true);
  });

  it.each(["- 健保卡", "‧ 身分證"])("reads %j as a bulleted item", (line) => {
    expect(LIST_ITEM.test(line)).toBe(true);
    expect(NUMBERED_LIST_ITEM.test(line)).toBe(false);
  });

  it.each(["（星期二）起停水", "(02) 2345-6789", "(02)-2345-6789", "2025年4月15日", "（含）以前"])(
    "reads %j as no list item",
    (line) => {
      expect(LIST_ITEM.test(line)).toBe(false);
    },
  );
});
