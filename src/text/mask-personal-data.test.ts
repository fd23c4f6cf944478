import { describe, expect, it } from "vitest";
import { maskPersonalData } from "./mask-personal-data.js";

describe("maskPersonalData", () => {
  it.each([
    ["我的信箱是 wang.xm@gmail.com，請回覆", "我的信箱是 [email]，請回覆"],
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
});
