// Version history's domain functions driven directly (admin SDK on the Firestore emulator, a
// controlled clock): the 5-minute window, one version per revision, the cap, restore, access.
import type { Firestore, Timestamp } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import {
  COLLABORATION_LIMITS,
  firestorePaths,
  versionIdOf,
  type ConversationData,
} from "../../client/src/index.js";
import { contentRecord, newSummaryRecord } from "../../client/src/schema/conversation-records.js";
import {
  pruneVersions,
  recordContentWrite,
  restoreVersion,
  saveVersion,
  type VersionDeps,
} from "../../functions/src/versions/versions.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { clearFirestore } from "../support/emulators.js";

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 1, 9, 0, 30);

let db: Firestore;
/**
 * A new conversation id per test: the emulated recordVersions trigger of an earlier test's write
 * (a deletion deletes the history) can arrive late and must not touch this test's documents.
 */
let cid = "";
let run = 0;
const clock = { ms: T0 };
const deps = (): VersionDeps => ({ db, now: () => new Date(clock.ms) });
const titled = (title: string): ConversationData => ({ ...conversationData(3), title });

async function seed(data: ConversationData, revision: number) {
  const stamp = new Date(clock.ms);
  await db.doc(firestorePaths.conversation("alice", cid)).set({
    ...newSummaryRecord(data, stamp),
    revision,
    members: { eddie: "editor", vicky: "viewer" },
  });
  await db.doc(firestorePaths.content("alice", cid)).set(contentRecord(data, revision));
}
const versionRows = async () =>
  (await db.collection(firestorePaths.versions("alice", cid)).orderBy("revision").get()).docs.map((d) =>
    d.data(),
  );
const rawCopyOf = async (versionId: string) =>
  (await db.doc(firestorePaths.versionSnapshot("alice", cid, versionId)).get()).data();
/** A version's copy without its `expiresAt`, or undefined. */
const copyOf = async (versionId: string) => {
  const raw = await rawCopyOf(versionId);
  return raw && Object.fromEntries(Object.entries(raw).filter(([key]) => key !== "expiresAt"));
};
/** TTL deletes the copy when it deletes the row: both carry the same `expiresAt`. */
async function expectCopyExpiresWithRow(versionId: string) {
  const row = (await db.doc(firestorePaths.version("alice", cid, versionId)).get()).data();
  expect((await rawCopyOf(versionId))?.expiresAt).toEqual(row?.expiresAt);
  expect(row?.expiresAt).toBeDefined();
}

beforeEach(async () => {
  db = adminDb();
  clock.ms = T0;
  cid = `c${++run}`;
  await clearFirestore();
});

describe("automatic versions (recordContentWrite)", () => {
  const before = (revision: number, title: string, at: number) => ({
    data: contentRecord(titled(title), revision),
    updateTime: new Date(at),
  });

  it("keeps the previous state when a save opens a new 5-minute window, once per window", async () => {
    const after = contentRecord(titled("new"), 3);
    // Same window as the previous write: nothing.
    clock.ms = T0 + 2 * MINUTE;
    expect(await recordContentWrite(deps(), "alice", cid, before(2, "old", T0), after)).toBe("skipped");
    // The next window: the state the last one ended with is kept, once (retried events too).
    clock.ms = T0 + COLLABORATION_LIMITS.autoVersionEveryMinutes * MINUTE;
    expect(await recordContentWrite(deps(), "alice", cid, before(2, "old", T0), after)).toBe("kept");
    expect(await recordContentWrite(deps(), "alice", cid, before(2, "old", T0), after)).toBe("skipped");
    expect(await versionRows()).toMatchObject([{ revision: 2, kind: "auto", title: "old", createdBy: null }]);
    expect(await copyOf(versionIdOf(2))).toEqual(titled("old"));
    await expectCopyExpiresWithRow(versionIdOf(2));
    const [row] = (await versionRows()) as { createdAt: Timestamp; expiresAt: Timestamp }[];
    expect(row!.expiresAt.toMillis() - row!.createdAt.toMillis()).toBe(
      COLLABORATION_LIMITS.versionKeepDays * 24 * 60 * MINUTE,
    );
  });

  it("keeps nothing for a create or an unreadable previous state, and deletes history with the conversation", async () => {
    clock.ms = T0 + 10 * MINUTE;
    expect(await recordContentWrite(deps(), "alice", cid, undefined, contentRecord(titled("a"), 1))).toBe(
      "skipped",
    );
    const broken = { data: { revision: 1, title: 5 }, updateTime: new Date(T0) };
    expect(await recordContentWrite(deps(), "alice", cid, broken, contentRecord(titled("a"), 2))).toBe(
      "skipped",
    );
    expect(
      await recordContentWrite(deps(), "alice", cid, before(4, "x", T0), contentRecord(titled("y"), 5)),
    ).toBe("kept");
    await db.doc(firestorePaths.presenceOf("alice", cid, "eddie")).set({ name: "Eddie" });
    expect(await recordContentWrite(deps(), "alice", cid, before(5, "y", T0), undefined)).toBe("deleted");
    expect(await versionRows()).toEqual([]);
    expect(await copyOf(versionIdOf(4))).toBeUndefined();
    expect((await db.doc(firestorePaths.presenceOf("alice", cid, "eddie")).get()).exists).toBe(false);
  });

  it("keeps at most versionsPerConversation, deleting the oldest with their copies", async () => {
    const cap = COLLABORATION_LIMITS.versionsPerConversation;
    const batch = db.batch();
    for (let revision = 1; revision <= cap + 2; revision++) {
      const ref = db.doc(firestorePaths.version("alice", cid, versionIdOf(revision)));
      batch.set(ref, { revision, createdAt: new Date(T0 + revision * MINUTE) });
      batch.set(ref.collection("snapshot").doc("current"), titled(`v${revision}`));
    }
    await batch.commit();
    expect(await pruneVersions(db, "alice", cid)).toBe(2);
    const rows = await versionRows();
    expect(rows).toHaveLength(cap);
    expect(rows[0]).toMatchObject({ revision: 3 });
    expect(await copyOf(versionIdOf(1))).toBeUndefined();
    expect(await pruneVersions(db, "alice", cid)).toBe(0);
  });
});

