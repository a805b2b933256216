import { z } from "zod";
import { conversationData } from "./conversation.js";
import { SHARE_LIMITS } from "./limits.js";

/**
 * A share code: nanoid's URL-safe alphabet, SHARE_LIMITS.codeChars long (22 characters = 132 bits:
 * unguessable, per the W3C's capability-URL guidance). Codes are checked before any read, so an odd
 * URL never reaches Firestore.
 */
export const SHARE_CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";
export const shareCode = z
  .string()
  .length(SHARE_LIMITS.codeChars)
  .regex(/^[A-Za-z0-9_-]+$/, "must be a share code");

export const sharePassword = z.string().min(SHARE_LIMITS.passwordMinChars).max(SHARE_LIMITS.passwordMaxChars);

export const expiresInHours = z
  .number()
  .int()
  .min(SHARE_LIMITS.minExpiryHours)
  .max(SHARE_LIMITS.maxExpiryHours);

/** What a share exposes: exactly what passed validation, so nothing unexpected becomes public. */
export const sharedContent = conversationData;

/**
 * `shares/{code}`, the public part (functions write it; rules let anyone `get` one that is live and
 * not password protected, and owners list their own). `content` is null when password protected:
 * the protected copy lives in the secret document. `Time` is the Timestamp class of the SDK reading.
 */
export interface ShareDocument<Time> {
  ownerUid: string;
  conversationId: string;
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
