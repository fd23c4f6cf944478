import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "ingest/**/*.test.ts", "evals/**/*.test.ts"],
    testTimeout: 20_000,
    // Hooks index documents and start servers: on a loaded 2-core machine that outlasts vitest's 10 s.
    hookTimeout: 30_000,
    // Threads start faster than forked processes; and vitest's default (one core left idle) runs
    // the suite one file at a time on the 2-core machines we develop and test on.
    pool: "threads",
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
