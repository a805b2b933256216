import { rulesCoverageGateOn, startRulesCoverage } from "./support/rules-coverage.js";

/** The suite needs the emulators that `npm test` starts; say so in one line instead of timing out. */
export function setup(): void {
  if (!process.env.FIRESTORE_EMULATOR_HOST) {
    throw new Error("The emulators are not running: run the tests with `npm test`, which starts them.");
  }
  // scripts/run-tests.mjs empties the coverage once for its two vitest runs; a run of its own starts afresh.
  if (rulesCoverageGateOn() && !process.env.TALKSTUDIO_RULES_COVERAGE_FRESH) startRulesCoverage();
}
