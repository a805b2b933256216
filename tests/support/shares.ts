// Shares arranged for page tests: a conversation written with the admin SDK, shared through the
// createShare domain function (the same code the callable runs).
import type { Firestore } from "firebase-admin/firestore";
import { firestorePaths, type ConversationData } from "../../client/src/index.js";
import { createShare } from "../../functions/src/shares/create.js";
import type { ShareDeps } from "../../functions/src/shares/deps.js";
import { adminDb } from "./admin.js";
import { conversationData } from "./conversation-data.js";
import { emulatorHosts } from "./emulators.js";

export const HOSTING = `http://${emulatorHosts.hosting}`;

let made = 0;
export const shareDeps = (db: Firestore): ShareDeps => ({
  db,
  now: () => new Date(),
  baseUrl: HOSTING,
  newCode: () => `pg${String(++made).padStart(4, "0")}${Date.now()}`.padEnd(22, "x").slice(0, 22),
});

/**
 * A live share of a conversation of its own (a shared conversation id would let a late sync
 * trigger from another test revoke it).
 */
export async function shareOf(
  data: ConversationData = conversationData(4),
  options: { password?: string; allowDownload?: boolean } = {},
): Promise<string> {
  const db = adminDb();
  const conversationId = `page${++made}${Date.now()}`;
  await db.doc(firestorePaths.content("owner", conversationId)).set({ ...data, revision: 1 });
  return (await createShare(shareDeps(db), "owner", { conversationId, ...options })).code;
}
