// Who may do what with a conversation, as the functions check it: read from the `members` map of its
// summary (written by functions only), as the rules read it.
import type { DocumentData, Firestore, Transaction } from "firebase-admin/firestore";
import { DomainError } from "../common/errors.js";
import { accessOf, type Access } from "../schema.js";
import { conversationNotFound, summaryRef } from "./conversation-documents.js";

/** The owner's or a member's role in a conversation; `conversation-not-found` for anyone else. */
export function accessTo(
  summary: DocumentData | undefined,
  ownerUid: string,
  uid: string,
): NonNullable<Access> {
  const access = summary ? accessOf(summary, ownerUid, uid) : null;
  if (access === null) throw conversationNotFound();
  return access;
}

/**
 * The summary of a conversation `uid` may change (its owner or an editor), read in `tx` if given;
 * `conversation-not-found` for a stranger, `not-an-editor` for a viewer.
 */
export async function editorSummary(
  tx: Transaction | null,
  db: Firestore,
  ownerUid: string,
  conversationId: string,
  uid: string,
): Promise<DocumentData> {
  const ref = summaryRef(db, ownerUid, conversationId);
  const summary = (await (tx ? tx.get(ref) : ref.get())).data();
  if (accessTo(summary, ownerUid, uid) === "viewer") {
    throw new DomainError("permission-denied", "not-an-editor", "Viewers cannot change history.");
  }
  return summary!;
}
