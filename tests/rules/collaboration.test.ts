// Presence and version history under the rules: who reads, who writes (docs/collaboration.md).
import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  type DocumentData,
  type Firestore,
} from "firebase/firestore";
import { beforeEach, describe, it } from "vitest";
import { summaryForCreate } from "../../client/src/conversations/records.js";
import { contentRecord } from "../../client/src/schema/conversation-records.js";
import { firestorePaths } from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";
import { useRulesTestEnvironment } from "../support/rules.js";

const env = useRulesTestEnvironment();
const as = (uid: string) => env().authenticatedContext(uid).firestore() as unknown as Firestore;
const anonymous = () => env().unauthenticatedContext().firestore() as unknown as Firestore;

async function seed(path: string, data: DocumentData) {
  await env().withSecurityRulesDisabled((ctx) =>
    setDoc(doc(ctx.firestore() as unknown as Firestore, path), data),
  );
}

const presencePath = (uid: string) => firestorePaths.presenceOf("alice", "c1", uid);
const beat = (overrides: DocumentData = {}) => ({
  name: "에디",
  avatarUrl: "https://example.com/a.png",
  updatedAt: serverTimestamp(),
  expiresAt: Timestamp.fromMillis(Date.now() + 10 * 60_000),
  ...overrides,
});

beforeEach(async () => {
  await env().clearFirestore();
  const data = conversationData(3);
  // The members map is written by functions (invites); seeded here as they would leave it.
  await seed(firestorePaths.conversation("alice", "c1"), {
    ...summaryForCreate(data),
    members: { eddie: "editor", vicky: "viewer", gone: "removed" },
  });
  await seed(firestorePaths.content("alice", "c1"), contentRecord(data, 1));
  await seed(firestorePaths.version("alice", "c1", "r1"), { revision: 1 });
  await seed(firestorePaths.versionSnapshot("alice", "c1", "r1"), data);
  await seed(presencePath("vicky"), { name: "Vicky" });
});

describe("presence", () => {
  it("lets the owner, editors and viewers read who is here", async () => {
    for (const uid of ["alice", "eddie", "vicky"]) {
      await assertSucceeds(getDocs(collection(as(uid), firestorePaths.presence("alice", "c1"))));
      await assertSucceeds(getDoc(doc(as(uid), presencePath("vicky"))));
    }
  });
  it("refuses strangers, removed members and anonymous callers", async () => {
    for (const db of [as("mallory"), as("gone"), anonymous()]) {
      await assertFails(getDocs(collection(db, firestorePaths.presence("alice", "c1"))));
      await assertFails(setDoc(doc(db, presencePath("mallory")), beat()));
    }
    await assertFails(setDoc(doc(as("gone"), presencePath("gone")), beat()));
  });
  it("lets every member write only their own heartbeat", async () => {
    for (const uid of ["alice", "eddie", "vicky"]) {
      await assertSucceeds(setDoc(doc(as(uid), presencePath(uid)), beat()));
      await assertSucceeds(updateDoc(doc(as(uid), presencePath(uid)), beat({ name: "새 이름" })));
    }
    await assertFails(setDoc(doc(as("eddie"), presencePath("vicky")), beat()));
  });
  it("refuses the heartbeat of a closed account (deleted or disabled, token still valid)", async () => {
    await seed(firestorePaths.closedAccount("eddie"), { closedAt: Timestamp.now() });
    await assertFails(setDoc(doc(as("eddie"), presencePath("eddie")), beat()));
    await assertSucceeds(deleteDoc(doc(as("eddie"), presencePath("eddie"))));
  });
  it("refuses a heartbeat that is malformed or dated by the client", async () => {
    const ref = doc(as("eddie"), presencePath("eddie"));
    const hour = 60 * 60_000;
    for (const bad of [
      { extra: 1 },
      { name: "x".repeat(101) },
      { avatarUrl: 5 },
      { avatarUrl: "javascript:alert(1)" },
      { updatedAt: Timestamp.fromMillis(Date.now()) },
      { expiresAt: "soon" },
      { expiresAt: Timestamp.fromMillis(Date.now() - 60_000) },
      { expiresAt: Timestamp.fromMillis(Date.now() + 2 * hour) },
    ]) {
      await assertFails(setDoc(ref, beat(bad)));
    }
    await assertSucceeds(setDoc(ref, beat({ avatarUrl: "" })));
  });
  it("lets a member leave and the owner clear anyone, nobody else", async () => {
    await assertFails(deleteDoc(doc(as("eddie"), presencePath("vicky"))));
    await assertSucceeds(deleteDoc(doc(as("vicky"), presencePath("vicky"))));
    await seed(presencePath("vicky"), { name: "Vicky" });
    await assertSucceeds(deleteDoc(doc(as("alice"), presencePath("vicky"))));
  });
});

describe("version history", () => {
  const versions = (db: Firestore) => collection(db, firestorePaths.versions("alice", "c1"));
  it("lets the owner, editors and viewers list versions and read their copies", async () => {
    for (const uid of ["alice", "eddie", "vicky"]) {
      await assertSucceeds(getDocs(versions(as(uid))));
      await assertSucceeds(getDoc(doc(as(uid), firestorePaths.versionSnapshot("alice", "c1", "r1"))));
    }
  });
  it("refuses strangers, removed members and anonymous callers", async () => {
    for (const db of [as("mallory"), as("gone"), anonymous()]) {
      await assertFails(getDocs(versions(db)));
      await assertFails(getDoc(doc(db, firestorePaths.versionSnapshot("alice", "c1", "r1"))));
    }
  });
  it("lets nobody write history: functions do", async () => {
    for (const uid of ["alice", "eddie"]) {
      await assertFails(setDoc(doc(as(uid), firestorePaths.version("alice", "c1", "r2")), { revision: 2 }));
      await assertFails(deleteDoc(doc(as(uid), firestorePaths.version("alice", "c1", "r1"))));
      await assertFails(
        setDoc(doc(as(uid), firestorePaths.versionSnapshot("alice", "c1", "r1")), conversationData(1)),
      );
    }
  });
});
