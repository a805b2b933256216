// Account deletion and editing together (docs/collaboration.md, "Accounts and shares"): through the
// Auth and Functions emulators, as the SPA deletes an account.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  acceptInvite,
  createConversation,
  deleteAccount,
  firestorePaths,
  inviteToConversation,
  joinPresence,
  listSharedWithMe,
  saveConversation,
  saveVersion,
} from "../../client/src/index.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";
import { failureOf } from "../support/failure.js";
import { person } from "../support/members.js";

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

const count = async (path: string) => (await adminDb().collection(path).count().get()).data().count;

describe("deleting an account ends what it shared and what it was shared", () => {
  it("deleting the owner ends every membership, invite, presence and version of their conversations", async () => {
    const [owner, editor, latecomer] = [await person("주인"), await person("편집자"), await person("늦게")];
    const { id } = await createConversation(owner, conversationData(2));
    await acceptInvite(editor, (await inviteToConversation(owner, id, { role: "editor" })).code);
    const unused = await inviteToConversation(owner, id, { role: "viewer" });
    const here = await joinPresence(editor, id, { ownerUid: owner.uid });
    await saveVersion(owner, id, "처음");
    expect((await listSharedWithMe(editor)).items.map((s) => s.id)).toEqual([id]);
    expect(await count(firestorePaths.versions(owner.uid, id))).toBe(1);
    expect(await count(firestorePaths.presence(owner.uid, id))).toBe(1);

    await deleteAccount(owner);

    await eventually(async () => ((await listSharedWithMe(editor)).items.length === 0 ? true : undefined));
    expect(await failureOf(acceptInvite(latecomer, unused.code))).toEqual({
      kind: "not-found",
      reason: "invite-not-found",
    });
    expect(await count(firestorePaths.invites)).toBe(0);
    expect(await count(firestorePaths.versions(owner.uid, id))).toBe(0);
    expect(await count(firestorePaths.presence(owner.uid, id))).toBe(0);
    await here.leave().catch(() => undefined);
  });

  it("deleting a member takes them out of every conversation, both documents, and their presence", async () => {
    const [owner, member, other] = [await person("주인"), await person("멤버"), await person("남는")];
    const ids = [
      (await createConversation(owner, conversationData(2))).id,
      (await createConversation(owner, conversationData(3))).id,
    ];
    for (const [id, role] of [
      [ids[0]!, "editor"],
      [ids[1]!, "viewer"],
    ] as const) {
      for (const who of [member, other])
        await acceptInvite(who, (await inviteToConversation(owner, id, { role })).code);
    }
    const here = await joinPresence(member, ids[0]!, { ownerUid: owner.uid });
    const presence = adminDb().doc(firestorePaths.presenceOf(owner.uid, ids[0]!, member.uid));
    expect((await presence.get()).exists).toBe(true);
    const edited = { ...conversationData(2), title: "멤버가 고침" };
    await saveConversation(member, ids[0]!, edited, 1, { ownerUid: owner.uid });
    const firstContent = adminDb().doc(firestorePaths.content(owner.uid, ids[0]!));
    expect((await firstContent.get()).get("lastWriteBy")).toHaveProperty([member.uid]);

    await deleteAccount(member);

    const db = adminDb();
    await eventually(async () => {
      const summaries = await Promise.all(
        ids.map((id) => db.doc(firestorePaths.conversation(owner.uid, id)).get()),
      );
      return summaries.every((s) => !(s.get("memberUids") as string[]).includes(member.uid))
        ? true
        : undefined;
    });
    for (const [id, role] of [
      [ids[0]!, "editor"],
      [ids[1]!, "viewer"],
    ] as const) {
      const summary = (await db.doc(firestorePaths.conversation(owner.uid, id)).get()).data()!;
      const content = (await db.doc(firestorePaths.content(owner.uid, id)).get()).data()!;
      expect(summary.members).toEqual({ [other.uid]: role });
      expect(summary.memberUids).toEqual([other.uid]);
      expect(content.members).toEqual({ [other.uid]: role });
    }
    expect((await presence.get()).exists).toBe(false);
    // Their last save id goes with them.
    expect((await firstContent.get()).get("lastWriteBy")).toEqual({});
    await here.leave().catch(() => undefined);
  });
});
