import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { afterAll, beforeAll } from "vitest";
// Not ./emulators.js: importing that marks a file as one that uses the shared test project.
import { firestoreEmulator, PROJECT_ID } from "../../dev/emulators.js";
import { recordRulesCoverageOf } from "./rules-coverage.js";

/**
 * A rules test environment on the repo's firestore.rules for one test file; call at top level.
 * A file that uses only this environment gets a Firestore project of its own (the emulator keeps
 * projects apart), so it runs at the same time as other files; a file that also uses the shared
 * test project (it imports ./emulators.js) stays on that one, where it may meet its data.
 */
export function useRulesTestEnvironment(): () => RulesTestEnvironment {
  let env: RulesTestEnvironment | undefined;
  let ownProject = false;
  beforeAll(async () => {
    ownProject = process.env.TALKSTUDIO_TEST_GROUP === "isolated";
    const projectId = ownProject ? `demo-rules-${randomBytes(6).toString("hex")}` : PROJECT_ID;
    recordRulesCoverageOf(projectId);
    env = await initializeTestEnvironment({
      projectId,
      firestore: { ...firestoreEmulator, rules: readFileSync("firestore.rules", "utf8") },
    });
  });
  afterAll(async () => {
    // A project of its own is never used again: its documents would only hold the emulator's memory.
    if (ownProject) await env?.clearFirestore();
    await env?.cleanup();
  });
  return () => {
    if (!env) throw new Error("The rules test environment has not started.");
    return env;
  };
}
