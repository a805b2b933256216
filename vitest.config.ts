import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { testGroups } from "./tests/support/test-groups.js";

// Two groups (tests/support/test-groups.ts): files on the shared test project run one after
// another so data never interleaves; the rest run alongside them. `npm test` starts the groups as
// two vitest runs at once (scripts/run-tests.mjs); a plain `vitest run` runs one group, then the other.
const { sharedProject, isolated } = testGroups();

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/support/rules-coverage-checkpoint.ts"],
    // What tests print shows only for the tests that fail: there it explains, elsewhere it is noise.
    silent: "passed-only",
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "shared-project",
          include: sharedProject,
          fileParallelism: false,
          env: { TALKSTUDIO_TEST_GROUP: "shared-project" },
        },
      },
      {
        extends: true,
        test: {
          name: "isolated",
          include: isolated,
          // Half the cores: the shared-project group and the emulators need the rest, and that
          // group's time is the suite's.
          maxWorkers: Math.max(1, Math.floor(availableParallelism() / 2)),
          env: { TALKSTUDIO_TEST_GROUP: "isolated" },
        },
      },
    ],
  },
});
