// The share domain functions driven directly (admin SDK on the Firestore emulator, a controlled
// clock and code generator): limits under concurrency, collisions, expiry, sweep, views and sync.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { firestorePaths, RATE_LIMITS, SHARE_LIMITS, type ConversationData } from "../../client/src/index.js";
import { copySharedConversation } from "../../functions/src/shares/copy.js";
import { createShare, regenerateShare } from "../../functions/src/shares/create.js";
import type { ShareDeps } from "../../functions/src/shares/deps.js";
import { readCharges, userCharges } from "../../functions/src/shares/share-charges.js";
import { revokeShare, updateShare } from "../../functions/src/shares/manage.js";
import { openShare, unlockShare } from "../../functions/src/shares/open.js";
import { REVOKED_RETENTION_MS, sweepShares } from "../../functions/src/shares/sweep.js";
import { syncSharesOfConversation } from "../../functions/src/shares/sync.js";
import { countPageView, countView, flushViewCounts, VIEW_SHARDS } from "../../functions/src/shares/views.js";
import { markAccountClosed } from "../../functions/src/common/closed-accounts.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { clearFirestore } from "../support/emulators.js";
import { spendRateLimit } from "../support/rate-limits.js";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);

function depsAt(db: Firestore, clock: { ms: number }, codes?: () => string): ShareDeps {
  let n = 0;
  return {
    db,
    now: () => new Date(clock.ms),
    baseUrl: "https://talkstudio.test",
    newCode:
      codes ??
      (() => `code${String(++n).padStart(4, "0")}${Math.random().toString(36).slice(2, 10)}`.padEnd(22, "x")),
  };
}

async function seedConversation(
  db: Firestore,
  uid: string,
  id: string,
  data: ConversationData,
  revision = 1,
) {
  await db.doc(firestorePaths.content(uid, id)).set({ ...data, revision });
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("expected a rejection"),
    (e: unknown) => e as { code?: string; reason?: string },
  );

/** A settled call's `reason` when it was refused, "ok" when it went through. */
const reasonOf = (outcome: PromiseSettledResult<unknown>) =>
  outcome.status === "rejected" ? (outcome.reason as { reason?: string }).reason : "ok";

// A conversation id of each test's own: clearing the database fires the sync trigger for the last
// test's conversations, which must not revoke this test's shares.
let conversations = 0;
let cid = "";
beforeEach(async () => {
  cid = `c${++conversations}`;
  await clearFirestore();
});

