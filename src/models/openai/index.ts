/** The OpenAI-compatible adapters of the model ports: the only code that knows LangChain or OpenAI. */
export { createOpenAiChatModel, type OpenAiModelOptions } from "./chat-model.js";
export { createOpenAiEmbedder } from "./embedder.js";
