import { describe, expect, it } from "vitest";
import { asksAboutTheAsker } from "./asks-about-the-asker.js";

describe("asksAboutTheAsker", () => {
  it("hears the asker in 我, my, me and I, but not in we or in 'can I' and 我可以", () => {
    expect(asksAboutTheAsker("我借的書")).toBe(true);
    expect(asksAboutTheAsker("Have I paid?")).toBe(true);
    expect(asksAboutTheAsker("show me my loans")).toBe(true);
    expect(asksAboutTheAsker("我們學校的宿舍")).toBe(false);
    expect(asksAboutTheAsker("我可以借幾本書")).toBe(false);
    expect(asksAboutTheAsker("Can I borrow ten books?")).toBe(false);
    expect(asksAboutTheAsker("Can I renew my books?")).toBe(true);
    expect(asksAboutTheAsker("宿舍押金多少")).toBe(false);
  });

  it("hears someone else's record in 我朋友, 我室友 and my roommate's", () => {
    expect(asksAboutTheAsker("我朋友借的書什麼時候到期")).toBe(false);
    expect(asksAboutTheAsker("我室友的宿舍申請過了嗎")).toBe(false);
    expect(asksAboutTheAsker("when are my roommate's books due")).toBe(false);
    expect(asksAboutTheAsker("my friends' loans")).toBe(false);
  });
});
