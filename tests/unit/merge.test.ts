import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  mergeConversations,
  sameValue,
  type ConversationData,
  type Message,
  type TextMessage,
} from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";

const text = (id: string, body = id): TextMessage => ({
  id,
  role: "me",
  authorId: "me",
  text: body,
  datetime: "2024-03-05 오후 7:30",
});

/** A conversation holding exactly these messages. */
function withMessages(messages: Message[], base = conversationData(0)): ConversationData {
  return { ...base, conversation: { ...base.conversation, messages } };
}
const ids = (data: ConversationData) => data.conversation.messages.map((m) => m.id);
const textOf = (data: ConversationData, id: string) =>
  (data.conversation.messages.find((m) => m.id === id) as TextMessage | undefined)?.text;

const BASE = withMessages(["a", "b", "c", "d"].map((id) => text(id)));
const edit = (data: ConversationData, id: string, body: string) =>
  withMessages(
    data.conversation.messages.map((m) => (m.id === id ? { ...m, text: body } : m)),
    data,
  );
const without = (data: ConversationData, id: string) =>
  withMessages(
    data.conversation.messages.filter((m) => m.id !== id),
    data,
  );
const insertAfter = (data: ConversationData, anchor: string | null, message: Message) => {
  const messages = [...data.conversation.messages];
  messages.splice(anchor === null ? 0 : messages.findIndex((m) => m.id === anchor) + 1, 0, message);
  return withMessages(messages, data);
};

function clean(base: ConversationData, mine: ConversationData, theirs: ConversationData) {
  const result = mergeConversations(base, mine, theirs);
  expect(result.conflicts).toEqual([]);
  expect(sameValue(result.keepingMine, result.takingTheirs)).toBe(true);
  return result.keepingMine;
}

