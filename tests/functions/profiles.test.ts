import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createProfileIfMissing, refreshProfile } from "../../functions/src/profiles/profile-from-auth.js";
import { adminDb } from "../support/admin.js";
import { eventually } from "../support/eventually.js";
import { clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";
import { signInWithFakeGitHub, signInWithFakeGoogle } from "../support/sign-in.js";
import { firestorePaths } from "../../client/src/index.js";

beforeEach(async () => {
  await Promise.all([clearAuth(), clearFirestore()]);
});
afterAll(closeClients);

const profileOnceCreated = (uid: string) =>
  eventually(async () => (await adminDb().doc(firestorePaths.user(uid)).get()).data());

describe("profiles created by the Auth onCreate trigger", () => {
  it("creates users/{uid} for a Google user", async () => {
    const user = await signInWithFakeGoogle(newClient(), {
      sub: "g-1",
      email: "minji@example.com",
      name: "Minji Kim",
      picture: "https://lh3.googleusercontent.com/a/minji",
    });
    const profile = await profileOnceCreated(user.uid);
    expect(profile).toMatchObject({
      displayName: "Minji Kim",
      photoURL: "https://lh3.googleusercontent.com/a/minji",
      providers: ["google.com"],
    });
    expect(profile.createdAt).toBeInstanceOf(Timestamp);
    expect(profile.updatedAt).toEqual(profile.createdAt);
  });

  it("creates users/{uid} for a GitHub user, dropping a photo that is not https", async () => {
    const user = await signInWithFakeGitHub(newClient(), {
      sub: "gh-1",
      name: "octo",
      picture: "http://avatars.example.com/u/1",
    });
    expect(await profileOnceCreated(user.uid)).toMatchObject({
      displayName: "octo",
      photoURL: null,
      providers: ["github.com"],
    });
  });
});

describe("profile writes racing a Kakao sign-in", () => {
  const stale = { uid: "kakao:7", displayName: "old", providerData: [] };
  const fresh = { uid: "kakao:7", displayName: "new", providerData: [] };

  it("never lets the late onCreate snapshot overwrite the sign-in's newer profile", async () => {
    const db = adminDb();
    await refreshProfile(db, fresh, new Date(2_000));
    await createProfileIfMissing(db, stale, new Date(1_000));
    expect((await db.doc(firestorePaths.user("kakao:7")).get()).data()).toMatchObject({
      displayName: "new",
      providers: ["kakao"],
    });
  });

  it("keeps createdAt when the sign-in refreshes a profile the trigger created", async () => {
    const db = adminDb();
    await createProfileIfMissing(db, stale, new Date(1_000));
    await refreshProfile(db, fresh, new Date(2_000));
    expect((await db.doc(firestorePaths.user("kakao:7")).get()).data()).toMatchObject({
      displayName: "new",
      createdAt: Timestamp.fromMillis(1_000),
      updatedAt: Timestamp.fromMillis(2_000),
    });
  });
});
