/** One message of a conversation with a chat model. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** Tokens a model call read and wrote, as the provider counted them. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** A piece of a reply as it is written; the usage comes with one piece, usually the last. */
export interface ChatChunk {
  text: string;
  usage?: TokenUsage;
}

export interface ChatCallOptions {
  /** Stops the call (the client went away, or the answer's time is up). */
  signal?: AbortSignal;
}

/** A function the model may ask to call: its name, what it does, and its parameters as JSON Schema. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** The call a model chose: which tool, with which arguments (as the model wrote them: check them). */
export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

/**
 * A chat model: the port every answer and rewrite goes through. Adapters retry what is worth
 * retrying themselves and fail with a `ModelCallError`.
 */
export interface ChatModel {
  /** The reply, piece by piece as the model writes it. */
  stream(messages: readonly ChatMessage[], options?: ChatCallOptions): AsyncIterable<ChatChunk>;
  /** The whole reply at once. */
  complete(messages: readonly ChatMessage[], options?: ChatCallOptions): Promise<ChatChunk>;
  /** The tool the model chooses to call next, or undefined when it answers in words instead. */
  chooseTool(
    messages: readonly ChatMessage[],
    tools: readonly ToolDefinition[],
    options?: ChatCallOptions,
  ): Promise<ToolCall | undefined>;
}
