import { describe, expect, it } from "vitest";
import { MAX_MASKED_CHARS, maskPersonalData, PersonalDataMask, personalDataMaskOf } from "./mask-personal-data.js";

describe("maskPersonalData", () => {
  it.each([
    ["我的信箱是 wang.xm@gmail.com，請回覆", "我的信箱是 [email]，請回覆"],
    // Only the address, however it touches the words around it.
    ["我的信箱是wang.xm@gmail.com請回覆", "我的信箱是[email]請回覆"],
    ["call me at 0912-345-678 please", "call me at [phone] please"],
    ["手機0912345678", "手機[phone]"],
    ["office (02)2345-6789 ext 12", "office [phone] ext 12"],
    ["+886 2 2345 6789", "[phone]"],
    ["學號 B11001234 無法選課", "學號 [id] 無法選課"],
    ["my student number is 410123456", "my student number is [id]"],
    ["0912.345.678", "[phone]"],
    ["苗栗 037-123456", "苗栗 [phone]"],
    // Typed with a full-width IME: masked the same, the rest of the text kept as written.
    ["我的手機是０９３３２２２１１１，謝謝！", "我的手機是[phone]，謝謝！"],
    ["學號Ｂ１０８７７６６５無法選課？", "學號[id]無法選課？"],
    ["信箱 ｌｉｎ．ｙｕ＠ｌａｋｅｓｉｄｅ．ｅｄｕ．ｔｗ", "信箱 [email]"],
    ["身分證Ａ１２３４５６７８９遺失", "身分證[id]遺失"],
    ["市話（０２）２３４５－６７８９轉分機", "市話[phone]轉分機"],
    ["國際 ＋８８６　９１２　３４５　６７８", "國際 [phone]"],
    // Other forms NFKC folds to digits: mathematical bold digits, as some keyboards and pastes give.
    ["學號 𝐁𝟏𝟎𝟖𝟕𝟕𝟔𝟔𝟓 請查", "學號 [id] 請查"],
  ])("masks %s", (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it.each([
    "加退選截止是 9 月 20 日嗎?",
    "Is the deposit NT$ 3,000 for 2026?",
    "CS101 and MATH2010 prerequisites",
    "宿舍押金 3000 元",
    "Room 305, building 2",
    "截止日 20260315 前",
    "宿舍押金３０００元？（含清潔費）",
  ])("keeps %s, which holds no personal data", (input) => {
    expect(maskPersonalData(input)).toBe(input);
  });

  it("takes personal data out without a placeholder, for words carried to another question", () => {
    expect(new PersonalDataMask().remove("我是 alice.chen@example.edu，學號Ｂ１０８７７６６５")).toBe("我是  ，學號 ");
  });

  it("masks a deployment's own patterns beside the built-in ones", () => {
    const mask = new PersonalDataMask([
      { name: "member number", pattern: /M\d{8}/i, replacement: "[member number]" },
      { name: "email", pattern: /\S+@\S+/u, replacement: "[email]" },
    ]);
    expect(mask.mask("會員ｍ１２３４５６７８，信箱 a@b")).toBe("會員[member number]，信箱 [email]");
  });

  it("finds an e-mail address at the end of a long text", () => {
    // Looked for only where a run of its characters starts: trying every position took seconds here.
    expect(maskPersonalData(`${"問".repeat(MAX_MASKED_CHARS - 20)} a.b@example.edu`)).toMatch(/問 \[email\]$/);
  });

  it("keeps the built-in patterns on beside a deployment's, unless it turns them off", () => {
    const patterns = [{ name: "member number", pattern: /M\d{8}/giu, replacement: "[member number]" }];
    const text = "M12345678 寄到 a@b.edu";
    expect(personalDataMaskOf({ defaults: true, patterns }).mask(text)).toBe("[member number] 寄到 [email]");
    expect(personalDataMaskOf({ defaults: false, patterns }).mask(text)).toBe("[member number] 寄到 a@b.edu");
  });

  it("cuts text beyond the masked length before masking it", () => {
    const masked = maskPersonalData(`${"問".repeat(MAX_MASKED_CHARS)}0912345678`);
    expect(masked).toHaveLength(MAX_MASKED_CHARS + 1);
    expect(masked).not.toMatch(/\d/);
  });
});