describe("limits under concurrency", () => {
  // Rate limits take slot documents with `create` (no transactions). Each burst is several times
  // what is left of its budget, which is what exact admission is about; the slot race itself is
  // tested at 100 callers in tests/functions/rate-limiter.test.ts. (200 callers here took half a
  // minute of the emulator for the same proof.)
  const BURST = 40;

  it(
    `admits exactly the per-address guess budget from ${BURST} concurrent wrong passwords`,
    { timeout: 60_000 },
    async () => {
      const db = adminDb();
      const deps = depsAt(db, { ms: T0 });
      await seedConversation(db, "owner", cid, conversationData(2));
      const { code } = await createShare(deps, "owner", { conversationId: cid, password: "right-one" });
      const caller = { uid: null, clientKey: "198.51.100.1" };
      const outcomes = await Promise.allSettled(
        Array.from({ length: BURST }, (_, i) => unlockShare(deps, caller, code, `wrong-${i}`)),
      );
      const reasons = outcomes.map(reasonOf);
      const budget = RATE_LIMITS.wrongPasswordsPerShareAndIpPer15Minutes;
      expect(reasons.filter((r) => r === "wrong-password")).toHaveLength(budget);
      expect(reasons.filter((r) => r === "rate-limited")).toHaveLength(BURST - budget);
      // The right password from another address still opens: the budget is per share and address.
      const other = { uid: null, clientKey: "198.51.100.2" };
      expect((await unlockShare(deps, other, code, "right-one")).code).toBe(code);
    },
  );

  it(
    `creates exactly the per-user budget from ${BURST} concurrent createShare calls, every code distinct`,
    { timeout: 60_000 },
    async () => {
      const db = adminDb();
      const clock = { ms: T0 };
      const deps = depsAt(db, clock);
      // One conversation each: the live-share cap per conversation is not what this test is about.
      const ids = Array.from({ length: BURST + 1 }, (_, i) => `${cid}-${i}`);
      await Promise.all(ids.map((id) => seedConversation(db, "owner", id, conversationData(2))));
      const outcomes = await Promise.allSettled(
        ids.slice(0, BURST).map((id) => createShare(deps, "owner", { conversationId: id })),
      );
      const budget = RATE_LIMITS.shareCreatesPerUserPerMinute;
      const codes = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value.code] : []));
      expect(new Set(codes).size).toBe(budget);
      const refused = outcomes.filter((o) => o.status === "rejected");
      expect(refused).toHaveLength(BURST - budget);
      for (const o of refused)
        expect(o.reason).toMatchObject({ code: "resource-exhausted", reason: "rate-limited" });
      const stored = await db.collection(firestorePaths.ownShares("owner")).get();
      expect(stored.docs.map((d) => d.id).sort()).toEqual([...codes].sort());
      clock.ms = T0 + 60_000;
      expect((await createShare(deps, "owner", { conversationId: ids[BURST]! })).code).toHaveLength(22);
    },
  );

  it(
    "opens a share exactly the per-address read budget of times from a concurrent burst",
    { timeout: 60_000 },
    async () => {
      const db = adminDb();
      const deps = depsAt(db, { ms: T0 });
      await seedConversation(db, "owner", cid, conversationData(2));
      const { code } = await createShare(deps, "owner", { conversationId: cid });
      const viewer = { uid: null, clientKey: "198.51.100.3" };
      // The budget's first reads as the limiter records them, leaving a quarter of the burst.
      const budget = RATE_LIMITS.shareReadsPerIpPerMinute;
      const left = BURST / 4;
      const [readCharge] = readCharges(viewer);
      await spendRateLimit(db, readCharge!, new Date(T0), budget - left);
      const outcomes = await Promise.allSettled(
        Array.from({ length: BURST }, () => openShare(deps, viewer, { code })),
      );
      const reasons = outcomes.map(reasonOf);
      expect(reasons.filter((r) => r === "ok")).toHaveLength(left);
      expect(reasons.filter((r) => r === "rate-limited")).toHaveLength(BURST - left);
      const other = { uid: null, clientKey: "198.51.100.4" };
      expect((await openShare(deps, other, { code })).code).toBe(code);
    },
  );

  it("stops a signed-in user at the hourly allowance of share calls, from any address", async () => {
    const db = adminDb();
    const clock = { ms: T0 };
    const deps = depsAt(db, clock);
    await seedConversation(db, "owner", cid, conversationData(2));
    const { code } = await createShare(deps, "owner", { conversationId: cid });
    // The first 999 calls of the hour, as the limiter records them (a thousand real calls would take
    // the emulator half a minute); the 1,000th goes through, the next is refused.
    const budget = RATE_LIMITS.shareCallsPerUserPerHour;
    const [userCharge] = userCharges("reader");
    await spendRateLimit(db, userCharge!, new Date(T0), budget - 1);
    const from = (address: string) => ({ uid: "reader", clientKey: address });
    expect((await openShare(deps, from("203.0.113.1"), { code })).code).toBe(code);
    expect(await rejection(openShare(deps, from("203.0.113.2"), { code }))).toMatchObject({
      code: "resource-exhausted",
      reason: "rate-limited",
    });
    expect((await openShare(deps, { uid: "someone-else", clientKey: "203.0.113.3" }, { code })).code).toBe(
      code,
    );
    clock.ms = T0 + 3_600_000;
    expect((await openShare(deps, from("203.0.113.2"), { code })).code).toBe(code);
  });
});