describe("mergeConversations: messages", () => {
  it("keeps both edits when two tabs edit different messages", () => {
    const merged = clean(BASE, edit(BASE, "a", "mine"), edit(BASE, "c", "theirs"));
    expect([textOf(merged, "a"), textOf(merged, "c")]).toEqual(["mine", "theirs"]);
    expect(ids(merged)).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps the title from one tab and a message edit from the other", () => {
    const merged = clean(BASE, { ...BASE, title: "새 제목" }, edit(BASE, "b", "theirs"));
    expect(merged.title).toBe("새 제목");
    expect(textOf(merged, "b")).toBe("theirs");
  });

  it("reports the same message edited on both sides as a conflict carrying both versions", () => {
    const result = mergeConversations(BASE, edit(BASE, "b", "mine"), edit(BASE, "b", "theirs"));
    expect(result.conflicts).toEqual([
      { kind: "message", id: "b", base: text("b"), mine: text("b", "mine"), theirs: text("b", "theirs") },
    ]);
    expect(textOf(result.keepingMine, "b")).toBe("mine");
    expect(textOf(result.takingTheirs, "b")).toBe("theirs");
  });

  it("does not call the same edit made on both sides a conflict", () => {
    expect(textOf(clean(BASE, edit(BASE, "b", "x"), edit(BASE, "b", "x")), "b")).toBe("x");
  });

  it("lets an edit win over a delete, restoring the message where it was", () => {
    const mineDeletes = clean(BASE, without(BASE, "b"), edit(BASE, "b", "kept"));
    expect(ids(mineDeletes)).toEqual(["a", "b", "c", "d"]);
    expect(textOf(mineDeletes, "b")).toBe("kept");
    const theirsDelete = clean(BASE, edit(BASE, "b", "kept"), without(BASE, "b"));
    expect(ids(theirsDelete)).toEqual(["a", "b", "c", "d"]);
    expect(textOf(theirsDelete, "b")).toBe("kept");
  });

  it("applies a delete of a message the other side left alone, and deletes on both sides", () => {
    expect(ids(clean(BASE, without(BASE, "b"), edit(BASE, "c", "x")))).toEqual(["a", "c", "d"]);
    expect(ids(clean(BASE, without(BASE, "b"), without(BASE, "b")))).toEqual(["a", "c", "d"]);
  });

  it("applies a delete of a message the other side changed only in its editedBy mark", () => {
    const marked = withMessages(
      BASE.conversation.messages.map((m) => (m.id === "b" ? { ...m, editedBy: "u0" } : m)),
    );
    // Seed 1130 with tab kills: the mark differed, and the deleted message came back.
    expect(ids(clean(marked, edit(BASE, "a", "x"), without(marked, "b")))).toEqual(["a", "c", "d"]);
    expect(ids(clean(marked, without(marked, "b"), edit(BASE, "c", "x")))).toEqual(["a", "c", "d"]);
  });

  it("takes the other side's edit of a message this side changed only in its editedBy mark", () => {
    const markedB = (data: ConversationData, uid: string) =>
      withMessages(
        data.conversation.messages.map((m) => (m.id === "b" ? { ...m, editedBy: uid } : m)),
        data,
      );
    const base = markedB(BASE, "u0");
    // Seed 84218 with tab kills: the re-marked side won as a conflict and reverted the edit.
    const theirs = edit(base, "b", "their edit");
    expect(textOf(clean(base, markedB(BASE, "u1"), theirs), "b")).toBe("their edit");
    expect(textOf(clean(base, theirs, markedB(BASE, "u1")), "b")).toBe("their edit");
  });

  it("places concurrent inserts after their neighbour, theirs before mine at one spot", () => {
    const mine = insertAfter(insertAfter(BASE, "b", text("m1")), "m1", text("m2"));
    const theirs = insertAfter(insertAfter(BASE, "b", text("t1")), "d", text("t2"));
    expect(ids(clean(BASE, mine, theirs))).toEqual(["a", "b", "t1", "m1", "m2", "c", "d", "t2"]);
    expect(ids(clean(BASE, insertAfter(BASE, null, text("m")), insertAfter(BASE, null, text("t"))))).toEqual([
      "t",
      "m",
      "a",
      "b",
      "c",
      "d",
    ]);
  });

  it("keeps an insert whose neighbour the other side deleted, after the nearest survivor", () => {
    const merged = clean(BASE, insertAfter(BASE, "c", text("m")), without(BASE, "c"));
    expect(ids(merged)).toEqual(["a", "b", "m", "d"]);
  });

  it("takes one side's reorder and keeps the other side's edits and inserts in it", () => {
    const reordered = withMessages(["d", "c", "b", "a"].map((id) => text(id)));
    const merged = clean(BASE, reordered, insertAfter(edit(BASE, "a", "x"), "a", text("t")));
    expect(ids(merged)).toEqual(["d", "c", "b", "a", "t"]);
    expect(textOf(merged, "a")).toBe("x");
  });

  it("reports two different reorders as an order conflict", () => {
    const mine = withMessages(["b", "a", "c", "d"].map((id) => text(id)));
    const theirs = withMessages(["a", "b", "d", "c"].map((id) => text(id)));
    const result = mergeConversations(BASE, mine, theirs);
    expect(result.conflicts).toEqual([
      { kind: "order", list: "messages", mine: ["b", "a", "c", "d"], theirs: ["a", "b", "d", "c"] },
    ]);
    expect(ids(result.keepingMine)).toEqual(["b", "a", "c", "d"]);
    expect(ids(result.takingTheirs)).toEqual(["a", "b", "d", "c"]);
  });

  it("matches repeated ids by occurrence (the SPA's sample has two messages '1')", () => {
    const base = withMessages([text("1", "first"), text("1", "second")]);
    const mine = withMessages([text("1", "first"), text("1", "second, edited")]);
    const theirs = withMessages([text("1", "first, edited"), text("1", "second")]);
    expect(clean(base, mine, theirs).conversation.messages).toEqual([
      text("1", "first, edited"),
      text("1", "second, edited"),
    ]);
  });

  it("treats one id added on both sides with different content as a conflict without a base", () => {
    const result = mergeConversations(
      BASE,
      insertAfter(BASE, "d", text("n", "m")),
      insertAfter(BASE, "d", text("n", "t")),
    );
    expect(result.conflicts).toMatchObject([{ kind: "message", id: "n", base: null }]);
  });
});

