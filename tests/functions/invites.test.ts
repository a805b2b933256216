// Invites and members through the Functions emulator with the client SDK, as the SPA calls them.
import { createUserWithEmailAndPassword } from "firebase/auth";
import { doc, getDoc, onSnapshot, writeBatch } from "firebase/firestore";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  acceptInvite,
  createConversation,
  createShare,
  firestorePaths,
  inviteToConversation,
  leaveConversation,
  listInvites,
  listMembers,
  listSharedWithMe,
  openShare,
  previewInvite,
  RATE_LIMITS,
  removeMember,
  revokeInvite,
  watchConversation,
  watchPresence,
  watchSharedWithMe,
  type TalkStudio,
} from "../../client/src/index.js";
import { summaryForSave } from "../../client/src/conversations/records.js";
import { userGuessCharges } from "../../functions/src/collaboration/member-charges.js";
import { contentRecord } from "../../client/src/schema/conversation-records.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";
import { saveIdsOf } from "../support/save-ids.js";
import { failureOf } from "../support/failure.js";
import { withLastingWindows } from "../support/rate-limits.js";

let people = 0;
async function person(): Promise<TalkStudio & { uid: string }> {
  const ts = newClient();
  const { user } = await createUserWithEmailAndPassword(
    ts.auth,
    `p${++people}-${Date.now()}@example.com`,
    "password123",
  );
  return Object.assign(ts, { uid: user.uid });
}

/** A save as a member's client sends it: both documents of the owner's conversation, revision + 1. */
function saveAs(
  ts: TalkStudio & { uid: string },
  ownerUid: string,
  id: string,
  revision: number,
  title: string,
) {
  const data = conversationData(4, title);
  const batch = writeBatch(ts.db);
  batch.update(doc(ts.db, firestorePaths.conversation(ownerUid, id)), summaryForSave(data, revision));
  batch.update(doc(ts.db, firestorePaths.content(ownerUid, id)), {
    ...contentRecord(data, revision),
    ...saveIdsOf(ts.uid, revision),
  });
  return batch.commit();
}

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

describe("invite links", () => {
  it("seats an editor who saves (and the share follows) and a viewer who only reads", async () => {
    const [owner, editor, viewer] = [await person(), await person(), await person()];
    const { id } = await createConversation(owner, conversationData(2));
    const share = await createShare(owner, { conversationId: id });
    const edit = await inviteToConversation(owner, id, { role: "editor" });
    expect(edit.url).toMatch(new RegExp(`/\\?invite=${edit.code}$`));
    const view = await inviteToConversation(owner, id, { role: "viewer", maxUses: 1 });
    expect(await acceptInvite(editor, edit.code)).toEqual({
      ownerUid: owner.uid,
      conversationId: id,
      role: "editor",
    });
    expect((await acceptInvite(viewer, view.code)).role).toBe("viewer");
    // Accepting again changes nothing and spends no use; the owner's own link answers "owner".
    expect((await acceptInvite(editor, edit.code)).role).toBe("editor");
    expect((await acceptInvite(owner, edit.code)).role).toBe("owner");
    expect((await listInvites(owner, id)).map((i) => [i.role, i.uses])).toEqual(
      expect.arrayContaining([
        ["editor", 1],
        ["viewer", 1],
      ]),
    );

    await saveAs(editor, owner.uid, id, 2, "편집자가 고침");
    await expect(saveAs(viewer, owner.uid, id, 3, "보는 사람")).rejects.toMatchObject({
      code: "permission-denied",
    });
    await eventually(async () =>
      (await openShare(newClient(), share.code)).title === "편집자가 고침" ? true : undefined,
    );

    const members = await listMembers(viewer, id, owner.uid);
    expect(members.map((m) => [m.uid, m.role])).toEqual([
      [owner.uid, "owner"],
      [editor.uid, "editor"],
      [viewer.uid, "viewer"],
    ]);
    const shared = await listSharedWithMe(editor);
    expect(shared.items.map((s) => [s.ownerUid, s.id, s.role, s.title])).toEqual([
      [owner.uid, id, "editor", "편집자가 고침"],
    ]);
    expect((await listSharedWithMe(owner)).items).toEqual([]);
  });

  it("refuses a revoked or used-up invite, and anyone's but the owner's management", async () => {
    const [owner, first, second] = [await person(), await person(), await person()];
    const { id } = await createConversation(owner, conversationData(2));
    const once = await inviteToConversation(owner, id, { role: "viewer", maxUses: 1 });
    await acceptInvite(first, once.code);
    expect(await failureOf(acceptInvite(second, once.code))).toEqual({
      kind: "failed-precondition",
      reason: "invite-used-up",
    });
    expect(await failureOf(revokeInvite(first, once.code))).toEqual({
      kind: "not-found",
      reason: "invite-not-found",
    });
    expect(await failureOf(inviteToConversation(first, id, { role: "editor" }))).toEqual({
      kind: "not-found",
      reason: "conversation-not-found",
    });
    const revoked = await revokeInvite(owner, once.code);
    expect((await revokeInvite(owner, once.code)).revokedAt).toBe(revoked.revokedAt);
    expect(await failureOf(acceptInvite(second, once.code))).toEqual({
      kind: "failed-precondition",
      reason: "invite-revoked",
    });
    expect(await listInvites(owner, id)).toEqual([]);
    expect(await failureOf(listMembers(second, id, owner.uid))).toEqual({
      kind: "not-found",
      reason: "conversation-not-found",
    });
  });

  it(`rate-limits guessing: ${RATE_LIMITS.wrongInvitesPerUserPer15Minutes} unknown codes per user, then even a real one waits`, async () => {
    const owner = await person();
    const guesser = await withLastingWindows(person, (p) => userGuessCharges(p.uid));
    const { id } = await createConversation(owner, conversationData(2));
    const real = await inviteToConversation(owner, id, { role: "viewer" });
    for (let i = 0; i < RATE_LIMITS.wrongInvitesPerUserPer15Minutes; i++) {
      const guess = `${String(i).padStart(2, "0")}${"x".repeat(20)}`;
      expect(await failureOf(acceptInvite(guesser, guess))).toEqual({
        kind: "not-found",
        reason: "invite-not-found",
      });
    }
    expect(await failureOf(acceptInvite(guesser, real.code))).toEqual({
      kind: "rate-limited",
      reason: "rate-limited",
    });
    // Real codes give their guess back: the owner's friend is not slowed by their own accepts.
    const friend = await person();
    for (let i = 0; i <= RATE_LIMITS.wrongInvitesPerUserPer15Minutes; i++)
      await acceptInvite(friend, real.code);
  });
});

