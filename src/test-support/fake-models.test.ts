import { describeChatModelContract } from "../models/chat-model.case.js";
import { describeEmbedderContract } from "../models/embedder.case.js";
import { ModelCallError } from "../models/model-call-error.js";
import { FakeChatModel, FakeEmbedder } from "./fake-models.js";

// The fakes other tests stand on keep the contracts the real adapters keep.
describeChatModelContract("FakeChatModel", () => ({
  replying: (text) => new FakeChatModel(text),
  callingTool: (call) => new FakeChatModel(call),
  failing: () => new FakeChatModel(new ModelCallError("refused", { isRetryable: false, statusCode: 400 })),
}));
describeEmbedderContract("FakeEmbedder", () => new FakeEmbedder());
