// @vitest-environment happy-dom
// The React bindings rendered by react-dom into happy-dom's document, against the emulators: each
// hook's latest result is read from a probe component.
import { createElement, useMemo, useState, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { signOut } from "firebase/auth";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createConversation,
  createShare,
  getConversation,
  saveConversation,
  type ConversationData,
  type SyncStatus,
  type TalkStudio,
} from "../../client/src/index.js";
import {
  TalkStudioProvider,
  useCacheStatus,
  useConversations,
  useProjectSync,
  useSession,
  useShares,
  useTalkStudio,
  type ProjectSyncState,
} from "../../client/src/react/index.js";
import { conversationData, setText, textOf } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";
import { twoTabs } from "../support/tabs.js";

let root: Root | undefined;
beforeEach(() => Promise.all([clearFirestore(), clearAuth()]));
afterEach(() => {
  root?.unmount();
  root = undefined;
});
afterAll(closeClients);

/** Renders `hook` under a provider for `ts`; `latest()` is what it returned on the last render. */
function probe<T>(ts: TalkStudio | null, hook: () => T) {
  const seen: T[] = [];
  function Probe(): ReactNode {
    seen.push(hook());
    return null;
  }
  const tree = createElement(Probe);
  root = createRoot(document.createElement("div"));
  root.render(ts ? createElement(TalkStudioProvider, { ts }, tree) : tree);
  return { seen, latest: () => seen.at(-1) };
}

const until = <T>(check: () => T | undefined | false) =>
  eventually(() => Promise.resolve(check() || undefined), 15_000);

describe("@talkstudio/client/react", () => {
  it("needs a TalkStudioProvider, and says so", async () => {
    const errors: unknown[] = [];
    root = createRoot(document.createElement("div"), { onUncaughtError: (error) => errors.push(error) });
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
});
