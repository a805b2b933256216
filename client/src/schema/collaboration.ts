// Editing together: presence and version history (docs/collaboration.md). Membership itself (the
// `members` map, invites) has its own module.
import * as z from "zod/mini";
import { conversationData, webUrl, type ConversationData } from "./conversation.js";
import { firestoreId, userId } from "./ids.js";
import { LIMITS, VERSION_NAME_CHARS } from "./limits.js";

/**
 * `presence/{uid}`: a member with the conversation open. Written by that member's own client (its
 * heartbeat), read by every member. `Time` is the Timestamp class of the SDK reading.
 */
export interface PresenceDocument<Time> {
  /** The member's profile's displayName and photoURL ("" when none): the rules compare them. */
  name: string;
  avatarUrl: string;
  /** The server's time of the last write: readers hide entries older than presenceStaleSeconds. */
  updatedAt: Time;
  /**
   * TTL field: the document is deleted some time after this (lazily; readers do not wait for it).
   * Equal to `updatedAt` once the member left.
   */
  expiresAt: Time;
}

export const presenceName = z.string().check(z.maxLength(LIMITS.displayNameChars));
export const presenceAvatar = z.union([z.literal(""), webUrl]);

/** What kind of version it is: why it was taken. */
export const VERSION_KINDS = [
  /** The state a conversation had reached when the next 5-minute window of edits began. */
  "auto",
  /** Asked for by a member (`saveVersion`), with a name. */
  "named",
  /** A co-editor's text that a later save of the same message replaced (the merge rule's loser). */
  "overwritten",
  /** What the conversation held just before a restore replaced it. */
  "before-restore",
] as const;
export const versionKind = z.enum(VERSION_KINDS);
export type VersionKind = z.infer<typeof versionKind>;

/**
 * `versions/{versionId}`, the row the history lists (the copy itself is `snapshot/current` under
 * it). One version per revision: its id is `r{revision}`, so a revision is never kept twice.
 */
export interface VersionDocument<Time> {
  revision: number;
  kind: VersionKind;
  /**
   * Set by `saveVersion`; a revision kept unnamed first can be named later. A name belongs to whoever
   * gave it (`createdBy`): nobody else renames it.
   */
  name: string | null;
  title: string;
  messageCount: number;
  createdAt: Time;
  /** Who asked for it (for a named one, who named it); null for the automatic ones. */
  createdBy: string | null;
  /**
   * Whose work it holds: who saved that revision (the owner for one no member saved). Unnamed
   * versions are charged to it (versionsPerAuthor), named ones to `createdBy`.
   */
  author: string;
  /** The autoVersionEveryMinutes window the revision was saved in: one unnamed version per author and window. */
  window: number;
  /** TTL field: createdAt + versionKeepDays. */
  expiresAt: Time;
}

export const versionIdOf = (revision: number) => `r${revision}`;
export const versionId = z.string().check(z.regex(/^r[1-9][0-9]{0,15}$/, "must be a version id"));
export const versionName = z.string().check(z.minLength(1), z.maxLength(VERSION_NAME_CHARS));

const conversationRef = { ownerUid: userId, conversationId: firestoreId };

export const saveVersionInput = z.strictObject({
  ...conversationRef,
  name: z.optional(versionName),
  /**
   * Only if the conversation is still at this revision (the sync engine keeps the text it is about
   * to replace): otherwise nothing is taken and `versionId` is null.
   */
  revision: z.optional(z.int().check(z.minimum(1))),
  kind: z.optional(z.enum(["named", "overwritten"])),
});
export const saveVersionOutput = z.strictObject({
  versionId: z.nullable(versionId),
  revision: z.int(),
});

export const restoreVersionInput = z.strictObject({ ...conversationRef, versionId });
export const restoreVersionOutput = z.strictObject({
  /** The new revision holding the restored copy. */
  revision: z.int(),
  /** The version that now keeps what the conversation held before. */
  keptAs: versionId,
});

/**
 * A version's copy, `snapshot/current`: a conversation's data plus its row's `expiresAt`, since TTL
 * deletes only the document that carries the field (functions write it, with the row).
 */
export const versionSnapshotRecord = <Time>(data: ConversationData, expiresAt: Time) => ({
  ...data,
  expiresAt,
});

/** A version's copy back as the conversation's data; null when it does not fit the schema. */
export function parseVersionSnapshot(raw: Record<string, unknown>): ConversationData | null {
  const parsed = conversationData.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([key]) => key !== "expiresAt")),
  );
  return parsed.success ? parsed.data : null;
}

/** What someone may do with a conversation: its owner, a member's role, or nothing. */
export type Access = "owner" | "editor" | "viewer" | null;

/** Reads `uid`'s access from a summary document's `members` map (written by functions only). */
export function accessOf(summary: Record<string, unknown>, ownerUid: string, uid: string): Access {
  if (uid === ownerUid) return "owner";
  const members = summary.members;
  const role =
    typeof members === "object" && members !== null ? (members as Record<string, unknown>)[uid] : null;
  return role === "editor" || role === "viewer" ? role : null;
}
