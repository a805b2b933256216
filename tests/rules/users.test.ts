import { readFileSync } from "node:fs";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { doc, getDoc, setDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { firestoreEmulator, PROJECT_ID } from "../support/emulators.js";

let env: RulesTestEnvironment;

beforeAll(async () => {
  env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { ...firestoreEmulator, rules: readFileSync("firestore.rules", "utf8") },
  });
});
beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    await setDoc(doc(ctx.firestore(), "users/alice"), { displayName: "Alice" });
  });
});
afterAll(() => env.cleanup());

describe("users/{uid}", () => {
  it("lets the owner read their profile", async () => {
    await assertSucceeds(getDoc(doc(env.authenticatedContext("alice").firestore(), "users/alice")));
  });
  it("hides a profile from other users and from anonymous callers", async () => {
    await assertFails(getDoc(doc(env.authenticatedContext("bob").firestore(), "users/alice")));
    await assertFails(getDoc(doc(env.unauthenticatedContext().firestore(), "users/alice")));
  });
  it("does not let even the owner create a profile (functions do)", async () => {
    await assertFails(
      setDoc(doc(env.authenticatedContext("carol").firestore(), "users/carol"), { displayName: "C" }),
    );
  });
});
