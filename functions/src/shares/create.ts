import { Timestamp } from "firebase-admin/firestore";
import { assertAccountOpenIn } from "../common/closed-accounts.js";
import { DomainError } from "../common/errors.js";
import { CodeTaken, withFreshCode } from "../common/fresh-code.js";
import { contentRef, conversationNotFound } from "../conversations/conversation-documents.js";
import { consumeRateLimits } from "../rate-limit/rate-limiter.js";
import {
  shareUrl,
  SHARE_LIMITS,
  type CreateShareInput,
  type CreateShareOutput,
  type PasswordHash,
} from "../schema.js";
import type { ShareDeps } from "./deps.js";
import {
  assertLive,
  hoursFrom,
  liveSharesOf,
  ownedBy,
  ownerRef,
  ownRecordOf,
  ownShareRef,
  revokeShareDocuments,
  passwordOf,
  secretRef,
  sharedContentOf,
  shareRef,
  type StoredSecret,
  type StoredShare,
} from "./documents.js";
import { createCharges } from "./share-charges.js";
import { hashPassword } from "./password.js";

interface NewShareSettings {
  conversationId: string;
  expiresInHours: number;
  password: PasswordHash | null;
  allowDownload: boolean;
  /** The share regenerateShare is replacing: it is revoked right after, so it does not count. */
  replaces?: string;
}

/**
 * Refuses a share beyond SHARE_LIMITS.liveSharesPerConversation. Read before the creating
 * transaction, not in it: a query in every create's transaction made concurrent creates of one user
 * abort each other. Creates in flight together can pass it at once, so the cap can be exceeded by
 * those (at most the 30-a-minute create budget); each save's work stays bounded by that.
 */
async function assertUnderShareCap(deps: ShareDeps, uid: string, settings: NewShareSettings, now: Date) {
  const live = await liveSharesOf(deps.db, uid, settings.conversationId, now).select().get();
  const others = live.docs.filter((doc) => doc.id !== settings.replaces);
  if (others.length >= SHARE_LIMITS.liveSharesPerConversation) {
    throw new DomainError(
      "failed-precondition",
      "too-many-shares",
      `A conversation can have at most ${SHARE_LIMITS.liveSharesPerConversation} live shares: revoke one first.`,
    );
  }
}

/** Creates the share documents from the conversation's current content, in one transaction. */
async function writeNewShare(deps: ShareDeps, uid: string, settings: NewShareSettings, code: string) {
  const { db } = deps;
  const now = deps.now();
  const expiresAt = hoursFrom(now, settings.expiresInHours);
  await assertUnderShareCap(deps, uid, settings, now);
  await db.runTransaction(async (tx) => {
    await assertAccountOpenIn(tx, db, uid);
    const [existing, content] = await tx.getAll(
      shareRef(db, code),
      contentRef(db, uid, settings.conversationId),
    );
    if (existing!.exists) throw new CodeTaken();
    const copy = sharedContentOf(content!);
    if (copy === null) throw conversationNotFound();
    const isProtected = settings.password !== null;
    const share: StoredShare = {
      title: copy.data.title,
      createdAt: Timestamp.fromDate(now),
      updatedAt: Timestamp.fromDate(now),
      expiresAt,
      revokedAt: null,
      passwordProtected: isProtected,
      allowDownload: settings.allowDownload,
      viewCount: 0,
      revision: copy.revision,
      content: isProtected ? null : copy.data,
    };
    const secret: StoredSecret = {
      password: settings.password,
      content: isProtected ? copy.data : null,
      expiresAt,
    };
    tx.create(shareRef(db, code), share);
    tx.create(secretRef(db, code), secret);
    tx.create(ownShareRef(db, uid, code), ownRecordOf(share, settings.conversationId));
    tx.create(ownerRef(db, code), { ownerUid: uid, conversationId: settings.conversationId, expiresAt });
  });
  return { code, url: shareUrl(deps.baseUrl, code), expiresAt: expiresAt.toDate().toISOString() };
}

const createWithFreshCode = (deps: ShareDeps, uid: string, settings: NewShareSettings) =>
  withFreshCode(deps.newCode, (code) => writeNewShare(deps, uid, settings, code));

/** A new share link of one of the caller's conversations. */
export async function createShare(
  deps: ShareDeps,
  uid: string,
  input: CreateShareInput,
): Promise<CreateShareOutput> {
  await consumeRateLimits(deps.db, createCharges(uid), deps.now());
  return createWithFreshCode(deps, uid, {
    conversationId: input.conversationId,
    expiresInHours: input.expiresInHours ?? SHARE_LIMITS.defaultExpiryHours,
    password: input.password === undefined ? null : await hashPassword(input.password),
    allowDownload: input.allowDownload ?? true,
  });
}

/**
 * A new code for a live share whose link leaked: the old one is revoked and its successor keeps the
 * settings (password included, its expiry counted from now for the time the old one had left). A
 * revoked or expired share cannot be regenerated: revocation is final (its copies and password are
 * gone), and an expired link has no time left to carry over; share the conversation anew instead.
 */
export async function regenerateShare(
  deps: ShareDeps,
  uid: string,
  code: string,
): Promise<CreateShareOutput> {
  const { db } = deps;
  await consumeRateLimits(db, createCharges(uid), deps.now());
  const [own, snapshot, secret] = await db.getAll(
    ownShareRef(db, uid, code),
    shareRef(db, code),
    secretRef(db, code),
  );
  const old = ownedBy(own!, snapshot!);
  assertLive(old, deps.now());
  const remainingHours = Math.ceil((old.expiresAt.toMillis() - deps.now().getTime()) / 3_600_000);
  const created = await createWithFreshCode(deps, uid, {
    conversationId: old.conversationId,
    expiresInHours: Math.min(
      Math.max(remainingHours, SHARE_LIMITS.minExpiryHours),
      SHARE_LIMITS.maxExpiryHours,
    ),
    password: passwordOf(old, secret!.data() as StoredSecret | undefined),
    allowDownload: old.allowDownload,
    replaces: code,
  });
  await revokeShareDocuments(deps, uid, code);
  return created;
}
