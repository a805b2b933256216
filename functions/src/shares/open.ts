// Opening a share as a viewer: the checks every way in shares (openShare, copy, the page, downloads).
import { DomainError } from "../common/errors.js";
import { consumeRateLimits, releaseRateLimits } from "../rate-limit/rate-limiter.js";
import type { ConversationData, OpenedShare } from "../schema.js";
import type { ShareCaller, ShareDeps } from "./deps.js";
import { assertLive, existing, secretRef, shareRef, type StoredShare } from "./documents.js";
import { guessCharges, readCharges } from "./limits.js";
import { verifyPassword } from "./password.js";
import { countView } from "./views.js";

export interface UnlockedShare {
  code: string;
  share: StoredShare;
  content: ConversationData;
}

/**
 * A live share's content for this caller: public ones at once, protected ones for the right
 * password. Each password attempt reserves a guess in two budgets (per share and address, per
 * share) before it is checked, so concurrent guesses can never exceed them; a right password gives
 * its guess back, so only wrong ones spend. Does not count a view or a read: callers decide.
 */
export async function unlockShare(
  deps: ShareDeps,
  code: string,
  password: string | undefined,
  clientKey: string,
): Promise<UnlockedShare> {
  const { db } = deps;
  const share = existing(await shareRef(db, code).get());
  assertLive(share, deps.now());
  if (!share.passwordProtected && share.content !== null) return { code, share, content: share.content };
  if (password === undefined) {
    throw new DomainError("permission-denied", "password-required", "This share needs its password.");
  }
  const charges = guessCharges(code, clientKey);
  await consumeRateLimits(db, charges, deps.now());
  const secret = (await secretRef(db, code).get()).data();
  const right = secret?.password != null && (await verifyPassword(password, secret.password));
  if (!right || !secret?.content) {
    throw new DomainError("permission-denied", "wrong-password", "That is not this share's password.");
  }
  await releaseRateLimits(db, charges, deps.now());
  return { code, share, content: secret.content };
}

/** openShare: a viewer (a person: crawlers never call callables) opens a share; the view counts. */
export async function openShare(
  deps: ShareDeps,
  caller: ShareCaller,
  input: { code: string; password?: string | undefined },
): Promise<OpenedShare> {
  await consumeRateLimits(deps.db, readCharges(caller), deps.now());
  const { share, content } = await unlockShare(deps, input.code, input.password, caller.clientKey);
  await countView(deps.db, input.code, share.expiresAt);
  return {
    code: input.code,
    title: share.title,
    content,
    allowDownload: share.allowDownload,
    expiresAt: share.expiresAt.toDate().toISOString(),
  };
}
