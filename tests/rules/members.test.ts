// The rules matrix of shared conversations (docs/collaboration.md): who may read, list, save,
// delete, change members and touch invites, for every kind of caller.
import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  onSnapshot,
  query,
  setDoc,
  updateDoc,
  where,
  writeBatch,
  type DocumentData,
  type Firestore,
} from "firebase/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { summaryForCreate, summaryForSave } from "../../client/src/conversations/records.js";
import { contentRecord } from "../../client/src/schema/conversation-records.js";
import type { MemberMap } from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";
import { eventually } from "../support/eventually.js";
import { useRulesTestEnvironment } from "../support/rules.js";
import { saveIdsOf } from "../support/save-ids.js";

const env = useRulesTestEnvironment();
const SUMMARY = "users/alice/conversations/c1";
const CONTENT = `${SUMMARY}/content/current`;
const MEMBERS: MemberMap = { ed: "editor", vi: "viewer", closedEd: "editor" };

const as = (uid: string) => env().authenticatedContext(uid).firestore() as unknown as Firestore;
const anonymous = () => env().unauthenticatedContext().firestore() as unknown as Firestore;

async function admin(write: (db: Firestore) => Promise<unknown>) {
  await env().withSecurityRulesDisabled((ctx) =>
    write(ctx.firestore() as unknown as Firestore).then(() => undefined),
  );
}
const setMembers = (members: MemberMap) =>
  admin(async (db) => {
    const batch = writeBatch(db);
    batch.update(doc(db, SUMMARY), { members, memberUids: Object.keys(members) });
    batch.update(doc(db, CONTENT), { members });
    await batch.commit();
  });

/**
 * A save as the client sends it: both documents updated, revision + 1, members left alone, the save
 * ids under `saver` (`extra.content` may replace them).
 */
function save(db: Firestore, extra: { summary?: DocumentData; content?: DocumentData; saver?: string } = {}) {
  const data = conversationData(7, "함께 고친 제목");
  const batch = writeBatch(db);
  batch.update(doc(db, SUMMARY), { ...summaryForSave(data, 2), ...extra.summary });
  const ids = extra.saver ? saveIdsOf(extra.saver, 2) : {};
  batch.update(doc(db, CONTENT), { ...contentRecord(data, 2), ...ids, ...extra.content });
  return batch.commit();
}

function remove(db: Firestore) {
  const batch = writeBatch(db);
  batch.delete(doc(db, CONTENT));
  batch.delete(doc(db, SUMMARY));
  return batch.commit();
}

const sharedWithMe = (db: Firestore, uid: string) =>
  getDocs(query(collectionGroup(db, "conversations"), where("memberUids", "array-contains", uid)));

beforeEach(async () => {
  await env().clearFirestore();
  await admin(async (db) => {
    const data = conversationData();
    await setDoc(doc(db, SUMMARY), summaryForCreate(data));
    await setDoc(doc(db, CONTENT), contentRecord(data, 1));
    await setDoc(doc(db, "closedAccounts/closedEd"), { cause: "deleted" });
  });
  // "gone" was a member and was removed: the map no longer names them.
  await setMembers({ ...MEMBERS, gone: "editor" });
  await setMembers(MEMBERS);
});

type Caller = "owner" | "editor" | "viewer" | "removed member" | "stranger" | "closed editor" | "anonymous";
const callers: Record<Caller, { db: () => Firestore; uid: string | null }> = {
  owner: { db: () => as("alice"), uid: "alice" },
  editor: { db: () => as("ed"), uid: "ed" },
  viewer: { db: () => as("vi"), uid: "vi" },
  "removed member": { db: () => as("gone"), uid: "gone" },
  stranger: { db: () => as("bob"), uid: "bob" },
  "closed editor": { db: () => as("closedEd"), uid: "closedEd" },
  anonymous: { db: anonymous, uid: null },
};

const expectation = (allowed: boolean) => (allowed ? assertSucceeds : assertFails);

