// Editing together through the client: last-save-wins co-editing with the loser's text in the
// history, who edited each message, presence, and version history (docs/collaboration.md).
import { disableNetwork, enableNetwork } from "firebase/firestore";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createConversation,
  createProjectSync,
  getConversation,
  getVersion,
  joinPresence,
  listVersions,
  restoreVersion,
  saveConversation,
  saveVersion,
  toConversationData,
  toSpaProject,
  watchPresence,
  type ConversationData,
  type PresenceEntry,
  type SyncStatus,
  type TalkStudio,
  type TextMessage,
} from "../../client/src/index.js";
import { firestorePaths, LIMITS, SAVE_DEBOUNCE_MS } from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients } from "../support/emulators.js";
import { adminDb } from "../support/admin.js";
import { eventually } from "../support/eventually.js";
import { grantRole, person, writeAsAdmin } from "../support/members.js";
import { tabs, twoTabs } from "../support/tabs.js";

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

const setText = (id: string, text: string) => (data: ConversationData) => ({
  ...data,
  conversation: {
    ...data.conversation,
    messages: data.conversation.messages.map((m) => (m.id === id ? { ...m, text } : m)),
  },
});
const messageOf = (data: ConversationData, id: string) =>
  data.conversation.messages.find((m) => m.id === id) as TextMessage;

function editor(ts: TalkStudio, id: string, revision: number, data: ConversationData, ownerUid?: string) {
  const states = new Set<SyncStatus["state"]>();
  let state = data;
  const sync = createProjectSync(ts, {
    id,
    revision,
    data,
    ...(ownerUid ? { ownerUid } : {}),
    debounceMs: 200,
    sameEdits: "last-save-wins",
    onStatus: (status) => states.add(status.state),
    onRemoteChange: (merged) => {
      state = merged;
      sync.update(merged);
    },
  });
  return {
    sync,
    states,
    edit(change: (d: ConversationData) => ConversationData) {
      state = change(state);
      sync.update(state);
    },
  };
}

describe("co-editing with last save wins", () => {
  it("settles the same message edited on both sides with no prompt, the loser's text kept as a version", async () => {
    const [tabA, tabB] = await twoTabs();
    const data = conversationData(4);
    const { id, revision } = await createConversation(tabA, data);
    const a = editor(tabA, id, revision, data);
    const b = editor(tabB, id, revision, data);
    a.edit(setText("msg-1", "A의 글"));
    b.edit(setText("msg-1", "B의 글"));
    await eventually(() => {
      const [sa, sb] = [a.sync.status, b.sync.status];
      return sa.state === "saved" && sb.state === "saved" && sa.revision === sb.revision ? true : undefined;
    }, 15_000);
    expect([...a.states, ...b.states]).not.toContain("conflict");
    const stored = await getConversation(tabA, id);
    const winner = messageOf(stored, "msg-1").text;
    const loser = winner === "A의 글" ? "B의 글" : "A의 글";
    expect([winner, loser].sort()).toEqual(["A의 글", "B의 글"]);
    expect(messageOf(stored, "msg-1").editedBy).toBe(tabA.auth.currentUser!.uid);
    const overwritten = (await listVersions(tabA, id)).filter((v) => v.kind === "overwritten");
    expect(overwritten).toHaveLength(1);
    const kept = await getVersion(tabA, id, overwritten[0]!.id);
    expect(messageOf(kept.data, "msg-1").text).toBe(loser);
    await Promise.all([a.sync.dispose(), b.sync.dispose()]);
  });

  it("is the default between members: owner and editor edit one message, neither is asked", async () => {
    const alice = await person("앨리스");
    const bob = await person("Bob");
    const data = conversationData(3);
    const { id, revision } = await createConversation(alice, data);
    await grantRole(alice.uid, id, { [bob.uid]: "editor" });
    const open = (ts: TalkStudio, ownerUid?: string) => {
      const states = new Set<SyncStatus["state"]>();
      const sync = createProjectSync(ts, {
        id,
        revision,
        data,
        ...(ownerUid ? { ownerUid } : {}),
        onStatus: (status) => states.add(status.state),
      });
      return { sync, states };
    };
    const [a, b] = [open(alice), open(bob, alice.uid)];
    // The owner's engine learns of the member from the summary it watches.
    await new Promise((resolve) => setTimeout(resolve, 500));
    a.sync.update(setText("msg-1", "앨리스의 글")(data));
    b.sync.update(setText("msg-1", "밥의 글")(data));
    await eventually(() => {
      const [sa, sb] = [a.sync.status, b.sync.status];
      return sa.state === "saved" && sb.state === "saved" && sa.revision === sb.revision ? true : undefined;
    }, 15_000);
    expect([...a.states, ...b.states]).not.toContain("conflict");
    const winner = messageOf(await getConversation(alice, id), "msg-1").text;
    const loser = winner === "밥의 글" ? "앨리스의 글" : "밥의 글";
    const overwritten = (await listVersions(alice, id)).filter((v) => v.kind === "overwritten");
    expect(overwritten).toHaveLength(1);
    expect(messageOf((await getVersion(alice, id, overwritten[0]!.id)).data, "msg-1").text).toBe(loser);
    await Promise.all([a.sync.dispose(), b.sync.dispose()]);
  });

  it("marks each message with who last edited it, kept through the SPA's shapes", async () => {
    const [tab] = await twoTabs();
    const data = conversationData(3);
    const { id, revision } = await createConversation(tab, data);
    const a = editor(tab, id, revision, data);
    a.edit(setText("msg-2", "고침"));
    expect(await a.sync.flush()).toMatchObject({ state: "saved" });
    const stored = await getConversation(tab, id);
    const uid = tab.auth.currentUser!.uid;
    expect(stored.conversation.messages.map((m) => m.editedBy)).toEqual([undefined, undefined, uid]);
    expect(toConversationData(toSpaProject(stored))).toEqual(toConversationData(stored));
    expect(messageOf(toConversationData(toSpaProject(stored)), "msg-2").editedBy).toBe(uid);
    await a.sync.dispose();
  });
});

