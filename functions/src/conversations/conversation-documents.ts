// A saved conversation's two documents (summary and content) as the functions reach them, and the
// one answer every caller gets for a conversation that is not there (or not theirs to see).
import type { DocumentSnapshot, Firestore, Transaction } from "firebase-admin/firestore";
import { DomainError } from "../common/errors.js";
import { firestorePaths } from "../schema.js";

export const summaryRef = (db: Firestore, ownerUid: string, conversationId: string) =>
  db.doc(firestorePaths.conversation(ownerUid, conversationId));
export const contentRef = (db: Firestore, ownerUid: string, conversationId: string) =>
  db.doc(firestorePaths.content(ownerUid, conversationId));

/** Also what a stranger hears about someone else's conversation: its existence never leaks. */
export const conversationNotFound = () =>
  new DomainError("not-found", "conversation-not-found", "There is no such conversation.");

/**
 * A conversation's summary inside a transaction, or `conversation-not-found`. Its content is read
 * too: membership is written to both, and a write to a missing document would fail as `internal`.
 */
export async function conversationIn(
  tx: Transaction,
  db: Firestore,
  ownerUid: string,
  conversationId: string,
): Promise<DocumentSnapshot> {
  const [summary, content] = await tx.getAll(
    summaryRef(db, ownerUid, conversationId),
    contentRef(db, ownerUid, conversationId),
  );
  if (!summary!.exists || !content!.exists) throw conversationNotFound();
  return summary!;
}
