import { readFileSync } from "node:fs";
import { initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { afterAll, beforeAll } from "vitest";
import { firestoreEmulator, PROJECT_ID } from "./emulators.js";

/** A rules test environment on the repo's firestore.rules for one test file; call at top level. */
export function useRulesTestEnvironment(): () => RulesTestEnvironment {
  let env: RulesTestEnvironment | undefined;
  beforeAll(async () => {
    env = await initializeTestEnvironment({
      projectId: PROJECT_ID,
      firestore: { ...firestoreEmulator, rules: readFileSync("firestore.rules", "utf8") },
    });
  });
  afterAll(() => env?.cleanup());
  return () => {
    if (!env) throw new Error("The rules test environment has not started.");
    return env;
  };
}