describe("mergeConversations: fields", () => {
  const base = conversationData(2);
  const theme = (data: ConversationData, patch: Record<string, unknown>) => ({
    ...data,
    theme: { ...data.theme, ...patch },
  });

  it("merges the theme key by key, nested objects included", () => {
    const bubble = base.theme.bubble as Record<string, unknown>;
    const mine = theme(base, { bubble: { ...bubble, me: { color: "#111" } } });
    const theirs = theme(base, { backgroundValue: "#222", bubble: { ...bubble, other: { color: "#333" } } });
    const merged = clean(base, mine, theirs);
    expect(merged.theme).toMatchObject({
      backgroundValue: "#222",
      bubble: { ...bubble, me: { color: "#111" }, other: { color: "#333" } },
    });
  });

  it("merges the status bar and authors field by field", () => {
    const [me, other] = base.conversation.authors;
    const mine: ConversationData = {
      ...base,
      statusBar: { ...base.statusBar, battery: 10 },
      conversation: { ...base.conversation, authors: [me!, { ...other!, name: "지민" }] },
    };
    const theirs: ConversationData = {
      ...base,
      statusBar: { ...base.statusBar, isWifi: false },
      conversation: { ...base.conversation, authors: [me!, { ...other!, avatarUrl: "" }] },
    };
    const merged = clean(base, mine, theirs);
    expect(merged.statusBar).toEqual({ ...base.statusBar, battery: 10, isWifi: false });
    expect(merged.conversation.authors[1]).toEqual({ ...other, name: "지민", avatarUrl: "" });
  });

  it("reports one field changed differently on both sides with its path", () => {
    const result = mergeConversations(
      base,
      { ...base, statusBar: { ...base.statusBar, time: "9:41" } },
      { ...base, statusBar: { ...base.statusBar, time: "10:00" } },
    );
    expect(result.conflicts).toEqual([
      { kind: "field", path: "statusBar.time", base: "12:30", mine: "9:41", theirs: "10:00" },
    ]);
    expect(result.keepingMine.statusBar.time).toBe("9:41");
    expect(result.takingTheirs.statusBar.time).toBe("10:00");
  });

  it("removes a theme key one side removed and the other left alone", () => {
    const rest: Record<string, unknown> = { ...base.theme };
    delete rest.backgroundValue;
    const merged = clean(
      base,
      { ...base, theme: rest as ConversationData["theme"] },
      { ...base, title: "t" },
    );
    expect("backgroundValue" in merged.theme).toBe(false);
  });
});

// Property tests: random edits of random conversations (unique ids and repeats, dividers, fields).
const message = (idPool: string[]) =>
  fc.oneof(
    fc.record({
      id: fc.constantFrom(...idPool),
      role: fc.constantFrom("me" as const, "other" as const, "system" as const),
      authorId: fc.constantFrom("me", "other"),
      text: fc.string({ maxLength: 4 }),
      datetime: fc.constant("2024-03-05 오후 7:30"),
    }),
    fc.record({
      id: fc.constantFrom(...idPool),
      type: fc.constant("dateDivider" as const),
      text: fc.string({ maxLength: 3 }),
    }),
  );
const POOL = Array.from({ length: 8 }, (_, i) => `m${i}`);
const conversation = fc
  .record({
    title: fc.constantFrom("a", "b", "c"),
    battery: fc.integer({ min: 0, max: 3 }),
    color: fc.constantFrom("#000", "#fff"),
    messages: fc.uniqueArray(message(POOL), { selector: (m) => m.id, maxLength: 6 }),
  })
  .map(({ title, battery, color, messages }): ConversationData => {
    const data = conversationData(0, title);
    return {
      ...data,
      statusBar: { ...data.statusBar, battery },
      theme: { ...data.theme, backgroundValue: color },
      conversation: { ...data.conversation, messages },
    };
  });

/** An edit of `base`: some messages changed, deleted, moved or added, some fields changed. */
const editOf = (base: ConversationData, side: string) =>
  fc
    .record({
      title: fc.option(fc.constantFrom("x", "y"), { nil: undefined }),
      color: fc.option(fc.constantFrom("#111", "#222"), { nil: undefined }),
      keep: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      change: fc.array(fc.option(fc.string({ maxLength: 4 }), { nil: undefined }), {
        minLength: 6,
        maxLength: 6,
      }),
      added: fc.array(fc.tuple(fc.nat(6), fc.string({ maxLength: 4 })), { maxLength: 3 }),
      shuffle: fc.boolean(),
    })
    .map(({ title, color, keep, change, added, shuffle }): ConversationData => {
      let messages = base.conversation.messages
        .filter((_, i) => keep[i])
        .map((m, i) => (change[i] === undefined ? m : { ...m, text: change[i] }));
      if (shuffle) messages = [...messages].reverse();
      added.forEach(([at, body], i) => {
        messages.splice(Math.min(at, messages.length), 0, text(`${side}-new-${i}`, body));
      });
      return {
        ...base,
        title: title ?? base.title,
        theme: color ? { ...base.theme, backgroundValue: color } : base.theme,
        conversation: { ...base.conversation, messages },
      };
    });

