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

/** Counters are hot under attack: retry contended transactions longer than the SDK's default 5. */
const CONTENDED_ATTEMPTS = 20;

const isOpen = (counter: Counter | undefined, now: Date): counter is Counter =>
  counter !== undefined && counter.expiresAt.toMillis() > now.getTime();

/** Charges one counter in its own transaction; the seconds to wait when its budget is spent, else null. */
function charge(db: Firestore, item: RateLimitCharge, now: Date): Promise<number | null> {
  const ref = counterRef(db, item);
  return db.runTransaction(
    async (tx) => {
      const counter = (await tx.get(ref)).data() as Counter | undefined;
      if (!isOpen(counter, now)) {
        tx.set(ref, {
          count: 1,
          windowStart: Timestamp.fromDate(now),
          expiresAt: Timestamp.fromMillis(now.getTime() + item.rule.windowMs),
        } satisfies Counter);
        return null;
      }
      if (counter.count >= item.rule.limit) {
        return Math.ceil((counter.expiresAt.toMillis() - now.getTime()) / 1000);
      }
      tx.update(ref, { count: counter.count + 1 });
      return null;
    },
    { maxAttempts: CONTENDED_ATTEMPTS },
  );
}

/**
 * Counts one call against every charge (fixed windows opened by each key's first call), or leaves
 * them as they were: when a budget is spent it gives back what it already charged and throws
 * `resource-exhausted` with the wait. Each counter is charged in its own single-document
 * transaction, so concurrent calls can never push a counter past its limit; charging one by one
 * (not all in one transaction) keeps a hot counter from locking the others under attack. While a
 * refused call gives its charges back, a concurrent one may be refused too: this errs towards
 * refusing, never towards admitting.
 */
export async function consumeRateLimits(
  db: Firestore,
  charges: readonly RateLimitCharge[],
  now: Date,
): Promise<void> {
  const charged: RateLimitCharge[] = [];
  for (const item of charges) {
    const retryAfterSeconds = await charge(db, item, now);
    if (retryAfterSeconds !== null) {
      await releaseRateLimits(db, charged, now);
      throw new DomainError("resource-exhausted", "rate-limited", "Too many requests; try again later.", {
        retryAfterSeconds,
      });
    }
    charged.push(item);
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
  for (const item of charges) {
    const ref = counterRef(db, item);
    await db.runTransaction(
      async (tx) => {
        const counter = (await tx.get(ref)).data() as Counter | undefined;
        if (isOpen(counter, now) && counter.count > 0) tx.update(ref, { count: counter.count - 1 });
      },
      { maxAttempts: CONTENDED_ATTEMPTS },
    );
  }
}
