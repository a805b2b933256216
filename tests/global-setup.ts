import { rulesCoverageGateOn, startRulesCoverage } from "./support/rules-coverage.js";

/** The suite needs the emulators that `npm test` starts; say so in one line instead of timing out. */
export function setup(): void {
  if (!process.env.FIRESTORE_EMULATOR_HOST) {
    throw new Error("The emulators are not running: run the tests with `npm test`, which starts them.");
  }
  if (rulesCoverageGateOn()) startRulesCoverage();
}
