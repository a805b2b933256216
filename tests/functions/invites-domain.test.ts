// Invite expiry, rotation and per-address guessing, driving the domain functions with a test clock
// (admin SDK on the Firestore emulator); the callables' own path is in invites.test.ts.
import type { Firestore } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { firestorePaths, RATE_LIMITS } from "../../client/src/index.js";
import {
  acceptInvite,
  inviteToConversation,
  listInvites,
  previewInvite,
  revokeInvite,
} from "../../functions/src/collaboration/invites.js";
import { leaveConversation, removeMember } from "../../functions/src/collaboration/membership.js";
import { deleteUserData } from "../../functions/src/account-deletion/delete-user-data.js";
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

// A conversation id of each test's own: clearing the database fires the deletion trigger for the
// last test's conversation, which must not end this test's invites.
let conversations = 0;
let cid = "";
beforeEach(async () => {
  cid = `c${++conversations}`;
  await clearFirestore();
});

describe("invite expiry and rotation", () => {
  it("answers invite-expired from the moment an invite expires", async () => {
    const db = adminDb();
    const clock = { ms: T0 };
    const deps = depsAt(db, clock);
    await seedConversation(db, "owner", cid);
    const { code } = await inviteToConversation(deps, "owner", {
      conversationId: cid,
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
    expect(await listInvites(deps, "owner", cid)).toEqual([]);
  });

  it("rotates a link: the old code is refused, the new one seats, the list holds only the new", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", cid);
    const old = await inviteToConversation(deps, "owner", { conversationId: cid, role: "editor" });
    await revokeInvite(deps, "owner", old.code);
    const fresh = await inviteToConversation(deps, "owner", { conversationId: cid, role: "editor" });
    expect(fresh.code).not.toBe(old.code);
    expect(await rejection(acceptInvite(deps, caller("friend"), old.code))).toEqual({
      code: "failed-precondition",
      reason: "invite-revoked",
    });
    expect((await acceptInvite(deps, caller("friend"), fresh.code)).role).toBe("editor");
    expect((await listInvites(deps, "owner", cid)).map((i) => [i.code, i.uses])).toEqual([[fresh.code, 1]]);
  });
});

describe("guessing invite codes", () => {
  it(`refuses an address after ${RATE_LIMITS.wrongInvitesPerIpPer15Minutes} unknown codes, whichever accounts tried them`, async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", cid);
    const real = await inviteToConversation(deps, "owner", { conversationId: cid, role: "viewer" });
    const perUser = RATE_LIMITS.wrongInvitesPerUserPer15Minutes;
    // Each account stays under its own budget; together they spend the address's.
    for (let i = 0; i < RATE_LIMITS.wrongInvitesPerIpPer15Minutes; i++) {
      const guesser = `guesser${Math.floor(i / (perUser - 1))}`;
      expect(await rejection(acceptInvite(deps, caller(guesser), `guess${i}`.padEnd(22, "x")))).toEqual({
        code: "not-found",
        reason: "invite-not-found",
      });
    }
    // Unknown codes from the address are refused now; a real invite is not (it spends no guess).
    expect(await rejection(acceptInvite(deps, caller("newcomer"), "another".padEnd(22, "x")))).toEqual({
      code: "resource-exhausted",
      reason: "rate-limited",
    });
    expect((await previewInvite(deps, caller("newcomer"), real.code)).role).toBe("viewer");
    expect((await acceptInvite(deps, caller("newcomer"), real.code)).role).toBe("viewer");
    // Another address is not held back by this one.
    expect(
      await rejection(acceptInvite(deps, caller("other", "198.51.100.7"), "third".padEnd(22, "x"))),
    ).toEqual({ code: "not-found", reason: "invite-not-found" });
    // Fifteen minutes later the address may guess again.
    const later = depsAt(db, { ms: T0 + 15 * 60_000 });
    expect(await rejection(acceptInvite(later, caller("another"), "fourth".padEnd(22, "x")))).toEqual({
      code: "not-found",
      reason: "invite-not-found",
    });
  });

  it("charges a preview's unknown code as a guess, as accepting does", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", cid);
    const real = await inviteToConversation(deps, "owner", { conversationId: cid, role: "editor" });
    for (let i = 0; i < RATE_LIMITS.wrongInvitesPerUserPer15Minutes; i++) {
      expect(await rejection(previewInvite(deps, caller("peeker"), `peek${i}`.padEnd(22, "x")))).toEqual({
        code: "not-found",
        reason: "invite-not-found",
      });
    }
    expect(await rejection(previewInvite(deps, caller("peeker"), real.code))).toEqual({
      code: "resource-exhausted",
      reason: "rate-limited",
    });
  });
});

