// Opening a share as a viewer: the checks every way in shares (openShare, copy, the page, downloads).
import { DomainError } from "../common/errors.js";
import { consumeRateLimits, releaseRateLimits } from "../rate-limit/rate-limiter.js";
import type { ConversationData, OpenedShare } from "../schema.js";
import type { ShareCaller, ShareDeps } from "./deps.js";
import { assertLive, existing, ownShareRef, secretRef, shareRef, type StoredShare } from "./documents.js";
import { guessCharges, readCharges } from "./share-charges.js";
import { verifyPassword } from "./password.js";
import { countView } from "./views.js";

export interface UnlockedShare {
  code: string;
  share: StoredShare;
  content: ConversationData;
}

const wrongPassword = () =>
  new DomainError("permission-denied", "wrong-password", "That is not this share's password.");

async function secretContent(deps: ShareDeps, code: string) {
  return (await secretRef(deps.db, code).get()).data();
}

/**
 * A live share's content for this caller, counted as one read against their budgets. Its owner
 * (signed in) needs no password and spends no guess, so no stranger's guessing locks them out. Anyone
 * else's password reserves one guess in each of two budgets (per share and address, per share) before
 * it is checked, so concurrent guesses can never exceed them; only a wrong password keeps its guess
 * spent. Does not count a view: callers decide.
 */
export async function unlockShare(
  deps: ShareDeps,
  caller: ShareCaller,
  code: string,
  password: string | undefined,
): Promise<UnlockedShare> {
  await consumeRateLimits(deps.db, readCharges(caller), deps.now());
  const share = existing(await shareRef(deps.db, code).get());
  assertLive(share, deps.now());
  if (!share.passwordProtected && share.content !== null) return { code, share, content: share.content };
  // Ownership is the owner's own record of the code (the public document names no owner).
  if (caller.uid !== null && (await ownShareRef(deps.db, caller.uid, code).get()).exists) {
    const secret = await secretContent(deps, code);
    if (!secret?.content) throw wrongPassword();
    return { code, share, content: secret.content };
  }
  if (password === undefined) {
    throw new DomainError("permission-denied", "password-required", "This share needs its password.");
  }
  const guessSlots = await consumeRateLimits(deps.db, guessCharges(code, caller.clientKey), deps.now());
  let spent = false;
  try {
    const secret = await secretContent(deps, code);
    if (!secret?.password || !secret.content || !(await verifyPassword(password, secret.password))) {
      spent = true;
      throw wrongPassword();
    }
    return { code, share, content: secret.content };
  } finally {
    if (!spent) await releaseRateLimits(guessSlots);
  }
}

/** openShare: a viewer (a person: crawlers never call callables) opens a share; the view counts. */
export async function openShare(
  deps: ShareDeps,
  caller: ShareCaller,
  input: { code: string; password?: string | undefined },
): Promise<OpenedShare> {
  const { share, content } = await unlockShare(deps, caller, input.code, input.password);
  await countView(deps.db, input.code, share.expiresAt);
  return {
    code: input.code,
    title: share.title,
    content,
    allowDownload: share.allowDownload,
    expiresAt: share.expiresAt.toDate().toISOString(),
  };
}
