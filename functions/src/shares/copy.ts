// "Copy to my account": a signed-in viewer saves a share that allows download as a conversation of
// their own, through the same per-minute creation throttle the rules hold the client to.
import { Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import { assertAccountOpenIn } from "../common/closed-accounts.js";
import { DomainError } from "../common/errors.js";
import { contentRef, summaryRef } from "../conversations/conversation-documents.js";
import {
  contentRecord,
  creditedCreate,
  firestorePaths,
  newSummaryRecord,
  withoutUids,
  type ConversationData,
} from "../schema.js";
import type { ShareCaller, ShareDeps } from "./deps.js";
import { assertDownloadAllowed } from "./documents.js";
import { unlockShare } from "./open.js";

const WINDOW_MS = 60_000;

/**
 * Credits one create to `users/{uid}/throttles/conversationCreates` exactly as the rules let the
 * client do it (same step), so the client's next create still passes its rules; a full window that
 * is under a minute old is `rate-limited` here rather than left for the rules to refuse.
 */
async function creditCreate(tx: Transaction, db: Firestore, uid: string, id: string, now: Date) {
  const ref = db.doc(firestorePaths.throttle(uid, "conversationCreates"));
  const current = (await tx.get(ref)).data();
  const windowStart: unknown = current?.windowStart;
  const valid = windowStart instanceof Timestamp ? current : undefined;
  const { opened, record } = creditedCreate(valid, id, Timestamp.fromDate(now));
  if (opened && windowStart instanceof Timestamp && typeof current?.count === "number") {
    const retryAfterMs = windowStart.toMillis() + WINDOW_MS - now.getTime();
    if (retryAfterMs >= 0) {
      throw new DomainError("resource-exhausted", "rate-limited", "Too many new conversations this minute.", {
        retryAfterSeconds: Math.ceil(retryAfterMs / 1000) || 1,
      });
    }
  }
  tx.set(ref, record);
}

function writeCopy(
  tx: Transaction,
  db: Firestore,
  uid: string,
  id: string,
  data: ConversationData,
  code: string,
  now: Date,
) {
  const stamp = Timestamp.fromDate(now);
  tx.create(summaryRef(db, uid, id), {
    ...newSummaryRecord(data, stamp),
    copiedFromShare: code,
  });
  tx.create(contentRef(db, uid, id), contentRecord(data, 1));
}

export async function copySharedConversation(
  deps: ShareDeps,
  caller: ShareCaller & { uid: string },
  input: { code: string; password?: string | undefined },
): Promise<{ conversationId: string }> {
  const { db } = deps;
  const { share, content } = await unlockShare(deps, caller, input.code, input.password);
  assertDownloadAllowed(share);
  const id = db.collection(firestorePaths.conversations(caller.uid)).doc().id;
  await db.runTransaction(async (tx) => {
    const now = deps.now();
    await assertAccountOpenIn(tx, db, caller.uid);
    await creditCreate(tx, db, caller.uid, id, now);
    // A copy made before shares dropped uids may still carry members' `editedBy` marks.
    writeCopy(tx, db, caller.uid, id, withoutUids(content), input.code, now);
  });
  return { conversationId: id };
}
