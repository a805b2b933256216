import { collection, doc, type CollectionReference, type DocumentReference } from "firebase/firestore";
import type { TalkStudio } from "../firebase.js";
import { ConversationError } from "./errors.js";

/** Every conversation call acts for the signed-in user on their own documents only. */
export function currentUid(ts: TalkStudio): string {
  const uid = ts.auth.currentUser?.uid;
  if (!uid) throw new ConversationError("permission-denied", "Sign in before using conversations.");
  return uid;
}

export const conversationsOf = (ts: TalkStudio, uid: string): CollectionReference =>
  collection(ts.db, "users", uid, "conversations");
export const summaryRef = (ts: TalkStudio, uid: string, id: string): DocumentReference =>
  doc(ts.db, "users", uid, "conversations", id);
export const contentRef = (ts: TalkStudio, uid: string, id: string): DocumentReference =>
  doc(ts.db, "users", uid, "conversations", id, "content", "current");
export const throttleRef = (
  ts: TalkStudio,
  uid: string,
  name: "conversationCreates" | "conversationImports",
): DocumentReference => doc(ts.db, "users", uid, "throttles", name);