describe("codes", () => {
  it("never overwrites an existing share when a code repeats: it draws again", async () => {
    const db = adminDb();
    const codes = ["A".repeat(22), "A".repeat(22), "B".repeat(22)];
    const deps = depsAt(db, { ms: T0 }, () => codes.shift()!);
    await seedConversation(db, "owner", cid, conversationData(2, "first"));
    await seedConversation(db, "other", "c9", conversationData(2, "second"));
    await createShare(deps, "owner", { conversationId: cid });
    const second = await createShare(deps, "other", { conversationId: "c9" });
    expect(second.code).toBe("B".repeat(22));
    expect((await db.doc(firestorePaths.shareOwner("A".repeat(22))).get()).get("ownerUid")).toBe("owner");
    expect((await db.doc(firestorePaths.share("A".repeat(22))).get()).get("ownerUid")).toBeUndefined();
  });
});

describe("expiry", () => {
  it("opens until the last millisecond, then answers share-expired; regenerate keeps the time left", async () => {
    const db = adminDb();
    const clock = { ms: T0 };
    const deps = depsAt(db, clock);
    await seedConversation(db, "owner", cid, conversationData(2));
    const { code } = await createShare(deps, "owner", { conversationId: cid, expiresInHours: 5 });
    const viewer = { uid: null, clientKey: "198.51.100.2" };
    clock.ms = T0 + 2 * HOUR;
    const fresh = await regenerateShare(deps, "owner", code);
    expect(Date.parse(fresh.expiresAt)).toBe(T0 + 5 * HOUR);
    clock.ms = T0 + 5 * HOUR - 1;
    expect((await openShare(deps, viewer, { code: fresh.code })).code).toBe(fresh.code);
    clock.ms = T0 + 5 * HOUR;
    expect(await rejection(openShare(deps, viewer, { code: fresh.code }))).toMatchObject({
      code: "failed-precondition",
      reason: "share-expired",
    });
  });
});

describe("what stays private", () => {
  it("never regenerates a revoked share, and never turns a password share public", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", cid, conversationData(2));
    const { code } = await createShare(deps, "owner", { conversationId: cid, password: "secret-pass" });
    await revokeShare(deps, "owner", code);
    expect(await rejection(regenerateShare(deps, "owner", code))).toMatchObject({
      code: "failed-precondition",
      reason: "share-revoked",
    });
    // A live protected share whose hash went missing (a revocation between two reads) is not public.
    const live = await createShare(deps, "owner", { conversationId: cid, password: "secret-pass" });
    await db.doc(firestorePaths.shareSecret(live.code)).delete();
    expect(await rejection(regenerateShare(deps, "owner", live.code))).toMatchObject({ reason: "busy" });
    expect(
      await rejection(updateShare(deps, "owner", { code: live.code, allowDownload: false })),
    ).toMatchObject({ reason: "busy" });
    const shares = await db.collection(firestorePaths.shares).where("passwordProtected", "==", false).get();
    expect(shares.docs.map((d) => d.id)).toEqual([]);
  });

  it("refuses every share write of a closed account, inside the write's own transaction", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", cid, conversationData(2));
    const { code } = await createShare(deps, "owner", { conversationId: cid });
    await markAccountClosed(db, "owner", "deleted", new Date(T0));
    const closed = { code: "unauthenticated", reason: "account-closed" };
    expect(await rejection(createShare(deps, "owner", { conversationId: cid }))).toMatchObject(closed);
    expect(await rejection(regenerateShare(deps, "owner", code))).toMatchObject(closed);
    expect(await rejection(updateShare(deps, "owner", { code, password: null }))).toMatchObject(closed);
    const copier = { uid: "owner", clientKey: "198.51.100.3" };
    expect(await rejection(copySharedConversation(deps, copier, { code }))).toMatchObject(closed);
  });
});

