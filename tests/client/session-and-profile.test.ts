import type { User } from "firebase/auth";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getMyProfile, onUserChanged, signOut, updateMyProfile } from "../../client/src/index.js";
import { eventually } from "../support/eventually.js";
import { clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";
import { signInWithFakeGoogle } from "../support/sign-in.js";

beforeEach(async () => {
  await Promise.all([clearAuth(), clearFirestore()]);
});
afterAll(closeClients);

describe("session helpers", () => {
  it("reports sign-in and sign-out to the auth-state subscription", async () => {
    const ts = newClient();
    const seen: Array<string | null> = [];
    const unsubscribe = onUserChanged(ts, (user: User | null) => seen.push(user?.uid ?? null));
    const user = await signInWithFakeGoogle(ts, { sub: "s-1" });
    await signOut(ts);
    await eventually(() => Promise.resolve(seen.length >= 3 ? true : undefined));
    unsubscribe();
    expect(seen).toEqual([null, user.uid, null]);
  });
});

describe("profile helpers", () => {
  it("reads the profile and changes the name and photo through the rules", async () => {
    const ts = newClient();
    await signInWithFakeGoogle(ts, { sub: "p-1", name: "Before" });
    const created = await eventually(() => getMyProfile(ts).then((p) => p ?? undefined));
    expect(created).toMatchObject({ displayName: "Before", providers: ["google.com"] });

    await updateMyProfile(ts, { displayName: "  After  ", photoURL: "https://example.com/me.png" });
    const updated = await getMyProfile(ts);
    expect(updated).toMatchObject({ displayName: "After", photoURL: "https://example.com/me.png" });
    expect(updated?.updatedAt.toMillis()).toBeGreaterThan(created.updatedAt.toMillis());
  });

  it("rejects invalid changes before they reach the server", async () => {
    const ts = newClient();
    await signInWithFakeGoogle(ts, { sub: "p-2" });
    await expect(updateMyProfile(ts, { photoURL: "http://example.com/me.png" })).rejects.toThrow();
    await expect(updateMyProfile(ts, {})).rejects.toThrow();
  });
});
