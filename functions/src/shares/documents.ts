// The share documents as the functions read and write them.
import {
  Timestamp,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
} from "firebase-admin/firestore";
import { DomainError } from "../common/errors.js";
import {
  conversationData,
  firestorePaths,
  type ConversationData,
  type PasswordHash,
  type ShareDocument,
  type ShareSecretDocument,
  type ShareSettings,
} from "../schema.js";

export type StoredShare = ShareDocument<Timestamp>;
/** The secret part also carries `expiresAt`, so the TTL policy removes it with its share. */
export type StoredSecret = ShareSecretDocument & { expiresAt: Timestamp };

export const shareRef = (db: Firestore, code: string) =>
  db.doc(firestorePaths.share(code)) as DocumentReference<StoredShare>;
export const secretRef = (db: Firestore, code: string) =>
  db.doc(firestorePaths.shareSecret(code)) as DocumentReference<StoredSecret>;

export type ShareState = "live" | "expired" | "revoked";

export function stateOf(share: StoredShare, now: Date): ShareState {
  if (share.revokedAt !== null) return "revoked";
  // Expiry is checked on every read: TTL deletion can lag by a day.
  return share.expiresAt.toMillis() <= now.getTime() ? "expired" : "live";
}

export const shareUrl = (baseUrl: string, code: string) => `${baseUrl}/s/${code}`;

export function settingsOf(code: string, share: StoredShare, baseUrl: string): ShareSettings {
  return {
    code,
    url: shareUrl(baseUrl, code),
    conversationId: share.conversationId,
    title: share.title,
    createdAt: share.createdAt.toDate().toISOString(),
    expiresAt: share.expiresAt.toDate().toISOString(),
    revokedAt: share.revokedAt?.toDate().toISOString() ?? null,
    passwordProtected: share.passwordProtected,
    allowDownload: share.allowDownload,
    viewCount: share.viewCount,
  };
}

/** A share that exists, or `not-found`. */
export function existing(snapshot: DocumentSnapshot<StoredShare>): StoredShare {
  const share = snapshot.data();
  if (!share) throw new DomainError("not-found", "share-not-found", "There is no such share.");
  return share;
}

/** The share's owner, or `not-found` for anyone else (never says the code exists). */
export function ownedBy(snapshot: DocumentSnapshot<StoredShare>, uid: string): StoredShare {
  const share = existing(snapshot);
  if (share.ownerUid !== uid)
    throw new DomainError("not-found", "share-not-found", "There is no such share.");
  return share;
}

/** `revoked` or `expired` as the failed-precondition the caller can tell apart. */
export function assertLive(share: StoredShare, now: Date): void {
  const state = stateOf(share, now);
  if (state === "revoked")
    throw new DomainError("failed-precondition", "share-revoked", "This share was revoked.");
  if (state === "expired")
    throw new DomainError("failed-precondition", "share-expired", "This share has expired.");
}

/**
 * The password hash a protected share keeps in its secret document. A protected share without one
 * (revoked or changed between two reads) is never treated as public: the caller retries and then
 * sees what happened.
 */
export function passwordOf(share: StoredShare, secret: StoredSecret | undefined): PasswordHash | null {
  if (!share.passwordProtected) return null;
  if (secret?.password) return secret.password;
  throw new DomainError("unavailable", "busy", "This share changed meanwhile; try again.");
}

/** A conversation's content document as the data a share copies: only what passes the schema. */
export function sharedContentOf(
  content: DocumentSnapshot,
): { data: ConversationData; revision: number } | null {
  const raw = content.data();
  if (!raw) return null;
  const { revision, ...rest } = raw;
  const parsed = conversationData.safeParse(rest);
  if (!parsed.success || typeof revision !== "number") {
    throw new DomainError(
      "failed-precondition",
      "conversation-invalid",
      "This conversation does not fit the schema, so it cannot be shared.",
    );
  }
  return { data: parsed.data, revision };
}

export const hoursFrom = (now: Date, hours: number) =>
  Timestamp.fromMillis(now.getTime() + hours * 3_600_000);
