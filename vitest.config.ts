import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "ingest/**/*.test.ts", "evals/**/*.test.ts"],
    testTimeout: 20_000,
  },
});
