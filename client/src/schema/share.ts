import * as z from "zod/mini";
import { conversationData, webUrl } from "./conversation.js";
import { firestoreId } from "./ids.js";
import { SHARE_CODE_PATTERN, SHARE_LIMITS } from "./limits.js";

/**
 * A share code: nanoid's URL-safe alphabet, SHARE_LIMITS.codeChars long (22 characters = 132 bits:
 * unguessable, per the W3C's capability-URL guidance). Codes are checked before any read, so an odd
 * URL never reaches Firestore.
 */
export const shareCode = z
  .string()
  .check(z.regex(SHARE_CODE_PATTERN, `must be a share code (${SHARE_LIMITS.codeChars} characters)`));

/** A password an owner sets. */
export const sharePassword = z
  .string()
  .check(z.minLength(SHARE_LIMITS.passwordMinChars), z.maxLength(SHARE_LIMITS.passwordMaxChars));

/** A password a viewer tries: anything shorter cannot be a share's password and costs no guess. */
export const sharePasswordAttempt = z
  .string()
  .check(z.minLength(SHARE_LIMITS.passwordAttemptMinChars), z.maxLength(SHARE_LIMITS.passwordMaxChars));

export const expiresInHours = z
  .int()
  .check(z.minimum(SHARE_LIMITS.minExpiryHours), z.maximum(SHARE_LIMITS.maxExpiryHours));

/** What a share exposes: exactly what passed validation, so nothing unexpected becomes public. */
export const sharedContent = conversationData;

/**
 * `shares/{code}`, the public part (functions write it; rules let anyone `get` one that is live and
 * not password protected). Nothing in it names the owner or the conversation: anyone with the link
 * reads all of it. `content` is null when password protected: the protected copy lives in the
 * secret document. `Time` is the Timestamp class of the SDK reading.
 */
export interface ShareDocument<Time> {
  /** The project's title at the last sync. */
  title: string;
  createdAt: Time;
  updatedAt: Time;
  expiresAt: Time;
  revokedAt: Time | null;
  passwordProtected: boolean;
  allowDownload: boolean;
  /** Views by people (never preview crawlers); may lag by up to a minute (sharded counter). */
  viewCount: number;
  /** The conversation's revision this copy was taken from. */
  revision: number;
  content: z.infer<typeof sharedContent> | null;
}

/** The fields of a share its owner's record repeats (functions write both in one batch). */
export type MirroredShareField =
  | "title"
  | "createdAt"
  | "updatedAt"
  | "expiresAt"
  | "revokedAt"
  | "passwordProtected"
  | "allowDownload"
  | "viewCount";

/** `users/{uid}/shares/{code}`: the owner's record (functions write it, the owner reads and lists it). */
export type OwnShareDocument<Time> = Pick<ShareDocument<Time>, MirroredShareField> & {
  conversationId: string;
};

/** `shares/{code}/private/owner`: who owns the share, for the functions that start from a code. */
export interface ShareOwnerDocument {
  ownerUid: string;
  conversationId: string;
}

/** `shares/{code}/private/secret`: read and written by functions only. */
export interface ShareSecretDocument {
  /** scrypt parameters beside the hash, so they can be raised later without breaking old shares. */
  password: PasswordHash | null;
  /** The copy of a password-protected share (null for public ones, whose copy is public). */
  content: z.infer<typeof sharedContent> | null;
}

export interface PasswordHash {
  algorithm: "scrypt";
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

// ---- Callable shapes ------------------------------------------------------------------------
// Times travel as ISO 8601 strings in UTC, as `Date.toISOString` writes them (callables speak JSON).
// A regex rather than `z.iso.datetime()`: the same check for the forms we send, at a fraction of
// the client's bytes (docs/performance.md).

export const isoTime = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/, "must be an ISO 8601 UTC time"));
/** Checked before any read: a caller's text never becomes a Firestore path of its choosing. */
const conversationId = firestoreId;

export const createShareInput = z.strictObject({
  conversationId,
  /** Default SHARE_LIMITS.defaultExpiryHours (7 days). */
  expiresInHours: z.optional(expiresInHours),
  password: z.optional(sharePassword),
  /** Default true. */
  allowDownload: z.optional(z.boolean()),
});
export type CreateShareInput = z.infer<typeof createShareInput>;

export const createShareOutput = z.object({ code: shareCode, url: webUrl, expiresAt: isoTime });
export type CreateShareOutput = z.infer<typeof createShareOutput>;

export const updateShareInput = z
  .strictObject({
    code: shareCode,
    /** A new expiry counted from now: extends or shortens. */
    expiresInHours: z.optional(expiresInHours),
    /** A new password; null removes it. */
    password: z.optional(z.nullable(sharePassword)),
    allowDownload: z.optional(z.boolean()),
  })
  .check(z.refine((u) => Object.keys(u).length > 1, "Nothing to update."));
export type UpdateShareInput = z.infer<typeof updateShareInput>;

/** A share as its owner sees it (updateShare's answer; listShares gives the same rows). */
export const shareSettings = z.object({
  code: shareCode,
  url: webUrl,
  conversationId,
  title: z.string(),
  createdAt: isoTime,
  expiresAt: isoTime,
  revokedAt: z.nullable(isoTime),
  passwordProtected: z.boolean(),
  allowDownload: z.boolean(),
  viewCount: z.int().check(z.minimum(0)),
});
export type ShareSettings = z.infer<typeof shareSettings>;

export const shareCodeInput = z.strictObject({ code: shareCode });
export const revokeShareOutput = z.object({ code: shareCode, revokedAt: isoTime });

export const openShareInput = z.strictObject({ code: shareCode, password: z.optional(sharePasswordAttempt) });
export type OpenShareInput = z.infer<typeof openShareInput>;

/** A share as a viewer sees it: read-only. */
export const openShareOutput = z.object({
  code: shareCode,
  title: z.string(),
  content: sharedContent,
  allowDownload: z.boolean(),
  expiresAt: isoTime,
});
export type OpenedShare = z.infer<typeof openShareOutput>;

export const copySharedConversationOutput = z.object({ conversationId });