describe("sweepShares", () => {
  it("deletes expired and long-revoked shares with their private parts, and keeps the rest", async () => {
    const db = adminDb();
    const clock = { ms: T0 };
    const deps = depsAt(db, clock);
    await seedConversation(db, "owner", cid, conversationData(2));
    const short = await createShare(deps, "owner", {
      conversationId: cid,
      expiresInHours: 1,
      password: "pass",
    });
    const long = await createShare(deps, "owner", {
      conversationId: cid,
      expiresInHours: SHARE_LIMITS.maxExpiryHours,
    });
    const revokedLongAgo = await createShare(deps, "owner", {
      conversationId: cid,
      expiresInHours: 24 * 30,
    });
    const revokedRecently = await createShare(deps, "owner", {
      conversationId: cid,
      expiresInHours: 24 * 30,
    });
    await revokeShare(deps, "owner", revokedLongAgo.code);
    await countView(db, short.code, Timestamp.fromMillis(T0 + HOUR));
    clock.ms = T0 + REVOKED_RETENTION_MS / 2;
    await revokeShare(deps, "owner", revokedRecently.code);

    expect(await sweepShares(db, new Date(T0 + REVOKED_RETENTION_MS + 1))).toEqual({
      expired: 1,
      revoked: 1,
    });
    const left = (await db.collection(firestorePaths.shares).get()).docs.map((d) => d.id).sort();
    expect(left).toEqual([long.code, revokedRecently.code].sort());
    expect((await db.doc(firestorePaths.shareSecret(short.code)).get()).exists).toBe(false);
    expect((await db.collection(firestorePaths.shareViewShards(short.code)).get()).size).toBe(0);
    // The owner's records go with their shares.
    const records = (await db.collection(firestorePaths.ownShares("owner")).get()).docs.map((d) => d.id);
    expect(records.sort()).toEqual([long.code, revokedRecently.code].sort());
    expect(await sweepShares(db, new Date(T0 + REVOKED_RETENTION_MS + 1))).toEqual({
      expired: 0,
      revoked: 0,
    });
  });
});

describe("live shares per conversation", () => {
  const cap = SHARE_LIMITS.liveSharesPerConversation;

  it("refuses a share beyond the cap with too-many-shares; revoked and expired ones do not count", async () => {
    const db = adminDb();
    const clock = { ms: T0 };
    const deps = depsAt(db, clock);
    await seedConversation(db, "owner", cid, conversationData(2));
    const codes: string[] = [];
    for (let i = 0; i < cap; i++) {
      // The first one expires within the hour; the rest last the default week.
      codes.push(
        (await createShare(deps, "owner", { conversationId: cid, ...(i === 0 ? { expiresInHours: 1 } : {}) }))
          .code,
      );
    }
    expect(await rejection(createShare(deps, "owner", { conversationId: cid }))).toMatchObject({
      code: "failed-precondition",
      reason: "too-many-shares",
    });
    // Regenerating replaces a share: allowed at the cap, and the count stays the same.
    const fresh = await regenerateShare(deps, "owner", codes[1]!);
    expect(await rejection(createShare(deps, "owner", { conversationId: cid }))).toMatchObject({
      reason: "too-many-shares",
    });
    await revokeShare(deps, "owner", fresh.code);
    await createShare(deps, "owner", { conversationId: cid });
    clock.ms = T0 + 2 * HOUR;
    await createShare(deps, "owner", { conversationId: cid });
    // Another conversation has its own cap.
    await seedConversation(db, "owner", `${cid}-other`, conversationData(2));
    await createShare(deps, "owner", { conversationId: `${cid}-other` });
  });

  it("a save rewrites at most the cap's copies", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", cid, conversationData(2));
    for (let i = 0; i < cap; i++) await createShare(deps, "owner", { conversationId: cid });
    await rejection(createShare(deps, "owner", { conversationId: cid }));
    const result = await syncSharesOfConversation(
      deps,
      "owner",
      cid,
      { ...conversationData(3), revision: 2 },
      () => undefined,
    );
    expect(result).toEqual({ updated: cap });
  });
});

