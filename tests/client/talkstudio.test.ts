import { signInAnonymously } from "firebase/auth";
import { doc, getDoc } from "firebase/firestore";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { clearAuth, closeClients, newClient } from "../support/emulators.js";
import { firestorePaths } from "../../client/src/index.js";

beforeEach(clearAuth);
afterAll(closeClients);

describe("createTalkStudio", () => {
  it("binds auth, Firestore and functions to the emulators", async () => {
    const ts = newClient();
    const { user } = await signInAnonymously(ts.auth);
    expect(user.uid).toMatch(/\w+/);
    expect(ts.functions.region).toBe("asia-northeast3");
    // The owner's own profile is readable (the onCreate trigger may not have written it yet), a
    // stranger's is refused by the rules.
    await expect(getDoc(doc(ts.db, firestorePaths.user(user.uid)))).resolves.toBeDefined();
    await expect(getDoc(doc(ts.db, firestorePaths.user("somebody-else")))).rejects.toMatchObject({
      code: "permission-denied",
    });
  });
});
