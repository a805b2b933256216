// "Copy to my account": a signed-in viewer saves a share that allows download as a conversation of
// their own, through the same per-minute creation throttle the rules hold the client to.
import { Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import { assertAccountOpenIn } from "../common/closed-accounts.js";
import { DomainError } from "../common/errors.js";
import { firestorePaths, RATE_LIMITS, summaryFields, type ConversationData } from "../schema.js";
import type { ShareCaller, ShareDeps } from "./deps.js";
import { unlockShare } from "./open.js";

const WINDOW_MS = 60_000;

/**
 * Credits one create to `users/{uid}/throttles/conversationCreates` exactly as the rules let the
 * client do it (same fields, same window), so the client's next create still passes its rules.
 */
async function creditCreate(tx: Transaction, db: Firestore, uid: string, id: string, now: Date) {
  const ref = db.doc(firestorePaths.throttle(uid, "conversationCreates"));
  const current = (await tx.get(ref)).data();
  const stamp = Timestamp.fromDate(now);
  const count: unknown = current?.count;
  const windowStart: unknown = current?.windowStart;
  if (typeof count === "number" && windowStart instanceof Timestamp) {
    if (count < RATE_LIMITS.conversationCreatesPerUserPerMinute) {
      tx.set(ref, { windowStart, count: count + 1, ids: [id], updatedAt: stamp });
      return;
    }
    const retryAfterMs = windowStart.toMillis() + WINDOW_MS - now.getTime();
    if (retryAfterMs >= 0) {
      throw new DomainError("resource-exhausted", "rate-limited", "Too many new conversations this minute.", {
        retryAfterSeconds: Math.ceil(retryAfterMs / 1000) || 1,
      });
    }
  }
  tx.set(ref, { windowStart: stamp, count: 1, ids: [id], updatedAt: stamp });
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
  tx.create(db.doc(firestorePaths.conversation(uid, id)), {
    ...summaryFields(data),
    revision: 1,
    createdAt: stamp,
    updatedAt: stamp,
    projectCreatedAt: stamp,
    projectUpdatedAt: stamp,
    copiedFromShare: code,
  });
  tx.create(db.doc(firestorePaths.content(uid, id)), { ...data, revision: 1 });
}

export async function copySharedConversation(
  deps: ShareDeps,
  caller: ShareCaller & { uid: string },
  input: { code: string; password?: string | undefined },
): Promise<{ conversationId: string }> {
  const { db } = deps;
  const { share, content } = await unlockShare(deps, caller, input.code, input.password);
  if (!share.allowDownload) {
    throw new DomainError(
      "failed-precondition",
      "download-not-allowed",
      "The owner does not allow copies of this share.",
    );
  }
  const id = db.collection(firestorePaths.conversations(caller.uid)).doc().id;
  await db.runTransaction(async (tx) => {
    const now = deps.now();
    await assertAccountOpenIn(tx, db, caller.uid);
    await creditCreate(tx, db, caller.uid, id, now);
    writeCopy(tx, db, caller.uid, id, content, input.code, now);
  });
  return { conversationId: id };
}
