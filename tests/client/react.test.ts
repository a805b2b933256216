// @vitest-environment happy-dom
// The React bindings rendered by react-dom into happy-dom's document, against the emulators: each
// hook's latest result is read from a probe component.
import { createElement, useMemo, useState, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { signOut } from "firebase/auth";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  acceptInvite,
  conversationDigest,
  createConversation,
  createShare,
  fitConversationData,
  getConversation,
  LIMITS,
  messageOf,
  inviteToConversation,
  removeMember,
  saveConversation,
  type ConversationData,
  type PresenceEntry,
  type SyncedMark,
  type SyncStatus,
  type TalkStudio,
} from "../../client/src/index.js";
import {
  TalkStudioProvider,
  useCacheStatus,
  useConversations,
  useMembers,
  usePresence,
  useProjectSync,
  useSession,
  useSharedWithMe,
  useShares,
  useTalkStudio,
  useVersions,
  type ProjectSyncState,
} from "../../client/src/react/index.js";
import { conversationData, setText, textOf } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";
import { grantRole, person } from "../support/members.js";
import { twoTabs } from "../support/tabs.js";

let roots: Root[] = [];
beforeEach(() => Promise.all([clearFirestore(), clearAuth()]));
afterEach(() => {
  roots.splice(0).forEach((r) => r.unmount());
});
afterAll(closeClients);

/**
 * Renders `hook` under a provider for `ts`; `latest()` is what it returned on the last render,
 * `unmount()` takes the probe away (all are unmounted after each test).
 */
function probe<T>(ts: TalkStudio | null, hook: () => T) {
  const seen: T[] = [];
  function Probe(): ReactNode {
    seen.push(hook());
    return null;
  }
  const tree = createElement(Probe);
  const root = createRoot(document.createElement("div"));
  roots.push(root);
  root.render(ts ? createElement(TalkStudioProvider, { ts }, tree) : tree);
  const unmount = () => {
    roots = roots.filter((r) => r !== root);
    root.unmount();
  };
  return { seen, latest: () => seen.at(-1), unmount };
}

const until = <T>(check: () => T | undefined | false) =>
  eventually(() => Promise.resolve(check() || undefined), 15_000);