describe("previewing an invite", () => {
  it("tells the title, the inviter's name and the role, joins nothing, and refuses as accepting does", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", cid);
    await db.doc(firestorePaths.user("owner")).set({ displayName: "민지", photoURL: null });
    const invite = await inviteToConversation(deps, "owner", {
      conversationId: cid,
      role: "editor",
      maxUses: 1,
    });
    const preview = await previewInvite(deps, caller("friend"), invite.code);
    expect(preview).toEqual({
      title: conversationData(2).title,
      inviterName: "민지",
      role: "editor",
      expiresAt: invite.expiresAt,
    });
    expect(JSON.stringify(preview)).not.toContain("owner");
    expect((await db.doc(firestorePaths.conversation("owner", cid)).get()).get("members")).toBeUndefined();
    await acceptInvite(deps, caller("friend"), invite.code);
    // The one seat is taken: a stranger's preview says so, the member's still shows what they joined.
    expect(await rejection(previewInvite(deps, caller("stranger"), invite.code))).toEqual({
      code: "failed-precondition",
      reason: "invite-used-up",
    });
    expect((await previewInvite(deps, caller("friend"), invite.code)).role).toBe("editor");
    await revokeInvite(deps, "owner", invite.code);
    expect(await rejection(previewInvite(deps, caller("friend"), invite.code))).toEqual({
      code: "failed-precondition",
      reason: "invite-revoked",
    });
  });
});

describe("removal sticks", () => {
  it("never re-admits a removed member through an invite live at the removal, even after their account is deleted", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", cid);
    const link = await inviteToConversation(deps, "owner", { conversationId: cid, role: "editor" });
    const other = await inviteToConversation(deps, "owner", { conversationId: cid, role: "viewer" });
    await acceptInvite(deps, caller("member"), link.code);
    await removeMember(deps, "owner", { conversationId: cid, uid: "member" });
    for (const code of [link.code, other.code]) {
      expect(await rejection(acceptInvite(deps, caller("member"), code))).toEqual({
        code: "failed-precondition",
        reason: "invite-revoked",
      });
      expect(await rejection(previewInvite(deps, caller("member"), code))).toEqual({
        code: "failed-precondition",
        reason: "invite-revoked",
      });
    }
    // Deleting the account and coming back under the same uid (a Kakao id) lifts nothing.
    await deleteUserData("member", { db, files: null, log: () => undefined });
    expect(await rejection(acceptInvite(deps, caller("member"), link.code))).toEqual({
      code: "failed-precondition",
      reason: "invite-revoked",
    });
    // Everyone else still joins with the same link; a new invite is how the owner takes them back.
    expect((await acceptInvite(deps, caller("friend"), link.code)).role).toBe("editor");
    const fresh = await inviteToConversation(deps, "owner", { conversationId: cid, role: "viewer" });
    expect((await acceptInvite(deps, caller("member"), fresh.code)).role).toBe("viewer");
  });

  it("lets a member who left come back with the same link: leaving is not a removal", async () => {
    const db = adminDb();
    const deps = depsAt(db, { ms: T0 });
    await seedConversation(db, "owner", cid);
    const link = await inviteToConversation(deps, "owner", { conversationId: cid, role: "viewer" });
    await acceptInvite(deps, caller("member"), link.code);
    await leaveConversation(deps, "member", { ownerUid: "owner", conversationId: cid });
    expect((await acceptInvite(deps, caller("member"), link.code)).role).toBe("viewer");
  });
});
