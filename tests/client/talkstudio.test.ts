import { _getProvider, type FirebaseApp } from "firebase/app";
import { signInAnonymously } from "firebase/auth";
import { doc, getDoc } from "firebase/firestore";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { clearAuth, closeClients, newClient } from "../support/emulators.js";
import { FUNCTIONS_REGION, firestorePaths, functionsOf, storageOf } from "../../client/src/index.js";

beforeEach(clearAuth);
afterAll(closeClients);

describe("createTalkStudio", () => {
  it("binds auth, Firestore and functions to the emulators", async () => {
    const ts = newClient();
    const { user } = await signInAnonymously(ts.auth);
    expect(user.uid).toMatch(/\w+/);
    expect(functionsOf(ts).region).toBe("asia-northeast3");
    // The owner's own profile is readable (the onCreate trigger may not have written it yet), a
    // stranger's is refused by the rules.
    await expect(getDoc(doc(ts.db, firestorePaths.user(user.uid)))).resolves.toBeDefined();
    await expect(getDoc(doc(ts.db, firestorePaths.user("somebody-else")))).rejects.toMatchObject({
      code: "permission-denied",
    });
  });

  it("starts Functions and Storage on first use, once", () => {
    const ts = newClient();
    // The SDK's component registry: a service is "initialized" once something asked for it.
    const provider = _getProvider as (
      app: FirebaseApp,
      name: string,
    ) => { isInitialized(id?: string): boolean };
    const functionsStarted = () => provider(ts.app, "functions").isInitialized(FUNCTIONS_REGION);
    const storageStarted = () => provider(ts.app, "storage").isInitialized();
    expect([functionsStarted(), storageStarted()]).toEqual([false, false]);
    expect(functionsOf(ts)).toBe(functionsOf(ts));
    expect([functionsStarted(), storageStarted()]).toEqual([true, false]);
    expect(storageOf(ts)).toBe(storageOf(ts));
    expect(storageStarted()).toBe(true);
  });
});
