import type { DocumentReference, Firestore } from "firebase-admin/firestore";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteAccount, firestorePaths, storagePaths } from "../../client/src/index.js";
import { deleteUserData } from "../../functions/src/account-deletion/delete-user-data.js";
import { adminAuth, adminBucket, adminDb } from "../support/admin.js";
import { eventually } from "../support/eventually.js";
import { functionUrl, clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";
import { signInWithFakeGoogle } from "../support/sign-in.js";
import { storageSkipReason } from "../support/storage-emulator.js";

beforeEach(async () => {
  await Promise.all([clearAuth(), clearFirestore()]);
});
afterAll(closeClients);

/** Every document path in the database, sub-collections included (even under missing parents). */
async function allDocumentPaths(db: Firestore): Promise<string[]> {
  const paths: string[] = [];
  const walk = async (collections: Awaited<ReturnType<Firestore["listCollections"]>>) => {
    for (const collection of collections) {
      for (const ref of await collection.listDocuments()) {
        if ((await ref.get()).exists) paths.push(ref.path);
        await walk(await ref.listCollections());
      }
    }
  };
  await walk(await db.listCollections());
  return paths.sort();
}

/** What a user owns, as the conversations and shares features store it (and a companion). */
async function seedOwnedData(db: Firestore, uid: string, shareCode: string): Promise<DocumentReference[]> {
  const refs = [
    firestorePaths.conversation(uid, "c1"),
    firestorePaths.content(uid, "c1"),
    firestorePaths.conversation(uid, "c2"),
    firestorePaths.throttle(uid, "conversationCreates"),
    firestorePaths.ownShare(uid, shareCode),
    firestorePaths.share(shareCode),
    firestorePaths.shareOwner(shareCode),
    firestorePaths.shareSecret(shareCode),
    `${firestorePaths.shareViewShards(shareCode)}/0`,
  ].map((path) => db.doc(path));
  await Promise.all(refs.map((ref) => ref.set({ ownerUid: uid })));
  return refs;
}

describe("account deletion", () => {
  it("deletes everything the user owned when the account is deleted, and nothing of anyone else's", async () => {
    const db = adminDb();
    const leaving = newClient();
    const user = await signInWithFakeGoogle(leaving, { sub: "leaving", name: "Leaving" });
    await eventually(async () =>
      (await db.doc(firestorePaths.user(user.uid)).get()).exists ? true : undefined,
    );
    await seedOwnedData(db, user.uid, "LEAVE01");
    const stayer = await signInWithFakeGoogle(newClient(), { sub: "staying", name: "Staying" });
    await eventually(async () =>
      (await db.doc(firestorePaths.user(stayer.uid)).get()).exists ? true : undefined,
    );
    const kept = await seedOwnedData(db, stayer.uid, "STAY001");

    await deleteAccount(leaving);

    const remaining = await eventually(async () => {
      const paths = await allDocumentPaths(db);
      const tombstone = firestorePaths.closedAccount(user.uid);
      const owned = (path: string) =>
        path !== tombstone && (path.includes(user.uid) || path.includes("LEAVE01"));
      return paths.some(owned) ? undefined : paths;
    });
    // What remains of the account is its tombstone (kept a day: docs/sign-in.md).
    expect(remaining).toEqual(
      [
        firestorePaths.closedAccount(user.uid),
        firestorePaths.user(stayer.uid),
        ...kept.map((ref) => ref.path),
      ].sort(),
    );
  });
});

describe("a disabled or revoked account", () => {
  it("is refused by every signed-in callable while its ID token is still unexpired", async () => {
    const ts = newClient();
    const user = await signInWithFakeGoogle(ts, { sub: "disabled", name: "Disabled" });
    const createShare = async (token: string) => {
      const response = await fetch(functionUrl("createShare"), {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify({ data: { conversationId: "c1" } }),
      });
      const body = (await response.json()) as { error?: { details?: { reason?: string } } };
      return [response.status, body.error?.details?.reason];
    };
    const token = await user.getIdToken();
    expect(await createShare(token)).toEqual([404, "conversation-not-found"]);
    await adminAuth().updateUser(user.uid, { disabled: true });
    expect(await createShare(token)).toEqual([401, "account-closed"]);
    await adminAuth().updateUser(user.uid, { disabled: false });
    // Revoking the refresh tokens (a password change, "sign out everywhere") ends the old ID tokens too.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await adminAuth().revokeRefreshTokens(user.uid);
    expect(await createShare(token)).toEqual([401, "account-closed"]);
  });
});

describe("deleteUserData (domain)", () => {
  it.skipIf(storageSkipReason)(
    `deletes the user's files in Storage and nobody else's${storageSkipReason}`,
    async () => {
      const bucket = adminBucket();
      const files = (uid: string) => storagePaths.ownedBy(uid).map((prefix) => `${prefix}a.png`);
      await Promise.all([...files("u1"), ...files("u9")].map((name) => bucket.file(name).save("a")));
      const summary = await deleteUserData("u1", { db: adminDb(), files: bucket, log: () => undefined });
      expect(summary).toEqual({ sharesDeleted: 0, storage: "deleted" });
      const [left] = await bucket.getFiles();
      expect(left.map((file) => file.name).sort()).toEqual(files("u9").sort());
    },
  );

  it("finishes the Firestore part and logs the skip when Storage is not available", async () => {
    const db = adminDb();
    await seedOwnedData(db, "u2", "U2SHARE");
    const log = vi.fn();
    const summary = await deleteUserData("u2", { db, files: null, log });
    expect(summary).toEqual({ sharesDeleted: 1, invitesDeleted: 0, membershipsEnded: 0, storage: "skipped" });
    expect(log).toHaveBeenCalledWith(expect.stringContaining("Storage"), {
      uid: "u2",
      prefixes: storagePaths.ownedBy("u2"),
    });
    expect(await allDocumentPaths(db)).toEqual([]);
  });

  it("deletes the user's shares a page at a time: more than one page, all of them", async () => {
    const db = adminDb();
    const codes = Array.from({ length: 5 }, (_, i) => `U3SHARE${i}`);
    await Promise.all(codes.map((code) => seedOwnedData(db, "u3", code)));
    await seedOwnedData(db, "u4", "U4SHARE");
    const summary = await deleteUserData("u3", { db, files: null, log: () => undefined, pageSize: 2 });
    expect(summary.sharesDeleted).toBe(5);
    const left = await allDocumentPaths(db);
    expect(left.filter((path) => path.includes("U3SHARE") || path.includes("u3"))).toEqual([]);
    expect(left).toContain(firestorePaths.share("U4SHARE"));
  });
});
