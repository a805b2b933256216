import { disableNetwork, enableNetwork } from "firebase/firestore";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  conversationDigest,
  createConversation,
  createProjectSync,
  deleteConversation,
  getConversation,
  saveConversation,
  type ConversationData,
  type ProjectSync,
  type ProjectSyncOptions,
  type SyncStatus,
  type TalkStudio,
  type TextMessage,
  type MergeConflict,
} from "../../client/src/index.js";
import { conversationData, setText, textOf } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";
import { twoTabs } from "../support/tabs.js";

/** Every status each engine of the running test reported, for a timeout to tell what happened. */
let reports: SyncStatus[][] = [];
beforeEach(async () => {
  reports = [];
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

const DEBOUNCE_MS = 300;

/** An engine on `id` that records every status, remote change and error it reports. */
function engine(
  ts: TalkStudio,
  id: string,
  revision: number,
  data: ConversationData,
  local?: ProjectSyncOptions["local"],
  debounceMs = DEBOUNCE_MS,
) {
  const statuses: SyncStatus[] = [];
  reports.push(statuses);
  const remote: ConversationData[] = [];
  let editor = local?.data ?? data;
  const sync: ProjectSync = createProjectSync(ts, {
    id,
    revision,
    data,
    debounceMs,
    ...(local ? { local } : {}),
    onStatus: (status) => statuses.push(status),
    // What the SPA does: put the merged state in its store, which calls update again.
    onRemoteChange: (merged) => {
      remote.push(merged);
      editor = merged;
      sync.update(merged);
    },
  });
  return {
    sync,
    statuses,
    remote,
    get editor() {
      return editor;
    },
    edit(change: (data: ConversationData) => ConversationData) {
      editor = change(editor);
      sync.update(editor);
    },
  };
}

/** A status as a timeout prints it: the state, the revision, and an error's kind and message. */
const described = (s: SyncStatus) =>
  [s.state, s.revision, s.state === "error" ? `${s.error.kind}: ${s.error.message}` : ""].join(" ");
const until = <T>(check: () => T | undefined, timeoutMs = 15_000) =>
  eventually(() => Promise.resolve(check()), timeoutMs).catch((error: unknown) => {
    const engines = reports.map((statuses, n) => `engine ${n + 1}: ${statuses.map(described).join(" → ")}`);
    throw new Error([String(error), ...engines].join("\n"), { cause: error });
  });
/**
 * Waits until `tab` reads `title`. A one-off read in a tab whose own engine is listening answers
 * from that listener's view, which may not have had the other tab's save yet.
 */
const seenBy = (tab: TalkStudio, id: string, title: string) =>
  eventually(async () => ((await getConversation(tab, id)).title === title ? true : undefined), 15_000);
/**
 * Waits until tab B's engine has seen revision 2: an engine opens with what its tab has read, and
 * one opened on revision 2 while the tab's listener still holds revision 1 would take that for a
 * refused save of its own.
 */
const seenInTabB = (b: { sync: ProjectSync }) =>
  until(() => (b.sync.status.revision === 2 ? true : undefined));
const errors = (statuses: SyncStatus[]) => statuses.filter((s) => s.state === "error");

/**
 * Two tabs of one user, each with an engine on a new conversation. `bDebounceMs` holds tab B's
 * edits back that long: a test that saves from tab A meanwhile knows whose save lands first.
 */
async function opened(bDebounceMs = DEBOUNCE_MS) {
  const [tabA, tabB] = await twoTabs();
  const data = conversationData(6);
  const { id, revision } = await createConversation(tabA, data);
  const a = engine(tabA, id, revision, data);
  return { id, tabA, tabB, data, a, b: engine(tabB, id, revision, data, undefined, bDebounceMs) };
}
/** Long enough for a save from the other tab to land first on the busiest machine. */
const UNTIL_FLUSHED = 60_000;

describe("createProjectSync", () => {
  it("debounces a burst of edits into one save and never reports its own save as remote or error", async () => {
    const { id, tabA, a } = await opened();
    for (let i = 0; i < 5; i++) a.edit((d) => ({ ...d, title: `제목 ${i}` }));
    expect(a.sync.status).toMatchObject({ state: "saving", pending: true });
    expect(await a.sync.flush()).toMatchObject({ state: "saved", revision: 2, pending: false });
    expect((await getConversation(tabA, id)).title).toBe("제목 4");
    // Unchanged state is not saved again.
    a.sync.update(a.editor);
    expect(await a.sync.flush()).toMatchObject({ state: "saved", revision: 2 });
    // Echoes (pending and acknowledged snapshots) have arrived by now; none counted as remote.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(a.remote).toEqual([]);
    expect(errors(a.statuses)).toEqual([]);
    // ("offline" may show while the first snapshot still comes from the cache.)
    expect(a.statuses.every((s) => ["saving", "saved", "offline"].includes(s.state))).toBe(true);
    await a.sync.dispose();
  });

  it("keeps one save in flight and sends the newest state next", async () => {
    const { id, tabA, a } = await opened();
    a.edit((d) => ({ ...d, title: "first" }));
    const first = a.sync.flush();
    a.edit((d) => ({ ...d, title: "second" }));
    a.edit((d) => ({ ...d, title: "newest" }));
    await first;
    expect(await a.sync.flush()).toMatchObject({ state: "saved", revision: 3 });
    expect(await getConversation(tabA, id)).toMatchObject({ revision: 3, title: "newest" });
    expect(errors(a.statuses)).toEqual([]);
    await a.sync.dispose();
  });

  it("keeps both tabs' edits of different messages made within one debounce window", async () => {
    const { id, tabA, a, b } = await opened();
    a.edit(setText("msg-1", "A가 고침"));
    b.edit(setText("msg-3", "B가 고침"));
    const stored = await eventually(async () => {
      const s = await getConversation(tabA, id);
      return textOf(s, "msg-1") === "A가 고침" && textOf(s, "msg-3") === "B가 고침" ? s : undefined;
    });
    expect(stored.revision).toBe(3);
    // Both editors end up showing both edits, with no prompt.
    for (const tab of [a, b]) {
      await until(
        () =>
          (textOf(tab.editor, "msg-1") === "A가 고침" && textOf(tab.editor, "msg-3") === "B가 고침") ||
          undefined,
      );
      await until(() => (tab.sync.status.state === "saved" && tab.sync.status.revision === 3) || undefined);
      expect(tab.statuses.some((s) => s.state === "conflict")).toBe(false);
      expect(errors(tab.statuses)).toEqual([]);
    }
    await Promise.all([a.sync.dispose(), b.sync.dispose()]);
  });

  it("merges a title edit in one tab with a message edit in the other", async () => {
    const { id, tabA, a, b } = await opened();
    a.edit((d) => ({ ...d, title: "새 제목" }));
    b.edit(setText("msg-2", "메시지 수정"));
    await eventually(async () => {
      const s = await getConversation(tabA, id);
      return s.title === "새 제목" && textOf(s, "msg-2") === "메시지 수정" ? s : undefined;
    });
    await Promise.all([a.sync.dispose(), b.sync.dispose()]);
  });

  it("gives a conflict with both texts when both edit one message; keepMine saves mine", async () => {
    const { id, tabA, tabB, a, b } = await opened();
    a.edit(setText("msg-1", "A의 글"));
    b.edit(setText("msg-1", "B의 글"));
    const [loser, winner, mine, theirs] = await until(() =>
      a.sync.status.state === "conflict"
        ? ([a, b, "A의 글", "B의 글"] as const)
        : b.sync.status.state === "conflict"
          ? ([b, a, "B의 글", "A의 글"] as const)
          : undefined,
    );
    const status = loser.sync.status;
    expect(status.state === "conflict" && status.conflicts).toMatchObject([
      { kind: "message", id: "msg-1", mine: { text: mine }, theirs: { text: theirs } },
    ]);
    // Nothing is written while the conflict waits.
    expect(await loser.sync.flush()).toMatchObject({ state: "conflict" });
    loser.sync.keepMine();
    expect(await loser.sync.flush()).toMatchObject({ state: "saved", revision: 3 });
    // Read through the loser's tab: the other tab's listener may not have revision 3 yet, and a
    // read there answers from that listener's view.
    expect(textOf(await getConversation(loser === a ? tabA : tabB, id), "msg-1")).toBe(mine);
    // The other tab follows as a remote change.
    await until(() => (textOf(winner.editor, "msg-1") === mine && winner.remote.length > 0) || undefined);
    await Promise.all([a.sync.dispose(), b.sync.dispose()]);
  });

  it("takeTheirs puts their text in the editor and keeps this tab's other edits", async () => {
    const { id, tabA, tabB, data, b } = await opened(UNTIL_FLUSHED);
    b.edit((d) => setText("msg-1", "이 탭")({ ...d, title: "이 탭의 제목" }));
    await saveConversation(tabA, id, setText("msg-1", "다른 기기")(data), 1);
    await until(() => (b.sync.status.state === "conflict" ? true : undefined));
    b.sync.takeTheirs();
    expect(textOf(b.editor, "msg-1")).toBe("다른 기기");
    expect(await b.sync.flush()).toMatchObject({ state: "saved", revision: 3 });
    expect(await getConversation(tabB, id)).toMatchObject({ revision: 3, title: "이 탭의 제목" });
    expect(textOf(await getConversation(tabB, id), "msg-1")).toBe("다른 기기");
    await b.sync.dispose();
  });

  it("settles a conflict by itself when the user edits the message to match theirs", async () => {
    const { id, tabA, data, b } = await opened(UNTIL_FLUSHED);
    b.edit(setText("msg-1", "이 탭"));
    await saveConversation(tabA, id, setText("msg-1", "같은 글")(data), 1);
    await until(() => (b.sync.status.state === "conflict" ? true : undefined));
    b.edit(setText("msg-1", "같은 글"));
    expect(await b.sync.flush()).toMatchObject({ state: "saved", revision: 2, pending: false });
    await b.sync.dispose();
  });

  it("restores a message one tab deleted while the other edited it (the edit wins)", async () => {
    const { id, tabA, a, b } = await opened();
    a.edit((d) => ({
      ...d,
      conversation: { ...d.conversation, messages: d.conversation.messages.filter((m) => m.id !== "msg-2") },
    }));
    b.edit(setText("msg-2", "지우지 마"));
    // Whichever saved first, both engines settle on one revision that holds the edited message.
    await until(() => {
      const [sa, sb] = [a.sync.status, b.sync.status];
      return sa.state === "saved" && sb.state === "saved" && sa.revision === sb.revision ? true : undefined;
    });
    const stored = await getConversation(tabA, id);
    expect(textOf(stored, "msg-2")).toBe("지우지 마");
    expect(stored.conversation.messages.map((m) => m.id)).toEqual(
      conversationData(6).conversation.messages.map((m) => m.id),
    );
    await Promise.all([a.sync.dispose(), b.sync.dispose()]);
  });

  it("reports a conversation deleted elsewhere as a not-found error", async () => {
    const { id, tabB, a } = await opened();
    await deleteConversation(tabB, id);
    await until(() => (a.sync.status.state === "error" ? true : undefined));
    expect(a.sync.status).toMatchObject({ state: "error", error: { kind: "not-found" } });
    await a.sync.dispose();
  });

  it("reports a remote change from another device while idle", async () => {
    const { id, tabB, data, a } = await opened();
    await saveConversation(tabB, id, { ...data, title: "다른 기기에서" }, 1);
    await until(() => a.remote.at(-1)?.title === "다른 기기에서" || undefined);
    expect(a.sync.status).toMatchObject({ state: "saved", revision: 2 });
    await a.sync.dispose();
  });

  it("shows offline with pending changes and saves once the connection is back", async () => {
    const { id, tabA, tabB, a } = await opened();
    await disableNetwork(tabA.db);
    a.edit((d) => ({ ...d, title: "오프라인 편집" }));
    await until(() => (a.sync.status.state === "offline" && a.sync.status.pending) || undefined);
    await enableNetwork(tabA.db);
    await until(() => (a.sync.status.state === "saved" ? true : undefined));
    await seenBy(tabB, id, "오프라인 편집");
    expect(await a.sync.dispose()).toMatchObject({ state: "saved", pending: false });
  });

  it("dispose writes what is pending at once", async () => {
    const { id, tabB, a } = await opened();
    a.edit((d) => ({ ...d, title: "닫기 전에" }));
    expect(await a.sync.dispose()).toMatchObject({ state: "saved", revision: 2, pending: false });
    await seenBy(tabB, id, "닫기 전에");
    expect(() => a.sync.update(a.editor)).toThrow(/disposed/);
  });

  describe("the editor's own copy after a reload (`local`)", () => {
    it("saves it over the cloud's copy when the cloud has not moved since it was synced", async () => {
      const { id, tabB, data } = await opened();
      const mine = setText("msg-1", "닫기 전에 고친 글")(data);
      const c = engine(tabB, id, 1, data, { data: mine, revision: 1 });
      await until(() => (c.sync.status.state === "saved" && c.sync.status.revision === 2) || undefined);
      expect(textOf(await getConversation(tabB, id), "msg-1")).toBe("닫기 전에 고친 글");
      expect(c.remote).toEqual([]);
      await c.sync.dispose();
    });

    it("merges it with a newer cloud copy: both sides' additions kept, a message both changed a conflict", async () => {
      const { id, tabA, tabB, data, b } = await opened();
      // Another device saved after this copy's last sync (a queued save refused after a reload, say).
      const theirs = setText("msg-1", "다른 기기의 글")({ ...data, title: "다른 기기의 제목" });
      await saveConversation(tabA, id, theirs, 1);
      await seenInTabB(b);
      const mine = setText("msg-1", "이 탭의 글")(setText("msg-2", "이 탭만 고침")(data));
      const c = engine(tabB, id, 2, theirs, { data: mine, revision: 1 });
      const shown = await until(() => (c.sync.status.state === "conflict" ? c.sync.status : undefined));
      // With no common copy every difference is a conflict; what only one side has stays.
      expect(
        shown.conflicts.map((k) => (k.kind === "message" ? k.id : k.kind === "field" && k.path)),
      ).toEqual(["msg-1", "msg-2", "title"]);
      const conflict = shown.conflicts[0] as Extract<MergeConflict, { kind: "message" }>;
      expect([conflict.mine, conflict.theirs].map((m) => (m as TextMessage).text)).toEqual([
        "이 탭의 글",
        "다른 기기의 글",
      ]);
      expect(await getConversation(tabA, id)).toMatchObject({ revision: 2, title: "다른 기기의 제목" });
      c.sync.keepMine();
      await until(() => (c.sync.status.state === "saved" && c.sync.status.revision === 3) || undefined);
      const saved = await getConversation(tabB, id);
      expect([textOf(saved, "msg-1"), textOf(saved, "msg-2"), saved.title]).toEqual([
        "이 탭의 글",
        "이 탭만 고침",
        "민지랑 대화",
      ]);
      await c.sync.dispose();
    });

    it("takes a copy opened with a write the server then refused as the editor's, never as synced", async () => {
      const { id, tabA, tabB, data, b } = await opened();
      const theirs = setText("msg-1", "서버가 받은 글")(data);
      await saveConversation(tabA, id, theirs, 1);
      await seenInTabB(b);
      // What an editor opens while its queued save (revision 2) is still pending, before the refusal.
      const mine = setText("msg-1", "거절된 저장의 글")(data);
      const c = engine(tabB, id, 2, mine);
      const shown = await until(() => (c.sync.status.state === "conflict" ? c.sync.status : undefined));
      expect(shown.conflicts).toMatchObject([
        {
          kind: "message",
          id: "msg-1",
          mine: { text: "거절된 저장의 글" },
          theirs: { text: "서버가 받은 글" },
        },
      ]);
      c.sync.keepMine();
      await until(() => (c.sync.status.state === "saved" && c.sync.status.revision === 3) || undefined);
      expect(textOf(await getConversation(tabB, id), "msg-1")).toBe("거절된 저장의 글");
      expect(errors(c.statuses)).toEqual([]);
      await c.sync.dispose();
    });

    it("replaces an unedited copy with a newer cloud copy: no conflict, no save", async () => {
      const { id, tabA, tabB, data, b } = await opened();
      const theirs = setText("msg-1", "다른 기기의 글")({ ...data, title: "다른 기기의 제목" });
      await saveConversation(tabA, id, theirs, 1);
      await seenInTabB(b);
      const c = engine(tabB, id, 2, theirs, { data, revision: 1, unchanged: true });
      await until(() => (c.sync.status.state === "saved" && c.remote.length > 0) || undefined);
      expect([c.editor.title, textOf(c.editor, "msg-1")]).toEqual(["다른 기기의 제목", "다른 기기의 글"]);
      expect(c.statuses.map((s) => s.state)).not.toContain("conflict");
      expect(c.sync.mark).toEqual({ revision: 2, digest: conversationDigest(theirs) });
      await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 2));
      expect((await getConversation(tabB, id)).revision).toBe(2);
      await c.sync.dispose();
    });

    it("takes getConversation's answer as the cloud's copy without saving it again", async () => {
      const { id, tabB, data, b } = await opened();
      await b.sync.dispose();
      const stored = await getConversation(tabB, id);
      const c = engine(tabB, id, stored.revision, stored, { data, revision: stored.revision });
      expect(c.sync.status).toMatchObject({ state: "saved", revision: 1 });
      await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 2));
      expect(c.statuses.map((s) => s.state)).not.toContain("saving");
      expect((await getConversation(tabB, id)).revision).toBe(1);
      await c.sync.dispose();
    });

    it("adopts a newer cloud copy with no prompt when it equals the local one", async () => {
      const { id, tabA, tabB, data, b } = await opened();
      const same = { ...data, title: "이미 올라간 편집" };
      await saveConversation(tabA, id, same, 1);
      await seenInTabB(b);
      const c = engine(tabB, id, 2, same, { data: same, revision: 1 });
      await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 2));
      expect(c.sync.status).toMatchObject({ state: "saved", revision: 2, pending: false });
      expect(c.remote).toEqual([]);
      await c.sync.dispose();
    });
  });
});
