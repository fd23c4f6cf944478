import path from "node:path";
import { describe, expect, it } from "vitest";
import { readActionDefinitions } from "./action-definition.js";
import { ActionMatcher } from "./match-action.js";

const matcher = new ActionMatcher(readActionDefinitions(path.resolve("knowledge")));
const matched = (question: string) => matcher.match(question)?.action.id;

describe("ActionMatcher on the sample university's actions", () => {
  it("matches the asker's own record, asked in words other than the examples', in both languages", () => {
    expect(matched("我借的書哪天要還")).toBe("library-loans");
    expect(matched("我的書什麼時候到期")).toBe("library-loans");
    expect(matched("When are my books due back?")).toBe("library-loans");
    expect(matched("我這學期修了幾學分")).toBe("registered-courses");
    expect(matched("what classes am I taking")).toBe("registered-courses");
    expect(matched("did I pay my tuition yet")).toBe("tuition-status");
    expect(matched("我這學期要繳多少學費")).toBe("tuition-status");
    expect(matched("我的宿舍申請結果出來了沒")).toBe("dormitory-application");
    expect(matched("is my dorm application approved")).toBe("dormitory-application");
  });

  it("leaves questions about the rules for everyone to the documents", () => {
    expect(matched("借書可以借多久？")).toBeUndefined();
    expect(matched("我可以借幾本書？")).toBeUndefined();
    expect(matched("How many books can I borrow?")).toBeUndefined();
    expect(matched("我想知道學費什麼時候要繳")).toBeUndefined();
    expect(matched("我要怎麼申請宿舍")).toBeUndefined();
    expect(matched("How do I apply for a dorm?")).toBeUndefined();
  });

  it("matches nothing for a personal question no action is about", () => {
    expect(matched("我忘記密碼了")).toBeUndefined();
    expect(matched("我的學生證掉了怎麼辦")).toBeUndefined();
  });

  it("forgives a typing slip, as retrieval does", () => {
    expect(matched("when r my libary books due")).toBe("library-loans");
    expect(matched("did i pay my tution yet?")).toBe("tuition-status");
  });

  it("reads a parameter's value as no word: another barcode than the examples' matches as well", () => {
    expect(matched("please renew L7654321 for me")).toBe("renew-loan");
    expect(matched("幫我續借 L0000001")).toBe("renew-loan");
  });

  it("matches nothing without actions", () => {
    expect(new ActionMatcher([]).match("我借的書什麼時候到期？")).toBeUndefined();
  });
});