describe("@talkstudio/client/react", () => {
  it("needs a TalkStudioProvider, and says so", async () => {
    const errors: unknown[] = [];
    const root = createRoot(document.createElement("div"), {
      onUncaughtError: (error) => errors.push(error),
    });
    roots.push(root);
    root.render(
      createElement(function Bare() {
        useTalkStudio();
        return null;
      }),
    );
    await until(() => errors.length > 0);
    expect(errors[0]).toMatchObject({ kind: "failed-precondition" });
  });

  it("useSession follows sign-in and sign-out; useCacheStatus says where the cache is", async () => {
    const [tab] = await twoTabs();
    const { latest } = probe(tab, () => ({ session: useSession(), cache: useCacheStatus() }));
    await until(() => latest()?.session.ready && latest()?.session.user);
    expect(latest()?.session.user?.uid).toBe(tab.auth.currentUser?.uid);
    expect(latest()?.cache).toEqual({ mode: "memory", reason: "not-requested" });
    await signOut(tab.auth);
    await until(() => latest()?.session.user === null);
  });

  it("useConversations follows another device's new conversation, and is empty signed out", async () => {
    const [tab, device] = await twoTabs();
    await createConversation(tab, conversationData(2, "첫 대화"));
    const { latest } = probe(tab, () => useConversations({ pageSize: 10 }));
    await until(() => latest()?.items.length === 1);
    await createConversation(device, conversationData(2, "다른 기기"));
    await until(() => latest()?.items.some((c) => c.title === "다른 기기"));
    expect(latest()).toMatchObject({ loading: false, error: null });
    await signOut(tab.auth);
    await until(() => latest()?.items.length === 0);
    expect(latest()?.error).toBeNull();
  });

  it("useProjectSync saves the editor's edits, takes in other tabs' and offers keep mine / take theirs", async () => {
    const [tab, other] = await twoTabs();
    const data = conversationData(4);
    const { id, revision } = await createConversation(tab, data);
    let edit: (change: (d: ConversationData) => ConversationData) => void = () => undefined;
    const statuses: SyncStatus[] = [];
    const { latest } = probe(tab, () => {
      // The editor's store: the hook gets its newest state and puts remote changes back in it.
      const [editor, setEditor] = useState(data);
      edit = (change) => setEditor(change);
      const project = useMemo(() => ({ id, revision, data: editor }), [editor]);
      const sync: ProjectSyncState = useProjectSync(project, { onRemoteChange: setEditor, debounceMs: 600 });
      statuses.push(sync.status);
      return { editor, sync };
    });
    await until(() => latest()?.sync.status.state === "saved");

    edit(setText("msg-1", "이 탭의 편집"));
    await until(() => latest()?.sync.status.revision === 2 && latest()?.sync.status.state === "saved");
    expect(textOf(await getConversation(other, id), "msg-1")).toBe("이 탭의 편집");

    // Another device changes a different message: it reaches the editor with no prompt.
    const theirs = setText("msg-3", "다른 기기")(latest()!.editor);
    await saveConversation(other, id, theirs, 2);
    await until(() => textOf(latest()!.editor, "msg-3") === "다른 기기");

    // Both change the same message within the debounce: a conflict carrying both texts; take theirs.
    edit(setText("msg-1", "이쪽 글"));
    await saveConversation(other, id, setText("msg-1", "그쪽 글")(theirs), 3);
    const conflict = await until(() => latest()?.sync.conflict);
    expect(latest()?.sync.pending).toBe(true);
    expect(conflict.conflicts).toMatchObject([
      { kind: "message", id: "msg-1", mine: { text: "이쪽 글" }, theirs: { text: "그쪽 글" } },
    ]);
    conflict.takeTheirs();
    await until(() => latest()?.sync.status.state === "saved" && latest()?.sync.conflict === null);
    expect(textOf(latest()!.editor, "msg-1")).toBe("그쪽 글");
    expect(statuses.some((s) => s.state === "error")).toBe(false);
  });

  it("useProjectSync saves at once when the tab is hidden or closed, and counts remote changes", async () => {
    const [tab, other] = await twoTabs();
    const data = conversationData(3);
    const { id, revision } = await createConversation(tab, data);
    let edit: (change: (d: ConversationData) => ConversationData) => void = () => undefined;
    let left = 0;
    const { latest } = probe(tab, () => {
      const [editor, setEditor] = useState(data);
      edit = (change) => setEditor(change);
      const project = useMemo(() => ({ id, revision, data: editor }), [editor]);
      // A debounce no test waits for: only the page events can save in time.
      const options = { onRemoteChange: setEditor, debounceMs: 600_000, onLeave: () => (left += 1) };
      return { editor, sync: useProjectSync(project, options) };
    });
    await until(() => latest()?.sync.status.state === "saved");
    expect(latest()?.sync.remoteRevision).toBe(0);

    edit(setText("msg-1", "닫기 직전"));
    await until(() => latest()?.sync.status.state === "saving");
    dispatchEvent(new Event("pagehide"));
    // The editor's copy is written at once, before the save goes out.
    expect(left).toBe(1);
    await until(() => latest()?.sync.status.state === "saved" && latest()?.sync.status.revision === 2);

    edit(setText("msg-2", "숨기기 직전"));
    await until(() => latest()?.sync.status.state === "saving");
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    expect(left).toBe(2);
    await until(() => latest()?.sync.status.revision === 3);
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    // With nothing pending the copy is not written: it could be older than another tab's.
    dispatchEvent(new Event("pagehide"));
    expect(left).toBe(2);

    // Another device's edit reaches the editor and moves `remoteRevision`, so inputs can key on it.
    await saveConversation(other, id, setText("msg-2", "다른 기기")(latest()!.editor), 3);
    await until(() => textOf(latest()!.editor, "msg-2") === "다른 기기");
    expect(latest()?.sync.remoteRevision).toBe(1);
  });

  it("useProjectSync reports a state that does not fit as an error and saves the last that did", async () => {
    const [tab, other] = await twoTabs();
    const data = conversationData(3);
    const { id, revision } = await createConversation(tab, data);
    let edit: (text: string) => void = () => undefined;
    const { latest } = probe(tab, () => {
      // The SPA's store holds anything; only what fits reaches the hook as `data`.
      const [spa, setSpa] = useState<unknown>(data);
      edit = (text) => setSpa((p: ConversationData) => setText("msg-1", text)(p));
      const fitted = useMemo(() => fitConversationData(spa), [spa]);
      const [lastFit, setLastFit] = useState(data);
      if (fitted.data && fitted.data !== lastFit) setLastFit(fitted.data);
      const project = useMemo(
        () => ({ id, revision, data: fitted.data ?? lastFit, refused: fitted.error }),
        [fitted, lastFit],
      );
      return useProjectSync(project, { onRemoteChange: () => undefined, debounceMs: 100 });
    });
    await until(() => latest()?.status.state === "saved");
    edit("맞는 글");
    await until(() => latest()?.status.state === "saved" && latest()?.status.revision === 2);
    edit("가".repeat(LIMITS.messageTextChars + 1));
    const status = await until(() => (latest()?.status.state === "error" ? latest()?.status : undefined));
    expect(status.state === "error" && messageOf(status.error, "ko")).toContain(
      "2번째 메시지의 글이 너무 길어요",
    );
    expect(textOf(await getConversation(other, id), "msg-1")).toBe("맞는 글");
  });

  it("useProjectSync reports only the open project's status, and the mark of its synced copy", async () => {
    const [tab] = await twoTabs();
    const [first, second] = [conversationData(3, "첫 대화"), conversationData(4, "둘째 대화")];
    const p1 = await createConversation(tab, first);
    const p2 = await createConversation(tab, second);
    let open: (id: string, data: ConversationData) => void = () => undefined;
    let edit: (change: (d: ConversationData) => ConversationData) => void = () => undefined;
    const seen: Array<{ id: string; revision: number; synced: SyncedMark | null }> = [];
    const { latest } = probe(tab, () => {
      const [current, setCurrent] = useState({ id: p1.id, data: first });
      open = (id, data) => setCurrent({ id, data });
      edit = (change) => setCurrent((c) => ({ ...c, data: change(c.data) }));
      const project = useMemo(() => ({ id: current.id, revision: 1, data: current.data }), [current]);
      const sync = useProjectSync(project, { onRemoteChange: () => undefined, debounceMs: 200 });
      seen.push({ id: current.id, revision: sync.status.revision, synced: sync.synced });
      return sync;
    });
    await until(() => latest()?.synced?.revision === 1);
    edit(setText("msg-1", "고친 글"));
    await until(() => latest()?.synced?.revision === 2);
    expect(latest()?.synced?.digest).toBe(conversationDigest(setText("msg-1", "고친 글")(first)));

    open(p2.id, second);
    await until(() => seen.at(-1)?.id === p2.id && latest()?.synced?.revision === 1);
    expect(latest()?.synced?.digest).toBe(conversationDigest(second));
    // Never, not even for the render in which the project changed, the first project's status.
    const borrowed = seen.filter((s) => s.id === p2.id && (s.revision === 2 || s.synced?.revision === 2));
    expect(borrowed).toEqual([]);
  });

  it("useShares lists a conversation's shares and refreshes after a new one", async () => {
    const [tab] = await twoTabs();
    const { id } = await createConversation(tab, conversationData(2));
    const { latest } = probe(tab, () => useShares(id));
    await until(() => latest() && !latest()!.loading);
    expect(latest()?.items).toEqual([]);
    const created = await createShare(tab, { conversationId: id });
    latest()!.refresh();
    await until(() => latest()?.items.length === 1);
    expect(latest()?.items[0]).toMatchObject({ code: created.code, url: created.url });
  });

  it("useSharedWithMe and useMembers follow an accepted invite and a removal", async () => {
    const alice = await person("Alice");
    const bob = await person("Bob");
    const { id } = await createConversation(alice, conversationData(2, "같이 쓰는 대화"));
    const shared = probe(bob, () => useSharedWithMe({ pageSize: 10 }));
    const members = probe(alice, () => useMembers(id));
    await until(() => shared.latest() && !shared.latest()!.loading);
    expect(shared.latest()?.items).toEqual([]);
    await until(() => members.latest()?.items.length === 1);
    expect(members.latest()?.items[0]).toMatchObject({ uid: alice.uid, role: "owner" });

    const { code } = await inviteToConversation(alice, id, { role: "editor" });
    await acceptInvite(bob, code);
    // Live: the accepted invite reaches Bob's list with no refresh.
    await until(() => shared.latest()?.items.length === 1);
    expect(shared.latest()?.items[0]).toMatchObject({
      id,
      title: "같이 쓰는 대화",
      ownerUid: alice.uid,
      role: "editor",
    });
    members.latest()!.refresh();
    await until(() => members.latest()?.items.length === 2);
    expect(members.latest()?.items[1]).toMatchObject({ uid: bob.uid, role: "editor" });
    // Bob sees the same list through the owner's uid.
    const bobsView = probe(bob, () => useMembers(id, { ownerUid: alice.uid }));
    await until(() => bobsView.latest()?.items.length === 2);

    await removeMember(alice, id, bob.uid);
    await until(() => shared.latest()?.items.length === 0);
    expect(shared.latest()?.error).toBeNull();
    bobsView.latest()!.refresh();
    await until(() => bobsView.latest()?.error);
    expect(bobsView.latest()?.items).toEqual([]);
  });

  it("usePresence joins while mounted and shows who else has the conversation open", async () => {
    const alice = await person("Alice");
    const bob = await person("Bob");
    const { id } = await createConversation(alice, conversationData(2));
    await grantRole(alice.uid, id, { [bob.uid]: "viewer" });
    const uids = (entries?: readonly PresenceEntry[]) => (entries ?? []).map((e) => e.uid).sort();
    const seenByAlice = probe(alice, () => usePresence(id));
    const seenByBob = probe(bob, () => usePresence(id, { ownerUid: alice.uid }));
    const both = [alice.uid, bob.uid].sort();
    await until(() => uids(seenByAlice.latest()?.items).join() === both.join());
    await until(() => uids(seenByBob.latest()?.items).join() === both.join());
    expect(seenByAlice.latest()?.items.find((e) => e.uid === bob.uid)).toMatchObject({ name: "Bob" });
    expect(seenByAlice.latest()?.items.find((e) => e.uid === alice.uid)).toMatchObject({ name: "Alice" });
    // Into the back/forward cache and out again (both probes share this window): both leave, then
    // join again with no remount.
    const transition = (type: "pagehide" | "pageshow") =>
      dispatchEvent(Object.assign(new Event(type), { persisted: true }));
    transition("pagehide");
    await until(() => seenByAlice.latest()?.items.length === 0);
    transition("pageshow");
    await until(() => uids(seenByAlice.latest()?.items).join() === both.join());
    // Unmounting leaves: gone from the other side at once, not after the stale time.
    seenByBob.unmount();
    await until(() => uids(seenByAlice.latest()?.items).join() === alice.uid);
    expect(seenByAlice.latest()?.error).toBeNull();
  });

  it("usePresence reports a stranger's refusal", async () => {
    const alice = await person("Alice");
    const mallory = await person("Mallory");
    const { id } = await createConversation(alice, conversationData(2));
    const seen = probe(mallory, () => usePresence(id, { ownerUid: alice.uid }));
    const error = await until(() => seen.latest()?.error);
    expect(error.kind).toBe("permission-denied");
    expect(seen.latest()?.items).toEqual([]);
  });

  it("useVersions lists, saves and restores; an editor restores through the owner's uid", async () => {
    const alice = await person("Alice");
    const eddie = await person("Eddie");
    const data = conversationData(3, "초안 제목");
    const { id } = await createConversation(alice, data);
    await grantRole(alice.uid, id, { [eddie.uid]: "editor" });
    const own = probe(alice, () => useVersions(id));
    await until(() => own.latest() && !own.latest()!.loading);
    expect(own.latest()?.items).toEqual([]);
    expect(await own.latest()!.save("첫 초안")).toEqual({ versionId: "r1", revision: 1 });
    await until(() => own.latest()?.items.length === 1);
    expect(own.latest()?.items[0]).toMatchObject({ id: "r1", name: "첫 초안", kind: "named" });

    await saveConversation(alice, id, { ...data, title: "고친 제목" }, 1);
    const edited = probe(eddie, () => useVersions(id, { ownerUid: alice.uid }));
    await until(() => edited.latest()?.items.length === 1);
    expect(await edited.latest()!.restore("r1")).toEqual({ revision: 3, keptAs: "r2" });
    expect(await getConversation(alice, id)).toMatchObject({ revision: 3, title: "초안 제목" });
    // restore read the list again.
    await until(() => edited.latest()?.items.length === 2);
    expect(edited.latest()?.items.map((v) => [v.id, v.kind])).toEqual([
      ["r2", "before-restore"],
      ["r1", "named"],
    ]);
  });
});
