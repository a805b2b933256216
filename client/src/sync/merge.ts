// Three-way merge of two edits of one conversation against the revision both started from. Pure: the
// sync engine calls it when another tab or device saved first. Rules (docs/conversations.md, "Sync"):
// lists by item id, a delete loses to an edit, inserts keep their place after their neighbour,
// everything else field by field; only the same thing changed differently on both sides conflicts.
import type { Author, ConversationData, Message } from "../schema/index.js";

/** Something both sides changed differently. Each carries both versions so the UI can show them. */
export type MergeConflict =
  | {
      readonly kind: "message";
      readonly id: string;
      /** null when both sides added a message under the same id. */
      readonly base: Message | null;
      readonly mine: Message;
      readonly theirs: Message;
    }
  | {
      readonly kind: "field";
      /** Dotted path, list items by id: `title`, `theme.bubble.me`, `conversation.authors[other].name`. */
      readonly path: string;
      readonly base: unknown;
      readonly mine: unknown;
      readonly theirs: unknown;
    }
  | {
      /** Both sides reordered the items they share, differently. Ids in each side's order. */
      readonly kind: "order";
      readonly list: "messages" | "authors";
      readonly mine: readonly string[];
      readonly theirs: readonly string[];
    };

export interface MergeResult {
  /** Every edit of both sides; on each conflict, mine. Equal to `takingTheirs` when there is none. */
  readonly keepingMine: ConversationData;
  /** Every edit of both sides; on each conflict, theirs. */
  readonly takingTheirs: ConversationData;
  readonly conflicts: readonly MergeConflict[];
}

/** A value merged both ways: `mine` and `theirs` differ only where a conflict was recorded. */
interface Both<T> {
  readonly mine: T;
  readonly theirs: T;
}
const same = <T>(value: T): Both<T> => ({ mine: value, theirs: value });

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Deep equality of JSON-like data; key order is ignored and an undefined key counts as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameValue(item, b[i]))
    );
  }
  if (!isPlain(a) || !isPlain(b)) return false;
  // Every key of `a` matches, and `b` has no other defined key (no key sets built: this runs often).
  let defined = 0;
  for (const key in a) {
    if (a[key] !== undefined) defined += 1;
    if (!sameValue(a[key], b[key])) return false;
  }
  for (const key in b) if (b[key] !== undefined) defined -= 1;
  return defined === 0;
}

/**
 * Field-level three-way merge: a side that left a value as it was takes the other's; plain objects
 * (the theme's `bubble`, the status bar) merge key by key; anything else changed on both sides is a
 * `field` conflict at `path`.
 */
function mergeField(
  path: string,
  base: unknown,
  mine: unknown,
  theirs: unknown,
  conflicts: MergeConflict[],
): Both<unknown> {
  if (sameValue(mine, theirs)) return same(mine);
  if (sameValue(base, mine)) return same(theirs);
  if (sameValue(base, theirs)) return same(mine);
  if (isPlain(mine) && isPlain(theirs) && (base === undefined || isPlain(base))) {
    return mergeRecord(path, base ?? {}, mine, theirs, conflicts);
  }
  conflicts.push({ kind: "field", path, base, mine, theirs });
  return { mine, theirs };
}

function mergeRecord(
  path: string,
  base: Plain,
  mine: Plain,
  theirs: Plain,
  conflicts: MergeConflict[],
): Both<Plain> {
  const merged: Both<Plain> = { mine: {}, theirs: {} };
  // Mine's keys first, then keys only theirs has: a stable, readable key order.
  for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)])) {
    const value = mergeField(path ? `${path}.${key}` : key, base[key], mine[key], theirs[key], conflicts);
    // A key one side removed and the other left alone stays removed.
    if (value.mine !== undefined) merged.mine[key] = value.mine;
    if (value.theirs !== undefined) merged.theirs[key] = value.theirs;
  }
  return merged;
}

/** Lists are never mutated (the engine keeps references): each is keyed once. */
const keyedLists = new WeakMap<readonly object[], ReadonlyMap<string, object>>();

/**
 * Keys of a list's items: the id, plus its occurrence when an id repeats (the SPA's sample holds two
 * messages "1"), so each item is matched with the same item on the other sides.
 */
export function keyed<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  const known = keyedLists.get(items);
  if (known) return known as ReadonlyMap<string, T>;
  const seen = new Map<string, number>();
  const byKey = new Map<string, T>();
  for (const item of items) {
    const n = seen.get(item.id) ?? 0;
    seen.set(item.id, n + 1);
    byKey.set(n === 0 ? item.id : `${item.id}#${n}`, item);
  }
  keyedLists.set(items, byKey);
  return byKey;
}

