import * as z from "zod/mini";
import { firestoreValueProblem } from "./firestore-value.js";
import { userId } from "./ids.js";
import { LIMITS, MAX_DOCUMENT_BYTES } from "./limits.js";

/** The chat looks the SPA renders. The AI generator's "kakaotalk"/"instagram" are normalised on import. */
export const PLATFORM_SKINS = ["kakao", "discord", "telegram", "insta"] as const;
export const platformSkin = z.enum(PLATFORM_SKINS);
export type PlatformSkin = z.infer<typeof platformSkin>;

/** Where an imported project came from: the LocalStorage key the SPA kept it under. */
export const IMPORT_SOURCES = ["talkstudio_projects", "talkstudio_conversations"] as const;
export const importSource = z.enum(IMPORT_SOURCES);
export type ImportSource = z.infer<typeof importSource>;

const utf8 = new TextEncoder();
/** Bytes of a value as JSON in UTF-8 (the theme's budget). */
export function jsonBytes(value: unknown): number {
  return utf8.encode(JSON.stringify(value)).length;
}

/**
 * Bytes of a value as Firestore counts them for its 1 MiB document limit
 * (https://firebase.google.com/docs/firestore/storage-size): a string is its UTF-8 bytes + 1, a
 * number 8, a boolean or null 1, a map its field names (bytes + 1) and values, an array its values.
 */
export function firestoreBytes(value: unknown): number {
  if (typeof value === "string") return utf8.encode(value).length + 1;
  if (typeof value === "number") return 8;
  if (typeof value === "boolean" || value === null || value === undefined) return 1;
  if (value instanceof Date) return 8;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + firestoreBytes(item), 0);
  if (typeof value === "object") {
    let sum = 0;
    for (const [key, item] of Object.entries(value))
      sum += utf8.encode(key).length + 1 + firestoreBytes(item);
    return sum;
  }
  return 8;
}

const itemId = z.string().check(z.minLength(1), z.maxLength(LIMITS.idChars));
/**
 * Who last changed a message (a uid): the sync engine stamps it on every message it saves changed,
 * so members editing one conversation see whose text it is (docs/collaboration.md).
 */
const editedBy = z.optional(userId);
/** An http(s) URL (the SPA's avatars and images; share links). */
export const webUrl = z
  .string()
  .check(z.maxLength(LIMITS.urlChars), z.regex(/^https?:\/\/\S+$/, "must be an http(s) URL"));

export const author = z.strictObject({
  id: itemId,
  name: z.string().check(z.maxLength(LIMITS.authorNameChars)),
  /** DiceBear or an uploaded avatar; "" when none. */
  avatarUrl: z.union([z.literal(""), webUrl]),
});
export type Author = z.infer<typeof author>;

export const textMessage = z.strictObject({
  id: itemId,
  role: z.enum(["me", "other", "system"]),
  authorId: z.string().check(z.maxLength(LIMITS.idChars)),
  /** Plain text (not HTML-escaped): the SPA escapes when it renders. */
  text: z.string().check(z.maxLength(LIMITS.messageTextChars)),
  datetime: z.string().check(z.maxLength(LIMITS.datetimeChars)),
  /** Only from the older format's image messages; never a data: URL (documents are not blob stores). */
  imageUrl: z.optional(webUrl),
  editedBy,
});
export type TextMessage = z.infer<typeof textMessage>;

export const dateDivider = z.strictObject({
  id: itemId,
  type: z.literal("dateDivider"),
  text: z.string().check(z.maxLength(LIMITS.messageTextChars)),
  editedBy,
});
export type DateDivider = z.infer<typeof dateDivider>;

export const message = z.union([textMessage, dateDivider]);
export type Message = z.infer<typeof message>;

export const conversationBody = z.strictObject({
  platformSkin,
  title: z.string().check(z.maxLength(LIMITS.titleChars)),
  unreadCount: z.int().check(z.minimum(0), z.maximum(LIMITS.unreadCount)),
  authors: z.array(author).check(z.maxLength(LIMITS.authors)),
  messages: z.array(message).check(z.maxLength(LIMITS.messages)),
});
export type ConversationBody = z.infer<typeof conversationBody>;

/**
 * A full copy of a preset plus the user's edits. Only `id` and `name` are fixed: the SPA adds colour
 * and size keys over time, and they pass through untouched within a size budget.
 */