describe("previewing an invite", () => {
  it("shows what the link joins (no uid) before anything is joined", async () => {
    const [owner, friend] = [await person(), await person()];
    const { id } = await createConversation(owner, conversationData(2, "우리 대화"));
    // The profile is made on sign-up (onUserCreated); the owner then names themselves.
    const profile = adminDb().doc(firestorePaths.user(owner.uid));
    await eventually(async () => ((await profile.get()).exists ? true : undefined));
    await profile.update({ displayName: "민지" });
    const invite = await inviteToConversation(owner, id, { role: "editor" });
    const preview = await previewInvite(friend, invite.code);
    expect(preview).toEqual({
      title: "우리 대화",
      inviterName: "민지",
      role: "editor",
      expiresAt: invite.expiresAt,
    });
    expect(JSON.stringify(preview)).not.toContain(owner.uid);
    expect(await listSharedWithMe(friend)).toMatchObject({ items: [] });
    expect((await acceptInvite(friend, invite.code)).role).toBe("editor");
  });
});

describe("leaving and removal", () => {
  it("refuses a removed member's open listener at once, and lets a member leave", async () => {
    const [owner, viewer, editor] = [await person(), await person(), await person()];
    const { id } = await createConversation(owner, conversationData(2));
    await acceptInvite(viewer, (await inviteToConversation(owner, id, { role: "viewer" })).code);
    await acceptInvite(editor, (await inviteToConversation(owner, id, { role: "editor" })).code);
    const events: string[] = [];
    const stop = onSnapshot(
      doc(viewer.db, firestorePaths.content(owner.uid, id)),
      () => events.push("data"),
      (error) => events.push(error.code),
    );
    const after = (count: number) =>
      eventually(() => Promise.resolve(events.length >= count ? events : undefined));
    await after(1);
    await removeMember(owner, id, viewer.uid);
    expect(await after(2)).toEqual(["data", "permission-denied"]);
    stop();
    expect(await failureOf(removeMember(owner, id, owner.uid))).toEqual({
      kind: "failed-precondition",
      reason: "owner-cannot-leave",
    });

    await leaveConversation(editor, id, owner.uid);
    await expect(getDoc(doc(editor.db, firestorePaths.conversation(owner.uid, id)))).rejects.toMatchObject({
      code: "permission-denied",
    });
    expect((await listMembers(owner, id)).map((m) => m.role)).toEqual(["owner"]);
  });

  it("takes a removed member's conversation out of their live shared list while it is open, until re-invited", async () => {
    const [owner, member] = [await person(), await person()];
    const { id } = await createConversation(owner, conversationData(2));
    const link = await inviteToConversation(owner, id, { role: "editor" });
    await acceptInvite(member, link.code);
    const pages: string[][] = [];
    const stopList = watchSharedWithMe(member, { pageSize: 10 }, (items) =>
      pages.push(items.map((c) => c.id)),
    );
    const listed = (ids: string[]) =>
      eventually(() => (JSON.stringify(pages.at(-1)) === JSON.stringify(ids) ? true : undefined), 10_000);
    await listed([id]);
    // The member has it open: the editor's watch and who-is-here (a query under the conversation,
    // whose refusal is what kept the list from hearing of the removal on the emulator).
    const refusals: string[] = [];
    const stopWatch = watchConversation(
      member,
      id,
      () => undefined,
      (e) => refusals.push(e.kind),
      {
        ownerUid: owner.uid,
      },
    );
    const stopPresence = watchPresence(member, id, () => undefined, {
      ownerUid: owner.uid,
      onError: (e) => refusals.push(e.kind),
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await removeMember(owner, id, member.uid);
    await listed([]);
    expect(refusals).toContain("permission-denied");
    // The link that seated them never does again; a new invite accepted in this app lists it again.
    expect(await failureOf(acceptInvite(member, link.code))).toEqual({
      kind: "failed-precondition",
      reason: "invite-revoked",
    });
    await acceptInvite(member, (await inviteToConversation(owner, id, { role: "viewer" })).code);
    await listed([id]);
    stopWatch();
    stopPresence();
    stopList();
  });
});