type MergeItem<T> = (key: string, base: T | undefined, mine: T, theirs: T) => Both<T>;

/**
 * Merges a list by item key. Which items survive: an item both sides kept is merged by `mergeItem`;
 * one side's delete removes an item only if the other side left it unchanged (otherwise the edit wins
 * and the item comes back); items new on one side stay. Order: the items present on all three sides
 * keep the order of the side that reordered them (both reordered differently: an `order` conflict);
 * every other surviving item is placed right after its nearest surviving predecessor on the side that
 * has it, so at one spot the other side's inserts come before mine.
 */
function mergeList<T extends { id: string }>(
  list: "messages" | "authors",
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
  mergeItem: MergeItem<T>,
  conflicts: MergeConflict[],
): Both<T[]> {
  const [b, m, t] = [keyed(base), keyed(mine), keyed(theirs)];
  // A message whose only change is its `editedBy` mark was not edited: a delete removes it.
  const edited = (was: T | undefined, now: T) =>
    !was ||
    (list === "messages"
      ? !sameUnmarked(was as unknown as Message, now as unknown as Message)
      : !sameValue(was, now));
  const values = new Map<string, Both<T>>();
  for (const [key, mineItem] of m) {
    const theirItem = t.get(key);
    const baseItem = b.get(key);
    if (theirItem) values.set(key, mergeItem(key, baseItem, mineItem, theirItem));
    else if (edited(baseItem, mineItem)) values.set(key, same(mineItem));
  }
  for (const [key, theirItem] of t) {
    if (m.has(key)) continue;
    const baseItem = b.get(key);
    if (edited(baseItem, theirItem)) values.set(key, same(theirItem));
  }

  const shared = (keys: Iterable<string>) => [...keys].filter((k) => b.has(k) && m.has(k) && t.has(k));
  const [baseOrder, mineOrder, theirOrder] = [shared(b.keys()), shared(m.keys()), shared(t.keys())];
  const mineMoved = !sameValue(mineOrder, baseOrder);
  const theirsMoved = !sameValue(theirOrder, baseOrder);
  if (mineMoved && theirsMoved && !sameValue(mineOrder, theirOrder)) {
    conflicts.push({ kind: "order", list, mine: mineOrder, theirs: theirOrder });
  }
  const order = (skeleton: string[]) => {
    // Every other survivor goes right after its nearest surviving predecessor on its side. Theirs are
    // attached first, so at one anchor they come before mine; a chain of inserts stays a chain.
    const placed = new Set(skeleton);
    const after = new Map<string | null, string[]>();
    for (const side of [t, m]) {
      let anchor: string | null = null;
      for (const key of side.keys()) {
        if (!values.has(key)) continue;
        if (!placed.has(key)) {
          placed.add(key);
          const attached = after.get(anchor);
          if (attached) attached.push(key);
          else after.set(anchor, [key]);
        }
        anchor = key;
      }
    }
    const keys: string[] = [];
    const stack = [...(after.get(null) ?? []), ...skeleton].reverse();
    for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
      keys.push(key);
      stack.push(...[...(after.get(key) ?? [])].reverse());
    }
    return keys;
  };
  const mineKeys = order(mineMoved ? mineOrder : theirOrder);
  const theirKeys = order(theirsMoved ? theirOrder : mineOrder);
  return {
    mine: mineKeys.map((k) => values.get(k)!.mine),
    theirs: theirKeys.map((k) => values.get(k)!.theirs),
  };
}

/** Two messages equal but for their `editedBy` marks: what the merge and the marking compare. */
function sameUnmarked(a: Message, b: Message): boolean {
  if (a === b) return true;
  const x: Plain = a;
  const y: Plain = b;
  // `sameValue` skipping one key, with no copies made: this runs for every message at every step.
  let defined = 0;
  for (const key in x) {
    if (key === "editedBy") continue;
    if (x[key] !== undefined) defined += 1;
    if (!sameValue(x[key], y[key])) return false;
  }
  for (const key in y) if (key !== "editedBy" && y[key] !== undefined) defined -= 1;
  return defined === 0;
}

