// The parsing thread's entry when the service runs from its TypeScript sources (npm start, vitest):
// a worker thread does not inherit tsx's loader, so it registers it before loading the task.
import { register } from "tsx/esm/api";

register();
const { default: parseAndChunk } = await import("./parse-worker.ts");

export default parseAndChunk;
