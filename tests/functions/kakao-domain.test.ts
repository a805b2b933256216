import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { signInWithKakao } from "../../functions/src/identity/kakao-sign-in.js";
import { adminAuth, adminDb } from "../support/admin.js";
import { clearAuth, clearFirestore } from "../support/emulators.js";
import { startFakeKakao, FAKE_KAKAO_APP_ID } from "../../dev/fake-kakao.js";
import { firestorePaths } from "../../client/src/index.js";

// The domain function, driven directly: a free port and a short timeout keep these fast.
const kakao = await startFakeKakao({ port: 0 });
afterAll(() => kakao.close());
beforeEach(async () => {
  kakao.setMode({ kind: "normal" });
  await Promise.all([clearAuth(), clearFirestore()]);
});

const deps = () => ({
  auth: adminAuth(),
  db: adminDb(),
  appId: String(FAKE_KAKAO_APP_ID),
  kakao: { baseUrl: kakao.url, timeoutMs: 200 },
  now: () => new Date(),
});

describe("signInWithKakao (domain)", () => {
  it("times out a slow Kakao as unavailable", async () => {
    kakao.setUser({ id: 5 });
    kakao.setMode({ kind: "slow", delayMs: 1_000 });
    await expect(signInWithKakao(kakao.issueToken(5), deps())).rejects.toMatchObject({
      code: "unavailable",
      reason: "kakao-unavailable",
    });
  });

  it("answers unavailable when Kakao cannot be reached at all", async () => {
    await expect(
      signInWithKakao("token", { ...deps(), kakao: { baseUrl: "http://127.0.0.1:9", timeoutMs: 200 } }),
    ).rejects.toMatchObject({ code: "unavailable", reason: "kakao-unavailable" });
  });

  it("signs in a user who shared nothing but their id", async () => {
    kakao.setUser({ id: 6 });
    const { customToken } = await signInWithKakao(kakao.issueToken(6), deps());
    expect(customToken).toBeTruthy();
    const user = await adminAuth().getUser("kakao:6");
    expect([user.displayName, user.photoURL, user.email]).toEqual([undefined, undefined, undefined]);
    expect((await adminDb().doc(firestorePaths.user("kakao:6")).get()).data()).toMatchObject({
      displayName: null,
      photoURL: null,
      providers: ["kakao"],
    });
  });

  it("creates one account when the first two sign-ins of a user race", async () => {
    kakao.setUser({ id: 8, nickname: "동시" });
    await Promise.all([
      signInWithKakao(kakao.issueToken(8), deps()),
      signInWithKakao(kakao.issueToken(8), deps()),
    ]);
    expect((await adminAuth().listUsers()).users.map((u) => u.uid)).toEqual(["kakao:8"]);
  });
});
