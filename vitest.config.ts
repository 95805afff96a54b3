// Tests run the TypeScript sources directly; the CLI tests spawn the built
// lib/cli/main.cjs, which the global setup builds once before any test runs.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // The CLI tests spawn node many times; on a small machine that takes a while.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
