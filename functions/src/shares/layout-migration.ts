// One-off: shares written before the owner left the public document (docs/sharing.md, "Shares in
// the earlier layout") carry `ownerUid` and `conversationId` on `shares/{code}`. This moves each into
// the owner's record and the owner link, and deletes both fields from the public document.
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { firestorePaths } from "../schema.js";
import { ownerRef, ownRecordOf, ownShareRef, type StoredShare } from "./documents.js";

/** Old shares moved per batch: 3 writes each, well under a batch's 500. */
export const LAYOUT_MIGRATION_PAGE = 100;

type OldShare = StoredShare & { ownerUid: string; conversationId: string };

/** Moves every old-layout share; safe to run again (a moved share no longer matches). */
export async function migrateShareLayout(db: Firestore, pageSize = LAYOUT_MIGRATION_PAGE): Promise<number> {
  let moved = 0;
  for (;;) {
    // Only documents that still have the field match a range on it.
    const page = await db.collection(firestorePaths.shares).where("ownerUid", ">", "").limit(pageSize).get();
    const batch = db.batch();
    for (const doc of page.docs) {
      const { ownerUid, conversationId, ...share } = doc.data() as OldShare;
      batch.set(ownShareRef(db, ownerUid, doc.id), ownRecordOf(share, conversationId));
      batch.set(ownerRef(db, doc.id), { ownerUid, conversationId, expiresAt: share.expiresAt });
      batch.update(doc.ref, { ownerUid: FieldValue.delete(), conversationId: FieldValue.delete() });
    }
    await batch.commit();
    moved += page.size;
    if (page.size < pageSize) return moved;
  }
}
