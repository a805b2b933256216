// A conversation's members as the functions read and write them, and the invite documents.
import {
  FieldPath,
  FieldValue,
  Timestamp,
  type CollectionReference,
  type DocumentReference,
  type Query,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from "firebase-admin/firestore";
import * as z from "zod/mini";
import { DomainError } from "../common/errors.js";
import { contentRef, summaryRef } from "../conversations/conversation-documents.js";
import {
  firestorePaths,
  inviteUrl,
  memberRole,
  type Invite,
  type InviteDocument,
  type MemberMap,
} from "../schema.js";

export type StoredInvite = InviteDocument<Timestamp>;

export const inviteRef = (db: Firestore, code: string) =>
  db.doc(firestorePaths.invite(code)) as DocumentReference<StoredInvite>;

const memberMap = z.record(z.string(), memberRole);

/** The members a summary (or content) document lists; none when it has no `members` yet. */
export const membersOf = (snapshot: DocumentSnapshot): MemberMap =>
  memberMap.parse(snapshot.get("members") ?? {});

/**
 * Writes a conversation's new member map to both its documents (the rules read each document's own
 * copy, so an open listener of a removed member is refused at once), `memberUids` beside it on the
 * summary for the shared-with-me query. Neither `revision` nor `updatedAt` moves: membership is not
 * an edit of the conversation. A `removed` member's `lastWriteBy` entry (their tabs' save ids) goes too.
 */
export function writeMembers(
  tx: Transaction,
  db: Firestore,
  ownerUid: string,
  conversationId: string,
  members: MemberMap,
  removed?: string,
): void {
  tx.update(summaryRef(db, ownerUid, conversationId), { members, memberUids: Object.keys(members) });
  const content = contentRef(db, ownerUid, conversationId);
  if (removed === undefined) tx.update(content, { members });
  else tx.update(content, "members", members, new FieldPath("lastWriteBy", removed), FieldValue.delete());
}

/**
 * Removes `uid` from a conversation's members, with their presence (the others would see them until
 * it went stale), in its own transaction; nothing when they were none. With `removedAt` (the owner
 * removing them, not a member leaving) every invite live at that moment remembers them in
 * `removedUids` and never seats them again: a link they kept cannot undo the removal.
 */
export async function removeFromMembers(
  db: Firestore,
  ownerUid: string,
  conversationId: string,
  uid: string,
  removedAt?: Date,
): Promise<void> {
  await db.runTransaction(async (tx) => {
    const [summary] = await tx.getAll(summaryRef(db, ownerUid, conversationId));
    const live =
      removedAt === undefined
        ? []
        : (await tx.get(liveInvitesOf(db, ownerUid, conversationId, removedAt))).docs;
    if (!summary!.exists) return;
    const { [uid]: removed, ...rest } = membersOf(summary!);
    if (removed === undefined) return;
    writeMembers(tx, db, ownerUid, conversationId, rest, uid);
    tx.delete(db.doc(firestorePaths.presenceOf(ownerUid, conversationId, uid)));
    for (const invite of live) tx.update(invite.ref, { removedUids: FieldValue.arrayUnion(uid) });
  });
}

/**
 * The live invites of one conversation: not revoked, expiring after `now` (used-up ones included,
 * so the owner sees and can revoke them). At most COLLABORATION_LIMITS.liveInvitesPerConversation.
 */
export const liveInvitesOf = (db: Firestore, ownerUid: string, conversationId: string, now: Date) =>
  invitesOf(db, ownerUid, conversationId)
    .where("revokedAt", "==", null)
    .where("expiresAt", ">", Timestamp.fromDate(now));

/** Every invite of one owner (of one conversation when named), revoked and expired ones too. */
export function invitesOf(db: Firestore, ownerUid: string, conversationId?: string): Query<StoredInvite> {
  const all = (db.collection(firestorePaths.invites) as CollectionReference<StoredInvite>).where(
    "ownerUid",
    "==",
    ownerUid,
  );
  return conversationId === undefined ? all : all.where("conversationId", "==", conversationId);
}

/** An invite as its owner sees it. */
export const inviteOf = (code: string, stored: StoredInvite, baseUrl: string): Invite => ({
  code,
  url: inviteUrl(baseUrl, code),
  conversationId: stored.conversationId,
  role: stored.role,
  createdAt: stored.createdAt.toDate().toISOString(),
  expiresAt: stored.expiresAt.toDate().toISOString(),
  maxUses: stored.maxUses,
  uses: stored.uses,
});

export const inviteNotFound = () =>
  new DomainError("not-found", "invite-not-found", "There is no such invite.");

export const inviteRevoked = () =>
  new DomainError("failed-precondition", "invite-revoked", "The owner turned this invite off.");

/** `revoked` or `expired` as the failed-precondition the caller can tell apart. */
export function assertInviteOpen(stored: StoredInvite, now: Date): void {
  if (stored.revokedAt !== null) throw inviteRevoked();
  if (stored.expiresAt.toMillis() <= now.getTime())
    throw new DomainError("failed-precondition", "invite-expired", "This invite has expired.");
}
