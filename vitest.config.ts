import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Every file shares one emulator suite: run files one after another so data never interleaves.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/support/rules-coverage-checkpoint.ts"],
    // What tests print shows only for the tests that fail: there it explains, elsewhere it is noise.
    silent: "passed-only",
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
