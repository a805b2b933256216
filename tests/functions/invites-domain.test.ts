// Invite expiry, rotation and per-address guessing, driving the domain functions with a test clock
// (admin SDK on the Firestore emulator); the callables' own path is in invites.test.ts.
import type { Firestore } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { firestorePaths, RATE_LIMITS } from "../../client/src/index.js";
import {
  acceptInvite,
  inviteToConversation,
  listInvites,
  revokeInvite,
} from "../../functions/src/members/invites.js";
import type { ShareDeps } from "../../functions/src/shares/deps.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { clearFirestore } from "../support/emulators.js";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);

function depsAt(db: Firestore, clock: { ms: number }): ShareDeps {
  return {
    db,
    now: () => new Date(clock.ms),
    baseUrl: "https://talkstudio.test",
    newCode: () => Math.random().toString(36).slice(2).padEnd(22, "x"),
  };
}

async function seedConversation(db: Firestore, ownerUid: string, id: string) {
  const data = conversationData(2);
  await db.doc(firestorePaths.conversation(ownerUid, id)).set({ title: data.title, revision: 1 });
  await db.doc(firestorePaths.content(ownerUid, id)).set({ ...data, revision: 1 });
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("expected a rejection"),
    (e: unknown) => ({ code: (e as { code?: string }).code, reason: (e as { reason?: string }).reason }),
  );

const caller = (uid: string, clientKey = "203.0.113.1") => ({ uid, clientKey });

beforeEach(clearFirestore);

describe("invite expiry and rotation", () => {
  it("answers invite-expired from the moment an invite expires", async () => {
    const db = adminDb();
    const clock = { ms: T0 };
    const deps = depsAt(db, clock);
    await seedConversation(db, "owner", "c1");
    const { code } = await inviteToConversation(deps, "owner", {
      conversationId: "c1",
      role: "viewer",
      expiresInHours: 1,
    });
    clock.ms = T0 + HOUR - 1;
    expect((await acceptInvite(deps, caller("early"), code)).role).toBe("viewer");
    clock.ms = T0 + HOUR;
    expect(await rejection(acceptInvite(deps, caller("late"), code))).toEqual({
      code: "failed-precondition",
      reason: "invite-expired",
    });
    // An expired invite is no longer live: the owner's list drops it.
    expect(await listInvites(deps, "owner", "c1")).toEqual([]);
  });

  it("rotates a link: the old code is refused, the new one seats, the list holds only the new", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", "c1");
    const old = await inviteToConversation(deps, "owner", { conversationId: "c1", role: "editor" });
    await revokeInvite(deps, "owner", old.code);
    const fresh = await inviteToConversation(deps, "owner", { conversationId: "c1", role: "editor" });
    expect(fresh.code).not.toBe(old.code);
    expect(await rejection(acceptInvite(deps, caller("friend"), old.code))).toEqual({
      code: "failed-precondition",
      reason: "invite-revoked",
    });
    expect((await acceptInvite(deps, caller("friend"), fresh.code)).role).toBe("editor");
    expect((await listInvites(deps, "owner", "c1")).map((i) => [i.code, i.uses])).toEqual([[fresh.code, 1]]);
  });
});

describe("guessing invite codes", () => {
  it(`refuses an address after ${RATE_LIMITS.wrongInvitesPerIpPer15Minutes} unknown codes, whichever accounts tried them`, async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", "c1");
    const real = await inviteToConversation(deps, "owner", { conversationId: "c1", role: "viewer" });
    const perUser = RATE_LIMITS.wrongInvitesPerUserPer15Minutes;
    // Each account stays under its own budget; together they spend the address's.
    for (let i = 0; i < RATE_LIMITS.wrongInvitesPerIpPer15Minutes; i++) {
      const guesser = `guesser${Math.floor(i / (perUser - 1))}`;
      expect(await rejection(acceptInvite(deps, caller(guesser), `guess${i}`.padEnd(22, "x")))).toEqual({
        code: "not-found",
        reason: "invite-not-found",
      });
    }
    expect(await rejection(acceptInvite(deps, caller("newcomer"), real.code))).toEqual({
      code: "resource-exhausted",
      reason: "rate-limited",
    });
    // Another address is not held back by this one.
    expect((await acceptInvite(deps, caller("newcomer", "198.51.100.7"), real.code)).role).toBe("viewer");
    // Fifteen minutes later the address may try again.
    const later = depsAt(db, { ms: T0 + 15 * 60_000 });
    expect((await acceptInvite(later, caller("another"), real.code)).role).toBe("viewer");
  });
});
