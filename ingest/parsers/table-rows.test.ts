import { describe, expect, it } from "vitest";
import { renderTableRows } from "./table-rows.js";

describe("renderTableRows", () => {
  it("leads with the row's label and names every other cell by its column, with Chinese punctuation for a Chinese table", () => {
    expect(
      renderTableRows({
        header: ["學院", "學費", "雜費", "合計"],
        rows: [
          ["文學院", "20,980", "4,620", "25,600"],
          ["工學院", "24,310", "6,020", "30,330"],
        ],
      }),
    ).toEqual(["文學院：學費 20,980，雜費 4,620，合計 25,600", "工學院：學費 24,310，雜費 6,020，合計 30,330"]);
  });

  it("uses English punctuation for an English table, and Chinese for a mostly Chinese header", () => {
    expect(
      renderTableRows({ header: ["College", "Tuition", "Fees"], rows: [["Engineering", "24,310", "6,020"]] }),
    ).toEqual(["Engineering: Tuition 24,310, Fees 6,020"]);
    expect(
      renderTableRows({ header: ["SSID", "對象", "登入方式"], rows: [["eduroam", "訪客", "帳號@所屬學校網域"]] }),
    ).toEqual(["eduroam：對象 訪客，登入方式 帳號@所屬學校網域"]);
  });

  it("leaves out empty cells and cells that only say there is nothing, and rows with nothing at all", () => {
    expect(
      renderTableRows({
        header: ["階段", "對象", "開始", "截止"],
        rows: [
          ["分發結果公告", "全體", "2026年8月19日 12:00", "—"],
          ["停修申請", "", "2026年10月5日", "2026年12月4日"],
          ["", "", "", ""],
        ],
      }),
    ).toEqual([
      "分發結果公告：對象 全體，開始 2026年8月19日 12:00",
      "停修申請：開始 2026年10月5日，截止 2026年12月4日",
    ]);
  });

  it("does not repeat a column's name that its cell already starts with, and invents no units", () => {
    expect(
      renderTableRows({ header: ["Type", "Fee"], rows: [["Late return", "fee waived for the first day"]] }),
    ).toEqual(["Late return: fee waived for the first day"]);
    expect(renderTableRows({ header: ["Type", "Fee"], rows: [["Survey", "Feedback form"]] })).toEqual([
      "Survey: Fee Feedback form",
    ]);
    expect(renderTableRows({ header: ["階段", "截止"], rows: [["加退選", "截止日另行公告"]] })).toEqual([
      "加退選：截止日另行公告",
    ]);
    expect(renderTableRows({ header: ["項目", "記點"], rows: [["使用違規電器", "3"]] })).toEqual([
      "使用違規電器：記點 3",
    ]);
  });

  it("names a label that has no words, or is a band of figures, by its column's name", () => {
    expect(renderTableRows({ header: ["Score", "Letter", "Grade points"], rows: [["90–100", "A+", "4.3"]] })).toEqual([
      "Score 90–100: Letter A+, Grade points 4.3",
    ]);
    const bands = {
      header: ["商品售價", "延長 1 年"],
      rows: [
        ["NT$ 10,000 以下", "NT$ 490"],
        ["5 公斤以下", "NT$ 100"],
        ["超過 NT$ 10,000", "NT$ 890"],
      ],
    };
    expect(renderTableRows(bands)).toEqual([
      "商品售價 NT$ 10,000 以下：延長 1 年 NT$ 490",
      "商品售價 5 公斤以下：延長 1 年 NT$ 100",
      "商品售價 超過 NT$ 10,000：延長 1 年 NT$ 890",
    ]);
    expect(renderTableRows({ header: ["Weight", "Fee"], rows: [["over 20 kg", "NT$ 300"]] })).toEqual([
      "Weight over 20 kg: Fee NT$ 300",
    ]);
    // A comparison before words is a label with words: it names its row.
    expect(renderTableRows({ header: ["Plan", "Fee"], rows: [["over 65s pass", "NT$ 300"]] })).toEqual([
      "over 65s pass: Fee NT$ 300",
    ]);
    // A label naming a place or a shop by a figure names its row itself.
    expect(renderTableRows({ header: ["Branch", "Hours"], rows: [["3rd floor desk", "9:00–17:00"]] })).toEqual([
      "3rd floor desk: Hours 9:00–17:00",
    ]);
    expect(
      renderTableRows({
        header: ["地點", "開放時間"],
        rows: [
          ["3樓閱覽室", "9:00–17:00"],
          ["7-11 門市", "24 小時"],
        ],
      }),
    ).toEqual(["3樓閱覽室：開放時間 9:00–17:00", "7-11 門市：開放時間 24 小時"]);
  });

  it("drops a cell's own sentence end, which would otherwise end the row's sentence in its middle", () => {
    expect(renderTableRows({ header: ["時間", "退費"], rows: [["開學前", "全額退還。"]] })).toEqual([
      "開學前：退費 全額退還",
    ]);
  });

  it("reads a table without a header row as its label followed by its cells", () => {
    expect(
      renderTableRows({
        rows: [
          ["地址", "臺北市湖濱路 1 號"],
          ["電話", "(02) 2700-1234", "分機 2400"],
        ],
      }),
    ).toEqual(["地址：臺北市湖濱路 1 號", "電話：(02) 2700-1234，分機 2400"]);
  });

  it("keeps a first row with a cell too long to name a column as a row of content", () => {
    const long = "Students who withdraw before the first day of classes pay nothing at all";
    expect(renderTableRows({ header: ["Before classes", long], rows: [["After", "One third"]] })).toEqual([
      `Before classes: ${long}`,
      "After: One third",
    ]);
  });

  it("reads a one-column table as a list introduced by its column's name", () => {
    expect(renderTableRows({ header: ["應備文件"], rows: [["申請表"], ["學生證影本"]] })).toEqual([
      "應備文件：",
      "- 申請表",
      "- 學生證影本",
    ]);
    expect(renderTableRows({ header: [""], rows: [["Form"], ["ID card"]] })).toEqual(["- Form", "- ID card"]);
  });
  it("keeps a header with no rows under it as a row", () => {
    expect(renderTableRows({ header: ["Office", "Room S108"], rows: [] })).toEqual(["Office: Room S108"]);
  });
});