describe("saveVersion and restoreVersion", () => {
  const ref = () => ({ ownerUid: "alice", conversationId: cid });

  it("keeps a named version for the owner and editors; names an automatic one in place", async () => {
    await seed(titled("first"), 1);
    expect(await saveVersion(deps(), "eddie", { ...ref(), name: "초안" })).toEqual({
      versionId: "r1",
      revision: 1,
    });
    expect(await versionRows()).toMatchObject([
      { revision: 1, kind: "named", name: "초안", createdBy: "eddie" },
    ]);
    await seed(titled("second"), 2);
    await recordContentWrite(
      { db, now: () => new Date(T0 + 6 * MINUTE) },
      "alice",
      cid,
      { data: contentRecord(titled("second"), 2), updateTime: new Date(T0) },
      contentRecord(titled("third"), 3),
    );
    await saveVersion(deps(), "alice", { ...ref(), name: "둘째" });
    expect((await versionRows())[1]).toMatchObject({
      revision: 2,
      kind: "named",
      name: "둘째",
      createdBy: "alice",
    });
  });

  it("keeps overwritten text only while the conversation is still at that revision", async () => {
    await seed(titled("theirs"), 4);
    const asked = { ...ref(), revision: 3, kind: "overwritten" as const };
    expect(await saveVersion(deps(), "eddie", asked)).toEqual({ versionId: null, revision: 4 });
    expect(await saveVersion(deps(), "eddie", { ...asked, revision: 4 })).toEqual({
      versionId: "r4",
      revision: 4,
    });
    expect(await versionRows()).toMatchObject([{ revision: 4, kind: "overwritten", name: null }]);
  });

  it("restores a version as a new revision and keeps what it replaced", async () => {
    await seed(titled("old"), 1);
    await saveVersion(deps(), "alice", { ...ref(), name: "old" });
    await seed(titled("current"), 2);
    expect(await restoreVersion(deps(), "eddie", { ...ref(), versionId: "r1" })).toEqual({
      revision: 3,
      keptAs: "r2",
    });
    const content = (await db.doc(firestorePaths.content("alice", cid)).get()).data();
    // The restored copy keeps the members (the rules read them from this very document).
    expect(content).toEqual({
      ...contentRecord(titled("old"), 3),
      members: { eddie: "editor", vicky: "viewer" },
    });
    const summary = (await db.doc(firestorePaths.conversation("alice", cid)).get()).data();
    expect(summary).toMatchObject({ title: "old", revision: 3, members: { eddie: "editor" } });
    expect(await copyOf("r2")).toEqual(titled("current"));
    await expectCopyExpiresWithRow("r2");
    expect((await versionRows())[1]).toMatchObject({
      revision: 2,
      kind: "before-restore",
      createdBy: "eddie",
    });
  });

  it("refuses viewers (not-an-editor), strangers and missing versions (not-found)", async () => {
    await seed(titled("x"), 1);
    await expect(saveVersion(deps(), "vicky", { ...ref(), name: "n" })).rejects.toMatchObject({
      code: "permission-denied",
      reason: "not-an-editor",
    });
    await expect(restoreVersion(deps(), "vicky", { ...ref(), versionId: "r1" })).rejects.toMatchObject({
      reason: "not-an-editor",
    });
    await expect(saveVersion(deps(), "mallory", { ...ref(), name: "n" })).rejects.toMatchObject({
      code: "not-found",
      reason: "conversation-not-found",
    });
    await expect(restoreVersion(deps(), "alice", { ...ref(), versionId: "r9" })).rejects.toMatchObject({
      code: "not-found",
      reason: "version-not-found",
    });
    await db.doc(firestorePaths.content("alice", cid)).set({ revision: 1, title: 1 });
    await expect(saveVersion(deps(), "alice", { ...ref(), name: "n" })).rejects.toMatchObject({
      reason: "conversation-invalid",
    });
  });
});