const triple = conversation.chain((base) =>
  fc.tuple(fc.constant(base), editOf(base, "mine"), editOf(base, "theirs")),
);
const byKey = (data: ConversationData) => new Map(data.conversation.messages.map((m) => [m.id, m]));

describe("mergeConversations: properties", () => {
  it("with one side unchanged, the result is the other side exactly", () => {
    fc.assert(
      fc.property(triple, ([base, mine]) => {
        for (const result of [mergeConversations(base, mine, base), mergeConversations(base, base, mine)]) {
          expect(result.conflicts).toEqual([]);
          expect(sameValue(result.keepingMine, mine)).toBe(true);
        }
      }),
    );
  });

  it("the same edit on both sides merges to that edit without conflicts", () => {
    fc.assert(
      fc.property(triple, ([base, mine]) => {
        const result = mergeConversations(base, mine, mine);
        expect(result.conflicts).toEqual([]);
        expect(sameValue(result.keepingMine, mine)).toBe(true);
      }),
    );
  });

  it("loses no edit: every message changed or added on one side is in the result as that side has it", () => {
    fc.assert(
      fc.property(triple, ([base, mine, theirs]) => {
        const result = mergeConversations(base, mine, theirs);
        const conflicted = new Set(result.conflicts.flatMap((c) => (c.kind === "message" ? [c.id] : [])));
        const [b, m, t] = [byKey(base), byKey(mine), byKey(theirs)];
        for (const [side, merged] of [
          [m, byKey(result.keepingMine)],
          [t, byKey(result.takingTheirs)],
        ] as const) {
          for (const [id, item] of side) {
            if (sameValue(b.get(id), item)) continue;
            if (!conflicted.has(id)) expect(merged.get(id)).toEqual(item);
          }
        }
        // A message survives unless a side deleted it and the other left it unchanged (or deleted it).
        for (const [id, item] of b) {
          const gone =
            (!m.has(id) && sameValue(t.get(id) ?? item, item)) ||
            (!t.has(id) && sameValue(m.get(id) ?? item, item));
          expect(byKey(result.keepingMine).has(id)).toBe(!gone);
        }
      }),
    );
  });

  it("keeps every message once, both resolutions hold the same ids, and conflicts name both versions", () => {
    fc.assert(
      fc.property(triple, ([base, mine, theirs]) => {
        const result = mergeConversations(base, mine, theirs);
        for (const data of [result.keepingMine, result.takingTheirs]) {
          expect(new Set(ids(data)).size).toBe(ids(data).length);
        }
        expect(new Set(ids(result.keepingMine))).toEqual(new Set(ids(result.takingTheirs)));
        for (const c of result.conflicts) {
          expect(sameValue(c.mine, c.theirs)).toBe(false);
          if (c.kind === "message") expect(byKey(result.keepingMine).get(c.id)).toEqual(c.mine);
        }
        if (result.conflicts.length === 0)
          expect(sameValue(result.keepingMine, result.takingTheirs)).toBe(true);
      }),
    );
  });

  it("is symmetric: swapping the sides swaps the resolutions' contents", () => {
    fc.assert(
      fc.property(triple, ([base, mine, theirs]) => {
        const ab = mergeConversations(base, mine, theirs);
        const ba = mergeConversations(base, theirs, mine);
        expect(ba.conflicts.length).toBe(ab.conflicts.length);
        expect(byKey(ba.takingTheirs)).toEqual(byKey(ab.keepingMine));
        expect(ab.keepingMine.title).toBe(ba.takingTheirs.title);
        expect(ab.keepingMine.theme).toEqual(ba.takingTheirs.theme);
      }),
    );
  });

  it("merging the result again with either side changes nothing more (a re-merge is stable)", () => {
    fc.assert(
      fc.property(triple, ([base, mine, theirs]) => {
        const merged = mergeConversations(base, mine, theirs).keepingMine;
        expect(sameValue(mergeConversations(theirs, merged, theirs).keepingMine, merged)).toBe(true);
      }),
    );
  });
});
