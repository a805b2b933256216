// A deleted or disabled account's ID tokens stay valid for up to an hour, in every open tab. These
// checks make that hour useless: callables ask Auth whether the account is still open, and writes
// that must never come from a closed account (anything that can become public) read the
// `closedAccounts/{uid}` tombstone inside their transaction, the same document the rules check.
import type { Auth } from "firebase-admin/auth";
import { Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import { firestorePaths } from "../schema.js";
import { DomainError } from "./errors.js";

/** How long a tombstone is kept: longer than any ID token lives (1 hour); a TTL policy removes it. */
const TOMBSTONE_HOURS = 24;

export interface ClosedAccount {
  closedAt: Timestamp;
  /** Why it closed (a document field, not an error reason). */
  cause: "deleted" | "disabled";
  expiresAt: Timestamp;
}

const closed = () =>
  new DomainError("unauthenticated", "account-closed", "This account was deleted or disabled.");

const tombstoneRef = (db: Firestore, uid: string) => db.doc(firestorePaths.closedAccount(uid));

/** Writes the tombstone: from now on the rules refuse the account's writes. Idempotent. */
export async function markAccountClosed(
  db: Firestore,
  uid: string,
  cause: ClosedAccount["cause"],
  closedAt: Date,
): Promise<void> {
  await tombstoneRef(db, uid).set({
    closedAt: Timestamp.fromDate(closedAt),
    cause,
    expiresAt: Timestamp.fromMillis(closedAt.getTime() + TOMBSTONE_HOURS * 3_600_000),
  } satisfies ClosedAccount);
}

/** Removes the tombstone of an account that is open again (a re-created Kakao uid, a re-enabled account). */
export async function clearAccountClosed(db: Firestore, uid: string): Promise<void> {
  await tombstoneRef(db, uid).delete();
}

/**
 * Inside a transaction that writes for `uid`: refuses when the account's tombstone exists. The
 * transaction's read and the deletion trigger's tombstone write are serialised by Firestore, so a
 * write either commits before the tombstone (and the cleanup that follows it deletes what it wrote)
 * or is refused: nothing slips between the two.
 */
export async function assertAccountOpenIn(tx: Transaction, db: Firestore, uid: string): Promise<void> {
  if ((await tx.get(tombstoneRef(db, uid))).exists) throw closed();
}

/**
 * For signed-in callables: the account must still exist, be enabled, and the token must not predate
 * a revocation (`tokensValidAfterTime`, which also covers a Kakao uid deleted and created again).
 * One Auth lookup per call (docs/performance.md).
 */
export async function assertAccountOpen(auth: Auth, uid: string, authTimeSeconds: number): Promise<void> {
  let user;
  try {
    user = await auth.getUser(uid);
  } catch (error) {
    if ((error as { code?: unknown }).code === "auth/user-not-found") throw closed();
    throw error;
  }
  const validAfter = user.tokensValidAfterTime ? Date.parse(user.tokensValidAfterTime) : 0;
  if (user.disabled || authTimeSeconds * 1000 < validAfter) throw closed();
}
