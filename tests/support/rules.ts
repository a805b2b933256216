import { readFileSync } from "node:fs";
import { initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { afterAll, beforeAll } from "vitest";
import { LIMITS } from "../../client/src/index.js";
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

let saves = 0;

/**
 * The save ids a client's save sets (client/src/conversations/write.ts; rules: validWrites): one new
 * id in the revision's slot of `writes` and under the saver's key of `lastWriteBy`.
 */
export function saveIdsOf(saver: string, revision: number): Record<string, string> {
  const id = `save${++saves}`;
  return { [`writes.${revision % LIMITS.writeSlots}`]: id, [`lastWriteBy.${saver}`]: id };
}
