import { describe, expect, it } from "vitest";
import type { ChatModel, ToolCall } from "./chat-model.js";
import { ModelCallError } from "./model-call-error.js";

/** A chat model to test, set up to give one reply, or to fail as a server refusing the request would. */
export interface ChatModelSubject {
  replying(text: string): ChatModel;
  /** Set up to call this tool (offered as LOANS_TOOL) on the next request. */
  callingTool(call: ToolCall): ChatModel;
  failing(): ChatModel;
}

/** A tool offered in the contract's tool-calling case. */
const LOANS_TOOL = {
  name: "renew_loan",
  description: "Renew one of the student's library loans.",
  parameters: { type: "object", properties: { barcode: { type: "string" } }, required: ["barcode"] },
};

const MESSAGES = [
  { role: "system", content: "Answer briefly." },
  { role: "user", content: "When is the add/drop deadline?" },
] as const;

/** The contract every chat-model adapter (and fake) must keep; run it from each one's test file. */
export function describeChatModelContract(name: string, subject: () => ChatModelSubject): void {
  describe(`ChatModel contract: ${name}`, () => {
    const reply = "The deadline is Friday of the second week.[1] 研究生到第三週。[1]";

    it("streams the reply in pieces that join up to it, with the token usage", async () => {
      const pieces = [];
      for await (const piece of subject().replying(reply).stream(MESSAGES)) pieces.push(piece);
      expect(pieces.map((piece) => piece.text).join("")).toBe(reply);
      expect(pieces.find((piece) => piece.usage)?.usage).toEqual({
        inputTokens: expect.any(Number),
        outputTokens: expect.any(Number),
      });
    });

    it("completes the whole reply at once", async () => {
      expect((await subject().replying(reply).complete(MESSAGES)).text).toBe(reply);
    });

    it("fails with a ModelCallError that says whether to try again", async () => {
      const stream = async () => {
        for await (const _ of subject().failing().stream(MESSAGES)) {
          // Nothing arrives.
        }
      };
      await expect(stream()).rejects.toBeInstanceOf(ModelCallError);
      await expect(subject().failing().complete(MESSAGES)).rejects.toMatchObject({ isRetryable: false });
    });

    it("says which tool the model calls, with its arguments, and none when it answers in words", async () => {
      const call = { name: "renew_loan", arguments: { barcode: "L0012345" } };
      expect(await subject().callingTool(call).chooseTool(MESSAGES, [LOANS_TOOL])).toEqual(call);
      expect(await subject().replying("NONE").chooseTool(MESSAGES, [LOANS_TOOL])).toBeUndefined();
      await expect(subject().failing().chooseTool(MESSAGES, [LOANS_TOOL])).rejects.toBeInstanceOf(ModelCallError);
    });

    it("stops when its signal has aborted", async () => {
      await expect(subject().replying(reply).complete(MESSAGES, { signal: AbortSignal.abort() })).rejects.toThrow();
    });
  });
}
