import { createHash } from "node:crypto";
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { DomainError } from "../common/errors.js";
import { firestorePaths } from "../schema.js";

export interface RateLimitRule {
  /** Names the counter family, e.g. `kakaoSignIn-ip`; part of every counter's document id. */
  name: string;
  limit: number;
  windowMs: number;
}

/** One counter to charge: a rule and whose budget (an address, a uid, a share code…). */
export interface RateLimitCharge {
  rule: RateLimitRule;
  key: string;
}

interface Counter {
  count: number;
  windowStart: Timestamp;
  expiresAt: Timestamp;
}

/**
 * `rateLimits/{rule}_{hash}`: functions-only; its `expiresAt` carries a TTL policy (README). Keys are
 * hashed into the id, which keeps addresses out of ids and logs (pseudonymous only: an IPv4 hash is
 * easily reversed).
 */
function counterRef(db: Firestore, { rule, key }: RateLimitCharge): DocumentReference {
  const keyHash = createHash("sha256").update(key).digest("base64url").slice(0, 32);
  return db.doc(firestorePaths.rateLimit(`${rule.name}_${keyHash}`));
}

const isOpen = (counter: Counter | undefined, now: Date): counter is Counter =>
  counter !== undefined && counter.expiresAt.toMillis() > now.getTime();

/**
 * Counts one call against every charge at once (fixed windows opened by each key's first call), or
 * none of them: when any budget is spent it throws `resource-exhausted` with the longest wait.
 * One transaction, so concurrent calls can never exceed a budget.
 */
export async function consumeRateLimits(
  db: Firestore,
  charges: readonly RateLimitCharge[],
  now: Date,
): Promise<void> {
  if (charges.length === 0) return;
  const refs = charges.map((charge) => counterRef(db, charge));
  const retryAfterSeconds = await db.runTransaction(async (tx) => {
    const counters = (await tx.getAll(...refs)).map((s) => s.data() as Counter | undefined);
    const waits = counters.flatMap((counter, i) =>
      isOpen(counter, now) && counter.count >= charges[i]!.rule.limit
        ? [Math.ceil((counter.expiresAt.toMillis() - now.getTime()) / 1000)]
        : [],
    );
    if (waits.length > 0) return Math.max(...waits);
    counters.forEach((counter, i) => {
      if (isOpen(counter, now)) {
        tx.update(refs[i]!, { count: counter.count + 1 });
      } else {
        tx.set(refs[i]!, {
          count: 1,
          windowStart: Timestamp.fromDate(now),
          expiresAt: Timestamp.fromMillis(now.getTime() + charges[i]!.rule.windowMs),
        } satisfies Counter);
      }
    });
    return null;
  });
  if (retryAfterSeconds !== null) {
    throw new DomainError("resource-exhausted", "rate-limited", "Too many requests; try again later.", {
      retryAfterSeconds,
    });
  }
}

/** Counts one call of `key` against `rule`; see consumeRateLimits. */
export const consumeRateLimit = (db: Firestore, rule: RateLimitRule, key: string, now: Date) =>
  consumeRateLimits(db, [{ rule, key }], now);

/**
 * Gives back one call counted by consumeRateLimits in the same window: for budgets that only
 * failures should spend (a right password returns the attempt it reserved).
 */
export async function releaseRateLimits(
  db: Firestore,
  charges: readonly RateLimitCharge[],
  now: Date,
): Promise<void> {
  if (charges.length === 0) return;
  const refs = charges.map((charge) => counterRef(db, charge));
  await db.runTransaction(async (tx) => {
    const counters = (await tx.getAll(...refs)).map((s) => s.data() as Counter | undefined);
    counters.forEach((counter, i) => {
      if (isOpen(counter, now) && counter.count > 0) tx.update(refs[i]!, { count: counter.count - 1 });
    });
  });
}
