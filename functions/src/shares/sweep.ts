// Deletes shares nobody can open any more, page by page, with their sub-collections (secret, view
// shards). Production also has a TTL policy on `expiresAt`; this sweep keeps the emulator and any
// project without one tidy, and removes revoked shares a while after revocation.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { firestorePaths } from "../schema.js";
import { ownerRef, ownShareRef, shareRef } from "./documents.js";

/** A share with its sub-collections and its owner's record (found through the owner link). */
async function deleteShare(db: Firestore, code: string): Promise<void> {
  const owner = (await ownerRef(db, code).get()).data();
  if (owner) await ownShareRef(db, owner.ownerUid, code).delete();
  await db.recursiveDelete(shareRef(db, code));
}

/** Revoked shares stay this long (owners see them in their list as revoked, the page says 410). */
export const REVOKED_RETENTION_MS = 7 * 24 * 3_600_000;
const PAGE = 100;

async function deleteWhere(
  db: Firestore,
  field: "expiresAt" | "revokedAt",
  before: Timestamp,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const page = await db
      .collection(firestorePaths.shares)
      .where(field, "<=", before)
      .limit(PAGE)
      .select()
      .get();
    await Promise.all(page.docs.map((doc) => deleteShare(db, doc.id)));
    deleted += page.size;
    if (page.size < PAGE) return deleted;
  }
}

export async function sweepShares(db: Firestore, now: Date): Promise<{ expired: number; revoked: number }> {
  const expired = await deleteWhere(db, "expiresAt", Timestamp.fromDate(now));
  const revoked = await deleteWhere(
    db,
    "revokedAt",
    Timestamp.fromMillis(now.getTime() - REVOKED_RETENTION_MS),
  );
  return { expired, revoked };
}
