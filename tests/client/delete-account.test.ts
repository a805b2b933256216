import { FirebaseError } from "firebase/app";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { deleteAccount, TalkStudioError, toTalkStudioError } from "../../client/src/index.js";
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
    await expect(deleteAccount(newClient())).rejects.toMatchObject({ kind: "not-signed-in" });
    await expect(adminAuth().getUser(staying.uid)).resolves.toMatchObject({ uid: staying.uid });
  });
});

// The emulator deletes accounts whatever the token's auth_time, so Firebase's "sign in again" answer
// is checked on the mapping alone, with the error the SDK raises for it.
describe("toTalkStudioError on auth failures", () => {
  it("turns auth/requires-recent-login into kind recent-login-required, keeping the cause", () => {
    const stale = new FirebaseError(
      "auth/requires-recent-login",
      "Firebase: Error (auth/requires-recent-login).",
    );
    const mapped = toTalkStudioError(stale);
    expect(mapped).toBeInstanceOf(TalkStudioError);
    expect(mapped.kind).toBe("recent-login-required");
    expect(mapped.cause).toBe(stale);
  });

  it("calls a network failure unavailable and anything unknown unknown, keeping the cause", () => {
    const offline = new FirebaseError("auth/network-request-failed", "offline");
    expect(toTalkStudioError(offline)).toMatchObject({ kind: "unavailable", cause: offline });
    const odd = new FirebaseError("auth/something-new", "new");
    expect(toTalkStudioError(odd)).toMatchObject({ kind: "unknown", cause: odd });
  });
});
