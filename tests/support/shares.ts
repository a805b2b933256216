// Shares arranged for page tests: a conversation written with the admin SDK, shared through the
// createShare domain function (the same code the callable runs).
import type { Firestore } from "firebase-admin/firestore";
import { firestorePaths, type ConversationData } from "../../client/src/index.js";
import { rateLimitKeyOfIp } from "../../functions/src/common/client-ip.js";
import { createShare } from "../../functions/src/shares/create.js";
import { guessCharges } from "../../functions/src/shares/share-charges.js";
import type { ShareDeps } from "../../functions/src/shares/deps.js";
import { adminDb } from "./admin.js";
import { conversationData } from "./conversation-data.js";
import { emulatorHosts } from "./emulators.js";
import { withLastingWindows } from "./rate-limits.js";

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

/** The guess budgets a password try on share `code` from each of `addresses` charges. */
export const guessChargesFrom = (code: string, addresses: readonly string[]) =>
  addresses.flatMap((address) => guessCharges(code, rateLimitKeyOfIp(address)));

/** `shareOf` with a password, whose guess windows for `addresses` last a minute (withLastingWindows). */
export const passwordShareFor = (
  addresses: readonly string[],
  data: ConversationData = conversationData(2),
  password = "open sesame",
): Promise<string> =>
  withLastingWindows(
    () => shareOf(data, { password }),
    (code) => guessChargesFrom(code, addresses),
  );
