// The share viewer's one read: a page that only shows a public share needs `firebase/firestore/lite`
// and this file, nothing else of the client (no auth, no callables, no zod), so it stays within a
// few per cent of the SDK it uses (`npm run bench`, "client size").
//
// It does not re-validate the content with zod: only functions write `shares/{code}`, and they store
// exactly what passed the conversation schema (docs/sharing.md). It checks the fields it reads.
import { doc, getDoc, type Firestore, type Timestamp } from "firebase/firestore/lite";
import type { ConversationData } from "../schema/conversation.js";
import { errorCode } from "../schema/error-code.js";
import { SHARE_CODE_PATTERN } from "../schema/limits.js";
import { firestorePaths } from "../schema/paths.js";

export interface PublicShare {
  code: string;
  title: string;
  content: ConversationData;
  allowDownload: boolean;
  /** ISO 8601. */
  expiresAt: string;
}

const isTimestamp = (value: unknown): value is Timestamp =>
  typeof value === "object" && value !== null && typeof (value as Timestamp).toMillis === "function";

const isConversation = (value: unknown): value is ConversationData =>
  typeof value === "object" &&
  value !== null &&
  Array.isArray((value as { conversation?: { messages?: unknown } }).conversation?.messages);

/**
 * A live public share in one document read, or null when there is none to show this way: an
 * unknown, revoked, expired or password-protected code (the rules refuse those reads), or a
 * malformed one. The full client's `openShare` (the callable) tells those apart and takes passwords.
 * Other failures (offline, unavailable) reject with the SDK's FirestoreError.
 */
export async function readPublicShare(
  db: Firestore,
  code: string,
  now = new Date(),
): Promise<PublicShare | null> {
  if (!SHARE_CODE_PATTERN.test(code)) return null;
  const snapshot = await getDoc(doc(db, firestorePaths.share(code))).catch((error: unknown) => {
    if (errorCode(error) === "permission-denied") return null;
    throw error; // offline or unavailable: not the same as "no such share"
  });
  const share = snapshot?.data();
  if (!share || share.passwordProtected !== false || share.revokedAt !== null) return null;
  const { title, content, allowDownload, expiresAt } = share as Record<string, unknown>;
  if (typeof title !== "string" || typeof allowDownload !== "boolean" || !isTimestamp(expiresAt)) return null;
  if (!isConversation(content)) return null;
  if (expiresAt.toMillis() <= now.getTime()) return null;
  return {
    code,
    title,
    content,
    allowDownload,
    expiresAt: expiresAt.toDate().toISOString(),
  };
}