describe("a save whose answer was lost", () => {
  it("is known to have landed however many saves of others came after", async () => {
    const [alice, aliceTab] = await twoTabs();
    const eddie = await person("Eddie");
    const owner = { ownerUid: alice.auth.currentUser!.uid };
    const data = conversationData(3);
    const { id } = await createConversation(alice, data);
    await grantRole(owner.ownerUid, id, { [eddie.uid]: "editor" });
    const mine = setText("msg-1", "앨리스의 글")(data);
    // The save waits offline while the very same write (same save id) lands from the other tab, as
    // a first send whose answer never came back would have.
    const saveId = vi.spyOn(crypto, "randomUUID").mockReturnValue("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    await disableNetwork(alice.db);
    const lost = saveConversation(alice, id, mine, 1);
    expect(await saveConversation(aliceTab, id, mine, 1)).toEqual({ revision: 2 });
    saveId.mockRestore();
    // More saves of Eddie's than there are slots: the save's slot in `writes` is someone else's now.
    for (let revision = 2; revision <= LIMITS.writeSlots + 2; revision++)
      await saveConversation(eddie, id, { ...mine, title: `에디 ${revision}` }, revision, owner);
    await enableNetwork(alice.db);
    // The resend is refused (the revision moved), yet the save is known to be on the server.
    expect(await lost).toEqual({ revision: 2 });
    // A save that never landed is still a conflict.
    await expect(saveConversation(alice, id, mine, 1)).rejects.toMatchObject({ kind: "conflict" });
  });

  it("is known to have landed after the same person's other tab saved, and more saves than slots", async () => {
    const [alice, aliceEcho, aliceOther] = (await tabs(3)) as [TalkStudio, TalkStudio, TalkStudio];
    const eddie = await person("Eddie");
    const owner = { ownerUid: alice.auth.currentUser!.uid };
    const data = conversationData(3);
    const { id } = await createConversation(alice, data);
    await grantRole(owner.ownerUid, id, { [eddie.uid]: "editor" });
    // The other tab has saved before: it has its own tab id.
    const first = setText("msg-2", "다른 탭")(data);
    expect(await saveConversation(aliceOther, id, first, 1)).toEqual({ revision: 2 });
    const mine = setText("msg-1", "앨리스의 글")(first);
    // The lost save's very write (same tab id, same save id) lands from another connection, as a
    // first send whose answer never came back would have.
    const saveId = vi.spyOn(crypto, "randomUUID").mockReturnValue("1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    await disableNetwork(alice.db);
    const lost = saveConversation(alice, id, mine, 2);
    expect(await saveConversation(aliceEcho, id, mine, 2)).toEqual({ revision: 3 });
    saveId.mockRestore();
    // The same person's other tab saves next, then more saves than there are slots.
    expect(await saveConversation(aliceOther, id, { ...mine, title: "다른 탭 4" }, 3)).toEqual({
      revision: 4,
    });
    for (let revision = 4; revision <= LIMITS.writeSlots + 4; revision++)
      await saveConversation(eddie, id, { ...mine, title: `에디 ${revision}` }, revision, owner);
    await enableNetwork(alice.db);
    expect(await lost).toEqual({ revision: 3 });
  });

  it(`starts its saver's map over when that holds ${LIMITS.tabsPerSaver} other tabs already`, async () => {
    const alice = await person("Alice");
    const data = conversationData(2);
    const { id } = await createConversation(alice, data);
    const path = firestorePaths.content(alice.uid, id);
    const tabsOf = async () =>
      ((await adminDb().doc(path).get()).get("lastWriteBy") as Record<string, object>)[alice.uid]!;
    const full = Object.fromEntries(
      Array.from({ length: LIMITS.tabsPerSaver }, (_, i) => [`old${i}`, { stringValue: `id${i}` }]),
    );
    const entry = { mapValue: { fields: { [alice.uid]: { mapValue: { fields: full } } } } };
    await writeAsAdmin(path, { lastWriteBy: entry });
    const first = setText("msg-1", "새 탭")(data);
    expect(await saveConversation(alice, id, first, 1)).toEqual({ revision: 2 });
    expect(Object.keys(await tabsOf())).toHaveLength(1);
    expect(await saveConversation(alice, id, setText("msg-1", "또")(first), 2)).toEqual({ revision: 3 });
    expect(Object.keys(await tabsOf())).toHaveLength(1);
  });
});

describe("the sync engine's quiet time", () => {
  /** Milliseconds from an edit to the engine saying it is saved, with the default debounce. */
  async function timeToSaved(sync: ReturnType<typeof createProjectSync>, data: ConversationData) {
    const start = Date.now();
    sync.update(data);
    await eventually(() => (sync.status.state === "saved" ? true : undefined), 10_000);
    return Date.now() - start;
  }

  it("is the solo 1 s alone and the shared 300 ms once the conversation has a member", async () => {
    const alice = await person("앨리스");
    const bob = await person("Bob");
    const data = conversationData(2);
    const { id, revision } = await createConversation(alice, data);
    const sync = createProjectSync(alice, { id, revision, data });
    const first = setText("msg-1", "혼자")(data);
    expect(await timeToSaved(sync, first)).toBeGreaterThanOrEqual(SAVE_DEBOUNCE_MS.solo);
    await grantRole(alice.uid, id, { [bob.uid]: "editor" });
    // The engine learns of the member from the summary it watches.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await timeToSaved(sync, setText("msg-1", "같이")(first))).toBeLessThan(SAVE_DEBOUNCE_MS.solo);
    await sync.dispose();
  });
});

describe("presence", () => {
  it("shows who has the conversation open, with name and avatar, and drops them on leaving", async () => {
    const alice = await person("앨리스");
    const bob = await person("Bob");
    const { id } = await createConversation(alice, conversationData(2));
    await grantRole(alice.uid, id, { [bob.uid]: "viewer" });
    const seen: (readonly PresenceEntry[])[] = [];
    const stop = watchPresence(alice, id, (present) => seen.push(present));
    const aliceHere = await joinPresence(alice, id);
    // Shown as the profile says: nobody can wear another name or avatar.
    await writeAsAdmin(firestorePaths.user(bob.uid), {
      photoURL: { stringValue: "https://example.com/b.png" },
    });
    const bobHere = await joinPresence(bob, id, { ownerUid: alice.uid });
    const names = () => (seen.at(-1) ?? []).map((p) => p.name).sort();
    await eventually(() => (names().join() === "Bob,앨리스" ? true : undefined));
    expect(seen.at(-1)!.find((p) => p.uid === bob.uid)).toMatchObject({
      avatarUrl: "https://example.com/b.png",
    });
    await bobHere.leave();
    await eventually(() => (names().join() === "앨리스" ? true : undefined));
    // A tab that crashed never says goodbye: a heartbeat older than a minute is hidden.
    await writeAsAdmin(firestorePaths.presenceOf(alice.uid, id, "crashed"), {
      name: { stringValue: "Crashed" },
      avatarUrl: { stringValue: "" },
      updatedAt: { timestampValue: new Date(Date.now() - 2 * 60_000).toISOString() },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(names()).toEqual(["앨리스"]);
    await aliceHere.leave();
    stop();
  });

  it("refuses someone who is not a member", async () => {
    const alice = await person("Alice");
    const mallory = await person("Mallory");
    const { id } = await createConversation(alice, conversationData(2));
    await expect(joinPresence(mallory, id, { ownerUid: alice.uid })).rejects.toMatchObject({
      kind: "permission-denied",
    });
  });
});

describe("version history", () => {
  it("keeps named versions, lists them, and restores as a new revision (editors too; viewers see no history)", async () => {
    const alice = await person("Alice");
    const eddie = await person("Eddie");
    const vicky = await person("Vicky");
    const data = conversationData(3, "초안 제목");
    const { id } = await createConversation(alice, data);
    await grantRole(alice.uid, id, { [eddie.uid]: "editor", [vicky.uid]: "viewer" });
    expect(await saveVersion(alice, id, "첫 초안")).toEqual({ versionId: "r1", revision: 1 });
    await saveConversation(alice, id, { ...data, title: "고친 제목" }, 1);
    const owned = { ownerUid: alice.uid };
    const listed = await listVersions(eddie, id, owned);
    expect(listed).toMatchObject([
      { id: "r1", name: "첫 초안", kind: "named", title: "초안 제목", author: alice.uid },
    ]);
    expect((await getVersion(eddie, id, "r1", owned)).data).toEqual(data);
    // History is for those who edit: a viewer sees the conversation as it is now.
    await expect(listVersions(vicky, id, owned)).rejects.toMatchObject({ kind: "permission-denied" });
    await expect(getVersion(vicky, id, "r1", owned)).rejects.toMatchObject({ kind: "permission-denied" });
    await expect(restoreVersion(vicky, id, "r1", owned)).rejects.toMatchObject({
      kind: "permission-denied",
      reason: "not-an-editor",
    });
    expect(await restoreVersion(eddie, id, "r1", owned)).toEqual({ revision: 3, keptAs: "r2" });
    expect(await getConversation(alice, id)).toMatchObject({ revision: 3, title: "초안 제목" });
    // The members stay members of the restored conversation.
    expect(await getConversation(eddie, id, owned)).toMatchObject({ revision: 3, title: "초안 제목" });
    expect(await getConversation(vicky, id, owned)).toMatchObject({ revision: 3 });
    const after = await listVersions(alice, id);
    expect(after.map((v) => [v.id, v.kind])).toEqual([
      ["r2", "before-restore"],
      ["r1", "named"],
    ]);
    expect((await getVersion(alice, id, "r2")).data.title).toBe("고친 제목");
    await expect(getVersion(alice, id, "r9")).rejects.toMatchObject({ reason: "version-not-found" });
  });

  it("refuses strangers the history", async () => {
    const alice = await person("Alice");
    const mallory = await person("Mallory");
    const { id } = await createConversation(alice, conversationData(2));
    await expect(listVersions(mallory, id, { ownerUid: alice.uid })).rejects.toMatchObject({
      kind: "permission-denied",
    });
    await expect(saveVersion(mallory, id, "x", { ownerUid: alice.uid })).rejects.toMatchObject({
      kind: "not-found",
    });
  });
});
