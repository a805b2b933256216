// What goes when a conversation is deleted: everything that hangs off it outside its two documents.
// The one place that knows the list, so a new kind of thing under a conversation is added here.
import type { Firestore } from "firebase-admin/firestore";
import { deleteInvitesOf } from "../collaboration/member-cleanup.js";
import { firestorePaths } from "../schema.js";
import { revokeSharesOf } from "../shares/sync.js";

export interface DeletedConversation {
  invitesDeleted: number;
  sharesRevoked: number;
}

/**
 * Ends a deleted conversation: its invites go (so one re-created under the same id, the SPA's
 * project id, never reopens an old link), its live shares are revoked, and its version history and
 * presence are deleted (nothing else reads them). Idempotent, as triggers are at-least-once.
 */
export async function endDeletedConversation(
  deps: { db: Firestore; now: () => Date },
  ownerUid: string,
  conversationId: string,
): Promise<DeletedConversation> {
  const { db } = deps;
  const [invitesDeleted, sharesRevoked] = await Promise.all([
    deleteInvitesOf(db, ownerUid, conversationId),
    revokeSharesOf(deps, ownerUid, conversationId),
    db.recursiveDelete(db.collection(firestorePaths.versions(ownerUid, conversationId))),
    db.recursiveDelete(db.collection(firestorePaths.presence(ownerUid, conversationId))),
  ]);
  return { invitesDeleted, sharesRevoked };
}
