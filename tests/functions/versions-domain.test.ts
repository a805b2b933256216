// Version history's domain functions driven directly (admin SDK on the Firestore emulator, a
// controlled clock): the 5-minute window, one version per revision, each author's quota, restore,
// access, rate limits, and what a hostile editor cannot do to others' versions.
import type { Firestore, Timestamp } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import {
  COLLABORATION_LIMITS,
  firestorePaths,
  LIMITS,
  RATE_LIMITS,
  versionIdOf,
  type ConversationData,
} from "../../client/src/index.js";
import { contentRecord, newSummaryRecord } from "../../client/src/schema/conversation-records.js";
import { authorOf, pruneAuthor, windowOf } from "../../functions/src/collaboration/version-retention.js";
import {
  recordContentWrite,
  restoreVersion,
  saveVersion,
  type VersionDeps,
} from "../../functions/src/collaboration/version-history.js";
import { endDeletedConversation } from "../../functions/src/conversations/conversation-deletion.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { clearFirestore } from "../support/emulators.js";

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 1, 9, 0, 30);

let db: Firestore;
/**
 * A new conversation id per test: the emulated recordVersions trigger of an earlier test's write
 * (a deletion ends the history) can arrive late and must not touch this test's documents.
 */
let cid = "";
let run = 0;
const clock = { ms: T0 };
const deps = (): VersionDeps => ({ db, now: () => new Date(clock.ms) });
const titled = (title: string): ConversationData => ({ ...conversationData(3), title });

/** Save ids as a client's save sets them (rules: validWrites): `savedBy` names `saver`. */
const saveIdsBy = (saver: string, revision: number) => {
  const writeId = `w${revision}${saver}`.slice(0, LIMITS.writeIdChars);
  return {
    writes: { [String(revision % LIMITS.writeSlots)]: writeId },
    lastWriteBy: { [saver]: { tab1: writeId } },
    savedBy: saver,
  };
};

