import { AIMessage, type BaseMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { ChatChunk, ChatMessage } from "../chat-model.js";

/** Our messages as LangChain's. */
export function toLangChainMessages(messages: readonly ChatMessage[]): BaseMessage[] {
  return messages.map(({ role, content }) => {
    if (role === "system") return new SystemMessage(content);
    if (role === "user") return new HumanMessage(content);
    return new AIMessage(content);
  });
}

/** A LangChain reply (whole or a piece of one) as ours: its text, and the usage when it carries it. */
export function toChatChunk(message: Pick<AIMessage, "content" | "usage_metadata">): ChatChunk {
  const usage = message.usage_metadata;
  return {
    text: textOf(message.content),
    ...(usage ? { usage: { inputTokens: usage.input_tokens, outputTokens: usage.output_tokens } } : {}),
  };
}

function textOf(content: BaseMessage["content"]): string {
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" && "text" in part ? String(part.text) : "")).join("");
}
