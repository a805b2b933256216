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
  type DocumentData,
  type Firestore,
} from "firebase/firestore";
import { beforeEach, describe, it } from "vitest";
import { summaryForCreate } from "../../client/src/conversations/records.js";
import { contentRecord } from "../../client/src/schema/conversation-records.js";
import { COLLABORATION_LIMITS, firestorePaths } from "../../client/src/index.js";
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
/** Everyone's profile name is their uid, capitalised; Eddie's has a photo too. */
const profileName = (uid: string) => uid[0]!.toUpperCase() + uid.slice(1);
const EDDIE_PHOTO = "https://example.com/a.png";
const beat = (overrides: DocumentData = {}, uid = "eddie") => ({
  name: profileName(uid),
  avatarUrl: uid === "eddie" ? EDDIE_PHOTO : "",
  updatedAt: serverTimestamp(),
  expiresAt: Timestamp.fromMillis(Date.now() + 10 * 60_000),
  ...overrides,
});
const leaving = (uid = "eddie") => beat({ expiresAt: serverTimestamp() }, uid);
/** A heartbeat written `secondsAgo` (as the rules see its updatedAt). */
const beatAgo = (uid: string, secondsAgo: number, left = false) => {
  const at = Timestamp.fromMillis(Date.now() - secondsAgo * 1000);
  return {
    ...beat({}, uid),
    updatedAt: at,
    expiresAt: left ? at : Timestamp.fromMillis(Date.now() + 60_000),
  };
};

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
  await seed(presencePath("vicky"), beatAgo("vicky", 60));
  for (const uid of ["alice", "eddie", "vicky", "gone", "mallory"]) {
    await seed(firestorePaths.user(uid), {
      displayName: profileName(uid),
      photoURL: uid === "eddie" ? EDDIE_PHOTO : null,
    });
  }
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
    await assertFails(setDoc(doc(as("gone"), presencePath("gone")), beat({}, "gone")));
  });
  it("lets every member write only their own heartbeat", async () => {
    for (const uid of ["alice", "eddie", "vicky"]) {
      await assertSucceeds(setDoc(doc(as(uid), presencePath(uid)), beat({}, uid)));
    }
    await assertFails(setDoc(doc(as("eddie"), presencePath("vicky")), beat({}, "vicky")));
  });
  it("shows the name and photo of the writer's profile, nothing the writer claims", async () => {
    const ref = doc(as("eddie"), presencePath("eddie"));
    await assertFails(setDoc(ref, beat({ name: "Alice" })));
    await assertFails(setDoc(ref, beat({ avatarUrl: "https://example.com/alice.png" })));
    await assertFails(setDoc(ref, beat({ avatarUrl: "" })));
    // No profile (yet): no name, no photo.
    await env().withSecurityRulesDisabled((ctx) =>
      deleteDoc(doc(ctx.firestore() as unknown as Firestore, firestorePaths.user("eddie"))),
    );
    await assertFails(setDoc(ref, beat()));
    await assertSucceeds(setDoc(ref, beat({ name: "", avatarUrl: "" })));
  });
  it("holds each member to the heartbeat's rate: leaving once at once, the next beat after a wait", async () => {
    const ref = doc(as("eddie"), presencePath("eddie"));
    await assertFails(setDoc(ref, leaving()));
    await assertSucceeds(setDoc(ref, beat()));
    await assertFails(setDoc(ref, beat()));
    await assertSucceeds(setDoc(ref, leaving()));
    await assertFails(setDoc(ref, leaving()));
    await assertFails(setDoc(ref, beat()));
    const wait = COLLABORATION_LIMITS.presenceMinBeatSeconds;
    await seed(presencePath("eddie"), beatAgo("eddie", wait - 2));
    await assertFails(setDoc(ref, beat()));
    await seed(presencePath("eddie"), beatAgo("eddie", wait + 1, true));
    await assertSucceeds(setDoc(ref, beat()));
    // Deleting and creating again would skip the wait: members never delete theirs.
    await assertFails(deleteDoc(ref));
  });
  it("refuses the heartbeat of a closed account (deleted or disabled, token still valid)", async () => {
    await seed(firestorePaths.closedAccount("eddie"), { closedAt: Timestamp.now() });
    await assertFails(setDoc(doc(as("eddie"), presencePath("eddie")), beat()));
  });
  it("refuses a heartbeat that is malformed or dated by the client", async () => {
    const ref = doc(as("eddie"), presencePath("eddie"));
    const hour = 60 * 60_000;
    for (const bad of [
      { extra: 1 },
      { name: 5 },
      { avatarUrl: 5 },
      { updatedAt: Timestamp.fromMillis(Date.now()) },
      { expiresAt: "soon" },
      { expiresAt: Timestamp.fromMillis(Date.now() - 60_000) },
      { expiresAt: Timestamp.fromMillis(Date.now() + 2 * hour) },
    ]) {
      await assertFails(setDoc(ref, beat(bad)));
    }
    await assertSucceeds(setDoc(ref, beat()));
  });
  it("lets the owner clear anyone else's, nobody else", async () => {
    await assertFails(deleteDoc(doc(as("eddie"), presencePath("vicky"))));
    await assertFails(deleteDoc(doc(as("vicky"), presencePath("vicky"))));
    await assertSucceeds(deleteDoc(doc(as("alice"), presencePath("vicky"))));
    await seed(presencePath("alice"), beat({}, "alice"));
    await assertFails(deleteDoc(doc(as("alice"), presencePath("alice"))));
  });
});

describe("version history", () => {
  const versions = (db: Firestore) => collection(db, firestorePaths.versions("alice", "c1"));
  it("lets the owner and editors list versions and read their copies", async () => {
    for (const uid of ["alice", "eddie"]) {
      await assertSucceeds(getDocs(versions(as(uid))));
      await assertSucceeds(getDoc(doc(as(uid), firestorePaths.versionSnapshot("alice", "c1", "r1"))));
    }
  });
  it("refuses viewers (history may hold what was deleted before they came), strangers, removed members, anonymous callers", async () => {
    for (const db of [as("vicky"), as("mallory"), as("gone"), anonymous()]) {
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