export const theme = z
  .looseObject({ id: itemId, name: z.string().check(z.maxLength(LIMITS.titleChars)) })
  .check(
    z.refine(
      (t) => Object.keys(t).length <= LIMITS.themeKeys,
      `a theme has at most ${LIMITS.themeKeys} keys`,
    ),
    // `params.limit` marks a size limit: fitConversationData words it as "too large", not "invalid".
    z.refine((t) => jsonBytes(t) <= LIMITS.themeJsonBytes, {
      error: `a theme is at most ${LIMITS.themeJsonBytes} bytes of JSON`,
      params: { limit: LIMITS.themeJsonBytes },
    }),
    // Its free keys are stored as sent: what Firestore would refuse is refused here, never at the write.
    z.refine((t) => firestoreValueProblem(t) === null, {
      error: (issue) => `a theme cannot be stored: it ${firestoreValueProblem(issue.input)}`,
    }),
  );
export type Theme = z.infer<typeof theme>;

export const statusBar = z.strictObject({
  time: z.string().check(z.maxLength(LIMITS.datetimeChars)),
  battery: z.number().check(z.minimum(0), z.maximum(100)),
  isWifi: z.boolean(),
});
export type StatusBar = z.infer<typeof statusBar>;

/**
 * What the SPA saves for one project: the part the user edits. `title` is the project's name in the
 * list; `conversation.title` is the chat room's title drawn in the picture.
 */
export const conversationData = z
  .strictObject({
    title: z.string().check(z.maxLength(LIMITS.titleChars)),
    conversation: conversationBody,
    theme,
    statusBar,
  })
  .check(
    z.refine((d) => firestoreBytes(d) <= MAX_DOCUMENT_BYTES, {
      error: (issue) =>
        `the conversation takes ${firestoreBytes(issue.input)} bytes; a document holds at most ${MAX_DOCUMENT_BYTES} (split it into two projects)`,
    }),
  );
export type ConversationData = z.infer<typeof conversationData>;

/** A conversation's own fields, cut from anything that carries more (getConversation's answer). */
export const conversationDataOf = ({
  title,
  conversation,
  theme,
  statusBar,
}: ConversationData): ConversationData => ({
  title,
  conversation,
  theme,
  statusBar,
});

/**
 * A conversation's data with no uid left in it (messages' `editedBy` marks): what every share copy
 * holds, public or behind a password, and what a copy to someone's account starts from.
 */
export function withoutUids(data: ConversationData): ConversationData {
  const messages = data.conversation.messages.map((m): Message => {
    if (m.editedBy === undefined) return m;
    const copy = { ...m };
    delete copy.editedBy;
    return copy;
  });
  return { ...data, conversation: { ...data.conversation, messages } };
}

/** The list's row: what a project list shows, the same size for 5 messages or 500. */
export interface ConversationSummary {
  readonly id: string;
  readonly title: string;
  readonly platformSkin: PlatformSkin;
  readonly themeId: string;
  readonly messageCount: number;
  readonly preview: string;
  readonly revision: number;
  /** Server write times. */
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** The project's own times as the user knows them (kept from LocalStorage on import); the list sorts by `projectCreatedAt`, or `projectUpdatedAt` on request. */
  readonly projectCreatedAt: Date;
  readonly projectUpdatedAt: Date;
  readonly importedFrom: ImportSource | null;
  /** The share code a "copy to my account" came from. */
  readonly copiedFromShare: string | null;
}

/** One conversation read whole: its summary plus what the user edits. */
export type StoredConversation = ConversationSummary & ConversationData;

/** At most `maxUnits` UTF-16 units (what zod's max counts), never cutting an emoji in half. */
export function cutText(text: string, maxUnits: number): string {
  let cut = "";
  for (const char of text) {
    if (cut.length + char.length > maxUnits) break;
    cut += char;
  }
  return cut;
}

/** The list fields derived from a conversation's data: one function so client and import agree. */
export function summaryFields(data: ConversationData) {
  const lastText = data.conversation.messages.findLast((m) => !("type" in m))?.text ?? "";
  return {
    title: data.title,
    platformSkin: data.conversation.platformSkin,
    themeId: data.theme.id,
    messageCount: data.conversation.messages.length,
    preview: cutText(lastText, LIMITS.previewChars),
  };
}
