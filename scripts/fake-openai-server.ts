// Runs the tests' OpenAI-compatible stand-in model on 127.0.0.1, for trying the generative path
// (npm start, npm run eval) with no model: it quotes the passage sentence that best matches the
// question, or declines. It measures the plumbing and the grounding check, not a model's quality.
import { startFakeOpenAiServer } from "../src/test-support/fake-openai-server.js";

const server = await startFakeOpenAiServer();
server.scriptChat({ kind: "quote" });
console.log(`OPENAI_BASE_URL=${server.baseUrl}`);
