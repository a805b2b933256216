// The marks the SPA keeps beside its LocalStorage copy (docs/integrating-the-spa.md): pure, no
// emulator. The engine's use of them is tested in tests/client/project-sync.test.ts.
import { describe, expect, it } from "vitest";
import {
  COLLABORATION_LIMITS,
  conversationDigest,
  rememberSynced,
  SYNCED_MARKS_KEY,
  syncedMarksOf,
  type ConversationData,
} from "../../client/src/index.js";
import { conversationData, setText } from "../support/conversation-data.js";

/** LocalStorage as the browser has it, with an optional quota in characters. */
function storage(quota = Infinity) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem(key: string, value: string) {
      if (value.length > quota) throw new DOMException("full", "QuotaExceededError");
      items.set(key, value);
    },
  };
}

/** The same data with every object's keys in reverse order, as another store might hold it. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reordered(v)]),
  );
}

describe("conversationDigest", () => {
  const data = conversationData(5);
  it("is 16 hex digits, the same whatever the key order and the editedBy marks", () => {
    const digest = conversationDigest(data);
    expect(digest).toMatch(/^[0-9a-f]{16}$/);
    expect(conversationDigest(reordered(data) as ConversationData)).toBe(digest);
    const marked = {
      ...data,
      conversation: {
        ...data.conversation,
        messages: data.conversation.messages.map((m) => ({ ...m, editedBy: "someone" })),
      },
    };
    expect(conversationDigest(marked)).toBe(digest);
    // A stored conversation (getConversation's, with its summary fields) digests as its data.
    expect(conversationDigest({ ...data, revision: 3, id: "x" } as ConversationData)).toBe(digest);
  });
  it("changes with any edit: a text, a title, a theme value, the status bar", () => {
    const edits = [
      setText("msg-1", "고친 글")(data),
      { ...data, title: `${data.title}!` },
      { ...data, theme: { ...data.theme, id: "other" } },
      { ...data, statusBar: { ...data.statusBar, battery: data.statusBar.battery === 1 ? 2 : 1 } },
    ];
    const digests = new Set([data, ...edits].map(conversationDigest));
    expect(digests.size).toBe(edits.length + 1);
  });
});

describe("rememberSynced and syncedMarksOf", () => {
  const mark = (revision: number) => ({ revision, digest: revision.toString(16).padStart(16, "0") });
  it("keeps each project's newest marks, oldest dropped, none twice", () => {
    const ls = storage();
    const limit = COLLABORATION_LIMITS.syncedMarksPerProject;
    for (let r = 1; r <= limit + 3; r++) rememberSynced(ls, "p1", mark(r));
    rememberSynced(ls, "p1", mark(limit + 3));
    rememberSynced(ls, "p2", mark(7));
    expect(syncedMarksOf(ls, "p1")).toEqual(Array.from({ length: limit }, (_, i) => mark(i + 4)));
    expect(syncedMarksOf(ls, "p2")).toEqual([mark(7)]);
    expect(syncedMarksOf(ls, "p3")).toEqual([]);
  });
  it("reads what is not its own, or was tampered with, as no marks, and survives a full storage", () => {
    const ls = storage();
    for (const junk of ["{", "[]", '{"p1":[{"revision":-1,"digest":"x"}]}', '{"p1":"a"}']) {
      ls.items.set(SYNCED_MARKS_KEY, junk);
      expect(syncedMarksOf(ls, "p1")).toEqual([]);
    }
    const full = storage(10);
    expect(() => rememberSynced(full, "p1", mark(1))).not.toThrow();
    expect(syncedMarksOf(full, "p1")).toEqual([]);
  });
});
