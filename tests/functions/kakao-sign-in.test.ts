import { GoogleAuthProvider, signInWithCredential } from "firebase/auth";
import type { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { firestorePaths, signInWithKakao } from "../../client/src/index.js";
import { adminAuth, adminDb } from "../support/admin.js";
import { eventually } from "../support/eventually.js";
import { functionUrl, clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";
import { useFakeKakao } from "../support/fake-kakao.js";
import { failureOf } from "../support/failure.js";

const kakao = useFakeKakao();
beforeEach(async () => {
  await Promise.all([clearAuth(), clearFirestore()]);
});
afterAll(closeClients);

const HONG = {
  id: 1001,
  nickname: "홍길동",
  profileImageUrl: "https://k.kakaocdn.net/dn/hong/img_640x640.jpg",
  email: "hong@example.com",
};

async function profileOf(uid: string) {
  const snapshot = await adminDb().doc(firestorePaths.user(uid)).get();
  return snapshot.data();
}

describe("kakaoSignIn through the emulator", () => {
  it("signs a Kakao user in as kakao:{id} with their nickname, image and verified email", async () => {
    kakao().setUser(HONG);
    const ts = newClient();
    const user = await signInWithKakao(ts, kakao().issueToken(HONG.id));

    expect(user.uid).toBe("kakao:1001");
    expect((await user.getIdTokenResult()).claims.provider).toBe("kakao");
    const record = await adminAuth().getUser("kakao:1001");
    expect(record).toMatchObject({
      displayName: "홍길동",
      photoURL: HONG.profileImageUrl,
      email: "hong@example.com",
      emailVerified: true,
    });
    expect(await profileOf("kakao:1001")).toMatchObject({
      displayName: "홍길동",
      photoURL: HONG.profileImageUrl,
      providers: ["kakao"],
    });
  });

  it("signs the same Kakao user in twice as one account and refreshes the profile", async () => {
    kakao().setUser(HONG);
    await signInWithKakao(newClient(), kakao().issueToken(HONG.id));
    // Let the onCreate trigger run too: it must not overwrite the newer profile afterwards.
    const first = await eventually(async () => {
      const profile = await profileOf("kakao:1001");
      return profile?.displayName === "홍길동" ? profile : undefined;
    });

    kakao().setUser({ ...HONG, nickname: "길동이", profileImageUrl: "http://k.kakaocdn.net/dn/new.jpg" });
    const again = await signInWithKakao(newClient(), kakao().issueToken(HONG.id));

    expect(again.uid).toBe("kakao:1001");
    expect((await adminAuth().listUsers()).users).toHaveLength(1);
    const second = await profileOf("kakao:1001");
    expect(second).toMatchObject({
      displayName: "길동이",
      photoURL: "https://k.kakaocdn.net/dn/new.jpg",
      providers: ["kakao"],
    });
    expect((second?.createdAt as Timestamp).isEqual(first.createdAt as Timestamp)).toBe(true);
    expect((second?.updatedAt as Timestamp).toMillis()).toBeGreaterThan(
      (first.updatedAt as Timestamp).toMillis(),
    );
  });

  it("refuses a token issued to another Kakao app, before reading the user", async () => {
    kakao().setUser(HONG);
    const token = kakao().issueToken(HONG.id, { appId: 7654321 });
    expect(await failureOf(signInWithKakao(newClient(), token))).toEqual({
      kind: "permission-denied",
      reason: "kakao-wrong-app",
    });
    expect(
      kakao()
        .requests.filter((r) => r.authorization === `Bearer ${token}`)
        .map((r) => r.path),
    ).toEqual(["/v1/user/access_token_info"]);
    expect((await adminAuth().listUsers()).users).toHaveLength(0);
  });

  it("answers unauthenticated for a forged or an expired token", async () => {
    kakao().setUser(HONG);
    const expired = kakao().issueToken(HONG.id, { expired: true });
    for (const token of ["forged-token", expired]) {
      expect(await failureOf(signInWithKakao(newClient(), token))).toEqual({
        kind: "not-signed-in",
        reason: "kakao-token-invalid",
      });
    }
  });

  it("refuses a token no Authorization header could carry as invalid-argument, not as Kakao's failure", async () => {
    kakao().setUser(HONG);
    const token = kakao().issueToken(HONG.id);
    for (const odd of [
      `${token}\r\nX-Injected: 1`,
      `${token}\n`.repeat(2),
      `토큰${token}`,
      `é${token}`,
      "a b",
      "\u0000",
    ]) {
      const response = await fetch(functionUrl("kakaoSignIn"), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ data: { accessToken: odd } }),
      });
      expect([
        odd,
        response.status,
        ((await response.json()) as { error?: { status?: string } }).error?.status,
      ]).toEqual([odd, 400, "INVALID_ARGUMENT"]);
    }
  });

  it("opens a Kakao account again when its uid comes back after a deletion", async () => {
    kakao().setUser(HONG);
    await signInWithKakao(newClient(), kakao().issueToken(HONG.id));
    await adminDb()
      .doc(firestorePaths.closedAccount(`kakao:${HONG.id}`))
      .set({ reason: "deleted" });
    await signInWithKakao(newClient(), kakao().issueToken(HONG.id));
    expect(
      (
        await adminDb()
          .doc(firestorePaths.closedAccount(`kakao:${HONG.id}`))
          .get()
      ).exists,
    ).toBe(false);
  });

  it("answers unavailable when Kakao fails with a 500", async () => {
    kakao().setUser(HONG);
    kakao().setMode({ kind: "down" });
    expect(await failureOf(signInWithKakao(newClient(), kakao().issueToken(HONG.id)))).toEqual({
      kind: "unavailable",
      reason: "kakao-unavailable",
    });
  });

  it("gives up on a Kakao that does not answer within 5 s", async () => {
    kakao().setUser(HONG);
    kakao().setMode({ kind: "slow", delayMs: 8_000 });
    const started = Date.now();
    expect(await failureOf(signInWithKakao(newClient(), kakao().issueToken(HONG.id)))).toEqual({
      kind: "unavailable",
      reason: "kakao-unavailable",
    });
    expect(Date.now() - started).toBeLessThan(7_500);
  });

  it("never attaches an email that another account owns, and leaves that account alone", async () => {
    const google = newClient();
    const credential = GoogleAuthProvider.credential(
      JSON.stringify({ sub: "google-hong", email: HONG.email, email_verified: true }),
    );
    const { user: googleUser } = await signInWithCredential(google.auth, credential);

    kakao().setUser(HONG);
    const kakaoUser = await signInWithKakao(newClient(), kakao().issueToken(HONG.id));

    expect(kakaoUser.uid).not.toBe(googleUser.uid);
    expect((await adminAuth().getUser(kakaoUser.uid)).email).toBeUndefined();
    const untouched = await adminAuth().getUser(googleUser.uid);
    expect(untouched.email).toBe(HONG.email);
    expect(untouched.providerData.map((p) => p.providerId)).toEqual(["google.com"]);
  });

  it("does not copy an email Kakao has not verified", async () => {
    kakao().setUser({ ...HONG, emailVerified: false });
    const user = await signInWithKakao(newClient(), kakao().issueToken(HONG.id));
    expect((await adminAuth().getUser(user.uid)).email).toBeUndefined();
  });
});
