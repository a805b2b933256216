// Shares follow their conversation: a save refreshes every live share's copy, a deletion revokes them.
import { Timestamp, type DocumentData } from "firebase-admin/firestore";
import { parseContentRecord } from "../schema.js";
import type { ShareDeps } from "./deps.js";
import { liveSharesOf, revokeShareDocuments, secretRef, stateOf, type StoredShare } from "./documents.js";

export interface SyncResult {
  updated: number;
  revoked: number;
}

/**
 * Called with the content document after a write (undefined once deleted). Copies only what passes
 * the schema; an older revision arriving late (triggers are at-least-once, unordered) changes nothing.
 */
export async function syncSharesOfConversation(
  deps: Pick<ShareDeps, "db" | "now">,
  uid: string,
  conversationId: string,
  after: DocumentData | undefined,
  log: (message: string, fields: Record<string, unknown>) => void,
): Promise<SyncResult> {
  const { db } = deps;
  const now = deps.now();
  // At most SHARE_LIMITS.liveSharesPerConversation: a save rewrites that many copies at most.
  const live = (await liveSharesOf(db, uid, conversationId, now).get()).docs;
  if (after === undefined) {
    await Promise.all(live.map((doc) => revokeShareDocuments(deps, doc.id)));
    return { updated: 0, revoked: live.length };
  }
  const parsed = parseContentRecord(after);
  if (!parsed) {
    log("A saved conversation does not fit the schema: its shares keep their last good copy.", {
      uid,
      conversationId,
    });
    return { updated: 0, revoked: 0 };
  }
  const { data, revision } = parsed;
  let updated = 0;
  await Promise.all(
    live.map((doc) =>
      db.runTransaction(async (tx) => {
        const share = (await tx.get(doc.ref)).data() as StoredShare | undefined;
        if (!share || stateOf(share, now) !== "live" || share.revision >= revision) return;
        const stamp = Timestamp.fromDate(now);
        tx.update(doc.ref, {
          title: data.title,
          revision,
          updatedAt: stamp,
          content: share.passwordProtected ? null : data,
        });
        if (share.passwordProtected) tx.update(secretRef(db, doc.id), { content: data });
        updated++;
      }),
    ),
  );
  return { updated, revoked: 0 };
}