/** A message is one unit: edited on both sides into different messages, it is a conflict. */
function mergeMessages(conflicts: MergeConflict[]): MergeItem<Message> {
  return (_key, base, mine, theirs) => {
    // A side whose only change is the `editedBy` mark did not edit the message (as in `mergeList`).
    if (sameValue(mine, theirs) || (base && sameUnmarked(base, theirs))) return same(mine);
    // The same text on both sides: theirs, saved first, keeps its `editedBy`.
    if (sameUnmarked(mine, theirs)) return same(theirs);
    if (base && sameUnmarked(base, mine)) return same(theirs);
    conflicts.push({ kind: "message", id: mine.id, base: base ?? null, mine, theirs });
    return { mine, theirs };
  };
}

/** Authors merge field by field: one tab renaming while another changes the avatar keeps both. */
function mergeAuthors(conflicts: MergeConflict[]): MergeItem<Author> {
  return (key, base, mine, theirs) =>
    mergeRecord(`conversation.authors[${key}]`, base ?? {}, mine, theirs, conflicts) as Both<Author>;
}

/** Everything but the messages is the same on both. */
function sameShell(a: ConversationData, b: ConversationData): boolean {
  if (a === b) return true;
  if (a.title !== b.title || !sameValue(a.theme, b.theme) || !sameValue(a.statusBar, b.statusBar))
    return false;
  const x: Plain = a.conversation;
  const y: Plain = b.conversation;
  for (const key in x) if (key !== "messages" && !sameValue(x[key], y[key])) return false;
  for (const key in y) if (key !== "messages" && x[key] === undefined && y[key] !== undefined) return false;
  return true;
}

/**
 * Merges `mine` (this tab's newest state) and `theirs` (what the server holds now) against `base`
 * (the revision this tab last synced). Without conflicts both results are the same conversation.
 */
export function mergeConversations(
  base: ConversationData,
  mine: ConversationData,
  theirs: ConversationData,
): MergeResult {
  // One side unchanged: the other side's copy is the merge (the common case, kept cheap).
  const unchanged = sameValue(base, mine) ? theirs : sameValue(base, theirs) ? mine : null;
  if (unchanged) return { keepingMine: unchanged, takingTheirs: unchanged, conflicts: [] };
  const conflicts: MergeConflict[] = [];
  // Only messages changed (typing): the rest is theirs as it is, with no field merge to build.
  if (sameShell(base, mine) && sameShell(base, theirs)) {
    const messages = mergeList(
      "messages",
      base.conversation.messages,
      mine.conversation.messages,
      theirs.conversation.messages,
      mergeMessages(conflicts),
      conflicts,
    );
    const build = (side: "mine" | "theirs"): ConversationData => ({
      ...theirs,
      conversation: { ...theirs.conversation, messages: messages[side] },
    });
    return { keepingMine: build("mine"), takingTheirs: build("theirs"), conflicts };
  }
  const { messages: bm, authors: ba, ...baseBody } = base.conversation;
  const { messages: mm, authors: ma, ...mineBody } = mine.conversation;
  const { messages: tm, authors: ta, ...theirBody } = theirs.conversation;
  const messages = mergeList("messages", bm, mm, tm, mergeMessages(conflicts), conflicts);
  const authors = mergeList("authors", ba, ma, ta, mergeAuthors(conflicts), conflicts);
  const body = mergeRecord("conversation", baseBody, mineBody, theirBody, conflicts);
  const rest = (d: ConversationData) => ({ title: d.title, theme: d.theme, statusBar: d.statusBar });
  const top = mergeRecord("", rest(base), rest(mine), rest(theirs), conflicts);
  const build = (side: "mine" | "theirs") =>
    ({
      ...top[side],
      conversation: { ...body[side], authors: authors[side], messages: messages[side] },
    }) as ConversationData;
  return { keepingMine: build("mine"), takingTheirs: build("theirs"), conflicts };
}

/**
 * Marks every message `data` changed or added since `base` as last edited by `uid`; the others keep
 * base's mark. Stable: marking the result again against the same base changes nothing.
 */
export function markEdits(data: ConversationData, base: ConversationData, uid: string): ConversationData {
  const before = keyed(base.conversation.messages);
  let changed = false;
  const messages = [...keyed(data.conversation.messages)].map(([key, message]) => {
    const old = before.get(key);
    if (old === message) return message;
    const mark = old && sameUnmarked(old, message) ? old.editedBy : uid;
    if (message.editedBy === mark) return message;
    changed = true;
    const marked = { ...message };
    if (mark === undefined) delete marked.editedBy;
    else marked.editedBy = mark;
    return marked;
  });
  return changed ? { ...data, conversation: { ...data.conversation, messages } } : data;
}
