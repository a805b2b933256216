// The share documents as the functions read and write them.
import {
  Timestamp,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type UpdateData,
} from "firebase-admin/firestore";
import { DomainError } from "../common/errors.js";
import type { ShareDeps } from "./deps.js";
import {
  firestorePaths,
  parseContentRecord,
  withoutUids,
  type ConversationData,
  type PasswordHash,
  type MirroredShareField,
  type OwnShareDocument,
  type ShareDocument,
  type ShareOwnerDocument,
  type ShareSecretDocument,
} from "../schema.js";

export type StoredShare = ShareDocument<Timestamp>;
export type StoredOwnShare = OwnShareDocument<Timestamp>;
/** The owner link also carries `expiresAt`, so the TTL policy removes it with its share. */
export type StoredOwner = ShareOwnerDocument & { expiresAt: Timestamp };
/** The secret part also carries `expiresAt`, so the TTL policy removes it with its share. */
export type StoredSecret = ShareSecretDocument & { expiresAt: Timestamp };

export const shareRef = (db: Firestore, code: string) =>
  db.doc(firestorePaths.share(code)) as DocumentReference<StoredShare>;
export const secretRef = (db: Firestore, code: string) =>
  db.doc(firestorePaths.shareSecret(code)) as DocumentReference<StoredSecret>;
export const ownShareRef = (db: Firestore, uid: string, code: string) =>
  db.doc(firestorePaths.ownShare(uid, code)) as DocumentReference<StoredOwnShare>;
export const ownerRef = (db: Firestore, code: string) =>
  db.doc(firestorePaths.shareOwner(code)) as DocumentReference<StoredOwner>;

const MIRRORED: readonly MirroredShareField[] = [
  "title",
  "createdAt",
  "updatedAt",
  "expiresAt",
  "revokedAt",
  "passwordProtected",
  "allowDownload",
  "viewCount",
];

/**
 * The part of a change to `shares/{code}` the owner's record repeats: every write of a share's
 * settings writes both documents with this, in one batch or transaction.
 */
export function mirrored(update: {
  readonly [K in keyof StoredShare]?: unknown;
}): UpdateData<StoredOwnShare> {
  return Object.fromEntries(MIRRORED.filter((key) => key in update).map((key) => [key, update[key]]));
}

/** The owner's record of a share of `conversationId`. */
export const ownRecordOf = (share: StoredShare, conversationId: string): StoredOwnShare => ({
  ...(mirrored(share) as Omit<StoredOwnShare, "conversationId">),
  conversationId,
});

export type ShareState = "live" | "expired" | "revoked";

/**
 * The live shares of one conversation: not revoked, expiring after `now`. At most
 * SHARE_LIMITS.liveSharesPerConversation (createShare refuses more), which bounds a save's sync.
 */
export const liveSharesOf = (db: Firestore, uid: string, conversationId: string, now: Date) =>
  db
    .collection(firestorePaths.ownShares(uid))
    .where("conversationId", "==", conversationId)
    .where("revokedAt", "==", null)
    .where("expiresAt", ">", Timestamp.fromDate(now));

export function stateOf(share: StoredShare, now: Date): ShareState {
  if (share.revokedAt !== null) return "revoked";
  // Expiry is checked on every read: TTL deletion can lag by a day.
  return share.expiresAt.toMillis() <= now.getTime() ? "expired" : "live";
}

// The share URL and the owner's view of a share are built as the client builds them.

/** A share that exists, or `not-found`. */
export function existing(snapshot: DocumentSnapshot<StoredShare>): StoredShare {
  const share = snapshot.data();
  if (!share) throw new DomainError("not-found", "share-not-found", "There is no such share.");
  return share;
}

/**
 * A share of the caller's, read with the caller's own record of it (`users/{uid}/shares/{code}`):
 * `not-found` for anyone else's (never says the code exists).
 */
export function ownedBy(
  own: DocumentSnapshot,
  snapshot: DocumentSnapshot,
): StoredShare & { conversationId: string } {
  const record = own.data() as StoredOwnShare | undefined;
  if (!record) throw new DomainError("not-found", "share-not-found", "There is no such share.");
  return { ...existing(snapshot as DocumentSnapshot<StoredShare>), conversationId: record.conversationId };
}

/** `revoked` or `expired` as the failed-precondition the caller can tell apart. */
export function assertLive(share: StoredShare, now: Date): void {
  const state = stateOf(share, now);
  if (state === "revoked")
    throw new DomainError("failed-precondition", "share-revoked", "This share was revoked.");
  if (state === "expired")
    throw new DomainError("failed-precondition", "share-expired", "This share has expired.");
}

/** Copying a share and downloading its image both need the owner's `allowDownload`. */
export function assertDownloadAllowed(share: StoredShare): void {
  if (!share.allowDownload) {
    throw new DomainError(
      "failed-precondition",
      "download-not-allowed",
      "The owner does not allow copies or downloads of this share.",
    );
  }
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

/** A conversation's content document as the data a share copies: only what passes the schema, no uids. */
export function sharedContentOf(
  content: DocumentSnapshot,
): { data: ConversationData; revision: number } | null {
  const raw = content.data();
  if (!raw) return null;
  const parsed = parseContentRecord(raw);
  if (!parsed) {
    throw new DomainError(
      "failed-precondition",
      "conversation-invalid",
      "This conversation does not fit the schema, so it cannot be shared.",
    );
  }
  return { data: withoutUids(parsed.data), revision: parsed.revision };
}

export const hoursFrom = (now: Date, hours: number) =>
  Timestamp.fromMillis(now.getTime() + hours * 3_600_000);

/** Marks a share revoked and drops its copies: a revoked link shows nothing, ever again. */
export async function revokeShareDocuments(
  deps: Pick<ShareDeps, "db" | "now">,
  uid: string,
  code: string,
): Promise<Timestamp> {
  const { db } = deps;
  const revokedAt = Timestamp.fromDate(deps.now());
  const batch = db.batch();
  const change = { revokedAt, content: null, updatedAt: revokedAt } satisfies UpdateData<StoredShare>;
  batch.update(shareRef(db, code), change);
  batch.update(ownShareRef(db, uid, code), mirrored(change));
  batch.delete(secretRef(db, code));
  await batch.commit();
  return revokedAt;
}
