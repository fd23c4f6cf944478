import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { DocumentParseError, UnsupportedDocumentError } from "../src/errors.js";
import type { PreparedDocument } from "./index-document.js";
import type { ParseOutcome, ParseTask } from "./parse-worker.js";

/** Parsing threads: two documents at a time at most, on machines with two cores or more. */
const THREADS = 2;
/** An idle thread exits after this long, so nothing lingers between syncs and uploads. */
const IDLE_TIMEOUT_MS = 10_000;

// From the sources (tsx, vitest) the thread needs tsx's loader; from `npm run build`, the emitted .js runs as is.
const WORKER_FILE = import.meta.url.endsWith(".ts")
  ? fileURLToPath(new URL("./parse-worker-under-tsx.mjs", import.meta.url))
  : fileURLToPath(new URL("./parse-worker.js", import.meta.url));

/** One pool per heap size (in practice one: PARSE_MEMORY_MB), made on first use. */
const pools = new Map<number, Piscina<ParseTask, ParseOutcome>>();

function poolFor(memoryMb: number): Piscina<ParseTask, ParseOutcome> {
  let pool = pools.get(memoryMb);
  if (!pool) {
    pool = new Piscina<ParseTask, ParseOutcome>({
      filename: WORKER_FILE,
      minThreads: 0,
      maxThreads: THREADS,
      idleTimeout: IDLE_TIMEOUT_MS,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    pools.set(memoryMb, pool);
  }
  return pool;
}

/**
 * Parses and chunks one document in a parsing thread, so that no file can stall answers: a thread
 * that runs past PARSE_TIMEOUT_MS (counted from the request, waiting for a free thread included)
 * is stopped, and one that runs out of PARSE_MEMORY_MB dies alone. Every refusal is a
 * DocumentParseError (422) or an UnsupportedDocumentError (415), as when parsing on this thread.
 */
export async function parseInWorker(task: ParseTask): Promise<PreparedDocument> {
  let outcome: ParseOutcome;
  try {
    // A copy moved to the thread: cloning 20 MB in the message held the event loop ~100 ms, a copy ~5 ms.
    const bytes = task.bytes.slice();
    outcome = await poolFor(task.limits.memoryMb).run(
      { ...task, bytes },
      { signal: AbortSignal.timeout(task.limits.timeoutMs), transferList: [bytes.buffer] },
    );
  } catch (error) {
    throw stoppedThreadError(error, task) ?? error;
  }
  if ("document" in outcome) return outcome.document;
  const { kind, code, message } = outcome.refusal;
  throw kind === "unsupported" ? new UnsupportedDocumentError(message, code) : new DocumentParseError(message, code);
}

/** A thread stopped for time or memory is the document's doing; any other failure is ours, and is rethrown. */
function stoppedThreadError(error: unknown, task: ParseTask): DocumentParseError | undefined {
  if ((error as Error)?.name === "AbortError") {
    return new DocumentParseError(
      `reading the document took over ${task.limits.timeoutMs / 1000} s (PARSE_TIMEOUT_MS)`,
      "parse_timeout",
    );
  }
  if ((error as NodeJS.ErrnoException)?.code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new DocumentParseError(
      `reading the document needs more than ${task.limits.memoryMb} MB of memory (PARSE_MEMORY_MB)`,
      "document_too_large",
    );
  }
  return undefined;
}
