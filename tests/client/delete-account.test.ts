import { FirebaseError } from "firebase/app";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { deletionError } from "../../client/src/auth/deletion-error.js";
import { deleteAccount, NotSignedInError, RecentLoginRequiredError } from "../../client/src/index.js";
import { adminAuth } from "../support/admin.js";
import { clearAuth, closeClients, newClient } from "../support/emulators.js";
import { signInWithFakeGoogle } from "../support/sign-in.js";

beforeEach(clearAuth);
afterAll(closeClients);

describe("deleteAccount", () => {
  it("deletes the signed-in user from Auth and signs them out", async () => {
    const ts = newClient();
    const user = await signInWithFakeGoogle(ts, { sub: "d-1", name: "Leaving" });
    await deleteAccount(ts);
    expect(ts.auth.currentUser).toBeNull();
    await expect(adminAuth().getUser(user.uid)).rejects.toMatchObject({ code: "auth/user-not-found" });
  });

  it("refuses when nobody is signed in, and deletes nobody", async () => {
    const staying = await signInWithFakeGoogle(newClient(), { sub: "d-2" });
    await expect(deleteAccount(newClient())).rejects.toBeInstanceOf(NotSignedInError);
    await expect(adminAuth().getUser(staying.uid)).resolves.toMatchObject({ uid: staying.uid });
  });
});

// The emulator deletes accounts whatever the token's auth_time, so Firebase's "sign in again" answer
// is checked on the mapping alone, with the error the SDK raises for it.
describe("deletionError", () => {
  it("turns auth/requires-recent-login into RecentLoginRequiredError, keeping the cause", () => {
    const stale = new FirebaseError(
      "auth/requires-recent-login",
      "Firebase: Error (auth/requires-recent-login).",
    );
    const mapped = deletionError(stale);
    expect(mapped).toBeInstanceOf(RecentLoginRequiredError);
    expect((mapped as Error).cause).toBe(stale);
  });

  it("passes any other failure on unchanged", () => {
    const offline = new FirebaseError("auth/network-request-failed", "offline");
    expect(deletionError(offline)).toBe(offline);
  });
});
