// The owner's changes to a share: settings and revocation.
import { Timestamp } from "firebase-admin/firestore";
import { assertAccountOpenIn } from "../common/closed-accounts.js";
import { consumeRateLimits } from "../rate-limit/rate-limiter.js";
import type { ShareSettings, UpdateShareInput } from "../schema.js";
import { settingsOf } from "../schema.js";
import type { ShareDeps } from "./deps.js";
import {
  assertLive,
  hoursFrom,
  ownedBy,
  ownerRef,
  ownRecordOf,
  ownShareRef,
  revokeShareDocuments,
  passwordOf,
  secretRef,
  shareRef,
  type StoredSecret,
  type StoredShare,
} from "./documents.js";
import { userCharges } from "./share-charges.js";
import { hashPassword } from "./password.js";

/**
 * Changes a live share's expiry (counted from now), password (null removes it) or allowDownload.
 * Adding a password moves the copy into the secret document; removing one makes it public again.
 */
export async function updateShare(
  deps: ShareDeps,
  uid: string,
  input: UpdateShareInput,
): Promise<ShareSettings> {
  const { db } = deps;
  const now = deps.now();
  await consumeRateLimits(db, userCharges(uid), now);
  // Hashing is slow (scrypt): do it before the transaction, which may run more than once.
  const newHash = typeof input.password === "string" ? await hashPassword(input.password) : null;
  const updated = await db.runTransaction(async (tx) => {
    await assertAccountOpenIn(tx, db, uid);
    const [own, snapshot, secretSnapshot] = await Promise.all([
      tx.get(ownShareRef(db, uid, input.code)),
      tx.get(shareRef(db, input.code)),
      tx.get(secretRef(db, input.code)),
    ]);
    const { conversationId, ...share } = ownedBy(own, snapshot);
    assertLive(share, now);
    const secret = secretSnapshot.data();
    const content = share.content ?? secret?.content ?? null;
    const password = input.password === undefined ? passwordOf(share, secret) : newHash;
    const isProtected = password !== null;
    const expiresAt =
      input.expiresInHours === undefined ? share.expiresAt : hoursFrom(now, input.expiresInHours);
    const next: StoredShare = {
      ...share,
      expiresAt,
      allowDownload: input.allowDownload ?? share.allowDownload,
      passwordProtected: isProtected,
      content: isProtected ? null : content,
      updatedAt: Timestamp.fromDate(now),
    };
    tx.set(shareRef(db, input.code), next);
    tx.set(ownShareRef(db, uid, input.code), ownRecordOf(next, conversationId));
    tx.update(ownerRef(db, input.code), { expiresAt });
    tx.set(secretRef(db, input.code), {
      password,
      content: isProtected ? content : null,
      expiresAt,
    } satisfies StoredSecret);
    return ownRecordOf(next, conversationId);
  });
  return settingsOf(input.code, updated, deps.baseUrl);
}

/** Revokes one of the caller's shares; revoking a revoked share is a no-op that answers its time. */
export async function revokeShare(
  deps: ShareDeps,
  uid: string,
  code: string,
): Promise<{ code: string; revokedAt: string }> {
  await consumeRateLimits(deps.db, userCharges(uid), deps.now());
  const [own, snapshot] = await deps.db.getAll(ownShareRef(deps.db, uid, code), shareRef(deps.db, code));
  const share = ownedBy(own!, snapshot!);
  const revokedAt = share.revokedAt ?? (await revokeShareDocuments(deps, uid, code));
  return { code, revokedAt: revokedAt.toDate().toISOString() };
}
