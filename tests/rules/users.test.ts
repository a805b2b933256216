import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { deleteDoc, doc, getDoc, serverTimestamp, setDoc, Timestamp, updateDoc } from "firebase/firestore";
import { beforeEach, describe, it } from "vitest";
import { useRulesTestEnvironment } from "../support/rules.js";

const env = useRulesTestEnvironment();

beforeEach(async () => {
  await env().clearFirestore();
  await env().withSecurityRulesDisabled(async (ctx) => {
    const created = Timestamp.fromMillis(1_000);
    await setDoc(doc(ctx.firestore(), "users/alice"), {
      displayName: "Alice",
      photoURL: null,
      providers: ["google.com"],
      createdAt: created,
      updatedAt: created,
    });
    await setDoc(doc(ctx.firestore(), "rateLimits/kakaoSignIn-ip_x"), { count: 1 });
  });
});

const alice = () => doc(env().authenticatedContext("alice").firestore(), "users/alice");

describe("users/{uid}", () => {
  it("lets the owner read their profile", async () => {
    await assertSucceeds(getDoc(alice()));
  });
  it("hides a profile from other users and from anonymous callers", async () => {
    await assertFails(getDoc(doc(env().authenticatedContext("bob").firestore(), "users/alice")));
    await assertFails(getDoc(doc(env().unauthenticatedContext().firestore(), "users/alice")));
  });
  it("does not let even the owner create or delete a profile (functions do)", async () => {
    await assertFails(
      setDoc(doc(env().authenticatedContext("carol").firestore(), "users/carol"), { displayName: "C" }),
    );
    await assertFails(deleteDoc(alice()));
  });
  it("lets the owner change displayName and photoURL, stamped with the server's time", async () => {
    await assertSucceeds(
      updateDoc(alice(), {
        displayName: "앨리스",
        photoURL: "https://example.com/a.png",
        updatedAt: serverTimestamp(),
      }),
    );
    await assertSucceeds(
      updateDoc(alice(), { displayName: null, photoURL: null, updatedAt: serverTimestamp() }),
    );
  });
  it("refuses every change once the account is closed (deleted or disabled)", async () => {
    await env().withSecurityRulesDisabled((ctx) =>
      setDoc(doc(ctx.firestore(), "closedAccounts/alice"), { cause: "deleted" }),
    );
    await assertFails(updateDoc(alice(), { displayName: "Still here", updatedAt: serverTimestamp() }));
  });
  it("refuses other fields, a client-chosen updatedAt, and invalid values", async () => {
    const now = serverTimestamp();
    await assertFails(updateDoc(alice(), { providers: ["kakao"], updatedAt: now }));
    await assertFails(updateDoc(alice(), { createdAt: now, updatedAt: now }));
    await assertFails(updateDoc(alice(), { displayName: "A" }));
    await assertFails(updateDoc(alice(), { displayName: "A", updatedAt: Timestamp.fromMillis(5_000) }));
    await assertFails(updateDoc(alice(), { displayName: "", updatedAt: now }));
    await assertFails(updateDoc(alice(), { displayName: "x".repeat(101), updatedAt: now }));
    await assertFails(updateDoc(alice(), { displayName: 42, updatedAt: now }));
    await assertFails(updateDoc(alice(), { photoURL: "http://example.com/a.png", updatedAt: now }));
    await assertFails(updateDoc(alice(), { photoURL: "javascript:alert(1)", updatedAt: now }));
    await assertFails(
      updateDoc(doc(env().authenticatedContext("bob").firestore(), "users/alice"), {
        displayName: "B",
        updatedAt: now,
      }),
    );
  });
});

describe("rateLimits/{counter}", () => {
  it("is closed to every client, signed in or not", async () => {
    for (const ctx of [env().authenticatedContext("alice"), env().unauthenticatedContext()]) {
      const counter = doc(ctx.firestore(), "rateLimits/kakaoSignIn-ip_x");
      await assertFails(getDoc(counter));
      await assertFails(setDoc(counter, { count: 0 }));
    }
  });
});