/** The conversation at `revision`, saved by `saver` (the owner's create when none). */
async function seed(data: ConversationData, revision: number, saver?: string) {
  const stamp = new Date(clock.ms);
  await db.doc(firestorePaths.conversation("alice", cid)).set({
    ...newSummaryRecord(data, stamp),
    revision,
    members: { eddie: "editor", vicky: "viewer", olga: "editor" },
  });
  await db
    .doc(firestorePaths.content("alice", cid))
    .set({ ...contentRecord(data, revision), ...(saver ? saveIdsBy(saver, revision) : {}) });
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
    expect(await recordContentWrite(deps(), "alice", cid, before(5, "y", T0), undefined)).toBe("skipped");
    await endDeletedConversation(deps(), "alice", cid);
    expect(await versionRows()).toEqual([]);
    expect(await copyOf(versionIdOf(4))).toBeUndefined();
    expect((await db.doc(firestorePaths.presenceOf("alice", cid, "eddie")).get()).exists).toBe(false);
  });

  it("keeps per author one state per window and versionsPerAuthor windows, touching nobody else's", async () => {
    const cap = COLLABORATION_LIMITS.versionsPerAuthor;
    const batch = db.batch();
    const row = (revision: number, author: string, window: number, kind = "auto") => {
      const ref = db.doc(firestorePaths.version("alice", cid, versionIdOf(revision)));
      batch.set(ref, { revision, author, window, kind, createdAt: new Date(T0 + revision * MINUTE) });
      batch.set(ref.collection("snapshot").doc("current"), titled(`v${revision}`));
    };
    // Eddie: one state in window 1, two in window 2 (the older goes), then cap - 1 more windows: the
    // oldest window goes too.
    row(1, "eddie", 1);
    row(2, "eddie", 2);
    row(3, "eddie", 2);
    for (let w = 3; w <= cap + 1; w++) row(w + 1, "eddie", w);
    // Alice's versions and Eddie's named one are never his quota's.
    row(100, "alice", 1);
    row(101, "eddie", 1, "named");
    await batch.commit();
    expect(await pruneAuthor(db, "alice", cid, "eddie")).toBe(2);
    const rows = await versionRows();
    expect(rows.filter((r) => r.author === "eddie" && r.kind !== "named")).toHaveLength(cap);
    const revisions = rows.map((r) => r.revision as number);
    expect(revisions).not.toContain(1);
    expect(revisions).not.toContain(2);
    expect(revisions).toEqual(expect.arrayContaining([3, 100, 101]));
    expect(await copyOf(versionIdOf(2))).toBeUndefined();
    expect(await pruneAuthor(db, "alice", cid, "eddie")).toBe(0);
  });

  it("keeps someone's state when another person saves over it, even within the window", async () => {
    const saved = (revision: number, title: string, saver: string) => ({
      data: { ...contentRecord(titled(title), revision), ...saveIdsBy(saver, revision) },
      updateTime: new Date(T0),
    });
    clock.ms = T0 + MINUTE;
    const eddies = { ...contentRecord(titled("eddie's"), 3), ...saveIdsBy("eddie", 3) };
    expect(await recordContentWrite(deps(), "alice", cid, saved(2, "alice's", "alice"), eddies)).toBe("kept");
    // The same person's next save within the window keeps nothing.
    const again = { ...contentRecord(titled("eddie's 2"), 4), ...saveIdsBy("eddie", 4) };
    expect(await recordContentWrite(deps(), "alice", cid, saved(3, "eddie's", "eddie"), again)).toBe(
      "skipped",
    );
    expect(await versionRows()).toMatchObject([
      { revision: 2, kind: "auto", author: "alice", window: windowOf(new Date(T0)) },
    ]);
  });

  it("names the saver of a revision by `savedBy`, an older document by its save id, else the owner", () => {
    expect(authorOf({ revision: 3, ...saveIdsBy("eddie", 3) }, "alice")).toBe("eddie");
    expect(authorOf(contentRecord(titled("x"), 3), "alice")).toBe("alice");
    // Saved before `savedBy`: the id in the revision's slot, under the saver's key.
    expect(authorOf({ revision: 3, writes: { "3": "old" }, lastWriteBy: { eddie: "old" } }, "alice")).toBe(
      "eddie",
    );
    // A slot left from an older revision whose saver has saved since names nobody.
    expect(authorOf({ revision: 3, writes: { "3": "old" }, lastWriteBy: { eddie: "new" } }, "alice")).toBe(
      "alice",
    );
  });

  it("undoes a save the rules let through but the schema refuses", async () => {
    await seed(titled("good"), 2);
    const bad = contentRecord(titled("bad"), 3) as Record<string, unknown>;
    const conversation = bad.conversation as { messages: Record<string, unknown>[] };
    conversation.messages[0] = { ...conversation.messages[0], text: 42 };
    await db.doc(firestorePaths.content("alice", cid)).set({ ...bad, ...saveIdsBy("eddie", 3) });
    const before = { data: contentRecord(titled("good"), 2), updateTime: new Date(T0) };
    // The emulated trigger undoes it too: whichever comes first, it is undone once.
    await recordContentWrite(deps(), "alice", cid, before, bad);
    const content = (await db.doc(firestorePaths.content("alice", cid)).get()).data();
    expect(content).toMatchObject({ ...contentRecord(titled("good"), 4), members: { eddie: "editor" } });
    // A retried event finds the content moved on.
    expect(await recordContentWrite(deps(), "alice", cid, before, bad)).toBe("skipped");
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
      { revision: 1, kind: "named", name: "초안", createdBy: "eddie", author: "alice" },
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
    // The restored copy keeps the members (the rules read them from this very document), and is
    // the caller's save (its save id names them).
    const { writes, lastWriteBy, savedBy, ...rest } = content!;
    expect(rest).toEqual({
      ...contentRecord(titled("old"), 3),
      members: { eddie: "editor", vicky: "viewer", olga: "editor" },
    });
    expect(Object.keys(writes as object)).toEqual(["3"]);
    expect(savedBy).toBe("eddie");
    // Only a tab looks for its own save in `lastWriteBy`: a restore leaves it as it was.
    expect(lastWriteBy).toEqual({});
    expect(authorOf(content!, "alice")).toBe("eddie");
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
    // Written over nothing: the recordVersions trigger the emulators run undoes an invalid save
    // written over a valid copy, and would race this test.
    const content = db.doc(firestorePaths.content("alice", cid));
    await content.delete();
    await content.set({ revision: 1, title: 1 });
    await expect(saveVersion(deps(), "alice", { ...ref(), name: "n" })).rejects.toMatchObject({
      reason: "conversation-invalid",
    });
  });

  it("restores whatever the content holds, even a state the schema refuses", async () => {
    await seed(titled("good"), 1);
    await saveVersion(deps(), "alice", { ...ref(), name: "good" });
    const huge = { ...contentRecord(titled("x"), 2), junk: "x".repeat(1_040_000), ...saveIdsBy("eddie", 2) };
    await db.doc(firestorePaths.content("alice", cid)).set(huge);
    // (The emulated trigger may undo the bad save first: the restore then comes one revision later.)
    const { revision } = await restoreVersion(deps(), "alice", { ...ref(), versionId: "r1" });
    const content = (await db.doc(firestorePaths.content("alice", cid)).get()).data()!;
    expect(content.junk).toBeUndefined();
    expect(content).toMatchObject({
      ...contentRecord(titled("good"), revision),
      members: { eddie: "editor" },
    });
    // The restore is the caller's save: its slot names them.
    expect(authorOf(content, "alice")).toBe("alice");
  });

  it("lets a name belong to whoever gave it, and bounds each person's names", async () => {
    await seed(titled("v1"), 1);
    await saveVersion(deps(), "alice", { ...ref(), name: "앨리스의 초안" });
    await expect(saveVersion(deps(), "eddie", { ...ref(), name: "mine now" })).rejects.toMatchObject({
      code: "permission-denied",
      reason: "version-named-by-another",
    });
    expect(await versionRows()).toMatchObject([{ name: "앨리스의 초안", createdBy: "alice" }]);
    // The owner renames their own.
    await saveVersion(deps(), "alice", { ...ref(), name: "다시" });
    // Eddie names revisions 2, 3, …: his names are his own count, not Alice's.
    const names = COLLABORATION_LIMITS.namedVersionsPerPerson;
    for (let revision = 2; revision <= names + 2; revision++) {
      await seed(titled(`v${revision}`), revision);
      clock.ms += 10 * 1000;
      const named = saveVersion(deps(), "eddie", { ...ref(), name: `e${revision}` });
      if (revision <= names + 1) await named;
      else await expect(named).rejects.toMatchObject({ reason: "too-many-named-versions" });
    }
  });

  it("charges restores and saves per user and per conversation", async () => {
    await seed(titled("x"), 1);
    await saveVersion(deps(), "alice", { ...ref(), name: "x" });
    for (let i = 0; i < RATE_LIMITS.restoresPerUserPerMinute; i++) {
      await restoreVersion(deps(), "eddie", { ...ref(), versionId: "r1" });
    }
    await expect(restoreVersion(deps(), "eddie", { ...ref(), versionId: "r1" })).rejects.toMatchObject({
      reason: "rate-limited",
    });
    // The conversation's own budget holds against every editor together.
    const others = RATE_LIMITS.restoresPerConversationPerMinute - RATE_LIMITS.restoresPerUserPerMinute;
    for (let i = 0; i < others; i++) await restoreVersion(deps(), "olga", { ...ref(), versionId: "r1" });
    await expect(restoreVersion(deps(), "alice", { ...ref(), versionId: "r1" })).rejects.toMatchObject({
      reason: "rate-limited",
    });
    // A stranger's calls never reach the conversation's budget.
    await expect(restoreVersion(deps(), "mallory", { ...ref(), versionId: "r1" })).rejects.toMatchObject({
      reason: "conversation-not-found",
    });
  });
});