describe.each<[Caller, { read: boolean; save: boolean; delete: boolean }]>([
  ["owner", { read: true, save: true, delete: true }],
  ["editor", { read: true, save: true, delete: false }],
  ["viewer", { read: true, save: false, delete: false }],
  ["removed member", { read: false, save: false, delete: false }],
  ["stranger", { read: false, save: false, delete: false }],
  ["closed editor", { read: false, save: false, delete: false }],
  ["anonymous", { read: false, save: false, delete: false }],
])("a shared conversation, as the %s", (caller, may) => {
  const { db, uid } = callers[caller];

  it(`${may.read ? "may" : "may not"} read both documents`, async () => {
    await expectation(may.read)(getDoc(doc(db(), SUMMARY)));
    await expectation(may.read)(getDoc(doc(db(), CONTENT)));
  });

  it(`${may.read ? "may" : "may not"} listen to the content`, async () => {
    const answer = await new Promise<"data" | "refused">((resolve) => {
      const stop = onSnapshot(
        doc(db(), CONTENT),
        () => (stop(), resolve("data")),
        () => resolve("refused"),
      );
    });
    expect(answer).toBe(may.read ? "data" : "refused");
  });

  it(`lists the owner's collection only as the owner, and finds it shared ${may.read && caller !== "owner" ? "with them" : "with nobody but members"}`, async () => {
    await expectation(caller === "owner")(getDocs(collection(db(), "users/alice/conversations")));
    if (uid === null || caller === "closed editor") {
      await assertFails(sharedWithMe(db(), uid ?? "ed"));
      return;
    }
    const found = await assertSucceeds(sharedWithMe(db(), uid));
    expect(found.docs.map((d) => d.ref.path)).toEqual(
      caller === "editor" || caller === "viewer" ? [SUMMARY] : [],
    );
  });

  it(`${may.save ? "may" : "may not"} save it`, async () => {
    await expectation(may.save)(save(db(), { saver: uid ?? "anonymous" }));
  });

  it(`${may.delete ? "may" : "may not"} delete it`, async () => {
    await expectation(may.delete)(remove(db()));
  });

  it("may not change its members on either document", async () => {
    const members = { ...MEMBERS, [uid ?? "friend"]: "editor", friend: "editor" };
    const saver = uid ?? "anonymous";
    await assertFails(save(db(), { summary: { members }, content: { members }, saver }));
    await assertFails(save(db(), { summary: { memberUids: [] }, saver }));
    await assertFails(save(db(), { content: { members: {} }, saver }));
    await assertFails(updateDoc(doc(db(), SUMMARY), { members }));
  });

  it("may not read or write invites", async () => {
    await admin((admin) => setDoc(doc(admin, "invites/abc"), { ownerUid: "alice", conversationId: "c1" }));
    await assertFails(getDoc(doc(db(), "invites/abc")));
    await assertFails(getDocs(collection(db(), "invites")));
    await assertFails(
      setDoc(doc(db(), "invites/new"), { ownerUid: "alice", conversationId: "c1", role: "editor" }),
    );
    await assertFails(deleteDoc(doc(db(), "invites/abc")));
  });
});

describe("an editor's save id", () => {
  it("goes under their own uid in `lastWriteBy` and `savedBy`, never the owner's or another member's", async () => {
    const slot = { "writes.2": "a", savedBy: "ed" };
    await assertFails(save(as("ed"), { content: { ...slot, "lastWriteBy.alice.t": "a" } }));
    await assertFails(save(as("ed"), { content: { ...slot, "lastWriteBy.vi.t": "a" } }));
    await assertFails(
      save(as("ed"), { content: { ...slot, "lastWriteBy.ed.t": "a", "lastWriteBy.vi.t": "b" } }),
    );
    await assertFails(save(as("ed"), { content: { ...slot, "lastWriteBy.ed.t": "a", savedBy: "alice" } }));
    await assertSucceeds(save(as("ed"), { content: { ...slot, "lastWriteBy.ed.t": "a" } }));
  });

  it("may not erase or replace another saver's entry", async () => {
    await admin((db) => updateDoc(doc(db, CONTENT), { "lastWriteBy.alice": { t: "x" } }));
    const slot = { "writes.2": "a", savedBy: "ed" };
    await assertFails(save(as("ed"), { content: { ...slot, lastWriteBy: { ed: { t: "a" } } } }));
    await assertFails(
      save(as("ed"), { content: { ...slot, lastWriteBy: { ed: { t: "a" }, alice: { t: "y" } } } }),
    );
    await assertSucceeds(
      save(as("ed"), { content: { ...slot, lastWriteBy: { ed: { t: "a" }, alice: { t: "x" } } } }),
    );
  });
});

describe("creating with members", () => {
  it("refuses a new conversation that names members itself", async () => {
    const db = as("alice");
    const data = conversationData();
    const batch = writeBatch(db);
    batch.set(doc(db, "users/alice/conversations/c2"), {
      ...summaryForCreate(data),
      members: { bob: "editor" },
    });
    batch.set(doc(db, "users/alice/conversations/c2/content/current"), {
      ...contentRecord(data, 1),
      members: {},
    });
    await assertFails(batch.commit());
  });
});

describe("losing membership", () => {
  it("refuses a member's open listener as soon as the map no longer names them", async () => {
    const events: string[] = [];
    const stop = onSnapshot(
      doc(as("vi"), CONTENT),
      () => events.push("data"),
      (error) => events.push(error.code),
    );
    const after = (count: number) =>
      eventually(() => Promise.resolve(events.length >= count ? events : undefined));
    await after(1);
    await setMembers({ ed: "editor", closedEd: "editor" });
    expect(await after(2)).toEqual(["data", "permission-denied"]);
    stop();
  });
  it("turns an editor who became a viewer away from saving", async () => {
    await setMembers({ ...MEMBERS, ed: "viewer" });
    await assertFails(save(as("ed"), { saver: "ed" }));
    await assertSucceeds(getDoc(doc(as("ed"), CONTENT)));
  });
});