describe("view counts", () => {
  it("sums concurrent views into viewCount, once, however often the flush runs", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", cid, conversationData(2));
    const { code } = await createShare(deps, "owner", { conversationId: cid });
    const expiresAt = Timestamp.fromMillis(T0 + HOUR);
    await Promise.all(Array.from({ length: 40 }, () => countView(db, code, expiresAt)));
    const [first, second] = await Promise.all([flushViewCounts(db), flushViewCounts(db)]);
    expect(first + second).toBe(40);
    expect(await flushViewCounts(db)).toBe(0);
    expect((await db.doc(firestorePaths.share(code)).get()).get("viewCount")).toBe(40);
    await countView(db, code, expiresAt);
    expect(await flushViewCounts(db)).toBe(1);
    expect((await db.doc(firestorePaths.share(code)).get()).get("viewCount")).toBe(41);
  });

  it("flushes page by page: more shards than one page all reach their shares", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", cid, conversationData(2));
    const codes = [
      (await createShare(deps, "owner", { conversationId: cid })).code,
      (await createShare(deps, "owner", { conversationId: cid })).code,
    ];
    const expiresAt = Timestamp.fromMillis(T0 + HOUR);
    // Every shard of both shares holds views: 20 shards, read 7 at a time (3 pages).
    await Promise.all(
      codes.flatMap((code) =>
        Array.from({ length: VIEW_SHARDS }, (_, shard) =>
          db.doc(`${firestorePaths.shareViewShards(code)}/${shard}`).set({ pending: shard + 1, expiresAt }),
        ),
      ),
    );
    expect(await flushViewCounts(db, 7)).toBe(2 * 55);
    for (const code of codes) {
      expect((await db.doc(firestorePaths.share(code)).get()).get("viewCount")).toBe(55);
      expect((await db.doc(firestorePaths.ownShare("owner", code)).get()).get("viewCount")).toBe(55);
    }
    expect(await flushViewCounts(db, 7)).toBe(0);
  });

  it("counts page views by people, never by link-preview crawlers", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", cid, conversationData(2));
    const { code } = await createShare(deps, "owner", { conversationId: cid });
    const expiresAt = Timestamp.fromMillis(T0 + HOUR);
    const phone =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 KAKAOTALK 10.6.0";
    const counted = await Promise.all([
      countPageView(
        db,
        code,
        expiresAt,
        "facebookexternalhit/1.1;kakaotalk-scrap/1.0;+https://devtalk.kakao.com/",
      ),
      countPageView(db, code, expiresAt, "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"),
      countPageView(db, code, expiresAt, "Twitterbot/1.0"),
      countPageView(db, code, expiresAt, phone),
      countPageView(db, code, expiresAt, phone),
    ]);
    expect(counted).toEqual([false, false, false, true, true]);
    await flushViewCounts(db);
    expect((await db.doc(firestorePaths.share(code)).get()).get("viewCount")).toBe(2);
  });

  it("drops the pending shards of a share that is gone", async () => {
    const db = adminDb();
    await countView(db, "G".repeat(22), Timestamp.fromMillis(T0));
    expect(await flushViewCounts(db)).toBe(0);
    expect((await db.collection(firestorePaths.shareViewShards("G".repeat(22))).get()).size).toBe(0);
  });
});

describe("syncSharesOfConversation", () => {
  it("ignores a late, older revision and skips content that fails the schema", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    const data = conversationData(2, "v3");
    await seedConversation(db, "owner", cid, data, 3);
    const { code } = await createShare(deps, "owner", { conversationId: cid });
    const log: string[] = [];
    const older = { ...conversationData(2, "v2"), revision: 2 };
    expect(await syncSharesOfConversation(deps, "owner", cid, older, (m) => log.push(m))).toEqual({
      updated: 0,
    });
    const broken = { ...data, title: 42, revision: 4 };
    expect(await syncSharesOfConversation(deps, "owner", cid, broken, (m) => log.push(m))).toEqual({
      updated: 0,
    });
    expect(log).toHaveLength(1);
    expect((await db.doc(firestorePaths.share(code)).get()).get("title")).toBe("v3");
  });
});