describe("a hostile editor", () => {
  const ref = () => ({ ownerUid: "alice", conversationId: cid });

  // Twice an author's quota of restores, one transaction after another (8 s on an idle 2-core
  // machine, over 20 s when it is loaded).
  it(
    "cannot erase the owner's named versions or anyone else's work by restoring over and over",
    { timeout: 60_000 },
    async () => {
      // Alice's work, named; then Olga's edit, kept when Eddie saves over it.
      await seed(titled("alice's draft"), 1);
      await saveVersion(deps(), "alice", { ...ref(), name: "final" });
      await seed(titled("olga's edit"), 2, "olga");
      clock.ms += MINUTE;
      await seed(titled("eddie wiped it"), 3, "eddie");
      await recordContentWrite(
        deps(),
        "alice",
        cid,
        {
          data: { ...contentRecord(titled("olga's edit"), 2), ...saveIdsBy("olga", 2) },
          updateTime: new Date(T0),
        },
        { ...contentRecord(titled("eddie wiped it"), 3), ...saveIdsBy("eddie", 3) },
      );
      // Eddie restores his own wipe again and again, minute after minute, window after window.
      const restores = COLLABORATION_LIMITS.versionsPerAuthor * 2;
      await saveVersion(deps(), "eddie", { ...ref(), name: "wipe" });
      for (let i = 0; i < restores; i++) {
        clock.ms += COLLABORATION_LIMITS.autoVersionEveryMinutes * MINUTE;
        await restoreVersion(deps(), "eddie", { ...ref(), versionId: "r3" });
      }
      const rows = await versionRows();
      expect(rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ revision: 1, name: "final", createdBy: "alice" }),
          expect.objectContaining({ revision: 2, author: "olga" }),
        ]),
      );
      expect(await copyOf("r1")).toEqual(titled("alice's draft"));
      expect(await copyOf("r2")).toEqual(titled("olga's edit"));
      // Eddie's own churn is bounded by his quota.
      const eddies = rows.filter((r) => r.author === "eddie" && r.kind !== "named");
      expect(eddies.length).toBeLessThanOrEqual(COLLABORATION_LIMITS.versionsPerAuthor);
      // And the owner gets her text back.
      await restoreVersion(deps(), "alice", { ...ref(), versionId: "r1" });
      expect((await db.doc(firestorePaths.content("alice", cid)).get()).data()).toMatchObject(
        contentRecord(titled("alice's draft"), restores + 4),
      );
    },
  );
});
