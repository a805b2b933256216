// Memberships and invites end with the accounts and conversations they belong to (docs/collaboration.md).
import type { Firestore } from "firebase-admin/firestore";
import { invitesOf, removeFromMembers } from "./member-documents.js";

/** Documents read at a time, so no read holds all of them. */
export const CLEANUP_PAGE = 100;

/**
 * Takes `uid` out of every conversation they are a member of. Each page is removed before the next
 * is read, so the same query from the start finds the rest.
 */
export async function endMembershipsOf(db: Firestore, uid: string, pageSize = CLEANUP_PAGE): Promise<number> {
  let ended = 0;
  for (;;) {
    const page = await db
      .collectionGroup("conversations")
      .where("memberUids", "array-contains", uid)
      .limit(pageSize)
      .select()
      .get();
    await Promise.all(page.docs.map((doc) => removeFromMembers(db, doc.ref.parent.parent!.id, doc.id, uid)));
    ended += page.size;
    if (page.size < pageSize) return ended;
  }
}

/** Deletes every invite of an owner (of one conversation when named), revoked and expired ones too. */
export async function deleteInvitesOf(
  db: Firestore,
  ownerUid: string,
  conversationId?: string,
  pageSize = CLEANUP_PAGE,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const page = await invitesOf(db, ownerUid, conversationId).limit(pageSize).select().get();
    const batch = db.batch();
    page.docs.forEach((doc) => batch.delete(doc.ref));
    await batch.commit();
    deleted += page.size;
    if (page.size < pageSize) return deleted;
  }
}
