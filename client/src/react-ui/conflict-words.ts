// What a person reads about one merge conflict: which message or setting (its position, speaker
// and a snippet), both versions as text, and whose each is. Never ids, uids or JSON.
import type { ConversationData, Member, Message } from "../schema/index.js";
import type { MergeConflict } from "../sync/index.js";
import type { Strings } from "./strings-ko.js";

export interface ConflictSide {
  /** The text or value, in words. */
  readonly text: string;
  /** Who wrote it: a member's name, "나", or null when only the device is known. */
  readonly by: string | null;
}

export interface ConflictWords {
  /** Which message or setting, e.g. `3번째 메시지 · 민지 · "안녕…"`. */
  readonly what: string;
  readonly mine: ConflictSide;
  readonly theirs: ConflictSide;
}

/** Who the words name: the editor's own uid and the conversation's members (useMembers). */
export interface ConflictPeople {
  readonly myUid?: string | undefined;
  readonly members?: readonly Pick<Member, "uid" | "displayName">[] | undefined;
}

const SNIPPET_CHARS = 40;
export const snippet = (text: string) =>
  text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS).trimEnd()}…` : text;

function nameOf(uid: string | undefined, people: ConflictPeople, t: Strings): string | null {
  if (!uid) return null;
  if (uid === people.myUid) return t.me;
  return people.members?.find((m) => m.uid === uid)?.displayName || t.someone;
}

function speakerOf(message: Message, data: ConversationData, t: Strings): string {
  if (!("role" in message)) return "";
  if (message.role === "system") return t.conflict.system;
  return data.conversation.authors.find((a) => a.id === message.authorId)?.name || t.conflict.speakerUnknown;
}

const messageText = (message: Message | null, t: Strings) =>
  message === null ? t.conflict.removed : message.text === "" ? t.conflict.empty : message.text;

/** A setting's value in words: text as it is, numbers, on/off, or a nested setting's leaves. */
function valueText(value: unknown, t: Strings): string {
  if (value === null || value === undefined || value === "") return t.conflict.none;
  if (typeof value === "boolean") return value ? t.conflict.yes : t.conflict.no;
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(v, t)).join(", ");
  if (typeof value === "object")
    return Object.entries(value)
      .map(([key, v]) => `${key} ${valueText(v, t)}`)
      .join(" · ");
  return t.conflict.none;
}

/** A field's dotted path (`conversation.authors[a1].name`, `theme.bubble.me`) in words. */
function fieldName(path: string, data: ConversationData, t: Strings): string {
  const author = /^conversation\.authors\[([^\]]+)\]\.?(.*)$/.exec(path);
  if (author) {
    const name = data.conversation.authors.find((a) => a.id === author[1])?.name || t.conflict.speakerUnknown;
    if (author[2] === "name") return t.conflict.authorName(name);
    if (author[2] === "avatarUrl") return t.conflict.authorAvatar(name);
    return t.conflict.authorOther(name);
  }
  if (path === "title" || path === "conversation.title") return t.conflict.title_;
  if (path === "conversation.unreadCount") return t.conflict.unreadCount;
  if (path === "conversation.platformSkin") return t.conflict.platformSkin;
  if (path.startsWith("theme")) return t.conflict.theme;
  if (path.startsWith("statusBar")) return t.conflict.statusBar;
  return t.conflict.setting;
}

function orderText(ids: readonly string[], list: "messages" | "authors", data: ConversationData, t: Strings) {
  const items = ids.slice(0, 3).map((id) => {
    if (list === "authors") return data.conversation.authors.find((a) => a.id === id)?.name ?? "";
    const message = data.conversation.messages.find((m) => m.id === id);
    return message ? `"${snippet(message.text)}"` : "";
  });
  return t.conflict.orderFirst(items.filter(Boolean).join(", ") + (ids.length > 3 ? " …" : ""));
}

/** One conflict in words, against the editor's copy `data` (positions, speakers) and the people. */
export function conflictWords(
  conflict: MergeConflict,
  data: ConversationData,
  people: ConflictPeople,
  t: Strings,
): ConflictWords {
  if (conflict.kind === "message") {
    const index = data.conversation.messages.findIndex((m) => m.id === conflict.id);
    const shown = conflict.base ?? conflict.mine;
    // Where the editor's copy has it: its place (a message both sides added has one too).
    const what =
      index < 0
        ? `${t.conflict.newMessage} · "${snippet(shown.text)}"`
        : "role" in shown
          ? `${t.conflict.message(index + 1, speakerOf(shown, data, t))} · "${snippet(shown.text)}"`
          : `${t.conflict.dateDivider(index + 1)} · "${snippet(shown.text)}"`;
    return {
      what,
      mine: { text: messageText(conflict.mine, t), by: nameOf(conflict.mine.editedBy, people, t) },
      theirs: { text: messageText(conflict.theirs, t), by: nameOf(conflict.theirs.editedBy, people, t) },
    };
  }
  if (conflict.kind === "field") {
    return {
      what: fieldName(conflict.path, data, t),
      mine: { text: valueText(conflict.mine, t), by: null },
      theirs: { text: valueText(conflict.theirs, t), by: null },
    };
  }
  return {
    what: t.conflict.order(conflict.list),
    mine: { text: orderText(conflict.mine, conflict.list, data, t), by: null },
    theirs: { text: orderText(conflict.theirs, conflict.list, data, t), by: null },
  };
}
