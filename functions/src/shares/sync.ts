// Shares follow their conversation: a save refreshes every live share's copy, a deletion revokes them
// (through conversations/conversation-deletion.ts).
import { Timestamp, type DocumentData } from "firebase-admin/firestore";
import { parseContentRecord, withoutUids } from "../schema.js";
import type { ShareDeps } from "./deps.js";
import { liveSharesOf, mirrored, revokeShareDocuments, secretRef, shareRef, stateOf } from "./documents.js";

export interface SyncResult {
  updated: number;
}

/** Revokes every live share of a deleted conversation; returns how many. */
export async function revokeSharesOf(
  deps: Pick<ShareDeps, "db" | "now">,
  uid: string,
  conversationId: string,
): Promise<number> {
  const live = (await liveSharesOf(deps.db, uid, conversationId, deps.now()).get()).docs;
  await Promise.all(live.map((doc) => revokeShareDocuments(deps, uid, doc.id)));
  return live.length;
}

/**
 * Called with the content document after a save. Copies only what passes the schema; an older
 * revision arriving late (triggers are at-least-once, unordered) changes nothing.
 */
export async function syncSharesOfConversation(
  deps: Pick<ShareDeps, "db" | "now">,
  uid: string,
  conversationId: string,
  after: DocumentData,
  log: (message: string, fields: Record<string, unknown>) => void,
): Promise<SyncResult> {
  const { db } = deps;
  const now = deps.now();
  // At most SHARE_LIMITS.liveSharesPerConversation: a save rewrites that many copies at most.
  const live = (await liveSharesOf(db, uid, conversationId, now).get()).docs;
  const parsed = parseContentRecord(after);
  if (!parsed) {
    log("A saved conversation does not fit the schema: its shares keep their last good copy.", {
      uid,
      conversationId,
    });
    return { updated: 0 };
  }
  // A share names nobody: no uid of the owner or a member (docs/sharing.md).
  const data = withoutUids(parsed.data);
  const { revision } = parsed;
  let updated = 0;
  await Promise.all(
    live.map((doc) =>
      db.runTransaction(async (tx) => {
        const share = (await tx.get(shareRef(db, doc.id))).data();
        if (!share || stateOf(share, now) !== "live" || share.revision >= revision) return;
        const change = {
          title: data.title,
          revision,
          updatedAt: Timestamp.fromDate(now),
          content: share.passwordProtected ? null : data,
        };
        tx.update(shareRef(db, doc.id), change);
        tx.update(doc.ref, mirrored(change));
        if (share.passwordProtected) tx.update(secretRef(db, doc.id), { content: data });
        updated++;
      }),
    ),
  );
  return { updated };
}
