import * as firebaseApp from "firebase/app";
import { initializeApp, type FirebaseApp } from "firebase/app";
import { signInAnonymously } from "firebase/auth";
import { doc, getDoc, getFirestore } from "firebase/firestore";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { clearAuth, closeClients, newClient } from "../support/emulators.js";
import {
  FUNCTIONS_REGION,
  createTalkStudio,
  firestorePaths,
  functionsOf,
  storageOf,
} from "../../client/src/index.js";
import { PROJECT_ID } from "../support/emulators.js";

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
    const { _getProvider: provider } = firebaseApp as unknown as {
      _getProvider: (app: FirebaseApp, name: string) => { isInitialized(id?: string): boolean };
    };
    const functionsStarted = () => provider(ts.app, "functions").isInitialized(FUNCTIONS_REGION);
    const storageStarted = () => provider(ts.app, "storage").isInitialized();
    expect([functionsStarted(), storageStarted()]).toEqual([false, false]);
    expect(functionsOf(ts)).toBe(functionsOf(ts));
    expect([functionsStarted(), storageStarted()]).toEqual([true, false]);
    expect(storageOf(ts)).toBe(storageOf(ts));
    expect(storageStarted()).toBe(true);
  });

  describe("offline: true", () => {
    const app = (name: string) => initializeApp({ projectId: PROJECT_ID, apiKey: "demo-api-key" }, name);

    it("falls back to the memory cache where there is no IndexedDB, says why, and works", async () => {
      const ts = createTalkStudio(app("offline-in-node"), { offline: true, emulators: {} });
      expect(ts.cache.status).toMatchObject({ mode: "memory", reason: "no-indexeddb" });
      const { user } = await signInAnonymously(ts.auth);
      await expect(getDoc(doc(ts.db, firestorePaths.user(user.uid)))).resolves.toBeDefined();
    });

    it("uses an already started Firestore as it is instead of throwing", () => {
      const started = app("offline-after-start");
      const db = getFirestore(started);
      // As in a browser: the SDK's IndexedDB checks come later, on first use.
      const globals = globalThis as { indexedDB?: unknown; localStorage?: unknown };
      globals.indexedDB = {};
      globals.localStorage = {};
      try {
        const ts = createTalkStudio(started, { offline: true });
        expect(ts.db).toBe(db);
        expect(ts.cache.status).toMatchObject({ mode: "memory", reason: "already-started" });
      } finally {
        delete globals.indexedDB;
        delete globals.localStorage;
      }
    });

    it("is memory, not requested, without the option", () => {
      expect(newClient().cache.status).toEqual({ mode: "memory", reason: "not-requested" });
    });
  });
});
