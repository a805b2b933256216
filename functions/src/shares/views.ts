// View counts without a hot document: each view increments one of VIEW_SHARDS shard documents
// (`shares/{code}/viewShards/{n}`), and a flush every minute moves the shards' pending counts into
// the share's `viewCount` in one write per share. docs/sharing.md has the arithmetic.
import {
  FieldValue,
  type DocumentReference,
  type Firestore,
  type QueryDocumentSnapshot,
  type Timestamp,
} from "firebase-admin/firestore";
import { firestorePaths } from "../schema.js";
import { isPreviewCrawler } from "./crawlers.js";
import { ownerRef, ownShareRef, shareRef } from "./documents.js";

/** Firestore sustains about one write a second per document: 10 shards take ~10 views a second. */
export const VIEW_SHARDS = 10;
const SHARDS_COLLECTION = firestorePaths.shareViewShards("x").split("/").at(-1)!;

/** Counts one view by a person. Shards carry the share's expiry so the TTL policy removes them too. */
export async function countView(db: Firestore, code: string, expiresAt: Timestamp): Promise<void> {
  const shard = Math.floor(Math.random() * VIEW_SHARDS);
  await db
    .doc(`${firestorePaths.shareViewShards(code)}/${shard}`)
    .set({ pending: FieldValue.increment(1), expiresAt }, { merge: true });
}

/**
 * Counts a page view when a person made it: link-preview crawlers fetch the page for its preview
 * tags and must not inflate the count. Returns whether it counted.
 */
export async function countPageView(
  db: Firestore,
  code: string,
  expiresAt: Timestamp,
  userAgent: string | undefined,
): Promise<boolean> {
  if (isPreviewCrawler(userAgent)) return false;
  await countView(db, code, expiresAt);
  return true;
}

/** Shards one flush reads at a time; a page's shares are flushed concurrently, then the next page. */
export const VIEW_FLUSH_PAGE = 100;

/** Moves one share's pending views into its viewCount (or drops the shards of a share that is gone). */
function flushShare(db: Firestore, code: string, shards: DocumentReference[]): Promise<number> {
  return db.runTransaction(async (tx) => {
    const [share, owner, ...snapshots] = await tx.getAll(shareRef(db, code), ownerRef(db, code), ...shards);
    const counts = snapshots.map((s) => (s.get("pending") as number | undefined) ?? 0);
    const total = counts.reduce((a, b) => a + b, 0);
    if (!share!.exists) {
      shards.forEach((ref) => tx.delete(ref));
      return 0;
    }
    tx.update(share!.ref, { viewCount: FieldValue.increment(total) });
    const ownerUid = owner!.get("ownerUid") as string | undefined;
    if (ownerUid) tx.update(ownShareRef(db, ownerUid, code), { viewCount: FieldValue.increment(total) });
    shards.forEach((ref, i) => tx.update(ref, { pending: FieldValue.increment(-counts[i]!) }));
    return total;
  });
}

/**
 * Moves every shard's pending views into its share's `viewCount`, one transaction per share (so a
 * flush running twice never counts twice), reading `pageSize` shards at a time from a cursor: memory
 * and concurrency stay bounded however many shares were viewed. Returns the number of views moved.
 */
export async function flushViewCounts(db: Firestore, pageSize = VIEW_FLUSH_PAGE): Promise<number> {
  let moved = 0;
  let after: QueryDocumentSnapshot | undefined;
  for (;;) {
    let query = db
      .collectionGroup(SHARDS_COLLECTION)
      .where("pending", ">", 0)
      .orderBy("pending")
      .limit(pageSize);
    if (after) query = query.startAfter(after);
    const page = await query.get();
    const byShare = new Map<string, DocumentReference[]>();
    for (const shard of page.docs) {
      const code = shard.ref.parent.parent!.id;
      byShare.set(code, [...(byShare.get(code) ?? []), shard.ref]);
    }
    const totals = await Promise.all([...byShare].map(([code, shards]) => flushShare(db, code, shards)));
    moved += totals.reduce((a, b) => a + b, 0);
    if (page.size < pageSize) return moved;
    after = page.docs.at(-1);
  }
}
